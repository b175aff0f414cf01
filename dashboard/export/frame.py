"""A chart made ready for a slide, a report or a chat group: fixed pixel size, larger type,
title with region · election · as-of date, and the sources line along the bottom."""

from __future__ import annotations

import datetime as dt
import textwrap

import plotly.graph_objects as go

from .. import fmt, markup
from ..i18n import t
from ..map_labels import place_labels
from ..export_meta import ExportMeta

# variant -> (width, height, file-name suffix)
SIZES = {"16x9": (1920, 1080, ""), "square": (1080, 1080, "persegi")}
SCREEN_MIN_WIDTH = 1240  # px of figure on a 1366-px briefing display (the page's padding taken off)
MIN_TEXT = 18  # px: no text on an exported slide is smaller (read at the back of a meeting room)


def _wrap(text: str, width_px: int, font_px: int) -> str:
    """Wrapped lines joined with plotly's <br>; the text itself escaped, since plotly reads tags
    (<a href>, <b>) in any text and outlet names and places come from the data."""
    chars = max(40, int(width_px / (font_px * 0.55)))
    return "<br>".join(markup.text(line) for line in textwrap.wrap(text, chars)[:3])


def presentation(fig: go.Figure, meta: ExportMeta, size: str = "16x9", made_on: dt.date | None = None,
                 owned: bool = False) -> go.Figure:
    """A copy of ``fig`` sized ``SIZES[size]`` with the export's title block and footer; with
    ``owned`` (a figure made for this page alone, as the pack's are) ``fig`` itself is framed: a
    copy validates every value again (the national pack's 12 pages spent ~2 s copying).

    Type is scaled for reading across a room (body 22 px at 1080 px high, title 40 px);
    the legend moves to the top so the bottom carries the sources line."""
    if size not in SIZES:
        from ..errors import PetaError, msg

        raise PetaError.single("size", size, msg("one_of", options=list(SIZES)))
    width, height, _ = SIZES[size]
    out = fig if owned else go.Figure(fig)
    body, foot = 22, MIN_TEXT
    top = (170 if size == "16x9" else 200) + _top_ticks(out, body - 2)
    has_axes = out.layout.xaxis.visible is not False
    # a chart of many units shows as many rows as stay legible; the rest are named in one line
    left_out = _keep_rows(out, int((height - top - 200 - (110 if has_axes else 20)) / (MIN_TEXT / 0.7)))
    lines = ([t("not_shown_rows", meta.lang, n=left_out)] if left_out else []) + [meta.sources_line]
    footer = "<br>".join(_wrap(line, width - 80, foot) for line in lines)
    stamp = t("made_on", meta.lang, d=fmt.date_short(made_on or dt.date.today(), meta.lang))
    foot_px = int(foot * 1.45 * (footer.count("<br>") + 2)) + 16
    bottom = foot_px + (110 if has_axes else 20)  # room for tick labels and the axis title
    out.update_layout(
        width=width, height=height, autosize=False, font={"size": body}, paper_bgcolor="#ffffff",
        title={"text": f"<b>{markup.text(meta.title)}</b>", "font": {"size": 38 if size == "16x9" else 32},
               "subtitle": {"text": _wrap(meta.subtitle, width - 80, body + 2), "font": {"size": body + 2}},
               "x": 0.02, "xanchor": "left", "y": 0.97, "yanchor": "top", "yref": "container"},
        margin={"l": 40, "r": 40, "t": top, "b": bottom},
    )
    _scale_type(out, body, height - top - bottom, smallest=MIN_TEXT)
    place_labels(out, width, height, size=body - 3, smallest=MIN_TEXT)
    bottom = out.layout.margin.b  # a map's key, set under the map, took its room above the sources
    plot_h = height - top - bottom
    out.add_annotation(text=f"{footer}<br><span style='color:#555555'>{stamp}</span>", xref="paper", yref="paper",
                       x=0, xanchor="left", y=-(bottom - 12) / plot_h, yanchor="bottom", showarrow=False,
                       align="left", font={"size": foot, "color": "#222222"})
    return out


def _rows_top_down(fig: go.Figure) -> list[str]:
    """The category rows of a bar chart or grid as drawn, top first."""
    rows = [str(y) for tr in fig.data if tr.type in ("bar", "heatmap") and tr.y is not None for y in tr.y]
    rows = list(dict.fromkeys(rows))
    if fig.layout.yaxis.categoryarray:  # bars: the array runs bottom up
        order = [str(y) for y in fig.layout.yaxis.categoryarray][::-1]
        return [r for r in order if r in set(rows)] + [r for r in rows if r not in set(order)]
    if fig.layout.yaxis.autorange == "reversed":
        return rows
    return rows[::-1]


def _keep_rows(fig: go.Figure, room: int) -> int:
    """Keep the top ``room`` rows of a chart of units (those first in :func:`metrics.ranked` order:
    reached, then with something to show); returns how many were left out (0: all fit)."""
    rows = _rows_top_down(fig)
    if not rows or len(rows) <= room:
        return 0
    keep = set(rows[:max(1, room)])
    for tr in fig.data:
        if tr.y is None or tr.type not in ("bar", "heatmap", "scatter"):
            continue
        ys = [str(y) for y in tr.y]
        idx = [i for i, y in enumerate(ys) if y in keep]
        if tr.type == "heatmap":
            for attr in ("z", "text", "customdata"):
                value = getattr(tr, attr)
                if value is not None and len(value) == len(ys):
                    setattr(tr, attr, [value[i] for i in idx])
        else:
            for attr in ("x", "text", "customdata", "hovertext"):
                value = getattr(tr, attr)
                if value is not None and not isinstance(value, str) and len(value) == len(ys):
                    setattr(tr, attr, [value[i] for i in idx])
        tr.y = [tr.y[i] for i in idx]
    if fig.layout.yaxis.categoryarray:
        fig.update_yaxes(categoryarray=[c for c in fig.layout.yaxis.categoryarray if str(c) in keep])
    return len(rows) - len(keep)


def _top_ticks(fig: go.Figure, font: int) -> int:
    """Room for tick labels written above the plot (the category grid's upright headings)."""
    if fig.layout.xaxis.side != "top":
        return 0
    names = [str(x) for tr in fig.data if tr.x is not None for x in tr.x]
    if not names:
        return 0
    upright = abs(fig.layout.xaxis.tickangle or 0) == 90
    return int((max(map(len, names)) * font * 0.62) if upright else font * 1.5) + 16


def screen(fig: go.Figure, height: int = 760, body: int = 24, width: int = SCREEN_MIN_WIDTH,
           least: int = SCREEN_MIN_WIDTH) -> go.Figure:
    """A copy of ``fig`` for the briefing screen: the page shows title and sources itself, so
    the figure drops its title, fills ``height`` px, and its type is read from across a room.
    ``width``: the px it is drawn across (the window's, where the browser has said); ``least``:
    the fewest px it is drawn across on the narrowest display (a figure in a column: less)."""
    out = go.Figure(fig)
    # a map has no legend above it (a chart's stands there): its top margin is the map's room
    top = 50 if fig.layout.xaxis.visible is not False else 12
    out.update_layout(title=None, height=height, font={"size": body}, margin={"l": 20, "r": 20, "t": top, "b": 20})
    _scale_type(out, body, height - 120)
    # names are placed for the width the figure is drawn at (the narrowest briefing display, a
    # 1366-px one, until the browser has said); drawn wider, they only stand further apart
    place_labels(out, max(least, width), height, size=body - 3)
    if out.layout.xaxis.visible is not False:
        out.update_xaxes(automargin=True)
        out.update_yaxes(automargin=True)
    return out


def _scale_type(out: go.Figure, body: int, plot_h: float, smallest: int = 9) -> None:
    """Type for a big image or screen: chart legends above the plot (the bottom is for the
    sources line), the map's key bigger in its corner, labels written on the chart grown with
    the body text, and one label per unit shrunk until every unit keeps its name."""
    if out.layout.xaxis.visible is not False:
        out.update_layout(legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1.0, "yanchor": "bottom",
                                  "font": {"size": body - 2}})
        out.update_xaxes(tickfont={"size": body - 2}, title_font={"size": body})
        out.update_yaxes(tickfont={"size": body - 2}, title_font={"size": body})
    else:
        out.update_layout(legend={"font": {"size": body}, "title": {"font": {"size": body}}})
    for ann in out.layout.annotations:
        ann.font.size = round((ann.font.size or 16) * body / 16)
    for tr in out.data:
        if tr.type == "scatter" and tr.mode and "text" in tr.mode and tr.textfont.size:
            tr.textfont.size = round(tr.textfont.size * body / 16)
    rows = {str(y) for tr in out.data if tr.type in ("bar", "heatmap") and tr.y is not None for y in tr.y}
    if rows:
        row_px = plot_h / len(rows)
        out.update_yaxes(tickfont={"size": max(smallest, min(body - 2, int(row_px * 0.7)))}, dtick=1)
        for tr in out.data:  # numbers written in heatmap cells: as tall as a row allows, or left to the hover
            if tr.type == "heatmap" and tr.texttemplate:
                fits = int(row_px * 0.7)
                if fits < smallest:
                    tr.texttemplate, tr.text = None, None
                else:
                    tr.textfont.size = max(smallest, min(body - 4, fits))
