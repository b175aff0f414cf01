import streamlit as st

from dashboard.i18n import t
from dashboard.ui import account, calendar_form, page
from dashboard.ui.safe import md
from dashboard.views import calendar_rows

view, gaz, rec, version = page.setup()
page.heading("page_calendar", view, gaz)
st.caption(t("calendar_intro", view.lang))
# a table, not a grid: a calendar is a few rows, and every name, region list and source wraps whole.
# st.table reads Markdown in its cells: every cell (names and sources a user typed) is escaped to
# literal text, so nothing from the data links out or formats
rows = calendar_rows(rec.calendar, gaz, view.lang)
st.table(rows.map(md).rename(columns=md), hide_index=True, border="horizontal")
user = account.box(view.lang, main=True)
if user is None:
    st.info(t("calendar_login", view.lang))
elif user.region:
    mine = gaz.get(user.region).label if user.region in gaz else user.region
    st.info(t("calendar_global_only", view.lang, mine=mine))
else:
    calendar_form.form(gaz, rec.calendar, user, view.lang)
