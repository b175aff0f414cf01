import datetime as dt

import streamlit as st

from dashboard import fmt, views
from dashboard.i18n import t, tn
from dashboard.ui import cache, controls, downloads, page
from dashboard.ui.safe import md

view, gaz, rec, version = page.setup()
page.heading("page_summary", view, gaz, rec)
rep = cache.report(version, view.election, view.as_of, view.region, view.lang)
s = rep.summary
lg = view.lang

page.fit_tiles()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("countdown", lg), s.countdown, help=s.countdown_text, border=True)
c1.markdown(f"**{s.countdown_text}**")
c2.metric(t("ceremonies_short", lg), fmt.number(s.n_ceremonies, lg, 0), border=True)  # a tile's label fits one line at 1366 px
c3.metric(t("units_covered", lg, level=s.unit_level), fmt.fraction(s.covered, s.total, lg), border=True)
c3.markdown(f"**{fmt.pct(s.share, lg, share=True)}**")
# whose figure it is: the region's own, or how many units reported and the latest one by name
label, value, whose, detail = views.readiness_tile(s, lg)
c4.metric(label, value, border=True,  # a sentence does not fit a metric at 1366 px: it goes under it
          help=t("units_reporting_help", lg) if label == t("units_reporting", lg) else None)
c4.markdown(f"**{md(whose)}**")
if detail:
    c4.caption(md(detail))
st.caption(f"{t('as_of', lg)}: {fmt.date_long(view.as_of, lg)}")
if s.recent_text:  # how old the pledges behind the figure are (issue 37)
    st.caption(md(s.recent_text))
if s.own_text:  # the region's own government: did it hold its own ceremony?
    (st.success if s.own_state == "commitment" else st.warning if s.own_state == "information" else st.info)(
        md(s.own_text), icon=":material/account_balance:")

st.subheader(t("recent", lg))
if s.recent.empty:
    st.info(t("no_ceremonies", lg))
else:
    page.table(s.recent.drop(columns=["id"]), "recent", lg)
if s.undated_ids:
    names = views.ceremony_names(rec, s.undated_ids, lg)
    st.info(tn("undated_note", lg, len(s.undated_ids), ids=md("; ".join(names[i] for i in s.undated_ids))))

st.subheader(t("cycles_title", lg), help=t("cycles_help", lg))
cycles = cache.cycles(version, view.region, lg, dt.date.today())
# widths set so the last heading is whole at 1366 px (the pledge column's heading is the panel's)
widths = dict(zip(cycles.columns[1:], (190, 110, 152, 160, 265)))
page.table(cycles.drop(columns=["election_id"]), "cycles", lg,
           column_config={c: st.column_config.Column(width=w) for c, w in widths.items()})
if any(str(d).endswith("*") for d in cycles.get(t("date", lg), [])):
    st.caption(t("cycles_ahead", lg))

st.divider()
left, right = st.columns(2)
with left:
    downloads.pack_button(rep, cache.indicator_values(version))
right.link_button(t("briefing_open", lg), controls.link(view, mode="briefing"), icon=":material/tv:")
