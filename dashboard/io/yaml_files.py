"""Reading a YAML file people wrote (a curated ceremony record, the election calendar), safely: a
file too big, an alias bomb, a date that does not exist or nesting too deep is a Problem naming the
file, never a crash or a hang."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, msg

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same safe constructors

MAX_FILE_BYTES = 1024 * 1024  # a record file is a few KB; a bigger one is a mistake (or an attack)
MAX_EXPANDED = 100_000        # values in a record once its aliases are expanded (a record has ~100)
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s,\]}]")


def read_yaml(path: Path) -> tuple[Any, Problem | None]:
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
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - safe loader
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
