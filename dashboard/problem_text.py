"""Problems (:class:`dashboard.errors.Problem`) as a user of the pages reads them.

The *what is valid* text and the summary are :class:`dashboard.errors.Msg` codes worded by
:func:`dashboard.i18n.say`; here the field is named as the form or the sheet names it, an empty
value is said to be empty, and the parts are put in one line.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import PetaError, Problem

# Field ids (record fields, sheet columns, the pseudo-fields of file-level problems) as the forms
# and the template call them.
FIELD_NAMES = {
    "id": ("ID upacara", "ceremony id"),
    "region": ("wilayah", "region"),
    "level": ("tingkat wilayah", "region level"),
    "date": ("tanggal", "date"),
    "date_unknown_reason": ("alasan tanggal tidak diketahui", "why the date is not known"),
    "date_inferred": ("tahun yang disimpulkan", "inferred year"),
    "elections": ("pemilihan", "elections"),
    "election": ("pemilihan", "election"),
    "kinds": ("jenis upacara", "kinds of ceremony"),
    "venue": ("tempat", "venue"),
    "leader": ("pemimpin", "leader"),
    "name": ("nama", "name"),
    "role": ("jabatan", "role"),
    "signatories": ("penanda tangan", "signatories"),
    "group": ("kelompok", "group"),
    "count": ("jumlah", "count"),
    "all": ("semua", "all"),
    "note": ("catatan", "note"),
    "notes": ("catatan", "notes"),
    "witnesses": ("saksi", "witnesses"),
    "commitments": ("komitmen", "commitments"),
    "category": ("kategori", "category"),
    "text": ("isi", "text"),
    "readiness": ("angka kesiapan", "readiness figures"),
    "measure": ("yang diukur", "measure"),
    "percent": ("persen", "percent"),
    "as_of": ("per tanggal", "as of"),
    "sources": ("sumber", "sources"),
    "source": ("sumber", "source"),
    "outlet": ("media", "outlet"),
    "title": ("judul", "title"),
    "url": ("alamat (URL)", "address (URL)"),
    "published": ("tanggal terbit", "published"),
    "archive": ("arsip", "archive"),
    "reason": ("alasan", "reason"),
    "user": ("pengguna", "user"),
    "lang": ("bahasa", "language"),
    "seconds": ("detik", "seconds"),
    "attachment": ("lampiran", "attachment"),
    "(file)": ("berkas", "file"),
    "(header)": ("judul kolom", "column heading"),
    "(rows)": ("baris", "rows"),
    "(database)": ("basis data", "database"),
    "(extra cells)": ("sel di luar kolom templat", "cells beyond the template's columns"),
    "(sel berlebih)": ("sel di luar kolom templat", "cells beyond the template's columns"),
    "(cell)": ("sel", "cell"),
}

def field_name(field: str, lang: str = "id") -> str:
    """``sources[0].url`` → ``sumber ke-1, alamat (URL)``; a sheet column (``kode_wilayah``) as written."""
    if not field:
        return ""
    named = re.fullmatch(r"(\w+) \((.+)\)", str(field))  # "sumber_url (sources[0].url)": the sheet's column
    if named:
        return named.group(1)
    parts = []
    for piece in str(field).split("."):
        m = re.fullmatch(r"(.+?)\[(\d+)\]", piece)
        name, index = (m.group(1), int(m.group(2))) if m else (piece, None)
        if name.startswith("cell "):  # a workbook cell: "cell B3"
            parts.append(("sel " if lang != "en" else "cell ") + name[5:])
            continue
        label = FIELD_NAMES.get(name, (name, name))[1 if lang == "en" else 0]
        if index is not None:
            label += f" #{index + 1}" if lang == "en" else f" ke-{index + 1}"
        parts.append(label)
    return ", ".join(parts)


def value_text(value: Any, lang: str = "id") -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)" if lang == "en" else "(kosong)"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def summary_text(exc: PetaError, lang: str = "id") -> str:
    return exc.summary_msg.text(lang)


def where_text(text: str | None, lang: str) -> str:
    """File and row names: the import writes rows as ``baris N`` (Indonesian), URL problems as ``URL``."""
    if not text:
        return ""
    return re.sub(r"\bbaris (\d+)", r"row \1", text) if lang == "en" else text


def say(p: Problem, lang: str = "id") -> str:
    """One line of plain text: where, which field, what was found, what is valid."""
    where = [w for w in (where_text(p.file, lang), where_text(p.record, lang)) if w]
    # a record named like its file ("upacara.csv baris 3" twice) is said once
    where = list(dict.fromkeys(where))
    head = " · ".join(where + [field_name(p.field, lang)])
    if lang == "en":
        return f"{head}: found {value_text(p.value, lang)}; valid: {p.want.text(lang)}"
    return f"{head}: tertulis {value_text(p.value, lang)}; yang benar: {p.want.text(lang)}"


def lines(exc: PetaError, lang: str = "id") -> list[str]:
    return [say(p, lang) for p in exc.problems]
