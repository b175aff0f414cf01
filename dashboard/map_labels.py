"""Unit names and the colour key on a static map (PNG, SVG, PDF, the pack, the briefing screen),
placed for the size the figure is drawn at. The figure builders in :mod:`dashboard.maps` leave the
names in ``layout.meta``; :func:`place_labels` sets them (``presentation()`` and ``screen()`` place
them again for their own sizes). No Streamlit here."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from . import markup
from .i18n import t
from .style import BASE_FONT_SIZE

# Names are placed for the size the figure is drawn at (presentation() and screen() place them
# again for theirs): each in a small white box (legible on any fill), at its unit's inner point or
# nudged beside it; a name that fits nowhere becomes a number, explained in a key at the right;
# no two names overlap and none leaves the figure. The names travel in layout.meta until placed.
LABELS_META = "unit_labels"


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
    # a long key (an indicator's seven classes) in a low drawing: smaller type, never cut off, leaving
    # two lines under it for the names' key ("Tanpa label: …")
    room = height - top - bottom - 2 * (size or BASE_FONT_SIZE) * LINE_H
    if side and leg_h > room > 0:
        font = fig.layout.legend.font.size if fig.layout.legend.font and fig.layout.legend.font.size else BASE_FONT_SIZE
        fit = max(smallest, 8, int(font * room / leg_h))
        fig.update_layout(legend={"font": {"size": fit}, "title": {"font": {"size": fit}}})
        leg_w, leg_h = _legend_size(fig)
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
        mark = {"x": x, "y": y, "xref": "x", "yref": "y", "text": markup.text(text),
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
    # names are escaped text: a quote takes one character's room (markup.plain_quotes)
    items = [markup.plain_quotes(tr.name) for tr in fig.data if tr.showlegend is not False and tr.name]
    if not items or fig.layout.showlegend is False:
        return 0, 0
    font = fig.layout.legend.font.size if fig.layout.legend.font and fig.layout.legend.font.size else BASE_FONT_SIZE
    title = markup.plain_quotes(fig.layout.legend.title.text or "").split("<br>")  # a long title is set in lines
    width = max(max(len(line) for line in title) * font * CHAR_W + 10, max(len(n) for n in items) * font * CHAR_W + 50)
    return width, (len(items) + len(title)) * font * 1.5 + 12


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
    return [markup.text(line) for line in lines]


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
    # names are escaped text: a quote takes one character's room (markup.plain_quotes)
    items = [markup.plain_quotes(tr.name) for tr in fig.data if tr.showlegend is not False and tr.name]
    if not items or fig.layout.showlegend is False:
        return bottom
    font = fig.layout.legend.font.size if fig.layout.legend.font and fig.layout.legend.font.size else BASE_FONT_SIZE
    room = plot_w * 0.75  # the key's numbered names may take a column at the right yet
    widths = [len(name) * font * CHAR_W + 50 for name in items]  # swatch, gap and text
    # plotly sets a horizontal key in one row if it fits, else in columns as wide as its widest entry
    cols = len(items) if sum(widths) <= room else max(1, int(room // max(widths)))
    rows = -(-len(items) // cols)
    title = (fig.layout.legend.title.text or "").count("<br>") + 1
    height = (rows + title) * font * 1.45 + 12  # the title on its own lines, then the rows
    fig.update_layout(margin={"b": bottom + height},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container",
                              "y": min(1.0, (bottom + height - 4) / max(1.0, fig_h)), "yanchor": "top",
                              "title": {"side": "top"}})
    return bottom + height
