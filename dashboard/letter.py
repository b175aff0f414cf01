"""The follow-up letter (*surat imbauan*, issue 42 §2): from the office of the region in view to
the heads of the units on its *Belum berikrar* list, in the form of an Indonesian official letter.

Load → validate → compose; the DOCX and the PDF are written from the one :class:`Letter` this
module composes (:mod:`dashboard.export.letter_docx`, :mod:`dashboard.export.letter_pdf`), so the
two files say the same thing.

Decisions, written down here because nobody else will:
- **Always in Bahasa Indonesia.** An official letter of a Pemda is written in Indonesian (Law
  24/2009, art. 33); an English view makes the same Indonesian letter. Only the buttons and the
  CLI's messages follow the interface language.
- **Who sends it**: the office of the region in view — the Sekretaris Daerah of a province,
  kabupaten or kota (whose list holds its kecamatan, or its kabupaten/kota); the Camat of a kecamatan
  (its desa and kelurahan); for Indonesia (the provinces' list) the Secretary-General of the
  Ministry of Home Affairs, which supervises the Pemda. The template may name another sender.
- **Left for the sender**: the number, the date and the signer's name and NIP (dots), unless the
  template fills them; the app never invents them.
- **The words** (subject, legal basis, paragraphs, copies) are the template's
  (``letter_template.yaml``, or the operator's copy named by ``PETA_LETTER_TEMPLATE``).
  Placeholders are filled by name from a fixed list, never by Python formatting, so a template
  cannot reach into the program; text from the data is text in both files, never markup or fields.
- **No letter to nobody**: a view whose list is empty gives no letter; the reason is the list's own
  sentence (:attr:`Report.pending_note`).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import fmt, metrics, settings
from .errors import PetaError, msg
from .i18n import t
from .io import letter_files

TEMPLATE = Path(__file__).resolve().parent / "letter_template.yaml"
LANG = "id"  # see the module docstring
MAX_TEMPLATE_BYTES = 100_000
MAX_TEXT = 2_000  # characters in one template text
MAX_ITEMS = 20  # items of a list (basis, paragraphs, copies, letterhead lines)
DOTS = "…………………………"
PLACEHOLDERS = ("wilayah", "pemilihan", "hari_pemungutan", "per_tanggal", "sisa_waktu", "jumlah", "penerima")
_SLOT = re.compile(r"\{([^{}]*)\}")
# the keys of a template and what each holds (str, list of str, or a mapping of those)
_SHAPE = {
    "letterhead": {"lines": list, "address": str, "logo": str},
    "place": str, "nature": str, "attachment": str, "subject": str, "salutation": str,
    "basis": list, "paragraphs": list, "closing": str,
    "signer": {"title": str, "name": str, "nip": str},
    "copies": list,
}
# who heads the units of a list, by their level: the salutation's {penerima}
RECIPIENTS = {"provinsi": "Gubernur", "kabupaten/kota": "Bupati/Wali Kota", "kecamatan": "Camat",
              "desa/kelurahan": "Kepala Desa/Lurah"}
COLUMNS = ("unit", "led_by", "state", "latest_briefing", "days_to_vote")  # the list's columns, in order


@dataclass(frozen=True)
class Letter:
    """Everything the two files show, as plain text (the logo as bytes)."""

    letterhead: tuple[str, ...]
    address: str
    logo: bytes | None
    logo_type: str  # "png" or "jpeg" ("" without a logo)
    place_date: str
    heading: tuple[tuple[str, str], ...]  # (Nomor, …), (Sifat, …), (Lampiran, …), (Hal, …)
    salutation: str
    basis: tuple[str, ...]
    paragraphs: tuple[str, ...]
    table_head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    closing: str
    signer_title: str
    signer_name: str
    signer_nip: str
    copies: tuple[str, ...]
    filename: str  # without its extension

    def text(self) -> str:
        """The letter's words in reading order, the cells of a row joined by " | " (the tests compare
        both files with it)."""
        lines = [*self.letterhead, self.address, self.place_date]
        lines += [f"{k} | {v}" for k, v in self.heading]
        lines += [self.salutation, *self.basis, *self.paragraphs, " | ".join(self.table_head)]
        lines += [" | ".join(r) for r in self.rows]
        lines += [self.closing, self.signer_title, self.signer_name, self.signer_nip, *self.copies]
        return "\n".join(x for x in lines if x)


# -- load and validate the template --------------------------------------------------------------

def template_path() -> Path:
    configured = settings.get("PETA_LETTER_TEMPLATE")
    return Path(configured).expanduser() if configured else TEMPLATE


def load_template(path: Path | None = None) -> dict:
    """The template at ``path`` (default: :func:`template_path`) over the shipped one, checked:
    a PetaError names the file, the key and the value of anything wrong. Read again only when either
    file changed (the Komitmen page checks it on every run); each caller gets its own copy."""
    path = Path(path) if path is not None else template_path()
    key = (str(path), letter_files.stamp(path), letter_files.stamp(TEMPLATE))
    return copy.deepcopy(_loaded(*key)) if None not in key[1:] else _load(path)


@functools.lru_cache(maxsize=8)
def _loaded(path: str, _stamp, _shipped_stamp) -> dict:
    """The template as last read, per file and its stamps (a failed read raises and is not kept)."""
    return _load(Path(path))


def _load(path: Path) -> dict:
    shipped = _parse(TEMPLATE, letter_files.read_template(TEMPLATE, MAX_TEMPLATE_BYTES))
    if path.resolve() == TEMPLATE:
        return shipped
    own = _parse(path, letter_files.read_template(path, MAX_TEMPLATE_BYTES))
    logo = (own.get("letterhead") or {}).get("logo")
    if logo and not Path(logo).expanduser().is_absolute():  # a logo is named beside its template
        own["letterhead"]["logo"] = str(path.parent / logo)
    merged = {**shipped, **{k: v for k, v in own.items() if not isinstance(v, dict)}}
    for k, v in own.items():
        if isinstance(v, dict):
            merged[k] = {**shipped[k], **v}
    return merged


def _parse(path: Path, text: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: a date that does not exist
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PetaError.single("(file)", f"{getattr(exc, 'problem', None) or type(exc).__name__}{where}",
                               msg("valid_yaml"), file=str(path)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PetaError.single("(file)", _short(data), msg("letter_mapping"), file=str(path))
    problems = []
    for key, value in data.items():
        shape = _SHAPE.get(key)
        if shape is None:
            problems.append((str(key), _short(value), msg("letter_key", options=list(_SHAPE))))
        elif isinstance(shape, dict):
            if not isinstance(value, dict):
                problems.append((key, _short(value), msg("letter_mapping")))
                continue
            for sub, v in value.items():
                if sub not in shape:
                    problems.append((f"{key}.{sub}", _short(v), msg("letter_key", options=list(shape))))
                else:
                    problems += _check(f"{key}.{sub}", v, shape[sub])
        else:
            problems += _check(key, value, shape)
    if problems:
        raise PetaError([_problem(path, *p) for p in problems])
    return data


def _check(field: str, value, kind) -> list:
    items = value if kind is list else [value]
    if kind is list and not isinstance(value, list):
        return [(field, _short(value), msg("letter_list"))]
    if kind is list and len(value) > MAX_ITEMS:
        return [(field, str(len(value)), msg("letter_items", n=MAX_ITEMS))]
    out = []
    for v in items:
        if v is None:
            v = ""
        if not isinstance(v, str):
            out.append((field, _short(v), msg("letter_text")))
        elif len(v) > MAX_TEXT:
            out.append((field, _short(v), msg("letter_chars", n=MAX_TEXT)))
        else:
            bad = [w for w in _SLOT.findall(v) if w not in PLACEHOLDERS]
            if bad:
                out.append((field, "{" + bad[0] + "}", msg("letter_placeholder", options=["{" + p + "}" for p in PLACEHOLDERS])))
    return out


def _problem(path: Path, field: str, value: str, message):
    from .errors import Problem

    return Problem(field=field, value=value, want=message, file=str(path))


def _short(v) -> str:
    if isinstance(v, (list, dict)):  # never str() a container: YAML aliases may nest it a billion times
        return f"({type(v).__name__})"
    s = str(v)
    return s if len(s) <= 60 else s[:57] + "…"


def _fill(text: str | None, slots: dict[str, str]) -> str:
    """``text`` with each {name} replaced by its slot (names were checked when the template loaded)."""
    return _SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), text or "")


# -- compose ---------------------------------------------------------------------------------------

def compose(report, template: dict | None = None) -> Letter | None:
    """The letter of ``report``'s view, or None when its list is empty (see the module docstring)."""
    if report.lang != LANG:
        from .report import Report

        report = Report(report.records, report.gaz, report.election, report.region, report.as_of, LANG)
    table = report.table("belum")
    if not len(table):
        return None
    tpl = template if template is not None else load_template()
    region = report.gaz.get(report.region) if report.region else None
    place = _full_name(report.gaz, region)
    election = report.records.election(report.election)
    days, h = metrics.countdown(report.election_day, report.as_of)
    levels = report.pending["level"]
    slots = {
        "wilayah": place,
        "pemilihan": str(election["name"]),
        "hari_pemungutan": fmt.date_long(report.election_day, LANG) if report.election_day else "belum ditetapkan",
        "per_tanggal": fmt.date_long(report.as_of, LANG),
        "sisa_waktu": h,
        "jumlah": fmt.number(len(table), LANG, 0),
        "penerima": RECIPIENTS.get(levels.iloc[0], RECIPIENTS["kecamatan"]),
    }
    head = tpl.get("letterhead") or {}
    logo, logo_type = letter_files.read_logo(head.get("logo") or "", TEMPLATE.parent)
    signer = tpl.get("signer") or {}
    cols = [t(c, LANG) for c in COLUMNS]
    # the files keep the latest briefing's day in ISO (they sort by it); a letter writes it in words
    briefing = t("latest_briefing", LANG)
    table = table.assign(**{briefing: [None if d is None else fmt.date_long(dt.date.fromisoformat(d), LANG) for d in table[briefing]]})
    rows = tuple((str(i), *(_cell(v) for v in r))
                 for i, r in enumerate(table[cols].itertuples(index=False, name=None), start=1))
    return Letter(
        letterhead=tuple(_fill(x, slots) for x in head.get("lines") or []) or _letterhead(report.gaz, region),
        address=_fill(head.get("address"), slots),
        logo=logo, logo_type=logo_type,
        place_date=f"{_fill(tpl.get('place'), slots) or DOTS}, {DOTS}",
        heading=(("Nomor", DOTS), ("Sifat", _fill(tpl.get("nature"), slots)),
                 ("Lampiran", _fill(tpl.get("attachment"), slots)), ("Hal", _fill(tpl.get("subject"), slots))),
        salutation=_fill(tpl.get("salutation"), slots),
        basis=tuple(_fill(x, slots) for x in tpl.get("basis") or []),
        paragraphs=tuple(_fill(x, slots) for x in tpl.get("paragraphs") or []),
        table_head=("No.", *cols),
        rows=rows,
        closing=_fill(tpl.get("closing"), slots),
        signer_title=_fill(signer.get("title"), slots) or _signer(report.gaz, region),
        signer_name=_fill(signer.get("name"), slots) or DOTS,
        signer_nip=f"NIP. {_fill(signer.get('nip'), slots) or DOTS}" if region else "",
        copies=tuple(_fill(x, slots) for x in tpl.get("copies") or []),
        filename=file_stem(report),
    )


def file_stem(report) -> str:
    """``surat-imbauan_kab-bogor_pilkada-2024_2024-11-20``: named as the view's other files are."""
    meta = report.meta("belum")
    return "surat-imbauan" + meta.filename("x")[len(meta.name):-len(".x")]


def _cell(v) -> str:
    return "–" if v is None or v != v else str(v)  # v != v: NaN


def _full_name(gaz, region) -> str:
    """The region written out, as a letter names it (Kecamatan Cibinong, not Kec. Cibinong)."""
    if region is None:
        return "Indonesia"
    if region.level == "kecamatan":
        return f"Kecamatan {region.name}"
    if region.level == "desa/kelurahan":
        return f"{'Kelurahan' if region.is_kelurahan else 'Desa'} {region.name}"
    if region.level == "provinsi":
        return f"Provinsi {region.name}"
    return region.name


def _lineage(gaz, region) -> list:
    out = []
    while region is not None:
        out.append(region)
        region = gaz.get(region.parent) if region.parent else None
    return out[::-1]


def _letterhead(gaz, region) -> tuple[str, ...]:
    """PEMERINTAH KABUPATEN BOGOR / SEKRETARIAT DAERAH; a kecamatan under its kabupaten/kota."""
    if region is None:
        return ("KEMENTERIAN DALAM NEGERI", "REPUBLIK INDONESIA", "SEKRETARIAT JENDERAL")
    if region.level in ("provinsi", "kabupaten/kota"):
        return (f"PEMERINTAH {_full_name(gaz, region).upper()}", "SEKRETARIAT DAERAH")
    above = [r for r in _lineage(gaz, region) if r.level == "kabupaten/kota"]
    lines = [f"PEMERINTAH {above[0].name.upper()}"] if above else []
    return (*lines, *(_full_name(gaz, r).upper() for r in _lineage(gaz, region)
                      if r.level in ("kecamatan", "desa/kelurahan")))


def _signer(gaz, region) -> str:
    if region is None:
        return "SEKRETARIS JENDERAL KEMENTERIAN DALAM NEGERI"
    if region.level in ("provinsi", "kabupaten/kota"):
        return f"SEKRETARIS DAERAH {_full_name(gaz, region).upper()}"
    if region.level == "kecamatan":
        return f"CAMAT {region.name.upper()}"
    return f"{'LURAH' if region.is_kelurahan else 'KEPALA DESA'} {region.name.upper()}"
