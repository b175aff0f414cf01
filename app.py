"""Peta Netralitas ASN — router only. Run: streamlit run serve.py (which serves this file)."""

from pathlib import Path

import streamlit as st

from dashboard import settings
from dashboard.errors import PetaError
from dashboard.i18n import t
from dashboard.ui.account import box, current_user
from dashboard.ui.controls import lang
from dashboard.ui.error_box import show_error
from dashboard.ui.static import ensure_fonts, ensure_leaflet

# The tab icon is the app's own file: a page's material icon would be fetched from Google's servers
# (the app must work offline, and send no request anywhere).
FAVICON = str(Path(__file__).resolve().parent / "dashboard" / "ui" / "favicon.png")
st.set_page_config(page_title="Peta Netralitas ASN", page_icon=FAVICON, layout="wide")
ensure_leaflet()
ensure_fonts()
lg = lang()
summary = st.Page("app_pages/ringkasan.py", title=t("page_summary", lg), icon=":material/dashboard:", url_path="ringkasan")


def home() -> None:
    """``/`` opens Ringkasan at its own address, keeping the link's view: a default page is served
    only at ``/``, so ``/ringkasan?…`` (a shared link) would otherwise say "Page not found"."""
    st.switch_page(summary, query_params=st.query_params.to_dict())


pages = [
    st.Page(home, title=t("page_summary", lg), url_path="beranda", default=True, visibility="hidden"),
    summary,
    st.Page("app_pages/peta.py", title=t("page_map", lg), icon=":material/map:", url_path="peta"),
    st.Page("app_pages/kesiapan.py", title=t("page_readiness", lg), icon=":material/bar_chart:", url_path="komitmen"),
    st.Page("app_pages/linimasa.py", title=t("page_timeline", lg), icon=":material/timeline:", url_path="linimasa"),
    st.Page("app_pages/data.py", title=t("page_data", lg), icon=":material/table:", url_path="data"),
    st.Page("app_pages/catat.py", title=t("page_entry", lg), icon=":material/edit_note:", url_path="catat"),
    st.Page("app_pages/berita.py", title=t("page_articles", lg), icon=":material/newspaper:", url_path="berita"),
    st.Page("app_pages/impor.py", title=t("page_import", lg), icon=":material/upload_file:", url_path="impor"),
    st.Page("app_pages/kalender.py", title=t("page_calendar", lg), icon=":material/event:", url_path="kalender"),
    st.Page("app_pages/riwayat.py", title=t("page_history", lg), icon=":material/history:", url_path="riwayat"),
]
briefing = st.query_params.get("mode") == "briefing"
if briefing:  # the Forkopimda display: one page, no navigation, no sidebar
    pages = [st.Page("app_pages/briefing.py", title=t("briefing", lg), url_path="pengarahan", default=True)]
if settings.get("PETA_LOGIN_TO_VIEW").lower() == "true" and current_user() is None:
    box(lg)  # viewing needs a login too: only the sign-in box until then
    st.info(t("login_needed", lg))
    st.stop()
try:
    st.navigation(pages, position="hidden" if briefing else "sidebar").run()
except PetaError as exc:  # the one place user-facing data problems are shown
    show_error(exc, lg)
