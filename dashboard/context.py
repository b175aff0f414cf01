"""Loading everything a view needs, in one place, for the CLI and the app.

The app wraps these in ``st.cache_resource``/``st.cache_data`` (see
``dashboard/ui/cache.py``); the CLI calls them directly.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import settings
from .io import cache_files, files, geo_files
from .geo.store import GeoConfig, load_table
from .records.read import read_calendar
from .records.tables import Records, load_records
from .regions import Gazetteer


_log = logging.getLogger("peta.seed")


def gazetteer(cfg: GeoConfig | None = None) -> Gazetteer:
    return Gazetteer(load_table(cfg or GeoConfig.from_settings()))


def gazetteer_quick(cfg: GeoConfig | None = None) -> Gazetteer:
    """:func:`gazetteer` kept whole beside the boundary cache it was built from, for the command
    line's ``extract``, which answers in under a second (issue 21): reading the tables and
    indexing 8,000+ names costs ~0.15 s per call, unpickling ~0.05 s. The key is the boundary
    cache's own report (rewritten on every build) and this code's version; a damaged file is
    rebuilt. The file is the app's own cache, written atomically, as trusted as the parquet beside it."""
    from .geo.store import ensure

    cfg = cfg or GeoConfig.from_settings()
    ensure(cfg)
    src = Path(__file__).resolve().parent / "regions.py"
    h = hashlib.sha256(geo_files.report_bytes(cfg.directory))
    h.update(files.read_bytes(src))
    path = cfg.directory / f"gazetteer-{h.hexdigest()[:16]}.pickle"
    got = cache_files.load_pickle(path, Gazetteer)
    if got is not None:
        return got
    gaz = gazetteer(cfg)
    cache_files.dump_pickle(path, gaz)
    return gaz


def db_url(data_dir: str | Path | None = None) -> str:
    configured = settings.get("PETA_DB_URL")
    if configured:
        return configured
    return _sqlite_url(str(data_dir or settings.get("PETA_DATA_DIR")))


@lru_cache(maxsize=64)
def _sqlite_url(data_dir: str) -> str:
    """The SQLite store's URL inside a data folder, its path resolved once per folder name: every
    page run asks (resolving walks every folder of the path: ~8 % of a national Peta rerun under 25
    viewers, issue 39)."""
    return f"sqlite:///{Path(data_dir).resolve() / 'peta.db'}"


def store(data_dir: str | Path | None = None):
    from .store.db import Store

    return Store(db_url(data_dir))


def seed(st, gaz: Gazetteer, data_dir: str | Path | None = None, progress=None) -> dict[str, int]:
    """Bring the calendar (``elections.yaml``) and new and changed curated files into the store
    (idempotent), the calendar first: ceremonies refer to its elections. Each is checked with
    everything stored first: a broken file stops the seed with its message, nothing is written.
    A large first seed is written in batches and goes on where it stopped (``Store.seed``); each
    batch is logged, and ``progress(done, total)`` is told. Returns the ceremony files' counts."""
    from .store.editing import trial_rows, trial_touching

    def told(done: int, total: int) -> None:
        _log.info("seed: %d / %d curated files stored", done, total)
        if progress is not None:
            progress(done, total)

    root = Path(data_dir or settings.get("PETA_DATA_DIR"))
    stamp_file = settings.cache_dir() / "seeded" / hashlib.sha256(f"{st.url}|{root.resolve()}".encode()).hexdigest()[:24]
    files, stamp = folder_stamp(root)
    # a stamp that cannot be read (missing, a folder, damaged bytes) is no stamp: seeded again
    if _seeded_already(cache_files.read_text(stamp_file), stamp, st.version()):
        return {"added": 0, "updated": 0, "unchanged": files, "kept_edit": 0}
    st.seed_calendar(read_calendar(root), lambda rows, calendar: trial_rows(rows, gaz, calendar))
    counts = st.seed(root, lambda touching, calendar, replace, add: trial_touching(touching, gaz, calendar, replace, add),
                     told)
    seed_indicators(st, gaz, root)
    cache_files.write_text(stamp_file, f"{stamp} {st.version()}")
    return counts


def seed_indicators(st, gaz: Gazetteer, root: Path) -> int:
    """Bring the curated indicator files (``indicators/*.csv|xlsx``, issue 27) into the store: each
    checked as an imported sheet is, and against what is stored (:func:`dashboard.indicators.unseeded`):
    a value seeded before is left alone, a file that would overwrite a stored value stops the seed
    with its message. All new values or none, under the write lock. Returns how many were written."""
    import datetime as dt

    from . import indicators
    from .errors import PetaError, msg

    values, problems = indicators.read_folder(root, gaz, dt.date.today())
    if problems:
        raise PetaError(problems, summary=msg("file_refused", n=len(problems), name=indicators.FOLDER))
    if not values:
        return 0

    def check(rows):  # under the write lock: only what is not stored yet, and no clash
        new, clash = indicators.unseeded(values, indicators.table(rows))
        if clash:
            raise PetaError(clash, summary=msg("file_refused", n=len(clash), name=indicators.FOLDER))
        return new

    new, clash = indicators.unseeded(values, indicators.table(st.indicator_rows()))
    if clash:  # the quick look, without the lock: a clash is named, and nothing new means nothing to do
        raise PetaError(clash, summary=msg("file_refused", n=len(clash), name=indicators.FOLDER))
    if not new:
        return 0
    n = st.add_indicators(values, "seed", "file", check, access=None)  # the shipped files, by the server itself
    _log.info("seed: %d indicator value(s) stored", n)
    return n


def _seeded_already(saved: str | None, stamp: str, version: str) -> bool:
    """The folder is as it was at the last seed and the store is the one seeded then, grown since.

    A write to the store never calls for a seed (no row is ever deleted; a seeded row edited in the
    app keeps the edit), so a save does not make the next load read the store's file rows again
    (150,000 reports: 0.18 s of every refresh). A new or replaced database at the same URL has fewer
    changes than it had at the last seed, or a different newest one below it: seeded again."""
    try:
        old_stamp, old_version = (saved or "").split(" ")
        old_last, old_n = (int(x) for x in old_version.split("."))
        last, n = (int(x) for x in version.split("."))
    except ValueError:
        return False
    return old_stamp == stamp and last >= old_last and n >= old_n and n - old_n <= last - old_last


def folder_stamp(root: Path) -> tuple[int, str]:
    """(number of curated files, a digest of their names, sizes and modification times): what
    the loader reads of a data folder (``elections.yaml``, ``ceremonies/*.y*ml``), and nothing else.
    The seed's skip below and the app's data version (``ui/cache.py``) both use it.

    The seed reads and hashes every curated file to find the changed ones (~1 s for 20,000);
    when this stamp is what it was after the last seed, on the same store (see
    :func:`_seeded_already`), nothing can have changed, and the seed is skipped."""
    h = hashlib.sha256()
    n = 0
    calendar = root / "elections.yaml"
    if calendar.is_file():
        stat = calendar.stat()
        h.update(f"elections.yaml|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    folder = root / "ceremonies"
    if folder.is_dir():
        with os.scandir(folder) as it:
            for entry in sorted(it, key=lambda e: e.name):
                if fnmatch.fnmatch(entry.name, "*.y*ml"):  # the seed's own pattern
                    stat = entry.stat()
                    h.update(f"{entry.name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
                    n += 1
    from .indicators import folder_files

    for path in folder_files(root):  # curated indicator files (issue 27)
        stat = path.stat()
        h.update(f"indicators/{path.name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return n, h.hexdigest()


def records(gaz: Gazetteer, data_dir: str | Path | None = None, db=None) -> Records:
    """The records the pages show: the store's active reports, after seeding the files.
    ``db``: an open store (the app passes its cached one), else one is opened.

    Through :func:`refresh` from nothing: the newest tables a server saved, brought up to the
    store's last change by what changed since. A CLI command or a restart after a save used to
    miss the snapshot of that exact version and load every report again (150,000 reports: ~20 s,
    issue 39 §2); now it reads the newest tables and applies the saves."""
    root = Path(data_dir or settings.get("PETA_DATA_DIR"))
    return refresh(None, gaz, root, db or store(root)).records


def _records(gaz: Gazetteer, root: Path, db) -> tuple[Records, bytes | None]:
    """:func:`records`, and the snapshot's bytes when they were made just now (None when read)."""
    from .records import snapshot

    seed(db, gaz, root)  # a broken calendar file or ceremony file is named here, as always
    folder = settings.cache_dir() / "records"
    # the store's version moves with every change of a report or of the calendar
    k = snapshot.key(db.url, db.version(), root / "elections.yaml", gaz.table)
    loaded = snapshot.read(folder, k)
    if loaded is not None:
        return loaded, None
    # kept as read back from the snapshot's bytes, not as built: see snapshot.compact
    loaded, packed = snapshot.compact(lambda: load_records(db, gaz, db.calendar()))
    snapshot.write(folder, k, packed)
    return loaded, packed


def refresh(loaded, gaz: Gazetteer, data_dir: str | Path | None = None, db=None, progress=None):
    """The records brought up to the store's newest change: by what changed since ``loaded``
    (a :class:`dashboard.records.incremental.Loaded`, or None on the first load), else by loading
    everything. Returns a ``Loaded``.

    A full load happens when nothing was loaded yet, an election changed, the changes cannot be
    accounted for (PostgreSQL numbers a change when its transaction starts, so one committed late
    can land below the newest number seen: the count of changes then disagrees), or the changed
    ceremonies do not pass the checks (the full load names every problem). ``progress``: see :func:`seed`."""
    from .records import incremental, snapshot

    root = Path(data_dir or settings.get("PETA_DATA_DIR"))
    db = db or store(root)
    seed(db, gaz, root, progress)  # edited curated files become changes of the store like any other

    folder = settings.cache_dir() / "records"
    latest = snapshot.latest_key(db.url, root / "elections.yaml", gaz.table)

    def full():
        last, n = (int(x) for x in db.version().split("."))  # read first: a change after it is picked up next time
        tables, packed = _records(gaz, root, db)
        snapshot.write_latest(folder, latest, packed or snapshot.pack(tables), last, n)
        return incremental.Loaded(tables, last, n, time.monotonic())

    if loaded is None:  # a start: from the newest tables saved for this store, when there are any
        saved = snapshot.read_latest(folder, latest)
        if saved is None:
            return full()
        loaded = incremental.Loaded(*saved, saved_at=time.monotonic())
    changed, calendar_changed, newest, n, k = db.changes_since(loaded.last_change)
    if newest == loaded.last_change and n == loaded.n_changes:
        return loaded
    if calendar_changed or newest < loaded.last_change or loaded.n_changes + k != n:
        return full()
    touched = incremental.ceremonies_of(loaded.records, {name for name, _ in changed.values()})
    touched |= {cid for _, cid in changed.values()}
    updated = incremental.apply(loaded, touched, db.reports_of(touched), gaz, db.calendar(), newest, n)
    if updated is None:
        return full()
    if time.monotonic() - updated.saved_at > snapshot.LATEST_EVERY:
        # the next start reads these and applies only what changed after; written beside, so the
        # viewer waiting for this change does not wait for the file too
        import threading

        now = updated.records
        threading.Thread(target=lambda: snapshot.write_latest(folder, latest, snapshot.pack(now), newest, n),
                         name="peta-snapshot", daemon=True).start()
        updated = replace(updated, saved_at=time.monotonic())
    return updated
