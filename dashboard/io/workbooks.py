"""Writing CSV and XLSX bytes: every table, template and review sheet the app hands out is built
here, with one rule for what a spreadsheet may run. The callers decide what goes in (the columns,
rows, titles, help text); this module writes it.

Exported tables (:func:`to_csv`, :func:`to_xlsx`), headed by what they are (see ``ExportMeta``;
layout documented in the README):

- CSV (UTF-8 with BOM, so Excel reads the accents): a few lines starting with ``#`` name
  the title, region, election, as-of date and sources; an empty line; then the table with
  Indonesian headers. ``pandas.read_csv(f, skiprows=N)`` or any spreadsheet opens it.
- XLSX: sheet ``Data`` with the title, subtitle and sources in its first three rows, the
  header in row 5 (frozen) and the rows below; sheet ``Keterangan`` lists the same facts.

Templates to fill in (:class:`Template`, :func:`template_xlsx`, :func:`template_csv`): the sheet
with its headings and an example row, drop-down lists and the *Petunjuk* sheet of instructions.
Rows sent out for review (:func:`review_xlsx`): a sheet of rows and one note per row beside it.

A cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
written with a leading apostrophe, so no spreadsheet ever runs it as a formula (the
OWASP "CSV injection" advice; :func:`neutralise`, the one place that rule lives). Numbers stay
numbers. Text cells are written on one line (line breaks become spaces): one row is one line,
whatever reads the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from .. import fmt

if TYPE_CHECKING:  # only named in signatures: io stays below the modules that build views
    from ..export_meta import ExportMeta

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
HEADER_ROW = 5  # 1-based row of the XLSX column headers


def neutralise(value):
    """A cell value a spreadsheet will show as text, never evaluate."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def one_line(value) -> str:
    """Text on one line: line breaks (any Unicode kind) and tabs become single spaces."""
    return " ".join(str(value).split())


def _cells(df: pd.DataFrame) -> list[list]:
    rows = []
    for row in df.itertuples(index=False):
        out = []
        for v in row:
            if isinstance(v, (list, tuple, set)):
                v = "; ".join(map(str, v))
            elif v is None or (not isinstance(v, str) and pd.isna(v)):
                v = None
            elif hasattr(v, "item"):  # numpy scalars -> Python
                v = v.item()
            if isinstance(v, pd.Timestamp):
                v = v.date().isoformat()
            if isinstance(v, str):
                v = one_line(v)
            out.append(neutralise(v))
        rows.append(out)
    return rows


def _decimal_comma(rows: list[list]) -> list[list]:
    """Numbers as Excel in Indonesian settings reads them: 63,6 (a point would make them text or dates)."""
    return [[str(v).replace(".", ",") if isinstance(v, float) else v for v in row] for row in rows]


def to_csv(df: pd.DataFrame, meta: ExportMeta, delimiter: str = ",") -> bytes:
    """``delimiter=","``: CSV UTF-8 (LibreOffice, Google Sheets, Excel in English, pandas);
    ``";"``: the dialect Excel uses in Indonesian settings (semicolons, decimal commas, CRLF), which
    it opens in columns with a double click."""
    buf = io.StringIO()
    excel_id = delimiter == ";"
    w = csv.writer(buf, lineterminator="\r\n" if excel_id else "\n", delimiter=delimiter)
    # Each heading line is one cell (quoted when it holds a comma or a quote) on one line: an
    # outlet with a line break or a comma must not start a row or a cell a spreadsheet would run.
    for label, value in meta.lines():
        w.writerow([f"# {one_line(label)}: {one_line(value)}"])
    buf.write("\r\n" if excel_id else "\n")
    w.writerow([neutralise(str(c)) for c in df.columns])
    w.writerows(_decimal_comma(_cells(df)) if excel_id else _cells(df))
    return buf.getvalue().encode("utf-8-sig")


def csv_skiprows(meta: ExportMeta) -> int:
    """Lines before the header row of :func:`to_csv`'s output."""
    return len(meta.lines()) + 1


def to_xlsx(df: pd.DataFrame, meta: ExportMeta) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append([neutralise(one_line(meta.title))])
    ws.append([neutralise(one_line(meta.subtitle))])
    ws.append([neutralise(one_line(meta.sources_line))])
    ws.append([])
    ws.append([neutralise(str(c)) for c in df.columns])
    ws["A1"].font = Font(bold=True, size=14)
    for cell in ws[HEADER_ROW]:
        cell.font = Font(bold=True)
    for row in _cells(df):
        # a day written YYYY-MM-DD is stored as a date: Excel sorts, filters and formats it as one
        ws.append([dt.date.fromisoformat(v) if isinstance(v, str) and fmt.ISO_DAY.fullmatch(v) else v for v in row])
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    for i, col in enumerate(df.columns, start=1):
        longest = max([len(str(col))] + [len(str(v)) for v in df.iloc[:200, i - 1]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, longest + 2))
    info = wb.create_sheet("Keterangan")
    for label, value in meta.lines():
        info.append([neutralise(one_line(label)), neutralise(one_line(value))])
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 100
    return _saved(wb)


def plain_csv(df: pd.DataFrame) -> bytes:
    """A table as CSV without a heading (history, rejected import rows), cells neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([neutralise(str(c)) for c in df.columns])
    w.writerows(_cells(df))
    return buf.getvalue().encode("utf-8-sig")


def csv_lines(rows) -> str:
    """Rows as CSV text, each line ending ``\n``, cells as given: for a caller that has made its
    cells safe already (a log line, a listing printed to a terminal: ``neutralise`` what anyone
    could have typed)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


@dataclass(frozen=True)
class Template:
    """A sheet people fill in and bring back to an import, as its caller decides it."""

    sheet: str                  # the sheet to fill in ("Upacara", "Indikator")
    columns: tuple[str, ...]    # its headings, in order
    example: dict               # the example row by heading (days as YYYY-MM-DD text)
    help_rows: tuple[tuple, ...]  # the Petunjuk sheet, its heading row first; () is an empty row
    # number formats of rows 2-200 per heading: "@" keeps a code as text (Excel turns 32.01 into a number)
    formats: dict[str, str] = field(default_factory=dict)
    dates: tuple[str, ...] = ()  # headings whose example is written as a date (shown in the user's own format)
    choices: dict[str, list[str]] = field(default_factory=dict)  # drop-down lists by heading (sheet Pilihan)
    list_rows: int = 0          # the last row the drop-down lists reach
    styled: bool = False        # bold headings, a grey example, column widths, the heading row frozen


FORMATTED_ROWS = 200  # rows given a template's number formats (past them Excel guesses again)


def template_xlsx(t: Template) -> bytes:
    """The template as a workbook: the sheet to fill in (headings, the example row, number formats,
    drop-down lists fed from a *Pilihan* sheet) and the *Petunjuk* sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = t.sheet
    ws.append(list(t.columns))
    row = []
    for c in t.columns:
        value = t.example.get(c, "")
        if c in t.dates and value:
            value = dt.date.fromisoformat(value)  # a real date: Excel shows it in the user's own format
        row.append(value)
    ws.append(row)
    if t.styled:
        for c in ws[1]:
            c.font = Font(bold=True)
        for c in ws[2]:
            c.font = Font(italic=True, color="666666")
    for i, col in enumerate(t.columns, start=1):
        letter = get_column_letter(i)
        if t.styled:
            ws.column_dimensions[letter].width = max(14, min(40, len(col) + 4))
        if col in t.formats:
            for r in range(2, FORMATTED_ROWS + 1):
                ws[f"{letter}{r}"].number_format = t.formats[col]
    if t.styled:
        ws.freeze_panes = "A2"
    if any(t.choices.values()):
        lists = wb.create_sheet("Pilihan")
        for j, (col, values) in enumerate((k, v) for k, v in t.choices.items() if v):
            letter = get_column_letter(j + 1)
            lists.cell(row=1, column=j + 1, value=col).font = Font(bold=True)
            for r, value in enumerate(values, start=2):
                lists.cell(row=r, column=j + 1, value=value)
            # a list to pick from, not a rule: a cell may hold several values separated by ";"
            dv = DataValidation(type="list", formula1=f"=Pilihan!${letter}$2:${letter}${len(values) + 1}",
                                allow_blank=True, showErrorMessage=False)
            target = get_column_letter(list(t.columns).index(col) + 1)
            dv.add(f"{target}2:{target}{t.list_rows}")
            ws.add_data_validation(dv)
    info = wb.create_sheet("Petunjuk")
    for help_row in t.help_rows:
        info.append(list(help_row))
    if t.styled:
        for c in info[1]:
            c.font = Font(bold=True)
        info.column_dimensions["A"].width = 28
        info.column_dimensions["B"].width = 110
    return _saved(wb)


def template_csv(t: Template, delimiter: str = ",") -> bytes:
    """The template as CSV (UTF-8 with BOM, as Excel opens it): the headings and the example row.
    ``,`` (CSV UTF-8), or ``;`` as Excel in Indonesian settings reads it (CRLF line ends)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(t.columns), lineterminator="\r\n" if delimiter == ";" else "\n",
                       delimiter=delimiter)
    w.writeheader()
    w.writerow({c: t.example.get(c, "") for c in t.columns})
    return buf.getvalue().encode("utf-8-sig")


def review_xlsx(sheet: str, columns, rows: list[dict], notes_sheet: str, notes_heading: list[str],
                notes: list[str]) -> bytes:
    """Rows in ``columns`` (sheet ``sheet``, bold headings) with one note per row in another sheet
    (``notes_sheet``: the row's number and its note). Every cell is neutralised: a cell that would
    start a formula is written with a leading apostrophe."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(columns))
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append([neutralise(row.get(c, "")) for c in columns])
    info = wb.create_sheet(notes_sheet)
    info.append(list(notes_heading))
    for i, note in enumerate(notes, start=2):
        info.append([i, neutralise(note)])
    info.column_dimensions["B"].width = 120
    return _saved(wb)


def _saved(wb) -> bytes:
    """A workbook's bytes, as its file would hold them."""
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
