"""Reading spreadsheet files people upload (CSV or XLSX), safely: the one reader both imports use
(ceremonies, ``forms/sheet.py``; indicators, ``indicators.py``). A hostile or broken file stops at
the first bound it passes, named with the file, row and column, and is never read whole into memory
first: the file's size, the workbook's zip parts by what they are (content type and relationship,
not their path), formatted runs, rows, cells per row, characters per cell. Cells come back as
written; what a cell means (a code picked from a list, a date) is read by :func:`picked` and
:func:`day`, the same for every sheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from .. import fmt
from ..errors import Msg, PetaError, Problem, msg

# Upload limits (README, "Impor"): checked while the rows are read, so a hostile or broken file
# stops at the first row past a limit instead of being read whole into memory first.
MAX_BYTES = 20 * 1024 * 1024  # a ceremony sheet is a few KB per hundred rows; anything bigger is a mistake
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


PICK = " — "  # a drop-down value is "code — name" (32.01.01 — Kec. Cibinong); the code is what counts


def picked(text: str) -> str:
    """A value as picked from the template's lists ("apel — Apel") or typed ("apel"): its code."""
    return str(text).split(PICK, 1)[0].strip()


def day(text: str, where: str, column: str, problems: list[Problem]):
    """A date cell: a spreadsheet date, or text written YYYY-MM-DD; anything else is a problem named
    with ``where`` and ``column`` and kept as written (the row is refused, never given a guessed day)."""
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


def read_rows(name: str, content: bytes, columns, required, max_rows: int) -> list[dict]:
    """Rows of a CSV (UTF-8, ``,`` or ``;``) or XLSX (first sheet) upload, as header -> value,
    read safely (every bound of this module checked while reading). ``columns``: the sheet's
    headers (any other is refused), ``required``: those it must have, ``max_rows``: its row limit."""
    if not content:
        raise PetaError.single("(file)", name, msg("sheet_file"), file=name)
    if len(content) > MAX_BYTES:
        raise PetaError.single("(file)", f"{len(content) // (1024 * 1024)} MB", msg("file_at_most_mb", mb=MAX_BYTES // (1024 * 1024)),
                               file=name)
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(name, content, max_rows, len(columns))
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


def _check_limits(name: str, line: int, cells, rows_before: int, max_rows: int) -> None:
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


def _xlsx_rows(name: str, content: bytes, max_rows: int, n_columns: int) -> list[tuple]:
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
                                       msg("xlsx_cells", row=MAX_XLSX_COLUMNS, sheet=MAX_XLSX_CELLS, columns=n_columns),
                                       file=name, record=f"baris {r}")
            # read as a stream, with bounds: ceremony rows, and rows of any kind (a sheet formatted
            # down to row 1,048,576 is all blank rows)
            filled += any(c not in (None, "") for c in got)
            if filled > max_rows + 1 or r > MAX_XLSX_ROWS:
                raise PetaError.single("(rows)", f"more than {max_rows if filled > max_rows + 1 else MAX_XLSX_ROWS}",
                                       msg("sheet_rows_at_most", n=max_rows, rows=MAX_XLSX_ROWS), file=name)
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
