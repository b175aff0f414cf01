"""Folium map builder: data in, ``folium.Map`` out. No Streamlit here.

Maps must draw with no network: Leaflet's JS/CSS come from the app's own static
files (``LEAFLET_BASE``), none of folium's CDN extras (jQuery, Bootstrap, icon
fonts) are loaded, and a basemap is optional; without tiles the polygons sit
on a plain light background with dark outlines, which reads on a projector.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement, Template

from .geo.display import to_geojson
from .i18n import state_label, t
from .metrics import STATES
from .style import OUTLINE, STATE_COLORS, share_color

# Where the browser finds Leaflet: Streamlit serves ./static at /app/static.
LEAFLET_BASE = "/app/static/leaflet"


class Legend(MacroElement):
    """A Leaflet control with the colour key (part of the map's script, so it also
    appears in exported HTML and in streamlit-folium)."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    (function() {
        var legend = L.control({position: 'bottomleft'});
        legend.onAdd = function () {
            var div = L.DomUtil.create('div', 'peta-legend');
            div.style.cssText = 'background:#fff;padding:10px 14px;border:2px solid #333;border-radius:6px;'
                + 'font:16px/1.5 sans-serif;color:#111;';
            div.innerHTML = {{ this.html|tojson }};
            return div;
        };
        legend.addTo({{ this._parent.get_name() }});
    })();
    {% endmacro %}
    """)

    def __init__(self, title: str, items: list[tuple[str, str]]):
        super().__init__()
        self._name = "Legend"
        rows = "".join(
            f'<div><span style="display:inline-block;width:22px;height:16px;margin-right:8px;'
            f'vertical-align:middle;background:{color};border:1px solid {OUTLINE}"></span>{label}</div>'
            for label, color in items)
        self.html = f"<b>{title}</b>{rows}"


def legend_items(mode: str, lang: str) -> list[tuple[str, str]]:
    if mode == "share":
        stops = [0.0, 0.25, 0.5, 0.75, 1.0]
        sep = " %" if lang != "en" else "%"
        return [(f"{int(s * 100)}{sep}", share_color(s)) for s in stops]
    return [(state_label(s, lang), STATE_COLORS[s]) for s in STATES]


def coverage_map(shapes: gpd.GeoDataFrame, units: pd.DataFrame, mode: str, lang: str = "id",
                 title: str | None = None, tiles: str = "off", height: int = 620) -> folium.Map:
    """A choropleth of ``units`` (code, label, state, share, status, ceremonies) over ``shapes``
    (code, geometry). Every unit is drawn; units without records in the 'none' grey."""
    data = shapes[["code", "geometry"]].merge(units, on="code", how="inner")
    data["fill"] = ([share_color(s) for s in data["share"]] if mode == "share"
                    else [STATE_COLORS[s] for s in data["state"]])
    fc = to_geojson(data, ["code", "label", "status", "ceremonies", "fill"])
    m = folium.Map(tiles="OpenStreetMap" if tiles == "osm" else None, control_scale=True,
                   zoom_control=True, prefer_canvas=False, height=height)
    # Only Leaflet itself, served locally; no CDN extras.
    m.default_js = [("leaflet", f"{LEAFLET_BASE}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{LEAFLET_BASE}/leaflet.css")]
    m.get_root().header.add_child(folium.Element(
        "<style>.leaflet-container{background:#f7f7f2}.leaflet-tooltip{font-size:15px;max-width:420px;"
        "white-space:pre-line}</style>"))
    fields = ["label", "code", "status", "ceremonies"]
    aliases = [t("name", lang), t("code", lang), t("state", lang), t("ceremonies", lang)]
    folium.GeoJson(
        fc, name="coverage",
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": OUTLINE, "weight": 1.2,
                                  "fillOpacity": 0.9},
        highlight_function=lambda f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, sticky=True, labels=True),
    ).add_to(m)
    Legend(title or (t("share_legend", lang) if mode == "share" else t("legend_title", lang)),
           legend_items(mode, lang)).add_to(m)
    minx, miny, maxx, maxy = data.total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m
