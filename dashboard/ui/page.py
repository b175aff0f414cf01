"""What every page starts with: data, controls, a heading."""

from __future__ import annotations

import streamlit as st

from ..errors import PetaError
from ..i18n import t
from . import cache, controls


def setup(sidebar: bool = True):
    """(view, gazetteer, records, data version). A data problem stops the page with its message.
    ``sidebar=False`` (the briefing screen) takes the view from the link and draws no controls."""
    gaz = cache.gazetteer()
    version = cache.data_version()
    rec = cache.records(version)
    view = controls.sidebar(gaz, rec.calendar) if sidebar else controls.current(gaz, rec.calendar)
    problems = st.session_state.pop("_param_problems", [])
    if problems:
        st.warning(t("bad_link", view.lang) + "\n" + "\n".join(f"- {p}" for p in problems))
    if len(rec.conflicts):
        lines = [f"- {c.ceremony_id} · {c.field}: " + ", ".join(f"{v!r} ({f})" for v, f in zip(c.values, c.files))
                 for c in rec.conflicts.itertuples()]
        st.warning(t("conflicts", view.lang) + "\n" + "\n".join(lines))
    return view, gaz, rec, version


def heading(key: str, view, gaz) -> None:
    place = gaz.path_label(view.region) if view.region else t("indonesia", view.lang)
    st.title(t(key, view.lang))
    st.caption(place)


def show_error(exc: PetaError, lang: str) -> None:
    st.error(f"**{t('data_error', lang)}**\n\n" + "\n".join(f"- {p}" for p in exc.problems))
