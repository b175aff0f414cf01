"""Download menus beside charts and maps. The file is made only when its button is pressed
(a callable ``data``, run off the script thread) and pressing it never reruns the page.

A pressed button reads its view by the view's key, never by holding the view (issue 39 §2):
Streamlit keeps a session's button callables until some session ends, so a callable holding a
:class:`~dashboard.report.Report` (or a function defined in a page script, which holds the page's
globals) kept every older version of the tables alive: four versions at once at 150,000 reports,
+330 MiB over 20 saves (``benchmarks/saves.py``). The file holds what the view shows when the
button is pressed: the same election, region, date and language, on the newest records."""

from __future__ import annotations

from functools import partial

import streamlit as st

from .. import problem_text
from ..errors import PetaError
from ..export import render
from ..export.files import MIME, export, file_name
from ..i18n import t
from ..report import PACK

# (format, size, label key)
IMAGES = [("png", "16x9", "dl_png"), ("png", "square", "dl_png_square"), ("svg", "16x9", "dl_svg"),
          ("pdf", "16x9", "dl_pdf")]
DATA = [("csv", "16x9", "dl_csv"), ("csv-excel", "16x9", "dl_csv_excel"), ("xlsx", "16x9", "dl_xlsx")]


def later(report):
    """A zero-argument callable giving the view ``report`` shows, as it is when called: by its
    cache key (``Report.view_key``) for a view the app cached, else the view itself (one made
    outside the cache holds nothing the cache would otherwise let go)."""
    key = getattr(report, "view_key", None)
    return partial(_view_now, key) if key is not None else (lambda: report)


def _view_now(key: tuple):
    from . import cache

    return cache.report(cache.data_version(), *key)


def _data(view, name: str, fmt: str, size: str, axis: str) -> bytes:
    return export(view(), name, fmt, size, axis).data


def menu(report, name: str, *, axis: str = "date", html: bool = False, images: bool = True) -> None:
    """A "Unduh" popover: the chart as PNG (16:9 and square), SVG and PDF, the map also as offline
    HTML, and the data behind it as CSV and XLSX. Buttons are keyed ``dl_<name>_<fmt>[_square]``."""
    options = (IMAGES if images else []) + ([("html", "16x9", "dl_html")] if html else []) + DATA
    _popover(report.lang, report.meta(name), options, lambda fmt, size: partial(_data, later(report), name, fmt, size, axis),
             f"dl_{name}")


def _risk_data(view, values, indicator: str, mode: str, kind: str, fmt: str, size: str) -> bytes:
    from ..export.files import export_risk
    from ..risk import Risk

    return export_risk(Risk(view(), values, indicator, mode), kind, fmt, size).data


def risk_data(risk, kind: str, fmt: str, size: str = "16x9"):
    """The callable a download button of ``risk``'s ``kind`` file runs (see :func:`later`)."""
    return partial(_risk_data, later(risk.report), risk.values, risk.indicator, risk.mode, kind, fmt, size)


def risk_menu(risk) -> None:
    """The "Unduh" popover of the map coloured by an indicator (:class:`dashboard.risk.Risk`): that
    map as PNG/SVG/PDF and its rows as CSV/XLSX. Buttons are keyed ``dl_risk_peta_<fmt>[_square]``."""
    _popover(risk.report.lang, risk.meta("peta"), IMAGES + DATA,
             lambda fmt, size: risk_data(risk, "peta", fmt, size), "dl_risk_peta")


def _popover(lg: str, meta, options, data_of, key: str) -> None:
    """The popover's buttons: one per (format, size, label) of ``options``, its file made by
    ``data_of(format, size)`` when pressed; images are offered disabled, saying why, without a browser."""
    try:
        render.browser_path()
        missing = ""
    except PetaError as exc:
        missing = problem_text.say(exc.problems[0], lg)
    with st.popover(t("download", lg), icon=":material/download:"):
        if missing and any(fmt in render.FORMATS for fmt, _, _ in options):
            st.caption(t("no_browser", lg, why=missing))
        for fmt, size, label in options:
            st.download_button(
                t(label, lg), data=data_of(fmt, size), file_name=file_name(meta, fmt, size), mime=MIME[fmt],
                on_click="ignore", width="stretch", key=f"{key}_{fmt}" + ("_square" if size == "square" else ""),
                disabled=bool(missing) and fmt in render.FORMATS)


def _pack(view, values) -> bytes:
    from ..export.pack import briefing_pack
    from ..risk import Risk, with_values

    report = view()
    return briefing_pack(report, risks=[Risk(report, values, i) for i in with_values(report, values)])


def pack_button(report, values) -> None:
    """The one-click briefing pack (PDF) of the current view, made when pressed; with a page for
    each stored indicator (``values``) that has a value in the view."""
    lg = report.lang
    ready = render.available()
    st.download_button(t("pack_button", lg), data=partial(_pack, later(report), values),
                       file_name=report.meta(PACK).filename("pdf"), mime=MIME["pdf"], on_click="ignore",
                       key="download_pack", icon=":material/picture_as_pdf:", type="primary", disabled=not ready,
                       help=t("pack_help", lg) if ready else t("no_browser", lg, why="PETA_BROWSER"))


def _rows_file(view, ids: tuple, fmt: str) -> bytes:
    from ..io.workbooks import to_csv, to_xlsx
    from ..views import ceremony_rows

    report = view()
    meta = report.meta("upacara")
    rows = ceremony_rows(report.records, list(ids), report.lang, file=True)
    return to_csv(rows, meta) if fmt == "csv" else to_xlsx(rows, meta)


def rows_data(report, ids: list[str], fmt: str):
    """The callable of the Data page's CSV/XLSX button: every row of ``ids`` (the filters applied,
    all pages) of ``report``'s view, built when pressed (see :func:`later`)."""
    return partial(_rows_file, later(report), tuple(ids), fmt)


def _letter(view, fmt: str) -> bytes:
    from ..letter import compose

    composed = compose(view())
    if composed is None:  # the list emptied between the page and the press (a save elsewhere)
        return b""
    if fmt == "docx":
        from ..export.letter_docx import to_docx

        return to_docx(composed)
    from ..export.letter_pdf import to_pdf

    return to_pdf(composed)


def letter_buttons(report) -> None:
    """The follow-up letter of the view's *belum* list as DOCX and PDF (issue 42 §2), made when
    pressed; a template that does not load is said here, with the buttons off."""
    from ..letter import file_stem, load_template
    from .error_box import show_error

    lg = report.lang
    try:
        load_template()
        broken = False
    except PetaError as exc:
        show_error(exc, lg, "letter_error")
        broken = True
    ready = render.available()
    name = file_stem(report)
    row = st.container(horizontal=True)
    for fmt, mime in (("docx", MIME_DOCX), ("pdf", MIME["pdf"])):
        row.download_button(t(f"letter_{fmt}", lg), data=partial(_letter, later(report), fmt),
                            file_name=f"{name}.{fmt}", mime=mime, on_click="ignore", key=f"download_letter_{fmt}",
                            icon=":material/mail:", help=t("letter_help", lg),
                            disabled=broken or (fmt == "pdf" and not ready))


MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
