"""Loaded tables brought up to date by what changed, without loading the rest again (issue 26).

A server holds a :class:`Loaded`: the tables and the last change of the store they include. When
the store moves on, the ceremonies the new changes touch are found (the ceremony a changed report
belonged to, from the tables' ``files``, and the one it belongs to now), their reports, and only
theirs, are read and checked like any report, and those ceremonies are built again and put in
place of their old rows. No report is kept as a Python object between loads: the tables are all
a server holds. The result is the same tables a full load of the same store gives, row for row
(``tests/test_incremental.py`` checks that on generated sequences of creates, edits, merges and
withdrawals).

What it cannot follow, it does not guess: :func:`apply` returns None (and the caller loads
everything again, which names any problem the way it always does) when a touched report does not
pass the checks, when a touched ceremony now shares its place and day with another, or when the
changes themselves cannot be accounted for (see ``context.refresh``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import Problem
from ..regions import Gazetteer
from .read import RawReport
from .tables import COLUMNS, Change, Records, _check_identity, build_tables, election_regions
from .validate import validate_report


@dataclass(frozen=True)
class Loaded:
    """The tables a server shows, and how far into the store's changes they go."""

    records: Records
    last_change: int  # the newest change included
    n_changes: int  # how many changes the store had then (a change committed late below last_change shows here)
    saved_at: float = 0.0  # when these tables, or ones before them, were last written as the store's latest snapshot


def _key(table: str) -> str:
    return "id" if table == "ceremonies" else "ceremony_id"


def ceremonies_of(records: Records, report_names: set[str]) -> set[str]:
    """The ceremonies the named reports (as the loader names them: a file, ``db-<n>``) are part of.
    Read from the sources table, one vectorised pick: every loaded report has at least one source
    (the checks require it), each row naming its report's file."""
    s = records.sources
    return set(s.loc[s["file"].isin(report_names), "ceremony_id"])


def _merged_order(kept: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Row positions in ``concat(kept, new)`` listing both by key, where both are in key order and
    share no key (a rebuilt ceremony's rows were taken out of the kept ones). Each new row is placed
    by a binary search among the kept keys (string comparisons: ``log n`` each) and the positions
    are ordered as numbers: sorting every row's string key again took 0.1 s with 150,000 reports."""
    at = np.searchsorted(kept, new).astype("float64")
    # just before the kept row it goes in front of, new rows that go in at one place in build order
    at += np.arange(1, len(new) + 1) / (len(new) + 1) - 1
    return np.argsort(np.concatenate([np.arange(len(kept), dtype="float64"), at]), kind="stable")


def apply(loaded: Loaded, touched: set[str], reports: list[RawReport], gazetteer: Gazetteer,
          calendar: list[RawReport], last_change: int, n_changes: int) -> Loaded | None:
    """``loaded`` with the ceremonies ``touched`` built again from ``reports`` (every active report
    that now has one of those ids, in the store's order); None when that cannot be done safely."""
    problems: list[Problem] = []
    elections = election_regions(calendar)
    for r in reports:
        validate_report(r, gazetteer, elections, problems)
    if problems or _check_identity(reports):
        return None
    if any(r.data["id"] not in touched for r in reports):
        return None  # a report outside what was asked for: the caller's view of the store is off
    part = build_tables(reports, gazetteer, [])
    old = loaded.records.ceremonies
    kept = old[~old["id"].isin(touched)]
    # one place and day, one ceremony: checked across the ceremonies kept and the ones rebuilt
    # (only the kept ones in the rebuilt ones' regions are looked at: all 150,000 took 0.45 s)
    rebuilt = part.ceremonies[part.ceremonies["date"].notna()]
    if len(rebuilt) and len(kept):
        near = kept[kept["region_code"].isin(set(rebuilt["region_code"])) & kept["date"].notna()]
        if set(zip(near["region_code"], near["date"])) & set(zip(rebuilt["region_code"], rebuilt["date"])):
            return None

    tables = {}
    for name in COLUMNS:
        if name == "calendar":
            tables[name] = loaded.records.calendar
            continue
        current = getattr(loaded.records, name)
        hit = current[_key(name)].isin(touched).to_numpy()
        new = getattr(part, name)
        if not hit.any() and not len(new):  # a table the change has no row in: kept, not copied
            tables[name] = current
            continue
        rest = current[~hit]
        pieces = [f for f in (rest, new) if len(f)]
        if not pieces:
            tables[name] = new
        elif len(pieces) == 1:
            tables[name] = pieces[0].reset_index(drop=True)
        else:
            merged = pd.concat(pieces, ignore_index=True)
            # the full build lists ceremonies in id order, each one's rows together: the rebuilt
            # rows go in where their ids fall among the kept ones, in the order they were built
            order = _merged_order(rest[_key(name)].to_numpy(), new[_key(name)].to_numpy())
            tables[name] = merged.take(order).reset_index(drop=True)
            for column, dtype in current.dtypes.items():  # concat may widen a column; a full build would not
                if tables[name][column].dtype != dtype:
                    tables[name][column] = tables[name][column].astype(dtype)
    # what was counted for elections none of the touched ceremonies concerns (before or after the
    # change) stays valid: the views of those elections are not counted again (issue 39 §2)
    el = loaded.records.elections
    changed = set(el.loc[el["ceremony_id"].isin(touched), "election_id"]) | set(part.elections["election_id"])
    # and what was counted for the elections it does touch is brought up to date by this change
    # when next asked, rather than counted again from every ceremony (metrics._Index.updated)
    change = Change(frozenset(touched), old[old["id"].isin(touched)], part)
    return Loaded(Records(**tables, derived=loaded.records.derived.carried(changed, change)), last_change,
                  n_changes, loaded.saved_at)
