"""Backup and restore of the whole store (issue 40): one file that restores to the same records and
history on SQLite or PostgreSQL.

The file is an SQLite database holding the seven tables the app keeps (``reports``, ``changes``,
``drafts``, ``elections``, ``indicators``, ``signins``, ``attachments``: the files of proof with their bytes) with their row ids, the schema revision they were written
in (``alembic_version``) and a ``backup_info`` table saying what it is, when it was made, from
which store (never its password) and how many rows each table had. SQLite is the format because
it is one self-checking file any Python reads, and the store already speaks it.

- **Backup while the app serves.** From SQLite: SQLite's online backup API copies the database as
  one consistent snapshot (writers wait a moment, readers go on). From PostgreSQL: every table is
  read in one ``REPEATABLE READ`` transaction, so all tables come from the same instant. The file is
  written beside its destination and renamed into place: a failed backup leaves no half file.
- **Restore into an empty store.** The file is checked (an SQLite file with ``backup_info`` of this
  format, else refused with its name), copied aside and brought to the newest schema by the same
  migrations as the store (an older backup restores into a newer version), then every row is
  written with its id in one transaction under the store's write lock; PostgreSQL's id sequences
  are moved past the restored ids. A store that already holds rows is refused, naming what it
  holds, unless ``replace`` is asked for: then its rows are replaced in the same transaction.
  Accounts live in the operator's ``secrets.toml``, not in the store, and are not part of a backup.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, delete, func, insert, select, text
from sqlalchemy.orm import Session

from ..errors import PetaError, msg
from ..io import files
from ..io.atomic import replacing
from .db import Store
from .models import AttachmentRow, Base, ChangeRow, DraftRow, ElectionRow, IndicatorRow, ReportRow, SigninRow
from .schema import shown_url

FORMAT = "peta-netralitas-asn-backup"
FORMAT_VERSION = "1"
# parents before children is not needed (no foreign keys between them); this order reads well
TABLES = [ElectionRow.__table__, ReportRow.__table__, ChangeRow.__table__, DraftRow.__table__,
          IndicatorRow.__table__, SigninRow.__table__, AttachmentRow.__table__]
_CHUNK = 2000
_FILE_CHUNK = 8


def backup(store: Store, path: str | Path) -> dict[str, int]:
    """Write the whole store to ``path`` (replacing a file there only once the new one is
    complete); returns each table's row count."""
    path = Path(path)
    if not path.parent.is_dir():
        raise PetaError.single("FILE", str(path), msg("backup_folder"))
    with replacing(path) as tmp:
        if store.engine.dialect.name == "sqlite":
            counts = _copy_sqlite(store, tmp)
        else:
            counts = _copy_server(store, tmp)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            info = {"format": FORMAT, "format_version": FORMAT_VERSION,
                    "made_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "source": shown_url(store.url), **{f"rows.{k}": str(v) for k, v in counts.items()}}
            db.executemany("INSERT INTO backup_info VALUES (?, ?)", sorted(info.items()))
        db.close()
    return counts


def _copy_sqlite(store: Store, tmp: Path) -> dict[str, int]:
    raw = store.engine.raw_connection()
    try:
        dest = sqlite3.connect(tmp)
        try:
            raw.driver_connection.backup(dest)  # one consistent copy, taken while the app serves
            counts = {t.name: dest.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
            dest.execute("DROP TABLE IF EXISTS write_lock")  # the running store's own, recreated by migrations
            dest.commit()
            dest.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            dest.close()
    finally:
        raw.close()
    return counts


def _copy_server(store: Store, tmp: Path) -> dict[str, int]:
    dest = create_engine(f"sqlite:///{tmp}")
    Base.metadata.create_all(dest, tables=TABLES)
    counts = {}
    with store.engine.connect().execution_options(isolation_level="REPEATABLE READ") as src, src.begin():
        revision = src.execute(text("SELECT version_num FROM alembic_version")).scalar()
        with dest.begin() as out:
            out.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
            out.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": revision})
            for table in TABLES:
                n = 0
                # files of proof are up to 10 MB each: a few at a time, not 2000 (20 GB of memory)
                chunk = _FILE_CHUNK if table is AttachmentRow.__table__ else _CHUNK
                result = src.execution_options(yield_per=chunk).execute(select(table).order_by(table.c.id))
                for part in result.mappings().partitions(chunk):
                    out.execute(insert(table), [dict(r) for r in part])
                    n += len(part)
                counts[table.name] = n
    dest.dispose()
    return counts


def info(path: str | Path) -> dict[str, str]:
    """The file's ``backup_info``, or a PetaError naming the file when it is no backup of ours
    (missing, truncated, another program's database, another file)."""
    path = Path(path)
    if not path.is_file():
        raise PetaError.single("FILE", str(path), msg("backup_missing"))
    if files.head(path, 16) != b"SQLite format 3\x00":
        raise PetaError.single("FILE", str(path), msg("backup_not_ours"))
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'backup_info'").fetchone():
                rows = {}  # another program's database
            else:
                rows = dict(db.execute("SELECT key, value FROM backup_info").fetchall())
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise PetaError.single("FILE", str(path), msg("backup_damaged", why=str(exc)[:200])) from None
    if rows.get("format") != FORMAT:
        raise PetaError.single("FILE", str(path), msg("backup_not_ours"))
    if rows.get("format_version") != FORMAT_VERSION:
        raise PetaError.single("FILE", str(path), msg("backup_version", version=rows.get("format_version"),
                                                      supported=FORMAT_VERSION))
    return rows


def counts(store: Store) -> dict[str, int]:
    with Session(store.engine) as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}


def restore(store: Store, path: str | Path, replace: bool = False) -> dict[str, int]:
    """Fill ``store`` from the backup at ``path`` (see the module docstring); returns each table's
    row count. Nothing is written unless everything is."""
    path = Path(path)
    meta = info(path)
    with tempfile.TemporaryDirectory(prefix="peta-restore-") as work:
        copy = Path(work) / "backup.db"
        shutil.copyfile(path, copy)
        with sqlite3.connect(copy) as db:  # the copy is read as a store: only the store's own tables
            db.execute("DROP TABLE IF EXISTS backup_info")
        db.close()
        try:
            source = Store(f"sqlite:///{copy}")  # brought to this version's schema by the migrations
        except PetaError as exc:
            raise PetaError.single("FILE", str(path), msg("backup_damaged", why=exc.problems[0].expected)) from None
        # a backup made before a table existed has no count for it: the migrations made it, empty
        want = {t.name: int(meta.get(f"rows.{t.name}", 0)) for t in TABLES}
        got = counts(source)
        if got != want:
            raise PetaError.single("FILE", str(path), msg("backup_damaged", why=f"rows {got} != {want}"))
        with Session(store.engine) as s, s.begin():
            store._lock(s)
            held = {t.name: s.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}
            if any(held.values()) and not replace:
                raise PetaError.single("PETA_DB_URL", shown_url(store.url), msg(
                    "restore_not_empty", rows=", ".join(f"{k} {v}" for k, v in held.items() if v)))
            for table in reversed(TABLES):
                s.execute(delete(table))
            with source.engine.connect() as src:
                for table in TABLES:
                    chunk = _FILE_CHUNK if table is AttachmentRow.__table__ else _CHUNK
                    result = src.execution_options(yield_per=chunk).execute(select(table).order_by(table.c.id))
                    for part in result.mappings().partitions(chunk):
                        s.execute(insert(table), [dict(r) for r in part])
            if store.engine.dialect.name == "postgresql":  # the next new row gets the next id
                for table in TABLES:
                    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                   f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
        source.engine.dispose()
    return got
