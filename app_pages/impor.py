import streamlit as st

from dashboard import metrics
from dashboard.i18n import t
from dashboard.ui import account, importing, page

view, gaz, rec, version = page.setup()
page.heading("page_import", view, gaz)
user = account.box(view.lang, main=True)
# the template's example and code list follow the signed-in user's region (else the one in view)
where = (user.region if user else None) or view.region
importing.templates(gaz, rec.calendar, metrics.elections_in(rec.calendar, where), where, view.election, view.lang)
if user is None:
    st.info(t("login_needed", view.lang))
else:
    importing.upload(gaz, user, view.lang)
    importing.indicators_upload(gaz, user, view.lang)
