import streamlit as st

from dashboard.i18n import t
from dashboard.ui import account, articles, page

view, gaz, rec, version = page.setup()
page.heading("page_articles", view, gaz)
user = account.box(view.lang, main=True)
if user is None:
    st.info(t("login_needed", view.lang))
else:
    if st.session_state.get("_a_message"):
        st.success(st.session_state.pop("_a_message"))
    articles.read_report()
    row = articles.queue(gaz, user, view.lang)
    articles.add_panel(gaz, user, view.lang, expanded=row is None)
    if row is not None:
        articles.review(row, view, gaz, user, view.lang)
