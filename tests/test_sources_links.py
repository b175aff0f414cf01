"""Issue 36 §3: sources a reader can follow - each source is a link (outlet, title, date) on the
Peta panel, in Ringkasan's recent list and the Data page, and a column in the files; only
http/https addresses are ever links."""

from __future__ import annotations

import pytest

import io

import pandas as pd

from dashboard import views
from dashboard.ui.safe import link

from .test_pages import open_page


def test_only_http_and_https_become_links():
    assert link("Warta · Judul", "https://warta.example/a(b)") == "[Warta · Judul](https://warta.example/a%28b%29)"
    for bad in ("javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://x.example/a", None):
        out = link("Warta", bad)
        assert "](" not in out, (bad, out)
    assert "\\[" in link("[klik](https://x.example)", "https://warta.example")  # the label stays text


def test_the_panel_links_each_source(records):
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    at.selectbox(key="focus").set_value("32.01.01").run()
    text = "\n".join(c.value for c in at.caption)
    assert "](https://tugasbangsa.example/2024/11/13/camat-cibinong)" in text, text


def test_tables_and_files_carry_the_article_link(records, gaz):
    from dashboard.report import Report

    bogor_report = Report(records, gaz, "pilkada-2024", "32.01", pd.Timestamp("2024-11-27").date())
    rows = views.ceremony_rows(records, ["cibinong-2024-11-12"], "id")
    assert rows.loc[0, "Tautan berita"].startswith("https://")
    data = open_page("data", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    shown = data.dataframe[0].value
    assert "Tautan berita" in shown.columns and shown["Tautan berita"].notna().any()
    from dashboard.export.files import export
    from dashboard.io.workbooks import csv_skiprows

    csv = export(bogor_report, "upacara", "csv")
    got = pd.read_csv(io.BytesIO(csv.data), skiprows=csv_skiprows(bogor_report.meta("upacara")), dtype=str)
    cib = got[got["ID upacara"] == "cibinong-2024-11-12"].iloc[0]
    assert set(cib["Tautan berita"].split()) == {"https://tugasbangsa.example/2024/11/13/camat-cibinong",
                                                 "https://newsbogor.example/cibinong-pakta"}


@pytest.mark.slow
def test_the_pack_pdf_links_each_article_where_its_label_is_printed(records, gaz, tmp_path):
    """§3: the briefing pack's ceremony table shows each article as a numbered label, and the PDF
    has a clickable link over that label to that article (the text under each link's box is the
    label; a javascript: source is neither a label nor a link)."""
    import subprocess

    from pypdf import PdfReader

    from dashboard.export import pdf_links
    from dashboard.export.pack import briefing_pack, pages
    from dashboard.report import Report

    report = Report(records, gaz, "pilkada-2024", "32.01", pd.Timestamp("2024-11-27").date())
    numbered: dict[int, str] = {}
    pages(report, links=numbered)
    assert set(numbered.values()) >= {"https://tugasbangsa.example/2024/11/13/camat-cibinong",
                                      "https://newsbogor.example/cibinong-pakta"}
    path = tmp_path / "pack.pdf"
    path.write_bytes(briefing_pack(report))
    pdf = PdfReader(path)
    seen = {}
    for i, page in enumerate(pdf.pages):
        height = float(page.mediabox.height)
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
            under = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), "-x", str(int(x0)),
                                    "-y", str(int(height - y1)), "-W", str(int(x1 - x0) + 1),
                                    "-H", str(int(y1 - y0) + 1), str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout
            seen[a["/A"]["/URI"]] = under.strip()
    assert set(seen) == set(numbered.values())  # every article linked, nothing else
    for n, url in numbered.items():
        assert seen[url].startswith(f"[{n}]") and pdf_links.host(url) in seen[url], (url, seen[url])


def test_pack_labels_only_number_http_addresses():
    cells = ["https://a.example/x http://www.b.example/y", "javascript:alert(1)", None]
    from dashboard.export import pdf_links

    labels, urls = pdf_links.numbered(cells, start=4)
    assert labels == [("[4] a.example", "[5] b.example"), ("javascript:alert(1)",), None]
    assert urls == {4: "https://a.example/x", 5: "http://www.b.example/y"}
