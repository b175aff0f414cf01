import streamlit as st

from dashboard import views
from dashboard.i18n import t
from dashboard.records.vocab import KINDS
from dashboard.ui import page

view, gaz, rec, version = page.setup()
page.heading("page_data", view, gaz)
lg = view.lang

c1, c2 = st.columns(2)
kinds = c1.multiselect(t("kinds", lg), list(KINDS), key="filter_kinds", format_func=lambda k: KINDS[k].label(lg))
text = c2.text_input(t("filters", lg), key="filter_text")
table = views.filter_ceremonies(rec, view.election, view.region, kinds, text, lg)
st.caption(t("records_shown", lg, n=len(table)))
st.dataframe(table, hide_index=True, width="stretch", key="records_table")
st.download_button(t("download_csv", lg), table.to_csv(index=False).encode("utf-8-sig"),
                   file_name=f"upacara_{view.region or 'indonesia'}_{view.election}.csv", mime="text/csv",
                   key="download_csv", on_click="ignore")
