"""App benchmark (a script, not a test), issue 4 §7.

Synthetic records cover every kecamatan of Jawa Barat + Banten (benchmarks/synthetic.py).
For this app and for the naive version (benchmarks/naive_app.py), in one run:

* server-side rerun time after changing the election (AppTest; cold = first time that view
  is asked for, warm = asked for before), on the Kab. Bogor kecamatan view;
* in headless Chromium: server start to first map drawn; click on the election picker to
  map redrawn; bytes received over the websocket for that change.

Writes benchmarks/results-app.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.app
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGION = "32.01"
TARGETS = {"rerun_speedup_min": 3.0, "rerun_s_max": 0.2, "redraw_after_click_s_max": 1.0}
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def rerun_times(script: str, page: str | None, repeats: int = 3, region: str | None = REGION) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / script), default_timeout=300)
    if region:
        at.query_params["region"] = region
    at.query_params["election"] = "pilkada-2024"
    at.run()
    if page:
        at.switch_page(page).run()
    cold, warm = [], []
    for i in range(repeats):
        for election in ("pemilu-2024", "pilkada-2024"):
            t0 = time.perf_counter()
            at.selectbox(key="election").set_value(election).run()
            (cold if i == 0 and election == "pemilu-2024" else warm).append(time.perf_counter() - t0)
            assert not at.exception, at.exception
    return {"cold_s": round(cold[0], 3), "warm_median_s": round(statistics.median(warm), 3)}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fills(page) -> list[str] | None:
    """Sorted fill colours of the drawn map, read in one call; None while no map is drawn."""
    for frame in page.frames:
        try:
            fills = frame.evaluate("Array.from(document.querySelectorAll('path.leaflet-interactive'))"
                                   ".map(p => p.getAttribute('fill') || '').sort()")
        except Exception:  # the map's frame is being replaced
            continue
        if fills:
            return fills
    return None


def _wait(what: str, check, seconds: float = 120):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        value = check()
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(f"{what} did not happen within {seconds} s")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def browser_times(script: str, url_path: str, region: str | None = REGION) -> dict:
    from playwright.sync_api import sync_playwright

    port = _port()
    t_start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        def healthy():
            try:
                return urllib.request.urlopen(base + "/_stcore/health", timeout=1).status == 200
            except OSError:
                return False
        _wait("server start", healthy)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            received: list[tuple[int, bool]] = []  # (bytes, frame carries the map's data)

            def on_frame(payload):
                raw = payload if isinstance(payload, bytes) else payload.encode()
                # ours: the map component's arguments (units' colours, geometry when sent);
                # the naive app: folium's script with its GeoJSON
                received.append((len(raw), b"geo_json_" in raw or b'"units"' in raw))
            page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
            query = f"region={region}&election=pilkada-2024" if region else "election=pilkada-2024"
            page.goto(f"{base}{url_path}?{query}")
            before = _wait("first map", lambda: _fills(page))
            first_map_s = time.perf_counter() - t_start
            time.sleep(2)  # settle
            received.clear()
            picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Pemilihan").first
            picker.click()
            option = page.get_by_role("option", name="Pemilu 2024")
            t_click = time.perf_counter()
            option.click()
            _wait("redraw", lambda: (now := _fills(page)) is not None and now != before, 60)
            redraw_s = time.perf_counter() - t_click
            time.sleep(1)
            browser.close()
        return {"start_to_first_map_s": round(first_map_s, 2), "redraw_after_click_s": round(redraw_s, 3),
                "websocket_bytes_for_change": sum(n for n, _ in received),
                "map_bytes_for_change": sum(n for n, is_map in received if is_map)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def national() -> int:
    """``--national``: ~20,000 synthetic ceremonies in every kecamatan of Indonesia, all provinces
    drawn. The store is seeded before the server starts (a one-time step, timed apart), then:
    server-side reruns after changing the election for the national view, Jawa Timur and one
    kabupaten; in Chromium, server start to first national map, and click to map redrawn for the
    national and the Jawa Timur view, with the bytes each change sent. Writes results-national-app.json."""
    from dashboard import context
    from benchmarks.synthetic import write_synthetic

    with tempfile.TemporaryDirectory() as tmp:
        gaz = context.gazetteer()
        provinces = tuple(gaz.table.loc[gaz.table["level"] == "provinsi", "code"])
        n = write_synthetic(Path(tmp), gaz, provinces=provinces)
        os.environ["PETA_DATA_DIR"] = tmp
        os.environ["PETA_PROVINCES"] = "all"
        t0 = time.perf_counter()
        context.records(gaz, tmp)
        seed_s = round(time.perf_counter() - t0, 1)
        result = {"records": n, "first_seed_and_load_s": seed_s, "targets": {
            "rerun_national_s_max": 0.5, "rerun_province_s_max": 0.5, "rerun_kabupaten_s_max": 0.2,
            "start_to_first_national_map_s_max": 10, "redraw_after_click_s_max": 1.5}}
        for name, region in (("national", None), ("jawa_timur", "35"), ("kab_bogor", "32.01")):
            log(f"rerun {name} …")
            result[f"rerun_{name}"] = rerun_times("app.py", "app_pages/peta.py", region=region)
        for name, region in (("national", None), ("jawa_timur", "35")):
            log(f"browser {name} …")
            result[f"browser_{name}"] = browser_times("serve.py", "/peta", region=region)
        result["server_rss_mib"] = _rss_after_start(tmp)
    out = Path(__file__).with_name("results-national-app.json")
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


def _rss_after_start(data_dir: str) -> int:
    """Resident memory (MiB) of a server that has drawn the national map once."""
    from playwright.sync_api import sync_playwright

    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait("server start", lambda: _healthy(base))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{base}/peta?election=pilkada-2024")
            _wait("first map", lambda: _fills(page))
            browser.close()
        rss_kib = int(next(line.split()[1] for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                           if line.startswith("VmRSS")))
        return round(rss_kib / 1024)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _healthy(base: str) -> bool:
    try:
        return urllib.request.urlopen(base + "/_stcore/health", timeout=1).status == 200
    except OSError:
        return False


def main() -> int:
    from dashboard import context
    from benchmarks.synthetic import write_synthetic

    if "--national" in sys.argv:
        return national()

    with tempfile.TemporaryDirectory() as tmp:
        gaz = context.gazetteer()
        n = write_synthetic(Path(tmp), gaz)
        os.environ["PETA_DATA_DIR"] = tmp
        # the naive script lives in benchmarks/, so Streamlit serves benchmarks/static
        link = ROOT / "benchmarks" / "static"
        if not link.exists():
            link.symlink_to(ROOT / "static", target_is_directory=True)
        result = {"records": n, "region": REGION, "targets": TARGETS, "ours": {}, "naive": {}}
        # ours is served as the README runs it (serve.py, which warms the server at start);
        # AppTest runs the router (app.py) itself
        for name, script, server, page, path in (("ours", "app.py", "serve.py", "app_pages/peta.py", "/peta"),
                                                 ("naive", "benchmarks/naive_app.py", "benchmarks/naive_app.py",
                                                  None, "/")):
            log(f"{name}: reruns …")
            result[name]["rerun"] = rerun_times(script, page)
            log(f"{name}: browser …")
            result[name]["browser"] = browser_times(server, path)
            log(f"{name}: {result[name]}")
    o, nv = result["ours"], result["naive"]
    result["rerun_speedup_warm"] = round(nv["rerun"]["warm_median_s"] / o["rerun"]["warm_median_s"], 1)
    result["rerun_speedup_cold"] = round(nv["rerun"]["cold_s"] / o["rerun"]["cold_s"], 1)
    out = Path(__file__).with_name("results-app.json")
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
