from functools import partial

import streamlit as st

from dashboard import views
from dashboard.export.files import MIME
from dashboard.export.tables import to_csv, to_xlsx
from dashboard.i18n import t
from dashboard.records.vocab import KINDS
from dashboard.ui import cache, page

view, gaz, rec, version = page.setup()
page.heading("page_data", view, gaz, rec)
lg = view.lang

c1, c2 = st.columns(2)
kinds = c1.multiselect(t("kinds", lg), list(KINDS), key="filter_kinds", format_func=lambda k: KINDS[k].label(lg),
                       placeholder=t("all_kinds", lg))
text = c2.text_input(t("filters", lg), key="filter_text")
table = views.filter_ceremonies(rec, view.election, view.region, kinds, text, lg)
st.caption(views.counted_text(rec, list(table["id"]), view.as_of, lg))
page.table(table, "records_table", lg)
# The files hold the rows shown (filters applied), headed by title, region, election, date and sources.
meta = cache.report(version, view.election, view.as_of, view.region, lg).meta("upacara")
# the files: the same rows, dated YYYY-MM-DD (Excel dates in XLSX) and with each region's code
table = views.ceremony_rows(rec, list(table["id"]), lg, file=True)
# side by side, each as wide as its label: fixed columns cut "Data CSV (koma, UTF-8)" at 1366 px
d1 = d2 = st.container(horizontal=True)
d1.download_button(t("dl_csv", lg), partial(to_csv, table, meta), file_name=meta.filename("csv"), mime=MIME["csv"],
                   key="download_csv", on_click="ignore", icon=":material/download:")
d2.download_button(t("dl_xlsx", lg), partial(to_xlsx, table, meta), file_name=meta.filename("xlsx"),
                   mime=MIME["xlsx"], key="download_xlsx", on_click="ignore", icon=":material/download:")
