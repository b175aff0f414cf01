import streamlit as st

from dashboard import charts, views
from dashboard.i18n import t
from dashboard.records.vocab import COMMITMENT_CATEGORIES
from dashboard.ui import cache, downloads, page

view, gaz, rec, version = page.setup()
page.heading("page_readiness", view, gaz)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
table = rep.readiness
downloads.menu(rep, "kesiapan")
st.plotly_chart(charts.readiness_bar(table, lg), width="stretch", key="readiness_chart")

st.caption(t("sorted_note", lg))
st.dataframe(views.readiness_rows(table, lg), hide_index=True, width="stretch", key="readiness_table")

downloads.menu(rep, "kategori")
st.plotly_chart(charts.category_grid(table, lg), width="stretch", key="category_grid")
st.caption(" · ".join(f"{c.label(lg)}" for c in COMMITMENT_CATEGORIES.values()))

st.subheader(t("figures_title", lg))
figs = rep.figures
if figs.empty:
    st.info(t("none_reported", lg))
else:
    st.dataframe(views.figure_rows(figs, lg, rec), hide_index=True, width="stretch", key="figures_table")
