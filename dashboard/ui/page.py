"""What every page starts with: data, controls, a heading."""

from __future__ import annotations

import time

import streamlit as st

from .. import fmt, problem_text, views
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


def heading(key: str, view, gaz, rec=None) -> None:
    """The page's title, the place and election in view, and, for an election not held in the
    region, the sentence that says so (every page: its numbers would otherwise read 0 / 0)."""
    place = gaz.path_label(view.region) if view.region else t("indonesia", view.lang)
    st.title(t(key, view.lang))
    if rec is None:
        st.caption(md(place))
        return
    cal = rec.calendar
    name = cal.set_index("id").loc[view.election, "name_en" if view.lang == "en" else "name"]
    st.caption(md(t("heading_place_election", view.lang, place=place, election=name)))
    note = views.not_held_text(cal, gaz, view.election, view.region, view.lang)
    if note:
        st.info(md(note), icon=":material/event_busy:")


def empty_note(rep) -> None:
    """An empty view says so in words, with the election day and the countdown where there is one
    (issue 35); nothing when the view has a ceremony or the election is not held here (the heading
    said that already)."""
    cov = rep.coverage
    text = views.nothing_recorded_text(cov, len(cov.undated_ids), rep.lang)
    if text:
        s = rep.summary
        st.info(md(f"{text} {s.countdown_text}."), icon=":material/event_note:")


def table(df, key: str, lang: str, **kwargs) -> None:
    """A table (a DataFrame, or an Arrow table a view made once: nothing to convert on a rerun), or,
    with no row, a sentence saying so (Streamlit draws an empty table as the English word "empty";
    issue 37)."""
    if df is None or len(df) == 0:
        st.caption(t("table_no_rows", lang))
        return
    st.dataframe(df, hide_index=True, width="stretch", key=key, **_with_links(df, lang, kwargs))


def _with_links(df, lang: str, kwargs: dict) -> dict:
    """A table's article links as links (opened in a new tab), shown as "Buka berita"; every
    other cell stays plain text. The column holds http/https addresses only (views.ceremony_links)."""
    head = t("link", lang)
    names = getattr(df, "column_names", None) or list(df.columns)  # an Arrow table's names, or a frame's
    if head not in names:
        return kwargs
    config = dict(kwargs.get("column_config") or {})
    config.setdefault(head, st.column_config.LinkColumn(head, display_text=t("open_article", lang)))
    return {**kwargs, "column_config": config}


PAGE_ROWS = 500  # rows a table shows at once: a province's season fits; the nation's is paged


def paged(items: list, key: str, lang: str, size: int | None = None) -> list:
    """The part of ``items`` on the page the reader picked (a picker appears only when there is more
    than one page, saying which rows of how many are shown); a new choice starts at page 1."""
    size = size or PAGE_ROWS
    pages = max(1, -(-len(items) // size))
    if pages == 1:
        return items
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = 1
    n = st.selectbox(t("table_page", lang), range(1, pages + 1), key=key,
                     format_func=lambda i: t("table_rows", lang, a=fmt.number((i - 1) * size + 1, lang, 0),
                                             b=fmt.number(min(i * size, len(items)), lang, 0),
                                             n=fmt.number(len(items), lang, 0)))
    return items[(n - 1) * size:n * size]


# A tile's figure scales with the window so the longest one ("212 / 7.265", the national units
# reached of all) stays whole in a quarter of the page at 1366 px (Streamlit cuts it with "…").
_FIT_TILES = ("<style>[data-testid='stMetricValue'] > div { font-size: clamp(1.3rem, 1.9vw, 2.25rem); }"
              "</style>")


def fit_tiles() -> None:
    st.html(_FIT_TILES)
