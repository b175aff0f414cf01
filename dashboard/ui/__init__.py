"""The only Streamlit-aware part of the package: caching, sidebar controls, static files."""
