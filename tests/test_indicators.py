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

from dashboard import indicators
from dashboard.errors import PetaError
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
        ("rusak.csv baris 4", "nilai", "tinggi", "a_number"),                   # not a number
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
    store.add_indicators(values[:1], "lain", "import", lambda rows: None)  # someone else, meanwhile

    def check(rows):
        late = indicators.clashes(values, indicators.table(rows))
        if late:
            raise PetaError(late)

    with pytest.raises(PetaError, match="risiko-uji.csv baris 2"):
        store.add_indicators(values, "operator", "import", check)
    assert len(store.indicator_rows()) == 1  # nothing of the refused import


def test_coverage_json_gives_each_units_own_newest_value_and_none_without(data):
    assert run("indicators", "import", str(SHEETS / "risiko-uji.csv"), "--data", str(data)).returncode == 0
    out = run("coverage", "--election", "pilkada-2024", "--region", "32.01", "--as-of", "2024-11-27",
              "--indicator", "risiko-uji", "--json", "--data", str(data))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["indicator_id"] == "risiko-uji"
    # Kab. Bogor's own value of 1 Aug (the one of 1 Dec is after the view's date)
    assert got["parent"]["indicator"] == {"id": "risiko-uji", "name": "Skor risiko uji (fiktif)", "value": 72.0,
                                          "date": "2024-08-01", "source": "Lembaga Uji Fiktif", "url": None}
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
    assert store.add_indicators(values, "operator", "import", lambda rows: None) == 8
    table = indicators.table(store.indicator_rows())
    assert indicators.latest(table, "risiko-uji", dt.date(2024, 11, 27), ["32.01", "32.01.25"]) == {
        "32.01": {"id": "risiko-uji", "name": "Skor risiko uji (fiktif)", "value": 72.0, "date": "2024-08-01",
                  "source": "Lembaga Uji Fiktif", "url": None},
        "32.01.25": None}
    with pytest.raises(Exception):  # the database refuses a second value for one indicator, region and date
        store.add_indicators(values[:1], "operator", "import", lambda rows: None)
    assert len(store.indicator_rows()) == 8


def test_a_missing_file_or_a_wrong_kind_is_named(tmp_path):
    out = run("indicators", "import", str(tmp_path / "tidak-ada.csv"))
    assert out.returncode == 2 and "tidak-ada.csv" in out.stderr and "a .csv or .xlsx file that exists" in out.stderr
    out = run("indicators", "template", "--out", str(tmp_path / "templat.ods"))
    assert out.returncode == 2 and "templat.ods" in out.stderr and not (tmp_path / "templat.ods").exists()
