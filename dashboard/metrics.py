"""Coverage, readiness and timeline: plain functions over :class:`Records`.

Rules (also in the README):

* A ceremony counts for an election when the election is among its elections,
  and for an as-of date when it has a date on or before it. Undated ceremonies
  are never placed on a date: they are listed apart (``undated_ids``) and do not
  count toward coverage.
* A unit is **covered** when a ceremony was held for the unit itself; covered at
  **leadership** level when a ceremony of a region above it was signed by *every*
  leader of units like it (``all: true``): camat for kecamatan, kepala desa or
  perangkat desa for a desa, lurah for a kelurahan, the kepala daerah for a
  kabupaten/kota; otherwise **not covered**.
* For provinsi and kabupaten/kota units, the map and the share use their
  kecamatan: the share of kecamatan covered (either way), rolled up by code,
  never by spatial overlap.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from .records.tables import Records
from .records.vocab import COMMITMENT_CATEGORIES, LEADERS
from .regions import Gazetteer, Region

COVERED, LEADERSHIP, NONE = "covered", "leadership", "none"
STATES = (COVERED, LEADERSHIP, NONE)
AGGREGATE_LEVELS = ("provinsi", "kabupaten/kota")


def default_as_of(election_day: dt.date, today: dt.date | None = None) -> dt.date:
    """Election day once it has passed, else today."""
    today = today or dt.date.today()
    return election_day if today >= election_day else today


def countdown(election_day: dt.date, on: dt.date) -> tuple[int, str]:
    """(days before the election, label): ``H-13``, ``H`` on the day, ``H+5`` after."""
    days = (election_day - on).days
    return days, ("H" if days == 0 else f"H-{days}" if days > 0 else f"H+{-days}")


def _leader_kind(region: Region) -> str:
    if region.level == "desa/kelurahan":
        return "kelurahan" if region.is_kelurahan else "desa"
    return region.level


def _by_key(keys, values) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for k, v in zip(keys, values):
        out[k].append(v)
    return out


class _Index:
    """The ceremonies of one election up to one date, indexed for unit lookups."""

    def __init__(self, records: Records, election_id: str, as_of: dt.date | None):
        cer = records.for_election(election_id)
        dated = cer[cer["date"].notna()]
        if as_of is not None:
            dated = dated[dated["date"] <= pd.Timestamp(as_of)]
        self.undated = cer[cer["date"].isna()]
        self.direct = _by_key(dated["region_code"], dated["id"])
        self.direct_undated = _by_key(self.undated["region_code"], self.undated["id"])
        sig = records.signatories[records.signatories["all"]]
        groups: dict[str, set] = defaultdict(set)
        for cid, group in zip(sig["ceremony_id"], sig["group"]):
            groups[cid].add(group)
        # region -> [(ceremony id, groups signed by all, dated?)]
        self.lead: dict[str, list[tuple[str, set, bool]]] = defaultdict(list)
        for frame, is_dated in ((dated, True), (self.undated, False)):
            for cid, region in zip(frame["id"], frame["region_code"]):
                if cid in groups:
                    self.lead[region].append((cid, groups[cid], is_dated))

    def unit(self, region: Region) -> dict:
        direct = self.direct.get(region.code, [])
        undated = list(self.direct_undated.get(region.code, []))
        leadership = []
        wanted = LEADERS.get(_leader_kind(region), set())
        parts = region.code.split(".")
        for i in range(1, len(parts)):
            for cid, groups, is_dated in self.lead.get(".".join(parts[:i]), []):
                if groups & wanted:
                    (leadership if is_dated else undated).append(cid)
        state = COVERED if direct else LEADERSHIP if leadership else NONE
        return {"state": state, "direct_ids": direct, "leadership_ids": leadership, "undated_ids": undated}


@dataclass(frozen=True)
class Coverage:
    parent: Region | None
    election_id: str
    as_of: dt.date
    units: pd.DataFrame  # one row per child unit
    undated_ids: list[str]

    @property
    def n_units(self) -> int:
        return len(self.units)

    @property
    def n_covered(self) -> int:
        return int((self.units["state"] != NONE).sum())

    @property
    def share(self) -> float | None:
        return self.n_covered / self.n_units if self.n_units else None

    @property
    def is_aggregate(self) -> bool:
        """Children are provinsi or kabupaten/kota: their numbers come from their kecamatan."""
        return bool(self.units["sub_units"].notna().any())

    @property
    def n_sub_units(self) -> int | None:
        return int(self.units["sub_units"].sum()) if self.is_aggregate else None

    @property
    def n_sub_covered(self) -> int | None:
        return int(self.units["sub_covered"].sum()) if self.is_aggregate else None

    @property
    def headline(self) -> tuple[int, int, float | None, str]:
        """(covered, total, share, unit level) as shown on the summary: kecamatan for
        aggregate views, the child units otherwise."""
        if self.is_aggregate:
            total = self.n_sub_units or 0
            return self.n_sub_covered or 0, total, (self.n_sub_covered / total if total else None), "kecamatan"
        level = self.units["level"].iloc[0] if len(self.units) else "kecamatan"
        return self.n_covered, self.n_units, self.share, level

    @property
    def ceremony_ids(self) -> list[str]:
        return list(dict.fromkeys(i for u in self.units.itertuples(index=False) for i in reached_ids(u)))

    def to_dict(self) -> dict:
        return {
            "parent": None if self.parent is None else {"code": self.parent.code, "name": self.parent.name,
                                                         "level": self.parent.level},
            "election": self.election_id, "as_of": self.as_of.isoformat(),
            "units": self.n_units, "covered": self.n_covered,
            "covered_direct": int((self.units["state"] == COVERED).sum()),
            "covered_leadership": int((self.units["state"] == LEADERSHIP).sum()),
            "share": self.share, "undated_ceremonies": self.undated_ids,
            "kecamatan": None if not self.is_aggregate else {
                "units": self.n_sub_units, "covered": self.n_sub_covered, "share": self.headline[2]},
            "children": [
                {k: (v if not isinstance(v, float) or v == v else None) for k, v in row.items()}
                for row in self.units.drop(columns=["label"]).to_dict(orient="records")
            ],
        }


def _kecamatan_states(idx: _Index, gaz: Gazetteer, under: str | None) -> pd.DataFrame:
    t = gaz.table
    kec = t[t["level"] == "kecamatan"]
    if under:
        kec = kec[kec["code"].str.startswith(under + ".")]
    rows = [{"code": c, **idx.unit(gaz.get(c))} for c in kec["code"]]
    return pd.DataFrame(rows, columns=["code", "state", "direct_ids", "leadership_ids", "undated_ids"])


def coverage(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date,
             parent_code: str | None) -> Coverage:
    """Coverage of each child unit of ``parent_code`` (``None``: the provinces)."""
    parent = gaz.get(parent_code) if parent_code else None
    idx = _Index(records, election_id, as_of)
    children = gaz.children(parent_code)
    kec_states = None
    if children and children[0].level in AGGREGATE_LEVELS:
        kec_states = _kecamatan_states(idx, gaz, parent_code)
        kec_states["top"] = kec_states["code"].str.slice(0, len(children[0].code))
    within = records.for_election(election_id)
    within = within[within["date"].notna() & (within["date"] <= pd.Timestamp(as_of))]
    # ceremonies held strictly inside each child, found by the child-length prefix of their code
    inside: dict[str, list[str]] = defaultdict(list)
    if children:
        width = len(children[0].code)
        for cid, region in zip(within["id"], within["region_code"]):
            if len(region) > width:
                inside[region[:width]].append(cid)
    rows = []
    for child in children:
        row = {"code": child.code, "name": child.name, "label": child.label, "level": child.level,
               **idx.unit(child)}
        row["within_ids"] = list(inside.get(child.code, []))
        if kec_states is not None:
            sub = kec_states[kec_states["top"] == child.code]
            row["sub_units"] = len(sub)
            row["sub_covered"] = int((sub["state"] != NONE).sum())
            row["share"] = row["sub_covered"] / len(sub) if len(sub) else None
            row["within_ids"] = list(dict.fromkeys(
                row["within_ids"] + [i for col in ("direct_ids", "leadership_ids") for lst in sub[col] for i in lst]))
        else:
            row["sub_units"], row["sub_covered"] = None, None
            row["share"] = 1.0 if row["state"] != NONE else 0.0
        rows.append(row)
    cols = ["code", "name", "label", "level", "state", "share", "sub_units", "sub_covered",
            "direct_ids", "leadership_ids", "within_ids", "undated_ids"]
    units = pd.DataFrame(rows, columns=cols)
    scope = parent_code + "." if parent_code else ""
    undated = [cid for cid, region in zip(idx.undated["id"], idx.undated["region_code"])
               if not parent_code or region == parent_code or region.startswith(scope)
               or parent_code.startswith(region + ".")]
    return Coverage(parent, election_id, as_of, units, undated)


def reached_ids(unit, undated: bool = False) -> list[str]:
    """Ceremony ids reaching one coverage row: held in it, above it for its leaders, or
    within it (aggregates); with ``undated=True`` also the undated ones (listed, not counted)."""
    ids = list(unit.direct_ids) + list(unit.leadership_ids) + list(unit.within_ids)
    if undated:
        ids += list(unit.undated_ids)
    return list(dict.fromkeys(ids))


def readiness(records: Records, cov: Coverage) -> pd.DataFrame:
    """Per child unit: commitment categories reached, their share of the fixed
    list, and the latest reported readiness figure for the unit itself."""
    com = records.commitments.groupby("ceremony_id")["category"].apply(set).to_dict()
    rep = records.readiness[records.readiness["as_of"] <= pd.Timestamp(cov.as_of)]
    rows = []
    for u in cov.units.itertuples(index=False):
        ids = reached_ids(u)
        cats = set().union(*(com.get(i, set()) for i in ids)) if ids else set()
        own = rep[(rep["region_code"] == u.code) & rep["ceremony_id"].isin(ids)].sort_values("as_of")
        last = own.iloc[-1] if len(own) else None
        rows.append({
            "code": u.code, "label": u.label, "state": u.state, "ceremony_ids": ids,
            **{c: c in cats for c in COMMITMENT_CATEGORIES},
            "commitment_pct": 100 * len(cats) / len(COMMITMENT_CATEGORIES),
            "reported_pct": None if last is None else float(last["percent"]),
            "reported_as_of": None if last is None else last["as_of"],
            "reported_measure": None if last is None else last["measure"],
            "reported_source_ids": [] if last is None else list(last["source_ids"]),
        })
    return pd.DataFrame(rows)


def reported_figures(records: Records, cov: Coverage) -> pd.DataFrame:
    """Every reported readiness figure in the view, with its date and sources."""
    ids = set(cov.ceremony_ids)
    rep = records.readiness[records.readiness["ceremony_id"].isin(ids)
                            & (records.readiness["as_of"] <= pd.Timestamp(cov.as_of))]
    src = records.sources.set_index("source_id")
    rep = rep.copy()
    rep["sources"] = [
        "; ".join(f"{src.loc[s, 'outlet']}" + (f" — {src.loc[s, 'title']}" if isinstance(src.loc[s, 'title'], str) else "")
                  for s in sids) for sids in rep["source_ids"]]
    return rep.sort_values("as_of", ascending=False).reset_index(drop=True)


@dataclass(frozen=True)
class Timeline:
    series: pd.DataFrame   # date, h, region_code, region_label, covered, total, share
    events: pd.DataFrame   # dated ceremonies in scope, with h
    undated: pd.DataFrame  # undated ceremonies in scope (never placed on the axis)
    election_day: dt.date


def timeline(records: Records, gaz: Gazetteer, election_id: str, parent_code: str | None,
             until: dt.date | None = None) -> Timeline:
    """Cumulative coverage by date, up to election day (or ``until``).

    Coverage is computed once, at the end date: a unit counts as covered from the earliest
    date of the dated ceremonies that reach it, so the cumulative counts follow by sorting
    those dates (one pass, however many ceremony dates there are). Lines: the parent (its
    child units, or its kecamatan when the children are aggregates, as in
    :attr:`Coverage.headline`), plus one per aggregate child that has any coverage."""
    day = records.election(election_id)["date"].date()
    end = until or day
    cer = records.for_election(election_id)
    if parent_code:
        p = parent_code
        cer = cer[(cer["region_code"] == p) | cer["region_code"].str.startswith(p + ".")
                  | cer["region_code"].map(lambda r: p.startswith(r + "."))]
    dated = cer[cer["date"].notna() & (cer["date"] <= pd.Timestamp(end))].sort_values("date")
    events = dated.assign(h=[(day - d.date()).days for d in dated["date"]])
    dates = [pd.Timestamp(d) for d in sorted({d.date() for d in dated["date"]} | {end})]

    idx = _Index(records, election_id, end)
    date_of = dict(zip(records.ceremonies["id"], records.ceremonies["date"]))

    def first(unit: dict):
        ids = unit["direct_ids"] + unit["leadership_ids"]
        return min(date_of[i] for i in ids) if ids else None

    def cumulative(firsts: list) -> list[int]:
        known = sorted(f for f in firsts if pd.notna(f))  # NaT: never covered
        return [bisect.bisect_right(known, d) for d in dates]

    children = gaz.children(parent_code)
    label = gaz.get(parent_code).label if parent_code else "Indonesia"
    lines: list[tuple[str, str, list, int]] = []  # (code, label, first dates, total)
    if children and children[0].level in AGGREGATE_LEVELS:
        kec = _kecamatan_states(idx, gaz, parent_code)
        kec["first"] = [first(row) for row in kec.to_dict("records")]
        lines.append((parent_code or "", label, list(kec["first"]), len(kec)))
        width = len(children[0].code)
        for child in children:
            sub = kec[kec["code"].str.slice(0, width) == child.code]
            lines.append((child.code, child.label, list(sub["first"]), len(sub)))
    else:
        lines.append((parent_code or "", label, [first(idx.unit(c)) for c in children], len(children)))
    rows = []
    for i, (code, name, firsts, total) in enumerate(lines):
        if i and not any(pd.notna(f) for f in firsts):
            continue  # child lines only where something happened
        for d, covered in zip(dates, cumulative(firsts)):
            rows.append({"date": d, "h": (day - d.date()).days, "region_code": code, "region_label": name,
                         "covered": covered, "total": total, "share": covered / total if total else None})
    series = pd.DataFrame(rows, columns=["date", "h", "region_code", "region_label", "covered", "total", "share"])
    return Timeline(series, events.reset_index(drop=True), cer[cer["date"].isna()].reset_index(drop=True), day)
