import streamlit as st

from dashboard import charts, fmt, views
from dashboard.export.files import MIME, file_name
from dashboard.risk import Risk
from dashboard.i18n import t
from dashboard.records.vocab import COMMITMENT_CATEGORIES
from dashboard.ui import cache, downloads, page
from dashboard.ui.safe import md

view, gaz, rec, version = page.setup()
page.heading("page_readiness", view, gaz, rec)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
table = rep.readiness
page.empty_note(rep)
downloads.menu(rep, "komitmen")
st.plotly_chart(charts.readiness_bar(table, lg), width="stretch", key="readiness_chart")

st.caption(t("sorted_note", lg))
page.table(views.readiness_rows(table, lg), "readiness_table", lg)

downloads.menu(rep, "kategori")
st.plotly_chart(charts.category_grid(table, lg), width="stretch", key="category_grid")
st.caption(" · ".join(f"{c.label(lg)}" for c in COMMITMENT_CATEGORIES.values()))

st.subheader(t("figures_title", lg))
figs = rep.figures
if figs.empty:
    st.info(t("none_reported", lg))
else:
    st.dataframe(views.figure_rows(figs, lg, rec), hide_index=True, width="stretch", key="figures_table")

# Who has not pledged yet (issue 42 §1): the units to follow up, with the head a letter goes to
st.subheader(t("pending_title", lg))
waiting = rep.table("belum")
if len(waiting):
    note_col, dl = st.columns([5, 1], vertical_alignment="bottom")
    note_col.caption(rep.pending_note)
    with dl:
        downloads.menu(rep, "belum", images=False)
    page.table(waiting.fillna("–"), "pending_table", lg)  # no briefing yet: a dash, never "None"
    downloads.letter_buttons(rep)  # issue 42 §2: the follow-up letter to these units
else:
    st.info(rep.pending_note)

# Risk beside commitment (issue 27): units no binding ceremony reaches, by an indicator's value
st.subheader(t("risk_title", lg))
stored = cache.indicator_values(version)
if stored.empty:
    st.info(t("risk_none_stored", lg))
else:
    names = cache.indicator_names(version)
    chosen = st.selectbox(t("risk_pick", lg), list(names), format_func=lambda i: names[i] or i, key="indicator")
    risk = Risk(rep, stored, chosen)
    # the files name the indicator's publishers as their sources, with the view's place, election and date
    for kind, key, table in zip(("prioritas", "temuan"), ("risk_no_ceremony", "risk_despite"), risk.priority):
        meta = risk.meta(kind)
        st.markdown(f"**{md(meta.title)}**")
        if key == "risk_no_ceremony":
            high = fmt.number(risk.cuts[1], lg, 2) if risk.cuts else "–"
            st.caption(t("risk_no_ceremony_note", lg, date=fmt.date_long(view.as_of, lg), high=high,
                         none=fmt.number(risk.without_value, lg, 0)))
        narrow = {t(k, lg): st.column_config.TextColumn(width=w) for k, w in (("code", 80), ("risk_value", 105), ("risk_value_date", 105))}
        page.table(table, f"{key}_table", lg, column_config=narrow)
        row = st.container(horizontal=True)
        for f in ("csv", "xlsx"):
            row.download_button(t(f"dl_{f}", lg), downloads.risk_data(risk, kind, f),
                                file_name=file_name(meta, f), mime=MIME[f], key=f"download_{key}_{f}",
                                on_click="ignore", icon=":material/download:")
