"""The data behind a view as CSV or XLSX, headed by what it is (see :class:`ExportMeta`).

Layout (documented in the README):

- CSV (UTF-8 with BOM, so Excel reads the accents): a few lines starting with ``#`` name
  the title, region, election, as-of date and sources; an empty line; then the table with
  Indonesian headers. ``pandas.read_csv(f, skiprows=N)`` or any spreadsheet opens it.
- XLSX: sheet ``Data`` with the title, subtitle and sources in its first three rows, the
  header in row 5 (frozen) and the rows below; sheet ``Keterangan`` lists the same facts.

A cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
written with a leading apostrophe, so no spreadsheet ever runs it as a formula (the
OWASP "CSV injection" advice). Numbers stay numbers. Text cells are written on one line (line
breaks become spaces): one row is one line, whatever reads the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd

from .. import fmt
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
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def plain_csv(df: pd.DataFrame) -> bytes:
    """A table as CSV without a heading (history, rejected import rows), cells neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([neutralise(str(c)) for c in df.columns])
    w.writerows(_cells(df))
    return buf.getvalue().encode("utf-8-sig")
