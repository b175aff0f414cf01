"""Server memory over many writes (a script, not a test), issue 26 §1.

Starts the app (``serve.py``) on a copy of the test records with its own SQLite store, opens the
Kab. Bogor Ringkasan in headless Chromium, then saves one report at a time through the store
(the path the form and the import take) and, after each, reloads the page until it shows the new
ceremony count, reading the server's resident memory (``VmRSS``) every time.

Writes benchmarks/results-writes.json. The target: RSS stays within ±10 % of its level after the
first few writes (no growth per write).

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.writes [--writes 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .app import BROWSER_ARGS, _healthy, _port, log

ROOT = Path(__file__).resolve().parent.parent


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=50)
    parser.add_argument("--synthetic", action="store_true",
                        help="start from synthetic records in every kecamatan of Jawa Barat and Banten "
                             "(benchmarks/synthetic.py) instead of the test records")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from dashboard import context
    from dashboard.forms import formdata
    from dashboard.store import editing
    from dashboard.store.editing import User

    work = Path(tempfile.mkdtemp(prefix="peta-writes-"))
    data = work / "data"
    fixtures = ROOT / "tests" / "fixtures" / "data"
    n_reports = None
    if args.synthetic:
        from .synthetic import write_synthetic

        n_reports = write_synthetic(data, context.gazetteer(), calendar=fixtures / "elections.yaml")
    else:
        shutil.copytree(fixtures, data)
    # the boundary cache is the caller's (PETA_CACHE_DIR); the store is this run's own (in data/)
    env = {**os.environ, "PETA_DATA_DIR": str(data)}
    env.pop("PETA_DB_URL", None)
    os.environ.pop("PETA_DB_URL", None)
    os.environ["PETA_DATA_DIR"] = str(data)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = []
    try:
        deadline = time.time() + 300
        while not _healthy(base) and time.time() < deadline:
            time.sleep(1)
        gaz = context.gazetteer()
        store = context.store(data)
        url = base + "/?election=pilkada-2024&region=32.01&as_of=2024-11-27"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})

            def count(reload: bool = False) -> int:
                """The page's ceremony count; one session throughout (a viewer at their desk): the
                page is rerun in place (Streamlit's "r"), not opened again as a new session."""
                if reload:
                    page.goto(url)
                else:
                    page.locator("body").press("r")
                page.get_by_text("Upacara komitmen").first.wait_for(timeout=120_000)
                page.wait_for_timeout(800)
                tile = page.locator('[data-testid="stMetric"]', has_text="Upacara komitmen").first
                return int(tile.locator('[data-testid="stMetricValue"]').inner_text().strip())

            def shown(n: int) -> float:
                """Rerun until the page counts ``n`` ceremonies; seconds it took after the save."""
                start = time.time()
                while time.time() - start < 60:
                    if count() == n:
                        return time.time() - start
                    page.wait_for_timeout(700)
                raise RuntimeError(f"the page never showed {n} ceremonies")

            base_n = count(reload=True)
            samples.append({"writes": 0, "rss_mib": round(rss_mib(proc.pid), 1)})
            log(f"start: {samples[-1]['rss_mib']} MiB")
            # days Ciawi has no stored ceremony on (two ids on one place and day are refused)
            taken = {r.date for r in store.rows() if r.region_code == "32.01.24"}
            days = (d for d in (dt.date(2024, 1, 1) + dt.timedelta(days=k) for k in range(1, 330))
                    if d.isoformat() not in taken)
            for i in range(1, args.writes + 1):
                day = next(days)
                report = formdata.to_report({
                    "region": "32.01.24", "date": day, "elections": ["pilkada-2024"], "kinds": ["apel", "ikrar"],
                    "sources": [{"outlet": "Warta Uji", "title": f"Apel ke-{i}"}]})
                editing.create(store, gaz, {**report, "id": f"ciawi-bench-{day.isoformat()}"}, User("bench"))
                visible = shown(base_n + i)
                samples.append({"writes": i, "rss_mib": round(rss_mib(proc.pid), 1), "visible_s": round(visible, 2)})
                log(f"write {i}: {samples[-1]['rss_mib']} MiB, visible after {visible:.1f} s")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    settled = [s["rss_mib"] for s in samples if s["writes"] >= min(5, args.writes)]
    level = settled[0] if settled else float("nan")
    half = samples[len(samples) // 2:]
    slope = ((half[-1]["rss_mib"] - half[0]["rss_mib"]) / max(1, half[-1]["writes"] - half[0]["writes"])
             if len(half) > 1 else 0.0)
    visible = [s["visible_s"] for s in samples if "visible_s" in s]
    result = {"writes": args.writes, "reports_at_start": n_reports or "test records (5 ceremonies)",
              "samples": samples, "rss_after_5_writes_mib": level,
              "rss_last_mib": samples[-1]["rss_mib"], "rss_max_mib": max(s["rss_mib"] for s in samples),
              "growth_mib_per_write_second_half": round(slope, 2),
              "visible_after_save_s_median": sorted(visible)[len(visible) // 2] if visible else None,
              # no growth: nothing after the fifth write above its level by more than 10 %
              "flat_within_10_percent": all(v <= 1.1 * level for v in settled),
              "machine": f"{os.cpu_count()} cores", "date": dt.date.today().isoformat()}
    (ROOT / "benchmarks" / "results-writes.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    log(json.dumps({k: v for k, v in result.items() if k != "samples"}))
    return 0 if result["flat_within_10_percent"] else 1


if __name__ == "__main__":
    sys.exit(main())
