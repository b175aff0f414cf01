"""The Impor page's parts: templates, upload, the problem table, import all or only valid rows."""

from __future__ import annotations

import streamlit as st

from .. import context, problem_text
from ..store import editing
from ..errors import PetaError, msg
from ..io.workbooks import plain_csv
from ..i18n import t
from .safe import bullets, md
from ..forms import sheet
from ..store import importer
from . import cache
from .entry import _calendar


TABLE_ROWS = 60  # problems shown as a wrapped table up to this many, else as a scrolling grid


def templates(gaz, calendar, elections: list[str], region: str | None, election: str, lang: str) -> None:
    """``calendar``: the loaded records' calendar (its names label the drop-down's elections; no
    second read of the store on every rerun)."""
    example = sheet.template_example(gaz, region, election)
    lists = sheet.template_choices(gaz, elections, region, dict(zip(calendar["id"], calendar["name"])))
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("template", lang, fmt="XLSX"), lambda: sheet.template_xlsx(example, lists),
                       file_name="templat_upacara.xlsx", key="template_xlsx", on_click="ignore",
                       icon=":material/download:")
    c2.download_button(t("template", lang, fmt="CSV (,)"), lambda: sheet.template_csv(example),
                       file_name="templat_upacara.csv", key="template_csv", on_click="ignore",
                       icon=":material/download:", help=t("csv_comma_help", lang))
    c3.download_button(t("template_semicolon", lang), lambda: sheet.template_csv(example, ";"),
                       file_name="templat_upacara_excel.csv", key="template_csv_semicolon", on_click="ignore",
                       icon=":material/download:", help=t("csv_semicolon_help", lang))


def upload(gaz, user, lang: str) -> None:
    file = st.file_uploader(t("upload", lang), type=["csv", "xlsx"], key="import_file", help=t("upload_hint", lang))
    st.caption(t("upload_hint", lang))  # Streamlit draws the box's own words in English: said here too
    if file is None:
        return
    store = cache.store(context.db_url())
    content = file.getvalue()
    try:
        checked = importer.check(store, gaz, _calendar(), file.name, content, user)
    except PetaError as exc:  # the file itself: empty, too big, wrong columns, unreadable
        st.error(f"**{md(file.name)}** — {md(problem_text.summary_text(exc, lang))}\n"
                 + bullets(problem_text.lines(exc, lang)))
        return
    good = len(checked.good)
    st.success(t("rows_ok", lang, n=good)) if good else None
    if checked.problems:
        st.error(t("rows_bad", lang, n=len(checked.bad_rows)))
        problems = checked.problem_table(lang)
        if len(problems) <= TABLE_ROWS:
            # a table wraps its cells, so "Yang benar" (often a list of the valid options) is read
            # whole at 1366 px; st.table reads Markdown in cells, so every cell is escaped (md)
            st.table(problems.map(md).rename(columns=md), hide_index=True, border="horizontal")
        else:  # many problems: a scrolling grid (each row whole in the rejected-rows CSV below)
            st.dataframe(problems, hide_index=True, width="stretch", key="import_problems",
                         column_config={problems.columns[-1]: st.column_config.TextColumn(width="large")})
        st.download_button(t("rejected_download", lang), plain_csv(importer.rejected_rows(file.name, content, checked, lang)),
                           file_name=f"ditolak_{file.name.rsplit('.', 1)[0]}.csv", key="import_rejected",
                           on_click="ignore")
    c1, c2 = st.columns(2)
    do_all = c1.button(t("import_all", lang), key="import_all", type="primary", disabled=bool(checked.problems))
    do_valid = c2.button(t("import_valid", lang), key="import_valid", disabled=not (checked.problems and good))
    if do_all or do_valid:
        try:
            n = importer.run(store, gaz, checked, user, file.name, only_valid=do_valid)
            cache.changed()
            st.success(t("imported", lang, n=n.rows, ceremonies=n.ceremonies, new=n.new_ceremonies,
                         added=n.added_to, sources=n.sources))
        except PetaError as exc:
            st.error(bullets(problem_text.lines(exc, lang)))


def indicators_upload(gaz, user, lang: str) -> None:
    """The indicator sheet (issue 27): templates, upload, every problem named (the file, its rows,
    what is stored, the user's region), then one button that stores every value or none."""
    import datetime as dt

    from .. import indicators

    st.subheader(t("indicator_section", lang))
    st.caption(t("indicator_intro", lang))
    c1, c2 = st.columns(2)
    c1.download_button(t("indicator_template", lang, fmt="XLSX"), indicators.template_xlsx,
                       file_name="templat_indikator.xlsx", key="indicator_template_xlsx", on_click="ignore",
                       icon=":material/download:")
    c2.download_button(t("indicator_template", lang, fmt="CSV"), indicators.template_csv,
                       file_name="templat_indikator.csv", key="indicator_template_csv", on_click="ignore",
                       icon=":material/download:")
    file = st.file_uploader(t("indicator_upload", lang), type=["csv", "xlsx"], key="indicator_file")
    if file is None:
        return
    store = cache.store(context.db_url())
    try:
        values, problems = indicators.parse(file.name, file.getvalue(), gaz, dt.date.today())
    except PetaError as exc:  # the file itself: empty, too big, wrong columns, unreadable
        st.error(f"**{md(file.name)}** — {md(problem_text.summary_text(exc, lang))}\n"
                 + bullets(problem_text.lines(exc, lang)))
        return
    problems += indicators.outside(values, user)
    problems += indicators.clashes(values, indicators.table(store.indicator_rows()))
    if problems:
        exc = PetaError(problems, summary=msg("file_refused", n=len(problems), name=file.name))
        st.error(md(problem_text.summary_text(exc, lang)) + "\n" + bullets(problem_text.lines(exc, lang)))
        return
    ids = ", ".join(sorted({v.indicator for v in values}))
    st.success(t("indicator_ok", lang, n=len(values), ids=ids))
    if st.button(t("indicator_import", lang), key="indicator_import", type="primary"):
        def check(rows) -> None:  # under the write lock: what was stored meanwhile counts too
            late = indicators.clashes(values, indicators.table(rows))
            if late:
                raise PetaError(late, summary=msg("file_refused", n=len(late), name=file.name))

        try:
            n = editing.add_indicators(store, values, user, "import", check)
            cache.changed()
            st.success(t("indicator_imported", lang, n=n, ids=ids))
        except PetaError as exc:
            st.error(bullets(problem_text.lines(exc, lang)))
