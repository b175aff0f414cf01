"""Peta Netralitas ASN: records of ASN election-neutrality commitment ceremonies,
turned into coverage maps, readiness figures and timelines.

The package is plain Python (no Streamlit) except ``dashboard.ui``; pages in
``app_pages/`` wire widgets to the functions here.
"""

__version__ = "0.1.0"
