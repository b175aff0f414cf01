"""Every export as (bytes, file name, MIME type), from a :class:`~dashboard.report.Report`.

``export(report, "komitmen", "png")`` → the commitment-categories chart at 1920×1080;
``size="square"`` → 1080×1080; ``"svg"``/``"pdf"`` the same as vectors; ``"csv"``/``"xlsx"``
→ the data behind it; ``export(report, "peta", "html")`` → the map as one offline HTML file.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..errors import PetaError, msg
from . import render
from .frame import SIZES, presentation
from ..io.workbooks import to_csv, to_xlsx

MIME = {**render.FORMATS, "html": "text/html", "csv": "text/csv", "csv-excel": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
IMAGE_FORMATS = tuple(render.FORMATS)
DATA_FORMATS = ("csv", "csv-excel", "xlsx")  # csv-excel: semicolons and decimal commas (Excel, Indonesian settings)


def file_name(meta, fmt: str, size: str = "16x9") -> str:
    """``peta_kab-bogor_pilkada-2024_2024-11-27[_persegi|_excel].png|csv|…``"""
    if fmt == "csv-excel":
        return meta.filename("csv", "excel")
    return meta.filename(fmt, SIZES[size][2] if fmt in IMAGE_FORMATS else "")


class Export(NamedTuple):
    data: bytes
    file_name: str
    mime: str


def export(report, name: str, fmt: str, size: str = "16x9", axis: str = "date",
           made_on: dt.date | None = None) -> Export:
    from ..report import CHARTS, INTERACTIVE, TABLES, canonical, check_chart

    name = canonical(name)
    if fmt not in MIME:
        raise PetaError.single("format", fmt, msg("one_of", options=list(MIME)))
    meta = report.meta(name)
    if fmt in DATA_FORMATS:
        if name not in TABLES:
            raise PetaError.single("table", name, msg("one_of", options=list(TABLES)))
        table = report.table(name)
        data = to_xlsx(table, meta) if fmt == "xlsx" else to_csv(table, meta, ";" if fmt == "csv-excel" else ",")
        return Export(data, file_name(meta, fmt), MIME[fmt])
    check_chart(name)
    if fmt == "html":
        if name not in INTERACTIVE:
            raise PetaError.single("format", fmt, msg("map_formats", charts=[c for c in CHARTS if c not in INTERACTIVE],
                                                          formats=list(IMAGE_FORMATS)))
        from ..html_map import Title, standalone_html
        from ..maps import leaflet_source

        m = report.folium_map(height=900)
        Title(meta.title, meta.subtitle, meta.sources_line).add_to(m)
        return Export(standalone_html(m, leaflet_source()).encode("utf-8"), meta.filename("html"), MIME["html"])
    fig = presentation(report.figure(name, axis=axis), meta, size, made_on)
    return Export(render.to_image(fig, fmt), meta.filename(fmt, SIZES[size][2]), MIME[fmt])


RISK_KINDS = ("peta", "prioritas", "temuan")  # the indicator map, and Kesiapan's two tables (issue 27)


def export_risk(risk, kind: str, fmt: str, size: str = "16x9", made_on: dt.date | None = None) -> Export:
    """A file of one indicator beside the view's commitments (:class:`dashboard.risk.Risk`):
    ``peta`` as an image (png/svg/pdf) or the rows behind it (csv/xlsx); ``prioritas`` (high risk,
    no binding ceremony) and ``temuan`` (values despite one) as tables. Each names the indicator's
    publishers as its sources, with the view's place, election and date."""
    if kind not in RISK_KINDS:
        raise PetaError.single("name", kind, msg("one_of", options=list(RISK_KINDS)))
    formats = [*IMAGE_FORMATS, *DATA_FORMATS] if kind == "peta" else list(DATA_FORMATS)
    if fmt not in formats:
        raise PetaError.single("format", fmt, msg("one_of", options=formats))
    meta = risk.meta(kind)
    if fmt in DATA_FORMATS:
        table = risk.map_table() if kind == "peta" else risk.priority[0 if kind == "prioritas" else 1]
        data = to_xlsx(table, meta) if fmt == "xlsx" else to_csv(table, meta, ";" if fmt == "csv-excel" else ",")
        return Export(data, file_name(meta, fmt), MIME[fmt])
    fig = presentation(risk.figure(), meta, size, made_on)
    return Export(render.to_image(fig, fmt), meta.filename(fmt, SIZES[size][2]), MIME[fmt])
