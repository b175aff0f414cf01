"""The follow-up letter as DOCX (issue 42 §2), so the office can edit it before it is signed.

Every text goes in as a run's text (python-docx escapes it in the XML): never a field, a hyperlink
or markup, whatever a name or the template says. The layout is the usual one of a Pemda letter:
the letterhead over a double rule, the place and date, the heading block (Nomor, Sifat, Lampiran,
Hal), the addressee, the numbered body, the list of units as a table, the signature block on the
right and the copies (Tembusan)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..letter import Letter
from ..style import FONT

_FACE = FONT.split(",")[0]  # one typeface on every surface (Word falls back when it lacks it)


def to_docx(letter: Letter) -> bytes:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)  # A4, the paper of Indonesian official letters
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = _FACE, Pt(11)
    normal.paragraph_format.space_after = Pt(2)

    _letterhead(doc, letter)
    _para(doc, letter.place_date, align=WD_ALIGN_PARAGRAPH.RIGHT)
    heading = doc.add_table(rows=0, cols=3)
    for label, value in letter.heading:
        cells = heading.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    _widths(heading, [Cm(2.6), Cm(0.5), Cm(12.9)])
    _para(doc, "")
    _para(doc, letter.salutation)
    _para(doc, "di tempat")
    _para(doc, "")
    n = 1
    if letter.basis:
        _para(doc, f"{n}. Dasar:")
        for j, item in enumerate(letter.basis):
            _para(doc, f"{chr(ord('a') + j)}. {item}", indent=Cm(1.2), hanging=Cm(0.6))
        n += 1
    for text in letter.paragraphs:
        _para(doc, f"{n}. {text}", indent=Cm(0.6), hanging=Cm(0.6), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        n += 1
    units = doc.add_table(rows=1, cols=len(letter.table_head))
    units.style = "Table Grid"
    units.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(units.rows[0].cells, letter.table_head):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in letter.rows:
        for cell, text in zip(units.add_row().cells, row):
            cell.text = text
    _widths(units, [Cm(w * 0.16) for w in (5, 19, 22, 17, 22, 15)])  # as the PDF's columns
    for row in units.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9.5)
    _para(doc, "")
    _para(doc, letter.closing, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(doc, "")
    for text, bold in ((letter.signer_title, True), ("", False), ("", False), ("", False),
                       (letter.signer_name, True), (letter.signer_nip, False)):
        _para(doc, text, indent=Cm(9), bold=bold)
    if letter.copies:
        _para(doc, "")
        _para(doc, "Tembusan:")
        for j, item in enumerate(letter.copies, start=1):
            _para(doc, f"{j}. {item}", indent=Cm(0.6), hanging=Cm(0.6))
    props = doc.core_properties
    props.title, props.author, props.comments = letter.heading[-1][1], "Peta Netralitas ASN", ""
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _letterhead(doc, letter: Letter) -> None:
    if letter.logo:
        table = doc.add_table(rows=1, cols=2)
        _widths(table, [Cm(2.6), Cm(13.4)])
        table.rows[0].cells[0].paragraphs[0].add_run().add_picture(io.BytesIO(letter.logo), height=Cm(2.2))
        box = table.rows[0].cells[1]
        box.paragraphs[0].text = ""
        first = box.paragraphs[0]
    else:
        box, first = doc, None
    for i, line in enumerate((*letter.letterhead, letter.address)):
        if not line:
            continue
        p = first if (i == 0 and first is not None) else box.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = i < len(letter.letterhead)
        run.font.size = Pt(14 if i == 0 else 12 if i < len(letter.letterhead) else 9.5)
    rule = doc.add_paragraph()
    _bottom_rule(rule)


def _bottom_rule(paragraph) -> None:
    """The double rule under a letterhead (a paragraph border: Word keeps it when text is edited)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    p_pr.append(borders)


def _para(doc, text: str, *, indent=None, hanging=None, align=None, bold=False):
    p = doc.add_paragraph()
    if text:
        p.add_run(text).bold = bold
    if indent is not None:
        p.paragraph_format.left_indent = indent
    if hanging is not None:
        p.paragraph_format.first_line_indent = -hanging
    if align is not None:
        p.alignment = align
    return p


def _widths(table, widths) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w
