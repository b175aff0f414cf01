"""Issue 27: indicators beside commitment, the data path: an indicator sheet is read and checked
(every problem named with file, row, column and value), stored whole or not at all with its source
and history, listed, and read per unit by ``coverage --indicator`` (a unit's own newest value on or
before the view's date; none for a unit without one, and never a parent's figure spread down).

The sheets in tests/fixtures/indicators/ are invented values from an invented publisher."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys

import pytest
from openpyxl import Workbook, load_workbook

from dashboard import indicators, maps
from dashboard.ui import cache
from dashboard.errors import PetaError
from dashboard.store.editing import User, add_indicators
from dashboard.store.db import Store

from .conftest import DATA, ROOT

SHEETS = ROOT / "tests" / "fixtures" / "indicators"
TODAY = dt.date(2026, 12, 2)


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    return folder


def test_a_good_sheet_reads_as_values_with_their_names_and_sources(gaz):
    values, problems = indicators.parse("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), gaz, TODAY)
    assert problems == []
    assert len(values) == 8
    cib = next(v for v in values if v.region_code == "32.01.01" and v.indicator == "risiko-uji")
    # a decimal comma inside a quoted cell; the name given once for the id reaches every row of it
    assert (cib.value, cib.date, cib.name, cib.outlet) == (55.5, dt.date(2024, 8, 1), "Skor risiko uji (fiktif)",
                                                           "Lembaga Uji Fiktif")
    assert cib.origin == "risiko-uji.csv baris 5"
    assert {v.indicator for v in values} == {"risiko-uji", "temuan-uji"}


def test_every_bad_row_is_named_with_its_row_column_and_value(gaz):
    values, problems = indicators.parse("rusak.csv", (SHEETS / "rusak.csv").read_bytes(), gaz, TODAY)
    found = {(p.file, p.field, p.value, p.want.code) for p in problems}
    assert found == {
        ("rusak.csv baris 2", "kode_wilayah", "99.99", "code_in_boundaries"),   # unknown code
        ("rusak.csv baris 3", "sumber_media", None, "required"),                # no source
        ("rusak.csv baris 4", "nilai", "tinggi", "indicator_one_kind"),         # a class among numbers
        ("rusak.csv baris 5", "nilai", "1.234,5", "a_number"),                  # a thousands separator
        ("rusak.csv baris 6", "tanggal", "2099-01-01", "not_after_today"),      # a date in the future
        ("rusak.csv baris 7", "tanggal", "01/08/2024", "date_never_guessed"),   # never a guessed date
        ("rusak.csv baris 8", "indikator", "Risiko Uji", "indicator_id"),
        ("rusak.csv baris 10", "tanggal", "2024-08-01", "indicator_once"),      # the same region and date twice
    }
    dup = next(p for p in problems if p.want.code == "indicator_once")
    assert "rusak.csv baris 9" in str(dup) and "rusak.csv baris 9" in dup.want.text("id")
    assert [v.origin for v in values] == ["rusak.csv baris 9"]  # the only row without a problem


def test_the_cli_refuses_a_bad_sheet_whole_and_writes_nothing(data):
    out = run("indicators", "import", str(SHEETS / "rusak.csv"), "--data", str(data))
    assert out.returncode == 2
    assert "8 problem(s) in rusak.csv; nothing was imported" in out.stderr
    assert "rusak.csv baris 6" in out.stderr and "2099-01-01" in out.stderr and "nilai" in out.stderr
    assert Store(f"sqlite:///{data / 'peta.db'}").indicator_rows() == []


def test_import_list_and_refuse_the_same_values_again(data):
    sheet = str(SHEETS / "risiko-uji.csv")
    dry = run("indicators", "import", sheet, "--dry-run", "--data", str(data))
    assert dry.returncode == 0, dry.stderr
    assert "8 value(s)" in dry.stdout and "nothing written" in dry.stdout
    store = Store(f"sqlite:///{data / 'peta.db'}")
    assert store.indicator_rows() == []
    before = store.version()
    out = run("indicators", "import", sheet, "--user", "operator-uji", "--data", str(data))
    assert out.returncode == 0, out.stderr
    rows = store.indicator_rows()
    assert len(rows) == 8 and {r.imported_by for r in rows} == {"operator-uji"}
    assert rows[0].origin == "import:risiko-uji.csv baris 2" and rows[0].outlet == "Lembaga Uji Fiktif"
    # one history row per value, named by the indicator; the store's version moved
    hist = [h for h in store.history() if h.action == "indicator_import"]
    assert len(hist) == 8 and hist[0].ceremony_id == "indikator:risiko-uji" and hist[0].user == "operator-uji"
    assert json.loads(hist[0].after)["value"] == 41.5 and store.version() != before
    listed = run("indicators", "list", "--json", "--data", str(data))
    assert listed.returncode == 0, listed.stderr
    cat = {c["id"]: c for c in json.loads(listed.stdout)}
    assert cat["risiko-uji"] == {"id": "risiko-uji", "name": "Skor risiko uji (fiktif)", "values": 7, "regions": 5,
                                 "first_date": "2023-01-01", "last_date": "2024-12-01",
                                 "sources": ["Lembaga Uji Fiktif"]}
    # a stored value is never overwritten: the same sheet again is refused whole, naming where it is stored
    again = run("indicators", "import", sheet, "--data", str(data))
    assert again.returncode == 2
    assert "import:risiko-uji.csv baris 2" in again.stderr and "never overwritten" in again.stderr
    assert len(store.indicator_rows()) == 8


def test_a_clash_stored_meanwhile_is_refused_under_the_write_lock(data, gaz):
    """The check runs again inside the write: what another import stored after the preview counts."""
    store = Store(f"sqlite:///{data / 'peta.db'}")
    values, problems = indicators.parse("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), gaz, TODAY)
    assert not problems and not indicators.clashes(values, indicators.table(store.indicator_rows()))
    add_indicators(store, values[:1], User("lain"), "import", lambda rows: None)  # someone else, meanwhile

    def check(rows):
        late = indicators.clashes(values, indicators.table(rows))
        if late:
            raise PetaError(late)

    with pytest.raises(PetaError, match="risiko-uji.csv baris 2"):
        add_indicators(store, values, User("operator"), "import", check)
    assert len(store.indicator_rows()) == 1  # nothing of the refused import


def test_the_store_checks_indicator_access_itself_for_every_value(data, gaz):
    """Issue 40: a region-limited user's indicator write is refused by the store, under its write
    lock, for a value outside the region (here the parent kabupaten and the province), naming the
    region; nothing of it is written. The same user writes their own kecamatan's value; nobody
    signed in writes nothing."""
    store = Store(f"sqlite:///{data / 'peta.db'}")
    values, problems = indicators.parse("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), gaz, TODAY)
    assert not problems
    camat = User("camat-ciawi", "32.01.24")
    before = len(store.history())
    for outside in ([v for v in values if v.region_code == "32.01"][:1], [v for v in values if v.region_code == "32"]):
        with pytest.raises(PetaError) as err:
            add_indicators(store, outside + [v for v in values if v.region_code == "32.01.24"], camat, "import",
                           lambda rows: None)
        assert err.value.problems[0].field == "region" and err.value.problems[0].value == outside[0].region_code
    assert store.indicator_rows() == [] and len(store.history()) == before
    own = [v for v in values if v.region_code == "32.01.24"]
    assert own and add_indicators(store, own, camat, "import", lambda rows: None) == len(own)
    with pytest.raises(PetaError, match="user"):
        add_indicators(store, values, None, "import", lambda rows: None)
    assert {r.imported_by for r in store.indicator_rows()} == {"camat-ciawi"}


def test_coverage_json_gives_each_units_own_newest_value_and_none_without(data):
    assert run("indicators", "import", str(SHEETS / "risiko-uji.csv"), "--data", str(data)).returncode == 0
    out = run("coverage", "--election", "pilkada-2024", "--region", "32.01", "--as-of", "2024-11-27",
              "--indicator", "risiko-uji", "--json", "--data", str(data))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["indicator_id"] == "risiko-uji"
    # Kab. Bogor's own value of 1 Aug (the one of 1 Dec is after the view's date)
    assert got["parent"]["indicator"] == {"id": "risiko-uji", "name": "Skor risiko uji (fiktif)", "value": 72.0,
                                          "date": "2024-08-01", "source": "Lembaga Uji Fiktif", "url": None,
                                          "scale": None, "category": None}
    kids = {c["code"]: c["indicator"] for c in got["children"]}
    assert kids["32.01.01"]["value"] == 55.5
    assert kids["32.01.24"]["value"] == 90.0 and kids["32.01.24"]["date"] == "2024-08-01"  # the newer of two
    # the kabupaten's figure is not spread over its kecamatan: the others have none
    assert kids["32.01.25"] is None and sum(v is None for v in kids.values()) == len(kids) - 2
    # the province view: Jawa Barat's own value is the province's, Kab. Bogor's its own
    prov = json.loads(run("coverage", "--election", "pilkada-2024", "--region", "32", "--as-of", "2024-12-05",
                          "--indicator", "risiko-uji", "--json", "--data", str(data)).stdout)
    assert prov["parent"]["indicator"]["value"] == 41.5
    kab = {c["code"]: c["indicator"] for c in prov["children"]}
    assert kab["32.01"]["value"] == 80.0 and kab["32.01"]["date"] == "2024-12-01"
    assert kab["32.75"] is None
    # an unknown indicator is named with the stored ones
    bad = run("coverage", "--election", "pilkada-2024", "--region", "32.01", "--indicator", "risiko",
              "--data", str(data))
    assert bad.returncode == 2 and "risiko-uji, temuan-uji" in bad.stderr


def test_the_template_round_trips_and_its_example_row_is_refused(tmp_path, gaz):
    for name in ("templat.csv", "templat.xlsx"):
        out = run("indicators", "template", "--out", str(tmp_path / name))
        assert out.returncode == 0, out.stderr
        values, problems = indicators.parse(name, (tmp_path / name).read_bytes(), gaz, TODAY)
        assert values == [] and [(p.field, p.want.code) for p in problems] == [("indikator", "own_row")]
    wb = load_workbook(tmp_path / "templat.xlsx")
    assert [c.value for c in wb["Indikator"][1]] == list(indicators.COLUMNS)
    assert wb["Indikator"]["A2"].number_format == "@"  # codes stay text in Excel
    # a workbook filled in like the CSV reads as the same values
    book = Workbook()
    ws = book.active
    ws.append(list(indicators.COLUMNS))
    ws.append(["32.01.01", "risiko-uji", "Skor risiko uji (fiktif)", 55.5, dt.datetime(2024, 8, 1),
               "Lembaga Uji Fiktif", None, None])
    buf = io.BytesIO()
    book.save(buf)
    values, problems = indicators.parse("isi.xlsx", buf.getvalue(), gaz, TODAY)
    assert problems == [] and [(v.region_code, v.value, v.date) for v in values] == [
        ("32.01.01", 55.5, dt.date(2024, 8, 1))]


def test_indicators_are_stored_on_postgresql_too(pg_url, gaz):
    from .test_store import _fresh_database

    store = Store(_fresh_database(pg_url))
    values, _ = indicators.parse("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), gaz, TODAY)
    assert add_indicators(store, values, User("operator"), "import", lambda rows: None) == 8
    table = indicators.table(store.indicator_rows())
    assert indicators.latest(table, "risiko-uji", dt.date(2024, 11, 27), ["32.01", "32.01.25"]) == {
        "32.01": {"id": "risiko-uji", "name": "Skor risiko uji (fiktif)", "value": 72.0, "date": "2024-08-01",
                  "source": "Lembaga Uji Fiktif", "url": None, "scale": None, "category": None},
        "32.01.25": None}
    with pytest.raises(Exception):  # the database refuses a second value for one indicator, region and date
        add_indicators(store, values[:1], User("operator"), "import", lambda rows: None)
    assert len(store.indicator_rows()) == 8


def test_a_missing_file_or_a_wrong_kind_is_named(tmp_path):
    out = run("indicators", "import", str(tmp_path / "tidak-ada.csv"))
    assert out.returncode == 2 and "tidak-ada.csv" in out.stderr and "a .csv or .xlsx file that exists" in out.stderr
    out = run("indicators", "template", "--out", str(tmp_path / "templat.ods"))
    assert out.returncode == 2 and "templat.ods" in out.stderr and not (tmp_path / "templat.ods").exists()


def _stored(data, gaz) -> Store:
    store = Store(f"sqlite:///{data / 'peta.db'}")
    values, problems = indicators.parse("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), gaz, TODAY)
    assert not problems
    add_indicators(store, values, User("operator"), "import", lambda rows: None)
    return store


def test_priority_tables_order_units_without_a_binding_ceremony_by_value(records, gaz, data):
    from dashboard import metrics, views

    table = indicators.table(_stored(data, gaz).indicator_rows())
    cov = metrics.coverage(records, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32.01")
    figures = indicators.latest(table, "risiko-uji", dt.date(2024, 11, 27), list(cov.units["code"]))
    # issue 37: "high risk" lists only units in the legend's high class (above its upper cut point)
    values = [f["value"] for f in figures.values() if f]
    high = maps.risk_classes(values)[1][1]
    no_ceremony, despite, no_value = views.priority_rows(cov.units, figures, high, "id")
    # Ciawi has the only value among the kecamatan no binding ceremony reaches, and it is high
    assert list(no_ceremony.iloc[0]) == ["32.01.24", "Kec. Ciawi", "Belum ada upacara", "90", "1 Agu 2024",
                                         "Lembaga Uji Fiktif"]
    assert len(no_ceremony) == 1 and "tidak ada data" not in set(no_ceremony["Nilai"])
    # the rest have none of their own (Kab. Bogor's 72 is not theirs): counted, never listed as high
    unreached = cov.units[~metrics.binding_reaches(cov.units)]
    assert no_value == len(unreached) - 1
    # a value below the high cut is not "high risk"
    low, _, _ = views.priority_rows(cov.units, figures, 90.0, "id")
    assert low.empty
    # Cibinong's own ceremony binds, and its value is above zero: a finding despite a ceremony
    assert list(despite["Kode"]) == ["32.01.01"] and list(despite["Nilai"]) == ["55,5"]


def test_kesiapan_shows_the_priority_tables_for_the_chosen_indicator(data, gaz, monkeypatch):
    from .test_pages import open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    at = open_page("kesiapan", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    assert any("Belum ada indikator tersimpan" in i.value for i in at.info)  # nothing stored: says how to import
    _stored(data, gaz)
    cache.changed()  # as after the store's version is asked again (at most 0.5 s later)
    at.run()
    assert at.selectbox(key="indicator").options == ["Skor risiko uji (fiktif)", "Temuan netralitas uji (fiktif)"]
    no_ceremony, despite = at.dataframe[-2].value, at.dataframe[-1].value
    assert no_ceremony.iloc[0]["Wilayah"] == "Kec. Ciawi" and no_ceremony.iloc[0]["Nilai"] == "90"
    assert list(despite["Wilayah"]) == ["Kec. Cibinong"]
    heads = [m.value for m in at.markdown if "Risiko tinggi" in m.value]
    assert heads and f"({len(no_ceremony)} wilayah" in heads[0].replace("\\", ""), heads
    at.selectbox(key="indicator").set_value("temuan-uji").run()
    despite = at.dataframe[-1].value
    assert list(despite["Nilai"]) == ["3"] and list(despite["Sumber"]) == ["Pengawas Uji Fiktif"]


def test_the_priority_tables_export_with_the_indicators_sources(records, gaz, data):
    from dashboard import views
    from dashboard.io.workbooks import to_csv, to_xlsx
    from dashboard.report import Report

    table = indicators.table(_stored(data, gaz).indicator_rows())
    rep = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), "id")
    figures = indicators.latest(table, "risiko-uji", rep.as_of, list(rep.coverage.units["code"]))
    no_ceremony, _, _ = views.priority_rows(rep.coverage.units, figures, float("-inf"), "id")
    outlets = indicators.sources(figures)
    assert outlets == ("Lembaga Uji Fiktif",)
    meta = rep.table_meta("prioritas-risiko-uji", "Risiko tinggi, belum ada upacara", outlets)
    assert meta.filename("csv") == "prioritas-risiko-uji_kab-bogor_pilkada-2024_2024-11-27.csv"
    text = to_csv(no_ceremony, meta).decode("utf-8-sig")
    assert "Lembaga Uji Fiktif" in text.split("\n\n")[0]  # the heading names whose figures these are
    assert "32.01.24,Kec. Ciawi,Belum ada upacara,90,1 Agu 2024,Lembaga Uji Fiktif" in text
    assert "tidak ada data" not in text and len(no_ceremony) == 1  # a unit without a value is never "high"
    book = load_workbook(io.BytesIO(to_xlsx(no_ceremony, meta)))
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert "Lembaga Uji Fiktif" in cells and "Kec. Ciawi" in cells


def test_the_peta_panel_lists_the_units_own_indicators_with_date_and_source(data, gaz, monkeypatch):
    from .test_pages import open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    _stored(data, gaz)
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    at.selectbox(key="focus").set_value("32.01.01").run()
    lines = [c.value for c in at.caption if "Skor risiko uji" in c.value]
    assert lines, [c.value for c in at.caption]
    text = lines[0].replace("\\", "")
    assert "Skor risiko uji (fiktif): **55,5** · 1 Agu 2024 · Lembaga Uji Fiktif" in text
    assert "Temuan netralitas uji (fiktif): **3** · 31 Okt 2024 · Pengawas Uji Fiktif" in text
    at.selectbox(key="focus").set_value("32.01.25").run()  # Cisarua: none of its own (Kab. Bogor's is not)
    text = next(c.value for c in at.caption if "Skor risiko uji" in c.value).replace("\\", "")
    assert "Skor risiko uji (fiktif): tidak ada data" in text and "72" not in text


def test_the_risk_layer_colours_by_class_beside_commitment_and_never_colours_no_data_as_low():
    import pandas as pd

    from dashboard import maps
    from dashboard.style import NO_DATA, RISK_SINGLE, RISK_WITH, RISK_WITHOUT

    units = pd.DataFrame({"code": ["a", "b", "c", "d", "e"], "label": ["A", "B", "C", "D", "E"],
                          "state": ["none", "covered", "none", "leadership", "none"]})
    fig = {"a": {"value": 10.0, "date": "2024-08-01", "source": "Lembaga Uji Fiktif"},
           "b": {"value": 50.0, "date": "2024-08-01", "source": "Lembaga Uji Fiktif"},
           "c": {"value": 90.0, "date": "2024-08-01", "source": "Lembaga Uji Fiktif"},
           "d": {"value": 95.0, "date": "2024-07-01", "source": "Lembaga Uji Fiktif"}, "e": None}
    # thirds of the given values: up to the first cut low, above the second high
    assert maps.risk_classes([10.0, 50.0, 90.0, 95.0, None]) == ([0, 0, 1, 2, None], (50.0, 90.0))
    both = maps.risk_layer(units, fig, "Skor risiko uji", dt.date(2024, 11, 27), "id", beside_commitment=True)
    fills = {c: u["fill"] for c, u in both["units"].items()}
    assert fills == {"a": RISK_WITHOUT[0], "b": RISK_WITH[0], "c": RISK_WITHOUT[1], "d": RISK_WITH[2], "e": NO_DATA}
    legend = both["legend"]
    assert legend["title"] == "Skor risiko uji · per 27 Nov 2024"
    assert [label for label, _ in legend["items"]] == [
        "tinggi (> 90), tanpa upacara", "sedang (50–90), tanpa upacara", "rendah (≤ 50), tanpa upacara",
        "tinggi (> 90), ada upacara", "sedang (50–90), ada upacara", "rendah (≤ 50), ada upacara", "tidak ada data"]
    assert dict(both["units"]["d"]["tip"])["Skor risiko uji"] == "95 (1 Jul 2024, Lembaga Uji Fiktif)"
    assert dict(both["units"]["e"]["tip"])["Skor risiko uji"] == "tidak ada data"
    alone = maps.risk_layer(units, fig, "Skor risiko uji", dt.date(2024, 11, 27), "en", beside_commitment=False)
    assert [u["fill"] for u in alone["units"].values()] == [RISK_SINGLE[0], RISK_SINGLE[0], RISK_SINGLE[1],
                                                              RISK_SINGLE[2], NO_DATA]
    assert [label for label, _ in alone["legend"]["items"]] == ["high (> 90)", "medium (50–90)", "low (≤ 50)", "no data"]


def test_peta_colours_the_map_by_an_indicator_beside_commitment(data, gaz, monkeypatch):
    from dashboard.style import NO_DATA, RISK_WITH, RISK_WITHOUT

    from .test_pages import _map_args, open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    assert not [s for s in at.selectbox if s.key == "map_mode"]  # no indicator stored: no picker
    _stored(data, gaz)
    cache.changed()  # as after the store's version is asked again (at most 0.5 s later)
    at.run()
    assert _map_args(at)["units"]["32.01.01"]["fill"] == "#08519c"  # the commitment state, as before
    at.selectbox(key="map_mode").set_value("both:risiko-uji").run()
    args = _map_args(at)
    units = args["units"]
    # Cibinong: a binding ceremony, the lower of the two values; Ciawi: none, the higher; the rest: no data
    assert units["32.01.01"]["fill"] == RISK_WITH[0] and units["32.01.24"]["fill"] == RISK_WITHOUT[2]
    assert units["32.01.25"]["fill"] == NO_DATA
    assert args["geometry"] is None  # a change of colours sends no geometry again


def test_a_legend_names_no_medium_class_when_the_thirds_meet():
    import pandas as pd

    from dashboard import maps

    units = pd.DataFrame({"code": ["a", "b"], "label": ["A", "B"], "state": ["none", "covered"]})
    fig = {"a": {"value": 55.5, "date": "2024-08-01", "source": "X"}, "b": {"value": 90.0, "date": "2024-08-01",
                                                                          "source": "X"}}
    layer = maps.risk_layer(units, fig, "Skor", dt.date(2024, 11, 27), "id", beside_commitment=False)
    assert [label for label, _ in layer["legend"]["items"]] == ["tinggi (> 55,5)", "rendah (≤ 55,5)", "tidak ada data"]


def test_impor_takes_an_indicator_sheet_whole_or_names_every_problem(data, monkeypatch):
    from dashboard.store.editing import User

    from .test_pages import open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    at = open_page("impor", election="pilkada-2024")
    at.session_state["_user"] = User("camat-ciawi", "32.01.24")
    at.run()
    # a kecamatan's user may not write other regions' values: named, nothing offered to import
    at.file_uploader(key="indicator_file").set_value(
        ("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), "text/csv")).run()
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "risiko-uji.csv" in shown and "6 masalah" in shown and "32.01.01" in shown, shown  # the 2 Ciawi rows pass
    assert not [b for b in at.button if b.key == "indicator_import"]
    at.file_uploader(key="indicator_file").set_value(
        ("rusak.csv", (SHEETS / "rusak.csv").read_bytes(), "text/csv")).run()
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "rusak.csv baris 6" in shown and "2099-01-01" in shown and "tidak ada yang diimpor" in shown, shown
    # a province's user imports the good sheet: every value, once
    at.session_state["_user"] = User("admin-provinsi")
    at.file_uploader(key="indicator_file").set_value(
        ("risiko-uji.csv", (SHEETS / "risiko-uji.csv").read_bytes(), "text/csv")).run()
    assert any("8 nilai (risiko-uji, temuan-uji) lolos semua pemeriksaan" in s.value for s in at.success)
    at.button(key="indicator_import").click().run()
    assert any("8 nilai diimpor" in s.value for s in at.success), [s.value for s in at.success]
    assert len(Store(f"sqlite:///{data / 'peta.db'}").indicator_rows()) == 8
    at.run()  # the same sheet again: every value is stored already, named with where from
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "sudah tersimpan dari import:risiko-uji.csv baris 2" in shown, shown


# -- curated files, the drawing level, the static map, exports, the pack, the briefing screen ------

def _add(data, gaz, name: str) -> Store:
    store = Store(f"sqlite:///{data / 'peta.db'}")
    values, problems = indicators.parse(name, (SHEETS / name).read_bytes(), gaz, TODAY)
    assert not problems
    add_indicators(store, values, User("operator"), "import", lambda rows: None)
    return store


def test_curated_indicator_files_are_seeded_once_and_a_changed_value_is_named(data, gaz):
    from dashboard import context

    (data / "indicators").mkdir()
    shutil.copy(SHEETS / "risiko-uji.csv", data / "indicators" / "risiko-uji.csv")
    context.records(gaz, data)  # the app's own path: the seed brings the files in
    store = Store(f"sqlite:///{data / 'peta.db'}")
    rows = store.indicator_rows()
    assert len(rows) == 8 and {r.imported_by for r in rows} == {"seed"}
    assert rows[0].origin == "file:indicators/risiko-uji.csv baris 2"
    assert len([h for h in store.history() if h.action == "indicator_import" and h.user == "seed"]) == 8
    before = store.version()
    assert context.seed_indicators(store, gaz, data) == 0 and store.version() == before  # seeded once
    # an operator's import beside the curated file is kept, and the seed still finds nothing to add
    _add(data, gaz, "provinsi-uji.csv")
    assert context.seed_indicators(store, gaz, data) == 0
    # a curated file that would overwrite a stored value stops the seed, naming the row; nothing written
    text = (data / "indicators" / "risiko-uji.csv").read_text(encoding="utf-8")
    (data / "indicators" / "risiko-uji.csv").write_text(text.replace("Skor risiko uji (fiktif)", "Skor lain"),
                                                        encoding="utf-8")
    with pytest.raises(PetaError) as err:  # a new name for a stored id: the store keeps the first, and says so
        context.seed_indicators(store, gaz, data)
    assert [(p.file, p.field, p.value) for p in err.value.problems] == [
        ("indicators/risiko-uji.csv baris 2", "nama_indikator", "Skor lain")]
    (data / "indicators" / "risiko-uji.csv").write_text(text.replace("32.01,risiko-uji,,72,", "32.01,risiko-uji,,73,"),
                                                        encoding="utf-8")
    with pytest.raises(PetaError) as err:
        context.seed_indicators(store, gaz, data)
    assert [(p.file, p.field, p.value) for p in err.value.problems] == [
        ("indicators/risiko-uji.csv baris 3", "tanggal", "2024-08-01")]
    assert "file:indicators/risiko-uji.csv baris 3" in str(err.value)  # where the stored value came from
    assert len(store.indicator_rows()) == 11
    # a broken curated file is named with its row, column and value, like an imported sheet
    shutil.copy(SHEETS / "rusak.csv", data / "indicators" / "rusak.csv")
    with pytest.raises(PetaError, match="indicators/rusak.csv baris 6"):
        context.seed_indicators(store, gaz, data)


def test_a_province_figure_is_drawn_on_the_provinces_never_on_their_kabupaten(records, gaz, data):
    from dashboard.report import Report
    from dashboard.risk import Risk, with_values

    values = indicators.table(_add(data, gaz, "provinsi-uji.csv").indicator_rows())
    national = Report(records, gaz, "pilkada-2024", None, dt.date(2024, 11, 27), "id")
    risk = Risk(national, values, "provinsi-uji")
    # the national map draws kabupaten/kota; none has a value of its own, so the provinces are drawn
    assert national.map_view.level == "kabupaten/kota" and risk.level == "provinsi"
    assert len(risk.units) == len(national.coverage.units) and risk.n_values == 3
    assert risk.figures["36"]["value"] == 81.7 and risk.figures["51"] is None
    geometry = national.live_geometry(risk.level, tuple(risk.units["code"]))
    drawn = {f["properties"]["code"] for f in geometry["features"]}  # the provinces the tests draw (31, 32, 36)
    assert {"32", "36"} <= drawn <= set(risk.units["code"])
    assert "groups" not in geometry  # provinces are named on themselves
    # the static map's classes are the live map's, though the tests draw 3 of the 38 provinces
    keys = [tr.name for tr in risk.figure().data if tr.mode == "markers"]
    assert keys == [label for label, _ in risk.layer()["legend"]["items"]] and "sedang (12–64,2), tanpa upacara" in keys
    # Jawa Barat's view counts its kabupaten/kota: the province's figure is not theirs
    jabar = Risk(Report(records, gaz, "pilkada-2024", "32", dt.date(2024, 11, 27), "id"), values, "provinsi-uji")
    assert jabar.n_values == 0 and set(jabar.map_table()["Nilai"]) == {"tidak ada data"}
    assert with_values(jabar.report, values) == [] and with_values(national, values) == ["provinsi-uji"]
    # the panel describes a province clicked on that map
    assert national.unit_detail("36").label == "Banten"


def test_the_static_risk_map_has_the_live_maps_colours_and_legend(records, gaz, data):
    from dashboard.report import Report
    from dashboard.risk import Risk
    from dashboard.style import NO_DATA, RISK_SINGLE, RISK_WITH, RISK_WITHOUT

    values = indicators.table(_stored(data, gaz).indicator_rows())
    rep = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), "id")
    risk = Risk(rep, values, "risiko-uji")
    fig = risk.figure()
    assert fig.layout.title.text == "Skor risiko uji (fiktif) × komitmen"
    assert fig.layout.legend.title.text == "Skor risiko uji (fiktif)<br>per 27 Nov 2024"  # the date on its own line
    keys = [(tr.name, tr.marker.color) for tr in fig.data if tr.mode == "markers"]
    assert keys == [[label, color] for label, color in risk.layer()["legend"]["items"]] or keys == [
        tuple(x) for x in risk.layer()["legend"]["items"]]
    fills = {tr.fillcolor for tr in fig.data if tr.fill == "toself"}
    # Ciawi high without a ceremony, Cibinong low with its own, every other kecamatan no data
    assert fills == {RISK_WITHOUT[2], RISK_WITH[0], NO_DATA}
    layer = risk.layer()["units"]
    assert layer["32.01.24"]["fill"] == RISK_WITHOUT[2] and layer["32.01.01"]["fill"] == RISK_WITH[0]
    alone = Risk(rep, values, "risiko-uji", "indicator").figure()
    assert alone.layout.title.text == "Skor risiko uji (fiktif)"
    assert {tr.fillcolor for tr in alone.data if tr.fill == "toself"} == {RISK_SINGLE[2], RISK_SINGLE[0], NO_DATA}
    with pytest.raises(PetaError, match="risiko-uji"):
        Risk(rep, values, "tidak-ada")  # names the stored ids
    # a name is the data's: plotly reads tags in any text, so the figure carries it escaped
    sheet = ("kode_wilayah,indikator,nama_indikator,nilai,tanggal,sumber_media\n"
             "32.01.24,jahil,<a href='https://contoh.id'>Skor</a> <b>x</b>,1,2024-08-01,Lembaga Uji Fiktif\n")
    hostile, problems = indicators.parse("jahil.csv", sheet.encode(), gaz, TODAY)
    assert not problems
    add_indicators(Store(f"sqlite:///{data / 'peta.db'}"), hostile, User("operator"), "import", lambda rows: None)
    values = indicators.table(Store(f"sqlite:///{data / 'peta.db'}").indicator_rows())
    fig = Risk(rep, values, "jahil").figure()
    texts = [fig.layout.title.text, fig.layout.legend.title.text]
    assert all("<a " not in x and "<b>" not in x for x in texts), texts
    # quotes too (issue 41 §2: markup.text, one escape everywhere), as references plotly shows as quotes
    assert "&lt;a href=&#39;https://contoh.id&#39;&gt;Skor&lt;/a&gt; &lt;b&gt;x&lt;/b&gt;" in texts[1]


def test_the_indicator_maps_rows_and_tables_export_naming_their_sources(records, gaz, data):
    from dashboard.export.files import export_risk
    from dashboard.report import Report
    from dashboard.risk import Risk

    values = indicators.table(_stored(data, gaz).indicator_rows())
    risk = Risk(Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), "id"), values, "risiko-uji")
    rows = export_risk(risk, "peta", "csv")
    assert rows.file_name == "peta-risiko-risiko-uji_kab-bogor_pilkada-2024_2024-11-27.csv"
    text = rows.data.decode("utf-8-sig")
    assert "# Sumber: Lembaga Uji Fiktif" in text and "# Judul: Skor risiko uji (fiktif) × komitmen" in text
    body = text.split("\n\n", 1)[1].splitlines()
    assert body[1] == "32.01.24,Kec. Ciawi,Belum ada upacara,90,1 Agu 2024,Lembaga Uji Fiktif"
    assert body[2] == "32.01.01,Kec. Cibinong,Ikrar sendiri,\"55,5\",1 Agu 2024,Lembaga Uji Fiktif"
    assert sum("tidak ada data" in line for line in body) == len(body) - 3  # the rest: never 0
    temuan = export_risk(risk, "temuan", "xlsx")
    assert temuan.file_name == "temuan-risiko-uji_kab-bogor_pilkada-2024_2024-11-27.xlsx"
    cells = [c.value for ws in load_workbook(io.BytesIO(temuan.data)).worksheets for row in ws.iter_rows() for c in row]
    assert "Kec. Cibinong" in cells and "Lembaga Uji Fiktif" in cells
    for kind, fmt in (("prioritas", "png"), ("linimasa", "csv")):
        with pytest.raises(PetaError, match="one of"):
            export_risk(risk, kind, fmt)


def test_the_pack_has_a_map_and_tables_for_each_indicator_with_values(records, gaz, data):
    from dashboard.export.pack import pages
    from dashboard.report import Report
    from dashboard.risk import Risk, with_values

    values = indicators.table(_stored(data, gaz).indicator_rows())
    rep = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), "id")
    base = [p.layout.title.text for p in pages(rep, dt.date(2026, 1, 2))]
    shown = with_values(rep, values)
    assert shown == ["risiko-uji", "temuan-uji"]
    titles = [p.layout.title.text for p in pages(rep, dt.date(2026, 1, 2), [Risk(rep, values, i) for i in shown])]
    added = [x for x in titles if x not in base]
    # each: its map, the high-risk units without a binding ceremony (Ciawi alone: one page), the finding despite one
    assert any(x.startswith("<b>Skor risiko uji (fiktif) × komitmen") for x in added), added
    assert sum("Risiko tinggi, belum ada upacara yang mengikat (1 wilayah) · Skor risiko uji" in x for x in added) == 1
    assert sum("Nilai di atas nol meski sudah ada upacara (1 wilayah) · Temuan" in x for x in added) == 1
    assert len(titles) == len(base) + len(added)
    assert rep.meta("linimasa").title in titles[titles.index(added[0]) - 1]  # right after the timeline


def test_cli_exports_the_indicator_map_table_and_pack_page(data):
    assert run("indicators", "import", str(SHEETS / "risiko-uji.csv"), "--data", str(data)).returncode == 0
    out = run("export", "chart", "--election", "pilkada-2024", "--region", "32.01", "--as-of", "2024-11-27",
              "--name", "prioritas", "--indicator", "risiko-uji", "--format", "csv", "--data", str(data),
              "--out", str(data / "p.csv"))
    assert out.returncode == 0, out.stderr
    text = (data / "p.csv").read_text(encoding="utf-8-sig")
    assert "32.01.24,Kec. Ciawi,Belum ada upacara,90,1 Agu 2024,Lembaga Uji Fiktif" in text
    bad = run("export", "chart", "--election", "pilkada-2024", "--name", "peta", "--indicator", "nope",
              "--data", str(data), "--out", str(data / "x.png"))
    assert bad.returncode == 2 and "nope" in bad.stderr and "risiko-uji" in bad.stderr
    assert not (data / "x.png").exists()


def test_the_briefing_screen_shows_the_indicator_beside_the_commitments(data, gaz, monkeypatch):
    from .test_pages import _html, open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    at = open_page("ringkasan", mode="briefing", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    assert _html(at).count("<span") == 4 and 'data-view="risiko"' not in _html(at)  # nothing stored: 4 views
    _stored(data, gaz)
    cache.changed()
    at.run()
    for _ in range(4):
        at.button(key="b_next").click().run()
    body = _html(at)
    assert 'data-view="risiko"' in body and "Risiko di samping komitmen" in body
    # issue 37: the heading counts the units it names (the legend's high class), the rest are said apart
    assert "Risiko tinggi, belum ada upacara yang mengikat (1 wilayah)" in body
    assert "<b>Kec. Ciawi 90</b> · 37 wilayah tanpa upacara lainnya: tidak ada data" in body
    assert "Sumber: Lembaga Uji Fiktif" in body  # the footer names the indicator's publisher
    assert [c.proto.spec for c in at.get("plotly_chart")]  # the map is drawn
    at.button(key="b_next").click().run()
    assert 'data-view="ringkasan"' in _html(at)  # five views, then round again
    # a link may name the indicator; one without a value in the view is named, the first one shown
    at = open_page("ringkasan", mode="briefing", election="pilkada-2024", region="32.01", as_of="2024-11-27",
                   indicator="provinsi-uji")
    said = [w.value.replace("\\", "") for w in at.warning]
    assert any("indicator: tertulis provinsi-uji" in w and "risiko-uji, temuan-uji" in w for w in said), said


def test_peta_draws_a_province_indicator_on_the_provinces_and_offers_its_files(data, gaz, monkeypatch):
    from .test_pages import _map_args, open_page

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    _add(data, gaz, "provinsi-uji.csv")
    at = open_page("peta", election="pilkada-2024", as_of="2024-11-27")
    kab = _map_args(at)
    assert "32.01" in kab["units"]  # the commitment map: kabupaten/kota
    assert [b.key for b in at.get("download_button") if b.key.startswith("dl_peta_")]
    at.selectbox(key="map_mode").set_value("both:provinsi-uji").run()
    args = _map_args(at)
    assert set(args["units"]) == {u for u in args["units"] if "." not in u} and "36" in args["units"]
    assert args["geometry"] is not None  # other units: their drawing is sent once
    assert args["units"]["36"]["tip"][2] == ["Indeks kerawanan provinsi uji (fiktif), skor 0-100", "81,7 (30 Jun 2024, Badan Uji Fiktif)"]
    assert args["units"]["31"]["tip"][2][1] == "tidak ada data"
    keys = {b.key for b in at.get("download_button")}
    assert {"dl_risk_peta_png", "dl_risk_peta_pdf", "dl_risk_peta_csv", "dl_risk_peta_xlsx"} <= keys
    assert not {k for k in keys if k.startswith("dl_peta_")}  # the files are of what the map shows
    at.selectbox(key="focus").set_value("36").run()  # a province clicked on that map: its panel
    assert not at.exception
    assert any("Indeks kerawanan provinsi uji (fiktif), skor 0-100: **81,7**" in c.value.replace("\\", "") for c in at.caption)


def test_a_curated_file_over_the_size_limit_is_named_unread(data, gaz):
    from dashboard import context

    (data / "indicators").mkdir()
    with open(data / "indicators" / "besar.csv", "wb") as fh:
        fh.truncate(21 * 1024 * 1024 + 1)  # never read: the limit is checked on the file's size
    with pytest.raises(PetaError) as err:
        context.seed_indicators(Store(f"sqlite:///{data / 'peta.db'}"), gaz, data)
    (p,) = err.value.problems
    assert (p.file, p.field, p.value) == ("indicators/besar.csv", "(file)", "21.0 MB") and "at most 20 MB" in str(p)


# -- categorical indicators (issue 36: Bawaslu's IKP Pilkada 2024 publishes a class, not a number) --

KELAS = ("kode_wilayah,indikator,nama_indikator,nilai,tanggal,sumber_media\n"
         "32.01.24,kelas-uji,Kelas kerawanan uji (fiktif),tinggi,2024-08-01,Lembaga Uji Fiktif\n"
         "32.01.01,kelas-uji,,Sedang,2024-08-01,Lembaga Uji Fiktif\n"
         "32.01.02,kelas-uji,,rendah,2024-08-01,Lembaga Uji Fiktif\n").encode()


def test_a_categorical_indicator_is_stored_drawn_and_listed_by_its_classes(records, gaz, data):
    from dashboard.report import Report
    from dashboard.risk import Risk

    values, problems = indicators.parse("kelas-uji.csv", KELAS, gaz, TODAY)
    assert not problems and [v.value for v in values] == [3.0, 2.0, 1.0]
    assert {v.scale for v in values} == {indicators.SCALE_NAME}
    store = Store(f"sqlite:///{data / 'peta.db'}")
    add_indicators(store, values, User("operator"), "import", lambda rows: None)
    table = indicators.table(store.indicator_rows())
    rep = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), "id")
    risk = Risk(rep, table, "kelas-uji")
    # the legend is the scale's classes by their words, highest first, and no thirds of values
    legend = [label for label, _ in maps.risk_fills(risk.units, risk.figures, "id", False)[1]]
    assert legend == ["tinggi", "sedang", "rendah", "tidak ada data"]
    # "high risk" is the top class: Ciawi (no binding ceremony, tinggi); its value reads as the word
    high, despite = risk.priority
    assert list(high["Kode"]) == ["32.01.24"] and list(high["Nilai"]) == ["tinggi"]
    assert list(despite["Nilai"]) == ["sedang"]  # Cibinong is reached, and its class is above the lowest
    tip = dict(risk.layer()["units"]["32.01.02"]["tip"])
    assert tip["Kelas kerawanan uji (fiktif)"].startswith("rendah (")


def test_an_indicator_is_all_numbers_or_all_classes(gaz):
    mixed = KELAS + b"32.01.03,kelas-uji,,42,2024-08-01,Lembaga Uji Fiktif\n"
    _, problems = indicators.parse("campur.csv", mixed, gaz, TODAY)
    assert [(p.field, p.value) for p in problems] == [("nilai", "42")]
    assert "kelas-uji.csv" not in problems[0].expected and "baris 2" in problems[0].expected
