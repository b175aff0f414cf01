"""What every page starts with: data, controls, a heading."""

from __future__ import annotations

import time

import streamlit as st

from .. import fmt, problem_text
from ..errors import PetaError
from ..i18n import t
from . import cache, controls, repair
from .safe import bullets, md


def setup(sidebar: bool = True):
    """(view, gazetteer, records, data version). A data problem stops the page with its message.
    ``sidebar=False`` (the briefing screen) takes the view from the link and draws no controls."""
    if not st.session_state.get("_geo_ready"):  # checked once per session (it reads the manifest)
        if not cache.geo_ready():  # the first start builds the national boundaries once: say so
            with st.spinner(t("building_geo", controls.lang()), show_time=True):
                cache.gazetteer()
        st.session_state["_geo_ready"] = True
    gaz = cache.gazetteer()
    version = cache.data_version()
    progress = cache.seeding()
    if progress is not None:  # a first seed of a large data folder is under way: how far, then look again
        done, total = progress
        lg = controls.lang()
        st.progress(done / max(total, 1), text=t("seeding", lg, done=fmt.number(done, lg, 0), total=fmt.number(total, lg, 0)))
        time.sleep(2)
        st.rerun()
    try:
        rec = cache.records(version)
    except PetaError as exc:  # the app still opens: what is wrong, and a way to withdraw the report at fault
        repair.panel(exc, controls.lang())
        st.stop()
    view = controls.sidebar(gaz, rec.calendar) if sidebar else controls.current(gaz, rec.calendar)
    problems = st.session_state.pop("_param_problems", [])
    if problems:
        st.warning(t("bad_link", view.lang) + "\n" + bullets(problem_text.say(p, view.lang) for p in problems))
    if len(rec.conflicts):
        lines = [f"{c.ceremony_id} · {c.field}: " + ", ".join(f"{v!r} ({f})" for v, f in zip(c.values, c.files))
                 for c in rec.conflicts.itertuples()]
        st.warning(t("conflicts", view.lang) + "\n" + bullets(lines))
    return view, gaz, rec, version


def heading(key: str, view, gaz) -> None:
    place = gaz.path_label(view.region) if view.region else t("indonesia", view.lang)
    st.title(t(key, view.lang))
    st.caption(md(place))
