"""A season in one store, served (issue 26 §3, issue 39): the growth table from one run.

For each size (default 20,000, 60,000, 150,000 and 300,000 synthetic reports over every kecamatan
of Indonesia and three elections, written into a SQLite store as a seed leaves them, see
``benchmarks/scale.py``), with the machine's load average beside the figures:

1. one full load in this process, which saves the store's tables (a server that ran before); with
   those tables, the briefing packs of Jawa Timur and of Indonesia (PDF, export browser started by
   the call);
2. ``serve.py`` started on that store, all provinces drawn; in headless Chromium: server start to
   the first national map, and a click on the election picker to the map redrawn (with the
   websocket bytes of that change); the server's resident memory after the first map;
3. many viewers (``benchmarks/sessions.py``: websocket sessions speaking Streamlit's protocol):
   1, 5, 15 and 25 at once on the national Peta, each changing the election about every second;
   p50/p95 of the reruns and the server's memory after each run;
4. ``--saves`` saves (default 50) one at a time through the store (the path of the form and the
   import), one viewer on the national Peta rerunning every 0.1 s until its count has each
   (``benchmarks/saves.py``): saved → shown, and the server's memory after the last;
5. a fresh process after those saves (a CLI command, a restart): the coverage CLI timed whole and
   the records' load alone.

With ``--postgres`` (default on when PostgreSQL is installed), save to shown (three saves) runs
again on a throwaway PostgreSQL server holding the smallest size. The naive app of
``benchmarks/naive_app.py`` reads curated files only, not a store, so it has no part here.

Writes benchmarks/results-season.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.season [--sizes 20000 60000 150000 300000] [--saves 50]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from .app import browser_times, log
from .scale import build, work_folder
from .sessions import Viewer, concurrent
from .served import COUNT, count as _count, first_map as _first_map, start as _server
from .writes import rss_mib

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"start_to_first_national_map_s_max": 10, "server_rss_mib_max": 600,
           "sessions_25_p95_s_max": 2.0, "saved_to_shown_s_max": 2.0, "province_pack_s_max": 15}

def saved_to_shown(base: str, db, gaz, day: dt.date) -> float:
    """Seconds from a report saved through the store to a viewer's national count showing it."""
    from dashboard.forms import formdata
    from dashboard.store import editing
    from dashboard.store.editing import User

    async def run() -> float:
        v = Viewer(base, "peta", "election=pilkada-2024")
        await v.open()
        await v._run()
        before = _count(v.texts)
        if before is None:
            raise RuntimeError(f"no {COUNT!r} count on the national Peta")
        report = formdata.to_report({"region": "32.01.24", "date": day, "elections": ["pilkada-2024"],
                                     "kinds": ["apel"], "sources": [{"outlet": "Warta Uji", "title": "Apel"}]})
        editing.create(db, gaz, {**report, "id": f"ciawi-season-{day.isoformat()}"}, User("bench"))
        saved = time.perf_counter()
        while time.perf_counter() - saved < 60:
            await v._run()
            if _count(v.texts) == before + 1:
                shown = time.perf_counter() - saved
                await v.close()
                return shown
            await asyncio.sleep(0.2)
        raise RuntimeError(f"the count never went from {before} to {before + 1}")

    return round(asyncio.run(run()), 2)


def _load() -> float:
    """The machine's one-minute load average, written beside each figure (2 cores: 2 is busy)."""
    return round(os.getloadavg()[0], 2)


def one_size(n: int, db_url: str | None = None, viewers: tuple[int, ...] = (1, 5, 15, 25), saves: int = 50) -> dict:
    from dashboard import context

    from .saves import fresh_process
    from .saves import saves as run_saves

    work, data = work_folder("peta-season-", db_url)
    result: dict = {"reports": n, "store": "postgresql" if db_url else "sqlite"}
    try:
        gaz = context.gazetteer()
        db = context.store(data)
        context.seed(db, gaz, data)
        t0 = time.perf_counter()
        build(db, gaz, n)
        result["build_s"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        loaded = context.refresh(None, gaz, data, db)  # the tables a server saves on its first start
        result["first_full_load_s"] = round(time.perf_counter() - t0, 1)
        log(f"{n}: built and loaded {result}")
        result["load_at_build"] = _load()
        if db_url is None:
            result["pack_jawa_timur"] = _pack(loaded.records, gaz)
            result["pack_national"] = _pack(loaded.records, gaz, None)
            log(f"{n}: {result['pack_jawa_timur']} {result['pack_national']}")
        del loaded
        if db_url is None:
            result["browser_national"] = browser_times("serve.py", "/peta", region=None)
            log(f"{n}: {result['browser_national']}")
        proc, base = _server(dict(os.environ))
        try:
            if db_url is None:
                _first_map(base)
                time.sleep(2)  # read settled, as benchmarks/saves.py reads both figures
                result["server_rss_after_first_map_mib"] = round(rss_mib(proc.pid))
                result["viewers"] = []
                for k in viewers:
                    run = concurrent(base, k)
                    run["server_rss_mib"] = round(rss_mib(proc.pid))
                    run["load"] = _load()
                    result["viewers"].append(run)
                    log(f"{n}: {run}")
            if saves:  # one viewer on the national Peta, a save at a time (benchmarks/saves.py)
                runs = run_saves(base, proc.pid, db, gaz, saves)
                shown = sorted(r["saved_to_shown_s"] for r in runs)
                time.sleep(2)  # settled: the tables before the last save are let go a second after it
                result["saves"] = {"saves": saves, "server_rss_after_mib": round(rss_mib(proc.pid)),
                                   "server_rss_max_mib": max(r["server_rss_mib"] for r in runs),
                                   "saved_to_shown_median_s": statistics.median(shown),
                                   "saved_to_shown_p95_s": shown[max(0, round(0.95 * len(shown)) - 1)],
                                   "load": _load()}
            else:
                result["saved_to_shown_s"] = [saved_to_shown(base, db, gaz, dt.date(2024, 10, d)) for d in (1, 2, 3)]
            log(f"{n}: saves {result.get('saves') or result.get('saved_to_shown_s')}")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        result["restart_after_saves"] = fresh_process(data)  # a CLI command or a restart: newest tables + the saves
    finally:
        db.engine.dispose()
        shutil.rmtree(work, ignore_errors=True)
    return result


def _pack(records, gaz, region: str | None = "35") -> dict:
    """The briefing pack of ``region``: Jawa Timur (the province with the most kecamatan after
    Jawa Tengah) or Indonesia (None), export browser started by the call (cold)."""
    import io

    from pypdf import PdfReader

    from dashboard.export import render
    from dashboard.export.pack import briefing_pack
    from dashboard.report import Report

    render.stop()
    rep = Report(records, gaz, "pilkada-2024", region, dt.date(2024, 11, 27))
    t0 = time.perf_counter()
    pdf = briefing_pack(rep)
    took = round(time.perf_counter() - t0, 1)
    render.stop()
    return {"ceremonies": len(rep.coverage.ceremony_ids), "pack_cold_s": took,
            "pages": len(PdfReader(io.BytesIO(pdf)).pages)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 60_000, 150_000, 300_000])
    parser.add_argument("--saves", type=int, default=50, help="saves, one at a time, with one viewer (0: three)")
    parser.add_argument("--postgres", action=argparse.BooleanOptionalAction, default=None,
                        help="also time save to shown on PostgreSQL (default: when it is installed)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.pg import pg_bin, throwaway_postgres

    out = ROOT / "benchmarks" / "results-season.json"
    result = {"machine": f"{os.cpu_count()} cores", "date": dt.date.today().isoformat(), "targets": TARGETS,
              "sizes": []}
    if out.is_file():  # a run of some sizes replaces those and keeps the others
        result["sizes"] = [s for s in json.loads(out.read_text())["sizes"] if s["reports"] not in args.sizes]
        result["postgresql"] = json.loads(out.read_text()).get("postgresql")
    for n in args.sizes:
        result["sizes"].append(one_size(n, saves=args.saves))
    result["sizes"].sort(key=lambda s: s["reports"])
    if args.postgres or (args.postgres is None and pg_bin("initdb")):
        with throwaway_postgres() as url:
            result["postgresql"] = one_size(min(args.sizes), db_url=url, saves=0)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
