"""The Peta page's detail panel: the chosen unit's numbers and the ceremonies that reach it,
each with why it counts and its sources. Every text from the records goes through
:func:`dashboard.ui.safe.md`: an address in a source shows as text and never links out."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from .. import fmt
from ..i18n import t, tn
from ..indicators import value_text
from ..unit_detail import UnitDetail
from .safe import link, md

# As tall as the map's frame at most (livemap's height); the panel scrolls inside it.
HEIGHT = 620
# Ceremonies described in the panel; beyond them a button opens the Data page on the unit.
LIMIT = 12


def choose(options: list[str], labels: dict[str, str], lang: str) -> str:
    """The picker naming whose details are shown; the map's clicks set the same key ("focus")."""
    if st.session_state.get("focus") not in options:
        st.session_state["focus"] = options[0]
    return st.selectbox(t("detail_for", lang), options, key="focus", format_func=lambda c: labels.get(c, c))


def cycles(rows, lang: str) -> None:
    """The unit's record across elections (:func:`dashboard.views.cycle_rows`), one line each."""
    if rows is None or rows.empty:
        return
    st.markdown(f"**{md(t('cycles_title', lang))}**")
    lines = []
    for row in rows.drop(columns=["election_id"]).itertuples(index=False):
        name, *rest = [str(v) for v in row]
        lines.append(f"**{md(name)}** · " + " · ".join(md(v) for v in rest))
    st.caption("  \n".join(lines))


def indicator_lines(values: dict[str, dict | None], names: dict[str, str | None], lang: str) -> None:
    """The unit's own value of each stored indicator (``indicators.of_unit``), with its date and who
    published it; *tidak ada data* where it has none (never 0). Nothing when no indicator is stored."""
    if not values:
        return
    st.markdown(f"**{md(t('risk_pick', lang))}**")
    lines = []
    for ind, v in values.items():
        name = md(names.get(ind) or ind)
        if v is None:
            lines.append(f"{name}: {md(t('no_data', lang))}")
        else:
            when = fmt.date_short(dt.date.fromisoformat(v["date"]), lang)
            lines.append(f"{name}: **{md(value_text(v, lang))}** · {md(when)} · {md(v['source'])}")
    st.caption("  \n".join(lines))


def show(d: UnitDetail, lang: str, as_of, *, can_open: bool, on_open, on_data, proof: dict[str, int] | None = None,
         gallery=None) -> None:
    """``proof``: ceremony id -> its files of proof; ``gallery(ceremony_id, n)`` draws them in its card."""
    st.markdown(f"#### {md(d.label)}")
    st.caption(md(" · ".join(x for x in (d.level, d.code) if x)))
    for label, value, note in d.facts:
        # "2 / 40 (5 %)" breaks only before the bracket: never inside "(100 %)" or "2 / 40"
        value = md(value).replace(" %", "\u00a0%").replace(" / ", "\u00a0/\u00a0")  # after md: it folds spaces
        st.markdown(f"{md(label)}: **{value}**" + (f"  \n:small[{md(note)}]" if note else ""))
    if can_open:
        st.button(t("open_unit", lang, name=md(d.label)), key="open_unit", on_click=on_open,
                  icon=":material/zoom_in:", width="stretch")
    head = t("detail_ceremonies", lang, n=fmt.number(d.n_ceremonies, lang, 0))
    if d.n_undated:
        head += " · " + t("plus_undated", lang, n=fmt.number(d.n_undated, lang, 0))
    st.markdown(f"**{md(head)}**")
    if not d.n_ceremonies:
        st.caption(md(t("detail_none", lang, date=fmt.date_long(as_of, lang))))
    if not d.ceremonies:
        return
    why = None
    for c in d.ceremonies:
        if c.why != why:
            why = c.why
            if why == "undated":  # apart from those reaching the unit: listed, never counted
                st.markdown(f"**{md(tn('undated_apart_head', lang, d.n_undated))}**")
            else:
                st.caption(f"**{md(t('reach_' + why, lang))}** ({d.counts.get(why, 0)})")
        with st.container(border=True):
            st.markdown(f"**{md(c.date)}**  \n{md(c.kinds)}")
            rows = [(t("undated_reason", lang), c.date_note), (t("place", lang), c.place), (t("leader", lang), c.leader),
                    (t("signed_by", lang), c.signed), (t("witnessed_by", lang), c.witnessed)]
            lines = [f"{md(k)}: {md(v)}" for k, v in rows if v]
            # each source a reader can follow: outlet · title · date, linked to its article (issue 36)
            lines += [f"{md(t('sources', lang))}: " + link(" · ".join(x for x in (s.outlet, s.title, s.published) if x), s.url)
                      for s in c.sources]
            st.caption("  \n".join(lines))
            if proof and proof.get(c.id) and gallery is not None:
                gallery(c.id, proof[c.id])
    if d.n_ceremonies + d.n_undated > len(d.ceremonies):
        st.button(t("detail_more", lang, n=d.n_ceremonies + d.n_undated), key="detail_more", on_click=on_data,
                  icon=":material/table:", width="stretch")
