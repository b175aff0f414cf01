"""The spreadsheet form for importing ceremonies (CSV or XLSX): one row per report, Indonesian
headers, lists separated by ``;``. Documented in the README and in the template's *Petunjuk*
sheet. Each row becomes the same mapping a curated file holds, then goes through the one
validator; a problem names the file, the row, the column, the value and what is valid.

| column | field | example |
| --- | --- | --- |
| id | id (empty: made from place, full code and date; an undated row always gets its own) | cibinong-320101-2024-11-12 |
| kode_wilayah | region | 32.01.01 |
| tanggal | date, YYYY-MM-DD (empty: undated, give the reason) | 2024-11-12 |
| alasan_tanpa_tanggal | date_unknown_reason | |
| pemilihan | elections | pilkada-2024 |
| jenis | kinds | apel; pakta_integritas |
| tempat | venue | Aula Kecamatan |
| pemimpin_nama / pemimpin_jabatan | leader | Acep Sajidin / Camat Cibinong |
| penanda_tangan | signatories, ``group[:count][:semua]`` | camat:1; lurah:13; asn |
| saksi | witnesses | panwascam; kapolsek |
| kategori_komitmen | commitments (category ids) | netralitas; politik_uang |
| kesiapan | readiness, ``percent@YYYY-MM-DD[:measure]`` | 90@2024-11-12:Persiapan Pilkada |
| sumber_media, sumber_judul, sumber_url, sumber_tanggal | sources (one per row) | NewsBogor |
"""

from __future__ import annotations

import re

from .. import fmt
from ..errors import Problem, msg
from ..io import sheets, workbooks
from ..io.sheets import EXTRA_CELLS, MAX_BYTES, MAX_CELL, PICK, too_big  # noqa: F401 (this sheet's API)
from ..geo import level_of_code
from ..records.read import RawReport
from ..records.vocab import COMMITMENT_CATEGORIES, KINDS, SIGNATORY_GROUPS, WITNESS_BODIES

COLUMNS = {  # header -> (field it fills, help for the Petunjuk sheet)
    "id": ("id", "kosong: dibuat dari nama wilayah, kodenya dan tanggal (baris tanpa tanggal selalu upacara sendiri); "
           "sama dengan upacara lain = sumber tambahan"),
    "kode_wilayah": ("region", "kode Kemendagri, mis. 32.01.01 (dari daftar: '32.01.01 — Kec. Cibinong'; yang "
                               "dibaca hanya kodenya)"),
    "tanggal": ("date", "YYYY-MM-DD; kosong bila tidak diketahui (isi alasan_tanpa_tanggal)"),
    "alasan_tanpa_tanggal": ("date_unknown_reason", "mengapa tanggal tidak diketahui"),
    "pemilihan": ("elections", "id pemilihan (daftar di lembar Pilihan; semua di halaman Kalender pemilihan), "
                               "dipisah ;"),
    "jenis": ("kinds", "; ".join(KINDS)),
    "tempat": ("venue", "teks"),
    "pemimpin_nama": ("leader.name", "teks"),
    "pemimpin_jabatan": ("leader.role", "teks"),
    "penanda_tangan": ("signatories", "kelompok[:jumlah][:semua], dipisah ;  kelompok: " + ", ".join(SIGNATORY_GROUPS)),
    "saksi": ("witnesses", "; ".join(WITNESS_BODIES)),
    "kategori_komitmen": ("commitments", "; ".join(COMMITMENT_CATEGORIES)),
    "kesiapan": ("readiness", "persen@YYYY-MM-DD[:yang diukur], dipisah ;"),
    "sumber_media": ("sources.outlet", "nama media (wajib)"),
    "sumber_judul": ("sources.title", "judul berita"),
    "sumber_url": ("sources.url", "alamat berita"),
    "sumber_tanggal": ("sources.published", "YYYY-MM-DD"),
}
REQUIRED = ("kode_wilayah", "pemilihan", "jenis", "sumber_media")
MAX_ROWS = 5_000               # ceremony rows per file (a province's year is a few hundred)

EXAMPLE_ID = "contoh"  # the template's example row: refused by name if it is imported as it is
EXAMPLE = {
    "id": EXAMPLE_ID, "kode_wilayah": "32.01.01", "tanggal": "2024-11-12", "alasan_tanpa_tanggal": "",
    "pemilihan": "pilkada-2024", "jenis": "apel; pakta_integritas", "tempat": "Aula Kecamatan Cibinong",
    "pemimpin_nama": "Acep Sajidin", "pemimpin_jabatan": "Camat Cibinong", "penanda_tangan": "camat:1; lurah:13",
    "saksi": "panwascam; kapolsek", "kategori_komitmen": "netralitas; politik_uang",
    "kesiapan": "90@2024-11-12:Persiapan Pilkada di kecamatan", "sumber_media": "NewsBogor",
    "sumber_judul": "Camat Cibinong Pimpin Pernyataan Pakta Integritas", "sumber_url": "", "sumber_tanggal": "",
}


def _split(text: str) -> list[str]:
    return [sheets.picked(p) for p in str(text or "").split(";") if sheets.picked(p)]


def row_to_report(row: dict, where: str, problems: list[Problem]) -> dict:
    """One sheet row -> a report mapping (validated later like any file)."""
    v = {k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS}
    v = {k: (x.strip() if isinstance(x, str) else x) for k, x in v.items()}
    region = sheets.picked(v["kode_wilayah"])
    data: dict = {"id": str(v["id"]) or None, "region": region}
    try:
        data["level"] = level_of_code(region)
    except Exception:  # noqa: BLE001 - the validator names a bad code precisely
        data["level"] = None
    if v["tanggal"] not in ("", None):
        data["date"] = sheets.day(v["tanggal"], where, "tanggal", problems)
    else:
        data["date"] = None
        data["date_unknown_reason"] = str(v["alasan_tanpa_tanggal"]) or None
    data["elections"] = _split(v["pemilihan"])
    data["kinds"] = _split(v["jenis"])
    if v["tempat"]:
        data["venue"] = str(v["tempat"])
    if v["pemimpin_nama"] or v["pemimpin_jabatan"]:
        data["leader"] = {k: str(x) for k, x in (("name", v["pemimpin_nama"]), ("role", v["pemimpin_jabatan"])) if x}
    sig = []
    for part in (p.strip() for p in str(v["penanda_tangan"] or "").split(";")):
        if not part:
            continue
        bits = [b.strip() for b in part.split(":")]  # "camat — Camat:1": the group picked, a count typed after
        entry: dict = {"group": sheets.picked(bits[0])}
        for b in bits[1:]:
            if b.lower() in ("semua", "all"):
                entry["all"] = True
            elif re.fullmatch(r"[0-9]{1,9}", b):  # ASCII digits: str.isdigit() also takes ¹², which int() refuses
                entry["count"] = int(b)
            else:
                problems.append(Problem("penanda_tangan", part, msg("signatory_cell"), file=where))
        sig.append(entry)
    if sig:
        data["signatories"] = sig
    if v["saksi"]:
        data["witnesses"] = _split(v["saksi"])
    cats = _split(v["kategori_komitmen"])
    if cats:
        data["commitments"] = [{"category": c, "text": COMMITMENT_CATEGORIES[c].id_label if c in COMMITMENT_CATEGORIES
                                else c} for c in cats]
    ready = []
    for part in _split(v["kesiapan"]):
        pct, _, rest = part.partition("@")
        day, _, measure = rest.partition(":")
        percent = fmt.decimal(pct.replace("%", ""))
        if percent is None:
            problems.append(Problem("kesiapan", part, msg("readiness_cell"), file=where))
            continue
        ready.append({"measure": measure.strip() or "kesiapan", "percent": percent,
                      "as_of": sheets.day(day, where, "kesiapan", problems)})
    if ready:
        data["readiness"] = ready
    source = {"outlet": str(v["sumber_media"]) or None}
    for col, key in (("sumber_judul", "title"), ("sumber_url", "url")):
        if v[col]:
            source[key] = str(v[col])
    if v["sumber_tanggal"]:
        source["published"] = sheets.day(v["sumber_tanggal"], where, "sumber_tanggal", problems)
    data["sources"] = [source]
    return data


def read_rows(name: str, content: bytes, columns=None, required=REQUIRED, max_rows: int = MAX_ROWS) -> list[dict]:
    """The rows of a ceremony sheet (:func:`dashboard.io.sheets.read_rows` with this sheet's columns)."""
    return sheets.read_rows(name, content, COLUMNS if columns is None else columns, required, max_rows)



def parse(name: str, content: bytes, make_id) -> tuple[list[RawReport], list[Problem]]:
    """Reports from an upload, and the problems found while reading cells (row 2 is the first data row)."""
    problems: list[Problem] = []
    reports = []
    for i, row in enumerate(read_rows(name, content), start=2):
        where = f"{name} baris {i}"
        extra = row.pop(EXTRA_CELLS, None)
        if extra:  # more cells than columns: a quote or separator out of place; never shift values
            problems.append(Problem(EXTRA_CELLS, extra, msg("cells_per_row", n=len(COLUMNS)),
                                    file=where))
        if str(row.get("id") or "").strip().lower() == EXAMPLE_ID:
            problems.append(Problem("id", EXAMPLE_ID, msg("own_row"), file=where))
        data = row_to_report(row, where, problems)
        if not data.get("id"):
            data["id"] = make_id(data)
        reports.append(RawReport(where, data))
    return reports, problems


def example_row(code: str, place: str, election: str, level: str) -> dict:
    """The template's example, in the user's own region (a Ciawi user sees Ciawi): an invented
    ceremony, marked ``id: contoh`` so that importing it as it is is refused by name."""
    kecamatan = level == "kecamatan"
    return {**EXAMPLE, "kode_wilayah": code, "pemilihan": election, "tempat": f"Aula {place}",
            "pemimpin_nama": "", "pemimpin_jabatan": "Camat" if kecamatan else "Sekretaris Daerah",
            "penanda_tangan": "camat:1; lurah:semua" if kecamatan else "kepala_perangkat_daerah:semua; camat:semua",
            "kesiapan": "", "sumber_media": "(nama media)", "sumber_judul": f"Ikrar netralitas ASN di {place}"}


def template_example(gaz, region: str | None, election: str) -> dict:
    """The template's example row in ``region`` (the user's own, else the one in view)."""
    code = region if region in gaz else "32.01.01"
    unit = gaz.get(code)
    if unit.level == "provinsi":  # a provincial user: the example is one of its kabupaten/kota
        unit = gaz.children(code)[0]
    return example_row(unit.code, unit.label, election, unit.level)


def template_choices(gaz, elections: list[str], region: str | None,
                     names: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Drop-down lists for the template: the elections (with their names, from ``names``), and the
    codes of the user's region with its kabupaten/kota and kecamatan, each with its name (all of
    Indonesia's 7,000 would be no help). A picked "code — name" is read as its code."""
    names = names or {}
    out = {"pemilihan": [f"{e}{PICK}{names[e]}" if names.get(e) else e for e in elections]}
    if region and region in gaz:
        units = [gaz.get(region)]
        for kid in gaz.children(region):
            units.append(kid)
            if kid.level != "kecamatan":
                units += [k for k in gaz.children(kid.code) if k.level == "kecamatan"]
        out["kode_wilayah"] = [f"{u.code}{PICK}{u.label}" for u in units[:2000]]
    return out


# Advice for a spreadsheet user, in the Petunjuk sheet (the mistakes Excel makes for them).
ADVICE = [
    ("Baris contoh", "Baris 2 (id: contoh) hanya contoh: ganti isinya dengan upacara Anda atau hapus. "
                     "Bila diimpor apa adanya, baris itu ditolak."),
    ("Kode wilayah jadi angka", "Excel dapat mengubah 32.01.24 menjadi angka (32,0124 atau 32.01). Kolom "
                                "kode_wilayah sudah berformat Teks; bila disalin dari tempat lain, tempel sebagai "
                                "nilai lalu periksa kodenya."),
    ("Tanggal tanpa tahun", "Bila berita tidak menyebut tahun, kosongkan tanggal dan tulis alasannya di "
                            "alasan_tanpa_tanggal (mis. 'berita hanya menyebut Senin, 20 November'). "
                            "Tanggal tidak pernah ditebak."),
    ("Pemilihan tidak ada di daftar", "Pemilihan dipilih dari daftar (lembar Pilihan). Pemilihan baru ditambahkan "
                                      "di halaman Kalender pemilihan oleh pengguna dengan akses semua wilayah "
                                      "(id, nama, tanggal, wilayah, sumber), bukan di lembar ini."),
    ("Beberapa isian", "Kolom berisi daftar (pemilihan, jenis, penanda_tangan, saksi, kategori_komitmen, kesiapan) "
                       "dipisah titik koma, mis. apel; ikrar. Daftar pilihan hanya membantu mengisi satu; ketik "
                       "sisanya."),
    ("Menyimpan", "Simpan sebagai .xlsx, atau CSV (dipisah koma atau titik koma, UTF-8)."),
]


def template(example: dict | None = None, choices: dict[str, list[str]] | None = None) -> workbooks.Template:
    """What the import template holds: the *Upacara* sheet (headings, the example row, drop-down
    lists, codes kept as text and dates as dates) and the *Petunjuk* sheet (each column's help, then
    :data:`ADVICE`)."""
    def labelled(vocab):
        return [f"{k}{PICK}{v.label('id')}" for k, v in vocab.items()]

    choices = {"pemilihan": [], "jenis": labelled(KINDS), "penanda_tangan": labelled(SIGNATORY_GROUPS),
               "saksi": labelled(WITNESS_BODIES), "kategori_komitmen": labelled(COMMITMENT_CATEGORIES),
               **(choices or {})}
    help_rows = [("kolom", "isi", "wajib"),
                 *((col, help_text, "ya" if col in REQUIRED else "") for col, (_field, help_text) in COLUMNS.items()),
                 (), ("Bila ada masalah", "", ""), *((head, text, "") for head, text in ADVICE)]
    return workbooks.Template(
        sheet="Upacara", columns=tuple(COLUMNS), example=example or EXAMPLE, help_rows=tuple(help_rows),
        formats={"id": "@", "kode_wilayah": "@", "tanggal": "yyyy-mm-dd", "sumber_tanggal": "yyyy-mm-dd"},
        dates=("tanggal", "sumber_tanggal"), choices=choices, list_rows=MAX_ROWS + 1, styled=True)


def template_xlsx(example: dict | None = None, choices: dict[str, list[str]] | None = None) -> bytes:
    """The import template as a workbook (:func:`template`)."""
    return workbooks.template_xlsx(template(example, choices))


def template_csv(example: dict | None = None, delimiter: str = ",") -> bytes:
    """The template as CSV: ``,`` (CSV UTF-8), or ``;`` as Excel in Indonesian settings reads it."""
    return workbooks.template_csv(template(example), delimiter)


def report_to_row(report: dict) -> dict:
    """A report mapping as one sheet row (the inverse of :func:`row_to_report`), for drafts sent
    to a spreadsheet for review. A date whose year was inferred is *not* written as a date: the
    column stays empty and the reason says what to check, so importing the sheet never saves it."""
    row = {c: "" for c in COLUMNS}
    row["id"] = report.get("id") or ""
    row["kode_wilayah"] = report.get("region") or ""
    day, inferred = report.get("date"), report.get("date_inferred")
    if day and not inferred:
        row["tanggal"] = day.isoformat()
    else:
        row["alasan_tanpa_tanggal"] = (
            f"tahun tidak disebut ({inferred['stated']}); kemungkinan {day.isoformat()}, perlu dicek" if inferred
            else report.get("date_unknown_reason") or "")
    row["pemilihan"] = "; ".join(report.get("elections") or [])
    row["jenis"] = "; ".join(report.get("kinds") or [])
    row["tempat"] = report.get("venue") or ""
    leader = report.get("leader") or {}
    row["pemimpin_nama"], row["pemimpin_jabatan"] = leader.get("name", ""), leader.get("role", "")
    row["penanda_tangan"] = "; ".join(
        s["group"] + (f":{s['count']}" if s.get("count") else "") + (":semua" if s.get("all") else "")
        for s in report.get("signatories") or [])
    row["saksi"] = "; ".join(report.get("witnesses") or [])
    row["kategori_komitmen"] = "; ".join(c["category"] for c in report.get("commitments") or [])
    row["kesiapan"] = "; ".join(f"{r['percent']:g}@{r['as_of'].isoformat()}:{r.get('measure') or ''}"
                                for r in report.get("readiness") or [] if r.get("as_of"))
    src = (report.get("sources") or [{}])[0]
    row["sumber_media"], row["sumber_judul"], row["sumber_url"] = (src.get("outlet", ""), src.get("title", ""),
                                                                    src.get("url", ""))
    row["sumber_tanggal"] = src["published"].isoformat() if src.get("published") else ""
    return row


def rows_xlsx(rows: list[dict], notes: list[str]) -> bytes:
    """Rows in the template's columns (sheet *Upacara*), with one review note per row in an extra
    sheet *Catatan* (the import reads only *Upacara*). Text is neutralised: a cell that would start
    a formula is written with a leading apostrophe."""
    return workbooks.review_xlsx("Upacara", list(COLUMNS), rows, "Catatan", ["baris", "catatan pemeriksaan"], notes)
