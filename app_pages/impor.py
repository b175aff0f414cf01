import streamlit as st

from dashboard.i18n import t
from dashboard.ui import account, importing, page

view, gaz, rec, version = page.setup()
page.heading("page_import", view, gaz)
user = account.box(view.lang)
importing.templates(view.lang)
if user is None:
    st.info(t("login_needed", view.lang))
else:
    importing.upload(gaz, user, view.lang)
