"""Exports (issue 5 §2–4): every file is opened and read back, on the seed records and the
mirrored boundaries, rendered by the system Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard import context
from dashboard.errors import PetaError
from dashboard.export import render
from dashboard.export.files import export
from dashboard.export.frame import presentation
from dashboard.export.pack import briefing_pack, pages
from dashboard.io.workbooks import HEADER_ROW, csv_skiprows, neutralise
from dashboard.report import Report
from dashboard.style import STATE_COLORS

from .conftest import DATA, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module", autouse=True)
def needs_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required (bash scripts/install.sh installs it)")


@pytest.fixture(scope="module")
def bogor(records, gaz, geo_cfg):
    return Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_file_names_and_sources_line_say_what_the_file_is(bogor):
    meta = bogor.meta("kesiapan")
    assert meta.filename("png") == "komitmen_kab-bogor_pilkada-2024_2024-11-27.png"
    assert meta.filename("png", "persegi") == "komitmen_kab-bogor_pilkada-2024_2024-11-27_persegi.png"
    assert meta.subtitle == "Kabupaten Bogor, Jawa Barat · Pilkada Serentak 2024 · Per tanggal Rabu, 27 November 2024"
    # the outlets of the two Bogor ceremonies (Cibinong: two reports; Rancabungur: one)
    assert meta.outlets == tuple(dict.fromkeys(bogor.records.sources.loc[
        bogor.records.sources["ceremony_id"].isin(["cibinong-2024-11-12", "rancabungur-2023-11-10"]), "outlet"]))
    assert meta.sources_line.startswith("Sumber: ") and "NewsBogor" in meta.sources_line


@pytest.mark.slow
def test_png_16x9_and_square(bogor):
    big = export(bogor, "kesiapan", "png")
    assert big.file_name.endswith("_2024-11-27.png") and png_size(big.data) == (1920, 1080)
    square = export(bogor, "peta", "png", size="square")
    assert square.file_name == "peta_kab-bogor_pilkada-2024_2024-11-27_persegi.png"
    assert png_size(square.data) == (1080, 1080)


@pytest.mark.slow
def test_svg_parses_and_carries_title_and_sources(bogor):
    svg = export(bogor, "linimasa", "svg").data
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "1920"
    text = " ".join(t for t in root.itertext())
    assert "Unit terjangkau menjelang hari pemungutan suara" in text
    assert "Kabupaten Bogor, Jawa Barat" in text and "NewsBogor" in text and "Pilkada Serentak 2024" in text


@pytest.mark.slow
def test_chart_pdf_is_one_slide_sized_page(bogor):
    pdf = PdfReader(io.BytesIO(export(bogor, "kategori", "pdf").data))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (1440.0, 810.0)  # 1920×1080 px at 96 dpi
    assert "Kategori komitmen per wilayah" in pdf.pages[0].extract_text()


def test_map_figure_matches_interactive_map(bogor):
    fig = bogor.figure("peta")
    fills = [tr for tr in fig.data if tr.fill == "toself"]
    covered = next(tr for tr in fills if tr.fillcolor == STATE_COLORS["covered"])
    # two covered kecamatan (Cibinong, Rancabungur): each ring ends with a None separator
    assert sum(1 for x in covered.x if x is None) >= 2
    legend = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    # each state with its count: the binding three add up to the headline "Kecamatan terjangkau 2 / 40"
    assert legend == ["Ikrar sendiri (2)", "Tingkat pimpinan saja (0)", "Lewat ikrar seluruh ASN Pemda (0)",
                      "Sosialisasi saja (0)", "Belum ada upacara (38)"]
    # as exported, every kecamatan is named on the map, or numbered and named in the key beside it
    shown = presentation(fig, bogor.meta("peta"), "16x9")
    labels = [a.text for a in shown.layout.annotations if a.name == "unit-label"]
    assert len(labels) == 40 and "Cibinong" in labels
    _key_says(shown)  # each number is explained in the key


def _key_says(fig) -> tuple[set, set, set, str]:
    """(names written, numbered names, unlabelled names, the key's text) of a placed map."""
    from dashboard.map_labels import KEY_META

    marks = [a for a in fig.layout.annotations if a.name == "unit-label"]
    said = fig.layout.meta.get(KEY_META) or {"numbered": [], "unlabelled": []}
    text = " ".join(a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "unit-label-key")
    assert {a.text for a in marks if a.text.isdigit()} == {n for n, _ in said["numbered"]}  # each number explained
    for number, name in said["numbered"]:
        assert f"{number} {name[:8]}" in text, (number, name, text)
    counted = f"Tanpa label: {len(said['unlabelled'])} wilayah lain"
    if counted not in text:  # listed by name, or (too many to read) counted in one line
        for name in said["unlabelled"]:
            assert name in text, (name, text)
    return ({a.text for a in marks if not a.text.isdigit()}, {n for _, n in said["numbered"]}, set(said["unlabelled"]),
            text)


def test_crowded_map_names_every_unit_somewhere(records, gaz, geo_cfg):
    """On the three-province map (Jakarta's small cities beside Jawa Barat's regencies) every unit
    is named on the map, numbered (on it or led to it by a line) and named in the key, or named in
    the key's "Tanpa label" list: none is left out silently, as exported and on the briefing screen
    (issue 13 §2)."""
    from dashboard.export.frame import screen
    from dashboard.map_labels import LABELS_META

    national = Report(records, gaz, "pilkada-2024", None, dt.date(2024, 11, 27))
    fig = national.figure("peta")
    wanted = {n[2] for n in fig.layout.meta[LABELS_META]}
    for shown in (presentation(fig, national.meta("peta"), "square"), screen(fig, height=640)):
        named, numbered, unlabelled, text = _key_says(shown)
        assert named | numbered | unlabelled == wanted and not (named & numbered)
        assert not unlabelled or "Tanpa label:" in text
        assert min(a.font.size for a in shown.layout.annotations if a.name == "unit-label-key") >= 0.75 * 21 - 1e-6
    marks = [a for a in shown.layout.annotations if a.name == "unit-label"]
    assert any(a.showarrow for a in marks) and all(a.arrowhead == 0 for a in marks if a.showarrow)


def test_static_map_names_units_with_something_to_show_first_and_keeps_its_key_off_the_units(bogor):
    """Issue 24 §2: on Kab. Bogor's map the two kecamatan that held a ceremony are named (not
    numbered) on the briefing screen at 1366×768, where most grey ones cannot be; the colour key
    stands beside the map on a wide drawing and under it on a square one, never over a unit."""
    from dashboard.export.frame import screen

    fig = bogor.figure("peta")
    for shown in (screen(fig, height=438, width=1302), presentation(fig, bogor.meta("peta"), "16x9"),
                  presentation(fig, bogor.meta("peta"), "square")):
        named, numbered, unlabelled, _ = _key_says(shown)
        assert {"Cibinong", "Rancabungur"} <= named, (named, numbered)
        legend = shown.layout.legend
        beside, under = legend.x > 1 and legend.xanchor == "left", legend.yanchor == "top" and \
            (legend.yref == "container" and legend.y * shown.layout.height <= shown.layout.margin.b)
        assert beside or under, legend
        assert beside == ((shown.layout.width or 1302) > 1.25 * shown.layout.height), legend  # wide: beside
    crowded = screen(fig, height=438, width=1302)
    _, numbered, unlabelled, _ = _key_says(crowded)
    assert unlabelled and len(numbered) + len(unlabelled) + 2 <= 40  # the grey ones give way


def test_slide_text_is_at_least_18_px_and_bars_stay_legible(bogor):
    """Issue 24 §4: on a 1920×1080 slide (and the square one) every text is ≥ 18 px: Kab. Bogor's
    40 kecamatan do not fit as readable bars, so the slide shows the ones first in the table's order
    (the two that held a ceremony on top) and names the rest in one line."""
    from dashboard.export.frame import MIN_TEXT

    def sizes(fig):
        lay = fig.layout
        got = [a.font.size for a in lay.annotations if a.text]
        got += [lay.legend.font.size, lay.xaxis.tickfont.size, lay.yaxis.tickfont.size, lay.title.font.size]
        got += [tr.textfont.size for tr in fig.data if getattr(tr, "textfont", None) is not None
                and (getattr(tr, "texttemplate", None) or "text" in (getattr(tr, "mode", None) or ""))]
        return [g for g in got if g is not None]

    for name in ("kesiapan", "kategori", "peta", "linimasa"):
        for size in ("16x9", "square"):
            fig = presentation(bogor.figure(name), bogor.meta(name), size, made_on=dt.date(2026, 1, 2))
            assert min(sizes(fig)) >= MIN_TEXT, (name, size, sorted(sizes(fig))[:5])
    bars = presentation(bogor.figure("kesiapan"), bogor.meta("kesiapan"), "16x9")
    rows = list(bars.layout.yaxis.categoryarray)
    assert 10 <= len(rows) < 40 and rows[-2:] == ["Kec. Rancabungur", "Kec. Cibinong"], rows[-3:]
    footer = bars.layout.annotations[-1].text
    assert f"Tidak ditampilkan di gambar ini: {40 - len(rows)} wilayah lain" in footer, footer


def test_data_files_have_iso_dates_and_region_codes(bogor, records):
    """Issue 24 §4: the Data page's CSV and XLSX date each ceremony YYYY-MM-DD (an Excel date in
    XLSX) and give the region's Kemendagri code beside its name, so they join other tables."""
    import openpyxl

    from dashboard import views
    from dashboard.io.workbooks import HEADER_ROW, csv_skiprows, to_csv, to_xlsx

    shown = views.filter_ceremonies(records, "pilkada-2024", "32.01", [], "", "id")
    rows = views.ceremony_rows(records, list(shown["id"]), "id", file=True)
    meta = bogor.meta("upacara")
    got = pd.read_csv(io.BytesIO(to_csv(rows, meta)), skiprows=csv_skiprows(meta), dtype=str)
    cib = got[got["ID upacara"] == "cibinong-2024-11-12"].iloc[0]  # headed as every file heads it (issue 37)
    assert (cib["Tanggal"], cib["Kode"], cib["Wilayah"]) == ("2024-11-12", "32.01.01", "Kec. Cibinong"), cib
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(rows, meta))).active
    heads = [c.value for c in ws[HEADER_ROW]]
    day = ws.cell(row=HEADER_ROW + 1, column=heads.index("Tanggal") + 1).value
    assert isinstance(day, dt.datetime) and heads.index("Kode") == heads.index("Wilayah") - 1


def test_presentation_frame(bogor):
    fig = presentation(bogor.figure("kesiapan"), bogor.meta("kesiapan"), "square", made_on=dt.date(2026, 1, 2))
    assert (fig.layout.width, fig.layout.height) == (1080, 1080)
    footer = fig.layout.annotations[-1].text
    assert "Sumber: " in footer and "Dibuat 2 Jan 2026" in footer
    with pytest.raises(PetaError, match="16x9"):
        presentation(bogor.figure("kesiapan"), bogor.meta("kesiapan"), "4x3")


def test_csv_has_heading_indonesian_headers_and_traceable_rows(bogor):
    out = export(bogor, "peta", "csv")
    assert out.file_name == "peta_kab-bogor_pilkada-2024_2024-11-27.csv"
    text = out.data.decode("utf-8-sig")
    assert text.startswith("# Judul: Peta ikrar netralitas ASN: unit terjangkau\n")
    assert "# Per tanggal: 2024-11-27" in text and "# Wilayah: Kabupaten Bogor, Jawa Barat" in text
    table = pd.read_csv(io.StringIO(text), skiprows=csv_skiprows(bogor.meta("peta")), dtype=str)
    assert list(table.columns[:3]) == ["Kode", "Wilayah", "Status"] and len(table) == 40
    cib = table.set_index("Kode").loc["32.01.01"]
    assert cib["Status"] == "Ikrar sendiri" and cib["ID upacara"] == "cibinong-2024-11-12"
    assert "NewsBogor" in cib["Sumber"]


def test_csv_for_excel_in_indonesian_settings(bogor):
    """Issue 13 §5: the semicolon dialect (decimal commas, CRLF) reads back as the same table."""
    comma, excel = export(bogor, "kesiapan", "csv"), export(bogor, "kesiapan", "csv-excel")
    assert excel.file_name == "komitmen_kab-bogor_pilkada-2024_2024-11-27_excel.csv"
    text = excel.data.decode("utf-8-sig")
    assert "\r\n" in text and text.splitlines()[csv_skiprows(bogor.meta("kesiapan"))].startswith("Kode;Wilayah;Status;")
    skip = csv_skiprows(bogor.meta("kesiapan"))
    a = pd.read_csv(io.BytesIO(comma.data), skiprows=skip, encoding="utf-8-sig")
    b = pd.read_csv(io.BytesIO(excel.data), skiprows=skip, encoding="utf-8-sig", sep=";", decimal=",")
    pd.testing.assert_frame_equal(a, b)
    cib = b.set_index("Kode").loc["32.01.01"]
    assert cib["Kategori komitmen (%)"] == 63.6 and ";63,6;" in text


def test_xlsx_dates_are_dates(bogor):
    wb = load_workbook(io.BytesIO(export(bogor, "linimasa", "xlsx").data))
    ws = wb["Data"]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index("Tanggal")
    cells = [row[col] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert cells and all(isinstance(c.value, dt.datetime) and c.number_format == "yyyy-mm-dd" for c in cells)


def test_xlsx_rows_headers_and_no_formula_cells(bogor):
    wb = load_workbook(io.BytesIO(export(bogor, "kesiapan", "xlsx").data))
    ws = wb["Data"]
    assert ws["A1"].value == "Kategori komitmen yang disebut, per wilayah"
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers[:5] == ["Kode", "Wilayah", "Status", "Bagian terjangkau (%)", "Kategori komitmen (%)"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 40
    first = dict(zip(headers, rows[0]))
    assert first["Wilayah"] == "Kec. Cibinong" and first["Kesiapan dilaporkan (%)"] == 90
    assert all(c.data_type != "f" for sheet in wb for row in sheet.iter_rows() for c in row)
    info = dict(wb["Keterangan"].iter_rows(values_only=True))
    assert info["Pemilihan"] == "Pilkada Serentak 2024" and info["Per tanggal"] == "2024-11-27"


def test_cells_that_look_like_formulas_are_neutralised(tmp_path, gaz):
    """A record whose leader and source title begin with =, +, - or @ reaches the CSV and the
    XLSX as text: no spreadsheet would run it."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "ceremonies" / "rancabungur-2023-11-10.yaml"
    text = path.read_text(encoding="utf-8")
    leader = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    text = text.replace(leader, leader.split("name:")[0] + "name: \"=HYPERLINK(\\\"http://x\\\",\\\"klik\\\")\"", 1)
    path.write_text(text, encoding="utf-8")
    rec = context.records(gaz, data)
    report = Report(rec, gaz, "pemilu-2024", "32.01", dt.date(2024, 2, 14))
    csv_text = export(report, "upacara", "csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text)))
    leaders = [r for r in rows if any("HYPERLINK" in c for c in r)]
    assert leaders and all(not c.startswith(("=", "+", "-", "@")) for r in leaders for c in r)
    assert any(c.startswith("'=HYPERLINK") for r in leaders for c in r)
    wb = load_workbook(io.BytesIO(export(report, "upacara", "xlsx").data))
    cells = [c for row in wb["Data"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert any(isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in cells)
    assert neutralise("-1") == "'-1" and neutralise(-1) == -1 and neutralise("@x") == "'@x"


@pytest.mark.slow
def test_map_html_opens_offline_in_chromium(bogor, tmp_path):
    out = export(bogor, "peta", "html")
    assert out.file_name == "peta_kab-bogor_pilkada-2024_2024-11-27.html"
    html = out.data.decode("utf-8")
    assert "/app/static" not in html and "<script src=\"http" not in html
    path = tmp_path / out.file_name
    path.write_bytes(out.data)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context()
        asked: list[str] = []

        def offline(route):
            if route.request.url.startswith("file://"):
                return route.continue_()
            asked.append(route.request.url)
            return route.abort()

        ctx.route("**/*", offline)
        page = ctx.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
        fills = [e.get_attribute("fill") for e in page.query_selector_all("path.leaflet-interactive")]
        title = page.inner_text(".peta-title")
        # issue 13 §2: a light background (never Leaflet's grey, on which "Belum ada upacara" vanishes),
        # a metric scale only, and no unit under the title box or the key
        background = page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor")
        scales = [e.inner_text() for e in page.query_selector_all(".leaflet-control-scale-line") if e.is_visible()]
        boxes = page.evaluate("""() => { const r = e => e.getBoundingClientRect();
            let u = [1e9, 1e9, -1e9, -1e9];
            document.querySelectorAll('path.leaflet-interactive').forEach(p => { const b = r(p);
                u = [Math.min(u[0], b.left), Math.min(u[1], b.top), Math.max(u[2], b.right), Math.max(u[3], b.bottom)]; });
            const t = r(document.querySelector('.peta-title')), l = r(document.querySelector('.peta-legend'));
            return {units: u, title: [t.left, t.top, t.right, t.bottom], legend: [l.left, l.top, l.right, l.bottom]}; }""")
        browser.close()
    assert len(fills) == 40 and fills.count(STATE_COLORS["covered"]) == 2
    assert "Peta ikrar netralitas ASN: unit terjangkau" in title and "NewsBogor" in title
    assert background == "rgb(247, 247, 242)" and len(scales) == 1 and scales[0].endswith("km")
    units, box, key = boxes["units"], boxes["title"], boxes["legend"]
    assert units[1] >= box[3] or units[2] <= box[0]  # below the title box, or left of it
    assert units[0] >= key[2] or units[3] <= key[1]  # right of the key, or above it
    assert asked == []


@pytest.mark.slow
def test_briefing_pack_pages(records, gaz, geo_cfg, tmp_path):
    report = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 12))
    expected = pages(report)
    pdf_bytes = briefing_pack(report)
    pdf = PdfReader(io.BytesIO(pdf_bytes))
    assert len(pdf.pages) == len(expected) >= 6
    texts = [p.extract_text() for p in pdf.pages]
    assert "H-15" in texts[0] and "Bahan pengarahan netralitas ASN" in texts[0] and "2 / 40" in texts[0]
    assert "90 %" in texts[0] and f"Halaman 1 dari {len(expected)}" in texts[0]
    assert "Peta ikrar netralitas ASN: unit terjangkau" in texts[1]
    assert any("Unit terjangkau menjelang" in t for t in texts)
    last = texts[-1]
    assert "Daftar upacara komitmen" in last and "cibinong-2024-11-12" in last and "Kobra Post" in last
    # every kecamatan of Kab. Bogor appears in the readiness table pages
    table_text = " ".join(t for t in texts if "Kategori komitmen yang disebut, per wilayah" in t)
    assert all(row.label in table_text for row in report.readiness.itertuples())
    # renders: the first page as an image, as a viewer would show it
    (tmp_path / "pack.pdf").write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "48", "-png", str(tmp_path / "pack.pdf"),
                    str(tmp_path / "p")], check=True, timeout=60)
    first = next(tmp_path.glob("p-*1.png")).read_bytes()
    assert png_size(first) == (960, 540)


def test_unknown_browser_is_named():
    import os

    os.environ["PETA_BROWSER"] = "/nowhere/chromium"
    try:
        with pytest.raises(PetaError, match="PETA_BROWSER"):
            render.browser_path()
    finally:
        del os.environ["PETA_BROWSER"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=180)


@pytest.mark.slow
def test_cli_export_chart_and_briefing(tmp_path):
    out = run("chart", "--name", "kesiapan", "--format", "png", "--election", "pilkada-2024", "--region", "32.01",
              "--as-of", "2024-11-27", "--out", str(tmp_path / "k.png"))
    assert out.returncode == 0, out.stderr
    assert png_size((tmp_path / "k.png").read_bytes()) == (1920, 1080)
    out = run("chart", "--name", "peta", "--format", "svg", "--election", "pemilu-2024", "--region", "Kab. Lebak",
              "--out", str(tmp_path / "m.svg"))
    assert out.returncode == 0, out.stderr
    assert "Kabupaten Lebak" in " ".join(ET.parse(tmp_path / "m.svg").getroot().itertext())
    out = run("briefing", "--election", "pilkada-2024", "--region", "32.01", "--as-of", "2024-11-12",
              "--out", str(tmp_path / "b.pdf"))
    assert out.returncode == 0, out.stderr
    assert "H-15" in PdfReader(tmp_path / "b.pdf").pages[0].extract_text()


def test_cli_export_refuses_unknown_chart_region_election(tmp_path):
    common = ["--out", str(tmp_path / "x.png")]
    out = run("chart", "--name", "pie", "--election", "pilkada-2024", "--region", "32.01", *common)
    assert out.returncode == 2 and "'pie'" in out.stderr and "komitmen" in out.stderr and "linimasa" in out.stderr
    out = run("chart", "--name", "peta", "--election", "pilkada-2030", "--region", "32.01", *common)
    assert out.returncode == 2 and "pilkada-2030" in out.stderr and "pemilu-2024" in out.stderr
    out = run("briefing", "--election", "pilkada-2024", "--region", "99.99", "--out", str(tmp_path / "b.pdf"))
    assert out.returncode == 2 and "99.99" in out.stderr
    out = run("chart", "--name", "kesiapan", "--format", "gif", "--election", "pilkada-2024", "--region", "32.01",
              *common)
    assert out.returncode == 2 and "gif" in out.stderr and "png" in out.stderr
    assert not list(tmp_path.iterdir())  # nothing written, not even half a file


def test_markup_from_data_stays_text_in_charts_pack_and_frames(tmp_path, gaz):
    """Issue 11 §1: plotly reads tags such as <a href> and <b> in any text, so a leader, outlet or
    measure written as markup reaches every figure escaped: as characters, never as a link."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    path = data / "ceremonies" / "cibinong-2024-11-12.tb.yaml"
    text = path.read_text(encoding="utf-8")
    payload = '<a href="https://evil.example/x">klik</a><img src=x onerror=alert(1)>'
    text = text.replace("outlet: ", f"outlet: '{payload} ' # ", 1)
    leader = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    text = text.replace(leader, leader.split("name:")[0] + f"name: '{payload}'", 1)
    path.write_text(text, encoding="utf-8")
    rec = context.records(gaz, data)
    report = Report(rec, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27))
    figures = [presentation(report.figure(n), report.meta(n)) for n in ("linimasa", "kesiapan", "peta")]
    figures += pages(report)
    dumped = " ".join(f.to_json() for f in figures)
    assert "evil.example" in dumped  # the text is there…
    assert "<a href" not in dumped and "<img" not in dumped  # …but never as markup
    assert "&lt;a href" in dumped


def test_pack_cover_and_briefing_say_whether_the_pemda_pledged(gaz):
    from dashboard import context as ctx

    rec = ctx.records(gaz, DATA)
    report = Report(rec, gaz, "pemilu-2024", "36.02", dt.date(2024, 2, 14))  # Kab. Lebak: its own pakta
    cover = pages(report)[0]
    texts = " ".join(a.text for a in cover.layout.annotations)
    assert report.summary.own_state == "commitment"
    assert "Pemda" in report.summary.own_text and report.summary.own_text.split(":")[0] in texts


HOSTILE_TEXT = {
    "venue": "+1+1",
    "leader": "=HYPERLINK(\"http://x.test\",\"klik\")",
    "outlet": "Radar Uji,\n=HYPERLINK(\"http://x.test\")\r\n@SUM(A1)",
    "title": "-2+3\u2028=1+1",
    "notes": "@catatan\t=cmd|' /C calc'!A0",
}


def _runnable_csv_cells(content: bytes) -> list[str]:
    """Cells a spreadsheet would evaluate, read the way Excel does (comma and semicolon both
    tried), and lines that start a formula outside any cell."""
    text = content.decode("utf-8-sig")
    bad = [line for line in text.splitlines() if line.startswith(DANGER)]
    for delimiter in (",", ";"):
        bad += [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row if c.startswith(DANGER)]
    return bad


def _runnable_xlsx_cells(content: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(content))
    return [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith(DANGER))]


DANGER = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_or_xlsx_the_app_writes_has_a_cell_a_spreadsheet_would_run(tmp_path, gaz, monkeypatch):
    """Issue 11 §6: every table export (each chart's data, the ceremonies list, national and
    kabupaten views, CSV and XLSX), the Data page's filtered files, the history, the rejected
    import rows, the templates and the CLI's draft sheet, with formula-like text and line
    breaks in every text field of a record: no cell a spreadsheet would run, and each CSV
    heading stays one line (the documented skiprows layout)."""
    import yaml

    from dashboard.io.workbooks import one_line, plain_csv, to_csv, to_xlsx
    from dashboard.report import TABLES
    from dashboard.forms import sheet
    from dashboard.store import importer
    from dashboard.store.editing import User
    from dashboard.forms.sheet import report_to_row, rows_xlsx
    from dashboard.views import filter_ceremonies, history_rows

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    path = data / "ceremonies" / "rancabungur-2023-11-10.yaml"
    rec = yaml.safe_load(path.read_text(encoding="utf-8"))
    rec["venue"], rec["notes"] = HOSTILE_TEXT["venue"], HOSTILE_TEXT["notes"]
    rec["leader"] = {"name": HOSTILE_TEXT["leader"], "role": HOSTILE_TEXT["venue"]}
    rec["sources"][0].update(outlet=HOSTILE_TEXT["outlet"], title=HOSTILE_TEXT["title"])
    path.write_text(yaml.safe_dump(rec, allow_unicode=True), encoding="utf-8")
    records = context.records(gaz, data)
    files: dict[str, bytes] = {}
    for region in ("32.01", None):
        report = Report(records, gaz, "pemilu-2024", region, dt.date(2024, 2, 14), compare="pilkada-2024")
        for name in TABLES:
            for fmt in ("csv", "csv-excel", "xlsx"):
                files[f"{name}-{region}-{fmt}." + ("xlsx" if fmt == "xlsx" else "csv")] = export(report, name, fmt).data
        table = filter_ceremonies(records, "pemilu-2024", region, [], "", "id")
        files[f"data-{region}.csv"] = to_csv(table, report.meta("upacara"))
        files[f"data-{region}.xlsx"] = to_xlsx(table, report.meta("upacara"))
        assert "HYPERLINK" in files[f"data-{region}.csv"].decode("utf-8-sig")  # the text is there, as text
    store = context.store(data)
    files["riwayat.csv"] = plain_csv(history_rows(store.history(), "id"))
    upload = ("\ufeff" + ",".join(sheet.COLUMNS) + "\n" + ",".join(
        f'"{HOSTILE_TEXT["leader"]}"' if c in ("pemimpin_nama", "tempat") else ("32.01.99" if c == "kode_wilayah" else "")
        for c in sheet.COLUMNS) + "\n").encode("utf-8")
    checked = importer.check(store, gaz, context.read_calendar(data), "tolak.csv", upload, User("admin"))
    assert checked.problems
    files["tolak.csv"] = plain_csv(importer.rejected_rows("tolak.csv", upload, checked))
    files["templat.csv"], files["templat.xlsx"] = sheet.template_csv(), sheet.template_xlsx()
    files["templat-excel.csv"] = sheet.template_csv(delimiter=";")
    files["draf.xlsx"] = rows_xlsx([report_to_row(rec)], [HOSTILE_TEXT["notes"]])

    for name, content in files.items():
        runnable = _runnable_csv_cells(content) if name.endswith(".csv") else _runnable_xlsx_cells(content)
        assert runnable == [], (name, runnable[:5])
    # the CSV heading: one line per fact, then the blank line, then the header (skiprows holds)
    text = files["upacara-32.01-csv.csv"].decode("utf-8-sig")
    report = Report(records, gaz, "pemilu-2024", "32.01", dt.date(2024, 2, 14))
    skip = csv_skiprows(report.meta("upacara"))
    table = pd.read_csv(io.StringIO(text), skiprows=skip, dtype=str)
    assert "rancabungur-2023-11-10" in set(table["ID upacara"])
    heading = list(csv.reader(io.StringIO(text)))[:skip - 1]
    assert all(len(row) == 1 and row[0].startswith("# ") for row in heading)
    assert any(one_line(HOSTILE_TEXT["outlet"]) in row[0] for row in heading) and text.splitlines()[skip - 1] == ""


def test_a_long_table_prints_a_few_pages_and_says_how_many_rows_are_left(records):
    """Issue 26: a province's pack listed every ceremony (89 pages for Jawa Timur, 38 s). A table
    section prints at most ``TABLE_PAGES`` pages; the last ends with a row naming how many rows are
    not printed and where they all are; every row shown is a row of the table, in order."""
    from dashboard.export import pack

    table = pd.DataFrame({"Kode": [f"35.{i:02d}.{j:02d}" for i in range(1, 11) for j in range(1, 41)],
                          "Upacara": [f"Apel netralitas ke-{k} <b>tebal</b>" for k in range(400)],
                          "Sumber": ["Warta Uji — Apel di kecamatan, dihadiri Forkopimcam"] * 400})
    figs = pack.table_pages(table, [1.0, 2.0, 3.0], "id")
    assert len(figs) == pack.TABLE_PAGES
    shown = [list(f.data[0].cells.values[0]) for f in figs]
    rows = [code for page in shown for code in page]
    assert rows[-1] == "…"
    printed = rows[:-1]
    assert printed == list(table["Kode"][:len(printed)])  # the first rows, in the table's order
    last_note = figs[-1].data[0].cells.values[2][-1]
    left = len(table) - len(printed)
    assert f"dan {left} baris lain tidak dicetak" in last_note and "CSV/XLSX" in last_note
    assert "&lt;b&gt;" in figs[0].data[0].cells.values[1][0]  # data text stays text
    # the first rows only, with the whole table's count: the same pages (issue 39: the rows past
    # what can print are counted, never written out)
    cut = pack.table_pages(table.head(pack.PRINTABLE_ROWS), [1.0, 2.0, 3.0], "id", total=len(table))
    assert [f.to_dict() for f in cut] == [f.to_dict() for f in figs]
    assert pack.PRINTABLE_ROWS < len(table)
    whole = pack.table_pages(table.head(20), [1.0, 2.0, 3.0], "id")  # a short table: every row, no note
    assert sum(len(f.data[0].cells.values[0]) for f in whole) == 20
    assert "…" not in [c for f in whole for c in f.data[0].cells.values[0]]
