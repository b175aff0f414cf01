"""Coverage, readiness and timeline: plain functions over :class:`Records`.

Rules (also in the README, "Rules the numbers follow"):

* A ceremony counts for an election when the election is among its elections,
  and for an as-of date when it has a date on or before it. Undated ceremonies
  are never placed on a date: they are listed apart (``undated_ids``) and do not
  count toward coverage.
* A ceremony *binds* when one of its kinds is a pledge, declaration or signing
  (:data:`~dashboard.records.vocab.BINDING_KINDS`); a sosialisasi or an apel
  without a pledge only *informs*.
* Every unit (provinsi, kabupaten/kota, kecamatan, desa) has its **own**
  ceremonies: those held by its own government, for the unit itself (``own_ids``,
  ``own_state``: ``commitment`` / ``information`` / ``none``).
* Its **state** answers "are its people bound?":
  ``covered``    a binding ceremony of the unit itself;
  ``leadership`` a binding ceremony of a region above it, signed by *every* leader
                 of units like it (``all: true``): camat for kecamatan, kepala desa or
                 perangkat desa for a desa, lurah for a kelurahan, the kepala daerah
                 for a kabupaten/kota;
  ``pemda``      a binding ceremony of its kabupaten/kota that all ASN of that Pemda
                 signed or were instructed to sign (``asn`` with ``all: true``): reaches
                 its kecamatan and kelurahan, whose officials are that Pemda's ASN;
  ``informed``   only a non-binding ceremony of its own (sosialisasi, apel);
  ``none``       nothing. A kabupaten ceremony signed only by OPD heads is the
                 kabupaten's own commitment and reaches none of its kecamatan.
  The first three count as *reached* (:data:`REACHED`).
* Provinsi and kabupaten/kota units are also measured by their kecamatan (share
  reached), rolled up by code, never by spatial overlap.
* An election may name the regions that hold it (``regions`` in elections.yaml);
  only units inside them are counted.

Everything is computed for all units of a view at once: ceremonies are indexed by
region once, and each unit looks up its own code and its ancestors' codes in those
indexes (no pass over the records per unit).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from . import codes as code_rules
from .records.tables import Records
from .records.vocab import BINDING_KINDS, COMMITMENT_CATEGORIES, LEADERS, PEMDA_WIDE_GROUP
from .frames import where
from .regions import Gazetteer, Region

COVERED, LEADERSHIP, PEMDA, INFORMED, NONE = "covered", "leadership", "pemda", "informed", "none"
STATES = (COVERED, LEADERSHIP, PEMDA, INFORMED, NONE)
# The states that count as reached, strongest first: a unit's state is the first of them that has a
# ceremony behind it, and its reach_ids are the ceremonies behind all of them (:func:`_state_and_reach`),
# so "reached" and "a ceremony reaches it" never disagree.
REACHED = (COVERED, LEADERSHIP, PEMDA)
OWN_COMMITMENT, OWN_INFORMATION, OWN_NONE = "commitment", "information", "none"
OWN_STATES = (OWN_COMMITMENT, OWN_INFORMATION, OWN_NONE)
AGGREGATE_LEVELS = ("provinsi", "kabupaten/kota")


def binding_reaches(units: pd.DataFrame) -> pd.Series:
    """Whether a binding ceremony reaches each unit, as its level's map legend words it (issue 37):
    a kecamatan or desa by its state (reached); an aggregate (province, kabupaten/kota) when its own
    government held one or any of its kecamatan is reached. Banten with 28 of 155 kecamatan reached
    is never listed as "no ceremony yet"; a kecamatan state is never used for an aggregate."""
    if "sub_units" not in units:
        return units["state"].isin(REACHED)
    aggregate = units["sub_units"].notna()
    own = units["own_state"] == OWN_COMMITMENT
    below = pd.to_numeric(units["sub_covered"], errors="coerce").fillna(0) > 0
    return (aggregate & (own | below)) | (~aggregate & units["state"].isin(REACHED))


def votes_in(region: str | None, regions) -> bool:
    """Whether the region in view (None: Indonesia) votes as a whole in an election held in
    ``regions`` (None or empty: everywhere): Indonesia only in an election held everywhere, a
    region when it lies in (or is) one of the election's regions. Jawa Timur does not vote as a
    whole in Kab. Magetan's PSU; Kab. Magetan and its kecamatan do."""
    return code_rules.within_any(region, regions)


def default_election(calendar, today: dt.date | None = None, region: str | None = None) -> str:
    """The election a view opens on: the next one the region in view votes in, or, with none
    upcoming, the latest it voted in. So Indonesia opens on the latest national election, and a
    region that held a re-vote (PSU) opens on it while it is upcoming or the latest."""
    today = today or dt.date.today()
    mine = where(calendar, (votes_in(region, r) for r in calendar["regions"]))
    if mine.empty:  # a calendar of regional elections only, none of them here
        mine = calendar
    dated = mine[mine["date"].notna()]  # a planned election without a day is never the opening one
    if dated.empty:
        dated = calendar[calendar["date"].notna()]
    upcoming = dated[dated["date"] >= pd.Timestamp(today)].sort_values("date", kind="stable")
    return upcoming["id"].iloc[0] if len(upcoming) else dated.sort_values("date", kind="stable")["id"].iloc[-1]


def next_planned(calendar, region: str | None, today: dt.date | None = None) -> pd.Series | None:
    """The next election the region votes in: the nearest dated one ahead, else a planned one
    (a year, no day yet). None when the calendar holds neither."""
    today = today or dt.date.today()
    mine = where(calendar, (votes_in(region, r) for r in calendar["regions"]))
    ahead = mine[mine["date"].notna() & (mine["date"] > pd.Timestamp(today))].sort_values("date", kind="stable")
    if len(ahead):
        return ahead.iloc[0]
    planned = mine[mine["date"].isna() & (mine["year"] >= today.year)].sort_values("year", kind="stable")
    return planned.iloc[0] if len(planned) else None


def default_as_of(election_day: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Election day once it has passed, else today (also when the day is not set yet)."""
    today = today or dt.date.today()
    return election_day if election_day is not None and today >= election_day else today


def countdown(election_day: dt.date | None, on: dt.date) -> tuple[int | None, str]:
    """(days before the election, label): ``H-13``, ``H`` on the day, ``H+5`` after; (None, "–")
    while the day is not set (a planned election counts nothing)."""
    if election_day is None:
        return None, h_label(None)
    days = (election_day - on).days
    return days, h_label(days)


def h_label(days: int | None) -> str:
    """The one H-n label (the tiles, tables, files): ``H-3`` before, ``H`` on the day, ``H+2`` after;
    "–" for an election whose day is not set (Pemilu 2029: nothing to count to)."""
    if days is None or pd.isna(days):
        return "–"
    days = int(days)
    return "H" if days == 0 else f"H-{days}" if days > 0 else f"H+{-days}"


def _group(pairs) -> dict:
    """(key, value) pairs -> key -> [values], in order."""
    out: dict = defaultdict(list)
    for k, v in pairs:
        out[k].append(v)
    return out


def held_mask(codes: pd.Series, regions: list[str] | None) -> pd.Series:
    """Units that take part in an election held only in ``regions`` (None: everywhere): inside a
    listed region, or containing one (a province where one kabupaten votes takes part)."""
    if not regions:
        return pd.Series(True, index=codes.index)
    mask = pd.Series(False, index=codes.index)
    for r in regions:  # inside a listed region, or containing one
        mask |= code_rules.related_mask(codes, r)
    return mask


def concerning(cer: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """The ceremonies of ``cer`` that concern the view of ``region``: held in it, inside it, or in a
    region above it (whose ceremony may reach it); all of them for Indonesia (None). The one rule for
    the view's undated ceremonies, the timeline's events and the Data page's list."""
    if not region or cer.empty:
        return cer
    # a boolean array, never a list: an empty list would select no *columns* (issue 35)
    return cer[code_rules.related_mask(cer["region_code"], region).to_numpy()]


def _index(records: Records, election_id: str, as_of: dt.date | None) -> "_Index":
    """The index for one election and date, built once per loaded records (a rerun that
    only changes the region, or a page that asks twice, reuses it); after a save, the one of the
    tables before brought up to date by what the save touched (:meth:`_Index.updated`)."""
    def update(old: "_Index", changes) -> "_Index":
        binding, groups = _binding_and_groups(records)
        for change in changes:
            old = old.updated(change, binding, groups)
        return old

    return records.derived.index((election_id, as_of), lambda: _Index(records, election_id, as_of), update)


def _binding_of(kinds: pd.DataFrame) -> set:
    return set(kinds.loc[kinds["kind"].isin(BINDING_KINDS), "ceremony_id"])


def _groups_of(signatories: pd.DataFrame) -> dict:
    sig = signatories[signatories["all"]]
    groups: dict = defaultdict(set)
    for cid, g in zip(sig["ceremony_id"], sig["group"]):
        groups[cid].add(g)
    return dict(groups)


def _binding_and_groups(records: Records) -> tuple[set, dict]:
    """Ceremonies of a binding kind, and per ceremony the groups that all signed; the same for
    every election and date, so built once per loaded records (after a save: the ones before,
    with the touched ceremonies' taken out and their new ones put in)."""
    def update(old: tuple[set, dict], changes) -> tuple[set, dict]:
        binding, groups = set(old[0]), dict(old[1])
        for change in changes:
            binding -= change.touched
            binding |= _binding_of(change.part.kinds)
            for cid in change.touched:
                groups.pop(cid, None)
            groups.update(_groups_of(change.part.signatories))
        return binding, groups

    return records.derived.once("binding_groups",
                                lambda: (_binding_of(records.kinds), _groups_of(records.signatories)), update)


def _split(cer: pd.DataFrame, as_of: dt.date | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(dated ceremonies up to ``as_of``: they count; undated ones: listed, never counted)."""
    is_dated = cer["date"].notna()
    if as_of is not None:
        is_dated &= cer["date"] <= pd.Timestamp(as_of)
    return cer[is_dated], cer[cer["date"].isna()]


def _indexed(frame: pd.DataFrame, binding: set, groups: dict):
    """(own, binding regions, lead, pemda) of ``frame``'s ceremonies: region -> ids in id order
    (the tables' order), the regions with a binding one, (region, leader kind) -> binding ids whose
    leaders all signed, region -> binding all-ASN ids (at any level: whose of them reach a unit is
    _employer's rule; a province's are indexed and never looked up)."""
    own = _group(zip(frame["region_code"], frame["id"]))
    bind = {r for r, cid in zip(frame["region_code"], frame["id"]) if cid in binding}
    lists = {"lead": defaultdict(list), "pemda": defaultdict(list)}
    for cid, region in zip(frame["id"], frame["region_code"]):
        for name, key in _placed(cid, region, binding, groups):
            lists[name][key].append(cid)
    return own, bind, dict(lists["lead"]), dict(lists["pemda"])


def _placed(cid: str, region: str, binding: set, groups: dict):
    """The lists of :func:`_indexed` a ceremony goes in besides ``own``: ("lead", (region, leader
    kind)) for each kind of leader that all signed a binding one, ("pemda", region) for a binding
    all-ASN one."""
    if cid not in binding or cid not in groups:
        return
    for kind, wanted in LEADERS.items():
        if groups[cid] & wanted:
            yield "lead", (region, kind)
    if PEMDA_WIDE_GROUP in groups[cid]:
        yield "pemda", region


def _patched(parts, gone: pd.DataFrame, came: pd.DataFrame, binding: set, groups: dict):
    """:func:`_indexed`'s parts with ``gone``'s ceremonies taken out and ``came``'s put in, each in
    its place in id order (``bisect``): the parts a fresh build of the changed tables gives."""
    own, bind, lead, pemda = dict(parts[0]), set(parts[1]), dict(parts[2]), dict(parts[3])
    affected = set()

    def take(d: dict, key, cid: str) -> None:
        ids = d.get(key)
        if ids and cid in ids:
            ids = [i for i in ids if i != cid]
            if ids:
                d[key] = ids
            else:
                del d[key]

    for cid, region in zip(gone["id"], gone["region_code"]):
        take(own, region, cid)
        take(pemda, region, cid)
        for kind in LEADERS:
            take(lead, (region, kind), cid)
        affected.add(region)
    lists = {"own": own, "lead": lead, "pemda": pemda}
    for cid, region in zip(came["id"], came["region_code"]):
        for name, key in [("own", region), *_placed(cid, region, binding, groups)]:
            d = lists[name]
            ids = list(d.get(key, ()))
            bisect.insort(ids, cid)
            d[key] = ids
        affected.add(region)
    for region in affected:
        if any(i in binding for i in own.get(region, ())):
            bind.add(region)
        else:
            bind.discard(region)
    return own, bind, lead, pemda


class _Index:
    """The ceremonies of one election, indexed by region once: dated ones up to ``as_of`` (they
    count) and undated ones (listed, never counted)."""

    def __init__(self, records: Records, election_id: str, as_of: dt.date | None):
        cer = records.for_election(election_id)
        self.election_id, self.as_of = election_id, as_of
        self.regions = records.election_regions(election_id)
        dated, self.undated = _split(cer, as_of)
        binding, groups = _binding_and_groups(records)
        self.own, self.binding_regions, self.lead, self.pemda = _indexed(dated, binding, groups)
        self.own_u, _, self.lead_u, self.pemda_u = _indexed(self.undated, binding, groups)
        self.kecamatan: dict[str | None, pd.DataFrame] = {}  # see _kecamatan_states

    def updated(self, change, binding: set, groups: dict) -> "_Index":
        """This index brought up to the tables after ``change`` (a :class:`records.tables.Change`):
        the touched ceremonies taken out, and those of them concerning this election put in again
        as they are now. ``binding``/``groups``: :func:`_binding_and_groups` of the tables after
        (a ceremony's entries there depend on its own rows only, so the newest serve every change
        on the way). Equal to a fresh build (tests/test_incremental.py)."""
        new = object.__new__(_Index)
        new.election_id, new.as_of, new.regions = self.election_id, self.as_of, self.regions
        here = change.part.elections
        came = change.part.ceremonies
        came = came[came["id"].isin(set(here.loc[here["election_id"] == self.election_id, "ceremony_id"]))]
        came_dated, came_undated = _split(came, self.as_of)
        # every touched ceremony is taken out of both halves, whatever its date was: one that moved
        # from undated to dated, or past as_of, is then put back only where it belongs now
        new.own, new.binding_regions, new.lead, new.pemda = _patched(
            (self.own, self.binding_regions, self.lead, self.pemda), change.gone, came_dated, binding, groups)
        new.own_u, _, new.lead_u, new.pemda_u = _patched(
            (self.own_u, set(), self.lead_u, self.pemda_u), change.gone, came_undated, binding, groups)
        kept = self.undated[~self.undated["id"].isin(change.touched)]
        undated = pd.concat([f for f in (kept, came_undated) if len(f)]) if len(came_undated) else kept
        new.undated = undated.sort_values("id", kind="stable") if len(came_undated) else undated
        new.kecamatan = {}
        return new

    def states(self, units: pd.DataFrame) -> pd.DataFrame:
        """``units`` (code, level) with state, own_state, own_ids, direct_ids (= own_ids),
        leadership_ids, pemda_ids, reach_ids (what makes it reached) and undated_ids added."""
        codes = list(units["code"])
        kinds = [_leader_kind(c, lvl) for c, lvl in zip(codes, units["level"])]
        own = [list(self.own.get(c, ())) for c in codes]
        lead, pemda, undated = [], [], []
        # what reaches a unit from above depends only on its parent and kind: found once per
        # (parent, kind), not once per unit (7,000 kecamatan share 514 parents)
        from_above: dict[tuple[str, str], tuple[list, list, list, list]] = {}
        for code, kind in zip(codes, kinds):
            key = (code_rules.parent(code), kind)
            hit = from_above.get(key)
            if hit is None:
                above = code_rules.ancestors(code)
                employer = _employer(code, kind)
                hit = from_above[key] = (
                    [i for a in above for i in self.lead.get((a, kind), ())],
                    list(self.pemda.get(employer, ())) if employer else [],
                    [i for a in above for i in self.lead_u.get((a, kind), ())],
                    list(self.pemda_u.get(employer, ())) if employer else [])
            ld, pem, ld_u, pem_u = hit
            lead.append(list(ld))
            pemda.append(list(pem))
            own_u = self.own_u.get(code)
            undated.append(list(dict.fromkeys([*own_u, *ld_u, *pem_u])) if own_u else
                           list(dict.fromkeys([*ld_u, *pem_u])) if (ld_u or pem_u) else [])
        state, own_state, reach = [], [], []
        for code, o, ld, pd_ in zip(codes, own, lead, pemda):
            bound = code in self.binding_regions
            own_state.append(OWN_COMMITMENT if bound else OWN_INFORMATION if o else OWN_NONE)
            s, r = _state_and_reach(o if bound else [], ld, pd_, informed=bool(o))
            state.append(s)
            reach.append(r)
        out = units.copy()
        out["state"], out["own_state"], out["own_ids"], out["direct_ids"] = state, own_state, own, own
        out["leadership_ids"], out["pemda_ids"], out["reach_ids"], out["undated_ids"] = lead, pemda, reach, undated
        return out


def _state_and_reach(own_bound: list, leadership: list, pemda: list, informed: bool) -> tuple[str, list]:
    """A unit's state and its reach_ids, from the ceremonies behind each state of :data:`REACHED`
    (its own ceremonies when one of them binds, else none; its leaders' from above; its Pemda's
    all-ASN ones): the strongest state with a ceremony behind it, else ``informed`` (a ceremony of
    its own that does not bind) or ``none``; and every ceremony behind a reached state, strongest
    first. One table for both, so a state counts as reached exactly when some ceremony reaches the
    unit."""
    behind = {COVERED: own_bound, LEADERSHIP: leadership, PEMDA: pemda}
    state = next((s for s in REACHED if behind[s]), INFORMED if informed else NONE)
    return state, [i for s in REACHED for i in behind[s]]


def _employer(code: str, kind: str) -> str | None:
    """The Pemda whose all-ASN ceremony (``asn`` with ``all: true``,
    :data:`~dashboard.records.vocab.PEMDA_WIDE_GROUP`) binds a unit's officials: the kabupaten/kota of
    a kecamatan or a kelurahan, whose staff and lurah are that Pemda's ASN. None for a desa (a kepala
    desa is no ASN), a kabupaten/kota or a province: a province's ASN are another employer, so a
    provincial all-ASN ceremony reaches none of the units below it (the one home of this rule)."""
    return code_rules.ancestor(code, "kabupaten/kota") if kind in ("kecamatan", "kelurahan") else None


def _leader_kind(code: str, level: str) -> str:
    if level == "desa/kelurahan":
        # Kemendagri: the 4-digit village part starts with 1 for kelurahan, 2 for desa.
        return "kelurahan" if code_rules.is_kelurahan(code) else "desa"
    return level


def _units_frame(gaz: Gazetteer, parent_code: str | None, level: str | None = None) -> pd.DataFrame:
    """code, name, label, level of the units shown for ``parent_code``: its children, or all its
    descendants at ``level``."""
    t = gaz.table
    if level is None:
        t = t[t["parent"] == parent_code] if parent_code else t[t["parent"].isna()]
    else:
        t = t[t["level"] == level]
        if parent_code:
            t = t[code_rules.below_mask(t["code"], parent_code)]
    t = t.sort_values("code")
    return pd.DataFrame({"code": t["code"].to_numpy(), "name": t["name"].to_numpy(),
                         "label": gaz.labels(t).to_numpy(), "level": t["level"].to_numpy()})


@dataclass(frozen=True)
class Coverage:
    parent: Region | None
    election_id: str
    as_of: dt.date
    units: pd.DataFrame  # one row per unit of the view
    undated_ids: list[str]
    parent_unit: dict | None = None  # the parent's own state, own_ids, leadership_ids, ... (None: Indonesia)
    kecamatan: pd.DataFrame | None = None  # aggregates: the states of every kecamatan under the view

    @property
    def n_units(self) -> int:
        return len(self.units)

    @property
    def n_covered(self) -> int:
        return int(self.units["state"].isin(REACHED).sum())

    @property
    def share(self) -> float | None:
        return self.n_covered / self.n_units if self.n_units else None

    @property
    def is_aggregate(self) -> bool:
        """Units are provinsi or kabupaten/kota: their numbers come from their kecamatan."""
        return bool(self.units["sub_units"].notna().any())

    @property
    def n_sub_units(self) -> int | None:
        return int(self.units["sub_units"].sum()) if self.is_aggregate else None

    @property
    def n_sub_covered(self) -> int | None:
        return int(self.units["sub_covered"].sum()) if self.is_aggregate else None

    @property
    def headline(self) -> tuple[int, int, float | None, str]:
        """(reached, total, share, unit level) as shown on the summary: kecamatan for
        aggregate views, the units otherwise."""
        if self.is_aggregate:
            total = self.n_sub_units or 0
            return self.n_sub_covered or 0, total, (self.n_sub_covered / total if total else None), "kecamatan"
        level = self.units["level"].iloc[0] if len(self.units) else "kecamatan"
        return self.n_covered, self.n_units, self.share, level

    @property
    def own_ids(self) -> list[str]:
        """The parent's own dated ceremonies (held by the government of the region in view)."""
        return list(self.parent_unit["own_ids"]) if self.parent_unit else []

    @property
    def own_state(self) -> str | None:
        return self.parent_unit["own_state"] if self.parent_unit else None

    @property
    def units_ids(self) -> list[str]:
        """The dated ceremonies reaching or held within the view's units (:func:`reached_ids` of each,
        in unit order, repeats kept): what the region in view holds below itself."""
        return [i for u in self.units.itertuples(index=False) for i in reached_ids(u)]

    @property
    def ceremony_ids(self) -> list[str]:
        """Every dated ceremony the view's numbers rest on: the region's own, those above it that
        reach it, and those reaching or held within its units."""
        above = ([*self.parent_unit["leadership_ids"], *self.parent_unit["pemda_ids"]]
                 if self.parent_unit else [])
        return list(dict.fromkeys([*self.own_ids, *above, *self.units_ids]))

    def to_dict(self) -> dict:
        parent = None
        if self.parent is not None:
            parent = {"code": self.parent.code, "name": self.parent.name, "level": self.parent.level,
                      "state": self.parent_unit["state"], "own_state": self.own_state, "own_ids": self.own_ids}
        return {
            "parent": parent,
            "election": self.election_id, "as_of": self.as_of.isoformat(),
            # the glossary (README): a state names one unit's answer; "reached" is the sum of the
            # three binding states, and no state's name is used for it. The view's figure is
            # ``headline``; the ``children_*`` fields count the child units by their own state (for a
            # province or Indonesia that is not the headline: issue 37, no two numbers share a name)
            "children_units": self.n_units, "children_reached": self.n_covered,
            "children_states": {s: int((self.units["state"] == s).sum()) for s in STATES},
            "children_share": self.share, "undated_ceremonies": self.undated_ids,
            "kecamatan": None if not self.is_aggregate else {
                "units": self.n_sub_units, "reached": self.n_sub_covered, "share": self.headline[2]},
            "headline": dict(zip(("reached", "units", "share", "level"), self.headline)),
            "children": [
                {k: (v if not isinstance(v, float) or v == v else None) for k, v in row.items()}
                for row in self.units.drop(columns=["label", "reach_ids"]).rename(columns={"sub_covered": "sub_reached"})
                .to_dict(orient="records")
            ],
        }


def _kecamatan_states(idx: _Index, gaz: Gazetteer, under: str | None) -> pd.DataFrame:
    """States of every kecamatan under ``under`` (None: Indonesia). Kept on the index: the
    national view asks twice in one rerun (provinces for the numbers, kabupaten/kota for the map)."""
    hit = idx.kecamatan.get(under)
    if hit is None:
        kec = _units_frame(gaz, under, "kecamatan")
        kec = kec[held_mask(kec["code"], idx.regions)]
        if len(idx.kecamatan) > 16:
            idx.kecamatan.clear()
        hit = idx.kecamatan[under] = idx.states(kec)
    return hit


def coverage(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date,
             parent_code: str | None, level: str | None = None) -> Coverage:
    """Coverage of each unit of a view: the children of ``parent_code`` (``None``: the provinces),
    or, with ``level``, all its units at that level (the national map: every kabupaten/kota).
    A region with no units below it in the data (a kecamatan without village boundaries) is
    measured as itself, so its own view shows its own ceremonies.

    Kept with the records for the views asked last: one page run asks for the same coverage
    more than once (the view's own, and its election in the region's record across elections);
    nothing that reads a Coverage changes it."""
    return records.derived.recent((election_id, "coverage", gaz, as_of, parent_code, level),
                                  lambda: _coverage(records, gaz, election_id, as_of, parent_code, level))


def _coverage(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date,
              parent_code: str | None, level: str | None) -> Coverage:
    parent = gaz.get(parent_code) if parent_code else None
    idx = _index(records, election_id, as_of)
    units = _units_frame(gaz, parent_code, level)
    if units.empty and parent is not None:
        units = _units_frame(gaz, parent.parent, parent.level)
        units = units[units["code"] == parent.code]
    units = units[held_mask(units["code"], idx.regions)].reset_index(drop=True)
    units = idx.states(units)
    parent_unit = None
    if parent is not None:
        parent_unit = idx.states(pd.DataFrame({"code": [parent.code], "level": [parent.level]})).iloc[0].to_dict()

    unit_level = units["level"].iloc[0] if len(units) else None
    # dated ceremonies held strictly inside each unit, found by their ancestor at the units' level
    cer = records.for_election(election_id)
    within = cer[cer["date"].notna() & (cer["date"] <= pd.Timestamp(as_of))]
    tops = [code_rules.ancestor(r, unit_level) if unit_level else None for r in within["region_code"]]
    inside = _group((top, cid) for top, cid in zip(tops, within["id"]) if top)
    if len(units) and unit_level in AGGREGATE_LEVELS:
        kec = _kecamatan_states(idx, gaz, parent_code)
        top = code_rules.ancestor_column(kec["code"], unit_level)
        reached = kec["state"].isin(REACHED)
        sub_units = top.value_counts()
        sub_covered = top[reached].value_counts()
        units["sub_units"] = units["code"].map(sub_units).fillna(0).astype(int)
        units["sub_covered"] = units["code"].map(sub_covered).fillna(0).astype(int)
        units["share"] = [c / n if n else None for c, n in zip(units["sub_covered"], units["sub_units"])]
        # kecamatan reached from above (their kabupaten's or province's ceremonies) count as within
        from_above = _group((t, i) for t, ld, pm in zip(top, kec["leadership_ids"], kec["pemda_ids"])
                            for i in [*ld, *pm])
        units["within_ids"] = [list(dict.fromkeys([*inside.get(c, []), *from_above.get(c, [])]))
                               for c in units["code"]]
    else:
        units["sub_units"], units["sub_covered"] = None, None
        units["share"] = [1.0 if s in REACHED else 0.0 for s in units["state"]]
        units["within_ids"] = [list(inside.get(c, [])) for c in units["code"]]
    # how old is each unit's pledge (issue 37): the day of the latest binding ceremony reaching it;
    # an aggregate's is the latest among its kecamatan's and its own government's
    if len(units) and units["level"].iloc[0] in AGGREGATE_LEVELS:
        kec_latest = latest_pledges(records, kec["reach_ids"])
        kec = kec.assign(latest_pledge=kec_latest.to_numpy())  # a new frame: the cached one is shared
        by_top = pd.Series(kec_latest.to_numpy(), index=top.to_numpy()).groupby(level=0).max()
        own = latest_pledges(records, units["reach_ids"])
        units["latest_pledge"] = [max((d for d in (o, by_top.get(c, pd.NaT)) if pd.notna(d)), default=pd.NaT)
                                  for c, o in zip(units["code"], own)]
    else:
        units["latest_pledge"] = latest_pledges(records, units["reach_ids"]).to_numpy()
    cols = ["code", "name", "label", "level", "state", "own_state", "share", "sub_units", "sub_covered",
            "own_ids", "direct_ids", "leadership_ids", "pemda_ids", "within_ids", "undated_ids", "reach_ids",
            "latest_pledge"]
    units = units[cols]
    undated = list(concerning(idx.undated, parent_code)["id"])
    kecamatan = kec if len(units) and units["level"].iloc[0] in AGGREGATE_LEVELS else None
    return Coverage(parent, election_id, as_of, units, undated, parent_unit, kecamatan)


RECENT_PLEDGE_DAYS = 183  # "within 6 months of election day": how recent a pledge is read as fresh


def dates_by_id(records: Records) -> pd.Series:
    """Each ceremony's day (NaT when undated), indexed by its id: built once per loaded tables."""
    return records.derived.once("date_by_id", lambda: pd.Series(
        records.ceremonies["date"].to_numpy(), index=records.ceremonies["id"].to_numpy()))


def latest_pledges(records: Records, reach: pd.Series) -> pd.Series:
    """Per row of ``reach`` (lists of ids of the binding ceremonies reaching a unit): the day of
    the latest, or NaT. Whole columns at once: every (row, id) pair, each id's day looked up, the
    latest per row (row by row it took ~0.45 s of a national view at 150,000 reports)."""
    date_of = dates_by_id(records)
    pairs = pd.Series(reach.to_numpy(), dtype=object).explode()  # row position -> id (NaN for none)
    days = pd.Series(date_of.reindex(pairs.to_numpy()).to_numpy(), index=pairs.index)
    latest = days.groupby(level=0).max().reindex(range(len(reach)))
    return pd.Series(latest.to_numpy(), index=reach.index, dtype="datetime64[ns]")


def pledge_age(latest, election_day: dt.date | None) -> int | None:
    """Days from a unit's latest pledge to election day (the H-n of that pledge), or None."""
    if election_day is None or latest is None or pd.isna(latest):
        return None
    return (election_day - pd.Timestamp(latest).date()).days


def recent_pledges(cov: "Coverage", election_day: dt.date | None) -> tuple[int, int, float | None]:
    """(reached units whose latest pledge is within :data:`RECENT_PLEDGE_DAYS` of election day,
    reached units, their share) over the headline's units: the kecamatan of an aggregate view.
    Counting does not change (issue 37): this says how old the pledges behind the figure are."""
    frame = cov.kecamatan if cov.is_aggregate and cov.kecamatan is not None else cov.units
    if frame is None or frame.empty or election_day is None:
        return 0, 0, None
    reached = frame[frame["state"].isin(REACHED)]
    ages = [pledge_age(d, election_day) for d in reached["latest_pledge"]]
    fresh = sum(1 for a in ages if a is not None and a <= RECENT_PLEDGE_DAYS)
    return fresh, len(reached), (fresh / len(reached) if len(reached) else None)


def reached_ids(unit, undated: bool = False) -> list[str]:
    """Ceremony ids reaching one coverage row: held in it, above it for its leaders, or
    within it (aggregates); with ``undated=True`` also the undated ones (listed, not counted)."""
    ids = list(unit.direct_ids) + list(unit.leadership_ids) + list(unit.pemda_ids) + list(unit.within_ids)
    if undated:
        ids += list(unit.undated_ids)
    return list(dict.fromkeys(ids))


def readiness(records: Records, cov: Coverage) -> pd.DataFrame:
    """Per child unit: commitment categories reached, their share of the fixed
    list, and the latest reported readiness figure for the unit itself."""
    # one pass over the column pair: a groupby-apply built a set per group in Python calls (3.8 s of
    # the national briefing pack at 150,000 reports, issue 39), a plain loop ~0.2 s
    com: dict[str, set] = defaultdict(set)
    for cid, category in zip(records.commitments["ceremony_id"], records.commitments["category"]):
        com[cid].add(category)
    com = dict(com)
    rep = records.readiness[records.readiness["as_of"] <= pd.Timestamp(cov.as_of)]
    per_unit = _category_shares(cov, com)
    rows = []
    for u in cov.units.itertuples(index=False):
        ids = reached_ids(u)
        cats = set().union(*(com.get(i, set()) for i in ids)) if ids else set()
        shares = per_unit.get(u.code) if per_unit is not None else {c: float(c in cats) for c in COMMITMENT_CATEGORIES}
        own = rep[(rep["region_code"] == u.code) & rep["ceremony_id"].isin(ids)].sort_values("as_of")
        last = own.iloc[-1] if len(own) else None
        rows.append({
            "code": u.code, "label": u.label, "state": u.state, "own_state": u.own_state, "share": u.share,
            "sub_units": u.sub_units, "sub_covered": u.sub_covered, "ceremony_ids": ids,
            **shares,
            "commitment_pct": 100 * sum(shares.values()) / len(COMMITMENT_CATEGORIES),
            "reported_pct": None if last is None else float(last["percent"]),
            "reported_as_of": None if last is None else last["as_of"],
            "reported_measure": None if last is None else last["measure"],
            "reported_source_ids": [] if last is None else list(last["source_ids"]),
        })
    # named columns even without a unit (an election not held in the region): every table and
    # chart reads them
    return pd.DataFrame(rows, columns=READINESS_COLUMNS)


READINESS_COLUMNS = ["code", "label", "state", "own_state", "share", "sub_units", "sub_covered", "ceremony_ids",
                     *COMMITMENT_CATEGORIES, "commitment_pct", "reported_pct", "reported_as_of",
                     "reported_measure", "reported_source_ids"]


def ranked(units: pd.DataFrame) -> pd.DataFrame:
    """Units in the order every table and bar chart of many units shows them (README, "Urutan"):
    the share reached first (a kecamatan 1 or 0; a kabupaten/kota or province the share of its
    kecamatan), then units that have something to show although not reached (their own ceremony,
    a sosialisasi, a reported figure), then the commitment categories named, then the name. So a
    unit with its own ceremony or a reported figure is never below a page of zeros, and a chart
    and its table list the same units in the same order."""
    df = units.copy()
    share = pd.to_numeric(df["share"], errors="coerce").fillna(-1.0)
    something = ((df["state"] != NONE) | (df.get("own_state", pd.Series(OWN_NONE, index=df.index)) != OWN_NONE)
                 | (df["reported_pct"].notna() if "reported_pct" in df else False))
    cats = df["commitment_pct"] if "commitment_pct" in df else pd.Series(0.0, index=df.index)
    keys = pd.DataFrame({"share": -share, "something": ~something.astype(bool), "cats": -cats.fillna(0.0),
                         "label": df["label"].astype(str), "code": df["code"].astype(str)}, index=df.index)
    order = keys.sort_values(["share", "something", "cats", "label", "code"], kind="stable").index
    return df.loc[order].reset_index(drop=True)


def _category_shares(cov: Coverage, com: dict[str, set]) -> dict[str, dict[str, float]] | None:
    """Aggregates (a province's kabupaten/kota, Indonesia's provinces): per unit and category,
    the share of its kecamatan reached by a ceremony that names the category. Two covered
    kecamatan of 627 make 0.3 %, not 100 % (a unit's own ceremonies count through the kecamatan
    they reach, as in the coverage). None for kecamatan and desa views (a unit's own ceremonies)."""
    kec = cov.kecamatan
    if kec is None:
        return None
    # the view's units are provinces or kabupaten/kota (an aggregate view always has some)
    tops = code_rules.ancestor_column(kec["code"], cov.units["level"].iloc[0])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COMMITMENT_CATEGORIES, 0))
    totals: dict[str, int] = defaultdict(int)
    for top, reach in zip(tops, kec["reach_ids"]):
        totals[top] += 1
        cats = set().union(*(com.get(i, set()) for i in reach)) if len(reach) else set()
        for c in cats:
            if c in counts[top]:
                counts[top][c] += 1
    return {u: {c: (counts[u][c] / totals[u] if totals[u] else 0.0) for c in COMMITMENT_CATEGORIES}
            for u in cov.units["code"]}


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
    election_day: dt.date | None  # None: a planned election (no day yet)


def timeline(records: Records, gaz: Gazetteer, election_id: str, parent_code: str | None,
             until: dt.date | None = None) -> Timeline:
    """Cumulative coverage by date, up to election day (or ``until``).

    Coverage is computed once, at the end date: a unit counts as covered from the earliest
    date of the dated ceremonies that reach it, so the cumulative counts follow by sorting
    those dates (one pass, however many ceremony dates there are). Lines: the parent (its
    child units, or its kecamatan when the children are aggregates, as in
    :attr:`Coverage.headline`), plus one per aggregate child that has any coverage."""
    day = records.election_day(election_id)  # None: a planned election, no day yet (no H)
    end = until or day or dt.date.today()
    cer = concerning(records.for_election(election_id), parent_code)
    dated = cer[cer["date"].notna() & (cer["date"] <= pd.Timestamp(end))].sort_values("date")
    events = dated.assign(h=[(day - d.date()).days if day else None for d in dated["date"]])
    dates = [pd.Timestamp(d) for d in sorted({d.date() for d in dated["date"]} | {end})]

    idx = _index(records, election_id, end)
    date_of = dict(zip(records.ceremonies["id"], records.ceremonies["date"]))

    def firsts(states: pd.DataFrame) -> list:
        return [min(date_of[i] for i in ids) if ids else None for ids in states["reach_ids"]]

    def cumulative(firsts: list) -> list[int]:
        known = sorted(f for f in firsts if pd.notna(f))  # NaT: never covered
        return [bisect.bisect_right(known, d) for d in dates]

    label = gaz.get(parent_code).label if parent_code else "Indonesia"
    units = _units_frame(gaz, parent_code)
    units = units[held_mask(units["code"], idx.regions)]
    lines: list[tuple[str | None, str, list, int]] = []  # (code (None: Indonesia), label, first dates, total)
    if len(units) and units["level"].iloc[0] in AGGREGATE_LEVELS:
        # a new frame: the cached one is shared with every session's thread and never written to
        kec = _kecamatan_states(idx, gaz, parent_code)
        kec = kec.assign(first=firsts(kec))
        lines.append((parent_code, label, list(kec["first"]), len(kec)))
        top = code_rules.ancestor_column(kec["code"], units["level"].iloc[0])
        for code, lbl in zip(units["code"], units["label"]):
            sub = kec[top == code]
            lines.append((code, lbl, list(sub["first"]), len(sub)))
    else:
        if units.empty and parent_code:  # a region with no units below it: itself
            p = gaz.get(parent_code)
            units = pd.DataFrame({"code": [p.code], "level": [p.level]})
        lines.append((parent_code, label, firsts(idx.states(units)), len(units)))
    rows = []
    for i, (code, name, firsts, total) in enumerate(lines):
        if i and not any(pd.notna(f) for f in firsts):
            continue  # child lines only where something happened
        for d, covered in zip(dates, cumulative(firsts)):
            rows.append({"date": d, "h": (day - d.date()).days if day else None, "region_code": code,
                         "region_label": name,
                         "covered": covered, "total": total, "share": covered / total if total else None})
    series = pd.DataFrame(rows, columns=["date", "h", "region_code", "region_label", "covered", "total", "share"])
    return Timeline(series, events.reset_index(drop=True), cer[cer["date"].isna()].reset_index(drop=True), day)


def elections_of(calendar: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """The elections the region in view votes in as a whole (:func:`votes_in`), by date."""
    return where(calendar, (votes_in(region, r) for r in calendar["regions"])).sort_values("date", kind="stable")


def comparable(calendar: pd.DataFrame, region: str | None, election_id: str) -> list[str]:
    """The elections Linimasa can set beside ``election_id`` for the region in view: the others it
    voted in that have a day to align on (none when ``election_id`` itself has no day yet)."""
    mine = elections_of(calendar, region)
    days = dict(zip(mine["id"], mine["date"]))
    if election_id in days and pd.isna(days[election_id]):
        return []
    return [e for e, d in days.items() if e != election_id and pd.notna(d)]


def comparison(records: Records, gaz: Gazetteer, election_ids: list[str], region: str | None,
               today: dt.date | None = None) -> pd.DataFrame:
    """The run-up to several elections side by side, aligned on election day: for each, the view's
    own line of :func:`timeline` (its share of units reached, step by step) up to its election
    day, or up to ``today`` when that day is still ahead. Columns: election_id, date, h (days
    before that election), region_code, region_label, covered, total, share."""
    today = today or dt.date.today()
    frames = []
    for e in election_ids:
        day = records.election_day(e)
        if day is None:  # a planned election has no day to align on
            continue
        tl = timeline(records, gaz, e, region, until=min(day, today))
        own = tl.series[tl.series["region_code"].isna() if region is None else tl.series["region_code"] == region]
        frames.append(own.assign(election_id=e))
    cols = ["election_id", "date", "h", "region_code", "region_label", "covered", "total", "share"]
    return pd.concat(frames, ignore_index=True)[cols] if frames else pd.DataFrame(columns=cols)


def elections_in(calendar: pd.DataFrame, region: str | None) -> list[str]:
    """The elections a ceremony in ``region`` may be recorded for (the validator's own rule): held
    everywhere, or in a region that lies in or contains it; every election for Indonesia. The
    import template's drop-down list offers these."""
    from .records.validate import _holds

    return [e for e, regions in zip(calendar["id"], calendar["regions"])
            if region is None or not isinstance(regions, (list, tuple)) or not regions or _holds(region, list(regions))]
