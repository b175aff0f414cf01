"""Sidebar controls and the view state, mirrored in ``st.query_params`` so a
copied link opens the same view (``?election=…&region=…&as_of=…&lang=…``).

The canonical values live in non-widget keys (``_v_election``, ``_v_as_of``,
``_v_lang`` and ``region``, "" = Indonesia), because Streamlit forgets a widget's
value when the page holding it is left. Each run copies them into the widgets
before they are drawn, and the widgets' callbacks copy changes back. The
cascading pickers, the name search and clicks on the map all write ``region``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from .. import codes, metrics, settings
from ..errors import Msg, Problem, msg
from ..i18n import level_label, t
from ..records.tables import election_day
from ..records.validate import ELECTION_DATES
from ..regions import Gazetteer
from ..views import election_note, next_election_note
from .safe import md

LEVEL_KEYS = ["region_l0", "region_l1", "region_l2", "region_l3"]
# the dates a view may be "as of": the calendar's own range (an election the calendar takes can
# always be looked at, up to and after its day; issue 35); the sidebar's date picker takes no other
AS_OF_RANGE = ELECTION_DATES


@dataclass(frozen=True)
class View:
    election: str
    region: str | None
    as_of: dt.date
    lang: str


def lang() -> str:
    value = st.session_state.get("_v_lang") or st.query_params.get("lang") or settings.get("PETA_LANG")
    return value if value in ("id", "en") else "id"


def _init(gaz: Gazetteer, calendar) -> None:
    ss = st.session_state
    if ss.get("_initialised"):
        return
    qp = st.query_params
    ids = list(calendar["id"])
    # the opening election follows the linked region (a PSU region opens on its re-vote)
    linked = qp.get("region") or None
    default_election = metrics.default_election(calendar, region=linked if linked in gaz else None)
    problems = []  # a bad value in a shared link is reported, then the default is used

    def bad(name: str, want: Msg) -> None:
        problems.append(Problem(field=name, value=qp.get(name), want=want, file="URL"))

    ss["_v_election"] = qp.get("election", default_election)
    if ss["_v_election"] not in ids:
        bad("election", msg("one_of", options=list(ids)))
        ss["_v_election"] = default_election
    ss["region"] = qp.get("region", "")
    if ss["region"] and ss["region"] not in gaz:
        bad("region", msg("code_link", example="32.01"))
        ss["region"] = ""
    ss["_v_lang"] = qp.get("lang", settings.get("PETA_LANG"))
    if ss["_v_lang"] not in ("id", "en"):
        bad("lang", msg("lang_option"))
        ss["_v_lang"] = "id"
    try:
        ss["_v_as_of"] = dt.date.fromisoformat(qp["as_of"]) if qp.get("as_of") else None
    except ValueError:
        bad("as_of", msg("date_iso"))
        ss["_v_as_of"] = None
    first, last = AS_OF_RANGE
    if ss["_v_as_of"] is not None and not first <= ss["_v_as_of"] <= last:  # a real date the picker cannot show
        bad("as_of", msg("date_between", first=first.isoformat(), last=last.isoformat()))
        ss["_v_as_of"] = None
    ss["_param_problems"] = problems
    ss["_initialised"] = True


def _bind(key: str) -> dict:
    """Give widget ``key`` the canonical value and a callback that stores changes."""
    st.session_state[key] = st.session_state["_v_" + key]
    return {"key": key, "on_change": _store, "args": (key,)}


def _store(key: str) -> None:
    st.session_state["_v_" + key] = st.session_state[key]
    if key == "election":  # a new election: its own default as-of date
        st.session_state["_v_as_of"] = None


def set_region(code: str | None) -> None:
    st.session_state["region"] = code or ""


def _on_level(i: int) -> None:
    chosen = st.session_state[LEVEL_KEYS[i]]
    if chosen:
        set_region(chosen)
    else:  # "(semua)": back to the level above
        set_region(st.session_state[LEVEL_KEYS[i - 1]] if i > 0 else "")


def _on_search(gaz: Gazetteer) -> None:
    """One region named exactly: open it. Several ("Bogor": the kabupaten and the kota), or only
    near spellings ("Rancabungr"): list them, each with its province, and let the user pick (never
    open a guess silently)."""
    from ..regions import parse_query

    ss = st.session_state
    text = ss.get("region_search", "")
    hits = gaz.search(text) if text.strip() else []
    ss["_search_miss"] = text.strip() if text.strip() and not hits else ""
    ss["_search_choices"] = []
    if not hits:
        return
    key = parse_query(text)[0]
    exact = [h for h in hits if gaz.table.at[h.code, "key"] == key]
    if len(exact) == 1:
        set_region(exact[0].code)
    else:
        ss["_search_choices"] = [h.code for h in (exact or hits)][:8]
        ss.pop("region_pick", None)


def _on_pick() -> None:
    chosen = st.session_state.get("region_pick")
    if chosen:
        st.session_state["_search_choices"] = []
        set_region(chosen)


def current(gaz: Gazetteer, calendar) -> View:
    """The view from the link (or this session's state), drawing no widgets: for the briefing
    screen, which has no sidebar and must leave its link (``mode=briefing``…) as it is."""
    _init(gaz, calendar)
    ss = st.session_state
    if ss.get("_v_as_of") is None:
        day = election_day(calendar, ss["_v_election"])
        ss["_v_as_of"] = metrics.default_as_of(day)
    return View(ss["_v_election"], ss.get("region") or None, ss["_v_as_of"], lang())


def link(view: View, **extra: str) -> str:
    """A relative link that opens ``view`` (plus ``extra`` parameters, e.g. mode=briefing)."""
    from urllib.parse import urlencode

    params = {"election": view.election, "region": view.region or "", "as_of": view.as_of.isoformat(),
              "lang": view.lang, **extra}
    return "./?" + urlencode({k: v for k, v in params.items() if v})


def sidebar(gaz: Gazetteer, calendar) -> View:
    _init(gaz, calendar)
    ss = st.session_state
    lg = lang()
    names = dict(zip(calendar["id"], calendar["name_en" if lg == "en" else "name"]))
    with st.sidebar:
        st.radio(t("language", lg), ["id", "en"], horizontal=True, **_bind("lang"),
                 format_func=lambda x: {"id": "Bahasa Indonesia", "en": "English"}[x])
        lg = lang()
        st.selectbox(t("election", lg), list(names), format_func=names.get, **_bind("election"))
        note = election_note(calendar, ss["_v_election"], gaz, lg)
        if note:
            st.caption(md(note))
        day = election_day(calendar, ss["_v_election"])
        ahead = next_election_note(calendar, day, ss.get("region") or None, lg)
        if ahead:
            st.caption(md(ahead))
        if ss.get("_v_as_of") is None:
            ss["_v_as_of"] = metrics.default_as_of(day)
        st.date_input(t("as_of", lg), format="DD/MM/YYYY", min_value=AS_OF_RANGE[0],
                      max_value=AS_OF_RANGE[1], **_bind("as_of"))

        st.markdown(f"**{t('region', lg)}**")
        st.text_input(t("search_region", lg), key="region_search", placeholder=t("search_help", lg),
                      on_change=_on_search, args=(gaz,))
        if ss.get("_search_miss"):
            st.caption(t("no_match", lg, q=ss["_search_miss"]))
        if ss.get("_search_choices"):
            st.radio(t("search_pick", lg), ss["_search_choices"], key="region_pick", index=None,
                     format_func=gaz.path_label, on_change=_on_pick)
        region = ss.get("region") or ""
        prefixes = codes.lineage(region) if region else []
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
    view = View(ss["_v_election"], region or None, ss["_v_as_of"], lg)
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
                   width="stretch")
    cols[-1].markdown(f"**{gaz.get(view.region).label}**")
