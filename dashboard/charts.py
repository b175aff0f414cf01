"""Plotly figure builders: data in, ``go.Figure`` out. No Streamlit here."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from . import fmt
from .i18n import state_label, t
from .metrics import STATES, Timeline
from .records.vocab import COMMITMENT_CATEGORIES
from .style import BASE_FONT_SIZE, ELECTION_LINE, FONT, STATE_COLORS


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": BASE_FONT_SIZE + 6}},
        font={"family": FONT, "size": BASE_FONT_SIZE}, height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40}, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def readiness_bar(table: pd.DataFrame, lang: str = "id", title: str | None = None) -> go.Figure:
    """Commitment coverage (%) per unit, sorted, coloured by coverage state; reported
    readiness figures as diamonds on the same axis."""
    df = table.sort_values(["commitment_pct", "label"], ascending=[True, False])
    fig = go.Figure()
    for state in STATES:
        part = df[df["state"] == state]
        fig.add_bar(y=part["label"], x=part["commitment_pct"], orientation="h", name=state_label(state, lang),
                    marker_color=STATE_COLORS[state], marker_line_color="#333333", marker_line_width=0.5,
                    text=[fmt.pct(v, lang) for v in part["commitment_pct"]], textposition="outside",
                    customdata=part[["code"]], hovertemplate="%{y} (%{customdata[0]}): %{text}<extra></extra>")
    rep = df[df["reported_pct"].notna()]
    if len(rep):
        fig.add_scatter(y=rep["label"], x=rep["reported_pct"], mode="markers", name=t("reported_pct", lang),
                        marker={"symbol": "diamond", "size": 16, "color": ELECTION_LINE},
                        text=[f"{fmt.pct(p, lang)} · {fmt.date_short(d, lang)}" for p, d in
                              zip(rep["reported_pct"], rep["reported_as_of"])],
                        hovertemplate="%{y}: %{text}<extra></extra>")
    fig.update_xaxes(range=[0, 110], ticksuffix=" %" if lang != "en" else "%", title=t("commitment_pct", lang),
                     gridcolor="#dddddd")
    fig.update_yaxes(categoryorder="array", categoryarray=list(df["label"]))
    fig.update_layout(barmode="overlay")
    return _layout(fig, title or t("readiness_title", lang), max(360, 28 * len(df) + 160))


def category_grid(table: pd.DataFrame, lang: str = "id", title: str | None = None) -> go.Figure:
    """Unit × commitment category: filled where the unit's ceremonies cover it."""
    df = table.sort_values(["commitment_pct", "label"], ascending=[False, True])
    cats = list(COMMITMENT_CATEGORIES)
    z = df[cats].astype(int).to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=[COMMITMENT_CATEGORIES[c].label(lang) for c in cats], y=df["label"],
        colorscale=[[0, STATE_COLORS["none"]], [1, STATE_COLORS["covered"]]], zmin=0, zmax=1,
        showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-35, side="top")
    return _layout(fig, title or t("grid_title", lang), max(360, 26 * len(df) + 260))


def timeline_figure(tl: Timeline, calendar: pd.DataFrame, records_kinds: dict[str, str], lang: str = "id",
                    axis: str = "date", title: str | None = None) -> go.Figure:
    """Cumulative share per region (step lines), ceremonies as markers, election days as lines.

    ``axis="h"`` puts days before the election on x (H-n, 0 = election day)."""
    fig = go.Figure()
    x_of = (lambda frame: -frame["h"]) if axis == "h" else (lambda frame: frame["date"])
    for code, line in tl.series.groupby("region_code", sort=False):
        fig.add_scatter(x=x_of(line), y=line["share"], mode="lines", line_shape="hv", name=line["region_label"].iloc[0],
                        line={"width": 4 if code == tl.series["region_code"].iloc[0] else 2},
                        customdata=line[["covered", "total", "h"]],
                        hovertemplate="%{fullData.name}: %{customdata[0]}/%{customdata[1]} · H-%{customdata[2]}<extra></extra>")
    ev = tl.events
    if len(ev):
        fig.add_scatter(
            x=x_of(ev), y=[1.04] * len(ev), mode="markers+text", name=t("ceremonies", lang),
            marker={"symbol": "triangle-down", "size": 16, "color": STATE_COLORS["covered"]},
            text=ev["region_name"], textposition="top center", textfont={"size": BASE_FONT_SIZE - 2},
            customdata=[[fmt.date_long(d, lang), records_kinds.get(i, ""),
                         html.escape(n, quote=False) if isinstance(n, str) else "", f"H-{h}"]
                        for d, i, n, h in zip(ev["date"], ev["id"], ev["leader_name"], ev["h"])],
            hovertemplate="%{text}<br>%{customdata[0]} (%{customdata[3]})<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>")
    day = pd.Timestamp(tl.election_day)
    for e in calendar.itertuples():
        x = -(day - e.date).days if axis == "h" else e.date
        if axis == "date" and len(ev) and e.date < ev["date"].min() - pd.Timedelta(days=30) and e.date != day:
            continue
        fig.add_vline(x=x.timestamp() * 1000 if axis == "date" else x, line_color=ELECTION_LINE,
                      line_width=3 if e.date == day else 1.5, line_dash="solid" if e.date == day else "dash")
        fig.add_annotation(x=x, y=1.12, text=(e.name_en if lang == "en" else e.name), showarrow=False,
                           font={"color": ELECTION_LINE, "size": BASE_FONT_SIZE - 1}, yref="y")
    fig.update_yaxes(range=[0, 1.18], tickformat=".0%", title=t("share_axis", lang), gridcolor="#dddddd")
    if axis == "h":
        fig.update_xaxes(title=t("axis_h", lang), tickprefix="H", zeroline=True)
    else:
        fig.update_xaxes(title=t("axis_date", lang), gridcolor="#eeeeee")
    return _layout(fig, title or t("timeline_title", lang), 560)
