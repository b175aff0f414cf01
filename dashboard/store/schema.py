"""Opening a database: refuse a file that is not one, create the engine, bring the schema to
the newest Alembic revision once per process and URL, under a lock held across processes."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from ..errors import PetaError, msg
from ..io import files

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def open_engine(url: str) -> Engine:
    """An engine on ``url`` whose schema is current (migrated here on the first open)."""
    with _first_start_lock(url):
        return _open_engine(url)


def _open_engine(url: str) -> Engine:
    _refuse_unreadable_sqlite(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # a malformed URL or a missing driver
        raise PetaError.single("PETA_DB_URL", shown_url(url), msg("db_url", why=reason(exc))) from None
    with _migrate_lock:
        if url not in _migrated:
            try:
                migrate(engine)
            except Exception as exc:  # a server that does not answer, a damaged file (issue 35)
                raise PetaError.single("PETA_DB_URL", shown_url(url), msg("db_open", why=reason(exc))) from None
            _migrated.add(url)
    return engine


def shown_url(url: str) -> str:
    """The database URL as a message may show it: never its password."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


def reason(exc: BaseException) -> str:
    """A driver's exception as one line of text (its first line, no SQL, no parameters): a
    SQLAlchemy error carries ``code`` and ``params`` and must never be read as a message."""
    inner = getattr(exc, "orig", None) or exc
    text = (str(inner).strip().splitlines() or [type(inner).__name__])[0]
    return text[:200]


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (creates it on first run), under a lock
    held across processes, so two servers starting at once on one database migrate it once: the
    second waits, then finds the schema current. PostgreSQL: an advisory lock; SQLite: an OS lock
    on a file beside the database (SQLite runs DDL outside its own write lock)."""
    if _current_revision(engine) == head_revision():
        return  # the common start: nothing to do, and importing Alembic alone costs ~0.5 s
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with _schema_lock(engine), engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7140000001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def head_revision() -> str:
    """The newest revision among the migration files (each names its ``revision = "000N"``;
    they are numbered in order, so the newest is the largest)."""
    import re

    found = [re.search(r'^revision = "(\w+)"', files.read_text(p), re.M)
             for p in (MIGRATIONS / "versions").glob("*.py")]
    return max(m.group(1) for m in found if m)


def _current_revision(engine: Engine) -> str | None:
    """The database's revision, or None (a fresh database, or one Alembic must look at)."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except Exception:  # no table yet
        return None
    return rows[0][0] if len(rows) == 1 else None


# The lock files this thread holds: ``flock`` treats two descriptors of one file as two owners,
# so taking the lock again in the same thread (first start, then migration) would wait forever.
_held: set[tuple[str, int]] = set()


class _schema_lock:
    """An exclusive OS file lock beside a SQLite database file (a no-op for other databases, and
    for a thread that already holds it)."""

    def __init__(self, engine: Engine | None = None, *, db: str | None = None):
        if engine is not None:
            db = engine.url.database if engine.dialect.name == "sqlite" else None
        self.path = Path(db + ".lock") if db and db != ":memory:" else None
        self.fh = None
        self.key = (str(self.path), threading.get_ident())

    def __enter__(self):
        if self.path and self.key not in _held:
            self.fh = files.locked(self.path)
            _held.add(self.key)
        return self

    def __exit__(self, *exc):
        if self.fh:
            _held.discard(self.key)
            self.fh.close()  # closing releases the lock


def _first_start_lock(url: str):
    """The schema lock, taken before a SQLite file is looked at when it is missing or still empty.

    SQLite creates the file (0 bytes) on the first connection and writes its header only later, so
    a second server starting at that moment saw an empty file and refused it as damaged (CI, stop
    44). The creator now holds the lock from before the file exists until its schema is written; a
    second server waits, then finds a database. A file that is empty with nobody creating it is
    still refused, under the lock."""
    import contextlib

    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        return contextlib.nullcontext()
    path = Path(url[len("sqlite:///"):])
    try:
        started = path.stat().st_size > 0
    except OSError:
        started = False
    if started or not path.parent.is_dir():
        return contextlib.nullcontext()
    return _schema_lock(db=str(path))


def _refuse_unreadable_sqlite(url: str) -> None:
    """A SQLite file that exists but is empty or not a database is refused, never silently
    re-created: an emptied ``peta.db`` would otherwise come back holding only the curated files,
    and every report entered in the app would be gone without a word. (No file at all is a first
    start: the store is created and seeded.)"""
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        return
    path = Path(url[len("sqlite:///"):])
    if not path.exists():
        return
    if path.is_dir():
        raise PetaError.single("PETA_DB_URL", str(path), msg("db_is_folder"))
    try:
        head = files.head(path, 16)
    except OSError as exc:
        raise PetaError.single("PETA_DB_URL", str(path), msg("db_readable", why=exc.strerror)) from None
    if head != b"SQLite format 3\x00":
        raise PetaError.single("PETA_DB_URL", str(path), msg("db_not_sqlite" if head else "db_empty"))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets readers (the app) go on while one writer writes; writers queue up for 30 s.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    # SQLite keeps the WAL file at its largest size once written (it grew as large as the database
    # after a big import, issue 26): the write after a checkpoint cuts it back to this size
    cur.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
    cur.close()


WAL_LIMIT = 64 * 1024 * 1024  # bytes
