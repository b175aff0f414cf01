"""Text from data shown through Streamlit's markdown (captions, alerts, lists) is escaped here, so
a name, outlet, note or error value that looks like markdown (a link, an image, a colour or
icon directive, LaTeX) shows as the characters it is and never loads or links anything.
HTML is already inert: the app never sets ``unsafe_allow_html``."""

from __future__ import annotations

import re
from typing import Iterable

from .. import markup

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


_AUTOLINK = re.compile(r"(?i)(://|www\.)")
_EMAIL_AT = re.compile(r"@")  # GFM links user@host.tld as mailto: (and mailto:/xmpp: before it)
_JOINER = "\u2060"  # an invisible word joiner: "http://x" still reads as written but is no longer a link


def md(text: object) -> str:
    """``text`` as literal characters inside markdown (one line: line breaks become spaces). Escaping
    alone leaves bare addresses to the renderer's autolinker, so ``://``, ``www.`` and the ``@`` of an
    e-mail address are broken with an invisible joiner: an address from the data shows as text and
    never links out."""
    plain = _AUTOLINK.sub(lambda m: m.group(1)[0] + _JOINER + m.group(1)[1:], " ".join(str(text).split()))
    plain = _EMAIL_AT.sub(_JOINER + "@" + _JOINER, plain)  # no address characters touch the @: no mailto: link
    return _SPECIAL.sub(r"\\\1", plain)


def bullets(items: Iterable[object]) -> str:
    """A markdown list of plain-text items (problems, conflicts)."""
    return "\n".join(f"- {md(i)}" for i in items)


def link(label: object, url: object) -> str:
    """``label`` as a markdown link to ``url`` when the address is http/https (Streamlit opens it in
    a new tab); any other address (``javascript:``, ``data:``) is shown as escaped text, never a link.
    The label is escaped like any text from the data; the address's brackets and spaces are
    percent-encoded so it cannot close the link early."""
    if markup.followable(url):
        target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"[{md(label)}]({target})"
    return md(label) + (f" ({md(url)})" if url else "")
