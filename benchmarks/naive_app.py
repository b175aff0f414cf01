"""The naive version the benchmark compares against (not part of the product):
no caching (boundaries and records re-read on every rerun), the raw polygons as
GeoJSON at full precision with every property, and st_folium with its default
returned objects (so panning and zooming rerun the script). Leaflet is served
locally as in the app, only so that it can draw at all without a network."""


import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard import context, metrics
from dashboard.geo.store import GeoConfig, load_level
from dashboard.style import STATE_COLORS
from dashboard.ui.static import ensure_leaflet

ensure_leaflet()
gaz = context.gazetteer()
rec = context.records(gaz)
ids = list(rec.calendar["id"])
election = st.sidebar.selectbox("Pemilihan", ids, key="election",
                                index=ids.index(st.query_params.get("election", ids[0])),
                                format_func=dict(zip(rec.calendar["id"], rec.calendar["name"])).get)
region = st.query_params.get("region", "32.01")
day = rec.election(election)["date"].date()
cov = metrics.coverage(rec, gaz, election, day, region)
shapes = load_level(GeoConfig.from_settings(), cov.units["level"].iloc[0])
data = shapes.merge(cov.units[["code", "state"]], on="code")
data["fill"] = data["state"].map(STATE_COLORS)
m = folium.Map()
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
folium.GeoJson(data.to_json(), style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": "#333",
                                                         "weight": 1, "fillOpacity": 0.9}).add_to(m)
m.fit_bounds([[data.total_bounds[1], data.total_bounds[0]], [data.total_bounds[3], data.total_bounds[2]]])
st_folium(m, key="map", height=620)
st.write(f"{cov.n_covered}/{cov.n_units}")
