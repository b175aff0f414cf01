"""The boundary cache's own files, read and written: the manifest (``geo/manifest.tsv``), the
upstream SQL dumps, a local mirror's copy and the build report (``report.json``). What they say is
worked out in ``dashboard/geo`` (source: the manifest's entries; parse: the dumps' rows; store: the
cache); the GeoParquet levels are geopandas' own files, written and read in ``geo/store.py``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

REPORT = "report.json"  # a build's report, written last: a folder holding it is a complete build


def manifest_lines(path: Path) -> list[str]:
    """The manifest's lines (comments and blank lines included: the caller skips them)."""
    return path.read_text(encoding="utf-8").splitlines()


def write_manifest(path: Path, lines: list[str]) -> None:
    """The manifest written whole, one line each, ending with a line break (a maintainer's tool)."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def dump_text(path: Path) -> str:
    """An upstream SQL dump's text (UTF-8, as published)."""
    return Path(path).read_text(encoding="utf-8")


def dump_head(path: Path, n: int = 800) -> str:
    """A dump's first ``n`` characters, where its comment names the provinces it holds (a byte that
    is not UTF-8 is replaced: only the comment is read)."""
    return path.read_text(encoding="utf-8", errors="replace")[:n]


def copy_into(src: Path, output) -> None:
    """A mirror's file copied to ``output``: an open file (pooch's download target) or a path."""
    if hasattr(output, "write"):
        with src.open("rb") as fh:
            shutil.copyfileobj(fh, output)
    else:
        shutil.copyfile(src, output)


def write_report(directory: Path, report: dict) -> None:
    """A build's report, as indented JSON, into the (still temporary) build folder."""
    (directory / REPORT).write_text(json.dumps(report, indent=2), encoding="utf-8")


def read_report(directory: Path) -> dict:
    """A complete build's report. ValueError (not JSON, not UTF-8) and OSError are the caller's: a
    report that cannot be read means the build is rebuilt, never trusted."""
    return json.loads((directory / REPORT).read_text(encoding="utf-8"))


def discard_report(directory: Path) -> None:
    """A build's report removed: the folder no longer counts as a complete build, so the next
    look at it builds the cache again (a damaged level file is never trusted)."""
    (directory / REPORT).unlink(missing_ok=True)


def report_bytes(directory: Path) -> bytes:
    """A build's report as stored: rewritten on every build, so what keys a cache made from it."""
    return (directory / REPORT).read_bytes()
