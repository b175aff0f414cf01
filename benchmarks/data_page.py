"""The Data page's work at national scale (issue 39): the ids of a choice, the rows of one page,
a text filter, against building every row as the page did before paging.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.data_page [--per-unit 3] [--out FILE]

Synthetic records (``per_unit`` ceremonies in every kecamatan of Indonesia, benchmarks/synthetic.py)
loaded through the real loader; the national view of Pilkada 2024; best of 3. What the page sends the
browser is one page (``dashboard.ui.page.PAGE_ROWS`` rows), not every row.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path


def _best(f, runs: int = 3):
    best, out = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return round(best, 3), out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-unit", type=int, default=3)
    ap.add_argument("--out", default=str(Path(__file__).with_name("results-data-page.json")))
    args = ap.parse_args()
    os.environ["PETA_PROVINCES"] = "all"
    from dashboard import context, views
    from dashboard.records.tables import load_folder
    from dashboard.ui.page import PAGE_ROWS

    from .synthetic import write_synthetic

    gaz = context.gazetteer()
    provinces = sorted(gaz.table.loc[gaz.table["level"] == "provinsi", "code"])
    out = Path(tempfile.mkdtemp(prefix="peta-data-page-")) / "data"
    n = write_synthetic(out, gaz, provinces=provinces, per_unit=args.per_unit)
    rec = load_folder(out, gaz)
    ids_s, ids = _best(lambda: views.filter_ids(rec, "pilkada-2024", None, [], "", "id"))
    page_s, _ = _best(lambda: views.ceremony_rows(rec, ids[:PAGE_ROWS], "id"))
    # the first word typed on a view builds the texts of its election's rows (views._row_texts); the
    # words after it read them: timed apart, once
    first_s, _ = _best(lambda: views.filter_ids(rec, "pilkada-2024", None, [], "apel", "id"), 1)
    filters = {needle: _best(lambda needle=needle: views.filter_ids(rec, "pilkada-2024", None, [], needle, "id"))
               for needle in ("november", "cibinong", "sosialisasi")}
    every_s, _ = _best(lambda: views.ceremony_rows(rec, ids, "id"), 1)
    result = {"reports": n, "ceremonies_in_view": len(ids), "page_rows": PAGE_ROWS,
              "open_s": round(ids_s + page_s, 3), "ids_s": ids_s, "page_rows_s": page_s,
              "first_filter_s (builds the row texts)": first_s, "filters_s": {k: v[0] for k, v in filters.items()},
              "matches": {k: len(v[1]) for k, v in filters.items()},
              "every_row_built_s (before paging)": every_s, "cpus": os.cpu_count()}
    Path(args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
