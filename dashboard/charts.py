"""Plotly figure builders: data in, ``go.Figure`` out. No Streamlit here."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import fmt, markup, metrics
from .i18n import state_label, t, tn
from .metrics import STATES, Timeline
from .records.vocab import COMMITMENT_CATEGORIES
from .style import BASE_FONT_SIZE, ELECTION_LINE, FONT, SERIES_COLORS, STATE_COLORS, TEMPLATE, share_color


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "font": {"size": BASE_FONT_SIZE + 6}},
        font={"family": FONT, "size": BASE_FONT_SIZE}, height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40}, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def say_empty(fig: go.Figure, text: str) -> go.Figure:
    """An empty figure says why in words, in the middle of its plot (issue 35): no axis left to be
    read as "0 %"."""
    fig.add_annotation(x=0.5, y=0.5, xref="paper", yref="paper", text=markup.text(text),
                       showarrow=False, name="empty-note", font={"size": BASE_FONT_SIZE + 2, "color": "#333333"},
                       bgcolor="rgba(255,255,255,0.9)")
    return fig


def readiness_bar(table: pd.DataFrame, lang: str = "id", title: str | None = None) -> go.Figure:
    """Commitment categories named (%) per unit, in :func:`metrics.ranked` order (the table's; the
    first at the top), coloured by the unit's state. A reported readiness figure (logistics, polling
    stations) is another thing and never drawn on this axis (issue 37): it has its own table."""
    df = metrics.ranked(table).iloc[::-1]
    fig = go.Figure()
    if df["sub_units"].notna().any():
        # provinces or kabupaten/kota: a unit's own state says nothing of its kecamatan (Banten has no
        # ceremony of its own yet 18 % of its kecamatan are reached), so the bar takes the map's colour
        # for the share reached, and says it
        fig.add_bar(y=df["label"], x=df["commitment_pct"], orientation="h", name=t("share_reached", lang),
                    marker_color=[share_color(v) for v in df["share"]], marker_line_color="#333333",
                    marker_line_width=0.5, textposition="outside", customdata=df[["code"]],
                    # the share reached is said where there is one: 36 rows of "0 % · bagian terjangkau 0 %" are noise
                    text=[fmt.pct(v, lang) + (f" · {t('share_reached', lang).lower()} {fmt.pct(s, lang, share=True)}"
                                              if pd.notna(s) and s > 0 else "")
                          for v, s in zip(df["commitment_pct"], df["share"])],
                    hovertemplate="%{y} (%{customdata[0]}): %{text}<extra></extra>", showlegend=False)
    for state in STATES if not df["sub_units"].notna().any() else ():
        part = df[df["state"] == state]
        fig.add_bar(y=part["label"], x=part["commitment_pct"], orientation="h", name=state_label(state, lang),
                    marker_color=STATE_COLORS[state], marker_line_color="#333333", marker_line_width=0.5,
                    text=[fmt.pct(v, lang) for v in part["commitment_pct"]], textposition="outside",
                    customdata=part[["code"]], hovertemplate="%{y} (%{customdata[0]}): %{text}<extra></extra>")
    fig.update_xaxes(range=[0, 110], ticksuffix=fmt.pct_suffix(lang), title=t("commitment_pct", lang),
                     gridcolor="#dddddd")
    fig.update_yaxes(categoryorder="array", categoryarray=list(df["label"]))
    fig.update_layout(barmode="overlay")
    if df.empty:
        say_empty(fig, t("no_units_here", lang))
    return _layout(fig, title or t("readiness_title", lang), max(360, 28 * len(df) + 160))


def category_grid(table: pd.DataFrame, lang: str = "id", title: str | None = None) -> go.Figure:
    """Unit × commitment category: filled where the unit's ceremonies name it; units in
    :func:`metrics.ranked` order, as in the table."""
    df = metrics.ranked(table)
    cats = list(COMMITMENT_CATEGORIES)
    # a kecamatan: 0 or 1 (its ceremonies name the category or not); an aggregate: the share of
    # its kecamatan reached by a ceremony that names it
    z = df[cats].astype(float).to_numpy()
    shares = [[fmt.pct(100 * v, lang) for v in row] for row in z]
    # shares are written in their cells (a 2,5 % cell looks as grey as 0 %); yes/no cells need no text
    partial = bool(((z > 0) & (z < 1)).any())
    # Column headings: short names written upright (long names at an angle ran over each other and
    # past the top of an exported image; eleven short names side by side do not fit a square image
    # either); the whole commitment is in the hover.
    heads = [COMMITMENT_CATEGORIES[c].short(lang) for c in cats]
    full = [[COMMITMENT_CATEGORIES[c].label(lang) for c in cats] for _ in range(len(df))]
    fig = go.Figure(go.Heatmap(
        z=z, x=heads, y=df["label"],
        colorscale=[[0, STATE_COLORS["none"]], [1, STATE_COLORS["covered"]]], zmin=0, zmax=1,
        showscale=False, xgap=2, ygap=2, customdata=[list(zip(srow, frow)) for srow, frow in zip(shares, full)],
        text=[[s if v > 0 else "" for s, v in zip(srow, zrow)] for srow, zrow in zip(shares, z)] if partial else None,
        texttemplate="%{text}" if partial else None, textfont={"size": BASE_FONT_SIZE - 3},
        hovertemplate="%{y} · %{customdata[1]}: %{customdata[0]}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-90, side="top", automargin=True)
    # the headings stand in the top margin, under the title (which keeps its own 60 px above them)
    heading_px = int(max(map(len, heads)) * BASE_FONT_SIZE * 0.62) + 12
    out = _layout(fig, title or t("grid_title", lang), max(360, 26 * len(df) + 140 + heading_px))
    out.update_layout(margin={"t": 60 + heading_px},
                      title={"yref": "container", "y": 1.0, "yanchor": "top", "pad": {"t": 14}})
    if df.empty:
        say_empty(out, t("no_units_here", lang))
    return out


def timeline_figure(tl: Timeline, calendar: pd.DataFrame, records_kinds: dict[str, str], lang: str = "id",
                    axis: str = "date", title: str | None = None) -> go.Figure:
    """Cumulative share per region (step lines), ceremonies as markers, election days as lines.

    ``axis="h"`` puts days before the election on x (H-n, 0 = election day)."""
    fig = go.Figure()
    x_of = (lambda frame: -frame["h"]) if axis == "h" else (lambda frame: frame["date"])
    # The share axis ends a little above the highest line (a 5 % line on a 0-100 % axis reads as
    # nothing on a laptop screen); the ceremony markers ride just above it.
    highest = float(tl.series["share"].max()) if len(tl.series) else 0.0
    top = min(1.0, max(0.1, -(-highest * 1.25 // 0.05) * 0.05))
    # dropna=False: the line of all of Indonesia has no code (None)
    for i, (code, line) in enumerate(tl.series.groupby("region_code", sort=False, dropna=False)):
        fig.add_scatter(x=x_of(line), y=line["share"], mode="lines", line_shape="hv", name=line["region_label"].iloc[0],
                        line={"width": 4 if i == 0 else 2,  # the region's own line comes first
                              "color": SERIES_COLORS[i % len(SERIES_COLORS)]},
                        customdata=[[c, n, h_label(h, lang)] for c, n, h in zip(line["covered"], line["total"], line["h"])],
                        hovertemplate="%{fullData.name}: %{customdata[0]}/%{customdata[1]} · %{customdata[2]}<extra></extra>")
    ev = tl.events
    # a day and its H-n written once per distinct value: a season has a few hundred days and tens of
    # thousands of ceremonies on them
    day_text = functools.lru_cache(maxsize=None)(lambda d: fmt.date_long(d, lang))
    h_text = functools.lru_cache(maxsize=None)(lambda h: h_label(h, lang))
    if len(ev):
        fig.add_scatter(
            x=x_of(ev), y=np.full(len(ev), top * 1.06), mode="markers", name=t("ceremonies", lang),
            cliponaxis=False,  # a marker near the edge is drawn whole, not cut at the plot area
            marker={"symbol": "triangle-down", "size": 16, "color": STATE_COLORS["covered"]},
            text=ev["region_name"].to_numpy(dtype=object),
            # one array, not a list of lists: plotly checks a list cell by cell (50,000 ceremonies
            # of a national timeline: ~7 s of the briefing pack, issue 39), an array at once
            customdata=np.array([[day_text(d), records_kinds.get(i, ""),
                                  markup.text(n) if isinstance(n, str) else "", h_text(h)]
                                 for d, i, n, h in zip(ev["date"], ev["id"], ev["leader_name"], ev["h"])],
                                dtype=object).reshape(len(ev), 4),
            hovertemplate="%{text}<br>%{customdata[0]} (%{customdata[3]})<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>")
    day = pd.Timestamp(tl.election_day) if tl.election_day else None  # None: planned, no day yet
    lines = []  # x of the election lines drawn (the ticks must reach them)
    for e in calendar.itertuples():
        if pd.isna(e.date):
            continue
        x = -(day - e.date).days if axis == "h" else e.date
        if axis == "date" and len(ev) and e.date < ev["date"].min() - pd.Timedelta(days=30) and e.date != day:
            continue
        lines.append(x)
        fig.add_vline(x=x.timestamp() * 1000 if axis == "date" else x, line_color=ELECTION_LINE,
                      line_width=3 if e.date == day else 1.5, line_dash="solid" if e.date == day else "dash")
        # the election's name at the foot of its line (the ceremony names sit at the top)
        fig.add_annotation(x=x, y=0.02, yref="paper", yanchor="bottom", xanchor="right", xshift=-4,
                           text=(e.name_en if lang == "en" else e.name), showarrow=False, bgcolor="rgba(255,255,255,0.85)",
                           font={"color": ELECTION_LINE, "size": BASE_FONT_SIZE - 1})
    # percentages written one way on every surface (fmt.pct: "30 %", "2,5 %"), not plotly's "30%"
    step = next(s for s in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if top * 1.3 / s <= 8)
    ticks = [round(i * step, 4) for i in range(int(top * 1.3 / step) + 1)]
    fig.update_yaxes(range=[0, top * 1.3], tickmode="array", tickvals=ticks,
                     ticktext=[fmt.pct(v * 100, lang) for v in ticks], title=t("share_axis", lang), gridcolor="#dddddd")
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else ())] + lines
    if axis == "h":
        lo, hi = min(xs, default=-30), max(xs, default=0)
        pad = max(5, (hi - lo) * 0.08)  # room for the first and last ceremony's name
        vals = _h_ticks(lo, hi)
        fig.update_xaxes(title=t("axis_h", lang), zeroline=True, tickmode="array", tickvals=vals,
                         ticktext=[h_label(-v, lang, short=True) for v in vals], range=[lo - pad, hi + pad])
    else:
        dates = [pd.Timestamp(x) for x in xs]
        lo, hi = min(dates, default=day or pd.Timestamp.today()), max(dates, default=day or pd.Timestamp.today())
        pad = max(pd.Timedelta(days=5), (hi - lo) * 0.08)
        vals = _month_ticks(lo, hi)
        fig.update_xaxes(range=[lo - pad, hi + pad])
        # month names written by us: plotly's own are English whatever the interface language
        fig.update_xaxes(title=t("axis_date", lang), gridcolor="#eeeeee", tickmode="array", tickvals=vals,
                         ticktext=[fmt.month_short(v, lang) for v in vals])
    if len(ev):
        span = ((hi - lo) + 2 * pad) / (pd.Timedelta(days=1) if axis == "date" else 1)
        xs_ev = list(x_of(ev))
        at = [((x - lo) / pd.Timedelta(days=1)) if axis == "date" else x - lo for x in xs_ev]
        line_at = [((x - lo) / pd.Timedelta(days=1)) if axis == "date" else x - lo
                   for x in ([pd.Timestamp(v) for v in lines] if axis == "date" else lines)]
        edge = pad / pd.Timedelta(days=1) if axis == "date" else pad
        for x, name, level, anchor in _stagger(xs_ev, at, list(ev["region_name"]), span, line_at,
                                               (-edge, span - edge)):
            fig.add_annotation(x=x, y=top * 1.06, yanchor="bottom", yshift=10 + level * EVENT_FONT * 2.0,
                               xanchor=anchor, xshift={"left": -8, "right": 8}.get(anchor, 0),
                               text=markup.text(str(name)), showarrow=False, name="event-label",
                               font={"size": EVENT_FONT, "color": "#111111"})
    if not len(ev):
        say_empty(fig, t("no_ceremonies", lang))
    return _layout(fig, title or t("timeline_title", lang), 560)


EVENT_FONT = BASE_FONT_SIZE - 2
# A ceremony name's width as a share of the axis, per character: sized for the narrowest drawing
# (a square export, ~880 px of plot with type grown 22/16): wider drawings only leave more room.
EVENT_CHAR_SHARE = 0.62 * EVENT_FONT * 22 / 16 / 880


def _stagger(xs, positions, names, span: float, lines=(), ends_at=None, rows: int = 2):
    """(x, name, row, anchor) for the ceremony names above the timeline: each on the lowest of
    ``rows`` rows where it clears the names already there; a name that fits in no row is left to
    the marker's hover (a busy national timeline would otherwise be a smear of text). A name is
    centred on its marker unless an election day's line (``lines``, positions like ``positions``)
    would run through it: then it ends at its marker (``anchor="right"``, the line to its right) or
    starts there (``"left"``), on the side away from the line; the same where the name would run
    past the axis' ends (``ends_at``: its first and last position), into the tick labels."""
    ends = [float("-inf")] * rows
    out = []
    for x, pos, name in sorted(zip(xs, positions, names), key=lambda z: z[1]):
        half = len(str(name)) * EVENT_CHAR_SHARE * span / 2
        gap = 0.01 * span
        anchor, lo, hi = "center", pos - half, pos + half
        first, last = ends_at or (float("-inf"), float("inf"))
        if any(pos < at <= hi + gap for at in lines) or hi > last:
            anchor, lo, hi = "right", pos - 2 * half + gap, pos + gap
        elif any(lo - gap <= at < pos for at in lines) or lo < first:
            anchor, lo, hi = "left", pos - gap, pos + 2 * half - gap
        for row in range(rows):
            if lo > ends[row] + gap:
                ends[row] = hi
                out.append((x, name, row, anchor))
                break
    return out


def comparison_figure(frame: pd.DataFrame, names: dict[str, str], lang: str = "id",
                      title: str | None = None) -> go.Figure:
    """Several elections' run-ups on one H axis (0 = each one's election day): the share of the
    view's units reached, one step line per election in ``names``' order (``frame``: see
    :func:`dashboard.metrics.comparison`)."""
    fig = go.Figure()
    highest = float(frame["share"].max()) if len(frame) and frame["share"].notna().any() else 0.0
    top = min(1.0, max(0.1, -(-highest * 1.25 // 0.05) * 0.05))
    for i, (election, name) in enumerate(names.items()):
        line = frame[frame["election_id"] == election].sort_values("h", ascending=False)
        if line.empty:
            continue
        fig.add_scatter(x=-line["h"], y=line["share"], mode="lines+markers", line_shape="hv",
                        name=markup.text(name),
                        line={"width": 4 if i == 0 else 3, "color": SERIES_COLORS[i % len(SERIES_COLORS)],
                              "dash": "solid" if i == 0 else "dash"},
                        marker={"size": 7},
                        customdata=[[c, n, h_label(h, lang), fmt.date_long(d, lang)]
                                    for c, n, h, d in zip(line["covered"], line["total"], line["h"], line["date"])],
                        hovertemplate="%{fullData.name}: %{customdata[0]}/%{customdata[1]} · %{customdata[2]}"
                                      " · %{customdata[3]}<extra></extra>")
    fig.add_vline(x=0, line_color=ELECTION_LINE, line_width=3)
    # at the top: the axis runs 30 % above the highest line, so no line passes under the label
    fig.add_annotation(x=0, y=0.98, yref="paper", yanchor="top", xanchor="right", xshift=-4,
                       text=h_label(0, lang) if lang == "en" else t("election_day_line", lang), showarrow=False,
                       bgcolor="rgba(255,255,255,0.85)", font={"color": ELECTION_LINE, "size": BASE_FONT_SIZE - 1})
    step = next(s for s in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if top * 1.3 / s <= 8)
    ticks = [round(i * step, 4) for i in range(int(top * 1.3 / step) + 1)]
    fig.update_yaxes(range=[0, top * 1.3], tickmode="array", tickvals=ticks,
                     ticktext=[fmt.pct(v * 100, lang) for v in ticks], title=t("share_axis", lang), gridcolor="#dddddd")
    xs = list(-frame["h"]) + [0]
    lo, hi = min(xs), max(xs)
    pad = max(5, (hi - lo) * 0.06)
    vals = _h_ticks(lo, hi)
    fig.update_xaxes(title=t("axis_h", lang), zeroline=False, tickmode="array", tickvals=vals,
                     ticktext=[h_label(-v, lang, short=True) for v in vals], range=[lo - pad, hi + pad])
    return _layout(fig, title or t("compare_title", lang), 560)


def h_label(h: int, lang: str, short: bool = False) -> str:
    """Days before the election as said in the interface language: ``h`` > 0 before, 0 the day,
    < 0 after (Indonesian H-14 / H / H+3; English "14 days to go" / "election day" / "3 days after");
    nothing while the day is not set (a planned election)."""
    if h is None or pd.isna(h):
        return ""
    h = int(h)
    if h == 0:
        return t("h_label_day", lang)
    key = ("h_short" if short else "h_label") + ("_before" if h > 0 else "_after")
    return tn(key, lang, abs(h))


def _h_ticks(lo: float, hi: float) -> list[int]:
    """At most ~8 ticks on the H axis, on a round step, always with the election day (0)."""
    span = max(1.0, hi - lo)
    step = next((s for s in (7, 14, 30, 60, 90, 180, 365) if span / s <= 8), 730)
    first = int(lo // step) * step
    return [v for v in range(first, int(hi) + step, step) if lo - step / 2 <= v <= hi + step / 2]


def _month_ticks(start: pd.Timestamp, end: pd.Timestamp) -> list[pd.Timestamp]:
    """First days of months from ``start`` to ``end``, thinned to at most ~8."""
    months = list(pd.date_range(start.to_period("M").to_timestamp(), end + pd.offsets.MonthBegin(1), freq="MS"))
    every = max(1, -(-len(months) // 8))
    return months[::every]
