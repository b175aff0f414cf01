"""Issue 40: `db backup` while the app writes, `db restore` into a fresh SQLite and a fresh
PostgreSQL store, both giving the same records (`records --json`) and history (`db history`); a
file that is not a whole backup of ours is refused with its name, and a store that holds rows is
refused unless told to replace it."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading

import pytest

from dashboard import context
from dashboard.errors import PetaError
from dashboard.forms import formdata
from dashboard.store import editing
from dashboard.store.backup import backup, counts, restore
from dashboard.store.db import Store
from dashboard.store.editing import User

from .conftest import DATA, ROOT


def _empty(folder) -> str:
    """A new, empty SQLite store's URL in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return context.db_url(folder)
from .test_store import _fresh_database

ADMIN = User("admin")


def _report(n: int) -> dict:
    day = dt.date(2024, 10, 1) + dt.timedelta(days=n)
    data = formdata.to_report({"region": "32.01.24", "date": day,
                               "elections": ["pilkada-2024"], "kinds": ["ikrar"], "leader_name": f"Camat {n}",
                               "leader_role": "Camat", "categories": ["netralitas"],
                               "sources": [{"outlet": "Warta Uji", "title": f"Ikrar ke-{n}"}]})
    return {**data, "id": f"ciawi-uji-{day.isoformat()}"}


def _seeded(tmp_path, gaz, url: str | None = None):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    store = Store(url or context.db_url(data))
    context.seed(store, gaz, data)
    return store, data


def _cli(url: str, data, *args) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PETA_")}
    env.update({"PETA_DB_URL": url, "PETA_DATA_DIR": str(data),
                "PETA_GEO_SOURCE": os.environ.get("PETA_GEO_SOURCE", ""), "PETA_CACHE_DIR": os.environ.get(
                    "PETA_CACHE_DIR", "")})
    out = subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT,
                         env={k: v for k, v in env.items() if v}, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _same(a_url: str, b_url: str, data) -> None:
    """The two stores give the same records and the same history, as a user reads them."""
    for args in (("records", "--json"), ("db", "history")):
        assert _cli(a_url, data, *args) == _cli(b_url, data, *args), args


def test_a_backup_taken_while_writing_restores_to_the_same_records_and_history(tmp_path, gaz):
    store, data = _seeded(tmp_path, gaz)
    first = store.rows()[0]
    editing.withdraw(store, gaz, first.id, "uji cadangan", ADMIN, first.version)
    store.add_drafts("admin", [{"source": "https://warta.example/a", "url": "https://warta.example/a",
                                "title": "Draf", "article_text": "teks", "draft": "{}"}])
    done = threading.Event()

    def writer():
        for n in range(12):
            editing.create(store, gaz, _report(n), ADMIN)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    backup(store, tmp_path / "tengah.db")  # while the writer writes
    thread.join()
    assert done.is_set()
    # the copy is one instant of the store: every report it holds has all its history, none half
    restored = Store(_empty(tmp_path / "pulih"))
    n = restore(restored, tmp_path / "tengah.db")
    ids = {r.id for r in restored.rows()}
    assert n["reports"] == len(ids) and all(r.report_id in ids or r.report_id == 0 for r in restored.history())
    assert {r.id for r in store.rows() if r.id <= max(ids)} == ids  # a prefix: nothing skipped
    # and a backup after the writes restores to exactly the same records and history
    backup(store, tmp_path / "akhir.db")
    again = Store(_empty(tmp_path / "pulih2"))
    assert restore(again, tmp_path / "akhir.db") == counts(store)
    _same(store.url, again.url, data)
    # the restored store goes on: the next report gets the next number
    rid = editing.create(again, gaz, _report(40), ADMIN)
    assert rid == max(r.id for r in store.rows()) + 1


def test_a_postgresql_store_backs_up_and_restores_on_both_databases(tmp_path, gaz, pg_url):
    store, data = _seeded(tmp_path, gaz, _fresh_database(pg_url))
    for n in range(3):
        editing.create(store, gaz, _report(n), ADMIN)
    backup(store, tmp_path / "pg.db")
    into_pg = Store(_fresh_database(pg_url))
    into_sqlite = Store(_empty(tmp_path / "ke-sqlite"))
    assert restore(into_pg, tmp_path / "pg.db") == restore(into_sqlite, tmp_path / "pg.db") == counts(store)
    _same(store.url, into_pg.url, data)
    _same(store.url, into_sqlite.url, data)
    rid = editing.create(into_pg, gaz, _report(9), ADMIN)  # PostgreSQL's sequence moved past the ids
    assert rid == max(r.id for r in store.rows()) + 1


def test_what_is_not_a_whole_backup_is_refused_with_its_name(tmp_path, gaz):
    store, data = _seeded(tmp_path, gaz)
    backup(store, tmp_path / "b.db")
    whole = (tmp_path / "b.db").read_bytes()
    (tmp_path / "terpotong.db").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "teks.db").write_text("bukan basis data\n", encoding="utf-8")
    other = sqlite3.connect(tmp_path / "lain.db")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    target = Store(_empty(tmp_path / "kosong"))
    for name, said in (("terpotong.db", "damaged"), ("teks.db", "not a Peta"), ("lain.db", "not a Peta"),
                       ("tidak-ada.db", "no backup file")):
        with pytest.raises(PetaError) as err:
            restore(target, tmp_path / name)
        assert name in err.value.message and said in err.value.message, err.value.message
    assert all(v == 0 for v in counts(target).values())  # nothing written by any refusal
    # a store that holds rows is refused, naming them; --replace replaces it whole
    with pytest.raises(PetaError, match="not empty"):
        restore(store, tmp_path / "b.db")
    editing.create(store, gaz, _report(1), ADMIN)
    restore(store, tmp_path / "b.db", replace=True)
    assert counts(store) == {k: int(v) for k, v in _rows_in(tmp_path / "b.db").items()}
    json.loads(_cli(store.url, data, "records", "--json"))  # and it loads


def _rows_in(path) -> dict:
    db = sqlite3.connect(path)
    try:
        return {k[5:]: v for k, v in db.execute("SELECT key, value FROM backup_info") if k.startswith("rows.")}
    finally:
        db.close()


def test_the_cli_backs_up_and_restores(tmp_path, gaz):
    store, data = _seeded(tmp_path, gaz)
    _cli(store.url, data, "db", "backup", str(tmp_path / "malam.db"))
    fresh = _empty(tmp_path / "baru")
    said = _cli(fresh, data, "db", "restore", str(tmp_path / "malam.db"))
    assert "restored" in said and "reports 5" in said
    _same(store.url, fresh, data)
