"""Validation: every field of every report checked against the model, the
vocabularies, the election calendar and the gazetteer. All problems are
collected before anything is raised, so one run lists them all.

Dates are never guessed: a date must be an ISO date (YYYY-MM-DD) or null with a
reason; a year the source left out is accepted only with ``date_inferred``
saying what the source stated and how the year was worked out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import codes
from ..errors import Msg, Problem, msg
from ..codes import LEVELS
from ..geo import level_of_code
from ..regions import Gazetteer
from .read import RawReport
from .vocab import COMMITMENT_CATEGORIES, KINDS, SIGNATORY_GROUPS, WITNESS_BODIES

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")
CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")

FIELDS = {  # each field's shape, as the English problems name it
    "id": "stable id: lower-case letters, digits and hyphens",
    "region": "Kemendagri code as a quoted string, e.g. \"32.01.01\"",
    "level": f"one of: {', '.join(LEVELS)}",
    "date": "YYYY-MM-DD, or null with date_unknown_reason",
    "date_inferred": "mapping with stated, year, how",
    "date_unknown_reason": "text: why the date is unknown",
    "elections": "list of election ids from data/elections.yaml",
    "venue": "text", "kinds": "list of kinds", "leader": "mapping with name, role",
    "signatories": "list of {group, count, all, note}", "witnesses": "list of bodies",
    "commitments": "list of {category, text}", "readiness": "list of {measure, percent, as_of}",
    "sources": "list of {outlet, title, url, published, archive, note}", "notes": "text",
}
SUBFIELDS = {
    "leader": {"name", "role"},
    "signatories": {"group", "count", "all", "note"},
    "commitments": {"category", "text"},
    "readiness": {"measure", "percent", "as_of", "note"},
    "sources": {"outlet", "title", "url", "published", "archive", "note"},
    "date_inferred": {"stated", "year", "how"},
}


def _options(vocab) -> Msg:
    return msg("one_of", options=list(vocab))


class _Checker:
    def __init__(self, report: RawReport, problems: list[Problem]):
        self.file = report.origin
        self.data = report.data
        self.record = report.data.get("id") if isinstance(report.data.get("id"), str) else None
        self.problems = problems

    def bad(self, field: str, value: Any, want: Msg) -> None:
        self.problems.append(Problem(field=field, value=value, want=want,
                                     file=self.file, record=self.record))

    def fields(self, known) -> None:
        """Every field of the record is one of ``known``."""
        for k, v in self.data.items():
            if k not in known:
                self.bad(k, v, msg("known_fields", fields=list(known)))

    def text(self, field: str, value: Any, required: bool = False) -> None:
        if value is None:
            if required:
                self.bad(field, value, msg("required_text"))
        elif not isinstance(value, str) or not value.strip():
            self.bad(field, value, msg("nonempty_text"))

    def date(self, field: str, value: Any, required: bool = False) -> None:
        if value is None and not required:
            return
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.bad(field, value, msg("date_never_guessed"))

    def keys(self, field: str, mapping: Any, allowed: set[str]) -> bool:
        if not isinstance(mapping, dict):
            self.bad(field, mapping, msg("mapping_keys", keys=sorted(allowed)))
            return False
        for k in mapping:
            if k not in allowed:
                self.bad(f"{field}.{k}", mapping[k], msg("known_keys", keys=sorted(allowed)))
        return True

    def items(self, field: str, required: bool = False) -> list:
        value = self.data.get(field)
        if value is None:
            if required:
                self.bad(field, value, msg("required", what=FIELDS[field]))
            return []
        if not isinstance(value, list) or (required and not value):
            self.bad(field, value, msg("nonempty_list" if required else "a_list", what=FIELDS[field]))
            return []
        return value


def _known(value: Any, table) -> bool:
    """``value`` is one of ``table``'s names (a list or mapping read from YAML is never one, and
    would not even be hashable)."""
    return isinstance(value, str) and value in table


def _holds(code: str, regions: list[str]) -> bool:
    """A region takes part in an election held in ``regions`` when it lies inside one of them or
    contains one (a provincial ceremony for a kabupaten's election)."""
    return codes.related_any(code, regions)


def validate_report(report: RawReport, gazetteer: Gazetteer, elections: dict[str, list[str] | None],
                    problems: list[Problem]) -> None:
    """``elections``: the calendar's election ids, each with the regions that hold it (None:
    everywhere); a set of ids is accepted too."""
    c = _Checker(report, problems)
    d = report.data
    c.fields(FIELDS)

    rid = d.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        c.bad("id", rid, msg("stable_id"))

    code, level = d.get("region"), d.get("level")
    if isinstance(code, float):
        c.bad("region", code, msg("code_quoted_yaml", example="32.01"))
    elif not isinstance(code, str) or not CODE_RE.match(code):
        c.bad("region", code, msg("code_written", example="32.01.01"))
    elif code not in gazetteer:
        c.bad("region", code, msg("code_in_boundaries"))
    if not _known(level, LEVELS):
        c.bad("level", level, _options(LEVELS))
    elif isinstance(code, str) and CODE_RE.match(code) and level_of_code(code) != level:
        c.bad("level", level, msg("level_of_code", code=code, level=level_of_code(code)))

    date = d.get("date", "(missing)")
    if date == "(missing)":
        c.bad("date", None, msg("date_or_reason"))
    elif date is None:
        c.text("date_unknown_reason", d.get("date_unknown_reason"), required=True)
        if "date_inferred" in d:
            c.bad("date_inferred", d["date_inferred"], msg("only_with_date"))
    else:
        c.date("date", date, required=True)
        if d.get("date_unknown_reason") is not None:
            c.bad("date_unknown_reason", d["date_unknown_reason"], msg("only_without_date"))
        inf = d.get("date_inferred")
        if inf is not None and c.keys("date_inferred", inf, SUBFIELDS["date_inferred"]):
            c.text("date_inferred.stated", inf.get("stated"), required=True)
            c.text("date_inferred.how", inf.get("how"), required=True)
            if isinstance(date, dt.date) and inf.get("year") != date.year:
                c.bad("date_inferred.year", inf.get("year"), msg("year_of_date", year=date.year))

    for e in c.items("elections", required=True):
        if not isinstance(e, str) or e not in elections:
            c.bad("elections", e, _options(sorted(elections)))
        elif isinstance(elections, dict) and elections[e] and isinstance(code, str) and code in gazetteer \
                and not _holds(code, elections[e]):
            c.bad("elections", e, msg("election_held_in", code=code, election=e, regions=elections[e]))
    c.text("venue", d.get("venue"))
    c.text("notes", d.get("notes"))
    for k in c.items("kinds", required=True):
        if not _known(k, KINDS):
            c.bad("kinds", k, _options(KINDS))
    leader = d.get("leader")
    if leader is not None and c.keys("leader", leader, SUBFIELDS["leader"]):
        c.text("leader.name", leader.get("name"))
        c.text("leader.role", leader.get("role"))

    for i, s in enumerate(c.items("signatories")):
        f = f"signatories[{i}]"
        if not c.keys(f, s, SUBFIELDS["signatories"]):
            continue
        if not _known(s.get("group"), SIGNATORY_GROUPS):
            c.bad(f + ".group", s.get("group"), _options(SIGNATORY_GROUPS))
        n = s.get("count")
        if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
            c.bad(f + ".count", n, msg("count_rule"))
        if s.get("all") is not None and not isinstance(s.get("all"), bool):
            c.bad(f + ".all", s.get("all"), msg("all_rule"))
        c.text(f + ".note", s.get("note"))
    for w in c.items("witnesses"):
        if not _known(w, WITNESS_BODIES):
            c.bad("witnesses", w, _options(WITNESS_BODIES))
    for i, m in enumerate(c.items("commitments")):
        f = f"commitments[{i}]"
        if c.keys(f, m, SUBFIELDS["commitments"]):
            if not _known(m.get("category"), COMMITMENT_CATEGORIES):
                c.bad(f + ".category", m.get("category"), _options(COMMITMENT_CATEGORIES))
            c.text(f + ".text", m.get("text"), required=True)
    for i, r in enumerate(c.items("readiness")):
        f = f"readiness[{i}]"
        if c.keys(f, r, SUBFIELDS["readiness"]):
            c.text(f + ".measure", r.get("measure"), required=True)
            p = r.get("percent")
            if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 100:
                c.bad(f + ".percent", p, msg("percent_rule"))
            c.date(f + ".as_of", r.get("as_of"), required=True)
    _check_sources(c)


def _check_sources(c: _Checker) -> None:
    """``sources``: a ceremony's news reports, or where an election's facts are published."""
    for i, s in enumerate(c.items("sources", required=True)):
        f = f"sources[{i}]"
        if c.keys(f, s, SUBFIELDS["sources"]):
            c.text(f + ".outlet", s.get("outlet"), required=True)
            for k in ("title", "archive", "note"):
                c.text(f"{f}.{k}", s.get(k))
            url = s.get("url")
            if url is not None and not (isinstance(url, str) and re.match(r"^https?://\S+$", url)):
                c.bad(f + ".url", url, msg("url_rule"))
            c.date(f + ".published", s.get("published"))


# What an election can be (issue 35): one range of dates that the calendar file, the Kalender
# form, the store and the sidebar's as-of picker all keep (Pemilu 2019 or Pilkada 2020 may be added;
# 0001-01-01 or 9999-12-31 is no election), a unique name that fits the sidebar's picker, and no
# more regions than Indonesia has governments whose heads are elected (552; a re-vote may list a
# kecamatan where only its polling stations voted again).
ELECTION_DATES = (dt.date(2000, 1, 1), dt.date(2050, 12, 31))
ELECTION_NAME_MAX = 80
ELECTION_REGIONS_MAX = 600

CALENDAR_FIELDS = ("id", "name", "name_en", "date", "year", "note", "regions", "part_of", "kind", "sources")
# How an election belongs to the one named in ``part_of``.
ELECTION_KINDS = {
    "psu": "pemungutan suara ulang (a re-vote the Mahkamah Konstitusi ordered)",
    "pemilihan_ulang": "pemilihan ulang (a new election after the empty box won)",
}


def validate_calendar(entries: list[RawReport], problems: list[Problem], gazetteer: Gazetteer | None = None) -> None:
    """Every election: id, name, date and the sources that publish it; ``regions`` (codes of the
    regions that vote, when not everywhere) must be known codes; ``part_of`` names another election
    of the calendar (a PSU of Pilkada 2024), with ``kind`` saying how, and its regions must take
    part in that election."""
    seen: set[str] = set()
    names: dict[str, str] = {}  # a name as the picker shows it -> the election that has it
    held = {e.data.get("id"): e.data.get("regions") for e in entries if isinstance(e.data.get("id"), str)}
    for e in entries:
        c = _Checker(e, problems)
        d = e.data
        c.fields(CALENDAR_FIELDS)
        regions = d.get("regions")
        if regions is not None:
            if not isinstance(regions, list) or not regions:
                c.bad("regions", regions, msg("regions_list"))
                regions = None
            else:
                if len(regions) > ELECTION_REGIONS_MAX:
                    c.bad("regions", f"{len(regions)} wilayah", msg("regions_at_most", n=ELECTION_REGIONS_MAX))
                    regions = None
                for r in regions or ():
                    if not isinstance(r, str) or not CODE_RE.match(r) or (gazetteer is not None and r not in gazetteer):
                        c.bad("regions", r, msg("code_quoted_known"))
        if not isinstance(d.get("id"), str) or not ID_RE.match(d.get("id") or ""):
            c.bad("id", d.get("id"), msg("stable_id"))
        elif d["id"] in seen:
            c.bad("id", d["id"], msg("unique_election_id"))
        else:
            seen.add(d["id"])
        first, last = ELECTION_DATES
        for f in ("name", "name_en"):
            c.text(f, d.get(f), required=f == "name")
            if isinstance(d.get(f), str) and len(d[f]) > ELECTION_NAME_MAX:
                c.bad(f, d[f][:40] + "…", msg("name_at_most", n=ELECTION_NAME_MAX, length=len(d[f])))
        if isinstance(d.get("name"), str):
            key = " ".join(d["name"].split()).casefold()
            if key in names:
                c.bad("name", d["name"], msg("unique_election_name", other=names[key]))
            names.setdefault(key, d.get("id"))
        year = d.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not first.year <= year <= last.year):
            c.bad("year", year, msg("election_year", first=first.year, last=last.year))
        c.date("date", d.get("date"), required=year is None)
        if isinstance(d.get("date"), dt.date) and not first <= d["date"] <= last:
            c.bad("date", d["date"], msg("date_between", first=first.isoformat(), last=last.isoformat()))
        if isinstance(d.get("date"), dt.date) and isinstance(year, int) and d["date"].year != year:
            c.bad("year", year, msg("year_of_date_or_none", year=d["date"].year))
        c.text("note", d.get("note"))
        _check_sources(c)
        parent, kind = d.get("part_of"), d.get("kind")
        if parent is not None:
            if not isinstance(parent, str) or parent not in held or parent == d.get("id"):
                c.bad("part_of", parent, msg("other_election", ids=[i for i in held if i != d.get("id")]))
            elif held[parent] and isinstance(regions, list):
                for r in regions:
                    if isinstance(r, str) and not _holds(r, held[parent]):
                        c.bad("regions", r, msg("voted_in", election=parent, regions=held[parent]))
            if not _known(kind, ELECTION_KINDS):
                c.bad("kind", kind, msg("belongs_how", parent=str(parent), options=list(ELECTION_KINDS)))
        elif kind is not None:
            c.bad("kind", kind, msg("kind_needs_part_of"))
