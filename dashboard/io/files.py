"""Plain files, read and written as they are: text, bytes, a digest, a file's first bytes, TOML
settings, a CSV log, a lock file. The modules that decide what the contents mean (the store, the
settings, the command line, the curation log) call these; no other module of ``dashboard/`` opens
a file (``tests/test_io_home.py``). Errors are the standard library's own (OSError,
UnicodeDecodeError, tomllib.TOMLDecodeError): each caller words them as it always has."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def read_text(path: str | Path) -> str:
    """A whole UTF-8 text file."""
    return Path(path).read_text(encoding="utf-8")


def read_bytes(path: str | Path) -> bytes:
    """A whole file's bytes."""
    return Path(path).read_bytes()


def write_bytes(path: str | Path, data: bytes) -> None:
    """``data`` written where the user asked, in place (not atomically: a file the command line is
    told to write has the user's usual permissions, as any program's output)."""
    Path(path).write_bytes(data)


def sha256(path: str | Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def head(path: str | Path, n: int) -> bytes:
    """A file's first ``n`` bytes (fewer when it is shorter): what a file says it is, without
    reading the rest (an SQLite file begins ``SQLite format 3\\0``)."""
    with Path(path).open("rb") as fh:
        return fh.read(n)


def read_toml(path: str | Path) -> dict:
    """A TOML file (the operator's ``secrets.toml``) as a mapping."""
    with Path(path).open("rb") as fh:
        return tomllib.load(fh)


@contextlib.contextmanager
def csv_rows(path: str | Path) -> Iterator[csv.DictReader]:
    """A UTF-8 CSV file's rows as mappings, read as the caller goes: its heading is there to be
    checked (``reader.fieldnames``) before any row is read."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        yield csv.DictReader(fh)


def append_line(path: str | Path, line: str, heading: str) -> None:
    """``line`` added at the end of a text log, the folder and a first ``heading`` line made when the
    file is new (a log is only ever added to: lines already written are never rewritten)."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(heading, encoding="utf-8")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line)


def locked(path: str | Path) -> IO:
    """``path`` opened (made when missing) and locked exclusively (``flock``; waits for another
    holder). Closing the returned handle releases the lock; the file itself holds nothing."""
    import fcntl

    fh = open(path, "a")
    fcntl.flock(fh, fcntl.LOCK_EX)
    return fh
