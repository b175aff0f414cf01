"""Two app servers on one PostgreSQL behind the shipped nginx configuration (issue 39 §2).

1. a throwaway PostgreSQL server (``tests/pg.py``) holding ``--reports`` synthetic reports (default
   20,000, as ``benchmarks/scale.py`` writes them) and one full load (the tables a server that ran
   before has saved, in the shared cache folder);
2. two ``serve.py`` servers on that store, and Debian's nginx with ``deploy/nginx/peta.conf``
   (rendered for loopback with a self-signed pair and both servers as upstreams, as
   ``tests/test_deploy.py`` does); two route cookies found that reach one server each;
3. ``--viewers`` websocket viewers (default 50) through nginx (``wss://``), half on each server by
   their route cookie, each from its own loopback address (nginx limits connections per address),
   on the national Peta, each changing the election about every second: p50/p95 of the reruns;
4. saved → shown across servers: one viewer on each server; a report saved through the store (the
   path a form on either server takes; the other servers learn it from the store's version); the
   seconds until each viewer's panel counts it. Five saves.

Writes benchmarks/results-two-servers.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.two_servers [--reports 20000] [--viewers 50]
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
from .served import count as _count, start as _server
from .sessions import Viewer, concurrent

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"viewers_p95_s_max": 1.0, "saved_to_shown_other_server_s_max": 2.0}


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _routes(base: str, upstreams: list[str]) -> dict[str, str]:
    """A route cookie for each upstream (nginx hashes the cookie to a server)."""
    from tests.test_deploy import _upstream

    found: dict[str, str] = {}
    for i in range(200):
        found.setdefault(_upstream(base, f"r{i}"), f"r{i}")
        if len(found) == len(upstreams):
            return found
    raise RuntimeError(f"no route reaches every server: {found}")


def across(base: str, routes: dict[str, str], db, gaz, saves: int = 5) -> list[dict]:
    """Per save: seconds until a viewer on each server shows it."""
    from dashboard.forms import formdata
    from dashboard.store import editing
    from dashboard.store.editing import User

    async def run() -> list[dict]:
        viewers = {addr: Viewer(base, "peta", "election=pilkada-2024", route, f"127.0.0.{200 + i}")
                   for i, (addr, route) in enumerate(routes.items())}
        for v in viewers.values():
            await v.open()
        out = []
        day = dt.date(2024, 9, 1)
        for k in range(saves):
            while db.touching(set(), {("32.01.24", day.isoformat())}):
                day += dt.timedelta(days=1)
            counts = {}
            for addr, v in viewers.items():
                await v._run()
                counts[addr] = _count(v.texts)
            report = formdata.to_report({"region": "32.01.24", "date": day, "elections": ["pilkada-2024"],
                                         "kinds": ["apel"], "sources": [{"outlet": "Warta Uji", "title": "Apel"}]})
            editing.create(db, gaz, {**report, "id": f"ciawi-dua-{day.isoformat()}"}, User("bench"))
            saved = time.perf_counter()
            shown: dict[str, float] = {}
            while len(shown) < len(viewers):
                if time.perf_counter() - saved > 60:
                    raise RuntimeError(f"save {k + 1} never shown on {set(viewers) - set(shown)}")
                for addr, v in viewers.items():
                    if addr in shown:
                        continue
                    await v._run()
                    if _count(v.texts) == counts[addr] + 1:
                        shown[addr] = round(time.perf_counter() - saved, 2)
                await asyncio.sleep(0.1)
            out.append({"save": k + 1, "shown_s": shown, "load": _load()})
            log(f"save {k + 1}: {out[-1]}")
            day += dt.timedelta(days=1)
        for v in viewers.values():
            await v.close()
        return out

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--viewers", type=int, default=50)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.pg import throwaway_postgres
    from tests.test_deploy import NGINX, _conf, _nginx_up, _port

    from dashboard import context

    result: dict = {"reports": args.reports, "viewers": args.viewers, "machine": f"{os.cpu_count()} cores",
                    "date": dt.date.today().isoformat(), "targets": TARGETS}
    with throwaway_postgres() as url:
        work, data = work_folder("peta-two-", url)
        procs = []
        try:
            gaz = context.gazetteer()
            db = context.store(data)
            context.seed(db, gaz, data)
            t0 = time.perf_counter()
            build(db, gaz, args.reports)
            result["build_s"] = round(time.perf_counter() - t0, 1)
            context.refresh(None, gaz, data, db)  # the tables a server that ran before has saved
            env = dict(os.environ)
            (a, base_a), (b, base_b) = _server(env), _server(env)
            procs = [a, b]
            upstreams = [base_a.removeprefix("http://"), base_b.removeprefix("http://")]
            listen = _port()
            conf = _conf(work, listen, upstreams)
            proxy = subprocess.Popen([NGINX, "-p", str(work), "-c", str(conf), "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            procs.append(proxy)
            base = f"https://127.0.0.1:{listen}"
            if not _nginx_up(base):
                raise RuntimeError("nginx did not answer: " + (work / "logs" / "error.log").read_text()[-2000:])
            routes = _routes(base, upstreams)
            log(f"routes {routes}")
            warm = concurrent(base, 2, changes=2, routes=tuple(routes.values()))  # each server's first views
            log(f"warm {warm}")
            run = concurrent(base, args.viewers, routes=tuple(routes.values()))
            run["load"] = _load()
            result["viewers_run"] = run
            log(f"{args.viewers} viewers: {run}")
            saves = across(base, routes, db, gaz)
            result["saves"] = saves
            other = [s for r in saves for s in r["shown_s"].values()]
            result["saved_to_shown_s"] = {"median": statistics.median(other), "max": max(other)}
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(timeout=30)
            db.engine.dispose()
            shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "benchmarks" / "results-two-servers.json"
    runs = json.loads(out.read_text())["runs"] if out.is_file() else []  # one run per size, the newest kept
    runs = sorted([r for r in runs if r["reports"] != args.reports] + [result], key=lambda r: r["reports"])
    out.write_text(json.dumps({"note": "two serve.py servers and nginx on one machine, one PostgreSQL; see "
                                       "docs/developer-guide.md", "runs": runs}, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "saves"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
