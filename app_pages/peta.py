import datetime as dt
from functools import partial

import streamlit as st
from dashboard import indicators, settings, views
from dashboard.risk import Risk
from dashboard.i18n import t
from dashboard.ui import account, cache, controls, downloads, livemap, page, proof, unit_panel

view, gaz, rec, version = page.setup()
page.heading("page_map", view, gaz, rec)
controls.breadcrumb(gaz, view)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
mv = rep.map_view
page.empty_note(rep)
stored = cache.indicator_values(version)
if stored.empty:
    hint, dl = st.columns([5, 1], vertical_alignment="bottom")
else:  # a picker for the map's colours beside the hint
    hint, paint, dl = st.columns([2.3, 2.9, 1.1], vertical_alignment="bottom")
hint.caption(t("map_hint", lg))
layer, risk = rep.live_layer, None
if not stored.empty:  # issue 27: colour by an indicator, alone or beside the commitment state
    names = cache.indicator_names(version)
    # one compact picker in the hint's row (its label hidden, each option says what it paints):
    # a row of its own would push the map's legend below the first screen at 1366×768
    modes = indicators.map_modes(names, lg)
    mode = paint.selectbox(t("map_color", lg), list(modes), format_func=modes.get, key="map_mode",
                           label_visibility="collapsed")
    if mode != "state":
        kind, ind = mode.split(":", 1)
        risk = Risk(rep, stored, ind, kind)
        layer = risk.layer()
with dl:  # the files of what the map shows: the commitment map, or the indicator's
    if risk is None:
        downloads.menu(rep, "peta", html=True)
    else:
        downloads.risk_menu(risk)

# The panel describes the view's own region first, then any unit clicked on the map or picked.
# An indicator published per province is drawn on the provinces (dashboard/risk.py): their units then.
drawn = mv.units if risk is None else risk.units
home = view.region or ""
options = [home] + [c for c in drawn["code"] if c != home]
labels = {home: gaz.get(home).label if home else t("indonesia", lg), **dict(zip(drawn["code"], drawn["label"]))}
drill = set(mv.drill) | (set(drawn["code"]) - set(mv.units["code"]))  # the provinces drawn for an indicator too
event = livemap.gesture("map")
if event and event[0] == "open" and event[1] in drill and event[1] != view.region:
    controls.set_region(event[1])
    st.rerun()
if event and event[1] in options:
    st.session_state["focus"] = event[1]
left, right = st.columns([2, 1], gap="medium")
with left:
    # Only a click on a unit comes back to Python: panning and zooming never rerun the app.
    level = mv.level if risk is None else risk.level
    geo_id = livemap.geometry_id(level, view.region is None, tuple(drawn["code"]))
    livemap.show(geo_id, lambda: cache.live_geometry(geo_id, rep, level, tuple(drawn["code"])), layer, key="map",
                 tiles=settings.get("PETA_TILES"), lang=lg, focus=st.session_state.get("focus"))
with right, st.container(height=unit_panel.HEIGHT, border=False, key="unit_panel"):
    focus = unit_panel.choose(options, labels, lg)
    unit_panel.show(rep.unit_detail(focus or None, unit_panel.LIMIT), lg, view.as_of,
                    can_open=focus in drill and focus != home,
                    on_open=partial(controls.set_region, focus), on_data=partial(controls.set_region, focus or None),
                    proof=cache.proof_counts(version),
                    gallery=partial(proof.gallery, version, user=account.current_user(), lang=lg))
    stored = cache.indicator_values(version)
    if focus and not stored.empty:  # issue 27: the unit's own figures beside its commitments
        unit_panel.indicator_lines(indicators.of_unit(stored, focus, view.as_of), cache.indicator_names(version), lg)
    unit_panel.cycles(cache.cycles(version, focus or None, lg, dt.date.today()), lg)
if st.session_state.get("detail_more"):
    st.switch_page("app_pages/data.py")

# Notes about the drawing come under it: the map and its legend keep the first screen (1366×768).
if mv.no_child_shapes:
    st.info(t("no_desa", lg))
if views.not_drawn_text(mv, lg):
    st.info(views.not_drawn_text(mv, lg))
st.caption(t("sorted_note", lg))
page.table(rep.map_table, "units_table", lg)
