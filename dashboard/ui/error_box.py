"""The one way a PetaError reaches the page: ``st.error`` with every problem named (file, record,
field, value, what is valid), in the interface language, escaped. Used by the page set-up and the
repair panel alike (its own module, so neither imports the other)."""

from __future__ import annotations

import streamlit as st

from .. import problem_text
from ..errors import PetaError
from ..i18n import t
from .safe import bullets


def show_error(exc: PetaError, lang: str, title: str = "data_error") -> None:
    """``title``: the key of the bold first line (what could not be done)."""
    st.error(f"**{t(title, lang)}**\n\n" + bullets(problem_text.lines(exc, lang)))
