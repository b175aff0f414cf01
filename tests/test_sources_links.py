"""Issue 36 §3: sources a reader can follow - each source is a link (outlet, title, date) on the
Peta panel, in Ringkasan's recent list and the Data page, and a column in the files; only
http/https addresses are ever links."""

from __future__ import annotations

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
    from dashboard.export.tables import csv_skiprows

    csv = export(bogor_report, "upacara", "csv")
    got = pd.read_csv(io.BytesIO(csv.data), skiprows=csv_skiprows(bogor_report.meta("upacara")), dtype=str)
    cib = got[got["ID upacara"] == "cibinong-2024-11-12"].iloc[0]
    assert set(cib["Tautan berita"].split()) == {"https://tugasbangsa.example/2024/11/13/camat-cibinong",
                                                 "https://newsbogor.example/cibinong-pakta"}
