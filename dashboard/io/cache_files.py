"""The app's own cache files (the seed's stamps, the command line's gazetteer): best effort both
ways. A cache file that cannot be read is no cache (the caller builds the thing again); one that
cannot be written only means the next start does the work again. Written atomically
(:func:`dashboard.io.atomic.write_atomic`), so a reader never sees half of one."""

from __future__ import annotations

import pickle
from pathlib import Path

from .atomic import write_atomic


def read_text(path: Path) -> str | None:
    """A cached text, or None when it cannot be read (missing, a folder, damaged bytes)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None


def write_text(path: Path, text: str) -> None:
    """Best effort, its folder made when missing (a cache folder that cannot be written only means
    the next start checks again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError:
        pass


def write_bytes(path: Path, data: bytes) -> None:
    """Best effort, like :func:`write_text`, into a folder that exists."""
    try:
        write_atomic(path, data)
    except OSError:
        pass


def load_pickle(path: Path, kind: type):
    """The ``kind`` object pickled at ``path`` by :func:`dump_pickle`, or None when the file is
    missing, damaged or holds something else. Only for files this app wrote into its own cache
    folder, which only its operator can write (as trusted as the parquet files beside them)."""
    try:
        with open(path, "rb") as fh:
            got = pickle.load(fh)  # noqa: S301 - our own cache file (see docstring)
    except Exception:  # noqa: BLE001 - missing or damaged: the caller builds it again
        return None
    return got if isinstance(got, kind) else None


def dump_pickle(path: Path, obj) -> None:
    """``obj`` pickled into the cache (best effort, :func:`write_bytes`)."""
    write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
