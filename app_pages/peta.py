import streamlit as st
from streamlit_folium import st_folium

from dashboard import maps, settings, views
from dashboard.i18n import t
from dashboard.ui import cache, controls, page

view, gaz, rec, version = page.setup()
page.heading("page_map", view, gaz)
controls.breadcrumb(gaz, view)
lg = view.lang

units, level, mode = views.map_units(rec, gaz, view.election, view.as_of, view.region)
units = units.assign(status=views.status_text(units, mode, lg), ceremonies=views.unit_tooltips(rec, units, lg))
if view.region and level != "desa/kelurahan" and view.region in set(units["code"]):
    st.info(t("no_desa", lg))
m = maps.coverage_map(cache.display_shapes(level), units, mode, lg, tiles=settings.get("PETA_TILES"))
st.caption(t("map_hint", lg))
# Only a click on a unit comes back to Python: panning and zooming never rerun the app.
clicked = st_folium(m, key="map", height=620, use_container_width=True, returned_objects=["last_active_drawing"])
drawing = (clicked or {}).get("last_active_drawing") or {}
code = (drawing.get("properties") or {}).get("code")
if code and code != view.region and gaz.children(code) and st.session_state.get("_last_click") != code:
    st.session_state["_last_click"] = code
    controls.set_region(code)
    st.rerun()

drill = units[[bool(gaz.children(c)) for c in units["code"]]]
if len(drill):
    labels = dict(zip(drill["code"], drill["label"]))
    st.selectbox(t("go_down", lg), [""] + list(labels), key="drill", format_func=lambda c: labels.get(c, "—"),
                 on_change=lambda: controls.set_region(st.session_state["drill"] or view.region))
table = units[["code", "label", "status"]].rename(columns={"code": t("code", lg), "label": t("name", lg),
                                                            "status": t("state", lg)})
st.dataframe(table, hide_index=True, width="stretch", key="units_table")
