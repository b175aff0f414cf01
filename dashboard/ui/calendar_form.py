"""The Kalender page's form: add an election, or correct a stored one.

Widget keys start with ``k_``. Only a signed-in user of every region is offered the form (the
calendar is shared by all regions); :func:`dashboard.store.editing.save_election` checks that
again, with the same validation as ``data/elections.yaml`` and every stored report re-loaded
against the changed calendar, under the store's write lock. Regions are picked from the
gazetteer (provinces and kabupaten/kota), never typed.
"""

from __future__ import annotations


import pandas as pd
import streamlit as st

from .. import context, problem_text
from ..errors import PetaError
from ..i18n import t
from ..records.validate import ELECTION_DATES, ELECTION_KINDS
from ..regions import Gazetteer
from ..forms import formdata
from ..store import editing
from ..store.codec import load
from . import cache
from .entry import columns, edited_table, typed_frame
from .safe import bullets

FIELDS = ["id", "name", "name_en", "planned", "date", "year", "regions", "part_of", "kind", "note", "sources"]


def _store():
    return cache.store(context.db_url())


def _blank() -> dict:
    return formdata.from_election({})


def _fill(values: dict) -> None:
    for k in FIELDS:
        st.session_state[f"k_{k}"] = values.get(k)


def _on_pick() -> None:
    eid = st.session_state.get("k_pick")
    row = next((r for r in _store().election_rows() if r.election_id == eid), None) if eid else None
    if row is None:
        st.session_state.pop("_k_base", None)
        _fill(_blank())
    else:
        st.session_state["_k_base"] = (row.election_id, row.version)
        _fill(formdata.from_election(load(row.data)))


def region_options(gaz: Gazetteer) -> dict[str, str]:
    """Provinces and kabupaten/kota, each labelled with its province and code (names repeat)."""
    out = {}
    for p in gaz.provinces():
        out[p.code] = f"{p.label} ({p.code})"
        for k in gaz.children(p.code):
            out[k.code] = f"{k.label} · {p.label} ({k.code})"
    return out


def form(gaz: Gazetteer, calendar: pd.DataFrame, user, lang: str) -> None:
    if st.session_state.get("_k_message"):
        st.success(st.session_state.pop("_k_message"))
    if st.session_state.pop("_k_reset", False):
        st.session_state["k_pick"] = ""
        _fill(_blank())
    for k, v in _blank().items():
        st.session_state.setdefault(f"k_{k}", v)
    names = dict(zip(calendar["id"], calendar["name_en" if lang == "en" else "name"]))
    st.selectbox(t("calendar_pick", lang), [""] + list(names), key="k_pick", on_change=_on_pick,
                 format_func=lambda k: names.get(k) or t("calendar_new", lang))
    base = st.session_state.get("_k_base")
    options = region_options(gaz)
    # a stored region the boundary data does not hold (another PETA_PROVINCES) stays listed, by code
    options.update({r: r for r in st.session_state.get("k_regions") or [] if r not in options})
    with st.form("calendar_form", border=True):
        st.markdown(f"**{t('calendar_form', lang)}**")
        c1, c2 = st.columns(2)
        c1.text_input(t("election_id", lang), key="k_id", disabled=base is not None, help=t("calendar_id_help", lang))
        c2.text_input(t("name_id", lang), key="k_name")
        c1.text_input(t("name_en", lang), key="k_name_en")
        c2.date_input(t("voting_day", lang), key="k_date", format="DD/MM/YYYY", min_value=ELECTION_DATES[0],
                      max_value=ELECTION_DATES[1])
        c1.checkbox(t("planned_no_day", lang), key="k_planned")
        c2.number_input(t("year", lang), key="k_year", min_value=ELECTION_DATES[0].year,
                       max_value=ELECTION_DATES[1].year, step=1)
        st.multiselect(t("regions_pick", lang), list(options), key="k_regions", format_func=options.get,
                       placeholder=t("everywhere", lang))
        c1, c2 = st.columns(2)
        parents = [""] + [i for i in names if i != (base[0] if base else None)]
        c1.selectbox(t("part_of", lang), parents, key="k_part_of",
                     format_func=lambda k: names.get(k) or t("part_of_none", lang))
        c2.selectbox(t("election_kind", lang), [""] + list(ELECTION_KINDS), key="k_kind",
                     format_func=lambda k: t(f"ekind_{k}", lang) if k else "–")
        st.text_area(t("notes", lang), key="k_note")
        st.markdown(f"**{t('sources_required', lang)}**")
        st.data_editor(typed_frame(st.session_state["k_sources"]), key="k_sources_ed", placeholder="–", num_rows="dynamic", width="stretch",
                       column_config=columns("sources", lang, only=formdata.ELECTION_SOURCE_COLUMNS))
        submitted = st.form_submit_button(t("save", lang), type="primary")
    if submitted:
        _submit(gaz, user, base, lang)


def _submit(gaz: Gazetteer, user, base, lang: str) -> None:
    values = {k: st.session_state.get(f"k_{k}") for k in FIELDS}
    values["sources"] = edited_table("sources", prefix="k")
    if base:
        values["id"] = base[0]
    if not values.get("part_of"):
        values["kind"] = None
    data = formdata.to_election(values)
    try:
        editing.save_election(_store(), gaz, data, user, version=base[1] if base else None)
    except PetaError as exc:
        st.error(t("not_saved", lang) + "\n" + bullets(problem_text.lines(exc, lang)))
        return
    cache.changed()  # every page sees the new calendar on its next run
    st.session_state["_k_message"] = t("election_saved", lang, name=data.get("name") or data.get("id"))
    st.session_state.pop("_k_base", None)
    st.session_state["_k_reset"] = True
    st.rerun()
