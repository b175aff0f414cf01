import streamlit as st

from dashboard import charts, views
from dashboard.i18n import t
from dashboard.ui import cache, page

view, gaz, rec, version = page.setup()
page.heading("page_timeline", view, gaz)
lg = view.lang

axis = st.radio(t("axis_mode", lg), ["date", "h"], key="axis", horizontal=True,
                format_func=lambda a: t("axis_date" if a == "date" else "axis_h", lg))
tl = cache.timeline(version, view.election, view.region)
kinds, _ = views.ceremony_texts(rec, list(tl.events["id"]), lg)
left, right = st.columns([3, 1])
left.plotly_chart(charts.timeline_figure(tl, rec.calendar, kinds, lg, axis), width="stretch",
                  key="timeline_chart")
with right:
    st.subheader(t("undated_list", lg))
    if tl.undated.empty:
        st.caption("–")
    for c in tl.undated.itertuples():
        st.markdown(f"**{c.region_name}** — {views.kinds_text(rec, c.id, lg)}  \n"
                    f"{c.leader_name or ''}  \n_{c.date_note}_  \n{views.sources_text(rec, c.id)}")
st.dataframe(views.ceremony_rows(rec, list(tl.events["id"]), lg).drop(columns=["id"]), hide_index=True,
             width="stretch", key="timeline_table")
