"""The exported HTML map (``folium``): a coverage choropleth that opens offline, with its legend
and title boxes. Kept apart from :mod:`dashboard.maps` so that only an HTML export imports folium
(~0.35 s at server start otherwise); the app's own live map is :mod:`dashboard.ui.livemap`."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement, Template

from . import markup
from .io import files
from .geo.display import to_geojson
from .i18n import t
from .maps import LEAFLET_BASE, TOOLTIP_FIELDS, _fills, legend_items
from .style import FONT, OUTLINE, OWN_OUTLINE, OWN_OUTLINE_WIDTH


class Box(MacroElement):
    """A boxed Leaflet control holding some HTML (part of the map's script, so it also appears
    in exported HTML and in streamlit-folium). ``css_class`` lets tests and styles find it."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    (function() {
        var box = L.control({position: {{ this.position|tojson }}});
        box.onAdd = function () {
            var div = L.DomUtil.create('div', {{ this.css_class|tojson }});
            div.style.cssText = 'background:#fff;padding:10px 14px;border:2px solid #333;border-radius:6px;'
                + 'color:#111;' + {{ this.extra_css|tojson }};
            div.innerHTML = {{ this.html|tojson }};
            return div;
        };
        box.addTo({{ this._parent.get_name() }});
    })();
    {% endmacro %}
    """)

    def __init__(self, html_text: str, position: str, css_class: str, extra_css: str = ""):
        super().__init__()
        self._name = "Box"
        self.html, self.position, self.css_class, self.extra_css = html_text, position, css_class, extra_css


class Legend(Box):
    """The colour key, bottom left; ``own``: the label of the own-ceremony outline, if drawn."""

    def __init__(self, title: str, items: list[tuple[str, str]], own: str | None = None):
        esc = markup.text
        swatch = ('<span style="display:inline-block;width:22px;height:16px;margin-right:8px;'
                  'vertical-align:middle;background:{bg};border:{border}"></span>')
        rows = "".join(f"<div>{swatch.format(bg=color, border=f'1px solid {OUTLINE}')}{esc(label)}</div>"
                       for label, color in items)
        if own:
            rows += f"<div>{swatch.format(bg='#ffffff', border=f'3px solid {OWN_OUTLINE}')}{esc(own)}</div>"
        super().__init__(f"<b>{esc(title)}</b>{rows}", "bottomleft", "peta-legend", f"font:16px/1.5 {FONT};")


class Title(Box):
    """Title, region · election · date and the sources line, top right of an exported map."""

    def __init__(self, title: str, subtitle: str, sources: str):
        esc = markup.text
        super().__init__(f'<div style="font-size:20px;font-weight:bold">{esc(title)}</div><div>{esc(subtitle)}</div>'
                         f'<div style="margin-top:6px;color:#444">{esc(sources)}</div>', "topright", "peta-title",
                         f"font:15px/1.4 {FONT};max-width:560px;")


FIT_TOP_LEFT = (340, 170)  # px: the key's width, the title box's height


def _escaped(data: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    data = data.copy()
    for col in TOOLTIP_FIELDS:
        data[col] = [markup.text(v) for v in data[col]] if col in data else ""
    return data


def coverage_map(shapes: gpd.GeoDataFrame, units: pd.DataFrame, mode: str, lang: str = "id",
                 title: str | None = None, tiles: str = "off", height: int = 620) -> folium.Map:
    """A choropleth of ``units`` (code, label, state, share, status, ceremonies) over ``shapes``
    (code, geometry). Every unit is drawn; units without records in the 'none' grey."""
    data = _escaped(_fills(shapes, units, mode))
    fc = to_geojson(data, ["code", "label", "status", "pledge", "ceremonies", "fill", "own"])
    m = folium.Map(tiles="OpenStreetMap" if tiles == "osm" else None, control_scale=True,
                   zoom_control=True, prefer_canvas=False, height=height)
    # Only Leaflet itself, served locally; no CDN extras.
    m.default_js = [("leaflet", f"{LEAFLET_BASE}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{LEAFLET_BASE}/leaflet.css")]
    m.get_root().header.add_child(folium.Element(
        # !important: Leaflet's own stylesheet, written into the file after this, would make the
        # background grey and "Belum tercakup" vanish; only the metric scale line is shown
        f"<style>.leaflet-container{{background:#f7f7f2 !important;font-family:{FONT}}}"
        ".leaflet-control-scale-line+.leaflet-control-scale-line{display:none}.leaflet-tooltip{font-size:15px;max-width:420px;"
        "white-space:pre-line}</style>"))
    fields = list(TOOLTIP_FIELDS)
    aliases = [t("name", lang), t("code", lang), t("state", lang), t("latest_pledge", lang), t("ceremonies", lang)]
    folium.GeoJson(
        fc, name="coverage",
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": 0.9,
                                  **({"color": OWN_OUTLINE, "weight": OWN_OUTLINE_WIDTH} if f["properties"]["own"]
                                     else {"color": OUTLINE, "weight": 1.2})},
        highlight_function=lambda f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, sticky=True, labels=True),
    ).add_to(m)
    Legend(title or (t("share_legend", lang) if mode == "share" else t("legend_title", lang)),
           legend_items(mode, lang, units), own=t("own_legend_short", lang) if mode == "share" else None).add_to(m)
    minx, miny, maxx, maxy = data.total_bounds
    # the units are fitted beside the key (bottom left) and below the title box an export adds (top
    # right), so neither hides a unit
    m.fit_bounds([[miny, minx], [maxy, maxx]], padding_top_left=FIT_TOP_LEFT, padding_bottom_right=(20, 20))
    return m


def standalone_html(m: folium.Map, leaflet_dir: Path) -> str:
    """The map as one HTML file that opens offline: Leaflet's JS and CSS are written into
    the page instead of being linked from the app's static folder."""
    html = m.get_root().render()
    js = files.read_text(leaflet_dir / "leaflet.js")
    css = files.read_text(leaflet_dir / "leaflet.css")
    html = re.sub(r'<script src="[^"]*leaflet\.js"></script>', lambda _: f"<script>{js}</script>", html, count=1)
    html = re.sub(r'<link rel="stylesheet" href="[^"]*leaflet\.css"\s*/?>', lambda _: f"<style>{css}</style>", html,
                  count=1)
    if LEAFLET_BASE in html:  # a new folium layout would silently bring the network back
        raise RuntimeError("standalone_html: Leaflet link not replaced")
    return html
