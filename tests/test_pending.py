"""Issue 42 §1: who has not pledged yet, for the region and election in view: the units without a
binding ceremony (those with nothing at all first, then those reached only by a sosialisasi, with
the latest), the head a letter goes to, the days left; the same list on the page, in the files,
the pack and the CLI."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from dashboard import cli, context
from dashboard.export.files import export
from dashboard.forms import formdata
from dashboard.report import Report
from dashboard.store import editing
from dashboard.store.editing import User

DAY = dt.date(2024, 11, 20)  # H-7 of Pilkada 2024


def _add(db, gaz, region, day, kinds, name, level=None):
    values = {"region": region, "date": day, "elections": ["pilkada-2024"], "kinds": kinds,
              "sources": [{"outlet": "Warta Uji", "title": f"{name} di {region}", "url": f"https://warta.contoh.id/{name}"}]}
    report = formdata.to_report(values)
    editing.create(db, gaz, {**report, "id": f"{name}-{region.replace('.', '-')}-{day.isoformat()}"}, User("admin"))


@pytest.fixture
def world(fresh_store, gaz):
    db, data = fresh_store
    # Kec. Ciawi: two briefings, no pledge; Kec. Megamendung: a briefing after the view's day (not yet)
    _add(db, gaz, "32.01.24", dt.date(2024, 10, 1), ["sosialisasi"], "sosialisasi-awal")
    _add(db, gaz, "32.01.24", dt.date(2024, 10, 15), ["sosialisasi"], "sosialisasi-lanjut")
    _add(db, gaz, "32.01.23", dt.date(2024, 11, 25), ["sosialisasi"], "sosialisasi-nanti")
    # Kota Bogor's own government pledged: it is not on the province's list
    _add(db, gaz, "32.71", dt.date(2024, 11, 1), ["ikrar"], "ikrar-pemkot")
    return context.records(gaz, data), data


def test_units_with_nothing_come_first_then_those_only_briefed(world, gaz):
    rec, _ = world
    table = Report(rec, gaz, "pilkada-2024", "32.01", DAY).table("belum")
    assert list(table.columns) == ["Kode", "Wilayah", "Status", "Dipimpin oleh", "Hari menuju pemungutan suara",
                                   "Sosialisasi terakhir", "ID upacara", "Sumber"]
    states = list(table["Status"])
    assert states == sorted(states, key=lambda s: s != "Belum ada upacara")  # nothing first, then briefed
    assert not {"32.01.01", "32.01.34"} & set(table["Kode"])  # Cibinong and Rancabungur pledged
    briefed = table[table["Status"] == "Sosialisasi saja"]
    assert list(briefed["Kode"]) == ["32.01.24"]
    ciawi = briefed.iloc[0]
    assert ciawi["Dipimpin oleh"] == "Camat Ciawi" and ciawi["Sosialisasi terakhir"] == "2024-10-15"
    assert ciawi["ID upacara"] == ["sosialisasi-lanjut-32-01-24-2024-10-15"]
    assert "Warta Uji" in ciawi["Sumber"]
    # a briefing after the view's day does not count yet; nothing at all there
    mega = table.set_index("Kode").loc["32.01.23"]
    assert mega["Status"] == "Belum ada upacara" and mega["Sosialisasi terakhir"] is None
    nothing = table[table["Status"] == "Belum ada upacara"]
    assert list(nothing["Kode"]) == sorted(nothing["Kode"])  # by code within each group
    assert set(table["Hari menuju pemungutan suara"]) == {"H-7"}
    assert len(table) == 40 - 2  # Kab. Bogor's 40 kecamatan; Cibinong and Rancabungur pledged


def test_a_province_lists_the_pemda_that_have_not_pledged_themselves(world, gaz):
    rec, _ = world
    table = Report(rec, gaz, "pilkada-2024", "32", DAY).table("belum").set_index("Kode")
    assert "32.71" not in table.index  # Pemkot Bogor pledged
    assert table.loc["32.01", "Dipimpin oleh"] == "Pemkab Bogor"  # Cibinong's pledge is not Pemkab Bogor's
    assert table.loc["32.75", "Dipimpin oleh"] == "Pemkot Bekasi"
    assert table.loc["32.01", "Status"] == "Pemda belum berikrar"
    national = Report(rec, gaz, "pilkada-2024", None, DAY, lang="en").table("belum").set_index("Code")
    assert national.loc["32", "Led by"] == "Jawa Barat provincial government"


def test_a_view_where_everyone_pledged_says_so_in_words(world, gaz):
    from dashboard import pending

    rec, _ = world
    rep = Report(rec, gaz, "pilkada-2024", "32.01.01", DAY)  # Cibinong: its desa reached through the camat
    assert rep.table("belum").empty
    assert pending.note(rep.coverage.n_units, 0, DAY, "H-7", "id").startswith("Per Rabu, 20 November 2024 semua unit")
    assert pending.note(0, 0, DAY, "H-7", "en") == "No unit of this region votes in this election."


def test_the_list_is_the_same_in_the_file_the_cli_and_the_pack(world, gaz, tmp_path):
    from dashboard.export import pack

    rec, data = world
    rep = Report(rec, gaz, "pilkada-2024", "32.01", DAY)
    csv = export(rep, "belum", "csv").data.decode("utf-8-sig")
    body = pd.read_csv(io.StringIO(csv.split("\n\n", 1)[1]), dtype=str)
    assert list(body["Kode"]) == list(rep.table("belum")["Kode"])
    out = tmp_path / "belum.csv"
    assert cli.main(["export", "chart", "--election", "pilkada-2024", "--region", "32.01", "--as-of", DAY.isoformat(),
                     "--name", "belum", "--format", "csv", "--out", str(out)]) == 0
    assert out.read_bytes() == export(rep, "belum", "csv").data
    figs = pack.pages(rep)
    titles = [f.layout.title.text or "" for f in figs]
    assert any("Belum berikrar" in title for title in titles)
    codes = [c for f in figs for d in f.data if d.type == "table"
             and "<b>Dipimpin oleh</b>" in d.header.values for c in d.cells.values[0]]
    assert codes[0] == rep.table("belum")["Kode"].iloc[0]
    # its sources are the view's ceremonies (why the others are listed), never "nothing recorded"
    assert rep.meta("belum").sources_line == rep.meta("upacara").sources_line
    assert "Warta Uji" in rep.meta("belum").sources_line
