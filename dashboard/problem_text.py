"""Problems (:class:`dashboard.errors.Problem`) in the interface language.

The error shape stays one type, written once in English where it is raised (the CLI and the
logs read it so). What a user of the pages reads goes through here: the field is named as the
form or the sheet names it, an empty value is said to be empty, and the *what is valid* text is
translated phrase by phrase. A phrase this table does not know is shown as written (English),
never dropped; ``tests/test_problem_text.py`` makes every problem the form, the import and the
links can raise known here.
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
    "(file)": ("berkas", "file"),
    "(header)": ("judul kolom", "column heading"),
    "(rows)": ("baris", "rows"),
    "(database)": ("basis data", "database"),
    "(extra cells)": ("sel di luar kolom templat", "cells beyond the template's columns"),
    "(sel berlebih)": ("sel di luar kolom templat", "cells beyond the template's columns"),
    "(cell)": ("sel", "cell"),
}

# The *what is valid* phrases, most specific first. Each is matched at the start of the text;
# groups are carried into the translation; the rest of the text is translated again (phrases
# are joined by "; " or ", or ").
_ID: list[tuple[str, str]] = [
    (r"a date written YYYY-MM-DD \(dates are never guessed\)",
     "tanggal ditulis TTTT-BB-HH (mis. 2024-11-20); tanggal tidak pernah ditebak. Tanggal tanpa tahun: "
     "kosongkan tanggal dan tulis alasannya"),
    (r"a date written YYYY-MM-DD", "tanggal ditulis TTTT-BB-HH (mis. 2024-11-20)"),
    (r"required: YYYY-MM-DD, or null with date_unknown_reason",
     "wajib: tanggal TTTT-BB-HH, atau kosong dengan alasan tanggal tidak diketahui"),
    (r"required text", "wajib diisi"),
    (r"non-empty text", "teks, tidak kosong"),
    (r"required: (.+)", "wajib diisi"),
    (r"a non-empty list: (.+)", "isi minimal satu (di lembar: beberapa isian dipisah ;)"),
    (r"a list: (.+)", "daftar"),
    (r"one of: (.+)", r"salah satu dari: \1"),
    (r"known fields are: (.+)", r"kolom yang dikenal: \1"),
    (r"known keys are: (.+)", r"isian yang dikenal: \1"),
    (r"a mapping with keys: (.+)", r"isian dengan: \1"),
    (r"a whole number of 1 or more, or leave it out", "bilangan bulat 1 atau lebih, atau kosongkan"),
    (r"true \(every such official of the region signed\) or false",
     "ya (semua pejabat itu di wilayah ini menandatangani) atau tidak"),
    (r"a number from 0 to 100", "angka 0 sampai 100"),
    (r"an http\(s\) address, or leave it out", "alamat yang diawali http:// atau https://, atau kosongkan"),
    (r"only with a date", "hanya bila tanggal diisi"),
    (r"only when date is null", "hanya bila tanggal dikosongkan"),
    (r"the year of date \((.+)\)", r"tahun dari tanggal (\1)"),
    (r"the level of code (\S+), which is (.+)", r"tingkat kode \1, yaitu \2"),
    (r"quote the code so YAML keeps it as text, e\.g\. region: \"(.+)\"",
     r"kode dalam tanda kutip agar tetap teks, mis. region: \"\1\""),
    (r"Kemendagri code as a quoted string, e\.g\. \"(.+)\"",
     r"kode Kemendagri (mis. \1). Bila Excel mengubah kode menjadi angka (32.01 → 32,01 atau 32.1), "
     r"format kolom itu sebagai Teks lalu ketik ulang"),
    (r"stable id: lower-case letters, digits and hyphens", "huruf kecil, angka dan tanda hubung saja"),
    (r"a code present in the boundary data for the loaded provinces.*",
     "kode wilayah yang ada di data batas wilayah (mis. 32.01.01 Kecamatan Cibinong). Bila Excel mengubah kode "
     "menjadi angka, format kolom kode_wilayah sebagai Teks"),
    (r"a Kemendagri code present in the boundary data for the loaded provinces.*",
     "kode Kemendagri yang ada di data batas wilayah (mis. 32.01 Kabupaten Bogor, 32.01.01 Kecamatan Cibinong)"),
    (r"a Kemendagri code of the loaded provinces, e\.g\. (\S+).*", r"kode Kemendagri, mis. \1"),
    (r"an election held in region (\S+): (\S+) is held only in (.+) \(data/elections\.yaml\); choose another election",
     r"pemilihan yang diadakan di wilayah \1: \2 hanya diadakan di \3 (data/elections.yaml); pilih pemilihan lain"),
    (r"a region within (\S+): user '(.+)' may only write there",
     r"wilayah di dalam \1: pengguna '\2' hanya boleh mencatat di sana"),
    (r"a signed-in user: entering, editing and importing need a login",
     "pengguna yang sudah masuk: mencatat, mengubah dan mengimpor perlu masuk akun"),
    (r"an id not used yet \(or merge this report into that ceremony.*",
     "ID yang belum dipakai (atau gabungkan laporan ini ke upacara itu sebagai sumber tambahan); "
     "mungkin baru saja disimpan orang lain"),
    (r"why the report is withdrawn \(kept in its history\)", "alasan laporan ditarik (disimpan di riwayat)"),
    (r"why the draft is rejected \(kept in the history\)", "alasan draf ditolak (disimpan di riwayat)"),
    (r"a draft with a region within (\S+): this draft suggests no region.*",
     r"draf dengan wilayah di dalam \1: draf ini tidak menyarankan wilayah, jadi hanya pengantre draf atau "
     r"pengguna semua wilayah yang boleh menolaknya"),
    (r"'(.*)' as in (\S+): reports sharing an id describe one ceremony \(or give this report its own id\)",
     r"'\1' seperti di \2: laporan dengan ID yang sama menggambarkan satu upacara (atau beri laporan ini ID sendiri)"),
    (r"one id: these reports share region (\S+) and date (\S+), so they describe the same ceremony and are "
     r"merged; give them the same id",
     r"satu ID: laporan-laporan ini sama wilayah (\1) dan tanggalnya (\2), jadi satu upacara; beri ID yang sama"),
    (r"a ceremony date: a readiness figure is reported on a day.*",
     "tanggal upacara: angka kesiapan dilaporkan pada suatu hari (pilih tanggalnya, atau hapus angkanya)"),
    # provenance of a report saved from an article (issue 21)
    (r"the outlet that published the article \(pasted text and saved files name none\).*",
     "media yang menerbitkan berita (teks tempelan dan berkas tidak menyebutnya): isi kolom 'Media'"),
    (r"the day the article was published \(the page gives none\).*",
     "tanggal terbit berita (halaman tidak menyebutnya): isi kolom 'Tanggal terbit'"),
    (r"what was measured \(e\.g\. 'kesiapan logistik kecamatan'\), or remove the figure",
     "apa yang diukur (mis. 'kesiapan logistik kecamatan'), atau hapus angkanya"),
    (r"the day the figure was measured, as the article says, or remove the figure",
     "tanggal angka itu diukur, seperti disebut berita, atau hapus angkanya"),
    # the election calendar (Kalender pemilihan)
    (r"a user of every region: the election calendar is shared by all regions, and user '(.+)' may only write "
     r"within (\S+)",
     r"pengguna untuk seluruh wilayah: kalender pemilihan dipakai semua wilayah, dan pengguna '\1' hanya boleh "
     r"mencatat di dalam \2"),
    (r"a signed-in user: changing the election calendar needs a login",
     "pengguna yang sudah masuk: mengubah kalender pemilihan perlu masuk akun"),
    (r"an election id not used yet \(to correct this election, choose it in the list\)",
     "ID pemilihan yang belum dipakai (untuk mengoreksi pemilihan ini, pilih di daftar)"),
    (r"an election unchanged since you opened it: someone else saved it meanwhile.*",
     "pemilihan yang belum berubah sejak Anda membukanya: orang lain baru saja menyimpannya; buka lagi lalu ulangi"),
    # the sheet (Impor)
    (r"group\[:count\]\[:semua\], count a whole number written with the digits 0-9 \(at most 9 of them\)",
     "kelompok[:jumlah][:semua], jumlah ditulis dengan angka 0-9 (paling banyak 9 angka), mis. kepala_desa:12:semua"),
    (r"percent@YYYY-MM-DD\[:measure\], percent a number 0–100",
     "persen@TTTT-BB-HH[:yang diukur], persen angka 0–100, mis. 90@2024-11-20"),
    (r"a CSV or XLSX file with a header row and at least one ceremony",
     "berkas CSV atau XLSX dengan baris judul kolom dan minimal satu upacara (unduh templatnya)"),
    (r"at most (\d+) MB \(split the sheet\)", r"paling besar \1 MB (bagi lembarnya menjadi beberapa berkas)"),
    (r"a \.csv or \.xlsx file", "berkas .csv atau .xlsx"),
    (r"a column of the template: (.+)",
     r"kolom dari templat: \1. Judul kolom harus di baris pertama; simpan dengan pemisah koma atau titik koma"),
    (r"a column named '(.+)' \(required\)", r"kolom bernama '\1' (wajib). Judul kolom harus di baris pertama"),
    (r"at least one ceremony row under the header", "minimal satu baris upacara di bawah judul kolom"),
    (r"at most (\d+) ceremony rows per file, and at most (\d+) rows in the sheet.*",
     r"paling banyak \1 baris upacara per berkas dan \2 baris di lembar, termasuk yang kosong "
     r"(bagi lembarnya, atau hapus baris kosong di bawahnya)"),
    (r"at most (\d+) ceremony rows per file \(split the sheet\)",
     r"paling banyak \1 baris upacara per berkas (bagi lembarnya)"),
    (r"at most (\d+) characters in a cell \(this one has (\d+)\)",
     r"paling banyak \1 karakter per sel (sel ini berisi \2)"),
    (r"at most (\d+) characters in a cell", r"paling banyak \1 karakter per sel"),
    (r"a workbook with a worksheet holding the template's columns \(this one has no worksheet\)",
     "buku kerja dengan lembar kerja berisi kolom templat (berkas ini tidak punya lembar kerja)"),
    (r"CSV text whose cells have at most (\d+) characters and no NUL bytes.*",
     r"teks CSV dengan paling banyak \1 karakter per sel (simpan ulang lembarnya sebagai \"CSV UTF-8\")"),
    (r"an Excel workbook \(\.xlsx\) saved from the template",
     "buku kerja Excel (.xlsx) yang disimpan dari templat, dengan lembar berisi judul kolom dan upacara"),
    (r"a value: this formula has no saved result.*",
     "nilai: rumus ini belum punya hasil tersimpan (buka berkas di Excel atau LibreOffice lalu simpan, "
     "atau tempel sebagai nilai)"),
    (r"text shorter than Excel's limit of (\d+) characters.*",
     r"teks lebih pendek dari batas Excel (\1 karakter): sel ini tepat di batas, jadi mungkin terpotong; perpendek"),
    (r"UTF-8 or Windows-1252 text.*", "teks UTF-8 atau Windows-1252 (simpan CSV sebagai \"CSV UTF-8\")"),
    (r"at most (\d+) cells per row, one per column of the template.*",
     r"paling banyak \1 sel per baris, satu per kolom templat (sel berisi pemisah atau baris baru harus "
     r"diapit tanda kutip)"),
    (r"id or en", "id atau en"),
    (r"a row of your own: this is the template's example row; delete it before importing",
     "baris Anda sendiri: ini baris contoh dari templat; ganti isinya atau hapus sebelum mengimpor"),
    (r"a whole number of seconds, (\d+) to (\d+)", r"bilangan bulat detik, \1 sampai \2"),
    (r"a date written YYYY-MM-DD from (\S+) to (\S+)", r"tanggal ditulis TTTT-BB-HH, dari \1 sampai \2"),
    # issue 22: the calendar
    (r"a region that voted in (\S+) \((.+)\)", r"wilayah yang ikut memilih pada \1 (\2)"),
    (r"the id of another election in the calendar: (.+)", r"ID pemilihan lain di kalender: \1"),
    (r"how it belongs to (\S+): one of: (.+)", r"hubungannya dengan \1: salah satu dari: \2"),
    (r"left out: kind goes with part_of \(the election this one belongs to\)",
     "dikosongkan: kind hanya diisi bersama part_of (pemilihan induknya)"),
    # issue 23: workbooks bounded before they are opened
    (r"a workbook of at most (\d+) parts \(save the sheet again from the template, or split it\)",
     r"buku kerja dengan paling banyak \1 bagian (simpan ulang dari templat, atau bagi lembarnya)"),
    (r"at most (\d+) KB in that part when unpacked \(save the sheet again from the template, or split it\)",
     r"paling banyak \1 KB untuk bagian itu setelah dibuka (simpan ulang dari templat, atau bagi lembarnya)"),
    (r"at most (\d+) different texts in the workbook \(save the sheet again from the template, or split it\)",
     r"paling banyak \1 teks berbeda dalam buku kerja (simpan ulang dari templat, atau bagi lembarnya)"),
    (r"at most (\d+) cells in a row and (\d+) in the sheet \(the template has (\d+) columns: delete the "
     r"columns right of them\)",
     r"paling banyak \1 sel per baris dan \2 sel per lembar (templat punya \3 kolom: hapus kolom di kanannya)"),
]
_ID_RULES = [(re.compile(p, re.S), r) for p, r in _ID]

# The summaries PetaError carries ("1 problem found", "the columns of X do not match …").
_SUMMARY_ID = [
    (r"1 problem found", "1 masalah ditemukan"),
    (r"(\d+) problems found", r"\1 masalah ditemukan"),
    (r"the columns of (.+) do not match the template; nothing was imported",
     r"kolom \1 tidak sesuai templat; tidak ada yang diimpor"),
    (r"(\d+) cell\(s\) of (.+) cannot be read as written.*", r"\1 sel di \2 tidak dapat dibaca apa adanya; "
     r"tidak ada yang diimpor"),
    (r"(\d+) problem\(s\) in (.+); nothing was imported", r"\1 masalah di \2; tidak ada yang diimpor"),
    (r".*\(database\).*", "basis data menolak perubahan; tidak ada yang disimpan"),
]
_SUMMARY_RULES = [(re.compile(p, re.S), r) for p, r in _SUMMARY_ID]


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


def _indonesian(expected: str) -> str | None:
    """The Indonesian wording of ``expected``, or None when the table has none."""
    tail = re.fullmatch(r"(.+) (\[[^\]]+\])", expected, re.S)  # "… [other row]": the row it clashes with
    if tail:
        head = _indonesian(tail.group(1))
        return None if head is None else head + " " + tail.group(2)
    for rule, replacement in _ID_RULES:
        m = rule.fullmatch(expected)
        if m:
            return m.expand(replacement)
    return None


def expected_text(expected: str, lang: str = "id") -> str:
    """The *what is valid* text in ``lang`` (English, or a phrase the table lacks: as written)."""
    if lang == "en" or not expected:
        return expected
    return _indonesian(expected) or expected


def known(expected: str) -> bool:
    """Whether ``expected`` has an Indonesian wording (the tests' check)."""
    return _indonesian(expected) is not None


def summary_text(summary: str, lang: str = "id") -> str:
    if lang == "en":
        return summary
    for rule, replacement in _SUMMARY_RULES:
        m = rule.fullmatch(summary)
        if m:
            return m.expand(replacement)
    return summary


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
        return f"{head}: found {value_text(p.value, lang)}; valid: {expected_text(p.expected, lang)}"
    return f"{head}: tertulis {value_text(p.value, lang)}; yang benar: {expected_text(p.expected, lang)}"


def lines(exc: PetaError, lang: str = "id") -> list[str]:
    return [say(p, lang) for p in exc.problems]
