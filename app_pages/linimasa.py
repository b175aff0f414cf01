import streamlit as st

from dashboard import views
from dashboard.i18n import t
from dashboard.ui import cache, downloads, page
from dashboard.ui.safe import md

view, gaz, rec, version = page.setup()
page.heading("page_timeline", view, gaz)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
axis_col, dl = st.columns([5, 1], vertical_alignment="bottom")
axis = axis_col.radio(t("axis_mode", lg), ["date", "h"], key="axis", horizontal=True,
                      format_func=lambda a: t("axis_date" if a == "date" else "axis_h", lg))
with dl:
    downloads.menu(rep, "linimasa", axis=axis)
tl = rep.timeline
left, right = st.columns([3, 1])
left.plotly_chart(rep.figure("linimasa", axis=axis), width="stretch", key="timeline_chart")
with right:
    st.subheader(t("undated_list", lg))
    if tl.undated.empty:
        st.caption("–")
    for c in tl.undated.itertuples():
        st.markdown(f"**{md(c.region_name)}** — {md(views.kinds_text(rec, c.id, lg))}  \n"
                    f"{md(c.leader_name or '')}  \n_{md(c.date_note)}_  \n{md(views.sources_text(rec, c.id))}")
st.dataframe(views.ceremony_rows(rec, list(tl.events["id"]), lg).drop(columns=["id"]), hide_index=True,
             width="stretch", key="timeline_table")
