"""The loaded tables' snapshot files (``records.snapshot`` decides what they hold and when): pickles
in the operator's cache folder, written whole or not at all, the newest few kept. A file that
cannot be read is removed and reported as missing, so a snapshot can only ever save time."""

from __future__ import annotations

import pickle
from pathlib import Path

from .atomic import write_atomic


def load(folder: Path, name: str, unpack):
    """``unpack`` of what was saved as ``name``, or None; a file that cannot be read is deleted."""
    path = Path(folder) / f"{name}.pickle"
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            return unpack(pickle.load(fh))  # noqa: S301 - written by save(), in the operator's cache
    except Exception:  # noqa: BLE001 - truncated, or from another pandas: load afresh
        path.unlink(missing_ok=True)
        return None


def save(folder: Path, name: str, data) -> bool:
    """``data`` (bytes, or an object to pickle) saved as ``name``; False when the folder cannot be
    written (no error: the next start loads the records again)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        write_atomic(Path(folder) / f"{name}.pickle",
                     data if isinstance(data, bytes) else pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        return True
    except OSError:
        return False


def prune(folder: Path, keep: int, pattern: str = "[!l]*.pickle") -> None:
    """Only the newest ``keep`` snapshots matching ``pattern`` stay (best effort)."""
    try:
        old = sorted(Path(folder).glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        pass
