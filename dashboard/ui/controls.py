"""Sidebar controls and the view state, mirrored in ``st.query_params`` so a
copied link opens the same view (``?election=…&region=…&as_of=…&lang=…``).

The canonical region lives in ``st.session_state["region"]`` ("" = Indonesia);
the cascading pickers, the name search and clicks on the map all write it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from .. import metrics, settings
from ..i18n import level_label, t
from ..regions import Gazetteer

LEVEL_KEYS = ["region_l0", "region_l1", "region_l2", "region_l3"]


@dataclass(frozen=True)
class View:
    election: str
    region: str | None
    as_of: dt.date
    lang: str


def lang() -> str:
    value = st.session_state.get("lang") or st.query_params.get("lang") or settings.get("PETA_LANG")
    return value if value in ("id", "en") else "id"


def _init(gaz: Gazetteer, calendar) -> None:
    ss = st.session_state
    if ss.get("_initialised"):
        return
    qp = st.query_params
    ids = list(calendar["id"])
    today = dt.date.today()
    upcoming = calendar[calendar["date"].dt.date >= today]
    default_election = upcoming["id"].iloc[0] if len(upcoming) else calendar.sort_values("date")["id"].iloc[-1]
    ss["election"] = qp.get("election") if qp.get("election") in ids else default_election
    region = qp.get("region", "")
    ss["region"] = region if region in gaz else ""
    ss["lang"] = qp.get("lang") if qp.get("lang") in ("id", "en") else settings.get("PETA_LANG")
    try:
        ss["as_of"] = dt.date.fromisoformat(qp["as_of"]) if qp.get("as_of") else None
    except ValueError:
        ss["as_of"] = None
    ss["_initialised"] = True


def set_region(code: str | None) -> None:
    st.session_state["region"] = code or ""


def _on_level(i: int) -> None:
    chosen = st.session_state[LEVEL_KEYS[i]]
    if chosen:
        set_region(chosen)
    else:  # "(semua)": back to the level above
        set_region(st.session_state[LEVEL_KEYS[i - 1]] if i > 0 else "")


def _on_search(gaz: Gazetteer) -> None:
    text = st.session_state.get("region_search", "")
    hits = gaz.search(text) if text.strip() else []
    st.session_state["_search_miss"] = bool(text.strip()) and not hits
    if hits:
        set_region(hits[0].code)


def sidebar(gaz: Gazetteer, calendar) -> View:
    _init(gaz, calendar)
    ss = st.session_state
    lg = lang()
    names = dict(zip(calendar["id"], calendar["name_en" if lg == "en" else "name"]))
    with st.sidebar:
        st.radio(t("language", lg), ["id", "en"], key="lang", horizontal=True,
                 format_func=lambda x: {"id": "Bahasa Indonesia", "en": "English"}[x])
        lg = lang()
        st.selectbox(t("election", lg), list(names), key="election", format_func=names.get)
        day = calendar.set_index("id").loc[ss["election"], "date"].date()
        if ss.get("as_of") is None:
            ss["as_of"] = metrics.default_as_of(day)
        st.date_input(t("as_of", lg), key="as_of", format="DD/MM/YYYY",
                      min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))

        st.markdown(f"**{t('region', lg)}**")
        st.text_input(t("search_region", lg), key="region_search", placeholder=t("search_help", lg),
                      on_change=_on_search, args=(gaz,))
        if ss.get("_search_miss"):
            st.caption(t("no_match", lg))
        region = ss.get("region") or ""
        parts = region.split(".") if region else []
        prefixes = [".".join(parts[: i + 1]) for i in range(len(parts))]
        parent = None
        for i, key in enumerate(LEVEL_KEYS):
            kids = gaz.children(parent)
            if not kids:
                break
            options = [""] + [k.code for k in kids]
            ss[key] = prefixes[i] if i < len(prefixes) else ""
            labels = {k.code: k.label for k in kids}
            st.selectbox(level_label(kids[0].level, lg), options, key=key, on_change=_on_level, args=(i,),
                         format_func=lambda c, labels=labels: labels.get(c) or t("all", lg))
            if i >= len(prefixes):
                break
            parent = prefixes[i]
    view = View(ss["election"], region or None, ss["as_of"], lg)
    st.query_params.from_dict({k: v for k, v in {
        "election": view.election, "region": view.region or "", "as_of": view.as_of.isoformat(),
        "lang": view.lang}.items() if v})
    return view


def breadcrumb(gaz: Gazetteer, view: View) -> None:
    """Buttons from Indonesia down to the current region's parent; a click goes up."""
    if not view.region:
        return
    trail = [("", t("indonesia", view.lang))] + [(r.code, r.label) for r in gaz.ancestors(view.region)]
    cols = st.columns(len(trail) + 1)
    for col, (code, label) in zip(cols, trail):
        col.button(f"↑ {label}", key=f"crumb_{code or 'id'}", on_click=set_region, args=(code,),
                   use_container_width=True)
    cols[-1].markdown(f"**{gaz.get(view.region).label}**")
