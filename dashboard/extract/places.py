"""Where the ceremony was held: a Kemendagri code, found from the names the article uses.

Rules (README, "Dari berita ke catatan"):

* Names are read where the text marks their level: ``Kecamatan``/``Kec.``/``Camat`` X,
  ``Kabupaten``/``Kab.``/``Pemkab``/``Bupati`` X, ``Kota``/``Pemkot``/``Wali Kota`` X,
  ``Provinsi``/``Pemprov``/``Gubernur`` X, and the dateline (``BOGOR, (NBC) -``), which has no level.
  Common short names (Kukar, Jaksel…) are read through :mod:`dashboard.abbreviations`.
* The level is decided by who led (a camat: kecamatan; a bupati, wali kota, sekda: kabupaten/kota;
  a governor: provinsi), else by a Pemkab/Pemkot/Pemprov or ``se-Kabupaten`` subject, else by the
  most specific level named in a sentence about the ceremony.
* A name held by several regions at that level is narrowed by the other places the article names
  (its kabupaten, its province, the dateline). What remains is offered as choices with full paths;
  the reading is *Pasti* only when exactly one region fits, by an exact name, at a level the text
  decides, and (for names found in several places nationally) a parent named in the text confirms it.
* Near spellings are found with rapidfuzz, limited to the level (and parent when known), and
  are never *Pasti*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import codes as code_rules
from .. import spelling
from ..abbreviations import ABBREVIATIONS
from ..errors import Msg, msg
from ..regions import Gazetteer, _fold
from .text import Sentence

KEC, KAB, PROV = "kecamatan", "kabupaten/kota", "provinsi"
_NAME = r"((?:[A-Z][\w'’-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]*))?(?:\s+(?:[A-Z][\w'’-]*))?)"
_MARKERS = [  # (pattern, level, kab/kota kind, strength): strength 2 = the ceremony's subject
    (r"\bse-?\s?[Kk]ecamatan\s+", KEC, None, 2),
    # lower case too: "perangkat desa di kecamatan Leuwiliang" marks the level as well as the capital does
    (r"\b(?:[Kk]ecamatan|KECAMATAN|Kec\.)\s*", KEC, None, 1),
    (r"\b(?:Camat|CAMAT)\s+", KEC, None, 1),
    # Yogyakarta's kemantren, a kecamatan by another name, and its head (issue 38)
    (r"\b(?:Kemantren|Mantri\s+Pamong\s+Praja)\s+", KEC, None, 1),
    (r"\b(?:Pemkab|Pemerintah\s+Kabupaten(?:\s*\(Pemkab\))?|se-?\s?[Kk]abupaten)\s+", KAB, "kabupaten", 2),
    (r"\b(?:[Kk]abupaten|KABUPATEN|Kab\.)\s*", KAB, "kabupaten", 1),
    (r"\b(?:Bupati|BUPATI)\s+", KAB, "kabupaten", 1),
    (r"\b(?:Pemkot|Pemerintah\s+Kota(?:\s*\(Pemkot\))?|se-?\s?[Kk]ota)\s+", KAB, "kota", 2),
    (r"\b(?:Wali\s?[Kk]ota|Walkot)\s+", KAB, "kota", 1),
    (r"(?<![Ww]ali )(?<![Ww]ali)\b(?:Kota|KOTA)\s+", KAB, "kota", 1),
    (r"\b(?:Pemprov|Pemerintah\s+Provinsi(?:\s*\(Pemprov\))?|se-?\s?[Pp]rovinsi)\s+", PROV, None, 2),
    (r"\b(?:[Pp]rovinsi|PROVINSI|Prov\.)\s*", PROV, None, 1),
    (r"\b(?:Gubernur|GUBERNUR)\s+", PROV, None, 1),
]
_MARKERS = [(re.compile(p + _NAME), lvl, kind, strength) for p, lvl, kind, strength in _MARKERS]
_DATELINE = re.compile(r"^\s*([A-Z][A-Z'’. -]{2,30}?)\s*(?:,|\(|–|—|-)")
_NOT_NAMES = {"asn", "pns", "pemilu", "pilkada", "netralitas", "the", "dan", "selasa", "rabu", "kamis", "jumat",
              "sabtu", "minggu", "senin", "setda", "sekretariat", "badan", "dinas", "kepala", "se", "untuk",
              "dalam", "pada", "saat", "yang", "bapak", "ibu", "dprd", "bawaslu", "kpu"}


@dataclass
class Mention:
    name: str           # as written
    level: str | None   # None: dateline (any level)
    kind: str | None    # kabupaten / kota
    strength: int       # 2: the subject ("Pemkab X"), 1: named, 0: dateline
    sentence: Sentence
    codes: list[str] = field(default_factory=list)
    fuzzy: bool = False


@dataclass
class RegionReading:
    value: str | None
    level: str | None
    confidence: str
    evidence: str | None
    alternatives: list[dict] = field(default_factory=list)  # {"code", "label"}
    warnings: list[Msg] = field(default_factory=list)


class PlaceIndex:
    """Gazetteer keys by level and kind, for exact and near look-ups (built once per gazetteer)."""

    def __init__(self, gaz: Gazetteer):
        t = gaz.table
        t = t[t["level"].isin([KEC, KAB, PROV])]
        self.gaz = gaz
        self.by_key: dict[tuple[str, str], list[str]] = {}
        for code, key, full, level in zip(t["code"], t["key"], t["full"], t["level"]):
            self.by_key.setdefault((level, key), []).append(code)
            if level == KEC and full != key:  # "Kota Mukomuko", a kecamatan
                self.by_key.setdefault((level, full), []).append(code)
        self.kind = dict(zip(t["code"], t["kind"]))
        self.keys = {lvl: sorted({k for (lv, k) in self.by_key if lv == lvl}) for lvl in (KEC, KAB, PROV)}
        # every name a role may be followed by, as keys (no spaces or hyphens): the article reader
        # tells "Camat Cibinong" from a person by it; and the provinces' ("Ketua Bawaslu Sulsel")
        self.names = {k.replace("-", "") for (_lv, k) in self.by_key} | {_key(a) for a in ABBREVIATIONS}
        self.provinces = set(self.keys[PROV]) | {_key(a) for a, full in ABBREVIATIONS.items()
                                                  if not re.match(r"(?:Kabupaten|Kota)\b", full)}
        self.parents = self.provinces | set(self.keys[KAB]) | {_key(a) for a in ABBREVIATIONS}

    def lookup(self, name: str, level: str, kind: str | None) -> tuple[list[str], bool]:
        """(codes, fuzzy): the regions at ``level`` called ``name`` (shortest matching prefix of
        its words first), else near spellings."""
        words = name.split()
        for n in range(len(words), 0, -1):
            part = " ".join(words[:n])
            folded = _fold(part)
            if folded in _NOT_NAMES:
                continue
            if folded in ABBREVIATIONS:
                part = ABBREVIATIONS[folded]
            key = _fold(part).replace(" ", "")
            for prefix in ("kabupatenadministrasi", "kotaadministrasi", "kabupaten", "kota", "provinsi"):
                if level != KEC and key.startswith(prefix) and len(key) > len(prefix):
                    key = key[len(prefix):]
            codes = [c for c in self.by_key.get((level, key), []) if kind is None or self.kind[c] == kind]
            if codes:
                return codes, False
        key = _fold(" ".join(words[:2])).replace(" ", "")
        if len(key) < 5:
            return [], False
        near = spelling.near(key, self.keys[level], spelling.READ, limit=3)
        codes = [c for k in near for c in self.by_key[(level, k)] if kind is None or self.kind[c] == kind]
        return codes, bool(codes)


def _key(name: str) -> str:
    return _fold(name).replace(" ", "").replace("-", "")


def mentions(sents: list[Sentence], index: PlaceIndex) -> list[Mention]:
    out = []
    for s in sents:
        for pat, level, kind, strength in _MARKERS:
            for m in pat.finditer(s.text):
                codes, fuzzy = index.lookup(m.group(1), level, kind)
                if codes:
                    out.append(Mention(m.group(1), level, kind, strength, s, codes, fuzzy))
    for first in sents[:2]:  # the dateline opens the body: the first sentence, or the second after a title
        m = _DATELINE.match(first.text)
        if m and m.group(1).strip().isupper():
            name = m.group(1).strip().title()
            for level in (KAB, KEC, PROV):
                codes, fuzzy = index.lookup(name, level, None)
                if codes and not fuzzy:
                    out.append(Mention(name, None, None, 0, first, codes))
    return out


def read_region(sents: list[Sentence], index: PlaceIndex, leader_level: str | None,
                leader_place: str | None, ceremony_sentences: set[int]) -> RegionReading:
    found = mentions(sents, index)
    if not any(m.level == leader_level for m in found):
        found += _leaders_place(sents, index, leader_level, leader_place)
    gaz = index.gaz
    if not found:
        return RegionReading(None, None, "missing", None, warnings=[msg("note_no_region")])
    level, decided_by = _level(found, leader_level, ceremony_sentences)
    at_level = [m for m in found if m.level == level or (m.level is None and any(code_rules.level(c) == level
                                                                                 for c in m.codes))]
    # Context: every code any mention points to, for confirming parents.
    context = {c for m in found for c in m.codes}
    scores: dict[str, float] = {}
    evidence: dict[str, str] = {}
    for m in at_level:
        codes = [c for c in m.codes if code_rules.level(c) == level]
        for c in codes:
            weight = (3 if leader_place and _fold(leader_place) == _fold(m.name) else 0) + m.strength + \
                     (1 if m.sentence.index in ceremony_sentences else 0) - (2 if m.fuzzy else 0)
            scores[c] = scores.get(c, 0) + weight + 0.5
            evidence.setdefault(c, m.sentence.text)
    if not scores:
        return RegionReading(None, level, "missing", None, warnings=[msg("note_no_region_level", level=level)])
    # A parent named in the article confirms a child; a region whose parents are named wins.
    for c in scores:
        if any(p in context for p in code_rules.ancestors(c)):
            scores[c] += 2
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    best = ranked[0]
    tied = [c for c in ranked if scores[c] == scores[best]]
    fuzzy = all(m.fuzzy for m in at_level if best in m.codes)
    national = len(index.by_key.get((level, gaz.table.loc[best, "key"]), []))
    confirmed = any(p in context for p in code_rules.ancestors(best))
    # another region of the same level named as the subject or by its marker: doubt
    others_named = [m for m in at_level if m.level and best not in m.codes and not m.fuzzy]
    warnings = []
    if len(tied) > 1:
        warnings.append(msg("note_same_name", n=len(tied)))
    if fuzzy:
        warnings.append(msg("note_name_inexact"))
    # a region of another level named where the ceremony is reported (a Pemkab's apel the Pj
    # Gubernur attended; a kecamatan's sosialisasi by the kabupaten's Bawaslu): whose event it was
    # is the reviewer's call, never *Pasti* (issue 38: 17 of 208 sure regions were such)
    # (a subject at another level, "Pemerintah Provinsi Papua menggelar", even a parent; else a
    # region named in the lead or a ceremony sentence that is not just best's parent)
    other_level = [m for m in found if m.level and m.level != level and not m.fuzzy
                   and (m.strength == 2 or ((m.sentence.index in ceremony_sentences or m.sentence.index <= 2)
                                            and not any(c in m.codes for c in code_rules.ancestors(best))))]
    sure = (decided_by in ("leader", "subject") and len(tied) == 1 and not fuzzy
            and (national == 1 or confirmed) and not others_named and not other_level)
    alternatives = [{"code": c, "label": gaz.path_label(c)} for c in ranked[1:6]]
    # a name shared by a kabupaten and one of its kecamatan: offer the other level too
    for m in found:
        if m.level is None:
            for c in m.codes:
                if c != best and c not in [a["code"] for a in alternatives]:
                    alternatives.append({"code": c, "label": gaz.path_label(c)})
    return RegionReading(best, level, "sure" if sure else "check", evidence.get(best), alternatives, warnings)


def _leaders_place(sents: list[Sentence], index: PlaceIndex, level: str | None, place: str | None) -> list[Mention]:
    """The place of the office that led, as a mention at that office's level, when no marker of
    the level names a place: a title written in lower case (*dipimpin penjabat bupati Mamberamo
    Tengah*) or a Setda's officer (*Asisten I … Setda Bone Bolango*) still names whose event it
    was, and a kecamatan in the dateline must not take it (issue 38: labelled fixtures 27 and 29)."""
    if level not in (KEC, KAB, PROV) or not place:
        return []
    codes, fuzzy = index.lookup(place, level, None)
    if not codes or fuzzy:
        return []
    where = next((s for s in sents if _fold(place) in _fold(s.text)), sents[0])
    return [Mention(place, level, None, 1, where, codes)]


def _level(found: list[Mention], leader_level: str | None, ceremony: set[int]) -> tuple[str, str]:
    if leader_level in (KEC, KAB, PROV) and any(m.level == leader_level for m in found):
        return leader_level, "leader"
    subjects = [m for m in found if m.strength == 2]
    if subjects:
        return subjects[0].level, "subject"
    named = [m for m in found if m.level and m.sentence.index in ceremony] or [m for m in found if m.level]
    if named:
        return max((m.level for m in named), key=code_rules.depth), "named"
    dl = found[0]
    return (KAB if any(code_rules.level(c) == KAB for c in dl.codes) else KEC), "dateline"
