"""Export benchmark (a script, not a test), issue 5 §4.

Times, in a fresh process, on the seed records and the mirrored boundaries:

* one chart export (readiness, PNG 1920×1080): cold = the export browser is started by this
  call, warm = the browser is already running (the app's normal case);
* the map export (PNG) and the offline HTML map, warm;
* the briefing pack (PDF), cold (browser stopped first) and warm;

for Kab. Bogor (40 kecamatan) and, with ``--synthetic``, for Jawa Barat with synthetic records
in every kecamatan (benchmarks/synthetic.py). Writes benchmarks/results-exports.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.exports [--synthetic]
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"chart_warm_s_max": 1.5, "pack_s_max": 15.0}


def _time(fn, repeats: int = 1) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3), out


def measure(records, gaz, election: str, region: str, as_of: dt.date) -> dict:
    from dashboard.export import render
    from dashboard.export.files import export
    from dashboard.export.pack import briefing_pack
    from dashboard.report import Report

    def fresh():  # a new view: nothing computed yet, as after a click in the app
        return Report(records, gaz, election, region, as_of)

    render.stop()
    chart_cold, _ = _time(lambda: export(fresh(), "kesiapan", "png"))
    chart_warm, _ = _time(lambda: export(fresh(), "kesiapan", "png"), repeats=5)
    map_warm, _ = _time(lambda: export(fresh(), "peta", "png"), repeats=3)
    html_warm, html = _time(lambda: export(fresh(), "peta", "html"), repeats=3)
    render.stop()
    pack_cold, pack = _time(lambda: briefing_pack(fresh()))
    pack_warm, _ = _time(lambda: briefing_pack(fresh()), repeats=2)
    from pypdf import PdfReader
    import io

    return {"region": region, "election": election, "as_of": as_of.isoformat(),
            "chart_png_cold_s": chart_cold, "chart_png_warm_s": chart_warm, "map_png_warm_s": map_warm,
            "map_html_warm_s": html_warm, "map_html_kb": len(html.data) // 1024,
            "pack_cold_s": pack_cold, "pack_warm_s": pack_warm,
            "pack_pages": len(PdfReader(io.BytesIO(pack)).pages), "pack_kb": len(pack) // 1024}


def main() -> None:
    from dashboard import context

    gaz = context.gazetteer()
    results = {"targets": TARGETS, "runs": []}
    results["runs"].append(measure(context.records(gaz), gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 12)))
    if "--synthetic" in sys.argv:
        from .synthetic import write_synthetic

        with tempfile.TemporaryDirectory() as tmp:
            n = write_synthetic(Path(tmp), gaz, provinces=("32",), per_unit=1)
            run = measure(context.records(gaz, tmp), gaz, "pilkada-2024", "32", dt.date(2024, 11, 27))
            run["synthetic_records"] = n
            results["runs"].append(run)
    worst_chart = max(r["chart_png_warm_s"] for r in results["runs"])
    worst_pack = max(max(r["pack_cold_s"], r["pack_warm_s"]) for r in results["runs"])
    results["met"] = {"chart_warm": worst_chart < TARGETS["chart_warm_s_max"],
                      "pack": worst_pack < TARGETS["pack_s_max"]}
    out = ROOT / "benchmarks" / "results-exports.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
