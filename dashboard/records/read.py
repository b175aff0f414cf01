"""Reading raw reports: the seam between storage and the rest of the loader.

A *report* is what one file (or, later, one database row set) says about one
ceremony. Anything that can yield :class:`RawReport` objects can feed the
loader: :class:`YamlFolder` reads the curated files in ``data/ceremonies``; a
database-backed store implements the same ``reports()`` method. Each file is read,
within its bounds, by :func:`dashboard.io.yaml_files.read_yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Protocol

import yaml

from ..errors import PetaError, Problem, msg
from ..io.yaml_files import LOADER, read_yaml


@dataclass(frozen=True)
class RawReport:
    origin: str  # where it came from, as shown in error messages (e.g. a file name)
    data: dict[str, Any]


class ReportSource(Protocol):
    def reports(self) -> Iterable[RawReport]: ...


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
            data, problem = read_yaml(path)
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
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - safe loader


def stored_election(origin: str, text: str) -> RawReport:
    """A calendar row of the store as the loader reads it: a seeded entry keeps its file's name
    as origin (messages read as they did with the file), one added in the app is "kalender"."""
    return RawReport(origin[5:] if origin.startswith("file:") else APP_CALENDAR_ORIGIN, load_text(text))


def read_calendar(root: Path) -> list[RawReport]:
    path = Path(root) / "elections.yaml"
    if not path.is_file():
        raise PetaError.single("elections.yaml", str(path), msg("calendar_file"))
    data, problem = read_yaml(path)
    if problem:
        raise PetaError(problem)
    if not isinstance(data, list):
        raise PetaError.single("(file)", type(data).__name__, msg("calendar_list"), file=path.name)
    return [RawReport(path.name, e if isinstance(e, dict) else {"(entry)": e}) for e in data]
