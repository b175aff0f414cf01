"""*Dari berita*: links, files or pasted text -> drafts in the queue -> a reviewed record.

Widget keys start with ``a_``. The draft's doubt is a choice, never a silent pick: a region or a
date the extractor is not sure of is offered as a list with nothing selected, and saving waits
until the reviewer chooses. Everything from the article reaches the page escaped (``safe.md``)
or inside widgets (plain text). Saving goes through ``editing.save_draft``: the same validator,
duplicate check and access rules as the form, and the draft is closed in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import streamlit as st

from .. import context, problem_text
from ..errors import PetaError, said
from ..extract.article import read_many
from ..extract.draft import Calendar, extract, reviewed_report, stored_article
from ..extract.fetch import fetch
from ..extract.places import PlaceIndex
from ..i18n import t
from ..records.vocab import COMMITMENT_CATEGORIES, KINDS, WITNESS_BODIES
from ..store import editing
from . import cache, proof
from .entry import _calendar, columns
from .safe import bullets, md

_FIELD_KEYS = ("a_override", "a_region", "a_date", "a_date_other", "a_elections", "a_kinds", "a_venue", "a_leader_name",
               "a_leader_role", "a_signatories", "a_witnesses", "a_categories", "a_commit_text", "a_readiness",
               "a_notes", "a_reject_reason", "a_outlet", "a_published_rev")


@st.cache_resource(show_spinner=False)
def _places(_gaz) -> PlaceIndex:
    return PlaceIndex(_gaz)


def _store():
    return cache.store(context.db_url())


def _conf(reading: dict, lang: str) -> str:
    return t(f"conf_{reading['confidence']}", lang)


def add_panel(gaz, user, lang: str, expanded: bool) -> None:
    if st.session_state.pop("_a_clear", False):
        st.session_state["a_links"], st.session_state["a_text"] = "", ""
    with st.expander(t("art_add", lang), expanded=expanded):
        st.text_area(t("art_links", lang), key="a_links", height=100)
        st.file_uploader(t("art_files", lang), type=["html", "htm", "txt"], accept_multiple_files=True, key="a_files",
                         help=t("upload_hint", lang))  # Streamlit draws the box's own words in English
        st.text_area(t("art_text", lang), key="a_text", height=120)
        st.date_input(t("art_published", lang), value=None, key="a_published", format="DD/MM/YYYY",
                      help=t("date_help", lang))  # the empty field's placeholder (DD/MM/YYYY) is Streamlit's
        if st.button(t("art_read", lang), key="a_read", type="primary"):
            _read_and_queue(gaz, user, lang)


def _read_and_queue(gaz, user, lang: str) -> None:
    published = st.session_state.get("a_published")
    links = [line.strip() for line in (st.session_state.get("a_links") or "").splitlines() if line.strip()]
    files = st.session_state.get("a_files") or []
    pasted = (st.session_state.get("a_text") or "").strip()
    if not (links or files or pasted):
        st.warning(t("art_nothing", lang))
        return
    # decode() refuses more than 5 MB per file, with its name
    bar = st.progress(0.0, text=t("art_reading", lang, i=0, n="…", source=""))

    def reading(done: int, total: int, source: str) -> None:  # a batch of twenty links shows where it is
        bar.progress(done / max(total, 1) * 0.9, text=t("art_reading", lang, i=done + 1, n=total, source=source[:80]))

    articles, failed = read_many(links, [(f.name, f.getvalue()) for f in files], pasted, published, fetch,
                                 progress=reading)
    cal = Calendar.from_raw(_calendar())
    places = _places(gaz)
    rows = []
    for i, a in enumerate(articles):
        bar.progress(0.9 + 0.1 * i / max(len(articles), 1), text=t("art_drafting", lang, i=i + 1, n=len(articles)))
        rows.append({"source": a.source, "url": a.url, "title": a.title, "article_text": a.text,
                     "draft": json.dumps(extract(a, gaz, cal, places).to_dict(), ensure_ascii=False)})
    bar.empty()
    added, known = _store().add_drafts(user.name, rows) if rows else ([], [])
    # shown after the rerun that puts the new drafts in the queue above
    st.session_state["_a_report"] = (
        [t("art_queued", lang, n=len(added))] if added else [],
        [md(t("art_known", lang, id=did, source=source)) for source, did in known],
        [md(t("art_failed", lang, msg=m.text(lang))) for m in failed])
    if added:  # widgets already drawn in this run: changed at the start of the next one
        st.session_state["_a_next"] = added[0]
    st.rerun()


def read_report() -> None:
    """What the last *Baca* did: drafts queued, links already known, sources not read."""
    ok, known, failed = st.session_state.pop("_a_report", ([], [], []))
    for m in ok:
        st.success(m)
    for m in known:
        st.info(m)
    for m in failed:
        st.warning(m)


def queue(gaz, user, lang: str):
    """The open drafts as a picker; returns the picked draft row (or None)."""
    drafts = _store().drafts("open")
    st.subheader(t("art_queue", lang, n=len(drafts)))
    if not drafts:
        st.caption(t("art_queue_empty", lang))
        return None
    labels = {}
    for d in drafts:
        dd = json.loads(d.draft)
        where = dd["region"].get("label") or "?"
        day = dd["date"]["value"] or "?"
        labels[d.id] = f"#{d.id} · {day} · {where} · {d.title or d.source}"
    ids = list(labels)
    if st.session_state.get("_a_next") in ids:  # the first of the drafts just queued
        st.session_state["a_pick"] = st.session_state.pop("_a_next")
        st.session_state["_a_clear"] = True
    if st.session_state.get("a_pick") not in ids:
        st.session_state["a_pick"] = ids[0]
    st.selectbox(t("art_pick", lang), ids, key="a_pick", format_func=lambda i: labels[i])
    return next(d for d in drafts if d.id == st.session_state["a_pick"])


def _prefill(row, d: dict) -> None:
    """Put the draft's values into the review widgets, once per draft (switching drafts resets them)."""
    if st.session_state.get("_a_loaded") == row.id:
        return
    for k in _FIELD_KEYS:
        st.session_state.pop(k, None)
    st.session_state["_a_loaded"] = row.id
    leader = d["leader"]["value"] or {}
    st.session_state.update({
        "a_override": False,
        "a_elections": d["elections"]["value"] or [], "a_kinds": d["kinds"]["value"] or [],
        "a_venue": d["venue"]["value"] or "", "a_leader_name": leader.get("name", ""),
        "a_leader_role": leader.get("role", ""), "a_witnesses": d["witnesses"]["value"] or [],
        "a_categories": d["commitment_categories"]["value"] or [], "a_commit_text": "", "a_notes": "",
        # the source as the page gave it; pasted text gives neither, and the reviewer must (issue 21 §3)
        "a_outlet": d["article"].get("outlet") or "",
        "a_published_rev": dt.date.fromisoformat(d["article"]["published"]) if d["article"].get("published") else None,
    })


def _evidence_sentences(d: dict) -> list[str]:
    out = []
    for name, f in d.items():
        if isinstance(f, dict) and f.get("evidence"):
            out.append(f["evidence"])
        if isinstance(f, dict):
            out += [e for e in (f.get("evidence_by_value") or {}).values() if e]
    return [e for e in dict.fromkeys(out) if len(e) > 10]


def _marked(paragraph: str, evidence: list[str]) -> str:
    """One paragraph as escaped markdown with the evidence sentences highlighted."""
    spans = sorted((m.start(), m.end()) for e in evidence for m in re.finditer(re.escape(e), paragraph))
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(md(paragraph[pos:a]))
        out.append(f":orange-background[{md(paragraph[a:b])}]")
        pos = b
    out.append(md(paragraph[pos:]))
    return " ".join(x for x in out if x)


def review(row, view, gaz, user, lang: str) -> None:
    d = json.loads(row.draft)
    _prefill(row, d)
    art = d["article"]
    left, right = st.columns([5, 6], gap="large")
    with left:
        st.markdown(f"**{md(art['title'] or row.source)}**")
        st.caption(md(t("art_source", lang, outlet=art["outlet"] or "–", published=art["published"] or "–",
                        url=art["url"] or row.source)))
        evidence = _evidence_sentences(d)
        with st.container(height=620):
            for para in row.article_text.split("\n"):
                if para.strip():
                    st.markdown(_marked(para.strip(), evidence))
    with right:
        st.markdown(f"**{t('art_draft_head', lang)}**")
        _form(row, d, view, gaz, user, lang)


def _badge(label: str, reading: dict, lang: str) -> str:
    return f"{label} · {_conf(reading, lang)}"


# The evidence is highlighted in full in the article beside the form; under a field its start is
# enough to find it, and a full sentence under every field pushed *Simpan* two screens down.
EVIDENCE_CHARS = 120


def _short(text: str, limit: int = EVIDENCE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _caption(reading: dict, lang: str, seen: set[str]) -> None:
    """A field's evidence (once per page: the date's sentence often names the leader too) and notes."""
    notes = reading.get("notes") or []
    if reading.get("evidence") and reading["evidence"] not in seen:
        seen.add(reading["evidence"])
        st.caption(md(t("art_evidence", lang, e=_short(reading["evidence"]))))
    for n in notes:
        st.caption(md("⚠ " + said(n, lang)))


def _form(row, d: dict, view, gaz, user, lang: str) -> None:
    cer = d["is_ceremony"]
    seen: set[str] = set()  # evidence already quoted under a field above
    # where the report comes from: the page's outlet and day, or the reviewer's when the page gives none
    c1, c2 = st.columns(2)
    c1.text_input(t("col_outlet", lang), key="a_outlet", disabled=bool(d["article"].get("outlet")))
    c2.date_input(t("col_published", lang), key="a_published_rev", format="DD/MM/YYYY",
                  disabled=bool(d["article"].get("published")), max_value=dt.date.today())
    if not d["article"].get("outlet") or not d["article"].get("published"):
        st.caption(t("art_source_needed", lang))
    if cer["value"] is False:
        st.warning(md(t("art_not_ceremony", lang, why="; ".join(said(n, lang) for n in cer.get("notes") or []))))
        st.checkbox(t("art_override", lang), key="a_override")
    # region: the draft's reading and its alternatives, or the sidebar's pick; nothing chosen when in doubt
    reg = d["region"]
    options = ([reg["value"]] if reg["value"] else []) + [a["code"] for a in reg.get("alternatives") or []]
    sidebar = view.region or None  # the sidebar's region: the way to pick one the article does not name
    if sidebar and sidebar not in options:
        options.append(sidebar)
    if not options:
        st.info(t("art_region_none", lang))
    region = st.radio(_badge(t("art_region_choice", lang), reg, lang), options, key="a_region",
                      index=0 if reg["confidence"] == "sure" and options else None,
                      format_func=lambda c: gaz.path_label(c) + ("  ← " + t("region", lang) if c == sidebar and c not in
                                                                  [reg["value"]] else ""))
    _caption(reg, lang, seen)
    # date: the reading, its alternatives, another date, or undated
    dr = d["date"]
    dates = ([dr["value"]] if dr["value"] else []) + [a for a in dr.get("alternatives") or [] if a != dr["value"]]
    choices = dates + ["__other__", "__none__"]

    def date_label(c: str) -> str:
        if c == "__none__":
            return t("art_date_none", lang)
        if c == "__other__":
            return t("art_date_other", lang)
        return t("art_date_inferred", lang, d=c) if (dr.get("year_inferred") or dr.get("weekday_only")) else c
    picked = st.radio(_badge(t("art_date_choice", lang), dr, lang), choices, key="a_date", horizontal=True,
                      index=0 if dr["confidence"] == "sure" and dates else None, format_func=date_label)
    if picked == "__other__":
        st.date_input(t("date", lang), value=None, key="a_date_other", format="DD/MM/YYYY", help=t("date_help", lang))
    _caption(dr, lang, seen)
    calendar = cache.records(cache.data_version()).calendar
    names = dict(zip(calendar["id"], calendar["name"]))
    st.multiselect(_badge(t("elections", lang), d["elections"], lang), list(names), key="a_elections", placeholder=t("choose", lang),
                   format_func=names.get)
    st.multiselect(_badge(t("kinds", lang), d["kinds"], lang), list(KINDS), key="a_kinds", placeholder=t("choose", lang),
                   format_func=lambda k: KINDS[k].label(lang))
    _caption(d["kinds"], lang, seen)
    c1, c2 = st.columns(2)
    c1.text_input(_badge(t("leader_name", lang), d["leader"], lang), key="a_leader_name")
    c2.text_input(t("leader_role", lang), key="a_leader_role")
    _caption(d["leader"], lang, seen)
    st.text_input(_badge(t("venue", lang), d["venue"], lang), key="a_venue")
    sig = pd.DataFrame([{"group": s.get("group"), "count": s.get("count"), "all": bool(s.get("all"))}
                        for s in d["signatories"]["value"] or []], columns=["group", "count", "all"])
    st.markdown(md(_badge(t("signatories", lang), d["signatories"], lang)))
    sig_out = st.data_editor(sig.astype({"count": "Int64", "all": bool}), key="a_signatories", placeholder="–", num_rows="dynamic",
                             width="stretch", column_config=columns("signatories", lang, sig.columns))
    st.multiselect(_badge(t("witnesses", lang), d["witnesses"], lang), list(WITNESS_BODIES), key="a_witnesses", placeholder=t("choose", lang),
                   format_func=lambda k: WITNESS_BODIES[k].label(lang))
    st.multiselect(_badge(t("categories", lang), d["commitment_categories"], lang), list(COMMITMENT_CATEGORIES),
                   key="a_categories", placeholder=t("choose", lang), format_func=lambda k: COMMITMENT_CATEGORIES[k].label(lang))
    # what an ordinary article rarely needs waits in one fold, so *Simpan* is a short scroll away;
    # open when the reader found readiness figures (they must be checked), else on demand
    more = st.expander(t("art_more", lang), expanded=bool(d["readiness"]["value"]))
    more.text_area(t("art_commit_text", lang), key="a_commit_text", height=80)
    # what was measured and on which day are the reviewer's to write: never the ceremony's day by default
    ready = pd.DataFrame([{"percent": r["percent"], "measure": r.get("measure") or "", "as_of": pd.NaT}
                          for r in d["readiness"]["value"] or []], columns=["percent", "measure", "as_of"])
    ready["as_of"] = pd.to_datetime(ready["as_of"])
    with more:
        st.markdown(md(_badge(t("readiness_figures", lang), d["readiness"], lang)))
        ready_out = st.data_editor(ready, key="a_readiness", placeholder="–", num_rows="dynamic", width="stretch",
                                   column_config=columns("readiness", lang, ready.columns))
        _caption(d["readiness"], lang, seen)
        st.text_area(t("notes", lang), key="a_notes", height=68)
    # proof no newspaper carries (issue 42 §3): kept with the report, in the same save, or not at all
    proof.uploader(f"a_proof_{row.id}", lang)
    day = _chosen_date(picked)
    dups = editing.duplicates(_store(), region, day) if region and day else []
    if dups:
        st.info(md(t("art_merge_into", lang, ids=", ".join(dict.fromkeys(r.ceremony_id for r in dups)))))
    b1, b2 = st.columns([1, 1])
    if b1.button(t("art_save", lang), key="a_save", type="primary"):
        if cer["value"] is False and not st.session_state.get("a_override"):
            st.error(t("art_need_override", lang, box=t("art_override", lang)))
        elif region is None or picked is None or (picked == "__other__" and day is None):
            st.error(t("art_choose", lang))
        else:
            _save(row, d, gaz, user, lang, region, picked, day, sig_out, ready_out, dups)
    with b2.popover(t("art_reject", lang)):
        st.text_input(t("art_reject_reason", lang), key="a_reject_reason")
        if st.button(t("art_reject", lang), key="a_reject"):
            try:
                editing.reject_draft(_store(), row.id, st.session_state.get("a_reject_reason") or "", user)
                st.session_state["_a_message"] = t("art_rejected", lang, n=row.id)
                st.rerun()
            except PetaError as exc:
                st.error(md(exc.message))


def _chosen_date(picked: str | None) -> dt.date | None:
    if picked in (None, "__none__"):
        return None
    if picked == "__other__":
        return st.session_state.get("a_date_other")
    return dt.date.fromisoformat(picked)


def _save(row, d: dict, gaz, user, lang: str, region: str, picked: str, day, sig_out, ready_out, dups) -> None:
    ss = st.session_state
    store = _store()
    ceremony_id = dups[0].ceremony_id if dups else editing.new_id(store, gaz, region, day)
    try:
        data = reviewed_report(
            d, stored_article(row.source, row.article_text, d["article"]), gaz, ceremony_id=ceremony_id,
            region=region, day=day, day_from_reading=picked not in ("__other__", "__none__"),
            elections=ss.get("a_elections") or [], kinds=ss.get("a_kinds") or [],
            leader_name=ss.get("a_leader_name") or "", leader_role=ss.get("a_leader_role") or "",
            venue=ss.get("a_venue") or "", signatory_rows=sig_out.to_dict("records"),
            witnesses=ss.get("a_witnesses") or [], categories=ss.get("a_categories") or [],
            commitment_text=ss.get("a_commit_text") or "", readiness_rows=ready_out.to_dict("records"),
            notes=ss.get("a_notes") or "", outlet=ss.get("a_outlet") or "", published=ss.get("a_published_rev"))
        editing.save_draft(store, gaz, row.id, data, user, merge_into=ceremony_id if dups else None,
                           proof=proof.prepared(ss.get(f"a_proof_{row.id}")))
    except PetaError as exc:
        st.error(t("not_saved", lang) + "\n" + bullets(problem_text.lines(exc, lang)))
        return
    cache.changed()
    ss["_a_message"] = t("art_saved", lang, id=ceremony_id, n=row.id)
    ss.pop("_a_loaded", None)
    st.rerun()
