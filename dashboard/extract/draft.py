"""An article turned into a draft record: every field with its value, confidence, evidence and
alternatives (the ``extract --json`` contract), and, once reviewed, the report mapping the form
and the import save through the one validator.

Nothing here writes: a draft is only a suggestion until a person saves it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import codes
from ..abbreviations import ABBREVIATIONS
from ..errors import msg
from ..records.read import RawReport
from ..regions import Gazetteer
from ..roles import spelled
from . import fields as F
from .article import Article
from .dates import CEREMONY_WORDS, publication_hint, read_date
from .places import KAB, KEC, PROV, PlaceIndex, read_region
from .text import fold, sentences

FIELD_NAMES = ("is_ceremony", "region", "date", "elections", "kinds", "leader", "venue", "signatories",
               "witnesses", "commitment_categories", "readiness")


@dataclass
class Calendar:
    """The elections a draft can name: id, name, date, type (``pemilu``/``pilkada``/other), regions."""

    entries: list[dict]

    @classmethod
    def from_raw(cls, raw: list[RawReport]) -> "Calendar":
        out = []
        for r in raw:
            d = r.data
            if not isinstance(d.get("date"), dt.date) or not isinstance(d.get("id"), str):
                continue
            eid = d["id"]
            kind = "pilkada" if re.search(r"pilkada|pemilihan", eid + " " + fold(str(d.get("name", "")))) else (
                "pemilu" if "pemilu" in eid else "other")
            if d.get("kind") in ("psu", "pemilihan_ulang"):  # a re-vote or a repeat: its own kind
                kind = d["kind"]
            out.append({"id": eid, "name": d.get("name", eid), "date": d["date"], "type": kind,
                        "regions": d.get("regions") or None, "part_of": d.get("part_of")})
        return cls(out)

    @property
    def days(self) -> set[dt.date]:
        return {e["date"] for e in self.entries}


@dataclass
class Draft:
    article: Article
    readings: dict[str, F.Reading]
    region_level: str | None = None
    region_label: str | None = None
    date_extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        out: dict = {"source": self.article.source}
        for name in FIELD_NAMES:
            d = self.readings[name].to_dict()
            if name == "region":
                d["level"], d["label"] = self.region_level, self.region_label
            if name == "date":
                d.update(self.date_extra)
            out[name] = d
        out["article"] = self.article.to_dict()
        return out

    def value(self, name: str):
        return self.readings[name].value


_HEADS = re.compile(r"\b(?:Bupati|Wali Kota|Gubernur|Camat|Lurah|Kepala Desa)$")
_OWN_OFFICE = re.compile(r"bupati|wali kota|gubernur|\bcamat|sekretaris daerah|sekretaris kecamatan|kepala|mantri pamong praja")
_KINDS = {"kabupaten": "Kabupaten", "kab": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi", "prov": "Provinsi",
          "kecamatan": "Kecamatan", "kec": "Kecamatan", "administrasi": "Administrasi"}


def region_name(gaz: Gazetteer, code: str) -> str:
    """A region's name as a role writes it: "Kabupaten Banjar", "Kota Tasikmalaya", "Jawa Tengah", "Batur"."""
    name = re.sub(r"^Kec\.\s+", "", gaz.get(code).label)
    return re.sub(r"^Daerah Khusus Ibukota\b", "DKI", re.sub(r"^Daerah Istimewa\b", "DI", name))


def spelled_role(office: str, place: str | None, level: str | None, gaz: Gazetteer, places: PlaceIndex,
                 region: str | None = None) -> tuple[str, str]:
    """(role as the record writes it, where its place came from: "text", "region" or "").

    Short titles are spelled out (:func:`dashboard.roles.spelled`: "Pj Bupati Gumas" -> "Penjabat
    Bupati Gunung Mas"); an office other than the head is named with its kind ("Sekda Blora" ->
    "Sekretaris Daerah Kabupaten Blora", "Sekda Jateng" -> "Sekretaris Daerah Provinsi Jawa
    Tengah"); a place that is the region read is written as the gazetteer spells it ("Tanjung
    Pinang" -> "Tanjungpinang"); and an office written without its place ("Sekretaris Daerah Dedi
    Kusnadi" at a Pemkot Cimahi event) takes the region read when its level is the office's (issue 38)."""
    base = spelled(office)
    if place == "RI":
        return f"{base} RI", "text"
    name, known = None, ""
    # the region read, or its parent, at the office's level ("Sekda" at a kecamatan's event: its kabupaten)
    if region and level in (KEC, KAB, PROV) and codes.depth(level) <= region.count("."):
        region = ".".join(region.split(".")[:codes.depth(level) + 1])
    at_level = bool(region) and level in (KEC, KAB, PROV) and codes.level(region) == level
    if place:
        words, kinds = place.split(), []
        # a first "Kabupaten", "Kota" is the kind of the place, unless it begins a kecamatan's name ("Kota Raja")
        whole, inexact = places.lookup(place, KEC, None) if level == KEC else ([], True)
        while len(words) > 1 and words[0].lower().strip(".,") in _KINDS and (inexact or not whole):
            kinds.append(_KINDS[words.pop(0).lower().strip(".,")])
        core = " ".join(words)
        name = ABBREVIATIONS.get(fold(core), core)
        found, fuzzy = places.lookup(name, level, None) if level in (KEC, KAB, PROV) else ([], False)
        if kinds and not re.match(r"(?:Kabupaten|Kota|Provinsi)\b", name):
            name = " ".join(kinds + [name])
        # known from the text when it names a region of the office's level ("Palas" is a kecamatan's
        # name, not the short name of a kabupaten the gazetteer knows)
        known = "text" if found and not fuzzy else ""
        if at_level and region in found and not fuzzy:  # the region read: as the gazetteer spells it
            name = region_name(gaz, region)
    elif at_level:
        name, known = region_name(gaz, region), "region"
    if name is None:
        return base, ""
    if _HEADS.search(base) or re.search(r"\b(?:Kabupaten|Kota|Provinsi|Kecamatan)$", base):
        # "Bupati Gunung Mas", never "Bupati Kabupaten Gunung Mas"; "Sekdakab" already says "Kabupaten"
        name = re.sub(r"^(?:Kabupaten|Kota|Kecamatan|Provinsi)\s+(?:Administrasi\s+)?", "", name)
    elif level == PROV and not re.search(r"\bProvinsi$", base) and not name.startswith("Provinsi"):
        name = f"Provinsi {name}"
    elif not re.search(r"\b(?:Kabupaten|Kota|Provinsi|Kecamatan)$", base) and not re.match(
            r"(?:Kabupaten|Kota|Provinsi|Kecamatan)\b", name) and level != KEC:
        found, fuzzy = places.lookup(name, KAB, None)
        if len(found) == 1 and not fuzzy:
            name = gaz.get(found[0]).label
    return f"{base} {name}", known


def _named_years(pattern: re.Pattern, texts: list[str]) -> set[int]:
    """The years written right after an election's name ("pilkada serentak 2020", "pemilu 14
    februari 2024"), in folded texts."""
    out = set()
    for text in texts:
        for m in pattern.finditer(text):
            y = re.match(r"(?:[\w.]+\s+){0,3}?((?:19|20)\d{2})\b", text[m.end():m.end() + 40].lstrip())
            if y:
                out.add(int(y.group(1)))
    return out


def _election_reading(sents, title: str, cal: Calendar, when: dt.date | None, region: str | None) -> F.Reading:
    text_title = fold(title or "")
    found: dict[str, str] = {}
    for kind, pat in F.ELECTION_RE.items():
        if pat.search(text_title):
            found.setdefault(kind, title)
        for s in sents:
            if pat.search(s.folded):
                found.setdefault(kind, s.text)
                break
    if not found:
        # Not named (an article may only say "masa kampanye"): offer the next election after the
        # ceremony, as a choice to check, never as sure.
        upcoming = sorted((e for e in cal.entries if when and e["date"] >= when
                           and (not e["regions"] or (region and any(codes.related(region, r)
                                                                     for r in e["regions"])))),
                          key=lambda e: e["date"])
        if not upcoming:
            return F.missing(msg("note_no_election"))
        return F.Reading([upcoming[0]["id"]], F.CHECK, None, [e["id"] for e in upcoming[1:]],
                         [msg("note_next_election")])
    years = {int(y) for y in re.findall(r"\b(20\d{2})\b", text_title + " " + " ".join(s.folded for s in sents))}
    chosen, per, notes, alts = [], {}, [], []
    after_vote: dict[str, F.Msg] = {}  # a pick whose voting day the ceremony came after, and why
    for kind, evidence in found.items():
        pool = [e for e in cal.entries if e["type"] == kind]
        # "Pilkada Serentak 2020": an election the article names by a year the calendar does not
        # hold is not guessed into a later one of the same kind (issue 38)
        named = _named_years(F.ELECTION_RE[kind], [text_title] + [x.folded for x in sents])
        if named and not named & {e["date"].year for e in pool}:
            notes.append(msg("note_election_not_in_calendar", kind=kind, years=", ".join(map(str, sorted(named)))))
            continue
        if kind == "pilkada":  # a re-vote or a repeat of a Pilkada is that Pilkada's, in its regions
            parents = {e["id"] for e in pool}
            pool += [e for e in cal.entries if e.get("part_of") in parents]
        if region:
            pool = [e for e in pool if codes.related_any(region, e["regions"])]
        if not pool:
            notes.append(msg("note_no_election_kind", kind=kind))
            continue
        ref = when
        upcoming = sorted((e for e in pool if ref and e["date"] >= ref), key=lambda e: e["date"])
        by_year = [e for e in pool if e["date"].year in years]
        pick = upcoming[0] if upcoming else (by_year[0] if len(by_year) == 1 else None)
        if pick is None:
            alts += [e["id"] for e in pool]
            notes.append(msg("note_election_year", kind=kind))
            continue
        if not upcoming:  # named by its year, but the ceremony came after its voting day: to check
            after_vote[pick["id"]] = msg("note_after_vote", kind=kind, election=pick["id"])
        chosen.append(pick["id"])
        per[pick["id"]] = evidence
        alts += [e["id"] for e in pool if e["id"] != pick["id"]]
    # a ceremony before a re-vote is for the re-vote, not also for the election it repeats
    chosen = list(dict.fromkeys(chosen))
    replaced = {e["part_of"] for e in cal.entries if e["id"] in chosen and e.get("part_of")}
    alts += [c for c in chosen if c in replaced]
    chosen = [c for c in chosen if c not in replaced]
    # an election whose vote is over beside one still ahead ("belajar dari Pemilu Februari lalu" in
    # an October 2024 Pilkada pledge): the pledge is for the one ahead; the other is offered
    if any(c not in after_vote for c in chosen):
        alts += [c for c in chosen if c in after_vote]
        chosen = [c for c in chosen if c not in after_vote]
    notes += [after_vote[c] for c in chosen if c in after_vote]
    alts = [a for a in alts if a not in chosen]
    if not chosen:
        return F.Reading(None, F.CHECK, next(iter(found.values())), list(dict.fromkeys(alts)), notes)
    # two elections are *Pasti* only when each is named where the ceremony is (its headline, or a
    # sentence naming the kind of event): "ikrar netralitas Pemilu 2024" beside a passing "serta
    # Pilkada nanti" is the Pemilu's (issue 38)
    if len(chosen) > 1:
        said = [F._said(x) for x in sents]  # a quote's "maupun pada pilkada" is the speaker's, not the event's
        event = [text_title] + [t for t in said if any(p.search(t) for p in F.KIND_RE.values())]
        kind_of = {e["id"]: e["type"] for e in cal.entries}
        pats = {**F.ELECTION_RE, "psu": F.ELECTION_RE["psu"]}
        if not all(any(pats[kind_of[c]].search(t) for t in event) for c in chosen if kind_of.get(c) in pats):
            notes.append(msg("note_elections_apart"))
    sure = when is not None and not notes
    if when is None:
        notes.append(msg("note_date_unsure"))
    return F.Reading(chosen, F.SURE if sure else F.CHECK, per[chosen[0]], list(dict.fromkeys(alts)), notes,
                     per_value=per)


def extract(article: Article, gaz: Gazetteer, calendar: Calendar, places: PlaceIndex | None = None) -> Draft:
    """Read every field of the draft from ``article`` (pure: no writing, no network)."""
    places = places or PlaceIndex(gaz)
    sents = sentences(((article.title + "\n") if article.title else "") + article.text)
    title = article.title or ""
    ceremony = {s.index for s in sents if CEREMONY_WORDS.search(s.folded)}
    kinds = F.read_kinds(sents, title)
    is_cer = F.read_is_ceremony(sents, title, kinds)
    found_leaders = F.leaders(sents, places.names, bool(article.title), places.provinces, places.parents)
    leader, best = F.read_leader(found_leaders)
    region = read_region(sents, places, best.level if best else None, best.place if best else None, ceremony)
    if best is not None and leader.value:
        if best.staff:  # a head's staff: the office as written, never *Pasti* (it is written many ways)
            leader.value["role"], known = spelled(best.role), ""
        else:
            leader.value["role"], known = spelled_role(best.office, best.place, best.level, gaz, places, region.value)
        for other in leader.alternatives:
            other["role"] = spelled(other["role"])
        # the role shares the leader's confidence: *Pasti* only with its place written beside it, or,
        # for the region's own government (not a Bawaslu chair, who may be the province's or the
        # nation's), taken from a region that is itself *Pasti*; a village head's village is not told
        # from his name
        own = bool(_OWN_OFFICE.search(fold(spelled(best.office))))
        if leader.confidence == F.SURE and (not known or best.level == "desa/kelurahan" or (
                known == "region" and (region.confidence != "sure" or not own))):
            leader.confidence = F.CHECK
            leader.notes.append(msg("note_role_place"))
    published, hint = article.published, None
    if published is None:  # the year a day and month belong to: from the article's own dateline or link
        published, hint = publication_hint(sents, article.url)
    date = read_date(sents, published, calendar.days)
    if hint and date.value is not None and date.year_inferred:
        date.warnings.append(msg("note_year_from", where=msg("note_dateline" if hint == "dateline" else "note_url")))
    elections = _election_reading(sents, title, calendar, date.value or article.published, region.value)
    readings = {
        "is_ceremony": is_cer,
        "region": F.Reading(region.value, region.confidence, region.evidence, region.alternatives, region.warnings),
        "date": F.Reading(date.value.isoformat() if date.value else None, date.confidence, date.evidence,
                          date.alternatives, date.warnings),
        "elections": elections,
        "kinds": kinds,
        "leader": leader,
        "venue": F.read_venue(sents, ceremony),
        "signatories": F.read_signatories(sents, best),
        "witnesses": F.read_witnesses(sents),
        "commitment_categories": F.read_categories(sents),
        "readiness": F.read_readiness(sents),
    }
    label = gaz.path_label(region.value) if region.value else None
    extra = {"year_inferred": date.year_inferred}
    if date.stated:
        extra["stated"] = date.stated
    if date.weekday_only:
        extra["weekday_only"] = date.weekday_only
    return Draft(article, readings, region.level, label, extra)


def stated_date(draft: Draft) -> str | None:
    """The date's own words as the article wrote them ("jumat (10/11)"), for ``date_inferred.stated``:
    never the whole sentence, which would copy the article into the record (issue 36's curation
    found every inferred date carrying its sentence)."""
    return draft.date_extra.get("stated") or draft.readings["date"].value


def to_report(draft: Draft, gaz: Gazetteer, *, ceremony_id: str, date: dt.date | None, region: str,
              elections: list[str], kinds: list[str], leader: dict | None = None, venue: str | None = None,
              signatories: list[dict] | None = None, witnesses: list[str] | None = None,
              commitments: list[dict] | None = None, readiness: list[dict] | None = None,
              date_unknown_reason: str | None = None, date_inferred: dict | None = None,
              notes: str | None = None, outlet: str | None = None, published: dt.date | None = None) -> dict:
    """The reviewed draft as a report mapping (what a curated file holds). Every argument is the
    reviewer's decision; the draft supplies only the article's source entry."""
    a = draft.article
    # the outlet is the page's (or the reviewer's), never a placeholder such as the word "teks" or a
    # link: without one the source entry has none, and the validator asks for it
    source = {"outlet": outlet or a.outlet} if (outlet or a.outlet) else {}
    if a.title:
        source["title"] = a.title
    if a.url and re.match(r"^https?://", a.url):
        source["url"] = a.url
    if published or a.published:
        source["published"] = published or a.published
    data: dict = {"id": ceremony_id, "region": region, "level": gaz.get(region).level, "date": date}
    if date is None:
        data["date_unknown_reason"] = date_unknown_reason or "Berita tidak menyebut tanggal kegiatan."
    elif date_inferred:
        data["date_inferred"] = date_inferred
    data["elections"] = elections
    data["kinds"] = kinds
    if venue:
        data["venue"] = venue
    if leader and (leader.get("name") or leader.get("role")):
        data["leader"] = {k: v for k, v in leader.items() if v}
    if signatories:
        data["signatories"] = signatories
    if witnesses:
        data["witnesses"] = witnesses
    if commitments:
        data["commitments"] = commitments
    if readiness:
        data["readiness"] = readiness
    data["sources"] = [source]
    if notes:
        data["notes"] = notes
    return data


def suggested_report(draft: Draft, gaz: Gazetteer, ceremony_id: str) -> dict | None:
    """The draft's own values as a report (for ``--sheet``); None when it has no region."""
    region = draft.value("region")
    if not region:
        return None
    date = draft.value("date")
    day = dt.date.fromisoformat(date) if date else None
    inferred = None
    if day and draft.date_extra.get("year_inferred"):
        inferred = {"stated": stated_date(draft) or "", "year": day.year,
                    "how": "tahun dari tanggal terbit berita (perlu dicek)"}
    return to_report(draft, gaz, ceremony_id=ceremony_id, date=day, region=region,
                     elections=draft.value("elections") or [], kinds=draft.value("kinds") or [],
                     leader=draft.value("leader"), venue=draft.value("venue"),
                     signatories=draft.value("signatories"), witnesses=draft.value("witnesses"),
                     readiness=None, date_inferred=inferred,
                     date_unknown_reason=None if day else "Tanggal tidak ditemukan di berita (perlu dicek).")


def record_to_review(draft: Draft, gaz: Gazetteer, ceremony_id: str) -> dict:
    """The draft as a record file for a reviewer to correct (``extract --record``): the report
    :func:`suggested_report` makes, or, with no region read, everything else it read (the day,
    elections, kinds, who led) with the region left to the reviewer. (Issue 38: the file once came out
    with an empty date, elections and kinds, and the reviewer had to read them again.)"""
    report = suggested_report(draft, gaz, ceremony_id)
    if report is not None:
        return report
    date = draft.value("date")
    leader = draft.value("leader") or {}
    out = {"id": ceremony_id, "region": None, "level": None,
           "date": dt.date.fromisoformat(date) if date else None,
           "elections": draft.value("elections") or [], "kinds": draft.value("kinds") or []}
    if not date:
        out["date_unknown_reason"] = "Tanggal tidak ditemukan di berita (perlu dicek)."
    if leader.get("name") or leader.get("role"):
        out["leader"] = {k: leader[k] for k in ("name", "role") if leader.get(k)}
    for key in ("venue", "witnesses"):
        if draft.value(key):
            out[key] = draft.value(key)
    out["sources"] = [{k: v for k, v in (("outlet", draft.article.outlet), ("title", draft.article.title),
                                         ("url", draft.article.url), ("published", draft.article.published)) if v}]
    return out


def _given(value) -> bool:
    """A cell the reviewer filled in (an empty editor cell is None, NaN or pandas' NA)."""
    import pandas as pd

    return value is not None and bool(pd.notna(value))


def stored_article(source: str, text: str, article: dict) -> Article:
    """The article of a queued draft, from what the queue keeps (the ``article`` object of the JSON)."""
    published = dt.date.fromisoformat(article["published"]) if article.get("published") else None
    return Article(source, text, article.get("title"), article.get("outlet"), article.get("url"), published, None)


def reviewed_report(stored: dict, article: Article, gaz: Gazetteer, *, ceremony_id: str, region: str,
                    day: dt.date | None, day_from_reading: bool, elections: list[str], kinds: list[str],
                    leader_name: str, leader_role: str, venue: str, signatory_rows: list[dict],
                    witnesses: list[str], categories: list[str], commitment_text: str,
                    readiness_rows: list[dict], notes: str, outlet: str = "",
                    published: dt.date | None = None) -> dict:
    """The report the reviewer decided on, from the review page's plain values.

    ``stored``: the draft's JSON; ``day_from_reading``: the day was one the draft offered (so a
    year inferred there, or a weekday-only day, is saved with ``date_inferred`` saying so).
    Signatory rows: group, count, all; readiness rows: percent, measure, reported on ``day``;
    commitment text: one line per chosen category, the category's name where a line is missing.
    Provenance is the reviewer's to give where the article lacks it, never invented (issue 21):
    ``outlet`` and ``published`` fill in what the page did not say (pasted text says neither); a
    report is refused without an outlet, or without a publication date when the article has none.
    A readiness figure needs what was measured and the day it was measured (``as_of``): refused,
    never dropped and never given the ceremony's day or a stock word. Alternatives the draft
    offered and the reviewer did not pick are not saved."""
    from ..errors import PetaError
    from ..records.vocab import COMMITMENT_CATEGORIES

    dr = stored["date"]
    inferred = None
    if day and day_from_reading and (dr.get("year_inferred") or dr.get("weekday_only")):
        inferred = {"stated": dr.get("stated") or dr.get("weekday_only") or "(tidak ada)", "year": day.year,
                    "how": f"dipilih pemeriksa; tanggal terbit berita {stored['article'].get('published') or '-'}"}
    lines = [x.strip() for x in commitment_text.splitlines() if x.strip()]
    commitments = [{"category": c, "text": lines[i] if i < len(lines) else COMMITMENT_CATEGORIES[c].id_label}
                   for i, c in enumerate(categories)]
    signatories = []
    for r in signatory_rows:
        if not r.get("group"):
            continue
        entry: dict = {"group": r["group"]}
        if _given(r.get("count")):
            entry["count"] = int(r["count"])
        if r.get("all") is True:
            entry["all"] = True
        signatories.append(entry)
    from ..errors import Problem

    problems = []
    outlet = (outlet or "").strip() or None
    if not (outlet or article.outlet):
        problems.append(Problem("sources[0].outlet", None, msg("draft_outlet"), record=ceremony_id))
    if not (published or article.published):
        problems.append(Problem("sources[0].published", None, msg("draft_published"), record=ceremony_id))
    figures = [r for r in readiness_rows if _given(r.get("percent"))]
    readiness = []
    for i, r in enumerate(figures):
        measure, as_of = str(r.get("measure") or "").strip(), r.get("as_of")
        if not _given(as_of):
            as_of = None
        elif isinstance(as_of, dt.datetime) or hasattr(as_of, "to_pydatetime"):  # a pandas or datetime value
            as_of = as_of.date()
        if not measure:
            problems.append(Problem(f"readiness[{i}].measure", r.get("measure"), msg("draft_measure"), record=ceremony_id))
        if as_of is None:
            problems.append(Problem(f"readiness[{i}].as_of", None, msg("draft_as_of"), record=ceremony_id))
        readiness.append({"percent": float(r["percent"]), "measure": measure, "as_of": as_of})
    if problems:
        raise PetaError(problems)
    return to_report(Draft(article, {}), gaz, ceremony_id=ceremony_id, date=day, region=region,
                     elections=elections, kinds=kinds, leader={"name": leader_name or None, "role": leader_role or None},
                     venue=venue or None, signatories=signatories, witnesses=witnesses, commitments=commitments,
                     readiness=readiness, date_inferred=inferred, notes=notes or None, outlet=outlet,
                     published=published)
