"""Text from data shown through Streamlit's markdown (captions, alerts, lists) is escaped here, so
a name, outlet, note or error value that looks like markdown (a link, an image, a colour or
icon directive, LaTeX) shows as the characters it is and never loads or links anything.
HTML is already inert: the app never sets ``unsafe_allow_html``."""

from __future__ import annotations

import re
from typing import Iterable

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """``text`` as literal characters inside markdown (one line: line breaks become spaces)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def bullets(items: Iterable[object]) -> str:
    """A markdown list of plain-text items (problems, conflicts)."""
    return "\n".join(f"- {md(i)}" for i in items)
