"""The entry form (Catat upacara): new report, edit, withdraw, and the duplicate check.

Widget keys start with ``f_``. The region comes from the sidebar's hierarchical picker, so
it is always a real Kemendagri code. Saving validates the whole set of stored reports with
the change applied (``store.editing``) and shows every problem in plain words; nothing is
written until all pass. A report at the same region and date as a stored ceremony is offered
as another source of it (merge) before anything is saved.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import context, problem_text
from ..errors import PetaError
from ..i18n import t
from .safe import bullets
from ..records.vocab import COMMITMENT_CATEGORIES, KINDS, SIGNATORY_GROUPS, WITNESS_BODIES
from ..forms import formdata
from ..store import editing
from ..store.codec import row_data
from . import cache, proof

FIELDS = ["date", "undated", "reason", "elections", "kinds", "venue", "leader_name", "leader_role", "signatories",
          "witnesses", "categories", "readiness", "sources", "notes"]


def _store():
    return cache.store(context.db_url())


def _calendar():
    """The stored calendar (seeded from elections.yaml; the Kalender page adds to it)."""
    return _store().calendar()


def _fill(values: dict) -> None:
    for k in FIELDS:
        st.session_state[f"f_{k}"] = values.get(k)


def _blank() -> dict:
    return {"date": None, "undated": False, "reason": "", "elections": [], "kinds": [], "venue": "",
            "leader_name": "", "leader_role": "", "witnesses": [], "categories": [], "notes": "",
            "signatories": pd.DataFrame(columns=formdata.SIGNATORY_COLUMNS),
            "readiness": pd.DataFrame(columns=formdata.READINESS_COLUMNS),
            "sources": pd.DataFrame(columns=formdata.SOURCE_COLUMNS)}


def _on_pick() -> None:
    rid = st.session_state.get("f_report")
    if rid:
        row = _store().row(int(rid))
        st.session_state["_f_base"] = (row.id, row.version, row_data(row.data, row.parsed))
        _fill(formdata.from_report(row_data(row.data, row.parsed)))
    else:
        st.session_state.pop("_f_base", None)
        _fill(_blank())


def _values(region: str) -> dict:
    v = {k: st.session_state.get(f"f_{k}") for k in FIELDS}
    v["region"] = region
    base = st.session_state.get("_f_base")
    if base:
        v["id"] = base[2].get("id")
        v["commitment_texts"] = formdata.from_report(base[2])["commitment_texts"]
    return v


DATE_COLUMNS = {"as_of", "published"}
NUMBER_COLUMNS = {"count", "percent"}


def columns(kind: str, lang: str, only=None) -> dict:
    """The editors' columns headed and chosen in the interface language (never the field ids);
    text cells start empty, not "None". ``only``: the columns an editor has (Dari berita shows fewer)."""
    config = _columns(kind, lang)
    return {k: v for k, v in config.items() if only is None or k in only}


def _columns(kind: str, lang: str) -> dict:
    def text(key: str):
        return st.column_config.TextColumn(t(key, lang), default="")

    if kind == "signatories":
        return {"group": st.column_config.SelectboxColumn(t("group", lang), options=list(SIGNATORY_GROUPS),
                                                          format_func=lambda g: SIGNATORY_GROUPS[g].label(lang)),
                "count": st.column_config.NumberColumn(t("count", lang), min_value=1, step=1),
                "all": st.column_config.CheckboxColumn(t("all_of_them", lang), default=False),
                "note": text("col_note")}
    if kind == "readiness":
        return {"measure": text("measure"),
                "percent": st.column_config.NumberColumn(t("col_percent", lang), min_value=0, max_value=100),
                "as_of": st.column_config.DateColumn(t("as_of", lang), format="DD/MM/YYYY"),
                "note": text("col_note")}
    return {"outlet": text("col_outlet"), "title": text("col_title"), "url": text("col_url"),
            "published": st.column_config.DateColumn(t("col_published", lang), format="DD/MM/YYYY"),
            "archive": text("col_archive"), "note": text("col_note")}


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Column types the editor can edit even when a column is all empty (which pandas makes float)."""
    out = frame.copy()
    for col in out.columns:
        if col in DATE_COLUMNS:
            out[col] = pd.to_datetime(out[col], errors="coerce")
        elif col in NUMBER_COLUMNS:
            out[col] = pd.to_numeric(out[col], errors="coerce")
        elif col == "all":
            out[col] = out[col].fillna(False).astype(bool)
        else:  # empty text is "", so a cell never reads "None"
            out[col] = out[col].astype("string").fillna("")
    return out


def _problems(exc: PetaError, lang: str) -> None:
    st.error(t("not_saved", lang) + "\n" + bullets(problem_text.lines(exc, lang)))


def _proof_key() -> str:
    """The form's file picker; a new key after each save empties it (a picker's files cannot be set)."""
    return f"f_proof_{st.session_state.get('_f_round', 0)}"


def _done(message: str) -> None:
    cache.changed()  # the pages see the change on their next run, not a second later
    st.session_state["_f_round"] = st.session_state.get("_f_round", 0) + 1
    st.session_state["_f_message"] = message
    st.session_state.pop("_f_pending", None)
    st.session_state.pop("_f_base", None)
    st.session_state["_f_reset"] = True  # widgets are emptied on the next run, before they are drawn


def form(view, gaz, user, lang: str) -> None:
    store = _store()
    if st.session_state.get("_f_message"):
        st.success(st.session_state.pop("_f_message"))
    if st.session_state.pop("_f_reset", False):
        st.session_state["f_report"] = ""
        _fill(_blank())
    for k, v in _blank().items():  # first visit: an empty form (keys already set are kept)
        st.session_state.setdefault(f"f_{k}", v)
    region = view.region
    if region and not user.may_write(region):  # a Ciawi user is not offered a Cibinong form to fill
        mine = gaz.get(user.region).label if user.region in gaz else user.region
        st.warning(t("entry_not_yours", lang, mine=mine, place=gaz.get(region).label))
        if st.button(t("entry_go_mine", lang, mine=mine), key="f_go_mine", type="primary"):
            from .controls import set_region

            set_region(user.region)
            st.rerun()
        return
    if not region or gaz.get(region).level not in ("kecamatan", "kabupaten/kota", "desa/kelurahan"):
        st.info(t("pick_region", lang))
        return
    st.caption(t("entry_region", lang, place=gaz.path_label(region)))
    mine = [r for r in store.rows(include_withdrawn=False, within=region) if user.may_write(r.region_code)]
    labels = {str(r.id): f"#{r.id} · {r.ceremony_id} · {r.origin}" for r in mine}
    st.selectbox(t("edit_existing", lang), [""] + list(labels), key="f_report", on_change=_on_pick,
                 format_func=lambda k: labels.get(k) or t("new_report", lang))
    calendar = cache.records(cache.data_version()).calendar
    names = dict(zip(calendar["id"], calendar["name"]))
    with st.form("ceremony_form", border=True):
        c1, c2 = st.columns(2)
        c1.date_input(t("date", lang), key="f_date", format="DD/MM/YYYY", min_value=dt.date(2020, 1, 1),
                      max_value=dt.date(2035, 12, 31))
        c2.checkbox(t("undated", lang), key="f_undated")
        c2.text_input(t("undated_reason", lang), key="f_reason")
        choose = t("choose", lang)
        c1.multiselect(t("elections", lang), list(names), key="f_elections", format_func=names.get, placeholder=choose)
        c2.multiselect(t("kinds", lang), list(KINDS), key="f_kinds", format_func=lambda k: KINDS[k].label(lang),
                       placeholder=choose)
        c1.text_input(t("venue", lang), key="f_venue")
        c1.text_input(t("leader_name", lang), key="f_leader_name")
        c2.text_input(t("leader_role", lang), key="f_leader_role")
        st.markdown(f"**{t('signatories', lang)}**")
        st.data_editor(typed_frame(st.session_state["f_signatories"]), key="f_signatories_ed", placeholder="–", num_rows="dynamic",
                       width="stretch", column_config=columns("signatories", lang))
        c1, c2 = st.columns(2)
        c1.multiselect(t("witnesses", lang), list(WITNESS_BODIES), key="f_witnesses",
                       format_func=lambda k: WITNESS_BODIES[k].label(lang), placeholder=choose)
        c2.multiselect(t("categories", lang), list(COMMITMENT_CATEGORIES), key="f_categories",
                       format_func=lambda k: COMMITMENT_CATEGORIES[k].label(lang), placeholder=choose)
        st.markdown(f"**{t('readiness_figures', lang)}**")
        st.data_editor(typed_frame(st.session_state["f_readiness"]), key="f_readiness_ed", placeholder="–", num_rows="dynamic",
                       width="stretch", column_config=columns("readiness", lang))
        st.markdown(f"**{t('sources_min', lang)}**")
        st.data_editor(typed_frame(st.session_state["f_sources"]), key="f_sources_ed", placeholder="–", num_rows="dynamic",
                       width="stretch", column_config=columns("sources", lang))
        st.text_area(t("notes", lang), key="f_notes")
        if not st.session_state.get("_f_base"):  # a stored report's files are managed below the form
            proof.uploader(_proof_key(), lang)
        submitted = st.form_submit_button(t("save", lang), type="primary")
    if submitted:
        _submit(store, gaz, user, region, lang)
    pending = st.session_state.get("_f_pending")
    if pending:
        data, ids, files = pending
        st.warning(t("duplicate_found", lang, ids=", ".join(ids)))
        b1, b2 = st.columns(2)
        if b1.button(t("merge", lang), key="f_merge", type="primary"):
            try:
                editing.create(store, gaz, data, user, merge_into=ids[0], proof=files)
                _done(t("saved", lang, id=ids[0]))
                st.rerun()
            except PetaError as exc:
                _problems(exc, lang)
        if b2.button(t("cancel", lang), key="f_cancel"):
            st.session_state.pop("_f_pending", None)
            st.rerun()
    base = st.session_state.get("_f_base")
    if base:
        proof.manage(store, base[0], user, lang, key="f_proof_of")
        with st.expander(t("withdraw", lang)):
            st.text_input(t("withdraw_reason", lang), key="f_withdraw_reason")
            if st.button(t("withdraw", lang), key="f_withdraw"):
                try:
                    editing.withdraw(store, gaz, base[0], st.session_state.get("f_withdraw_reason", ""),
                                     user, base[1])
                    _done(t("withdrawn", lang, n=base[0]))
                    st.rerun()
                except PetaError as exc:
                    _problems(exc, lang)


def edited_table(key: str, prefix: str = "f") -> pd.DataFrame:
    """The data editor's rows: its starting frame (``<prefix>_<key>``) with the user's edits,
    additions and deletions (the editor ``<prefix>_<key>_ed``)."""
    frame = typed_frame(st.session_state[f"{prefix}_{key}"]).reset_index(drop=True)
    state = st.session_state.get(f"{prefix}_{key}_ed") or {}
    for i, changes in (state.get("edited_rows") or {}).items():
        for col, val in changes.items():
            frame.loc[int(i), col] = val
    frame = frame.drop(index=[int(i) for i in state.get("deleted_rows") or []], errors="ignore")
    added = pd.DataFrame(state.get("added_rows") or [], columns=frame.columns)
    return pd.concat([frame, added], ignore_index=True) if len(added) else frame


def _submit(store, gaz, user, region: str, lang: str) -> None:
    values = _values(region)
    for key in ("signatories", "readiness", "sources"):
        values[key] = edited_table(key)
    base = st.session_state.get("_f_base")
    data = formdata.to_report(values, base=base[2] if base else None)
    try:
        if base:
            editing.edit(store, gaz, base[0], data, user, base[1])
            _done(t("saved", lang, id=data["id"]))
            st.rerun()
        files = proof.prepared(st.session_state.get(_proof_key()))  # refused files are named before anything is kept
        data["id"] = editing.new_id(store, gaz, region, data.get("date"))
        dups = editing.duplicates(store, region, data.get("date"))
        if dups:
            st.session_state["_f_pending"] = (data, list(dict.fromkeys(r.ceremony_id for r in dups)), files)
            return
        editing.create(store, gaz, data, user, proof=files)
        _done(t("saved", lang, id=data["id"]))
        st.rerun()
    except PetaError as exc:
        _problems(exc, lang)
