"""The server: ``streamlit run serve.py`` serves ``app.py`` (the router) and, as it starts,
loads the boundaries, the records and the opening national map in the background
(:mod:`dashboard.ui.warm`), so the first visitor does not wait for them.
``streamlit run app.py`` still works; it only skips that warm-up."""

import streamlit as st

from dashboard.ui.warm import lifespan

app = st.App("app.py", lifespan=lifespan)
