
import streamlit as st

from dashboard import views
from dashboard.export.files import MIME
from dashboard.i18n import t
from dashboard.records.vocab import KINDS
from dashboard.ui import cache, downloads, page

view, gaz, rec, version = page.setup()
page.heading("page_data", view, gaz, rec)
lg = view.lang

c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
kinds = c1.multiselect(t("kinds", lg), list(KINDS), key="filter_kinds", format_func=lambda k: KINDS[k].label(lg),
                       placeholder=t("all_kinds", lg))
text = c2.text_input(t("filters", lg), key="filter_text")
proof = cache.proof_counts(version)  # issue 42 §3: the ceremonies whose reports carry proof
only = c3.checkbox(t("proof_only", lg), key="filter_proof", help=t("proof_only_help", lg))
ids = views.filter_ids(rec, view.election, view.region, kinds, text, lg, only=set(proof) if only else None)
st.caption(views.counted_text(rec, ids, view.as_of, lg))
# a page of rows at a time (issue 39): the whole country's table is never built to show 500 rows
shown = page.paged(ids, "records_page", lg)
page.table(views.ceremony_rows(rec, shown, lg, proof=proof), "records_table", lg)
# The files hold every row of the choice (filters applied, all pages), headed by title, region,
# election, date and sources; built when asked for, dated YYYY-MM-DD (Excel dates in XLSX) and
# with each region's code.
rep = cache.report(version, view.election, view.as_of, view.region, lg)
meta = rep.meta("upacara")
# side by side, each as wide as its label: fixed columns cut "Data CSV (koma, UTF-8)" at 1366 px
d1 = d2 = st.container(horizontal=True)
d1.download_button(t("dl_csv", lg), downloads.rows_data(rep, ids, "csv"), file_name=meta.filename("csv"),
                   mime=MIME["csv"], key="download_csv", on_click="ignore", icon=":material/download:")
d2.download_button(t("dl_xlsx", lg), downloads.rows_data(rep, ids, "xlsx"), file_name=meta.filename("xlsx"),
                   mime=MIME["xlsx"], key="download_xlsx", on_click="ignore", icon=":material/download:")
