"""How a report is kept in a database row: its YAML text (what people read in the history) and
the JSON twin of that text (``reports.parsed``), read ~20x faster at start-up."""

from __future__ import annotations

import datetime as dt
import json
import math

import yaml

# libyaml's emitter when PyYAML was built with it: the pure-Python one analyses each scalar a
# character at a time (an import of 2,000 rows with long cells spent 58 of its 66 s writing YAML).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


# libyaml's loader when PyYAML was built with it (the wheels are): the same safe constructors,
# ~10x faster, which is most of a national store's start-up (20,000 reports parsed on load).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> dict:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


# The JSON twin of a report's YAML (``reports.parsed``): JSON has no dates, so a date is written
# as {"$d": "2024-02-14"} and a timestamp as {"$t": "..."}. Anything JSON cannot carry exactly
# (a non-text key, bytes, NaN, a mapping that itself looks like a tag) leaves the twin empty and
# the YAML is read instead: the twin is a shortcut, never a second meaning.
_TAGS = {"$d": dt.date.fromisoformat, "$t": dt.datetime.fromisoformat}


class _NotExact(Exception):
    pass


def _plain(value):
    if isinstance(value, dict):
        if any(not isinstance(k, str) for k in value) or (len(value) == 1 and next(iter(value)) in _TAGS):
            raise _NotExact
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, float) and not math.isfinite(value):
        raise _NotExact
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise _NotExact


def to_json(data) -> str | None:
    """``data`` as tagged JSON, or None when JSON cannot hold it exactly."""
    try:
        return json.dumps(_plain(data), ensure_ascii=False, separators=(",", ":"))
    except (_NotExact, RecursionError):
        return None


def _untag(obj: dict):
    if len(obj) == 1:
        (key, value), = obj.items()
        if key in _TAGS:
            return _TAGS[key](value)
    return obj


def row_data(yaml_text: str, parsed: str | None) -> dict:
    """A stored report's mapping: from its JSON twin when there is one, else from its YAML."""
    if parsed is not None:
        return json.loads(parsed, object_hook=_untag)
    return load(yaml_text)


SEEDED = "file:"  # the origin of a report seeded from a curated file: file:<name>


def report_name(report_id: int, origin: str | None = None) -> str:
    """How the loader and every message name a stored report: a seeded file by its file name (so
    source ids and messages read as they do with the files), any other report as ``db-<id>``."""
    return origin[len(SEEDED):] if origin and origin.startswith(SEEDED) else f"db-{report_id}"
