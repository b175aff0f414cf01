"""Whole files or none: every file the app writes outside the database goes through here."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it over ``path``: a reader sees the old file or the
    new one, never half of one. On any failure (a full disk, a file-size limit) the temporary file
    is removed and the OSError raised; ``path`` is as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """An empty temporary file beside ``path`` for another writer to fill (SQLite writes a backup
    itself, by its own name): renamed over ``path`` when the block ends without an error, removed
    whatever happens, so a failed write leaves ``path`` as it was and no half file beside it."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
