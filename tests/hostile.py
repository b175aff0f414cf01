"""Hostile inputs made for the bounded-resources tests (issue 23): small files that expand into
large work. Each is written here, never copied; sizes are parameters so a test names the case."""

from __future__ import annotations

import io
import zipfile

from dashboard.forms import sheet

ROW = {"kode_wilayah": "32.01.24", "tanggal": "2024-10-01", "pemilihan": "pilkada-2024", "jenis": "apel",
       "sumber_media": "Warta Uji"}


def workbook(rows: list[dict] | None = None) -> bytes:
    """A plain template workbook with ``rows`` (default: one ordinary row)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(sheet.COLUMNS))
    for r in rows if rows is not None else [ROW]:
        ws.append([r.get(c, "") for c in sheet.COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite(content: bytes, parts: dict[str, bytes]) -> bytes:
    """The workbook with some parts replaced (or added), compressed as Excel does."""
    src, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        names = set()
        for item in src.infolist():
            names.add(item.filename)
            data = parts.get(item.filename, src.read(item.filename))
            dst.writestr(item.filename, data)
        for name, data in parts.items():
            if name not in names:
                dst.writestr(name, data)
    return out.getvalue()


def shared_string_bomb(megabytes: int) -> bytes:
    """One shared string of ``megabytes`` MB (a few hundred KB compressed), used by one cell."""
    base = workbook([{**ROW, "tempat": "ISI"}])
    big = b"A" * (megabytes * 1024 * 1024)
    strings = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               b"<si><t>" + big + b"</t></si></sst>")
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    # the row's "ISI" cell points at the one huge string; the header stays as written
    sheet_xml = sheet_xml.replace('t="inlineStr"><is><t>ISI</t></is>', 't="s"><v>0</v>')
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    return _rewrite(base, {"xl/sharedStrings.xml": strings, "xl/worksheets/sheet1.xml": sheet_xml.encode(),
                           "[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode()})


def wide_workbook(rows: int, columns: int) -> bytes:
    """``rows`` × ``columns`` numeric cells, written straight as sheet XML (openpyxl would take
    minutes to write it); cells without their optional reference, so the file stays small."""
    body = io.StringIO()
    body.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r in range(1, rows + 1):
        body.write(f'<row r="{r}">')
        body.write("<c><v>1</v></c>" * columns)
        body.write("</row>")
    body.write("</sheetData></worksheet>")
    return _rewrite(workbook([]), {"xl/worksheets/sheet1.xml": body.getvalue().encode()})


def many_paragraphs_html(megabytes: float) -> bytes:
    """A page of ``megabytes`` MB made of short paragraphs (each a few words)."""
    para = "<p>Camat memimpin apel netralitas ASN di aula.</p>\n"
    n = int(megabytes * 1024 * 1024 / len(para))
    return ("<html><head><title>Apel</title></head><body><article>" + para * n
            + "</article></body></html>").encode()


def many_attributes_html(attributes: int) -> bytes:
    """One element carrying ``attributes`` attributes, then an ordinary short article."""
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(attributes))
    text = "<p>" + " ".join(["Camat memimpin apel netralitas ASN yang dihadiri para lurah dan seluruh ASN."] * 8) + "</p>"
    return f"<html><body><div {attrs}>x</div><article>{text}</article></body></html>".encode()


def junk_then_bomb(megabytes: int) -> bytes:
    """A damaged part (bad CRC) placed before a shared-string bomb: the bounds must still see the bomb."""
    bomb = shared_string_bomb(megabytes)
    src, out = zipfile.ZipFile(io.BytesIO(bomb)), io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("customXml/junk.bin", b"J" * 1000, compress_type=zipfile.ZIP_STORED)
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item.filename))
    data = bytearray(out.getvalue())
    at = data.index(b"J" * 1000)
    data[at + 500] = ord("K")  # its bytes no longer match its CRC: reading the part fails
    return bytes(data)


def _with_strings(strings: bytes, part: str = "xl/sharedStrings.xml") -> bytes:
    """A template workbook whose row points its "tempat" cell at shared string 0, the strings
    filed as ``part`` (declared there in ``[Content_Types].xml`` and the workbook's rels)."""
    base = workbook([{**ROW, "tempat": "ISI"}])
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    sheet_xml = sheet_xml.replace('t="inlineStr"><is><t>ISI</t></is>', 't="s"><v>0</v>')
    types = types.replace("</Types>", f'<Override PartName="/{part}" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    target = part[len("xl/"):]
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        f'officeDocument/2006/relationships/sharedStrings" Target="{target}"/></Relationships>')
    return _rewrite(base, {part: strings, "xl/worksheets/sheet1.xml": sheet_xml.encode(),
                           "[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode()})


_SST = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def rich_text_runs(runs: int) -> bytes:
    """Issue 35: one shared string made of ``runs`` formatted runs (each a run object to the reader,
    twice): small on disk and inside the byte and string-count bounds."""
    return _with_strings(_SST + b"<si>" + b"<r><rPr><b/></rPr><t>a</t></r>" * runs + b"</si></sst>")


def strings_under_another_name(count: int) -> bytes:
    """Issue 35: ``count`` shared strings filed at xl/worksheets/sst.xml, declared as shared strings
    by content type and relationship: bounded by what the part is, not where it lies."""
    return _with_strings(_SST + b"<si><t>x</t></si>" * count + b"</sst>", part="xl/worksheets/sst.xml")
