import streamlit as st
from dashboard import settings, views
from dashboard.i18n import t
from dashboard.ui import cache, controls, downloads, livemap, page

view, gaz, rec, version = page.setup()
page.heading("page_map", view, gaz)
controls.breadcrumb(gaz, view)
lg = view.lang

rep = cache.report(version, view.election, view.as_of, view.region, lg)
mv = rep.map_view
if mv.no_child_shapes:
    st.info(t("no_desa", lg))
if views.not_drawn_text(mv, lg):
    st.info(views.not_drawn_text(mv, lg))
hint, dl = st.columns([5, 1], vertical_alignment="bottom")
hint.caption(t("map_hint", lg))
with dl:
    downloads.menu(rep, "peta", html=True)
# Only a click on a unit comes back to Python: panning and zooming never rerun the app.
geo_id = livemap.geometry_id(*rep.live_geometry_key)
code = livemap.show(geo_id, lambda: cache.live_geometry(geo_id, rep), rep.live_layer, key="map",
                    tiles=settings.get("PETA_TILES"), lang=lg)
if code in mv.drill and code != view.region:
    controls.set_region(code)
    st.rerun()

if mv.drill:
    st.selectbox(t("go_down", lg), [""] + list(mv.drill), key="drill", format_func=lambda c: mv.drill.get(c, "—"),
                 on_change=lambda: controls.set_region(st.session_state["drill"] or view.region))
table = mv.units[["code", "label", "status"]].rename(columns={"code": t("code", lg), "label": t("name", lg),
                                                               "status": t("state", lg)})
st.dataframe(table, hide_index=True, width="stretch", key="units_table")
