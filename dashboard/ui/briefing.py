"""The briefing screen (``?mode=briefing``): a Forkopimda meeting's big display.

No sidebar, header or menus; full width, large type, high contrast, laid out for 1920×1080.
It shows in turn the key numbers, the map, readiness and the timeline of the view in the
link, each for ``PETA_BRIEFING_SECONDS`` (or ``&seconds=N``), or stays on one when paused.

Rotation and data refresh run in one ``st.fragment(run_every=…)``: only that part of the page
reruns, so nothing reloads or flashes. A view advances when its time is up, measured from
when it was first shown (a click on "next" or "pause" resets the clock), so a timer tick and a
click never skip a view. Each run reads the records' fingerprint, so a new or edited record
appears at the next change of view at the latest.
"""

from __future__ import annotations

import time

import streamlit as st

from .. import charts, fmt, markup, metrics, problem_text, settings, views
from ..errors import Problem, msg
from ..export.frame import SCREEN_MIN_WIDTH, screen
from ..i18n import t
from . import cache, controls, page, viewport
from .safe import bullets

VIEWS = ("ringkasan", "peta", "komitmen", "linimasa")
RISK_VIEW = "risiko"  # issue 27: shown after these when an indicator has a value in the view
VIEW_TITLES = {"ringkasan": "key_numbers", "peta": "map_title", "komitmen": "readiness_title",
               "linimasa": "timeline_title", RISK_VIEW: "risk_title"}
RISK_ROWS = 5  # units named over the indicator map: read across a room
RISK_LINES = {"compact": 64, "large": 84}  # px of the two lines naming them (the CSS below)
RISK_FONT = {"compact": 21, "large": 28}  # px: their type (the CSS below)
MIN_SECONDS, MAX_SECONDS = 5, 600
MAX_BARS = 12       # more bars than this cannot be read across a room
SMALLEST = 768      # px: the lowest display the briefing is laid out for (a 1366×768 projector)
COMPACT_BELOW = 900  # px: below this window height the header, title and footer take compact type
# px of the window that is not chart: padding, header, view title, footer with its buttons and
# Streamlit's gaps between elements (measured in Chromium at 1366×768 and 1920×1080; the layout
# test fails if a view scrolls)
CHROME = {"compact": 330, "large": 410}
PAD = {"compact": 32, "large": 40}  # px left and right of the page (the CSS below)


def chart_height(window: int | None) -> int:
    """The chart's height for a window ``window`` px tall (``None``: not reported yet, so the
    smallest display): the whole window less the page's own parts, never under 360 px."""
    window = window or SMALLEST
    return max(360, window - CHROME[scale(window)])


def scale(window: int | None) -> str:
    return "compact" if (window or SMALLEST) < COMPACT_BELOW else "large"


def readiness_digest(table, limit: int = MAX_BARS):
    """(rows to draw, number of units left out): the units with anything to show, in
    :func:`metrics.ranked` order, at most ``limit``; the rest are counted in one line instead."""
    ranked = metrics.ranked(table)
    something = (ranked["share"].fillna(0) > 0) | (ranked["state"] != "none") | ranked["reported_pct"].notna()
    shown = ranked[something].head(limit)
    if shown.empty:
        shown = ranked.head(limit)
    return shown, len(table) - len(shown)

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] {display: none !important;}
.stMainBlockContainer, .block-container {max-width: 100% !important; padding: 1.2rem 2.5rem 0.5rem 2.5rem !important;}
.stApp {background: #ffffff; color: #111111;}
.b-top {display: flex; align-items: baseline; justify-content: space-between; gap: 2rem;
        border-bottom: 4px solid #08519c; padding-bottom: .4rem; margin-bottom: .6rem;}
.b-title {font-size: 44px; font-weight: 700; line-height: 1.15;}
.b-place {font-size: 28px; color: #333;}
.b-count {font-size: 64px; font-weight: 800; color: #b2182b; white-space: nowrap;}
.b-view {font-size: 34px; font-weight: 700; margin: .2rem 0 .4rem 0;}
.b-tiles {display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5rem; margin-top: 1rem;}
.b-tile {border: 3px solid #333; border-radius: 10px; padding: 1rem 1.4rem; background: #f3f7fb;}
@media (min-height: 900px) {.b-tile {min-height: 32vh;}}  /* a big display: the key numbers fill it */
.b-tile .l {font-size: clamp(22px, 2vw, 30px); color: #222;}
.b-tile .v {font-size: clamp(64px, 8vw, 150px); font-weight: 800; color: #08519c; line-height: 1.1;}
/* a long figure ("212 / 7.265", the nation's units reached of all) on one line, still read across a room */
.b-tile .v.long {font-size: clamp(48px, 4.6vw, 96px); white-space: nowrap;}
.b-tile .n {font-size: clamp(17px, 1.4vw, 24px); color: #333;}
.b-sentence.b-when {font-size: clamp(28px, 2.6vw, 44px); font-weight: 700; color: #b2182b; margin: 4px 0 8px;}
.b-sentence {font-size: 40px; font-weight: 700;}
.b-own {font-size: clamp(20px, 1.65vw, 32px); margin-top: .25rem; color: #1b5e20;}
.b-foot {display: flex; justify-content: space-between; gap: 2rem; font-size: 22px; color: #222;}
.st-key-b_footrow {border-top: 2px solid #999; padding-top: .3rem;}
.b-dots span {display: inline-block; min-width: 2.2em; text-align: center; margin-left: .3em; padding: 0 .4em;
              border: 2px solid #08519c; border-radius: 6px; font-weight: 700;}
.b-dots span.on {background: #08519c; color: #fff;}
.b-exit {display: inline-block; padding: .45rem .9rem; border: 1px solid #b8c4d0; border-radius: .5rem;
         color: #111 !important; text-decoration: none !important; white-space: nowrap; background: #fff;}
.b-exit:hover {border-color: #08519c; color: #08519c !important;}
.b-risk {font-size: 28px; line-height: 1.3; height: 2.6em; overflow: hidden; display: -webkit-box;
          -webkit-line-clamp: 2; -webkit-box-orient: vertical;}
.b-risk .h {font-weight: 700; color: #b2182b;}
</style>
"""
# a window under COMPACT_BELOW px high (a 1366×768 projector): the same parts in smaller type, so
# the chart keeps most of the height and nothing falls below the fold
COMPACT_CSS = """
<style>
.stMainBlockContainer, .block-container {padding: .6rem 2rem 0 2rem !important;}
.b-top {padding-bottom: .2rem; margin-bottom: .2rem; border-bottom-width: 3px;}
.b-title {font-size: 30px;}
.b-place {font-size: 21px;}
.b-count {font-size: 46px; line-height: 1.1;}
.b-view {font-size: 26px; margin: 0;}
.b-sentence {font-size: 28px;}
.b-sentence.b-when {font-size: 28px; margin: 0 0 4px;}
.b-tiles {margin-top: .4rem;}
.b-foot {font-size: 18px;}
.st-key-b_footrow {padding-top: .1rem;}
.b-risk {font-size: 21px;}
</style>
"""


def seconds() -> int:
    """Seconds per view: the link's ``seconds``, else the setting; out-of-range values are named."""
    raw = st.query_params.get("seconds") or settings.get("PETA_BRIEFING_SECONDS")
    try:
        value = int(raw)
        if MIN_SECONDS <= value <= MAX_SECONDS:
            return value
    except ValueError:
        pass
    problems = st.session_state.setdefault("_param_problems", [])
    problems.append(Problem(field="seconds", value=raw, want=msg("seconds_between", low=MIN_SECONDS, high=MAX_SECONDS),
                            file="URL / PETA_BRIEFING_SECONDS"))
    return int(settings.SETTINGS["PETA_BRIEFING_SECONDS"].default)


def _go(step: int) -> None:
    ss = st.session_state
    ss["_b_index"] = (ss.get("_b_index", 0) + step) % ss.get("_b_count", len(VIEWS))
    ss["_b_shown_at"] = time.monotonic()


def _toggle_pause() -> None:
    ss = st.session_state
    ss["_b_paused"] = not ss.get("_b_paused", False)
    ss["_b_shown_at"] = time.monotonic()


def _advance(interval: int, count: int) -> int:
    """The index of the view to show now, of ``count`` views (see the module docstring)."""
    ss = st.session_state
    ss["_b_count"] = count
    if ss.get("_b_index", 0) >= count:  # the indicator's view went away (the last value withdrawn)
        ss["_b_index"] = 0
    now = time.monotonic()
    if "_b_shown_at" not in ss:
        ss["_b_index"], ss["_b_shown_at"] = 0, now
    elif not ss.get("_b_paused") and now - ss["_b_shown_at"] >= interval - 1:
        _go(1)
    return ss["_b_index"]


def _tiles(rep) -> str:
    s, lg = rep.summary, rep.lang
    label, value, whose, _ = views.readiness_tile(s, lg)  # the tile Ringkasan shows, in the same words
    tiles = [(t("ceremonies_short", lg), fmt.number(s.n_ceremonies, lg, 0), ""),
             (t("units_covered", lg, level=s.unit_level), fmt.fraction(s.covered, s.total, lg), fmt.pct(s.share, lg, share=True)),
             (label, value, whose)]
    cells = "".join(f'<div class="b-tile"><div class="l">{markup.text(a)}</div>'
                    f'<div class="v{" long" if len(b) > 7 else ""}">{markup.text(b)}</div>'
                    f'<div class="n">{markup.text(c)}</div></div>' for a, b, c in tiles)
    own = (f'<div class="b-own" data-testid="b-own">{markup.text(s.own_text)}</div>' if s.own_text else "")
    # the countdown itself stands once, in the header; here it is said in words
    return (f'<div class="b-sentence b-when">{markup.text(s.countdown_text)}</div>{own}'
            f'<div class="b-tiles">{cells}</div>')


def briefing_risk(rep, values):
    """The indicator the briefing shows beside the commitments (:class:`dashboard.risk.Risk`), or
    None: the link's ``indicator`` when it has a value in the view, else the first such stored
    indicator by id (a link naming an indicator with no value in the view is named as a problem)."""
    from ..risk import Risk, with_values

    shown = with_values(rep, values)
    wanted = st.query_params.get("indicator")
    if wanted and wanted not in shown:
        lg = rep.lang
        problem = Problem(field="indicator", value=wanted, want=msg("one_of", options=shown), file="URL")
        st.warning(t("bad_link", lg) + "\n" + bullets([problem_text.say(problem, lg)]))
    if not shown:
        return None
    return Risk(rep, values, wanted if wanted in shown else shown[0])


def _risk_view(risk, tall: int, drawn: int, size: str) -> None:
    """The units no binding ceremony reaches with the highest values, named in two lines of large
    type (how many have no value of their own is said), over the indicator map beside the
    commitments, drawn across the whole width (a column beside it left the map a strip on a
    1366×768 projector: its key needs the room)."""
    lg = risk.report.lang
    given = risk.priority[0]  # the legend's high class only, each with a value (issue 37)
    none = risk.without_value
    rest = t("risk_none_count", lg, n=none) if none else ""
    head = t("risk_no_ceremony", lg, n=len(given))
    # as many units as two lines hold (a generous 0.6 em a character): never one cut off mid-name
    room = 2 * int(drawn / (RISK_FONT[size] * 0.6)) - len(head) - len(rest) - 8
    parts: list[str] = []
    for _, r in given.head(RISK_ROWS).iterrows():
        part = f"{r[t('unit', lg)]} {r[t('risk_value', lg)]}"
        if parts and sum(len(p) + 3 for p in parts) + len(part) > room:
            break
        parts.append(part)
    named = " · ".join(parts)
    st.html(f'<div class="b-risk" data-testid="b-risk"><span class="h">{markup.text(head)}:'
            f'</span> <b>{markup.text(named or t("risk_none_high", lg))}</b>{markup.text(" · " + rest if rest else "")}</div>')
    st.plotly_chart(screen(risk.figure(), tall - RISK_LINES[size], width=drawn), width="stretch", key="b_risiko",
                    theme=None, config={"staticPlot": True})


def _show(interval: int, window: tuple[int, int] | None) -> None:
    ss = st.session_state
    wide, high = window or (None, None)
    tall = chart_height(high)
    # the figure's names are placed for the width it is drawn at: the window less the page's padding
    drawn = max(SCREEN_MIN_WIDTH, (wide or 0) - 2 * PAD[scale(high)])
    if scale(high) == "compact":
        st.html(COMPACT_CSS)
    version = cache.data_version()
    view = controls.current(cache.gazetteer(), cache.records(version).calendar)
    rep = cache.report(version, view.election, view.as_of, view.region, view.lang)
    lg = view.lang
    risk = briefing_risk(rep, cache.indicator_values(version))
    names = VIEWS + ((RISK_VIEW,) if risk is not None else ())
    i = _advance(interval, len(names))
    name = names[i]
    st.html(f'<div class="b-top"><div><div class="b-title">{markup.text(t("app_title", lg))} · '
            f'{markup.text(rep.election_name)}</div><div class="b-place">{markup.text(rep.place)}</div></div>'
            f'<div class="b-count" data-testid="b-count">{markup.text(rep.summary.countdown)}</div></div>')
    st.html(f'<div class="b-view" data-view="{name}" id="b-view">{markup.text(t(VIEW_TITLES[name], lg))}</div>')
    if name == "ringkasan":
        st.html(_tiles(rep))
    elif name == "komitmen":
        shown, rest = readiness_digest(rep.readiness)
        height = min(tall - (50 if rest else 0), 200 + 60 * len(shown))  # two bars need not fill the screen
        st.plotly_chart(screen(charts.readiness_bar(shown, lg), height), width="stretch",
                        key="b_kesiapan", theme=None, config={"staticPlot": True})
        if rest:
            none = int((rep.readiness["state"] == "none").sum() - (shown["state"] == "none").sum())
            key = "not_shown_none" if none == rest else "not_shown"
            st.html(f'<div class="b-sentence">{markup.text(t(key, lg, n=rest, m=none))}</div>')
    elif name == RISK_VIEW:
        _risk_view(risk, tall, drawn, scale(high))
    else:
        fig = rep.figure("peta") if name == "peta" else rep.figure("linimasa", axis="h")
        st.plotly_chart(screen(fig, tall, width=drawn), width="stretch", key=f"b_{name}", theme=None,
                        config={"staticPlot": True})
    stamp = t("data_as_of", lg, d=fmt.date_long(view.as_of, lg), t=fmt.clock(cache.loaded_at(version), settings.get("PETA_TIMEZONE")))
    state = t("paused", lg) if ss.get("_b_paused") else t("every_n", lg, n=interval)
    dots = "".join(f'<span class="{"on" if j == i else ""}">{j + 1}</span>' for j in range(len(names)))
    sources = (risk.meta("peta") if name == RISK_VIEW else rep.meta("pengarahan" if name == "ringkasan" else name)).sources_line
    # sources and stamp on the left, the view's dots and the buttons on the right: one row, so the
    # buttons stay on the first screen of a 768-px display
    left, right = st.container(key="b_footrow").columns([3, 2], vertical_alignment="bottom")
    left.html(f'<div class="b-foot"><div>{markup.text(sources)}<br>'
              f'<b data-testid="b-stamp">{markup.text(stamp)}</b></div></div>')
    with right:
        st.html(f'<div class="b-foot" style="justify-content: flex-end"><div class="b-dots" data-testid="b-dots">'
                f'{markup.text(state)} {dots}</div></div>')
        with st.container(horizontal=True, key="b_buttons", horizontal_alignment="right", vertical_alignment="center"):
            st.button(t("previous", lg), key="b_prev", on_click=_go, args=(-1,), icon=":material/skip_previous:")
            st.button(t("resume" if ss.get("_b_paused") else "pause", lg), key="b_pause", on_click=_toggle_pause,
                      icon=":material/play_arrow:" if ss.get("_b_paused") else ":material/pause:")
            st.button(t("next", lg), key="b_next", on_click=_go, args=(1,), icon=":material/skip_next:")
            # a plain link in this page, not st.link_button (which opens a new tab and leaves the
            # briefing cycling in the old one): Keluar returns to the dashboard in the same tab
            st.html(f'<a class="b-exit" data-testid="b-exit" href="{markup.text(controls.link(view))}">'
                    f'✕ {markup.text(t("exit_briefing", lg))}</a>', width="content")


def run() -> None:
    st.html(CSS)
    page.setup(sidebar=False)  # link problems and conflicting reports are shown, as on every page
    interval = seconds()
    window = viewport.size("b_viewport")
    problems = st.session_state.pop("_param_problems", [])
    if problems:
        st.warning(t("bad_link", controls.lang()) + "\n" + bullets(problem_text.say(p, controls.lang())
                                                                    for p in problems))
    st.fragment(run_every=interval)(_show)(interval, window)
