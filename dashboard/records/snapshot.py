"""A snapshot of the loaded tables, so a server restart does not validate and rebuild every
report again (20,000 reports: ~3.5 s of a ~10 s start).

A snapshot is found by a key made of everything the tables depend on: the store's URL and
version (its last change number, which moves with every write, the seed included), the
election calendar file, the gazetteer (codes, names, levels, parents), and the loader's own
source code. Anything else means a fresh load; a snapshot that cannot be read is deleted and
the tables are loaded as before, so a snapshot can only ever save time.

Snapshots are pickles in the cache folder (``PETA_CACHE_DIR``/records), written only by this
module, atomically; like the boundary cache there, that folder must be writable only by the
operator. The newest three are kept."""

from __future__ import annotations

import ctypes
import gc
from contextlib import contextmanager
import hashlib
import pickle
from dataclasses import fields
from pathlib import Path

import pandas as pd

from ..io import files, snapshot_files
from .tables import Records

KEEP = 3
_CODE = ("read.py", "tables.py", "validate.py", "vocab.py", "snapshot.py")


def key(db_url: str, store_version: str, calendar_file: Path, gazetteer_table: pd.DataFrame) -> str:
    h = hashlib.sha256()
    for part in (db_url, store_version):
        h.update(part.encode() + b"\0")
    h.update(files.read_bytes(calendar_file) if Path(calendar_file).is_file() else b"-")
    gaz = gazetteer_table[["code", "name", "level", "parent"]]
    h.update(str(len(gaz)).encode())
    h.update(pd.util.hash_pandas_object(gaz, index=False).to_numpy().tobytes())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        h.update(files.read_bytes(here / name))
    return h.hexdigest()[:24]


def _load(folder: Path, k: str, unpack):
    return snapshot_files.load(folder, k, unpack)


def _save(folder: Path, k: str, data) -> bool:
    return snapshot_files.save(folder, k, data)


def _tables(records: Records) -> dict:
    return {f.name: getattr(records, f.name) for f in fields(records) if f.name != "derived"}


def pack(records: Records) -> bytes:
    """The tables as the bytes a snapshot holds."""
    return pickle.dumps(_tables(records), protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> Records:
    """Tables from :func:`pack`'s bytes."""
    with _collector_paused():
        return Records(**pickle.loads(data))  # noqa: S301 - bytes this module packed


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off while the tables are read back. Why: unpickling creates
    about a million containers (each list of source ids, each row's lists), and every 700 of them
    start a collection that walks the young ones again; none of them can be garbage yet. Measured
    at 150,000 reports: 1.06 s with the collector on, 0.33 s with it paused."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compact(build) -> tuple[Records, bytes]:
    """The tables ``build()`` returns, packed, let go, then read back from their bytes; and the bytes.

    Why: tables just built from the reports keep their strings (ids, venues, texts) scattered
    among the freed objects of every report that was read, so the allocator can return almost
    none of that memory. Read back once the built tables are gone, the same strings sit together
    and the emptied memory goes back to the system (Linux: ``malloc_trim``). Measured on 50,000
    synthetic reports: 410 MiB held after a build, about 80 MiB after this, for about 1 s."""
    data = pack(build())  # the built tables are gone once this returns
    gc.collect()
    trim_heap()
    return unpack(data), data


def trim_heap() -> None:
    """Hand freed heap memory back to the system where the C library can (glibc); else nothing."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def read(folder: Path, k: str) -> Records | None:
    return _load(folder, k, lambda data: unpack(data) if isinstance(data, bytes) else Records(**data))


def write(folder: Path, k: str, packed: bytes) -> None:
    """Save :func:`pack`'s bytes, then prune to the newest :data:`KEEP`. A folder that cannot be
    written is no error: the next start loads the records again."""
    if _save(folder, k, packed):
        snapshot_files.prune(folder, KEEP)


# The newest tables of a store, whatever their version, with the change they go to: a start
# reads them and brings them up to date by what changed since (``records.incremental``), so a
# server restarted after a day of saves does not load every report again. Written on a full
# load, and after incremental loads at most every :data:`LATEST_EVERY` seconds (pickling a
# national store's tables takes seconds of the interpreter's time that viewers share).
LATEST_EVERY = 120


def latest_key(db_url: str, calendar_file: Path, gazetteer_table: pd.DataFrame) -> str:
    return "latest-" + key(db_url, "", calendar_file, gazetteer_table)


def read_latest(folder: Path, k: str) -> tuple[Records, int, int] | None:
    """(tables, last change included, number of changes then), or None."""
    return _load(folder, k, lambda saved: (unpack(saved["tables"]), int(saved["last_change"]),
                                           int(saved["n_changes"])))


def write_latest(folder: Path, k: str, packed: bytes, last_change: int, n_changes: int) -> None:
    """Save :func:`pack`'s bytes as the store's newest tables, with the change they go to."""
    _save(folder, k, {"tables": packed, "last_change": last_change, "n_changes": n_changes})
