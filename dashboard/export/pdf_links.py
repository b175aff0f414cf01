"""Clickable source links in the briefing pack's PDF (issue 36 §3).

The pack's pages are plotly figures printed by Chromium, and Chromium does not turn the SVG
anchors of a plotly table into PDF links. So the table shows each followable address as a short,
numbered label (``[3] detik.com``), and after printing we find each label on the page (its text
position, read back with pypdf) and lay a PDF link annotation over it pointing at the address.
The label is printed text, so the pack still reads on paper; the link is only ever the address
we numbered (http/https, :func:`dashboard.markup.followable`), never text from a record.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import markup

LABEL = re.compile(r"\[(\d+)\]")
# an average glyph of the pack's sans-serif is a little over half its size wide
_GLYPH = 0.58


HOST_CHARS = 18  # a label fits its column on one line, so it is found as one piece of text


def host(url: str) -> str:
    name = (urlsplit(url).hostname or "").removeprefix("www.")
    return name if len(name) <= HOST_CHARS else name[:HOST_CHARS - 1] + "…"


def label(n: int, url: str) -> str:
    return f"[{n}] {host(url)}"


class Lines(tuple):
    """A table cell printed as one line per item (each item is text, escaped when drawn)."""


def numbered(cells, start: int = 1) -> tuple[list[Lines | None], dict[int, str]]:
    """Each cell's addresses (space-separated, as a file's link column holds them) as labels
    numbered across the pack from ``start``, one per line so that each is found whole on the
    printed page; an address that is not http/https stays as text and gets no number."""
    out, urls, n = [], {}, start
    for cell in cells:
        parts = []
        for url in str(cell or "").split():
            if markup.followable(url):
                urls[n] = url
                parts.append(label(n, url))
                n += 1
            else:
                parts.append(url)
        out.append(Lines(parts) if parts else None)
    return out, urls


def places(page, urls: dict[int, str]) -> list[tuple[int, tuple[float, float, float, float]]]:
    """``(n, rect)`` for every label of ``urls`` printed on a pypdf page, rect in PDF points. A
    ``[n]`` is a label only when its host name follows it (or the line ends there)."""
    found = []

    def visit(text, cm, tm, font, size):
        text = text or ""
        for m in LABEL.finditer(text):
            n = int(m.group(1))
            rest = text[m.end():].strip()
            if n not in urls or (rest and not rest.startswith(host(urls[n]))):
                continue
            scale = abs(cm[0]) or 1.0
            x0 = cm[4] + cm[0] * tm[4]
            base = cm[5] + cm[3] * tm[5]
            em = size * scale
            start = x0 + m.start() * em * _GLYPH
            end = start + len(label(n, urls[n])) * em * _GLYPH  # the number and the host after it
            found.append((n, (start - 1, base - 0.3 * em, end + 1, base + 0.95 * em)))

    page.extract_text(visitor_text=visit)
    return found


def holds_labels(fig, urls: dict[int, str]) -> bool:
    """Whether a pack page's figure prints any label of ``urls`` (only the ceremony table's pages
    do). Asked before :func:`places`: reading a page's text back parses its whole content stream,
    and the map's and the timeline's run to megabytes (the national pack spent ~4 s on pages with
    no label at all, issue 39 §2)."""
    for trace in fig.data:
        if trace.type != "table" or trace.cells is None or trace.cells.values is None:
            continue
        for column in trace.cells.values:
            for cell in column:
                if isinstance(cell, str) and any(int(m.group(1)) in urls for m in LABEL.finditer(cell)):
                    return True
    return False


def add_links(writer, page_index: int, urls: dict[int, str]) -> int:
    """Lay a link over every numbered label of ``writer``'s page; returns how many were laid."""
    from pypdf.annotations import Link

    laid = 0
    for n, rect in places(writer.pages[page_index], urls):
        writer.add_annotation(page_index, Link(rect=rect, url=urls[n]))
        laid += 1
    return laid
