"""Issue 13 §3: read by machine, not only by eye. In Chromium, at 1366×768 (a government laptop)
and 1920×1080 (the briefing display), every text of every plotly chart and static map on the
pages and the briefing views, and of every exported chart and map (16:9 and square, as kaleido
draws them), is collected with its bounding box: none may overlap another, none may leave its
figure."""

from __future__ import annotations

import datetime as dt
import json
import os
import time

import plotly.io as pio
import pytest

from .test_e2e import map_frame, need_chromium, running_app

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SIZES = [(1366, 768), (1920, 1080)]

# Every visible text node of every plot, with its box; pairs that overlap by more than 2 px both
# ways, and texts that leave the plot's own box. Rotated text is measured by its real extent
# (getBBox in its own coordinates would miss the rotation; the client rect is the honest box).
CHECK = """
() => {
  const problems = []; let texts = 0; let smallest = 1000;
  document.querySelectorAll('.js-plotly-plot').forEach((plot, pi) => {
    const box = plot.getBoundingClientRect();
    const items = [];
    plot.querySelectorAll('svg text').forEach(t => {
      if (t.closest('.hoverlayer')) return;
      const s = (t.textContent || '').trim();
      if (!s) return;
      const st = getComputedStyle(t);
      if (st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0') return;
      const r = t.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return;
      items.push({s, r, size: parseFloat(st.fontSize)});
    });
    texts += items.length;
    items.forEach(a => { smallest = Math.min(smallest, a.size); });
    items.forEach(a => {
      if (a.r.left < box.left - 1 || a.r.right > box.right + 1 || a.r.top < box.top - 1 || a.r.bottom > box.bottom + 1)
        problems.push(`leaves the figure: "${a.s}"`);
    });
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const a = items[i].r, b = items[j].r;
      const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ix > 2 && iy > 2) problems.push(`overlap: "${items[i].s}" / "${items[j].s}"`);
    }
  });
  return {plots: document.querySelectorAll('.js-plotly-plot').length, texts, problems, smallest};
}
"""

PAGES = ["/komitmen?election=pilkada-2024&region=32.01&as_of=2024-11-27",
         "/linimasa?election=pilkada-2024&region=32.01&as_of=2024-11-27",
         "/komitmen?election=pilkada-2024&as_of=2024-11-27",
         "/linimasa?election=pilkada-2024&as_of=2024-11-27&lang=en"]


@pytest.fixture(scope="module")
def jatim_server(geo_cfg):
    """A server that draws Jawa Timur (the suite's other servers draw 31, 32 and 36 only)."""
    need_chromium()
    with running_app({**os.environ, "PETA_PROVINCES": "35"}) as url:
        yield url


@pytest.fixture(scope="module")
def server(geo_cfg):
    need_chromium()
    with running_app(dict(os.environ)) as url:
        yield url


def _measure(page, wanted: int = 1, seconds: float = 60) -> dict:
    """The check, once the drawing has settled: plotly lays out again after its automargins
    (later on a loaded machine), so two measurements in a row must agree."""
    deadline = time.time() + seconds
    last = None
    while True:
        page.wait_for_timeout(1000)
        got = page.evaluate(CHECK)
        ready = got["plots"] >= wanted and got["texts"]
        if (ready and got == last) or time.time() > deadline:
            return got
        last = got if ready else None


@pytest.mark.parametrize("width,height", SIZES)
def test_page_charts_have_no_overlapping_or_cut_text(browser, server, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for path in PAGES:
            page.goto(server + path)
            got = _measure(page, wanted=1 if "linimasa" in path else 2)
            assert got["plots"] and got["texts"], path
            assert not got["problems"], (path, width, got["problems"][:10])
    finally:
        page.close()


@pytest.mark.parametrize("width,height", SIZES)
def test_briefing_views_have_no_overlapping_or_cut_text(browser, server, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(server + "/?mode=briefing&election=pilkada-2024&region=32.01&as_of=2024-11-12&seconds=600")
        page.get_by_text("Angka kunci").first.wait_for(timeout=90_000)
        page.wait_for_timeout(2000)  # the browser reports the window's size; the view is drawn for it
        _fits(page, "ringkasan", height)
        for view in ("peta", "komitmen", "linimasa"):
            page.locator(".st-key-b_next button").click()
            page.locator(f'[data-view="{view}"]').wait_for(timeout=30_000)
            got = _measure(page)
            assert got["plots"] == 1 and got["texts"], view
            assert not got["problems"], (view, width, got["problems"][:10])
            _fits(page, view, height)
    finally:
        page.close()


def _fits(page, view: str, height: int) -> None:
    """Issue 24 §2: the view fits the window with no scrolling: the page is no taller than the
    window, and the stamp and the buttons are on the first screen."""
    tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    assert tall <= height + 1, (view, tall, height)
    for sel in ('[data-testid="b-stamp"]', ".st-key-b_next button", '[data-testid="b-exit"]'):
        box = page.locator(sel).first.bounding_box()
        assert box and box["y"] + box["height"] <= height, (view, sel, box, height)


# The static map's colour key against the units drawn (the filled paths' own boxes).
LEGEND_OVER_UNITS = """
() => {
  const key = document.querySelector('.legend'); if (!key) return null;
  const k = key.getBoundingClientRect(); const hits = [];
  const fills = document.querySelectorAll('.scatterlayer .trace path.js-fill');
  if (!fills.length) return 'no unit drawn';  // the check must see the units it guards
  fills.forEach(p => {
    const r = p.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return;
    if (Math.min(k.right, r.right) - Math.max(k.left, r.left) > 1 && Math.min(k.bottom, r.bottom) - Math.max(k.top, r.top) > 1)
      hits.push('the key overlaps a fill');
  });
  return hits.length ? hits[0] : null;
}
"""


def _exported_figures():
    from dashboard import context
    from dashboard.export.frame import SIZES as EXPORT_SIZES, presentation
    from dashboard.report import CHARTS, Report

    gaz = context.gazetteer()
    records = context.records(gaz)
    for region in ("32.01", "32", None):
        report = Report(records, gaz, "pilkada-2024", region, dt.date(2024, 11, 27), "id", compare="pemilu-2024")
        for name in CHARTS:
            for size in EXPORT_SIZES:
                fig = presentation(report.figure(name), report.meta(name), size, made_on=dt.date(2026, 1, 2))
                yield f"{name}-{region}-{size}", fig


def draw_exported(page, fig, path) -> dict:
    """Draw an exported figure (the object kaleido draws) with plotly.js at its export size, in a
    file ``path`` of its own (plotly's bundled plotly.js written in: no network), and measure it."""
    page.set_viewport_size({"width": fig.layout.width, "height": fig.layout.height})
    path.write_text(pio.to_html(fig, include_plotlyjs=True, full_html=True, config={"staticPlot": True},
                                post_script="document.body.dataset.drawn = '1';",
                                default_width=f"{fig.layout.width}px",
                                default_height=f"{fig.layout.height}px"), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn]", timeout=30_000)  # plotly's own "drawn", then settled
    return _measure(page, seconds=30)


def test_exported_charts_and_maps_have_no_overlapping_or_cut_text(browser, tmp_path, geo_cfg):
    """The figures as exported (the same objects kaleido draws), drawn by plotly.js in Chromium at
    their export size: Kab. Bogor's 40 kecamatan, Jawa Barat's 27 kabupaten/kota, all of Indonesia."""
    need_chromium()
    page = browser.new_page()
    failures = []
    try:
        for label, fig in _exported_figures():
            got = draw_exported(page, fig, tmp_path / f"{label}.html")
            assert got["plots"] == 1 and got["texts"], label
            if got["problems"]:
                failures.append((label, got["problems"][:6]))
            if got["smallest"] < 18 - 0.5:  # issue 24 §4: every text on a slide is 18 px or more
                failures.append((label, f"text of {got['smallest']} px"))
            if label.startswith("peta-"):  # issue 24 §2: the colour key lies over no unit
                over = page.evaluate(LEGEND_OVER_UNITS)
                if over:
                    failures.append((label, over))
    finally:
        page.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)


# The Peta page's Leaflet map: names written on it (visible ones), the legend, and the frame.
MAP_CHECK = """
() => {
  const frame = document.querySelector('#map').getBoundingClientRect();
  const legend = document.querySelector('.peta-legend').getBoundingClientRect();
  const names = Array.from(document.querySelectorAll('.peta-name'))
    .filter(e => getComputedStyle(e.parentElement).visibility === 'visible')
    .map(e => { const r = e.getBoundingClientRect(); return {s: e.textContent, r}; });
  const problems = [];
  // the key lies under the map, never over a unit
  if (legend.top < frame.bottom - 1) problems.push('the legend overlaps the map');
  const boxes = names;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].r;
    if (a.left < frame.left - 1 || a.right > frame.right + 1 || a.top < frame.top - 1 || a.bottom > frame.bottom + 1)
      problems.push(`leaves the map: "${boxes[i].s}"`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j].r;
      const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ix > 1 && iy > 1) problems.push(`overlap: "${boxes[i].s}" / "${boxes[j].s}"`);
    }
  }
  return {names: names.length, legend_bottom: legend.bottom, problems,
          texts: names.map(n => n.s), frame: {w: frame.width, h: frame.height}};
}
"""


@pytest.mark.parametrize("width,height", SIZES)
def test_peta_map_legend_and_panel_in_the_first_screen_and_names_apart(browser, server, width, height):
    """Issue 13 §2 at both sizes, with no scrolling: the map with its whole legend, the detail
    panel's heading beside it, and the names written on the map apart from each other and the legend."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for path, heading in (("/peta?election=pilkada-2024&region=32.01&as_of=2024-11-27", "Kabupaten Bogor"),
                              ("/peta?election=pilkada-2024&as_of=2024-11-27", "Indonesia")):
            page.goto(server + path)
            page.locator(".st-key-unit_panel h4").get_by_text(heading).wait_for(timeout=90_000)
            frame = map_frame(page, ".peta-name")
            page.wait_for_timeout(1500)  # the frame fits its height to the window, then places the names
            got = frame.evaluate(MAP_CHECK)
            iframe = page.locator("iframe[title*='peta_map']").bounding_box()
            assert got["names"] >= (3 if heading == "Indonesia" else 5) and not got["problems"], (path, width, got)
            assert iframe["y"] + got["legend_bottom"] <= height and iframe["y"] + iframe["height"] <= height, \
                (path, width, iframe, got["legend_bottom"])
            panel = page.locator(".st-key-unit_panel h4").bounding_box()
            assert panel["x"] + panel["width"] <= width and panel["y"] + panel["height"] <= height, (path, panel)
            if heading == "Indonesia":  # at the national zoom the provinces are named, not kabupaten
                assert "Jawa Barat" in got["texts"] and not any(n.startswith("Kab.") for n in got["texts"]), got
    finally:
        page.close()


@pytest.mark.parametrize("width,height", SIZES)
def test_jawa_timur_fills_the_map_frame_and_the_tooltip_stays_inside(browser, jatim_server, width, height):
    """Issue 24 §3: Jawa Timur opens on where its kabupaten/kota are (its far islands of Bawean,
    Masalembu and Kangean do not shrink it into a corner): its units span most of the frame's width
    or height. A tooltip near either edge stays inside the frame."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(jatim_server + "/peta?election=pilkada-2024&region=35&as_of=2024-11-27")
        page.locator(".st-key-unit_panel h4").get_by_text("Jawa Timur").wait_for(timeout=90_000)
        frame = map_frame(page, ".peta-name")
        page.wait_for_timeout(1500)
        spread = frame.evaluate("""() => {
          const f = document.querySelector('#map').getBoundingClientRect();
          const rs = Array.from(document.querySelectorAll('path.leaflet-interactive'))
            .filter(p => ['35.23', '35.26', '35.01', '35.10'].includes(p.getAttribute('data-code')))
            .map(p => p.getBoundingClientRect());
          const w = Math.max(...rs.map(r => r.right)) - Math.min(...rs.map(r => r.left));
          const h = Math.max(...rs.map(r => r.bottom)) - Math.min(...rs.map(r => r.top));
          return {n: rs.length, w: w / f.width, h: h / f.height};
        }""")
        assert spread["n"] == 4 and max(spread["w"], spread["h"]) >= 0.7, spread
        box = page.locator("iframe[title*='peta_map']").bounding_box()
        for code in ("35.01", "35.17", "35.10"):  # units at the left edge, in the middle, at the right edge
            frame.locator(f"path[data-code='{code}']").first.hover(force=True)
            page.wait_for_timeout(400)
            tip = frame.locator(".peta-tip").first
            tip.wait_for(timeout=10_000)
            r = tip.bounding_box()
            assert r["x"] >= box["x"] - 1 and r["x"] + r["width"] <= box["x"] + box["width"] + 1, (code, r, box)
    finally:
        page.close()
