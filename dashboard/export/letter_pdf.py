"""The follow-up letter as PDF (issue 42 §2), from the same :class:`~dashboard.letter.Letter` as
the DOCX: an HTML page of the letter, every text escaped (:func:`dashboard.markup.text`), no
script and no link, printed by the system Chromium (:mod:`dashboard.io.print_pdf`)."""

from __future__ import annotations

import base64

from ..io.print_pdf import html_to_pdf
from ..letter import Letter
from ..markup import text as esc
from ..style import FONT
from . import render

_CSS = f"""
@page {{ size: A4; margin: 2cm 2.5cm; }}
body {{ font-family: {FONT}; font-size: 11pt; line-height: 1.35; color: #000; }}
.kop {{ display: flex; align-items: center; gap: 14px; border-bottom: 4px double #000; padding-bottom: 6px; }}
.kop img {{ height: 2.2cm; }}
.kop div {{ flex: 1; text-align: center; }}
.kop .l0 {{ font-size: 14pt; font-weight: bold; }}
.kop .l {{ font-size: 12pt; font-weight: bold; }}
.kop .addr {{ font-size: 9.5pt; }}
.date {{ text-align: right; margin: 12px 0; }}
table.head td {{ padding: 0 6px 0 0; vertical-align: top; }}
ol.body {{ padding-left: 1.2em; text-align: justify; }}
ol.basis {{ list-style-type: lower-alpha; padding-left: 1.4em; }}
table.units {{ border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 8px 0; }}
table.units th, table.units td {{ border: 1px solid #000; padding: 3px 5px; text-align: left; vertical-align: top; }}
table.units thead {{ display: table-header-group; }}
table.units tr {{ break-inside: avoid; }}
.sign {{ margin-left: 55%; margin-top: 18px; break-inside: avoid; }}
.sign .space {{ height: 2.2cm; }}
.copies {{ margin-top: 18px; font-size: 10pt; break-inside: avoid; }}
"""


_WIDTHS = (5, 19, 22, 17, 22, 15)  # No., unit, head, state, latest briefing, days left


def to_html(letter: Letter) -> str:
    logo = ""
    if letter.logo:
        data = base64.b64encode(letter.logo).decode("ascii")
        logo = f'<img alt="" src="data:image/{letter.logo_type};base64,{data}">'
    head = "".join(f'<div class="{"l0" if i == 0 else "l"}">{esc(x)}</div>' for i, x in enumerate(letter.letterhead))
    addr = f'<div class="addr">{esc(letter.address)}</div>' if letter.address else ""
    heading = "".join(f"<tr><td>{esc(k)}</td><td>:</td><td>{esc(v)}</td></tr>" for k, v in letter.heading)
    items = []
    if letter.basis:
        items.append("<li>Dasar:<ol class=\"basis\">" + "".join(f"<li>{esc(b)}</li>" for b in letter.basis)
                     + "</ol></li>")
    items += [f"<li>{esc(p)}</li>" for p in letter.paragraphs]
    th = "".join(f"<th>{esc(h)}</th>" for h in letter.table_head)
    cols = "".join(f'<col style="width:{w}%">' for w in _WIDTHS[:len(letter.table_head)])
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in letter.rows)
    copies = ""
    if letter.copies:
        copies = ('<div class="copies">Tembusan:<ol>' + "".join(f"<li>{esc(c)}</li>" for c in letter.copies)
                  + "</ol></div>")
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        # nothing may be fetched or run while it prints: the page is only what is written here
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'\">"
        f"<title>{esc(letter.heading[-1][1])}</title><style>{_CSS}</style></head><body>"
        f'<div class="kop">{logo}<div>{head}{addr}</div></div>'
        f'<div class="date">{esc(letter.place_date)}</div>'
        f'<table class="head">{heading}</table>'
        f"<p>{esc(letter.salutation)}<br>di tempat</p>"
        f'<ol class="body">{"".join(items)}</ol>'
        f'<table class="units"><colgroup>{cols}</colgroup><thead><tr>{th}</tr></thead><tbody>{rows}</tbody></table>'
        f"<p>{esc(letter.closing)}</p>"
        f'<div class="sign"><b>{esc(letter.signer_title)}</b><div class="space"></div>'
        f"<b>{esc(letter.signer_name)}</b><br>{esc(letter.signer_nip)}</div>"
        f"{copies}</body></html>"
    )


def to_pdf(letter: Letter) -> bytes:
    return html_to_pdf(to_html(letter), render.browser_path())
