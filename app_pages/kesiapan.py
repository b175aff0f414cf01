import streamlit as st

from dashboard import charts, fmt, metrics
from dashboard.i18n import state_label, t
from dashboard.records.vocab import COMMITMENT_CATEGORIES
from dashboard.ui import cache, page

view, gaz, rec, version = page.setup()
page.heading("page_readiness", view, gaz)
lg = view.lang

cov = cache.coverage(version, view.election, view.as_of, view.region)
table = metrics.readiness(rec, cov)
st.plotly_chart(charts.readiness_bar(table, lg), width="stretch", key="readiness_chart")

shown = table.sort_values("commitment_pct", ascending=False)
st.dataframe(
    shown.assign(
        state=[state_label(s, lg) for s in shown["state"]],
        commitment=[fmt.pct(v, lg) for v in shown["commitment_pct"]],
        reported=[fmt.pct(v, lg) if v == v and v is not None else "–" for v in shown["reported_pct"]],
        reported_date=[fmt.date_short(d, lg) if d is not None and d == d else "–" for d in shown["reported_as_of"]],
    )[["code", "label", "state", "commitment", "reported", "reported_date"]].rename(columns={
        "code": t("code", lg), "label": t("unit", lg), "state": t("state", lg),
        "commitment": t("commitment_pct", lg), "reported": t("reported_pct", lg), "reported_date": t("date", lg)}),
    hide_index=True, width="stretch", key="readiness_table")

st.plotly_chart(charts.category_grid(table, lg), width="stretch", key="category_grid")
st.caption(" · ".join(f"{c.label(lg)}" for c in COMMITMENT_CATEGORIES.values()))

st.subheader(t("figures_title", lg))
figs = metrics.reported_figures(rec, cov)
if figs.empty:
    st.info(t("none_reported", lg))
else:
    st.dataframe(figs.assign(date=[fmt.date_long(d, lg) for d in figs["as_of"]],
                             pct=[fmt.pct(p, lg) for p in figs["percent"]])[
        ["date", "region_code", "measure", "pct", "sources", "ceremony_id"]].rename(columns={
            "date": t("date", lg), "region_code": t("code", lg), "measure": t("measure", lg),
            "pct": t("reported_pct", lg), "sources": t("sources", lg)}),
        hide_index=True, width="stretch", key="figures_table")
