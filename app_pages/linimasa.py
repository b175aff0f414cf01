import streamlit as st

from dashboard import metrics, views
from dashboard.i18n import t
from dashboard.ui import cache, downloads, page
from dashboard.ui.safe import md

view, gaz, rec, version = page.setup()
page.heading("page_timeline", view, gaz, rec)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
page.empty_note(rep)
axis_col, dl = st.columns([5, 1], vertical_alignment="bottom")
planned = rep.election_day is None  # no day yet: nothing to count H from
axis = axis_col.radio(t("axis_mode", lg), ["date", "h"], key="axis", horizontal=True, disabled=planned,
                      format_func=lambda a: t("axis_date" if a == "date" else "axis_h", lg))
if planned:
    axis = "date"
    axis_col.caption(t("no_h_axis", lg))
with dl:
    downloads.menu(rep, "linimasa", axis=axis)
tl = rep.timeline
# Set beside another election this region voted in, aligned on each one's election day (Pilkada 2024
# and its re-vote; Pemilu 2024 and the next): the same H distance is the same number of days to go.
others = [] if planned else metrics.comparable(rec.calendar, view.region, view.election)
names = dict(zip(rec.calendar["id"], rec.calendar["name_en" if lg == "en" else "name"]))
if st.session_state.get("compare") not in ["", *others]:
    st.session_state["compare"] = ""
cmp_col, cmp_dl = st.columns([5, 1], vertical_alignment="bottom")
compare = cmp_col.selectbox(t("compare_with", lg), ["", *others], key="compare", help=t("compare_help", lg),
                            format_func=lambda e: names.get(e) or t("compare_none", lg))
if compare:
    both = cache.report(version, view.election, view.as_of, view.region, lg, compare=compare)
    with cmp_dl:
        downloads.menu(both, "perbandingan")
    st.plotly_chart(both.figure("perbandingan"), width="stretch", key="compare_chart")
left, right = st.columns([3, 1])
left.plotly_chart(rep.figure("linimasa", axis=axis), width="stretch", key="timeline_chart")
with right:
    st.subheader(t("undated_list", lg))
    if tl.undated.empty:
        st.caption("–")
    for c in tl.undated.itertuples():
        st.markdown(f"**{md(c.region_name)}** — {md(views.kinds_text(rec, c.id, lg))}  \n"
                    f"{md(c.leader_name or '')}  \n_{md(c.date_note)}_  \n{md(views.sources_text(rec, c.id))}")
page.table(views.ceremony_rows(rec, list(tl.events["id"]), lg).drop(columns=["id"]), "timeline_table", lg)
