"""The one domain error type.

Every problem a user can cause (a bad record, an unknown region, a corrupted
boundary file, a wrong command-line option) is raised as :class:`PetaError`.
It carries one or more :class:`Problem` rows, each naming the file, the record,
the field, the value found and what would have been valid, so the UI can catch
it once and show it, and the CLI can print it and exit non-zero.

*What would have been valid* and the error's summary are :class:`Msg` values: a code of
:data:`dashboard.i18n_problems.PROBLEMS` and its parameters, worded in either language by
:func:`dashboard.i18n.say` when shown. ``str()`` of either is its English wording (the CLI and
the logs read that); nothing is ever translated back from English.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from typing import Any, Iterable


@dataclass(frozen=True)
class Msg:
    """A sentence by code and parameters. Parameters may be lists (joined with ", ") or other
    :class:`Msg` (worded in the same language)."""

    code: str
    params: dict[str, Any] = dc_field(default_factory=dict, hash=False, compare=True)

    def __post_init__(self) -> None:
        from .i18n_problems import PROBLEMS

        if self.code not in PROBLEMS:  # a programming error: every code is worded in both languages
            raise KeyError(f"no wording for problem code {self.code!r}")

    def text(self, lang: str = "en") -> str:
        from .i18n import say

        return say(self, lang)

    def __str__(self) -> str:
        return self.text("en")

    def to_json(self) -> dict:
        """Plain data (a draft keeps its notes so, in the store): worded when it is shown, in the
        language of whoever reads it."""
        return {"code": self.code, "params": {k: v.to_json() if isinstance(v, Msg) else v
                                              for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "Msg":
        def value(v):
            return cls.from_json(v) if isinstance(v, dict) and set(v) == {"code", "params"} else v

        return cls(data["code"], {k: value(v) for k, v in (data.get("params") or {}).items()})


def said(note, lang: str = "id") -> str:
    """A stored note in ``lang``: a Msg's plain data, or text kept as written (drafts queued before
    notes were codes hold Indonesian text)."""
    if isinstance(note, Msg):
        return note.text(lang)
    if isinstance(note, dict) and "code" in note:
        return Msg.from_json(note).text(lang)
    return str(note)


def msg(code: str, /, **params: Any) -> Msg:
    return Msg(code, params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as we can. ``want``: what would have been valid."""

    field: str
    value: Any
    want: Msg
    file: str | None = None
    record: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.want, Msg):
            raise TypeError(f"Problem.want must be a Msg, not {type(self.want).__name__}: {self.want!r}")

    @property
    def expected(self) -> str:
        """What would have been valid, in English."""
        return str(self.want)

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.record:
            where.append(f"record {self.record!r}")
        where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: found {self.value!r}; {self.expected}"

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "expected": self.expected, "code": self.want.code,
                "file": self.file, "record": self.record}


class PetaError(Exception):
    """A problem with the user's data, settings or request (never a bug)."""

    def __init__(self, problems: Iterable[Problem] | Problem, summary: Msg | None = None):
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("PetaError needs at least one problem")
        if summary is not None and not isinstance(summary, Msg):
            raise TypeError(f"PetaError summary must be a Msg: {summary!r}")
        self.summary_msg: Msg = summary or msg("n_problems", n=len(self.problems))
        super().__init__(self.message)

    @property
    def summary(self) -> str:
        return str(self.summary_msg)

    @classmethod
    def single(cls, field: str, value: Any, want: Msg, *, file: str | None = None,
               record: str | None = None, summary: Msg | None = None) -> "PetaError":
        return cls(Problem(field=field, value=value, want=want, file=file, record=record), summary)

    @property
    def message(self) -> str:
        lines = [self.summary + ":"] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [p.as_dict() for p in self.problems]
