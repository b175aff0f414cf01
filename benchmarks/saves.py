"""A season's saves at full size, served (issue 39 §2): memory that stays, a save shown everywhere.

At ``--reports`` synthetic reports (default 150,000 over every kecamatan of Indonesia and three
elections, as ``benchmarks/scale.py`` writes them into a SQLite store):

1. one full load in this process (the tables a server that ran before has saved);
2. ``serve.py`` started on that store, all provinces drawn; headless Chromium draws the first
   national map; the server's resident memory (``VmRSS``) is read;
3. one viewer (``benchmarks/sessions.py``, Streamlit's own protocol) stays on the national Peta;
   this process saves ``--saves`` reports one after another through the store (the path the form
   and the import take), each a new ceremony; after each the viewer reruns every 0.1 s until its
   ceremony count shows it: *saved → shown* is the time from the save committed to that count, and
   the server's RSS is read after each, and once more 2 s after the last (as the first map's is
   read 2 s after it: the figure the targets compare);
4. a fresh process after those saves (a CLI command, a restart): the seconds to have the newest
   records (``python -m dashboard coverage --election pilkada-2024 --region 32.01`` timed whole, and
   the load alone).

The machine's load average is written beside the figures (the targets are for a quiet machine).
Writes benchmarks/results-saves.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.saves [--reports 150000] [--saves 50]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .app import log
from .scale import build, work_folder
from .served import COUNT, count as _count, first_map as _first_map, start as _server
from .sessions import Viewer
from .writes import rss_mib

ROOT = Path(__file__).resolve().parent.parent
# the RSS targets compare readings taken 2 s after the first map and 2 s after the last save (settled)
TARGETS = {"rss_after_saves_vs_first_map_max": 1.10, "server_rss_mib_max": 600, "saved_to_shown_s_max": 1.0,
           "fresh_process_load_after_saves_s_max": 1.0}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def saves(base: str, pid: int, db, gaz, n: int) -> list[dict]:
    """``n`` saves, each a new ceremony, with saved → shown and the server's RSS after each."""
    from dashboard.forms import formdata
    from dashboard.store import editing
    from dashboard.store.editing import User

    async def run() -> list[dict]:
        v = Viewer(base, "peta", "election=pilkada-2024")
        await v.open()
        if v.page_run != "peta":
            raise RuntimeError(f"the viewer ran {v.page_run!r}, not the national Peta")
        before = _count(v.texts)
        if before is None:
            raise RuntimeError(f"no {COUNT!r} count on the national Peta ({v.page_run!r}): {v.texts[:40]}")
        out = []
        day = dt.date(2024, 9, 1) - dt.timedelta(days=1)
        for i in range(n):
            day += dt.timedelta(days=1)
            while db.touching(set(), {("32.01.24", day.isoformat())}):  # a synthetic ceremony that day
                day += dt.timedelta(days=1)
            report = formdata.to_report({"region": "32.01.24", "date": day, "elections": ["pilkada-2024"],
                                         "kinds": ["apel"], "sources": [{"outlet": "Warta Uji", "title": "Apel"}]})
            editing.create(db, gaz, {**report, "id": f"ciawi-saves-{day.isoformat()}"}, User("bench"))
            saved = time.perf_counter()
            while True:
                await v._run()
                if _count(v.texts) == before + 1:
                    break
                if time.perf_counter() - saved > 60:
                    raise RuntimeError(f"save {i + 1}: the count never went from {before} to {before + 1}")
                await asyncio.sleep(0.1)
            shown = round(time.perf_counter() - saved, 2)
            before += 1
            out.append({"save": i + 1, "saved_to_shown_s": shown, "server_rss_mib": round(rss_mib(pid)),
                        "load": load()})
            log(f"save {i + 1}: {out[-1]}")
        await v.close()
        return out

    return asyncio.run(run())


def fresh_process(data: Path) -> dict:
    """A new process after the saves: the CLI's coverage of one kabupaten, timed whole, and the load alone."""
    env = dict(os.environ)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dashboard", "coverage", "--election", "pilkada-2024",
                    "--region", "32.01"], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    whole = round(time.perf_counter() - t0, 2)
    code = ("import time,sys; from dashboard import context; g=context.gazetteer(); t=time.perf_counter(); "
            "context.records(g, sys.argv[1]); print(round(time.perf_counter()-t, 2))")
    out = subprocess.run([sys.executable, "-c", code, str(data)], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return {"cli_coverage_whole_s": whole, "load_records_s": float(out.stdout.strip().splitlines()[-1]),
            "load": load()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=150_000)
    parser.add_argument("--saves", type=int, default=50)
    args = parser.parse_args()
    from dashboard import context

    work, data = work_folder("peta-saves-")
    result: dict = {"reports": args.reports, "machine": f"{os.cpu_count()} cores",
                    "date": dt.date.today().isoformat(), "targets": TARGETS}
    try:
        gaz = context.gazetteer()
        db = context.store(data)
        context.seed(db, gaz, data)
        build(db, gaz, args.reports)
        context.refresh(None, gaz, data, db)  # the tables a server that ran before has saved
        proc, base = _server(dict(os.environ))
        try:
            _first_map(base)
            time.sleep(2)
            result["server_rss_after_first_map_mib"] = round(rss_mib(proc.pid))
            result["load_at_first_map"] = load()
            log(f"first map: {result['server_rss_after_first_map_mib']} MiB")
            runs = saves(base, proc.pid, db, gaz, args.saves)
            # read as the first map's was: 2 s after the last thing happened (the server lets the
            # tables before the last save go, and hands their memory back, a second after it)
            time.sleep(2)
            result["server_rss_after_saves_settled_mib"] = round(rss_mib(proc.pid))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        shown = [r["saved_to_shown_s"] for r in runs]
        result["saves"] = runs
        result["summary"] = {
            "server_rss_after_last_save_mib": runs[-1]["server_rss_mib"],
            "server_rss_max_mib": max(r["server_rss_mib"] for r in runs),
            "rss_after_saves_vs_first_map": round(result["server_rss_after_saves_settled_mib"]
                                                  / result["server_rss_after_first_map_mib"], 3),
            "saved_to_shown_s_median": statistics.median(shown),
            "saved_to_shown_s_p95": sorted(shown)[max(0, round(0.95 * len(shown)) - 1)],
            "saved_to_shown_s_max": max(shown),
        }
        result["fresh_process_after_saves"] = fresh_process(data)
        log(json.dumps(result["summary"]) + " " + json.dumps(result["fresh_process_after_saves"]))
    finally:
        db.engine.dispose()
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "benchmarks" / "results-saves.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
