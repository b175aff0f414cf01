"""Indicators at national scale (issue 27 §2): one indicator with a value for every kecamatan and
every kabupaten/kota of Indonesia, beside a store of synthetic reports (``benchmarks/scale.py``).

Measures, in one process with AppTest on the national Peta (all provinces drawn): the rerun after
switching the map's colours from the commitment state to the indicator beside commitment and back
(first time and seen before), the same after changing the election with the indicator shown, and
the bytes of the map component's arguments per change (the geometry is sent once per view; a change
of colours sends the colours). The import of the 7,817-row sheet is timed too (checked, then written).
A second indicator, published per province only, is drawn on the provinces of the national map:
switching to it sends their drawing once (timed and weighed apart).

Writes benchmarks/results-indicators.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.indicators [--reports 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"rerun_s_max": 0.5, "map_bytes_per_change_max": 500_000}


def sheet_csv(gaz, seed: int = 1) -> bytes:
    """An indicator sheet with one value for every kecamatan and kabupaten/kota (invented values)."""
    rng = random.Random(seed)
    t = gaz.table
    lines = ["kode_wilayah,indikator,nama_indikator,nilai,tanggal,sumber_media"]
    for i, code in enumerate(t.loc[t["level"].isin(["kecamatan", "kabupaten/kota"]), "code"]):
        name = "Skor sintetis" if i == 0 else ""
        lines.append(f"{code},skor-sintetis,{name},{rng.randint(0, 100)},2024-08-01,Sumber sintetis")
    # a figure published per province only: the national map draws the provinces for it
    for code in t.loc[t["level"] == "provinsi", "code"]:
        lines.append(f"{code},skor-provinsi,Skor provinsi sintetis,{rng.randint(0, 100)},2024-08-01,Sumber sintetis")
    return ("\n".join(lines) + "\n").encode()


def _args(at) -> str:
    (el,) = at.get("component_instance")
    return el.proto.json_args


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20_000)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    from dashboard import context, indicators
    from dashboard.ui import cache

    from .scale import build, work_folder

    work, data = work_folder("peta-indicators-")
    result: dict = {"reports": args.reports, "machine": f"{os.cpu_count()} cores",
                    "date": dt.date.today().isoformat(), "targets": TARGETS}
    try:
        gaz = context.gazetteer()
        db = context.store(data)
        context.seed(db, gaz, data)
        build(db, gaz, args.reports)
        context.refresh(None, gaz, data, db)
        content = sheet_csv(gaz)
        t0 = time.perf_counter()
        values, problems = indicators.parse("skor.csv", content, gaz, dt.date.today())
        problems += indicators.clashes(values, indicators.table(db.indicator_rows()))
        t1 = time.perf_counter()
        assert not problems, problems[:3]
        db.add_indicators(values, "bench", "import", lambda rows: None, access=None)
        t2 = time.perf_counter()
        result.update({"sheet_rows": len(values), "import_check_s": round(t1 - t0, 2),
                       "import_write_s": round(t2 - t1, 2)})

        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.query_params["election"] = "pilkada-2024"
        at.run()
        at.switch_page("app_pages/peta.py").run()
        cache.changed()
        at.run()
        sizes, first, again = [], [], []
        for i, mode in enumerate(["both:skor-sintetis", "state", "both:skor-sintetis", "state",
                                  "indicator:skor-sintetis", "both:skor-sintetis"]):
            t0 = time.perf_counter()
            at.selectbox(key="map_mode").set_value(mode).run()
            took = time.perf_counter() - t0
            assert not at.exception, at.exception
            (first if i in (0, 4) else again).append(took)
            sizes.append(len(_args(at)))
        election = []
        for e in ("pemilu-2024", "pilkada-2024", "pemilu-2024"):
            t0 = time.perf_counter()
            at.selectbox(key="election").set_value(e).run()
            election.append(time.perf_counter() - t0)
            sizes.append(len(_args(at)))
        # the province index: other units, so their drawing is sent once, then colours only
        province = []
        for mode in ("both:skor-provinsi", "both:skor-sintetis", "both:skor-provinsi"):
            t0 = time.perf_counter()
            at.selectbox(key="map_mode").set_value(mode).run()
            province.append((round(time.perf_counter() - t0, 3), len(_args(at))))
        result["province_indicator"] = {"switch_s": [p[0] for p in province], "bytes": [p[1] for p in province],
                                        "note": "to the province index, back to the kecamatan one, to the province index again: seconds per rerun and bytes of the map component's arguments (the provinces' drawing included where sent)"}
        result.update({"switch_mode_first_s": round(max(first), 3),
                       "switch_mode_seen_median_s": round(statistics.median(again), 3),
                       "change_election_with_indicator_s": [round(x, 3) for x in election],
                       "map_bytes_per_change_max": max(sizes)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "benchmarks" / "results-indicators.json").write_text(json.dumps(result, indent=1) + "\n",
                                                                 encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
