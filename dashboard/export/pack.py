"""The briefing pack: one PDF for a Forkopimda meeting or a report annex.

Pages (16:9, 1920×1080 px = 1440×810 pt, projector- and slide-ready):
cover with countdown and key numbers · map · readiness chart · readiness table · the units that
have not pledged yet (*Belum berikrar*, when any; issue 42) · timeline · for each stored indicator with a value in the view (issue 27): its map beside the
commitments and the priority tables · ceremonies with their sources (tables run over as many
pages as they need).
Every page is a plotly figure rendered to PDF by the one export browser, then the pages are
joined with pypdf; so the pack shows exactly the figures the dashboard shows.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from .. import fmt, markup, views
from ..i18n import t, tn
from ..style import ELECTION_LINE, OUTLINE, STATE_COLORS, TEMPLATE
from . import pdf_links, render
from .frame import presentation
from ..export_meta import ExportMeta
from ..report import PACK

WIDTH, HEIGHT = 1920, 1080
TABLE_FONT = 18
TABLE_SPACE = 790  # px of table per page under the title block and above the footer
ROW_LINE = TABLE_FONT * 1.3


def _blank() -> go.Figure:
    fig = go.Figure()
    fig.update_xaxes(visible=False, range=[0, 1])
    fig.update_yaxes(visible=False, range=[0, 1])
    fig.update_layout(template=TEMPLATE, plot_bgcolor="#ffffff", showlegend=False)
    return fig


def cover(report, meta: ExportMeta) -> go.Figure:
    s = report.summary
    lg = report.lang
    fig = _blank()
    fig.add_annotation(x=0.0, y=0.97, xanchor="left", yanchor="top", text=f"<b>{markup.text(s.countdown)}</b>",
                       showarrow=False, font={"size": 200, "color": ELECTION_LINE})
    # wrapped to the left column (the election's name is long), escaped (it comes from the calendar file)
    sentence = "<br>".join(markup.text(line) for line in textwrap.wrap(s.countdown_text, 28))
    fig.add_annotation(x=0.0, y=0.52, xanchor="left", yanchor="top", text=f"<b>{sentence}</b>", align="left",
                       showarrow=False, font={"size": 34})
    fig.add_annotation(x=0.0, y=0.33, xanchor="left", yanchor="top", showarrow=False, align="left",
                       text=t("as_of", lg) + " " + fmt.date_long(report.as_of, lg), font={"size": 26, "color": "#444444"})
    boxes = [(t("ceremonies_short", lg), str(s.n_ceremonies), "")]
    boxes.append((t("units_covered", lg, level=s.unit_level),
                  fmt.fraction(s.covered, s.total, lg, share=True), ""))
    label, value, whose, detail = views.readiness_tile(s, lg)  # Ringkasan's tile, in the same words
    # right of the value, in short lines: whose and when, what was measured, source; all data is
    # escaped, since plotly reads tags in annotation text
    lines = textwrap.wrap(textwrap.shorten(whose, 72, placeholder=" …"), 36)[:2]
    if detail:
        lines.append(textwrap.shorten(detail, 36, placeholder="…"))
    boxes.append((label, value, "<br>".join(markup.text(x) for x in lines)))
    for i, (label, value, note) in enumerate(boxes):
        y1 = 0.97 - i * 0.33
        y0 = y1 - 0.29
        fig.add_shape(type="rect", x0=0.52, x1=1.0, y0=y0, y1=y1, line={"color": OUTLINE, "width": 2},
                      fillcolor="#f3f7fb")
        fig.add_annotation(x=0.54, y=y1 - 0.03, xanchor="left", yanchor="top", text=label, showarrow=False,
                           font={"size": 26, "color": "#333333"})
        fig.add_annotation(x=0.54, y=y0 + 0.03, xanchor="left", yanchor="bottom", text=f"<b>{value}</b>",
                           showarrow=False, font={"size": 64, "color": STATE_COLORS["covered"]})
        fig.add_annotation(x=0.985, y=y0 + 0.03, xanchor="right", yanchor="bottom", text=note, showarrow=False,
                           align="right", font={"size": 19, "color": "#444444"})
    if s.own_text:  # the region's own government: did it hold its own ceremony?
        own = "<br>".join(markup.text(x) for x in textwrap.wrap(
            textwrap.shorten(s.own_text, 4 * 50, placeholder=" …"), 50))  # at most 4 lines, never cut mid-word
        fig.add_annotation(x=0.0, y=0.25, xanchor="left", yanchor="top", showarrow=False, align="left", text=own,
                           font={"size": 24, "color": STATE_COLORS["covered"] if s.own_state == "commitment"
                                 else "#444444"})
    if s.undated_ids:
        fig.add_annotation(x=0.0, y=0.02, xanchor="left", yanchor="bottom", showarrow=False, align="left",
                           text=markup.text(tn("undated_note", lg, len(s.undated_ids), ids="; ".join(
                               views.ceremony_names(report.records, s.undated_ids, lg).values()))),
                           font={"size": 20, "color": "#444444"})
    return fig


def _lines(text: str, width_px: float) -> int:
    per_line = max(8, int(width_px / (TABLE_FONT * 0.55)))
    # a quote takes one character's room (markup.plain_quotes), so rows are as tall as before
    return sum(max(1, math.ceil(len(part) / per_line)) for part in markup.plain_quotes(str(text)).split("<br>"))


def _cell(value, lang: str) -> str:
    """A table cell as plotly shows it: text from the data escaped (plotly reads <a href>, <b>…)."""
    if isinstance(value, pdf_links.Lines):
        return "<br>".join(markup.text(v) for v in value) or "–"
    if isinstance(value, (list, tuple, set)):
        return markup.text("; ".join(map(str, value))) or "–"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return fmt.number(value, lang)
    return markup.text(value) or "–"


# A table of a province's thousands of ceremonies is not read on paper: a section prints at most
# this many pages, then says how many rows are left and where they all are (the table's download).
TABLE_PAGES = 3


# The most rows a page can hold (every row at least one line high): a section of ``max_pages``
# writes out and measures at most that many pages' rows and one more; the rows past them are only
# counted (issue 39: the national pack wrote and measured all 25,000 ceremonies to print dozens).
ROWS_PER_PAGE = int(TABLE_SPACE // (ROW_LINE + 10))
PRINTABLE_ROWS = TABLE_PAGES * ROWS_PER_PAGE + 1


def table_pages(df: pd.DataFrame, widths: list[float], lang: str = "id",
                max_pages: int | None = TABLE_PAGES, total: int | None = None) -> list[go.Figure]:
    """``df`` as plotly tables, split over pages so no row is cut; ``widths`` are relative. Past
    ``max_pages`` the last page ends with a row saying how many rows are not printed. ``total``:
    how many rows the whole table has when ``df`` holds only its first ones (at least
    :data:`PRINTABLE_ROWS` of them); the rows past those are only counted."""
    usable = WIDTH - 80
    px = [usable * w / sum(widths) for w in widths]
    total = len(df) if total is None else total
    if max_pages:
        df = df.iloc[:max_pages * ROWS_PER_PAGE + 1]
    df = pd.DataFrame({c: [_cell(v, lang) for v in df[c]] for c in df.columns})
    heights = [max(_lines(v, w) for v, w in zip(row, px)) * ROW_LINE + 10 for row in df.itertuples(index=False)]
    header = max(_lines(c, w) for c, w in zip(df.columns, px)) * ROW_LINE + 14
    pages, start, used = [], 0, header
    for i, h in enumerate(heights):
        if used + h > TABLE_SPACE and i > start:
            pages.append((start, i))
            start, used = i, header
        used += h
    pages.append((start, len(df)))
    parts = [df.iloc[a:b] for a, b in pages]
    if max_pages and len(pages) > max_pages:
        a, b = pages[max_pages - 1]
        widest = max(range(len(px)), key=px.__getitem__)

        def note(left: int) -> dict:
            text = markup.text(tn("pack_rows_left", lang, left))
            return {c: (text if i == widest else "…" if i == 0 else "") for i, c in enumerate(df.columns)}

        # drop rows from the end of the last page until the note fits under them
        while b > a + 1 and header + sum(heights[a:b]) + _lines(note(total - b)[df.columns[widest]], px[widest]) \
                * ROW_LINE + 10 > TABLE_SPACE:
            b -= 1
        parts = parts[:max_pages - 1] + [pd.concat([df.iloc[a:b], pd.DataFrame([note(total - b)])],
                                                  ignore_index=True)]
    figs = []
    for part in parts:
        fig = go.Figure(go.Table(
            columnwidth=widths,
            header={"values": [f"<b>{c}</b>" for c in df.columns], "fill_color": STATE_COLORS["covered"],
                    "font": {"color": "#ffffff", "size": TABLE_FONT}, "align": "left", "height": ROW_LINE + 14},
            cells={"values": [part[c] for c in part.columns], "align": "left", "height": ROW_LINE + 10,
                   "font": {"size": TABLE_FONT, "color": "#111111"},
                   "fill_color": [["#ffffff", "#f0f4f8"] * (len(part) // 2 + 1)],
                   "line_color": "#cccccc"}))
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        figs.append(fig)
    return figs


def _section(figs: list[go.Figure], meta: ExportMeta, made_on) -> list[go.Figure]:
    """Framed table pages; pages after the first say they continue."""
    more = f" ({t('continued', meta.lang)})"
    return [presentation(fig, replace(meta, title=meta.title + (more if i else "")), made_on=made_on, owned=True)
            for i, fig in enumerate(figs)]


RISK_WIDTHS = [0.9, 2.2, 2.2, 1.0, 1.1, 3.0]  # code, unit, state, value, value date, source


def risk_pages(risk, made_on: dt.date | None = None) -> list[go.Figure]:
    """An indicator beside the commitments (:class:`dashboard.risk.Risk`): its map, then the units no
    binding ceremony reaches by value, then those with a value above zero despite one (when any)."""
    lg = risk.report.lang
    out = [presentation(risk.figure(), risk.meta("peta"), made_on=made_on)]
    for kind, table in zip(("prioritas", "temuan"), risk.priority):
        if kind == "prioritas" or len(table):
            out += _section(table_pages(table, RISK_WIDTHS, lg), risk.meta(kind), made_on)
    return out


def pages(report, made_on: dt.date | None = None, risks=(), links: dict[int, str] | None = None) -> list[go.Figure]:
    """The pack's pages (module docstring); ``risks``: the indicators shown beside the commitments,
    each after the timeline (:func:`risk_pages`). The ceremonies' articles are numbered labels
    (:mod:`.pdf_links`); ``links``, when given, receives each label's number and address."""
    lg = report.lang
    out: list[go.Figure] = []
    pack_meta = report.meta(PACK)
    # every figure below is made for its page alone: framed as it is, not copied (frame.presentation)
    out.append(presentation(cover(report, pack_meta), pack_meta, made_on=made_on, owned=True))
    out.append(presentation(report.figure("peta"), report.meta("peta"), made_on=made_on, owned=True))
    out.append(presentation(report.figure("komitmen"), report.meta("komitmen"), made_on=made_on, owned=True))
    table = report.table("komitmen")
    keep = [t("code", lg), t("unit", lg), t("state", lg), t("share_pct", lg), t("commitment_pct", lg) + " (%)",
            t("reported_pct", lg) + " (%)", t("reported_on", lg), t("ceremony_ids", lg)]
    out += _section(table_pages(table[keep], [0.9, 2.0, 2.2, 1.1, 1.1, 1.1, 1.1, 2.3], lg), report.meta("komitmen"),
                    made_on)
    # who has not pledged yet (issue 42 §1), when anyone has not: the list a sekda follows up
    waiting = report.table("belum")
    if len(waiting):
        keep = [t(k, lg) for k in ("code", "unit", "state", "led_by", "days_to_vote", "latest_briefing")]
        out += _section(table_pages(waiting[keep], [0.9, 2.0, 1.8, 2.2, 1.0, 1.2], lg), report.meta("belum"),
                        made_on)
    out.append(presentation(report.figure("linimasa", axis="h"), report.meta("linimasa"), made_on=made_on, owned=True))
    for risk in risks:
        out += risk_pages(risk, made_on)
    # the rows the section can print, the newest first as in the table's file; the rest counted
    ids = report.ceremony_ids("upacara")
    cer = views.ceremony_rows(report.records, views.newest_ids(report.records, ids, PRINTABLE_ROWS), lg, file=True)
    cer[t("link", lg)], numbered = pdf_links.numbered(cer[t("link", lg)])
    if links is not None:
        links.update(numbered)
    out += _section(table_pages(cer, [2.3, 1.0, 0.7, 1.5, 1.4, 1.9, 3.1, 2.1], lg,
                                total=int(report.records.ceremonies["id"].isin(ids).sum())),
                    report.meta("upacara"), made_on)
    n = len(out)
    for i, fig in enumerate(out, start=1):
        fig.add_annotation(text=t("page_label", lg, i=i, n=n), xref="paper", yref="paper", x=1, y=1,
                           xanchor="right", yanchor="bottom", yshift=100, showarrow=False,
                           font={"size": 18, "color": "#555555"})
    return out


def briefing_pack(report, made_on: dt.date | None = None, risks=()) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer, links = PdfWriter(), {}
    for i, fig in enumerate(pages(report, made_on, risks, links)):
        writer.append(PdfReader(io.BytesIO(render.to_image(fig, "pdf", WIDTH, HEIGHT))))
        if pdf_links.holds_labels(fig, links):
            pdf_links.add_links(writer, i, links)
    meta = report.meta(PACK)
    writer.add_metadata({"/Title": f"{meta.title} — {meta.subtitle}", "/Creator": "Peta Netralitas ASN",
                         "/Subject": meta.sources_line})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
