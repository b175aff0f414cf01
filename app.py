"""Peta Netralitas ASN — router only. Run: streamlit run app.py"""

import streamlit as st

from dashboard.errors import PetaError
from dashboard.i18n import t
from dashboard.ui.controls import lang
from dashboard.ui.page import show_error
from dashboard.ui.static import ensure_leaflet

st.set_page_config(page_title="Peta Netralitas ASN", layout="wide")
ensure_leaflet()
lg = lang()
pages = [
    st.Page("app_pages/ringkasan.py", title=t("page_summary", lg), icon=":material/dashboard:", url_path="ringkasan", default=True),
    st.Page("app_pages/peta.py", title=t("page_map", lg), icon=":material/map:", url_path="peta"),
    st.Page("app_pages/kesiapan.py", title=t("page_readiness", lg), icon=":material/bar_chart:", url_path="kesiapan"),
    st.Page("app_pages/linimasa.py", title=t("page_timeline", lg), icon=":material/timeline:", url_path="linimasa"),
    st.Page("app_pages/data.py", title=t("page_data", lg), icon=":material/table:", url_path="data"),
]
briefing = st.query_params.get("mode") == "briefing"
if briefing:  # the Forkompinda display: one page, no navigation, no sidebar
    pages = [st.Page("app_pages/briefing.py", title=t("briefing", lg), url_path="pengarahan", default=True)]
try:
    st.navigation(pages, position="hidden" if briefing else "sidebar").run()
except PetaError as exc:  # the one place user-facing data problems are shown
    show_error(exc, lg)
