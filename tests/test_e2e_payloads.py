"""Issue 11 §1 in a real browser: records whose every text field carries a payload (HTML with
event handlers, a script tag, an SVG onload, markdown links and images, a javascript: link, an
outside image, an iframe) are shown on every page, on every view of the briefing screen, in the
map's tooltips and legend, and in the exported offline HTML map. In Chromium, with every request
outside the app blocked and recorded: no payload runs (each would set ``window.__xss``), no
dialog opens, and no request leaves for the payloads' hosts."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
import yaml

from .conftest import DATA
from .test_e2e import click_unit, map_frame, need_chromium, running_app

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RUN = "window.__xss="
PAYLOADS = {
    "leader": f'<img src=x onerror="{RUN}1">',
    "role": f"<script>{RUN}2</script>",
    "venue": f"[klik](javascript:{RUN}3)",
    "notes": "![jejak](https://tracker.test/p.png) <iframe src=\"https://tracker.test/f\"></iframe>",
    "outlet": f'<svg onload="{RUN}4">',
    "title": "**tebal** <b>x</b> ![gambar](https://tracker.test/q.png)",
    "url": f'https://x.test/"><img/src=x/onerror={RUN}5>',
    "measure": f'<img src=x onerror="{RUN}6">',
    "reason": f"[alasan](https://tracker.test/r) <img src=x onerror=\"{RUN}7\"> tanya humas@pemkab.test",
    "venue2": f'<img src=x onerror="{RUN}8">',
}
HOSTS = ("tracker.test", "x.test")


def _records(data) -> None:
    day = "2024-11-20"
    base = {
        "id": "ciawi-2024-11-20", "region": "32.01.24", "level": "kecamatan", "date": dt.date(2024, 11, 20),
        "elections": ["pilkada-2024"], "kinds": ["apel", "pakta_integritas"],
        "venue": PAYLOADS["venue"], "notes": PAYLOADS["notes"],
        "leader": {"name": PAYLOADS["leader"], "role": PAYLOADS["role"]},
        "signatories": [{"group": "camat", "count": 1}],
        "readiness": [{"measure": PAYLOADS["measure"], "percent": 80, "as_of": dt.date(2024, 11, 20)}],
        "sources": [{"outlet": PAYLOADS["outlet"], "title": PAYLOADS["title"], "url": PAYLOADS["url"]}],
    }
    # a second report of the same ceremony that disagrees on the venue: the conflicts banner shows both
    second = {**base, "venue": PAYLOADS["venue2"], "sources": [{"outlet": "Radar Uji", "title": PAYLOADS["title"]}]}
    undated = {"id": "ciawi-tanpa-tanggal", "region": "32.01.24", "level": "kecamatan", "date": None,
               "date_unknown_reason": PAYLOADS["reason"], "elections": ["pilkada-2024"], "kinds": ["ikrar"],
               "leader": {"name": PAYLOADS["leader"]}, "sources": [{"outlet": PAYLOADS["outlet"]}]}
    for name, rec in ((f"ciawi-{day}.a.yaml", base), (f"ciawi-{day}.b.yaml", second), ("ciawi-x.yaml", undated)):
        (data / "ceremonies" / name).write_text(yaml.safe_dump(rec, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, geo_cfg):
    need_chromium()
    data = tmp_path_factory.mktemp("hostile")
    shutil.copytree(DATA, data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("peta.db*"))
    _records(data)
    env = {**os.environ, "PETA_DATA_DIR": str(data)}
    env.pop("PETA_DB_URL", None)
    with running_app(env) as url:
        yield url, data


def _ran(page) -> list:
    out = []
    for f in page.frames:
        try:
            v = f.evaluate("() => window.__xss")
        except Exception:  # a frame being replaced
            continue
        if v is not None:
            out.append((f.url, v))
    return out


def _wait_text(page, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)


def test_payloads_stay_text_on_every_page_the_map_and_the_exported_html(browser, hostile, tmp_path):
    url, data = hostile
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    outside: list[str] = []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith((url, "file:"))
              else (outside.append(r.request.url), r.abort()))
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    view = "election=pilkada-2024&region=32.01&as_of=2024-11-27"
    try:
        for path, region, text in (("ringkasan", "32.01", "Upacara terbaru"), ("ringkasan", "32.01.24", "Upacara"),
                                   ("komitmen", "32.01", "Angka kesiapan"), ("linimasa", "32.01", "tanpa tanggal"),
                                   ("data", "32.01", "Data CSV"), ("riwayat", "32.01", "Riwayat")):
            page.goto(f"{url}/{path}?election=pilkada-2024&region={region}&as_of=2024-11-27")
            _wait_text(page, text)
            body = page.inner_text("body")
            assert not _ran(page), (path, _ran(page))
            assert page.locator("a[href^='mailto'], a[href^='xmpp']").count() == 0, path  # e-mail stays text
            if path in ("linimasa", "data"):  # the text reaches the page, as text
                assert "onerror" in body, path
        # the map: the tooltips and the legend are text; a click on Ciawi shows its ceremony, sources
        # and reported readiness in the panel beside the map, as text
        page.goto(f"{url}/peta?{view}")
        _wait_text(page, "Rincian wilayah")
        frame = map_frame(page)
        tips = []
        for p in frame.query_selector_all("path.leaflet-interactive"):
            p.hover(force=True)
            page.wait_for_timeout(60)
            tip = frame.query_selector(".leaflet-tooltip")
            if tip:
                tips.append(tip.inner_text())
        assert any("32.01.24" in t for t in tips), "Ciawi's tooltip names it"
        assert frame.query_selector(".leaflet-tooltip img, .leaflet-tooltip svg, .leaflet-tooltip script") is None
        ciawi = frame.query_selector("path.leaflet-interactive[data-code='32.01.24']")
        click_unit(page, ciawi)
        panel = page.locator(".st-key-unit_panel")
        panel.get_by_text("Kec. Ciawi", exact=True).first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        text = panel.inner_text()
        for key in ("leader", "role", "outlet", "title", "url", "measure", "reason"):
            assert PAYLOADS[key] in text.replace("\u2060", ""), key
        assert panel.locator("img, svg[onload], script, iframe, a[href^='javascript'], a[href*='test'], a[href^='mailto']").count() == 0
        assert not _ran(page)
        # the briefing screen: every view of the rotation
        page.goto(f"{url}/?mode=briefing&{view}&seconds=3")
        _wait_text(page, "Angka kunci")
        page.wait_for_timeout(13_000)
        assert not _ran(page)
        # the exported offline HTML map, opened from a file
        from dashboard import context
        from dashboard.export.files import export
        from dashboard.report import Report

        gaz = context.gazetteer()
        records = context.records(gaz, data)
        html = export(Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27)), "peta", "html").data
        out = tmp_path / "peta.html"
        out.write_bytes(html)
        page.goto(out.as_uri())
        page.wait_for_selector("path.leaflet-interactive", timeout=30_000)
        for p in page.query_selector_all("path.leaflet-interactive"):
            p.hover(force=True)
        page.wait_for_timeout(500)
        assert not _ran(page)
    finally:
        ctx.close()
    assert not dialogs, dialogs
    assert not [u for u in outside if any(h in u for h in HOSTS)], outside
    assert not outside, outside  # nothing at all left the app (or the exported file)
