"""Load → validate → merge → tidy tables.

Reports with the same ``id`` are one ceremony. Two reports with the same region
and date *are* the same ceremony, so they must carry the same id (an error
otherwise), and reports sharing an id must agree on region and on the date of
those that state one (an article that gives no day joins the others). When
reports disagree on a fact (venue, leader, a signatory count, a readiness
figure), the merged value is left empty and the disagreement is listed in
``Records.conflicts`` with each value and the file that gave it; nothing is
silently picked.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import PetaError, Problem, msg
from ..regions import Gazetteer
from .read import RawReport, ReportSource, YamlFolder, read_calendar
from .validate import validate_calendar, validate_report


class Derived:
    """What is computed from loaded tables and kept with them: the tables never change once
    loaded, so neither does this, and it goes when they go (a new data version). Each entry has
    a name and a bound; nothing else is kept:

    - ``index(key, build)``: metrics' ceremony index per (election, as-of date), at most
      :data:`MAX_INDEXES`, then all dropped (a session stepping through many dates);
    - ``recent(key, build)``: metrics' coverage per view, the last :data:`MAX_RECENT` asked
      (the Peta page's own view and its record across elections count the same election twice);
    - ``once(name, build)``: one value per name: the binding kinds and the groups that all signed
      (``binding_groups``), each election's ceremony rows (``election_rows:<id>``, positions), a
      hash index over the ceremony ids (``ceremony_index``). Nothing kept here holds Python
      objects per ceremony: with 150,000 reports each such table held tens of MiB.

    Sessions share it. Two threads may build one entry at once; the results are equal and one is
    kept, so no lock is held while building.

    Keys of ``index`` and ``recent`` begin with an election id: what they hold is computed from
    that election's ceremonies alone, so tables changed by a save keep the entries of every
    election the save did not touch (:meth:`carried`, issue 39 §2: a save of a Pilkada ceremony
    no longer recounts Pemilu 2024 for every region's record across elections). The entries of the
    elections a save did touch, and ``once`` entries asked with an ``update``, are carried *stale*
    with the :class:`Change`: the first to ask brings the old value up to date by what the change
    touched (``update(old, changes)``) instead of building it from every ceremony again. Other
    ``once`` entries (row positions, whole-table lookups) are never carried."""

    MAX_INDEXES = 32
    MAX_RECENT = 8
    MAX_CHANGES = 16  # changes a stale entry is carried through before it is dropped
    # stale entries kept at once, the newest made: a national index holds every ceremony id of its
    # election (tens of MiB at 150,000 reports), and only the views being looked at are asked again
    MAX_STALE = 4

    def __init__(self) -> None:
        self._indexes: dict = {}
        self._once: dict = {}
        self._recent: dict = {}
        # ("index", key) or ("once", name) -> (a value of tables before, the changes since, in order)
        self._stale: dict = {}

    def _bring_up(self, where: str, key, update):
        """The stale value kept under (where, key) brought up to date, or None when there is none
        (or no ``update`` to bring it with)."""
        stale = self._stale.pop((where, key), None)
        if stale is None or update is None:
            return None
        return update(*stale)

    def index(self, key, build, update=None):
        """``update(old, changes)``: the value of tables before, brought up to these (see the class)."""
        got = self._indexes.get(key)
        if got is None:
            if len(self._indexes) > self.MAX_INDEXES:
                self._indexes = {}
            got = self._bring_up("index", key, update)
            got = self._indexes.setdefault(key, got if got is not None else build())
        return got

    def recent(self, key, build):
        """A value kept for the last :data:`MAX_RECENT` keys asked (the least recently asked goes
        first): results as large as a national coverage, asked again within one page run."""
        got = self._recent.pop(key, None)
        if got is None:
            got = build()
        self._recent[key] = got  # dicts keep insertion order: the newest is last
        while len(self._recent) > self.MAX_RECENT:
            self._recent.pop(next(iter(self._recent)), None)
        return got

    def carried(self, changed_elections: set[str], change: "Change | None" = None) -> "Derived":
        """A new Derived for tables changed only in ``changed_elections``' ceremonies, holding this
        one's per-election entries of every other election; with ``change``, this one's entries of
        the changed elections and its ``binding_groups`` too, stale (see the class)."""
        new = Derived()
        new._indexes = {k: v for k, v in list(self._indexes.items()) if k[0] not in changed_elections}
        new._recent = {k: v for k, v in list(self._recent.items()) if k[0] not in changed_elections}
        if change is None:
            return new
        stale = {("index", k): (v, []) for k, v in list(self._indexes.items()) if k[0] in changed_elections}
        if "binding_groups" in self._once:
            stale[("once", "binding_groups")] = (self._once["binding_groups"], [])
        # entries never asked since an earlier change stay stale with this change after that one (a
        # change that does not concern an entry's election leaves it as it is when brought up)
        stale.update(self._stale)
        # bounded: an entry nobody asked for over many saves is built afresh when asked (its changes
        # would outweigh it), and only the newest few indexes are kept (MAX_STALE)
        kept = {k: (v, [*changes, change]) for k, (v, changes) in stale.items() if len(changes) < self.MAX_CHANGES}
        indexes = [k for k in kept if k[0] == "index"]
        for k in indexes[:-self.MAX_STALE]:
            del kept[k]
        new._stale = kept
        return new

    def once(self, name: str, build, update=None):
        got = self._once.get(name)
        if got is None:
            got = self._bring_up("once", name, update)
            got = self._once.setdefault(name, got if got is not None else build())
        return got


@dataclass(frozen=True)
class Change:
    """What one incremental load changed (``records.incremental.apply``): the ceremonies it
    touched, their rows before (``gone``: rows of ``ceremonies``; a new ceremony has none) and the
    tables of the same ceremonies now (``part``: every table, built from their reports; a withdrawn
    ceremony has no rows there)."""

    touched: frozenset
    gone: pd.DataFrame
    part: "Records"


def election_of(calendar: pd.DataFrame, election_id: str) -> pd.Series:
    """One election's row of the calendar table (refused, naming the valid ids, when unknown)."""
    cal = calendar.set_index("id")
    if election_id not in cal.index:
        raise PetaError.single("election", election_id, msg("one_of", options=list(cal.index)))
    return cal.loc[election_id]


def election_day(calendar: pd.DataFrame, election_id: str) -> dt.date | None:
    """The voting day, or None for a planned election whose day is not set yet (only its year)."""
    day = election_of(calendar, election_id)["date"]
    return None if pd.isna(day) else day.date()


@dataclass(frozen=True)
class Records:
    """Tidy tables, one row per fact; every fact row carries the ceremony id and
    the ids of the sources that state it."""

    ceremonies: pd.DataFrame   # one row per ceremony
    elections: pd.DataFrame    # ceremony × election
    kinds: pd.DataFrame        # ceremony × kind
    signatories: pd.DataFrame  # ceremony × signatory group
    witnesses: pd.DataFrame    # ceremony × witnessing body
    commitments: pd.DataFrame  # ceremony × commitment (category, text)
    readiness: pd.DataFrame    # reported readiness figures
    sources: pd.DataFrame      # one row per source
    conflicts: pd.DataFrame    # facts the reports disagree on
    calendar: pd.DataFrame     # the elections
    # what is computed from these tables and kept with them (see Derived)
    derived: "Derived" = field(default_factory=lambda: Derived(), compare=False, repr=False)

    def election(self, election_id: str) -> pd.Series:
        return election_of(self.calendar, election_id)

    def election_day(self, election_id: str) -> dt.date | None:
        """The voting day, or None for a planned election whose day is not set yet (only its year)."""
        return election_day(self.calendar, election_id)

    def election_regions(self, election_id: str) -> list[str] | None:
        """The region codes that hold an election, or None when it is held everywhere."""
        regions = self.election(election_id)["regions"]
        return list(regions) if isinstance(regions, (list, tuple)) and regions else None

    def for_election(self, election_id: str) -> pd.DataFrame:
        """The ceremonies concerning one election (their row positions are kept in ``derived``: a
        view asks several times, and finding them among 150,000 costs ~0.06 s each time)."""
        self.election(election_id)

        def rows():
            ids = self.elections.loc[self.elections["election_id"] == election_id, "ceremony_id"]
            return np.flatnonzero(self.ceremonies["id"].isin(ids).to_numpy())

        return self.ceremonies.iloc[self.derived.once(f"election_rows:{election_id}", rows)]

    def positions(self, ids) -> np.ndarray:
        """Row positions in ``ceremonies`` of these ceremony ids (-1 for an id not loaded), by a
        hash index over the ids built once per loaded tables (a few MiB at 150,000 ceremonies)."""
        index = self.derived.once("ceremony_index", lambda: pd.Index(self.ceremonies["id"]))
        return index.get_indexer(list(ids))

    def rows_of(self, table: str, ids) -> pd.DataFrame:
        """The rows of ``table`` (one keyed by ``ceremony_id``) of these ceremonies, in the table's
        order. Found by binary search: every such table lists ceremonies in id order, each one's
        rows together (``build_tables``, ``incremental.apply``), so a panel of a dozen ceremonies
        does not compare each of 300,000 rows (``isin``: ~10 ms a table at 150,000 reports)."""
        frame = getattr(self, table)
        keys = frame["ceremony_id"].to_numpy()
        wanted = sorted(set(ids))
        starts = np.searchsorted(keys, wanted, side="left")
        ends = np.searchsorted(keys, wanted, side="right")
        rows = [r for a, b in zip(starts, ends) for r in range(a, b)]
        return frame.iloc[rows]

    def table_names(self) -> list[str]:
        return [f.name for f in fields(self) if f.name != "derived"]


COLUMNS = {
    "ceremonies": ["id", "region_code", "region_level", "region_name", "date", "date_status",
                   "date_note", "venue", "leader_name", "leader_role", "notes", "files"],
    "elections": ["ceremony_id", "election_id"],
    "kinds": ["ceremony_id", "kind"],
    "signatories": ["ceremony_id", "group", "count", "all", "note", "source_ids"],
    "witnesses": ["ceremony_id", "body"],
    "commitments": ["ceremony_id", "category", "text", "source_ids"],
    "readiness": ["ceremony_id", "region_code", "measure", "percent", "as_of", "source_ids"],
    "sources": ["source_id", "ceremony_id", "outlet", "title", "url", "published", "archive", "note", "file"],
    "conflicts": ["ceremony_id", "field", "values", "files"],
    "calendar": ["id", "name", "name_en", "date", "year", "note", "regions", "part_of", "kind", "sources"],
}


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    if name == "signatories":
        frame["count"] = frame["count"].astype("Int64")  # counts are whole numbers or unknown
        frame["all"] = frame["all"].astype(bool)
    return frame


def _check_identity(reports: list[RawReport]) -> list[Problem]:
    """Same id ⇔ same region and date (for dated reports)."""
    problems = []
    by_id: dict[str, list[RawReport]] = defaultdict(list)
    by_place_day: dict[tuple, set[str]] = defaultdict(set)
    for r in reports:
        by_id[r.data["id"]].append(r)
        if r.data.get("date") is not None:
            by_place_day[(r.data["region"], r.data["date"])].add(r.data["id"])
    for rid, group in by_id.items():
        first = group[0]
        # an article that does not state the day (date: null, with its reason) does not contradict
        # one that does: the dated reports of an id agree with each other, the undated join them
        dated = next((r for r in group if r.data.get("date") is not None), None)
        for other in group[1:]:
            if other.data.get("region") != first.data.get("region"):
                problems.append(Problem(
                    field="region", value=other.data.get("region"), file=other.origin, record=rid,
                    want=msg("same_as", value=first.data.get("region"), where=first.origin)))
        for other in group:
            if other is not dated and other.data.get("date") is not None and other.data["date"] != dated.data["date"]:
                problems.append(Problem(
                    field="date", value=other.data.get("date"), file=other.origin, record=rid,
                    want=msg("same_as", value=dated.data["date"], where=dated.origin)))
    for (region, day), ids in by_place_day.items():
        if len(ids) > 1:  # the files from the index by id: scanning every report per clash was quadratic
            files = [r.origin for rid in sorted(ids) for r in by_id[rid]]
            problems.append(Problem(
                field="id", value=sorted(ids), file=", ".join(files), record=None,
                want=msg("same_place_day", region=region, day=day)))
    return problems


def _merge_scalar(cid: str, field: str, pairs: list[tuple[object, str]], conflicts: list[dict]):
    """The one value the reports agree on, or None and a conflict row."""
    given = [(v, f) for v, f in pairs if v is not None]
    if len(given) < 2:  # the common case (one report per ceremony): nothing to compare
        return given[0][0] if given else None
    distinct = list(dict.fromkeys(repr(v) for v, _ in given))
    if len(distinct) > 1:
        conflicts.append({"ceremony_id": cid, "field": field,
                          "values": [v for v, _ in given], "files": [f for _, f in given]})
        return None
    return given[0][0] if given else None


def build_tables(reports: list[RawReport], gazetteer: Gazetteer, calendar: list[RawReport]) -> Records:
    # Words from a closed list (kinds, elections, groups, bodies, categories, measures) and the
    # outlets and roles that repeat are kept as one string object each: every report read brings
    # its own copy, and 150,000 reports hold over a million of them (~60 bytes apiece).
    shared: dict = {}

    def one(value):
        return shared.setdefault(value, value) if isinstance(value, str) else value

    groups: dict[str, list[RawReport]] = defaultdict(list)
    for r in reports:
        groups[r.data["id"]].append(r)
    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for cid in sorted(groups):
        group = groups[cid]
        head = group[0].data
        conflicts = rows["conflicts"]
        src_ids: dict[str, list[str]] = {}
        for r in group:
            ids = []
            for i, s in enumerate(r.data["sources"]):
                sid = f"{Path(r.origin).stem}#{i + 1}"
                ids.append(sid)
                rows["sources"].append({"source_id": sid, "ceremony_id": cid, "file": r.origin,
                                        "outlet": one(s.get("outlet")),
                                        **{k: s.get(k) for k in ("title", "url", "published", "archive", "note")}})
            src_ids[r.origin] = ids

        def scalar(field, getter):
            return _merge_scalar(cid, field, [(getter(r.data), r.origin) for r in group], conflicts)

        # the day the dated reports state (they agree: _check_identity); an undated report adds none
        dated = [r for r in group if r.data.get("date") is not None]
        date = dated[0].data["date"] if dated else None
        inferred = _merge_scalar(cid, "date_inferred", [(r.data.get("date_inferred"), r.origin) for r in dated],
                                 conflicts)
        unknown = None if dated else scalar("date_unknown_reason", lambda d: d.get("date_unknown_reason"))
        status = "unknown" if date is None else ("year_inferred" if inferred else "stated")
        note = unknown if date is None else (
            f"{inferred['stated']} → {date.isoformat()}: {inferred['how']}" if inferred else None)
        leader = lambda d: d.get("leader") or {}  # noqa: E731
        region = gazetteer.get(head["region"])
        rows["ceremonies"].append({
            "id": cid, "region_code": region.code, "region_level": region.level,
            "region_name": region.label, "date": pd.Timestamp(date) if date else pd.NaT,
            "date_status": status, "date_note": note,
            "venue": scalar("venue", lambda d: d.get("venue")),
            "leader_name": scalar("leader.name", lambda d: leader(d).get("name")),
            "leader_role": one(scalar("leader.role", lambda d: leader(d).get("role"))),
            "notes": " ".join(r.data["notes"] for r in group if r.data.get("notes")) or None,
            "files": [r.origin for r in group],
        })
        for key, table, col in (("elections", "elections", "election_id"), ("kinds", "kinds", "kind"),
                                ("witnesses", "witnesses", "body")):
            for value in dict.fromkeys(v for r in group for v in (r.data.get(key) or [])):
                rows[table].append({"ceremony_id": cid, col: one(value)})

        by_group: dict[str, list[tuple[dict, str]]] = defaultdict(list)
        for r in group:
            for s in r.data.get("signatories") or []:
                by_group[s["group"]].append((s, r.origin))
        for g, entries in by_group.items():
            count = _merge_scalar(cid, f"signatories[{g}].count",
                                  [(s.get("count"), f) for s, f in entries], conflicts)
            rows["signatories"].append({
                "ceremony_id": cid, "group": one(g), "count": count,
                "all": any(s.get("all") for s, _ in entries),
                "note": " ".join(s["note"] for s, _ in entries if s.get("note")) or None,
                "source_ids": [i for _, f in entries for i in src_ids[f]]})

        for r in group:
            for m in r.data.get("commitments") or []:
                rows["commitments"].append({"ceremony_id": cid, "category": one(m["category"]),
                                            "text": m["text"], "source_ids": src_ids[r.origin]})
        figures: dict[tuple, list[tuple[float, str]]] = defaultdict(list)
        for r in group:
            for x in r.data.get("readiness") or []:
                figures[(x["measure"], x["as_of"])].append((float(x["percent"]), r.origin))
        for (measure, as_of), vals in figures.items():
            pct = _merge_scalar(cid, f"readiness[{measure} @ {as_of}].percent", vals, conflicts)
            if pct is not None:
                rows["readiness"].append({
                    "ceremony_id": cid, "region_code": region.code, "measure": one(measure), "percent": pct,
                    "as_of": pd.Timestamp(as_of),
                    "source_ids": [i for _, f in vals for i in src_ids[f]]})

    for e in calendar:
        rows["calendar"].append({"id": e.data["id"], "name": e.data["name"],
                                 "name_en": e.data.get("name_en") or e.data["name"],
                                 "date": pd.Timestamp(e.data["date"]) if e.data.get("date") else pd.NaT,
                                 "year": e.data["date"].year if e.data.get("date") else e.data.get("year"),
                                 "note": e.data.get("note"),
                                 "regions": e.data.get("regions"), "part_of": e.data.get("part_of"),
                                 "kind": e.data.get("kind"), "sources": e.data.get("sources") or []})
    return Records(**{name: _frame(name, r) for name, r in rows.items()})


def election_regions(calendar: list[RawReport]) -> dict[str, list[str] | None]:
    """Election id -> the region codes holding it (None: held everywhere), for validation."""
    return {e.data.get("id"): (e.data.get("regions") or None) for e in calendar}


def load_records(source: ReportSource, gazetteer: Gazetteer, calendar: list[RawReport]) -> Records:
    """The one loader: every problem in one PetaError, else complete tables."""
    problems: list[Problem] = []
    validate_calendar(calendar, problems, gazetteer)
    election_ids = election_regions(calendar)
    reports = list(source.reports())
    for r in reports:
        validate_report(r, gazetteer, election_ids, problems)
    if not problems:
        problems += _check_identity(reports)
    if problems:
        raise PetaError(problems, summary=msg("records_refused", n=len(problems)))
    return build_tables(reports, gazetteer, calendar)


def load_folder(root: Path, gazetteer: Gazetteer) -> Records:
    return load_records(YamlFolder(Path(root)), gazetteer, read_calendar(Path(root)))
