"""End to end: a real server, Debian's Chromium, the network blocked except for
the app itself; every page, with screenshots under test-output/ (issue 4 §6)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUT = ROOT / "test-output" / "e2e"
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (bash scripts/install.sh --test installs it)")
        pytest.skip("chromium not installed: bash scripts/install.sh --test")


def wait_healthy(url: str, tries: int = 120, pause: float = 0.5) -> bool:
    """Whether ``url`` answers Streamlit's health check within ``tries`` attempts."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return True
        except OSError:
            time.sleep(pause)
    return False


@contextlib.contextmanager
def running_app(env: dict, log: Path | None = None):
    """The app served as the README runs it (``streamlit run serve.py``) on a free loopback port
    with ``env``; yields its URL, stops it after. The server's console goes to ``log``."""
    port = _free_port()
    OUT.mkdir(parents=True, exist_ok=True)
    log = log or OUT / f"server-{port}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_healthy(url):
        proc.kill()
        pytest.fail("server did not start: " + log.read_text(errors="replace")[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(geo_cfg):
    need_chromium()
    with running_app(dict(os.environ)) as url:
        yield url


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    blocked: list[str] = []

    def only_local(route):  # the network is blocked: only the app's own origin answers
        if route.request.url.startswith(server):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    ctx.route("**/*", only_local)
    pg = ctx.new_page()
    pg.blocked = blocked
    yield pg
    ctx.close()


def _open(page, server, path: str, text: str):
    page.goto(server + path)
    page.get_by_text(text, exact=False).first.wait_for(timeout=60_000)
    time.sleep(1.5)  # let charts finish drawing before the screenshot


def map_frame(page, drawn: str = "path.leaflet-interactive", seconds: float = 60):
    """The Peta map's frame once it shows ``drawn`` (None if it never does): the frame is replaced
    when the page is opened again, so it is looked up anew each time."""
    for _ in range(int(seconds * 2)):
        frame = next((f for f in page.frames if "peta_map" in f.url), None)
        try:
            if frame and frame.query_selector(drawn):
                return frame
        except Exception:  # the frame is being replaced
            pass
        page.wait_for_timeout(500)
    return None


def click_unit(page, path) -> None:
    """Click a map unit with the mouse at a point inside its shape (the middle of its box can lie in
    a neighbour, or in a hole such as Kota Bogor in Kab. Bogor)."""
    inside = path.evaluate("""e => {
        const b = e.getBBox(), m = e.getScreenCTM(), r = e.getBoundingClientRect();
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) for (const g of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            const p = new DOMPoint(b.x + b.width * f, b.y + b.height * g);
            if (e.isPointInFill(p)) { const s = p.matrixTransform(m); return [s.x - r.left, s.y - r.top]; }
        }
        return null; }""")
    assert inside, "no point inside the unit"
    box = path.bounding_box()
    page.mouse.move(box["x"] + inside[0], box["y"] + inside[1])
    page.wait_for_timeout(200)
    page.mouse.click(box["x"] + inside[0], box["y"] + inside[1])


def _shot(page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_ringkasan_shows_countdown(page, server):
    _open(page, server, "/ringkasan?election=pilkada-2024&region=32.01&as_of=2024-11-12", "Upacara terbaru")
    page.get_by_text("15 hari menjelang", exact=False).first.wait_for(timeout=60_000)  # a loaded machine draws late
    # the record across elections is drawn last: the page is whole once it is there
    page.get_by_text("Rekam jejak per pemilihan").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    for _ in range(60):  # a rerun may still be replacing elements: read again until it settles
        if "H-15" in body and "2 / 40" in body:
            break
        page.wait_for_timeout(500)
        body = page.inner_text("body")
    assert "H-15" in body and "15 hari menjelang Pilkada Serentak 2024" in body, body
    assert "2 / 40" in body and "Selasa, 12 November 2024" in body
    assert "Page not found" not in body and "does not seem to exist" not in body  # a shared link opens as is
    _shot(page, "ringkasan")
    page.goto(server + "/?election=pilkada-2024&region=32.01&as_of=2024-11-12")  # the bare address too
    page.wait_for_url("**/ringkasan?*", timeout=60_000)
    page.get_by_text("H-15", exact=False).first.wait_for(timeout=60_000)


def test_server_warms_the_opening_view_before_anyone_asks(tmp_path, geo_cfg):
    """``streamlit run serve.py`` loads the records and builds the opening national map at start,
    before any browser connects (the first visitor then finds them ready). That the map frame's
    files are still served after it (a component declared outside a page run answers 404) is
    the Peta test's part: its server starts the same way."""
    need_chromium()
    log = tmp_path / "server.log"
    with running_app(dict(os.environ), log=log):
        for _ in range(240):
            if "siap (" in log.read_text(errors="replace") or "warm-up stopped" in log.read_text(errors="replace"):
                break
            time.sleep(0.5)
        text = log.read_text(errors="replace")
        assert "siap (" in text and "warm-up stopped" not in text and "missing ScriptRunContext" not in text, text
    assert "Traceback" not in log.read_text(errors="replace")


def test_peta_colours_cibinong_covered_offline(page, server):
    _open(page, server, "/peta?election=pilkada-2024&region=32.01&as_of=2024-11-27", "Rincian wilayah")
    frame = map_frame(page)
    assert frame is not None, "the map did not draw"
    paths = frame.query_selector_all("path.leaflet-interactive")
    assert len(paths) == 40
    fills = [p.get_attribute("fill") for p in paths]
    assert fills.count("#08519c") == 2 and fills.count("#e6e6e6") == 38
    legend = frame.inner_text(".peta-legend")
    assert "Ikrar sendiri" in legend and "Belum ada upacara" in legend
    # names are written on the map without hovering: the largest first, none over another or the legend
    boxes = {}
    for _ in range(20):
        boxes = {e.inner_text(): e.bounding_box() for e in frame.query_selector_all(".peta-name")
                 if e.evaluate("e => getComputedStyle(e.parentElement).visibility") == "visible"}
        if boxes:
            break
        time.sleep(0.5)
    assert len(boxes) >= 10 and "Cibinong" in boxes, sorted(boxes)
    legend_box = frame.query_selector(".peta-legend").bounding_box()
    shown = list(boxes.values()) + [legend_box]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert not (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                        and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]), (a, b)
    # hover Cibinong: the tooltip names it with its code and ceremony
    covered = [p for p in paths if p.get_attribute("fill") == "#08519c"]
    texts = []
    for p in covered:
        p.hover(force=True)
        time.sleep(0.4)
        texts.append(frame.inner_text(".leaflet-tooltip") if frame.query_selector(".leaflet-tooltip") else "")
    assert any("Cibinong" in t and "32.01.01" in t for t in texts), texts
    assert not [u for u in page.blocked if "leaflet" in u], page.blocked
    # a click shows Cibinong's ceremonies and sources beside the map, and outlines it; the map stays
    click_unit(page, frame.query_selector("path.leaflet-interactive[data-code='32.01.01']"))
    panel = page.locator(".st-key-unit_panel")
    panel.get_by_text("Kec. Cibinong", exact=True).first.wait_for(timeout=60_000)
    text = panel.inner_text().replace("\xa0", " ")  # the panel keeps "90 %" on one line (a no-break space)
    assert "Diadakan oleh wilayah ini" in text and "NewsBogor (NBC)" in text and "90 %" in text, text
    assert frame.query_selector_all("path.leaflet-interactive[stroke='#000000'][stroke-width='5']")
    assert len(frame.query_selector_all("path.leaflet-interactive")) == 40
    _shot(page, "peta")
    # away and back: the new map frame asks for the geometry this session was already sent
    page.get_by_role("link", name="Komitmen").first.click()
    page.get_by_text("Angka kesiapan", exact=False).first.wait_for(timeout=60_000)
    page.get_by_role("link", name="Peta").first.click()
    page.wait_for_timeout(500)
    frame = map_frame(page, seconds=30)
    drawn = len(frame.query_selector_all("path.leaflet-interactive")) if frame else 0
    assert drawn == 40


def test_kesiapan(page, server):
    _open(page, server, "/komitmen?election=pilkada-2024&region=32.01&as_of=2024-11-27", "Angka kesiapan")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    chart = page.locator(".js-plotly-plot").first.inner_text()  # tables draw on a canvas; charts are SVG
    # issue 37: the reported readiness (90 %) has its own table, never a marker on the categories axis
    assert "Kec. Cibinong" in chart and "63,6 %" in chart and "Kesiapan dilaporkan" not in chart
    _shot(page, "kesiapan")


def test_linimasa_shows_lebak(page, server):
    _open(page, server, "/linimasa?election=pemilu-2024&region=36&as_of=2024-02-14", "Upacara tanpa tanggal")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    svg_text = page.inner_text(".js-plotly-plot")
    assert "Kabupaten Lebak" in svg_text and "Pemilu 2024" in svg_text
    _shot(page, "linimasa")


def test_data_page_and_english(page, server):
    _open(page, server, "/data?election=pilkada-2024&lang=en", "Data as CSV")
    body = page.inner_text("body")
    assert "4 ceremonies shown" in body and "Data as CSV" in body and "Data as Excel (XLSX)" in body
    _shot(page, "data")


def _current_view(page) -> str | None:
    el = page.query_selector("[data-view]")
    return el.get_attribute("data-view") if el else None


def test_briefing_screen_rotates_without_sidebar(browser, server):
    """?mode=briefing on a 1920×1080 display: no sidebar, big type, the views turn every few
    seconds (here 5, from the link), pausing holds the view; screenshots of each view."""
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    blocked: list[str] = []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else (blocked.append(r.request.url), r.abort()))
    page = ctx.new_page()
    try:
        _open(page, server, "/?mode=briefing&election=pilkada-2024&region=32.01&as_of=2024-11-12&seconds=5",
              "Angka kunci")
        sidebar = page.query_selector('[data-testid="stSidebar"]')
        assert sidebar is None or not sidebar.is_visible()
        assert page.query_selector('[data-testid="stSidebarNav"]') is None
        count = page.query_selector(".b-count")
        assert count.inner_text() == "H-15"
        assert float(count.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 48
        body = page.inner_text("body")
        assert "Data per Selasa, 12 November 2024" in body and "Sumber: NewsBogor (NBC)" in body
        seen: list[str] = []
        deadline = time.time() + 40
        while time.time() < deadline and len(seen) < 4:
            v = _current_view(page)
            if v and (not seen or seen[-1] != v):
                seen.append(v)
                if v != "ringkasan":  # the chart is drawn (plotly.js loads on first use)
                    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=10_000)
                time.sleep(1)
                _shot(page, f"briefing-{len(seen)}-{v}")
            time.sleep(0.3)
        assert seen[:4] == ["ringkasan", "peta", "komitmen", "linimasa"], seen
        shots = sorted(OUT.glob("briefing-*.png"))
        assert len(shots) >= 4
        # paused: the view stays put past its time
        page.get_by_role("button", name=re.compile("Jeda")).click()
        time.sleep(1.5)
        held = _current_view(page)
        time.sleep(7)
        assert _current_view(page) == held
        assert "dijeda" in page.inner_text("body")
        # Keluar returns to the dashboard in the same tab, on the same view (issue 24 §2)
        page.click('[data-testid="b-exit"]')
        page.wait_for_selector('[data-testid="stSidebar"]', timeout=60_000)
        assert len(ctx.pages) == 1 and "mode=briefing" not in page.url and "region=32.01" in page.url
        assert not blocked, blocked
    finally:
        ctx.close()
