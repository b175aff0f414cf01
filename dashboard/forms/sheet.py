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

import csv
import re
import datetime as dt
import io
from pathlib import Path

from .. import fmt
from ..errors import Msg, PetaError, Problem, msg
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
# Upload limits (README, "Impor"): checked while the rows are read, so a hostile or broken file
# stops at the first row past a limit instead of being read whole into memory first.
MAX_BYTES = 20 * 1024 * 1024  # a ceremony sheet is a few KB per hundred rows; anything bigger is a mistake
MAX_ROWS = 5_000               # ceremony rows per file (a province's year is a few hundred)
MAX_CELL = 10_000              # characters per cell (the longest title or note is a few hundred)
MAX_XLSX_ROWS = 50_000         # rows of any kind read from a workbook's sheet
# A workbook is a zip of XML parts, so a small file can expand a thousandfold (one shared string
# of 100 MB compresses to 100 KB) and openpyxl reads the whole shared-strings part before any cell
# is seen. These bounds are checked on the zip itself, streaming, before openpyxl opens it:
MAX_XLSX_PARTS = 200           # zip entries (Excel writes about 10-20)
MAX_XLSX_SHEET = 32 * 1024 * 1024    # uncompressed bytes of one worksheet (read row by row)
MAX_XLSX_STRINGS = 16 * 1024 * 1024  # uncompressed bytes of the shared strings (read whole)
MAX_XLSX_SHARED = 200_000      # shared strings (the template's 17 columns × 5,000 rows is 85,000)
MAX_XLSX_OTHER = 4 * 1024 * 1024     # uncompressed bytes of any other part (styles, workbook, ...)
MAX_XLSX_RUNS = 100_000        # formatted runs in all shared strings (a ceremony sheet has a handful; the
                               # reader builds an object per run, twice: 460,000 took a minute and 700 MB)
MAX_XLSX_COLUMNS = 100         # cells in one row, blank ones between included (the template has 17)
MAX_XLSX_CELLS = 120_000       # cells in the sheet (5,000 rows × 17 columns is 85,000; read twice: values, formulas)


def too_big(path: Path, name: str | None = None) -> Problem | None:
    """The problem of a sheet file over :data:`MAX_BYTES` (named ``name``, else its file name), or
    None: checked before the file is read, so a huge file is never read into memory."""
    size = path.stat().st_size
    if size <= MAX_BYTES:
        return None
    # one decimal: a 20.9 MB file is not "20 MB, at most 20 MB"
    return Problem("(file)", f"{size / (1024 * 1024):.1f} MB", msg("file_at_most_mb", mb=MAX_BYTES // (1024 * 1024)),
                   file=name or path.name)


EXAMPLE_ID = "contoh"  # the template's example row: refused by name if it is imported as it is
EXAMPLE = {
    "id": EXAMPLE_ID, "kode_wilayah": "32.01.01", "tanggal": "2024-11-12", "alasan_tanpa_tanggal": "",
    "pemilihan": "pilkada-2024", "jenis": "apel; pakta_integritas", "tempat": "Aula Kecamatan Cibinong",
    "pemimpin_nama": "Acep Sajidin", "pemimpin_jabatan": "Camat Cibinong", "penanda_tangan": "camat:1; lurah:13",
    "saksi": "panwascam; kapolsek", "kategori_komitmen": "netralitas; politik_uang",
    "kesiapan": "90@2024-11-12:Persiapan Pilkada di kecamatan", "sumber_media": "NewsBogor",
    "sumber_judul": "Camat Cibinong Pimpin Pernyataan Pakta Integritas", "sumber_url": "", "sumber_tanggal": "",
}


PICK = " — "  # a drop-down value is "code — name" (32.01.01 — Kec. Cibinong); the code is what counts


def _picked(text: str) -> str:
    """A value as picked from the template's lists ("apel — Apel") or typed ("apel"): its code."""
    return str(text).split(PICK, 1)[0].strip()


def _split(text: str) -> list[str]:
    return [_picked(p) for p in str(text or "").split(";") if _picked(p)]


def _date(text: str, where: str, column: str, problems: list[Problem]):
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    try:
        if not fmt.ISO_DAY.fullmatch(str(text).strip()):  # only YYYY-MM-DD (fmt.ISO_DAY)
            raise ValueError(text)
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        problems.append(Problem(column, text, msg("date_never_guessed"), file=where))
        return str(text)  # kept as written: the row is rejected, never given a guessed date


def row_to_report(row: dict, where: str, problems: list[Problem]) -> dict:
    """One sheet row -> a report mapping (validated later like any file)."""
    v = {k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS}
    v = {k: (x.strip() if isinstance(x, str) else x) for k, x in v.items()}
    region = _picked(v["kode_wilayah"])
    data: dict = {"id": str(v["id"]) or None, "region": region}
    try:
        data["level"] = level_of_code(region)
    except Exception:  # noqa: BLE001 - the validator names a bad code precisely
        data["level"] = None
    if v["tanggal"] not in ("", None):
        data["date"] = _date(v["tanggal"], where, "tanggal", problems)
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
        entry: dict = {"group": _picked(bits[0])}
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
        try:
            percent = float(pct.replace(",", ".").replace("%", "").strip())
        except ValueError:
            problems.append(Problem("kesiapan", part, msg("readiness_cell"), file=where))
            continue
        ready.append({"measure": measure.strip() or "kesiapan", "percent": percent,
                      "as_of": _date(day, where, "kesiapan", problems)})
    if ready:
        data["readiness"] = ready
    source = {"outlet": str(v["sumber_media"]) or None}
    for col, key in (("sumber_judul", "title"), ("sumber_url", "url")):
        if v[col]:
            source[key] = str(v[col])
    if v["sumber_tanggal"]:
        source["published"] = _date(v["sumber_tanggal"], where, "sumber_tanggal", problems)
    data["sources"] = [source]
    return data


def read_rows(name: str, content: bytes, columns=None, required=REQUIRED, max_rows: int = MAX_ROWS) -> list[dict]:
    """Rows of a CSV (UTF-8, ``,`` or ``;``) or XLSX (first sheet) upload, as header -> value.
    ``columns``/``required``/``max_rows``: another sheet's (the indicator sheet); default this one's."""
    columns = COLUMNS if columns is None else columns
    if not content:
        raise PetaError.single("(file)", name, msg("sheet_file"), file=name)
    if len(content) > MAX_BYTES:
        raise PetaError.single("(file)", f"{len(content) // (1024 * 1024)} MB", msg("file_at_most_mb", mb=MAX_BYTES // (1024 * 1024)),
                               file=name)
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(name, content)
        header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
        body = [dict(zip(header, r)) for r in rows[1:] if any(c not in (None, "") for c in r)]
        for i, r in enumerate(body):
            _check_limits(name, i + 2, r.items(), i, max_rows)
    elif suffix == ".csv":
        text = _decode_csv(name, content)
        # The separator is read off the header line (template column names, never quoted): ";" as
        # Excel writes it in Indonesian settings, a tab as a sheet copied out of Excel, else ",".
        # Cells then follow the standard CSV rules ("" inside quotes is one quote), never a guess
        # from the data (csv.Sniffer guessed wrongly).
        first = text.lstrip("\ufeff").split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)  # ties: the first, ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, restkey=EXTRA_CELLS)
        try:
            header = [h.strip() for h in (reader.fieldnames or [])]
        except csv.Error as exc:
            raise _csv_error(name, 1, exc) from None
        reader.fieldnames = header
        body = []
        try:
            for r in reader:
                if any((x or "").strip() for x in r.values() if isinstance(x, str)) or r.get(EXTRA_CELLS):
                    _check_limits(name, reader.line_num, r.items(), len(body), max_rows)
                    body.append(r)
        except csv.Error as exc:  # a cell over the csv module's own limit, a NUL byte
            raise _csv_error(name, reader.line_num + 1, exc) from None  # the line being read
    else:
        raise PetaError.single("(file)", name, msg("csv_or_xlsx"), file=name)
    unknown = [h for h in header if h and h not in columns]
    missing = [h for h in required if h not in header]
    if unknown or missing:
        problems = [Problem("(header)", h, msg("template_column", columns=list(columns)), file=name) for h in unknown]
        problems += [Problem("(header)", None, msg("required_column", column=h), file=name) for h in missing]
        raise PetaError(problems, summary=msg("columns_refused", name=name))
    if not body:
        raise PetaError.single("(rows)", 0, msg("some_rows"), file=name)
    return body


EXTRA_CELLS = "(sel berlebih)"


def _check_limits(name: str, line: int, cells, rows_before: int, max_rows: int = MAX_ROWS) -> None:
    if rows_before >= max_rows:
        raise PetaError.single("(rows)", f"more than {max_rows}", msg("rows_at_most", n=max_rows), file=name)
    for column, value in cells:
        values = value if isinstance(value, list) else [value]  # extra cells come as a list
        for v in values:
            if isinstance(v, str) and len(v) > MAX_CELL:
                raise PetaError.single(str(column), v[:40] + "…", msg("cell_at_most_has", n=MAX_CELL, has=len(v)), file=name, record=f"baris {line}")


def _csv_error(name: str, line: int, exc: Exception) -> PetaError:
    if "field larger than field limit" in str(exc):  # csv's own guard, far past MAX_CELL
        return PetaError.single("(cell)", f"> {csv.field_size_limit()}", msg("cell_at_most", n=MAX_CELL),
                                file=name, record=f"baris {line}")
    return PetaError.single("(file)", str(exc)[:80], msg("csv_text", n=MAX_CELL), file=name,
                            record=f"baris {line}")
EXCEL_CELL_LIMIT = 32_767  # characters: Excel cuts longer text at this length without a word


def _xlsx_rows(name: str, content: bytes) -> list[tuple]:
    """The first sheet's rows as written, or a PetaError naming each cell that cannot be read as
    written: a formula with no saved result (a file written by a program, never opened in Excel),
    or text at Excel's 32,767-character limit (cut). A stale ``<dimension>`` record (which would
    make a read-only reader stop early) is ignored: every row present is read."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _xlsx_bounds(name, content)
    try:
        books = [load_workbook(io.BytesIO(content), read_only=True, data_only=flag) for flag in (True, False)]
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook
        raise PetaError.single("(file)", type(exc).__name__, msg("xlsx_book"),
                               file=name) from None
    if not books[0].worksheets:
        raise PetaError.single("(file)", 0, msg("xlsx_sheet"), file=name)
    try:
        values, formulas = books[0].worksheets[0], books[1].worksheets[0]
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook
        raise PetaError.single("(file)", type(exc).__name__, msg("xlsx_book"),
                               file=name) from None
    values.reset_dimensions()
    formulas.reset_dimensions()
    rows: list[tuple] = []
    problems = []
    filled = cells = 0
    try:
        for r, (got, raw) in enumerate(zip(values.iter_rows(values_only=True), formulas.iter_rows(values_only=True)),
                                       start=1):
            cells += len(got)
            if len(got) > MAX_XLSX_COLUMNS or cells > MAX_XLSX_CELLS:
                wide = len(got) > MAX_XLSX_COLUMNS
                raise PetaError.single("(cells)", f"{len(got)} in row {r}" if wide else f"more than {MAX_XLSX_CELLS}",
                                       msg("xlsx_cells", row=MAX_XLSX_COLUMNS, sheet=MAX_XLSX_CELLS, columns=len(COLUMNS)),
                                       file=name, record=f"baris {r}")
            # read as a stream, with bounds: ceremony rows, and rows of any kind (a sheet formatted
            # down to row 1,048,576 is all blank rows)
            filled += any(c not in (None, "") for c in got)
            if filled > MAX_ROWS + 1 or r > MAX_XLSX_ROWS:
                raise PetaError.single("(rows)", f"more than {MAX_ROWS if filled > MAX_ROWS + 1 else MAX_XLSX_ROWS}",
                                       msg("sheet_rows_at_most", n=MAX_ROWS, rows=MAX_XLSX_ROWS), file=name)
            rows.append(got)
            _xlsx_cells(name, r, got, raw, problems, get_column_letter)
    except PetaError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet part that cannot be parsed (read lazily, row by row)
        raise PetaError.single("(file)", type(exc).__name__, msg("xlsx_book"),
                               file=name) from None
    if problems:
        raise PetaError(problems, summary=msg("cells_refused", n=len(problems), name=name))
    return rows


def _xlsx_bounds(name: str, content: bytes) -> None:
    """Refuse a workbook whose parts expand past the bounds above, reading each part as a stream
    (the sizes a zip declares can lie, so the bytes are counted as they come out)."""
    import zipfile

    def refused(value, want: Msg) -> PetaError:
        return PetaError.single("(file)", value, want, file=name)

    try:
        book = zipfile.ZipFile(io.BytesIO(content))
        entries = book.infolist()
    except Exception:  # noqa: BLE001 - not a zip: openpyxl's own refusal names it below
        return
    if len(entries) > MAX_XLSX_PARTS:
        raise refused(f"{len(entries)} parts", msg("xlsx_parts", n=MAX_XLSX_PARTS))
    kinds = _part_kinds(book, entries)
    runs = 0
    for entry in entries:
        part = entry.filename
        kind = kinds.get(part)
        is_strings = kind == "strings"
        limit = {"strings": MAX_XLSX_STRINGS, "sheet": MAX_XLSX_SHEET}.get(kind, MAX_XLSX_OTHER)
        if entry.file_size > limit:
            raise refused(f"{part}: {entry.file_size // 1024} KB", msg("xlsx_part_kb", kb=limit // 1024))
        size = strings = 0
        tail = b""
        try:
            with book.open(entry) as stream:
                while chunk := stream.read(256 * 1024):
                    size += len(chunk)
                    if size > limit:
                        raise refused(f"{part}: > {limit // 1024} KB", msg("xlsx_part_kb", kb=limit // 1024))
                    if is_strings:
                        both = tail + chunk
                        strings += _tags(both, b"si") - _tags(tail, b"si")
                        runs += _tags(both, b"r") - _tags(tail, b"r")
                        tail = chunk[-3:]
                        if strings > MAX_XLSX_SHARED:
                            raise refused(f"{part}: more than {MAX_XLSX_SHARED} shared strings",
                                          msg("xlsx_strings", n=MAX_XLSX_SHARED))
                        if runs > MAX_XLSX_RUNS:
                            raise refused(f"{part}: more than {MAX_XLSX_RUNS} formatted runs",
                                          msg("xlsx_runs", n=MAX_XLSX_RUNS))
        except PetaError:
            raise
        except Exception:  # noqa: BLE001 - a damaged part (openpyxl refuses it if it reads it): check the rest,
            continue       # so a junk part placed first cannot wave a bomb behind it through


def _tags(data: bytes, name: bytes) -> int:
    """Opening tags ``<name>`` or ``<name ...>`` in ``data`` (counted on raw bytes: no parser runs
    before the bounds hold)."""
    return data.count(b"<" + name + b">") + data.count(b"<" + name + b" ")


_STRINGS_TYPE = "spreadsheetml.sharedStrings+xml"
_SHEET_TYPE = "spreadsheetml.worksheet+xml"


def _part_kinds(book, entries) -> dict[str, str]:
    """Each part's kind by what it *is*, not where it lies (issue 35): ``strings`` for a part
    declared shared strings by its content type or by a relationship, ``sheet`` for a declared
    worksheet; others are bounded as any part. Undeclared, the usual paths keep their kind. The
    declarations are read with the ``other`` bound (they are small)."""
    import posixpath
    import re

    def read(name: str) -> str:
        try:
            entry = book.getinfo(name)
            if entry.file_size > MAX_XLSX_OTHER:
                return ""
            with book.open(entry) as fh:
                return fh.read(MAX_XLSX_OTHER + 1)[:MAX_XLSX_OTHER].decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - damaged or absent: the path rule stays
            return ""

    kinds = {"xl/sharedStrings.xml": "strings"}
    kinds.update({e.filename: "sheet" for e in entries if e.filename.startswith("xl/worksheets/")})
    for name, ctype in re.findall(r'PartName="/?([^"]+)"[^>]*ContentType="([^"]+)"', read("[Content_Types].xml")):
        kinds[name] = "strings" if ctype.endswith(_STRINGS_TYPE) else "sheet" if ctype.endswith(_SHEET_TYPE) else "other"
    for rels in (e.filename for e in entries if e.filename.endswith(".rels")):
        base = posixpath.dirname(posixpath.dirname(rels))  # xl/_rels/workbook.xml.rels -> xl
        for tag in re.findall(r"<Relationship\b[^>]*>", read(rels)):
            kind = re.search(r'Type="[^"]*/(sharedStrings|worksheet)"', tag)
            target = re.search(r'Target="([^"]+)"', tag)
            if kind and target:
                t = target.group(1)
                path = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(base, t))
                kinds[path] = "strings" if kind.group(1) == "sharedStrings" else kinds.get(path, "sheet")
    return kinds


def _xlsx_cells(name: str, r: int, got: tuple, raw: tuple, problems: list, get_column_letter) -> None:
    """Problems of one row: a formula with no saved result, text cut at Excel's limit."""
    for c, (value, written) in enumerate(zip(got, raw), start=1):
        where = f"{get_column_letter(c)}{r}"
        if value is None and isinstance(written, str) and written.startswith("="):
            problems.append(Problem(f"cell {where}", written, msg("formula_value"),
                                    file=name, record=f"baris {r}"))
        elif isinstance(value, str) and len(value) >= EXCEL_CELL_LIMIT:
            problems.append(Problem(f"cell {where}", value[:40] + "…", msg("excel_cut", n=EXCEL_CELL_LIMIT), file=name, record=f"baris {r}"))


def _decode_csv(name: str, content: bytes) -> str:
    """UTF-8 with or without BOM; else Windows-1252 (Excel's "CSV" on Windows in Indonesian)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise PetaError.single("(file)", str(exc)[:80], msg("text_encoding"), file=name) from None


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


def template_xlsx(example: dict | None = None, choices: dict[str, list[str]] | None = None) -> bytes:
    """The import template: the *Upacara* sheet (headings, the example row, drop-down lists fed
    from a *Pilihan* sheet, codes kept as text and dates as dates) and a *Petunjuk* sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    example = example or EXAMPLE
    def labelled(vocab):
        return [f"{k}{PICK}{v.label('id')}" for k, v in vocab.items()]

    choices = {"pemilihan": [], "jenis": labelled(KINDS), "penanda_tangan": labelled(SIGNATORY_GROUPS),
               "saksi": labelled(WITNESS_BODIES), "kategori_komitmen": labelled(COMMITMENT_CATEGORIES),
               **(choices or {})}
    wb = Workbook()
    ws = wb.active
    ws.title = "Upacara"
    ws.append(list(COLUMNS))
    row = []
    for c in COLUMNS:
        value = example.get(c, "")
        if c in ("tanggal", "sumber_tanggal") and value:
            value = dt.date.fromisoformat(value)  # a real date: Excel shows it in the user's own format
        row.append(value)
    ws.append(row)
    for c in ws[1]:
        c.font = Font(bold=True)
    for c in ws[2]:
        c.font = Font(italic=True, color="666666")
    last = MAX_ROWS + 1
    for i, col in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(14, min(40, len(col) + 4))
        if col in ("kode_wilayah", "id"):  # a code stays text: 32.01.24 must not become a number
            for r in range(2, 201):
                ws[f"{letter}{r}"].number_format = "@"
        if col in ("tanggal", "sumber_tanggal"):
            for r in range(2, 201):
                ws[f"{letter}{r}"].number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    lists = wb.create_sheet("Pilihan")
    for j, (col, values) in enumerate((k, v) for k, v in choices.items() if v):
        letter = get_column_letter(j + 1)
        lists.cell(row=1, column=j + 1, value=col).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            lists.cell(row=r, column=j + 1, value=value)
        # a list to pick from, not a rule: a cell may hold several values separated by ";"
        dv = DataValidation(type="list", formula1=f"=Pilihan!${letter}$2:${letter}${len(values) + 1}",
                            allow_blank=True, showErrorMessage=False)
        target = get_column_letter(list(COLUMNS).index(col) + 1)
        dv.add(f"{target}2:{target}{last}")
        ws.add_data_validation(dv)
    info = wb.create_sheet("Petunjuk")
    info.append(["kolom", "isi", "wajib"])
    for col, (_field, help_text) in COLUMNS.items():
        info.append([col, help_text, "ya" if col in REQUIRED else ""])
    info.append([])
    info.append(["Bila ada masalah", "", ""])
    for head, text in ADVICE:
        info.append([head, text, ""])
    for c in info[1]:
        c.font = Font(bold=True)
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 110
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_csv(example: dict | None = None, delimiter: str = ",") -> bytes:
    """The template as CSV: ``,`` (CSV UTF-8), or ``;`` as Excel in Indonesian settings reads it."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\r\n" if delimiter == ";" else "\n",
                       delimiter=delimiter)
    w.writeheader()
    w.writerow({c: (example or EXAMPLE).get(c, "") for c in COLUMNS})
    return buf.getvalue().encode("utf-8-sig")


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
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..export.tables import neutralise

    wb = Workbook()
    ws = wb.active
    ws.title = "Upacara"
    ws.append(list(COLUMNS))
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append([neutralise(row.get(c, "")) for c in COLUMNS])
    info = wb.create_sheet("Catatan")
    info.append(["baris", "catatan pemeriksaan"])
    for i, note in enumerate(notes, start=2):
        info.append([i, neutralise(note)])
    info.column_dimensions["B"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
