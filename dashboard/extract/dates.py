"""The ceremony's date, as the article states it, never guessed.

Rules (README, "Dari berita ke catatan"):

* Only dates the text states count: ``Selasa 12 November 2024``, ``Jumat (15/12/2023)``,
  ``Jumat (10/11)``, ``12-11-2024``; a weekday alone (``di Mukomuko, Kamis``) is not a date.
* A date in a sentence about the ceremony (a pledge, a signing, an apel…) wins over other
  dates; dates of the vote itself (``27 November nanti``, election days in the calendar,
  ``pemungutan suara``) and dates after publication are never the ceremony's.
* The weekday is checked against the date (dateparser and friends ignore it); a contradiction
  is a warning and the reading is *Perlu dicek*.
* A missing year is inferred from the publication date (the latest year for which the date
  is not after publication and, when a weekday is given, falls on it); the result is marked
  ``year_inferred`` and is never *Pasti*. Without a publication date the candidates are offered.
* *Pasti* only when one date, with its year written, is stated in a ceremony sentence, its
  weekday (if any) agrees and it is not after publication.

Month names are read with our own table (Indonesian and English spellings, abbreviations)
rather than dateparser: the match is already found by the pattern, and a table cannot fill
in a year or a day by itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import Msg, msg
from ..fmt import BULAN, HARI, MONTHS as MONTH_NAMES
from .text import Sentence

# Month and day names as news writes them: the full names (fmt.py, the one home of the calendar's
# words), then the abbreviations and older spellings only reading needs.
MONTHS = {
    **{name.lower(): i for names in (BULAN, MONTH_NAMES) for i, name in enumerate(names, start=1)},
    "jan": 1, "pebruari": 2, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nopember": 11, "nov": 11, "des": 12, "dec": 12,
}


def _typos(name: str) -> set[str]:
    """One slip of the keyboard in a month's name: a letter dropped, replaced or swapped with the
    next ("Oktiber", "Septmber", "Agsutus")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = {name[:i] + name[i + 1:] for i in range(len(name))}
    out |= {name[:i] + c + name[i + 1:] for i in range(len(name)) for c in letters}
    out |= {name[:i] + name[i + 1] + name[i] + name[i + 2:] for i in range(len(name) - 1)}
    return out


# Misspelt month names regional news prints: only for names of six letters or more, where one slip
# still leaves no other Indonesian word (Mei, Juni and Juli are one letter from each other).
MISSPELT = {v: i for names in (BULAN, MONTH_NAMES) for i, name in enumerate(names, start=1)
            if len(name) >= 6 for v in _typos(name.lower()) if len(v) >= 5}
MISSPELT = {v: i for v, i in MISSPELT.items() if v not in MONTHS}
WEEKDAYS = {**{name.lower(): i for i, name in enumerate(HARI)}, "jum'at": 4, "jumaat": 4, "ahad": 6}
WEEKDAY_NAMES = HARI

_WD = r"(?P<wd>senin|selasa|rabu|kamis|jum'?a?at|sabtu|minggu|ahad)"
# any word in a month's place; _month() keeps it only when it is a month (or one slip from one)
_MON = r"(?P<mon>[a-z]{3,10})\.?"
_PATTERNS = [
    # Selasa, 12 November 2024 / Selasa (12 November 2024) / 12 Nov 2024 / 12 November
    re.compile(r"(?:" + _WD + r"\s*[,(]?\s*(?:tanggal\s+|tgl\.?\s*)?)?\b(?P<d>\d{1,2})\s+" + _MON
               + r"(?:\s+(?P<y>(?:19|20)\d{2}))?\b"),
    # Jumat (15/12/2023) / Jumat (10/11) / Jumat, 10/11/2023 / 15-12-2023
    re.compile(r"(?:" + _WD + r"\s*[,(]?\s*)?\(?\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>(?:19|20)?\d{2}))?\b\)?"),
]
_WEEKDAY_ONLY = re.compile(r"\b" + _WD + r"\b")
# words that mark a date as the vote's, or as a deadline, not the ceremony's
_NOT_CEREMONY = re.compile(r"nanti|mendatang|akan datang|pemungutan suara|pencoblosan|hari h\b|hari pemilihan"
                           r"|jadwal|tahapan|masa kampanye|batas|hingga|sampai dengan|s\.d\.")
# a date that belongs to something else in the sentence: a letter's date and number, an appointment
_OTHER_DATE = re.compile(r"surat|edaran|nomor|\bno\.|keputusan|\bsk\b|dilantik|pelantikan|terhitung|sejak|"
                         r"diterbitkan pada|ditetapkan")
# the ceremony placed on an earlier day the article does not write
EARLIER = re.compile(r"beberapa (?:waktu|hari|pekan|minggu|bulan) (?:lalu|silam|yang lalu)|belum lama ini"
                     r"|(?:pekan|minggu|bulan) lalu")
CEREMONY_WORDS = re.compile(
    r"ikrar|deklarasi|[pf]akta\s+integritas|penanda\s*-?\s*tangan|menandatangan|tandatangan|komitmen bersama"
    r"|apel|upacara|sosialisasi|kegiatan|acara|digelar|menggelar|dilaksanakan|berlangsung|bertempat")


@dataclass
class DateReading:
    value: dt.date | None
    confidence: str                      # sure | check | missing
    evidence: str | None
    alternatives: list[str] = field(default_factory=list)  # ISO dates the reviewer can pick
    year_inferred: bool = False
    warnings: list[Msg] = field(default_factory=list)
    weekday_only: str | None = None      # "Kamis" when only a weekday is stated
    stated: str | None = None            # the date's own words ("jumat (10/11)"), never the sentence


@dataclass
class _Found:
    sentence: Sentence
    day: int
    month: int
    year: int | None
    weekday: int | None
    ceremony: bool      # in a sentence about the ceremony
    excluded: str | None = None
    stated: str = ""    # the matched words (folded): what a record's date_inferred.stated keeps


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    return MONTHS.get(word) or MISSPELT.get(word)


def _weekday(token: str | None) -> int | None:
    if not token:
        return None
    token = token.replace("'", "")
    return WEEKDAYS.get(token, WEEKDAYS.get("jumat") if token.startswith("jum") else None)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _found(sents: list[Sentence]) -> list[_Found]:
    out = []
    for s in sents:
        taken: list[tuple[int, int]] = []
        for pat in _PATTERNS:
            for m in pat.finditer(s.folded):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                month = _month(m.group("mon")) if "mon" in m.groupdict() and m.group("mon") else (
                    int(m.group("m")) if m.groupdict().get("m") else None)
                day = int(m.group("d"))
                if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                    continue
                if pat is _PATTERNS[1] and not m.group("wd") and not m.group("y"):
                    continue  # a bare "10/11" is a score or a ratio as often as a date
                taken.append((m.start(), m.end()))
                after = s.folded[m.end():m.end() + 40]
                before = s.folded[max(0, m.start() - 40):m.start()]
                excluded = ("vote" if _NOT_CEREMONY.search(after) or _NOT_CEREMONY.search(before)
                            else "a letter or an appointment" if _OTHER_DATE.search(before[-30:]) else None)
                out.append(_Found(s, day, month, _year(m.group("y")), _weekday(m.group("wd")),
                                  bool(CEREMONY_WORDS.search(s.folded)), excluded, _words(s, m)))
    return out


def _words(s: Sentence, m: re.Match) -> str:
    """The matched date as the article wrote it (its case), when folding kept the sentence's length
    (no character dropped or split); else as matched."""
    raw = s.text[m.start():m.end()] if len(s.text) == len(s.folded) else m.group(0)
    return " ".join(raw.split())


def _make(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(sents: list[Sentence], published: dt.date | None, election_days: set[dt.date]) -> DateReading:
    found = _found(sents)
    for f in found:
        full = _make(f.day, f.month, f.year) if f.year else None
        if full and full in election_days:
            f.excluded = f.excluded or "election day"
        if full and published and full > published:
            f.excluded = f.excluded or "after publication"
    usable = [f for f in found if not f.excluded]
    if not usable:
        return _weekday_only(sents, published, found)
    in_ceremony = [f for f in usable if f.ceremony]
    pool = in_ceremony or usable
    first = pool[0]
    distinct = {(f.day, f.month, f.year) for f in pool}
    evidence = first.sentence.text
    warnings: list[Msg] = []
    others = [f for f in pool[1:] if (f.day, f.month) != (first.day, first.month)]
    alternatives: list[str] = []
    if first.year:
        value = _make(first.day, first.month, first.year)
        if value is None:
            return DateReading(None, "missing", evidence, warnings=[msg("note_no_such_date", day=first.day, month=first.month,
                                                                                  year=first.year)])
        inferred = False
    else:
        years = _candidate_years(first, published)
        if not years:
            return DateReading(None, "check", evidence,
                               alternatives=_no_year_options(first, election_days), year_inferred=True,
                               warnings=[msg("note_no_year")], stated=first.stated)
        value, inferred = years[0], True
        alternatives = [d.isoformat() for d in years[1:]]
    if first.weekday is not None and value.weekday() != first.weekday:
        warnings.append(msg("note_weekday_mismatch", stated=WEEKDAY_NAMES[first.weekday], date=value.isoformat(),
                            actual=WEEKDAY_NAMES[value.weekday()]))
        alternatives += [d.isoformat() for d in _near_weekday(value, first.weekday)]
    alternatives += [d.isoformat() for f in others if (d := _resolve(f, published)) and d != value]
    # "Pembacaan deklarasi … beberapa waktu lalu": the article places the ceremony on some earlier,
    # unwritten day, so a date it does write (the day someone spoke: "katanya Sabtu (28/9/2024)") may
    # be another day's (issue 38, a fresh article: such a date was *Pasti* and wrong)
    if any(EARLIER.search(s.folded) and CEREMONY_WORDS.search(s.folded) for s in sents):
        warnings.append(msg("note_date_earlier"))
    sure = (not inferred and not warnings and bool(in_ceremony) and len(distinct) == 1
            and (published is None or value <= published))
    if inferred:
        warnings.append(msg("note_year_from_published"))
    return DateReading(value, "sure" if sure else "check", evidence, list(dict.fromkeys(alternatives)),
                       inferred, warnings, stated=first.stated)


_DATELINE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:wib|wita|wit)\b|diterbitkan|dipublikasikan|diperbarui|diposting|"
                       r"\bposted\b|\bpublished\b|\bupdated\b")


def publication_hint(sents: list[Sentence], url: str | None) -> tuple[dt.date | None, str | None]:
    """When the page gives no publication date: the latest day the article can have been written,
    from what it states about itself, never from a sentence about something else. (date, where):
    a dateline or byline with its year ("Rabu, 17 Juli 2024 | 09:30 WIB", "Diterbitkan 12 Nov
    2024"); else the year and month in the link's path (``/2024/07/``: the month's last day; a
    year alone: 31 December). A ceremony's day and month are then given this year, marked
    inferred, never *Pasti*."""
    lines = [f for f in _found(sents) if f.year and (_DATELINE.search(f.sentence.folded)
                                                    or len(f.sentence.folded.split()) <= 8)]
    dated = [d for f in lines if (d := _make(f.day, f.month, f.year))]
    if dated:
        return max(dated), "dateline"
    if url:
        from urllib.parse import urlsplit

        path = urlsplit(url).path
        m = re.search(r"/(20\d{2})[/-](\d{1,2})(?:/|$|-)", path)
        if m and 1 <= int(m.group(2)) <= 12:
            y, mo = int(m.group(1)), int(m.group(2))
            return (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)), "url"
        m = re.search(r"/(20\d{2})/", path)
        if m:
            return dt.date(int(m.group(1)), 12, 31), "url"
    return None, None


def _resolve(f: _Found, published: dt.date | None) -> dt.date | None:
    if f.year:
        return _make(f.day, f.month, f.year)
    years = _candidate_years(f, published)
    return years[0] if years else None


def _candidate_years(f: _Found, published: dt.date | None) -> list[dt.date]:
    """Dates with the stated day and month, not after publication, within a year before it,
    on the stated weekday when one is given; the nearest first."""
    if published is None:
        return []
    out = []
    for year in (published.year, published.year - 1):
        d = _make(f.day, f.month, year)
        if d and d <= published and (published - d).days <= 366:
            out.append(d)
    if f.weekday is not None:
        fits = [d for d in out if d.weekday() == f.weekday]
        out = fits + [d for d in out if d not in fits]
    return out


def _no_year_options(f: _Found, election_days: set[dt.date]) -> list[str]:
    """Without a publication date: the day and month in the years of the calendar's elections
    (and the year before each), on the stated weekday when one is given."""
    years = sorted({d.year for d in election_days} | {d.year - 1 for d in election_days})
    out = [d for y in years if (d := _make(f.day, f.month, y))]
    if f.weekday is not None:
        out = [d for d in out if d.weekday() == f.weekday]
    return [d.isoformat() for d in out]


def _near_weekday(value: dt.date, weekday: int) -> list[dt.date]:
    """The dates within three days of ``value`` that fall on the stated weekday."""
    return [value + dt.timedelta(days=k) for k in (-3, -2, -1, 1, 2, 3)
            if (value + dt.timedelta(days=k)).weekday() == weekday]


def _weekday_only(sents: list[Sentence], published: dt.date | None, found: list[_Found]) -> DateReading:
    for s in sents:
        if not CEREMONY_WORDS.search(s.folded):
            continue
        m = _WEEKDAY_ONLY.search(s.folded)
        if m:
            wd = _weekday(m.group("wd"))
            options = []
            if published:
                options = [(published - dt.timedelta(days=k)).isoformat() for k in range(0, 8)
                           if (published - dt.timedelta(days=k)).weekday() == wd]
            return DateReading(None, "check", s.text, options, warnings=[msg("note_weekday_only", day=WEEKDAY_NAMES[wd])],
                               weekday_only=WEEKDAY_NAMES[wd])
    excluded = [f for f in found if f.excluded]
    note = [msg("note_date_skipped", date=f"{f.day}/{f.month}{'/' + str(f.year) if f.year else ''}",
                why=msg("note_vote_day" if f.excluded == "vote" else "note_other_date")) for f in excluded]
    return DateReading(None, "missing", None, [published.isoformat()] if published else [], warnings=note)
