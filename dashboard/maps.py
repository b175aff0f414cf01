"""Map builders: data in, the live map's geometry and layer (:mod:`dashboard.ui.livemap`) or a
``go.Figure`` (static images, briefing screen) out; the exported HTML map is
:mod:`dashboard.html_map`. No Streamlit here.

Maps must draw with no network: Leaflet's JS/CSS come from the app's own static
files (``LEAFLET_BASE``), none of folium's CDN extras (jQuery, Bootstrap, icon
fonts) are loaded, and a basemap is optional; without tiles the polygons sit
on a plain light background with dark outlines, which reads on a projector.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
import shapely

from . import fmt, markup
from .charts import say_empty
from .geo.display import to_geojson
from .map_labels import LABELS_META, place_labels
from .views import unit_status
from .i18n import state_label, t
from .metrics import NONE, OWN_COMMITMENT, OWN_NONE, STATES, binding_reaches
from .style import (BASE_FONT_SIZE, FOCUS_OUTLINE, FOCUS_OUTLINE_WIDTH, FONT, NO_DATA, OUTLINE, OWN_OUTLINE,
                    OWN_OUTLINE_WIDTH, RISK_SINGLE, RISK_WITH, RISK_WITHOUT, STATE_COLORS, TEMPLATE, share_color)

# Where the browser finds Leaflet: Streamlit serves ./static at /app/static.
LEAFLET_BASE = "/app/static/leaflet"


def legend_items(mode: str, lang: str, units: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """The key's rows. By state, each state with how many units of the view are in it ("Tingkat
    pimpinan saja (28)"), so the first three add up to the headline's units reached."""
    if mode == "share":
        stops = [0.0, 0.25, 0.5, 0.75, 1.0]
        return [(fmt.pct(s * 100, lang), share_color(s)) for s in stops]
    counts = units["state"].value_counts() if units is not None else None
    return [(state_label(s, lang) + (f" ({int(counts.get(s, 0))})" if counts is not None else ""), STATE_COLORS[s])
            for s in STATES]


def _fills(shapes: gpd.GeoDataFrame, units: pd.DataFrame, mode: str) -> gpd.GeoDataFrame:
    data = shapes[["code", "geometry"]].merge(units, on="code", how="inner")
    data["fill"] = ([share_color(s) for s in data["share"]] if mode == "share"
                    else [STATE_COLORS[s] for s in data["state"]])
    # aggregates: the unit's own government pledged (kecamatan maps show it in the fill already)
    data["own"] = (data["own_state"] == OWN_COMMITMENT) if mode == "share" and "own_state" in data else False
    return data


# Tooltip text goes into the page as HTML (folium's GeoJsonTooltip sets innerHTML), so every
# value from the records is escaped here, once, before it reaches the map or an exported file.
TOOLTIP_FIELDS = ("label", "code", "status", "pledge", "ceremonies")


# -- the app's live map (dashboard/ui/livemap.py) ------------------------------------------------
# The Peta page draws with its own small Leaflet component instead of a folium page: the geometry
# of a view is sent to a browser once and kept there, and a change of election or date sends only
# each unit's colour and tooltip (~50 KB for the 514 kabupaten/kota of Indonesia, instead of the
# whole 1.5 MB map). Text travels as plain strings and the component writes it with textContent,
# so nothing from the records is ever read as HTML.

def map_geometry(shapes: gpd.GeoDataFrame, codes, labels=None) -> dict:
    """The FeatureCollection of the units ``codes``, in ``codes``' order. Properties: ``code``; with
    ``labels`` (code -> label) also the name written on the map (``name``, see :func:`map_name`),
    the point it is written at (``pt``, [lon, lat] inside the unit) and ``rank`` (by area, largest
    0): the frame names the largest units first and leaves out a name that would cover another."""
    have = set(shapes["code"])
    wanted = [c for c in dict.fromkeys(codes) if c in have]
    part = shapes.set_index("code", drop=False).loc[wanted]
    if labels is None:
        return to_geojson(part, ["code"])
    part = part.assign(name=[map_name(labels.get(c, c)) for c in part["code"]])
    pts = part.geometry.representative_point()
    part["pt"] = [[round(float(p.x), 5), round(float(p.y), 5)] for p in pts]
    part["rank"] = pd.Series(shapely.area(part.geometry.values), index=part.index).rank(ascending=False,
                                                                                         method="first") - 1
    part["rank"] = part["rank"].astype(int)
    out = to_geojson(part, ["code", "name", "pt", "rank"])
    out["view"] = view_bounds(part.geometry)
    return out


def view_bounds(geoms, grow: float = 0.25) -> list[float]:
    """[west, south, east, north] the map opens on: where the units are, not every far island of
    them. The bounds of each unit's largest part (so every unit is in view), grown by up to
    ``grow`` of their span on each side to take in outlying parts (Jawa Timur's Bawean, Masalembu
    and Kangean lie 1–2° off the main island; fitting them all drew the province small in a corner).
    Parts farther out are reached by zooming out; their unit is in view by its main part."""
    mains = [max(getattr(g, "geoms", [g]), key=lambda p: p.area) for g in geoms if g is not None and not g.is_empty]
    if not mains:
        return []
    w, s_, e, n = shapely.total_bounds(mains).tolist()
    W, S, E, N = shapely.total_bounds(list(geoms)).tolist()
    dx, dy = (e - w) * grow, (n - s_) * grow
    return [round(max(W, w - dx), 4), round(max(S, s_ - dy), 4), round(min(E, e + dx), 4), round(min(N, n + dy), 4)]


def group_names(shapes: gpd.GeoDataFrame, labels: dict) -> list[dict]:
    """The names of the regions grouping the drawn units (Indonesia's provinces, over its 514
    kabupaten/kota), each at a point inside its largest part: at the national zoom a reader looks
    for a province, and 514 names cannot be set; the frame writes these until one zooms in."""
    out = []
    for code, geom in zip(shapes["code"], shapes.geometry):
        if geom is None or geom.is_empty or code not in labels:
            continue
        part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        pt = part.representative_point()
        out.append({"code": str(code), "name": str(labels[code]), "pt": [round(pt.x, 4), round(pt.y, 4)],
                    "area": float(geom.area)})
    out.sort(key=lambda g: -g["area"])
    return [{k: g[k] for k in ("code", "name", "pt")} for g in out]


def map_layer(units: pd.DataFrame, mode: str, lang: str, title: str | None = None) -> dict:
    """Per unit: fill colour, whether its own government pledged (a thick green outline) and its
    tooltip as (label, value) rows of plain text; and the legend. Same colours as :func:`coverage_map`."""
    fills = ([share_color(x) for x in units["share"]] if mode == "share"
             else [STATE_COLORS[x] for x in units["state"]])
    own = (list(units["own_state"] == OWN_COMMITMENT) if mode == "share" and "own_state" in units
           else [False] * len(units))
    heads = [t("name", lang), t("code", lang), t("state", lang), t("latest_pledge", lang), t("ceremonies", lang)]
    fields = [units[c] if c in units else [None] * len(units) for c in TOOLTIP_FIELDS]
    styles = {}
    for code, fill, is_own, *values in zip(units["code"], fills, own, *fields):
        styles[str(code)] = {"fill": fill, "own": bool(is_own),
                             "tip": [[h, str(v)] for h, v in zip(heads, values) if v is not None and str(v) != ""]}
    items = [[label, color] for label, color in legend_items(mode, lang, units)]
    return {"units": styles,
            "legend": {"title": title or (t("share_legend", lang) if mode == "share" else t("legend_title", lang)),
                       "items": items, "own": t("own_legend_short", lang) if mode == "share" else None},
            "style": {"outline": OUTLINE, "own_outline": OWN_OUTLINE, "own_width": OWN_OUTLINE_WIDTH,
                      "focus_outline": FOCUS_OUTLINE, "focus_width": FOCUS_OUTLINE_WIDTH,
                      "none_fill": STATE_COLORS["none"]}}


def risk_classes(values: list[float | None]) -> tuple[list[int | None], tuple[float, float]]:
    """Each value's class, 0 (low) to 2 (high), by the thirds of the view's values (None stays
    None), and the two cut points: a value up to the first is low, above the second high. The
    legend states them, so a reader knows what "high" means on this map."""
    given = sorted(v for v in values if v is not None)
    if not given:
        return [None] * len(values), (0.0, 0.0)
    a = given[(len(given) - 1) // 3]
    b = given[(2 * (len(given) - 1)) // 3]
    return [None if v is None else (0 if v <= a else 1 if v <= b else 2) for v in values], (a, b)


def risk_fills(units: pd.DataFrame, figures: dict[str, dict | None], lang: str,
               beside_commitment: bool) -> tuple[list[str], list[list[str]]]:
    """Each unit's fill by an indicator (:func:`dashboard.indicators.latest` per unit code) and the
    legend's rows: three classes of the view's values (:func:`risk_classes`), and with
    ``beside_commitment`` also by whether a binding ceremony reaches the unit (six colours); a unit
    without a value of its own is "no data", never the colour of a low value. The live map and the
    static figure both paint with this."""

    from .indicators import SCALE, categorical

    values = [None if figures.get(c) is None else figures[c]["value"] for c in units["code"]]
    reached = list(binding_reaches(units))  # an aggregate as its level's legend words it (issue 37)
    if categorical(figures):  # a class per unit (rendah < sedang < tinggi): its own class, named by its word
        classes = [None if v is None else int(v) - 1 for v in values]
        a, b = 1.0, 2.0
        levels = list(SCALE)
    else:
        classes, (a, b) = risk_classes(values)
        levels = [t("risk_low", lang, a=fmt.number(a, lang, 2)),
                  t("risk_mid", lang, a=fmt.number(a, lang, 2), b=fmt.number(b, lang, 2)),
                  t("risk_high", lang, b=fmt.number(b, lang, 2))]
    fills = [NO_DATA if cls is None else ((RISK_WITH if hit else RISK_WITHOUT)[cls] if beside_commitment
                                          else RISK_SINGLE[cls]) for cls, hit in zip(classes, reached)]
    shown = (2, 1, 0) if a != b else (2, 0)  # two cut points alike: no value can be "medium"
    if beside_commitment:
        items = [[t(key, lang, level=levels[i]), palette[i]] for key, palette in (("risk_without", RISK_WITHOUT),
                                                                                  ("risk_with", RISK_WITH))
                 for i in shown]
    else:
        items = [[levels[i], RISK_SINGLE[i]] for i in shown]
    items.append([t("no_data", lang), NO_DATA])
    return fills, items


def risk_title(name: str, as_of, lang: str) -> str:
    """The legend's title on every indicator map: the indicator and the date its values are read at."""
    return f"{name} · {risk_as_of(as_of, lang)}"


def risk_as_of(day, lang: str) -> str:

    return t("risk_as_of", lang, date=fmt.date_short(day, lang))


def risk_layer(units: pd.DataFrame, figures: dict[str, dict | None], name: str, as_of, lang: str,
               beside_commitment: bool) -> dict:
    """The live map coloured by an indicator (:func:`risk_fills`). Tooltips give the value with its
    date and source. Same shape as :func:`map_layer`."""

    from .indicators import value_text

    fills, items = risk_fills(units, figures, lang, beside_commitment)
    styles = {}
    for code, label, state, fill in zip(units["code"], units["label"], unit_status(units, lang), fills):
        f = figures.get(code)
        value = t("no_data", lang) if f is None else (
            f"{value_text(f, lang)} ({fmt.date_short(dt.date.fromisoformat(f['date']), lang)}, {f['source']})")
        styles[str(code)] = {"fill": fill, "own": False,
                             "tip": [[t("name", lang), str(label)], [t("code", lang), str(code)], [name, value],
                                     [t("state", lang), state]]}
    return {"units": styles,
            "legend": {"title": risk_title(name, as_of, lang), "items": items, "own": None},
            "style": {"outline": OUTLINE, "own_outline": OWN_OUTLINE, "own_width": OWN_OUTLINE_WIDTH,
                      "focus_outline": FOCUS_OUTLINE, "focus_width": FOCUS_OUTLINE_WIDTH, "none_fill": NO_DATA}}


def leaflet_source() -> Path:
    """Leaflet's dist files, from the ``django-js-lib-leaflet`` package (no Django needed)."""
    import js_lib_leaflet

    return Path(js_lib_leaflet.__file__).parent / "static" / "js_lib_leaflet"


def _rings(geom) -> list:
    """Exterior rings and holes of a (multi)polygon; holes are drawn with the opposite
    winding so the filled path leaves them empty (Kota Bogor inside Kab. Bogor)."""
    if geom is None or geom.is_empty:
        return []
    geom = shapely.orient_polygons(geom)
    polys = getattr(geom, "geoms", [geom])
    return [ring for p in polys if p.geom_type == "Polygon" for ring in (p.exterior, *p.interiors)]


def coverage_figure(shapes: gpd.GeoDataFrame, units: pd.DataFrame, mode: str, lang: str = "id",
                    title: str | None = None, labels: bool | None = None) -> go.Figure:
    """The same choropleth as :func:`coverage_map` as a plotly figure: for PNG/SVG/PDF export and
    the briefing screen, where it renders with no tiles, no iframe and no network.

    Polygons are filled paths on plain longitude/latitude axes with equal scale; near the
    equator that is within 1 % of the Mercator shape. One trace per fill colour keeps the figure
    small; the legend repeats the interactive map's. ``labels`` (default: up to 60 units)
    writes each unit's name on it, readable on a projector."""
    data = _fills(shapes, units, mode)
    items = [[label, color] for label, color in legend_items(mode, lang, units)]
    legend = t("share_legend", lang) if mode == "share" else t("legend_title", lang)
    fig = _choropleth(data, items, title or legend, legend, lang, labels,
                      own_legend=t("own_legend_short", lang) if mode == "share" else None)
    if units.empty:  # an election not held in the region: nothing drawn, said in words
        say_empty(fig, t("no_units_here", lang))
    return fig


def risk_figure(shapes: gpd.GeoDataFrame, units: pd.DataFrame, figures: dict[str, dict | None], name: str,
                as_of, lang: str, beside_commitment: bool, title: str | None = None,
                labels: bool | None = None) -> go.Figure:
    """The indicator map (:func:`risk_fills`) as a plotly figure, like :func:`coverage_figure`: for
    PNG/PDF export, the pack and the briefing screen. Its legend is the live map's."""
    # classes of all the view's units, as on the live map, though some lie outside the drawn provinces
    fills, items = risk_fills(units, figures, lang, beside_commitment)
    data = shapes[["code", "geometry"]].merge(units.assign(fill=fills, own=False), on="code", how="inner")
    # plotly reads tags in any text, and the name is the data's: escaped; the date on a line of its own
    # (a published name is long: the key keeps to the map's side, not under it)
    legend = f"{markup.text(name)}<br>{risk_as_of(as_of, lang)}"
    return _choropleth(data, items, markup.text(title or name), legend, lang, labels)


def _choropleth(data: gpd.GeoDataFrame, items: list[list[str]], title: str, legend: str, lang: str,
                labels: bool | None, own_legend: str | None = None) -> go.Figure:
    """Units with a ``fill`` (and ``own``: the thick green outline) as filled paths, the legend's
    ``items`` ([label, colour]) under the map and, up to 60 units, each unit's name."""
    fig = go.Figure()
    for color, part in data.groupby("fill", sort=False):
        xs: list = []
        ys: list = []
        for geom in part.geometry:
            for ring in _rings(geom):
                x, y = ring.xy
                xs += list(x) + [None]
                ys += list(y) + [None]
        fig.add_scatter(x=xs, y=ys, fill="toself", fillcolor=color, mode="lines",
                        line={"color": OUTLINE, "width": 1}, hoverinfo="skip", showlegend=False)
    own = data[data["own"]] if len(data) else data
    if len(own):  # the own-ceremony outline over the fills
        xs, ys = [], []
        for geom in own.geometry:
            for ring in _rings(geom):
                x, y = ring.xy
                xs += list(x) + [None]
                ys += list(y) + [None]
        fig.add_scatter(x=xs, y=ys, mode="lines", line={"color": OWN_OUTLINE, "width": OWN_OUTLINE_WIDTH},
                        hoverinfo="skip", showlegend=False, name="own")
    for label, color in items:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=label,
                        marker={"symbol": "square", "size": 18, "color": color, "line": {"color": OUTLINE, "width": 1}})
    if own_legend:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=own_legend,
                        marker={"symbol": "square-open", "size": 18, "color": OWN_OUTLINE,
                                "line": {"color": OWN_OUTLINE, "width": 3}})
    if labels is None:
        labels = len(data) <= 60
    names = []
    if labels and len(data):
        points = data.geometry.representative_point()
        short = data["label"].map(map_name)
        names = [[float(points[i].x), float(points[i].y), str(short[i])] for i in label_order(data)]
    fig.update_xaxes(visible=False, constrain="domain")
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "font": {"size": BASE_FONT_SIZE + 6}},
        font={"family": FONT, "size": BASE_FONT_SIZE}, height=620, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        legend={"title": {"text": legend, "side": "top"},
                "bgcolor": "rgba(255,255,255,0)", "orientation": "h",
                "x": 0, "xanchor": "left", "y": 0, "yanchor": "top"},  # under the map: see place_labels
        meta={LABELS_META: names, "label_size": BASE_FONT_SIZE - 2, "lang": lang},
    )
    return place_labels(fig, 1100, 620)


def label_order(data: pd.DataFrame) -> pd.Index:
    """The order units get their names on a static map: first those with something to show (reached,
    their own ceremony, a sosialisasi, a reported figure), since that is what a reader looks for and
    a grey neighbour must not take its room; then the biggest, which have the room (in square
    degrees: only the order matters, so no projection is needed)."""
    own = data["own_state"] if "own_state" in data else pd.Series(OWN_NONE, index=data.index)
    something = (data["state"] != NONE) | (own.notna() & (own != OWN_NONE))
    if "reported_pct" in data:
        something |= data["reported_pct"].notna()
    keys = pd.DataFrame({"plain": ~something.astype(bool), "area": -shapely.area(data.geometry.values)},
                        index=data.index)
    return keys.sort_values(["plain", "area"], kind="stable").index


def map_name(label: str) -> str:
    """A unit's name as written on a map: "Kec. " dropped (every unit of a kecamatan map is one),
    "Kabupaten" as "Kab.", "Kota Administrasi" as "Kota" (Jakarta)."""
    import re

    label = re.sub(r"^Kabupaten Administrasi ", "Kab. ", str(label))
    label = re.sub(r"^Kota Administrasi ", "Kota ", label)
    label = re.sub(r"^Kabupaten ", "Kab. ", label)
    return re.sub(r"^Kec\. ", "", label)
