"""The one domain error type.

Every problem a user can cause (a bad record, an unknown region, a corrupted
boundary file, a wrong command-line option) is raised as :class:`PetaError`.
It carries one or more :class:`Problem` rows, each naming the file, the record,
the field, the value found and what would have been valid, so the UI can catch
it once and show it, and the CLI can print it and exit non-zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as we can."""

    field: str
    value: Any
    expected: str
    file: str | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.record:
            where.append(f"record {self.record!r}")
        where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: found {self.value!r}; {self.expected}"


class PetaError(Exception):
    """A problem with the user's data, settings or request (never a bug)."""

    def __init__(self, problems: Iterable[Problem] | Problem, summary: str | None = None):
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("PetaError needs at least one problem")
        self.summary = summary or (
            "1 problem found" if len(self.problems) == 1 else f"{len(self.problems)} problems found"
        )
        super().__init__(self.message)

    @classmethod
    def single(cls, field: str, value: Any, expected: str, *, file: str | None = None,
               record: str | None = None, summary: str | None = None) -> "PetaError":
        return cls(Problem(field=field, value=value, expected=expected, file=file, record=record), summary)

    @property
    def message(self) -> str:
        lines = [self.summary + ":"] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [asdict(p) for p in self.problems]
