"""Map builders: data in, the live map's geometry and layer (:mod:`dashboard.ui.livemap`) or a
``go.Figure`` (static images, briefing screen) out; the exported HTML map is
:mod:`dashboard.html_map`. No Streamlit here.

Maps must draw with no network: Leaflet's JS/CSS come from the app's own static
files (``LEAFLET_BASE``), none of folium's CDN extras (jQuery, Bootstrap, icon
fonts) are loaded, and a basemap is optional; without tiles the polygons sit
on a plain light background with dark outlines, which reads on a projector.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
import shapely

from .geo.display import to_geojson
from .i18n import state_label, t
from .metrics import NONE, OWN_COMMITMENT, OWN_NONE, STATES
from .style import (BASE_FONT_SIZE, FOCUS_OUTLINE, FOCUS_OUTLINE_WIDTH, FONT, OUTLINE, OWN_OUTLINE,
                    OWN_OUTLINE_WIDTH, STATE_COLORS, TEMPLATE, share_color)

# Where the browser finds Leaflet: Streamlit serves ./static at /app/static.
LEAFLET_BASE = "/app/static/leaflet"


def legend_items(mode: str, lang: str, units: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """The key's rows. By state, each state with how many units of the view are in it ("Tingkat
    pimpinan saja (28)"), so the first three add up to the headline's units reached."""
    if mode == "share":
        stops = [0.0, 0.25, 0.5, 0.75, 1.0]
        sep = " %" if lang != "en" else "%"
        return [(f"{int(s * 100)}{sep}", share_color(s)) for s in stops]
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
TOOLTIP_FIELDS = ("label", "code", "status", "ceremonies")


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
    heads = [t("name", lang), t("code", lang), t("state", lang), t("ceremonies", lang)]
    styles = {}
    for code, fill, is_own, *values in zip(units["code"], fills, own, *(units[c] for c in TOOLTIP_FIELDS)):
        styles[str(code)] = {"fill": fill, "own": bool(is_own),
                             "tip": [[h, str(v)] for h, v in zip(heads, values) if v is not None and str(v) != ""]}
    items = [[label, color] for label, color in legend_items(mode, lang, units)]
    return {"units": styles,
            "legend": {"title": title or (t("share_legend", lang) if mode == "share" else t("legend_title", lang)),
                       "items": items, "own": t("own_legend_short", lang) if mode == "share" else None},
            "style": {"outline": OUTLINE, "own_outline": OWN_OUTLINE, "own_width": OWN_OUTLINE_WIDTH,
                      "focus_outline": FOCUS_OUTLINE, "focus_width": FOCUS_OUTLINE_WIDTH,
                      "none_fill": STATE_COLORS["none"]}}


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
    for label, color in legend_items(mode, lang, units):
        fig.add_scatter(x=[None], y=[None], mode="markers", name=label,
                        marker={"symbol": "square", "size": 18, "color": color, "line": {"color": OUTLINE, "width": 1}})
    if mode == "share":
        fig.add_scatter(x=[None], y=[None], mode="markers", name=t("own_legend_short", lang),
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
        title={"text": title or (t("share_legend", lang) if mode == "share" else t("legend_title", lang)),
               "font": {"size": BASE_FONT_SIZE + 6}},
        font={"family": FONT, "size": BASE_FONT_SIZE}, height=620, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        legend={"title": {"text": t("share_legend", lang) if mode == "share" else t("legend_title", lang),
                          "side": "top"},
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


# -- unit names on the static map -----------------------------------------------------------------
# Names are placed for the size the figure is drawn at (presentation() and screen() place them
# again for theirs): each in a small white box (legible on any fill), at its unit's inner point or
# nudged beside it; a name that fits nowhere becomes a number, explained in a key at the right;
# no two names overlap and none leaves the figure. The names travel in layout.meta until placed.
LABELS_META = "unit_labels"


def map_name(label: str) -> str:
    """A unit's name as written on a map: "Kec. " dropped (every unit of a kecamatan map is one),
    "Kabupaten" as "Kab.", "Kota Administrasi" as "Kota" (Jakarta)."""
    import re

    label = re.sub(r"^Kabupaten Administrasi ", "Kab. ", str(label))
    label = re.sub(r"^Kota Administrasi ", "Kota ", label)
    label = re.sub(r"^Kabupaten ", "Kab. ", label)
    return re.sub(r"^Kec\. ", "", label)
LABEL_NAME, KEY_NAME = "unit-label", "unit-label-key"
KEY_META = "unit_key"
CHAR_W, LINE_H = 0.64, 1.6  # of the font size: a generous box for Noto Sans (tall line box) or DejaVu


def place_labels(fig: go.Figure, width: int, height: int, size: float | None = None,
                 smallest: float = 0) -> go.Figure:
    """Place the unit names and the colour key for a ``width`` × ``height`` px drawing (``size``:
    the names' font size; ``smallest``: no key type below it). The colour key never lies over a unit: on a wide drawing it heads the
    column right of the map (above the numbered names), on a narrow one it hangs under the map."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else None
    names = (meta or {}).get(LABELS_META) or []
    fig.layout.annotations = [a for a in fig.layout.annotations if a.name not in (LABEL_NAME, KEY_NAME)]
    if meta is None or LABELS_META not in meta:  # not a map
        return fig
    xs = [v for tr in fig.data if getattr(tr, "x", None) is not None for v in tr.x if v is not None]
    ys = [v for tr in fig.data if getattr(tr, "y", None) is not None for v in tr.y if v is not None]
    if not xs or not ys:
        return fig
    size = size or meta.get("label_size") or BASE_FONT_SIZE - 2
    m = fig.layout.margin
    left, right, top, bottom = (m.l if m.l is not None else 80), (m.r if m.r is not None else 80), \
        (m.t if m.t is not None else 100), (m.b if m.b is not None else 80)
    leg_w, leg_h = _legend_size(fig)
    side = bool(leg_w) and (width - left - right - leg_w) >= 1.25 * (height - top - bottom)
    if leg_w and not side:
        bottom = _legend_below(fig, width - left - right, bottom, height)
    plot_h = height - top - bottom
    head = leg_h + 10 if side else 0  # the key's column starts under the colour key
    longest = max([len(n[2]) for n in names] + [1])
    # Every way of setting the key is tried: none; one entry a line or entries run on; in the names'
    # type or a little smaller; in one or more columns (at most half the width). A wider key leaves
    # the map less room, so more units lose their names: the way kept is the one whose key holds all
    # its lines and that leaves the fewest units unnamed, then unnumbered, then the fewest columns
    # and the largest type. If no way holds all (a very crowded map), the units without a name or a
    # number are counted in one line instead of listed; only the numbers' key itself ever shrinks.
    best, tried = None, {}  # tried: placements by the right column's width (the map is the same)
    for dense in (False, True):
        for key_size in sorted({max(smallest, size * f) for f in (1, 0.85, 0.75)}, reverse=True):
            key_w = int((longest + 4) * key_size * CHAR_W) + 16
            room = max(1, int((plot_h - head) / (key_size * LINE_H)))  # lines a key column holds
            fit = max(4, int((key_w - 16) / (key_size * CHAR_W)) - 3)  # characters a key line holds
            for cols in range(0, max(1, int(width * 0.5 // key_w)) + 1):
                extra = max(cols * key_w, leg_w + 12 if side else 0)
                if extra not in tried:
                    tried[extra] = _place(names, xs, ys, width, height, left, right + extra, top, bottom, size)
                placed, numbered, unnamed = tried[extra]
                if cols and not dense:  # numbers the key cannot explain at this size are not set
                    placed, numbered, unnamed = _trim(placed, numbered, unnamed, cols * room - 2)
                lines = _key_lines(numbered, unnamed, fit, dense, meta, cols * room)
                fits = len(lines) <= cols * room
                score = (bool(lines) and not cols, not fits, len(unnamed), len(numbered), cols, -key_size, dense)
                if best is None or score < best[0]:
                    best = (score, placed, numbered, unnamed, lines, key_size, key_w, cols, room, extra)
                if fits:
                    break  # more columns only narrow the map further
            if not best[4]:
                break  # every unit named on the map: nothing better to find
        if not best[4]:
            break
    _, placed, numbered, unnamed, lines, key_size, key_w, cols, room, extra = best
    fig.update_layout(margin={"r": right + extra})
    if side:
        fig.update_layout(legend={"orientation": "v", "x": 1 + 12 / max(1, width - left - right - extra),
                                  "xanchor": "left", "y": 1, "yanchor": "top", "yref": "paper",
                                  "title": {"side": "top"}})
    # set at once: plotly checks every annotation again on each add_annotation (0.7 s for 60 names)
    marks = []
    for x, y, text, lead in placed:
        mark = {"x": x, "y": y, "xref": "x", "yref": "y", "text": html.escape(text, quote=False),
                "font": {"size": size, "color": "#111111"}, "bgcolor": "rgba(255,255,255,0.82)", "borderpad": 1,
                "name": LABEL_NAME, "showarrow": False}
        if lead:  # a number set beside a unit too small to hold it: a thin line leads to the unit
            mark.update(ax=lead[0], ay=lead[1], showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#111111",
                        standoff=0)
        marks.append(mark)
    # what the key says, as data (the text is wrapped and may be run on)
    fig.layout.meta = {**meta, KEY_META: {"numbered": [list(n) for n in numbered], "unlabelled": list(unnamed)}}
    if lines:
        if len(lines) > cols * room:  # more numbers than the columns hold (a very crowded map): smaller
            key_size = max(8.0, smallest, key_size * cols * room / len(lines))
        per_col = max(1, int((plot_h - head) / (key_size * LINE_H)))
        marks += [{"xref": "paper", "yref": "paper", "x": 1.0, "xanchor": "left", "xshift": 12 + (c // per_col) * key_w,
                   "y": 1.0 - head / max(1, plot_h), "yanchor": "top", "text": "<br>".join(lines[c:c + per_col]),
                   "align": "left", "showarrow": False, "name": KEY_NAME, "font": {"size": key_size, "color": "#111111"}}
                  for c in range(0, len(lines), per_col)]
    fig.layout.annotations = list(fig.layout.annotations) + marks
    return fig


def _trim(placed, numbered, unnamed, capacity: int):
    """Keep the first ``capacity`` numbers (the units with something to show come first); the units
    whose numbers are dropped join the units without a label, which the key counts."""
    if len(numbered) <= capacity:
        return placed, numbered, unnamed
    capacity = max(0, capacity)
    dropped = {number for number, _ in numbered[capacity:]}
    return ([p for p in placed if p[2] not in dropped], numbered[:capacity],
            unnamed + [text for _, text in numbered[capacity:]])


def _legend_size(fig: go.Figure) -> tuple[float, float]:
    """The colour key's (width, height) in px as plotly sets it in one column; (0, 0) without one."""
    items = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    if not items or fig.layout.showlegend is False:
        return 0, 0
    font = fig.layout.legend.font.size if fig.layout.legend.font and fig.layout.legend.font.size else BASE_FONT_SIZE
    title = fig.layout.legend.title.text or ""
    width = max(len(title) * font * CHAR_W + 10, max(len(n) for n in items) * font * CHAR_W + 50)
    return width, (len(items) + 1) * font * 1.5 + 12


def _key_lines(numbered: list[tuple[str, str]], unnamed: list[str], fit: int, dense: bool, meta: dict,
               limit: int | None = None) -> list[str]:
    """The key's lines (escaped): "1 Kab. Cianjur" per numbered unit (``dense``: entries run on,
    wrapped to ``fit`` characters), then the units no name or number could be set for, under a
    heading, run on; where they would take more than ``limit`` lines in all, they are counted in one
    line instead ("Tanpa label: 25 wilayah lain"): never left out silently, never set too small to
    read."""
    import textwrap

    def wrap(entries: list[str], sep: str) -> list[str]:
        return textwrap.wrap(sep.join(entries), fit + 3, break_on_hyphens=False)

    entries = [f"{i} {text}" for i, text in numbered]
    lines = wrap(entries, " · ") if dense else [e if len(e) <= fit + 3 else e[:fit + 2] + "…" for e in entries]
    if unnamed:
        lang = meta.get("lang") or "id"
        listed = [t("unlabelled", lang)] + wrap(unnamed, ", ")
        if limit is not None and len(lines) + len(listed) > limit:
            listed = textwrap.wrap(t("unlabelled_n", lang, n=len(unnamed)), fit + 3)
        lines += listed
    return [html.escape(line, quote=False) for line in lines]


def _place(names, xs, ys, width, height, left, right, top, bottom, size):
    """Greedy placement in pixels: (data x, data y, text, leader) per placed label, where ``leader`` is
    None or the (dx, dy) pixel offset of a number set apart from its unit; (number, name) per
    numbered unit; and the names of units not even a led-away number could be set for."""
    xmin, xmax, ymin, ymax = min(xs), max(xs), min(ys), max(ys)
    plot_w, plot_h = max(1, width - left - right), max(1, height - top - bottom)
    scale = min(plot_w / max(xmax - xmin, 1e-9), plot_h / max(ymax - ymin, 1e-9))
    ox = left + (plot_w - (xmax - xmin) * scale) / 2  # the map is centred in its (equal-scale) domain
    oy = top + (plot_h - (ymax - ymin) * scale) / 2
    line = size * LINE_H
    taken = []
    bounds = (left, top, width - right, height - bottom)
    placed, numbered, unnamed = [], [], []
    near = ((0, 0), (0, -1), (0, 1), (0.5, 0), (-0.5, 0), (0, -2), (0, 2))  # in (half widths, lines)
    # farther away for a number, with a leader line: rings of 16 directions, 2 to 2.75 lines out (a
    # number farther off reads as its neighbour's; such a unit is named in the key instead)
    far = [(r * math.cos(a), r * math.sin(a)) for r in (2.0, 2.75)
           for a in (math.pi * k / 8 for k in range(16))]

    def fits(box):
        return (box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
                and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken))

    def spot(px, py, text, offsets, unit):
        w, h = len(text) * size * CHAR_W + 4, line
        for fx, fy in offsets:
            dx, dy = (fx * (w + 12), fy * h) if unit == "near" else (fx * h, fy * h)
            box = (px + dx - w / 2, py + dy - h / 2, px + dx + w / 2, py + dy + h / 2)
            if fits(box):
                taken.append(box)
                return px + dx, py + dy
        return None

    for x, y, text in names:
        px, py = ox + (x - xmin) * scale, oy + (ymax - y) * scale
        at, lead = spot(px, py, text, near, "near"), None
        if at is None:
            number = str(len(numbered) + 1)
            at = spot(px, py, number, near, "near")
            if at is None:
                at = spot(px, py, number, far, "far")
                if at is None:
                    unnamed.append(text)  # named in the key instead
                    continue
                lead = (at[0] - px, at[1] - py)
                at = (px, py)  # the annotation sits on the unit; its text is shifted by the leader
            numbered.append((number, text))
            text = number
        placed.append((xmin + (at[0] - ox) / scale, ymax - (at[1] - oy) / scale, text, lead))
    return placed, numbered, unnamed


def _legend_below(fig: go.Figure, plot_w: float, bottom: float, fig_h: float) -> float:
    """The colour key set under the map, never over a unit: its rows (plotly wraps a horizontal
    key at the plot's width) are counted for ``plot_w`` px, the bottom margin grows by their
    height, and the key hangs from the map's lower edge. Returns the new bottom margin. The key
    was once a box in the map's lower left corner, over whatever units lay there."""
    items = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    if not items or fig.layout.showlegend is False:
        return bottom
    font = fig.layout.legend.font.size if fig.layout.legend.font and fig.layout.legend.font.size else BASE_FONT_SIZE
    room = plot_w * 0.75  # the key's numbered names may take a column at the right yet
    widths = [len(name) * font * CHAR_W + 50 for name in items]  # swatch, gap and text
    # plotly sets a horizontal key in one row if it fits, else in columns as wide as its widest entry
    cols = len(items) if sum(widths) <= room else max(1, int(room // max(widths)))
    rows = -(-len(items) // cols)
    height = (rows + 1) * font * 1.45 + 12  # the title on its own line, then the rows
    fig.update_layout(margin={"b": bottom + height},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container",
                              "y": min(1.0, (bottom + height - 4) / max(1.0, fig_h)), "yanchor": "top",
                              "title": {"side": "top"}})
    return bottom + height
