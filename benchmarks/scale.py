"""A season in one store (issue 26): what a write costs when the store holds 150,000 reports.

Builds a SQLite store of synthetic reports spread over every kecamatan of the loaded provinces and
three elections (written straight into the tables, as a seed would leave them: seeding 150,000
files through every check takes minutes and is measured elsewhere), then measures, on this machine:

- a full load of the tables (what a server does at its first start, or after an election changes);
- a one-row import through the paths the CLI and the Impor page take (check, then write);
- bringing a server's tables up to that write (``context.refresh``: only the touched ceremony);
- an edit and a withdrawal through ``store.editing``, each followed by its refresh;
- a restart: the store's newest saved tables read, and the changes after them applied;
- the resident memory of the process holding the tables.

Writes benchmarks/results-scale.json.

    PETA_PROVINCES=all PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.scale [--reports 150000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELECTIONS = {"pemilu-2024": dt.date(2024, 2, 14), "pilkada-2024": dt.date(2024, 11, 27),
             "pemilu-2029": dt.date(2029, 2, 14)}


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reports(gaz, n: int, seed: int = 1):
    from dashboard.records.vocab import COMMITMENT_CATEGORIES, KINDS

    rng = random.Random(seed)
    kec = gaz.table[gaz.table["level"] == "kecamatan"]
    per_unit = math.ceil(n / len(kec))
    made = 0
    for j, (code, name) in enumerate(zip(kec["code"], kec["name"])):
        for i in range(per_unit):
            if made >= n:
                return
            election = list(ELECTIONS)[i % 3]
            if j % 4 == 0 and election == "pemilu-2024":
                election = "pemilu-2029"  # a quarter of the kecamatan without Pemilu 2024: the elections' maps differ
            # one ceremony a day per kecamatan (two ids on one place and day are refused by the loader)
            day = ELECTIONS[election] - dt.timedelta(days=1 + i + per_unit * rng.randint(0, 20))
            cats = rng.sample(list(COMMITMENT_CATEGORIES), rng.randint(1, 4))
            yield {
                "id": f"syn-{code.replace('.', '-')}-{i}", "region": code, "level": "kecamatan", "date": day,
                "elections": [election], "kinds": rng.sample(list(KINDS), 2),
                "leader": {"name": f"Camat {name}", "role": "Camat"},
                "signatories": [{"group": "camat", "count": 1}, {"group": "lurah", "all": rng.random() < 0.5}],
                "commitments": [{"category": c, "text": f"Komitmen sintetis {c}."} for c in cats],
                "sources": [{"outlet": "Sumber sintetis", "title": f"Laporan {name} {i}"}],
            }
            made += 1


def work_folder(prefix: str, db_url: str | None = None) -> tuple[Path, Path]:
    """(a new temporary folder, its data folder holding only the shipped calendar), made the data
    folder of this process (``PETA_DATA_DIR``), with every province drawn and the store ``db_url``
    (None: the data folder's own SQLite file). The caller removes the folder."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    data = work / "data"
    (data / "ceremonies").mkdir(parents=True)
    shutil.copyfile(ROOT / "data" / "elections.yaml", data / "elections.yaml")
    os.environ.update(PETA_DATA_DIR=str(data), PETA_PROVINCES="all")
    if db_url:
        os.environ["PETA_DB_URL"] = db_url
    else:
        os.environ.pop("PETA_DB_URL", None)
    return work, data


def build(db, gaz, n: int) -> int:
    """Insert ``n`` reports and their seed changes in batches (the rows a seed writes)."""
    from sqlalchemy import insert

    from dashboard.store.codec import dump, to_json
    from dashboard.store.models import ChangeRow, ReportRow

    at = dt.datetime(2024, 12, 1)
    batch, total = [], 0

    def flush():
        nonlocal batch, total
        if not batch:
            return
        with db.engine.begin() as conn:
            first = conn.execute(insert(ReportRow).returning(ReportRow.id), batch).scalars().all()
            conn.execute(insert(ChangeRow), [
                {"at": at, "user": "seed", "action": "seed", "report_id": rid, "ceremony_id": row["ceremony_id"],
                 "before": None, "after": row["data"], "note": "synthetic"} for rid, row in zip(first, batch)])
        total += len(batch)
        batch = []

    for r in reports(gaz, n):
        text = dump(r)
        batch.append({"ceremony_id": r["id"], "region_code": r["region"], "date": r["date"].isoformat(),
                      "origin": "import:synthetic", "origin_hash": None, "data": text, "parsed": to_json(r),
                      "status": "active", "version": 1, "updated_at": at, "updated_by": "seed"})
        if len(batch) >= 5000:
            flush()
    flush()
    return total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=150_000)
    args = parser.parse_args()
    from dashboard import context
    from dashboard.forms import formdata, sheet
    from dashboard.records.tables import load_records
    from dashboard.store import editing, importer
    from dashboard.store.editing import User

    work, data = work_folder("peta-scale-")
    result: dict = {"reports": args.reports, "machine": f"{os.cpu_count()} cores", "date": dt.date.today().isoformat()}
    try:
        gaz = context.gazetteer()
        db = context.store(data)
        context.seed(db, gaz, data)  # the calendar
        t0 = time.perf_counter()
        result["stored"] = build(db, gaz, args.reports)
        result["build_s"] = round(time.perf_counter() - t0, 1)
        gc.collect()
        rss0 = rss_mib()
        t0 = time.perf_counter()
        loaded = context.refresh(None, gaz, data, db)
        result["full_load_s"] = round(time.perf_counter() - t0, 2)
        gc.collect()
        result["rss_tables_mib"] = round(rss_mib() - rss0, 1)
        result["rss_process_mib"] = round(rss_mib(), 1)
        print(json.dumps(result), file=sys.stderr)

        admin = User("bench")
        calendar = db.calendar()
        row = dict.fromkeys(sheet.COLUMNS, "")
        row.update({"kode_wilayah": "32.01.24", "tanggal": "2024-11-20", "pemilihan": "pilkada-2024",
                    "jenis": "ikrar", "penanda_tangan": "kepala_desa:13:semua", "sumber_media": "Warta Uji"})
        content = (",".join(sheet.COLUMNS) + "\n" + ",".join(row[c] for c in sheet.COLUMNS) + "\n").encode()
        t0 = time.perf_counter()
        checked = importer.check(db, gaz, calendar, "satu.csv", content, admin)
        t1 = time.perf_counter()
        assert not checked.problems, checked.problems
        importer.run(db, gaz, checked, admin, "satu.csv")
        t2 = time.perf_counter()
        loaded = context.refresh(loaded, gaz, data, db)
        t3 = time.perf_counter()
        result.update({"import_one_row_check_s": round(t1 - t0, 2), "import_one_row_write_s": round(t2 - t1, 2),
                       "import_one_row_s": round(t2 - t0, 2), "refresh_after_import_s": round(t3 - t2, 2)})

        report = formdata.to_report({"region": "32.01.24", "date": dt.date(2024, 11, 21),
                                     "elections": ["pilkada-2024"], "kinds": ["apel"],
                                     "sources": [{"outlet": "Warta Uji", "title": "Apel"}]})
        rid = editing.create(db, gaz, {**report, "id": "ciawi-uji-2024-11-21"}, admin)
        t0 = time.perf_counter()
        editing.edit(db, gaz, rid, {**report, "id": "ciawi-uji-2024-11-21", "venue": "Aula"}, admin,
                     db.row(rid).version)
        t1 = time.perf_counter()
        loaded = context.refresh(loaded, gaz, data, db)
        t2 = time.perf_counter()
        editing.withdraw(db, gaz, rid, "uji", admin, db.row(rid).version)
        t3 = time.perf_counter()
        loaded = context.refresh(loaded, gaz, data, db)
        t4 = time.perf_counter()
        result.update({"edit_s": round(t1 - t0, 2), "refresh_after_edit_s": round(t2 - t1, 2),
                       "withdraw_s": round(t3 - t2, 2), "refresh_after_withdraw_s": round(t4 - t3, 2)})
        # a restart: the newest saved tables (from the first load) and the four changes after them
        t0 = time.perf_counter()
        restarted = context.refresh(None, gaz, data, db)
        result["restart_from_saved_tables_s"] = round(time.perf_counter() - t0, 2)
        assert restarted.last_change == loaded.last_change
        full = load_records(db, gaz, db.calendar())
        result["incremental_equals_full"] = all(
            getattr(full, name).equals(getattr(loaded.records, name)) for name in ("ceremonies", "sources", "kinds"))
        result["targets"] = {"import_one_row_s_max": 2.0, "refresh_s_max": 2.0, "rss_tables_mib_max": 600}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "benchmarks" / "results-scale.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
