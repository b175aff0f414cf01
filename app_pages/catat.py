import streamlit as st

from dashboard.i18n import t
from dashboard.ui import account, entry, page

view, gaz, rec, version = page.setup()
page.heading("page_entry", view, gaz, rec)
user = account.box(view.lang, main=True)
if user is None:
    st.info(t("login_needed", view.lang))
else:
    entry.form(view, gaz, user, view.lang)
