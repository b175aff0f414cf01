"""Text from the data written into HTML, and which addresses may be links: one home (issue 41 §2).

Data text (names, outlets, titles, notes, indicator names) reaches HTML in two kinds of place: pages
and boxes a browser reads (the briefing screen's ``st.html``, the exported map's boxes and
tooltips) and plotly's own small HTML (titles, annotations, legend names, hover text, table cells),
which reads ``<b>``, ``<br>`` and ``<a href>`` in any text. :func:`text` escapes it for both alike,
quotes included, so the same text is also safe inside an attribute value. Quotes are written as
numeric references (``&#34;``, ``&#39;``): browsers and plotly both show those as the quote, while
plotly would show ``&quot;`` as written.
"""

from __future__ import annotations

import html
import re

# Only http/https addresses are ever links (issue 36): no javascript:, data: or relative address,
# and nothing that could end an attribute or a markdown link early (spaces, quotes, angle brackets).
FOLLOWABLE = re.compile(r"^https?://[^\s<>\"']+$")

_QUOTE_REFS = {'"': "&#34;", "'": "&#39;"}


def text(value: object) -> str:
    """``value`` as text inside HTML or an HTML attribute value: ``&``, ``<``, ``>`` and both quotes
    escaped; None is no text (""), anything else is written as ``str()`` writes it."""
    if value is None:
        return ""
    escaped = html.escape(str(value), quote=False)
    for quote, ref in _QUOTE_REFS.items():
        escaped = escaped.replace(quote, ref)
    return escaped


def followable(url: object) -> bool:
    """Whether ``url`` may be made a link (:data:`FOLLOWABLE`); any other address is shown as text."""
    return isinstance(url, str) and FOLLOWABLE.match(url) is not None


def plain_quotes(escaped: str) -> str:
    """Text from :func:`text` with its quotes written back, for the size estimates that count
    characters (a pack table's row height, a map key's width): a quote takes one character's room on
    the page, so the estimates stay what they were before quotes were escaped in plotly text."""
    for quote, ref in _QUOTE_REFS.items():
        escaped = escaped.replace(ref, quote)
    return escaped
