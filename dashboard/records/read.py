"""Reading raw reports: the seam between storage and the rest of the loader.

A *report* is what one file (or, later, one database row set) says about one
ceremony. Anything that can yield :class:`RawReport` objects can feed the
loader: :class:`YamlFolder` reads the curated files in ``data/ceremonies``; a
database-backed store implements the same ``reports()`` method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Protocol

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same safe constructors

from ..errors import PetaError, Problem, msg


@dataclass(frozen=True)
class RawReport:
    origin: str  # where it came from, as shown in error messages (e.g. a file name)
    data: dict[str, Any]


class ReportSource(Protocol):
    def reports(self) -> Iterable[RawReport]: ...


MAX_FILE_BYTES = 1024 * 1024  # a record file is a few KB; a bigger one is a mistake (or an attack)
MAX_EXPANDED = 100_000        # values in a record once its aliases are expanded (a record has ~100)
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s,\]}]")


def _read_yaml(path: Path) -> tuple[Any, Problem | None]:
    """A file's YAML, or the Problem that names what is wrong with it. Refused before reading:
    files over :data:`MAX_FILE_BYTES`; after reading: aliases that expand past
    :data:`MAX_EXPANDED` values (nested aliases multiply into billions of items when a check or
    an export walks them) or that contain themselves, dates that do not exist, nesting deeper
    than Python can follow."""
    def problem(value, want=None):
        return None, Problem(field="(file)", value=value, want=want or msg("valid_yaml"), file=str(path.name))

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return problem(f"{size} bytes", msg("yaml_at_most", kb=MAX_FILE_BYTES // 1024))
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - safe loader
        if _ANCHOR.search(text):  # aliases (PyYAML writes them for a date used twice) are fine, bombs not
            size = _expanded_size(data)
            if size is None:
                return problem("an alias inside itself", msg("yaml_no_self"))
            if size > MAX_EXPANDED:
                return problem(f"{size}+ values once aliases are expanded",
                               msg("yaml_aliases", n=MAX_EXPANDED))
        return data, None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return problem(f"{getattr(exc, 'problem', exc)}{where}")
    except UnicodeDecodeError as exc:
        return problem(str(exc), msg("utf8_text"))
    except ValueError as exc:  # the date constructor: 2024-02-30 reads as a date that does not exist
        return problem(str(exc), msg("dates_exist"))
    except RecursionError:
        return problem("nesting too deep", msg("flat_mapping"))


def _expanded_size(value, limit: int = MAX_EXPANDED) -> int | None:
    """How many values ``value`` holds with shared parts counted each time they appear (stops
    counting past ``limit``); None when a part contains itself. Linear in the distinct parts."""
    memo: dict[int, int] = {}
    on_path: set[int] = set()

    def size(v) -> int | None:
        if not isinstance(v, (list, dict)):
            return 1
        key = id(v)
        if key in memo:
            return memo[key]
        if key in on_path:
            return None
        on_path.add(key)
        total = 1
        for child in (v.values() if isinstance(v, dict) else v):
            n = size(child)
            if n is None:
                return None
            total = min(total + n, limit + 1)
        on_path.discard(key)
        memo[key] = total
        return total

    return size(value)


@dataclass(frozen=True)
class YamlFolder:
    """``<root>/ceremonies/*.yaml``, one report per file."""

    root: Path

    def reports(self, only: set[str] | None = None) -> list[RawReport]:
        """Every file's report, or only those of the file names in ``only``."""
        folder = Path(self.root) / "ceremonies"
        if not folder.is_dir():
            raise PetaError.single("PETA_DATA_DIR", str(self.root), msg("data_folder"))
        out, problems = [], []
        for path in sorted(folder.glob("*.y*ml")):
            if only is not None and path.name not in only:
                continue
            data, problem = _read_yaml(path)
            if problem:
                problems.append(problem)
            elif not isinstance(data, dict):
                problems.append(Problem(field="(file)", value=type(data).__name__, file=path.name,
                                        want=msg("record_mapping")))
            else:
                out.append(RawReport(path.name, data))
        if problems:
            raise PetaError(problems, summary=msg("unreadable_files", n=len(problems), folder=folder))
        return out


# The origin an election added or corrected in the app has in messages (seeded ones keep their file's name).
APP_CALENDAR_ORIGIN = "kalender"


def load_text(text: str) -> Any:
    """YAML text as stored in the database (safe loader, libyaml when available)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - safe loader


def stored_election(origin: str, text: str) -> RawReport:
    """A calendar row of the store as the loader reads it: a seeded entry keeps its file's name
    as origin (messages read as they did with the file), one added in the app is "kalender"."""
    return RawReport(origin[5:] if origin.startswith("file:") else APP_CALENDAR_ORIGIN, load_text(text))


def read_calendar(root: Path) -> list[RawReport]:
    path = Path(root) / "elections.yaml"
    if not path.is_file():
        raise PetaError.single("elections.yaml", str(path), msg("calendar_file"))
    data, problem = _read_yaml(path)
    if problem:
        raise PetaError(problem)
    if not isinstance(data, list):
        raise PetaError.single("(file)", type(data).__name__, msg("calendar_list"), file=path.name)
    return [RawReport(path.name, e if isinstance(e, dict) else {"(entry)": e}) for e in data]
