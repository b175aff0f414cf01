"""Elections of every shape (issue 22): the shipped calendar is valid and every election names its
source; a re-vote belongs to its election and is held in listed regions, whose units alone are
counted; the opening election follows the region in view; a ceremony for a re-vote outside its
regions is refused with the regions named."""

from __future__ import annotations

import datetime as dt
import re
import json
import shutil

import pytest
import yaml

from dashboard import metrics, views
from dashboard.errors import PetaError
from dashboard.records.read import RawReport, read_calendar
from dashboard.records.tables import load_folder
from dashboard.records.validate import validate_calendar

from .conftest import DATA, ROOT

PSU = ROOT / "tests" / "fixtures" / "calendar-psu"
TODAY = dt.date(2026, 12, 2)


def _ceremony(cid: str, region: str, level: str, day: dt.date, election: str) -> dict:
    return {"id": cid, "region": region, "level": level, "date": day, "elections": [election],
            "kinds": ["apel", "pakta_integritas"],
            "signatories": [{"group": "kepala_perangkat_daerah", "all": True}, {"group": "camat", "all": True},
                            {"group": "asn", "all": True}],
            "sources": [{"outlet": "Warta Uji", "title": f"Apel netralitas {cid}"}]}


@pytest.fixture
def psu_data(tmp_path):
    """The test records with the re-vote calendar, and a Pemkab-wide pledge of Kab. Bogor before
    its re-vote (written for the test)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    shutil.copyfile(PSU / "elections.yaml", data / "elections.yaml")
    rec = _ceremony("bogor-psu-2025-04-10", "32.01", "kabupaten/kota", dt.date(2025, 4, 10), "psu-uji-2025")
    (data / "ceremonies" / "bogor-psu-2025-04-10.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    return data


def _open(data, monkeypatch, **params):
    """The app on ``data`` (its own SQLite store), opened with ``params`` in the link; no traceback."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_shipped_data_is_valid_and_every_election_names_its_source(gaz):
    """The one test that reads data/: only that it loads and that each election is sourced."""
    rec = load_folder(ROOT / "data", gaz)  # a PetaError here names the file, record and field
    entries = read_calendar(ROOT / "data")
    assert set(rec.calendar["id"]) == {e.data["id"] for e in entries}
    for e in entries:
        sources = e.data.get("sources") or []
        assert sources, e.data["id"]
        assert all(s.get("outlet") and str(s.get("url", "")).startswith("https://") for s in sources), e.data["id"]
    # issue 27: a shipped indicator figure is checked as an imported one, and names who published it, where
    from dashboard import indicators

    values, problems = indicators.read_folder(ROOT / "data", gaz, dt.date.today())
    assert not problems, [str(p) for p in problems]
    assert all(v.outlet and str(v.url or "").startswith("https://") for v in values), [v.origin for v in values]
    # issue 36: every ceremony's source can be followed: its link, its title and its publication
    # date, or a note saying the page shows none (never a made-up title or date)
    from dashboard.records.read import YamlFolder

    for report in YamlFolder(ROOT / "data").reports():
        for s in report.data["sources"]:
            where = (report.origin, s.get("outlet"))
            assert re.match(r"^https?://\S+$", str(s.get("url") or "")), where
            assert s.get("title") or "judul" in (s.get("note") or ""), where
            assert s.get("published") or "tanggal terbit" in (s.get("note") or ""), where


def test_the_opening_election_follows_the_region(psu_data, gaz):
    cal = load_folder(psu_data, gaz).calendar
    assert metrics.default_election(cal, TODAY) == "pilkada-2024"  # Indonesia: the latest held everywhere
    assert metrics.default_election(cal, TODAY, "32") == "pilkada-2024"  # Jawa Barat does not re-vote as a whole
    assert metrics.default_election(cal, TODAY, "32.02") == "pilkada-2024"  # Kab. Sukabumi: no re-vote
    assert metrics.default_election(cal, TODAY, "32.01") == "psu-uji-2025"  # its re-vote is the latest
    assert metrics.default_election(cal, TODAY, "32.01.24") == "psu-uji-2025"  # and its kecamatan's
    assert metrics.default_election(cal, TODAY, "32.75") == "ulang-uji-2025"
    before = dt.date(2025, 3, 1)
    assert metrics.default_election(cal, before, "36.02") == "psu-uji-2025"  # upcoming
    assert metrics.default_election(cal, before) == "pilkada-2024"
    assert metrics.default_election(cal, dt.date(2024, 1, 1)) == "pemilu-2024"


def test_a_revote_counts_only_the_regions_that_vote(psu_data, gaz):
    rec = load_folder(psu_data, gaz)
    kec = gaz.table[gaz.table["level"] == "kecamatan"]["code"]
    voting = int(kec.str.startswith(("32.01.", "36.02.")).sum())
    national = metrics.coverage(rec, gaz, "psu-uji-2025", dt.date(2025, 4, 19), None)
    reached, total, _share, level = national.headline
    assert (total, level) == (voting, "kecamatan")
    # Kab. Bogor's Pemkab-wide pledge (every camat and ASN) reaches its 40 kecamatan; Lebak has none yet
    assert reached == 40
    assert metrics.coverage(rec, gaz, "pilkada-2024", dt.date(2024, 11, 27), None).headline[1] == len(kec)


def test_a_revote_says_what_it_belongs_to_and_where_it_is_held(psu_data, gaz):
    cal = load_folder(psu_data, gaz).calendar
    assert views.election_note(cal, "psu-uji-2025", gaz, "id") == (
        "Pemungutan suara ulang Pilkada Serentak 2024 · hanya di Kabupaten Bogor, Kabupaten Lebak")
    assert views.election_note(cal, "ulang-uji-2025", gaz, "en") == (
        "Repeat of the 2024 Regional Elections · only in Kota Bekasi")
    assert views.election_note(cal, "pilkada-2024", gaz, "id") is None


def test_a_ceremony_for_a_revote_outside_its_regions_is_refused_with_the_regions_named(psu_data, gaz):
    rec = _ceremony("sukabumi-psu-2025-04-10", "32.02", "kabupaten/kota", dt.date(2025, 4, 10), "psu-uji-2025")
    (psu_data / "ceremonies" / "sukabumi-psu-2025-04-10.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    with pytest.raises(PetaError) as exc:
        load_folder(psu_data, gaz)
    (problem,) = exc.value.problems
    assert problem.field == "elections" and problem.value == "psu-uji-2025"
    assert "held only in 32.01, 36.02" in problem.expected and problem.file == "sukabumi-psu-2025-04-10.yaml"


def test_calendar_entries_are_checked(gaz):
    src = [{"outlet": "Warta Uji"}]
    cal = [RawReport("e.yaml", {"id": "daerah-2030", "name": "D", "date": dt.date(2030, 4, 1),
                                "regions": ["32.01", "35.20"], "sources": src}),
           RawReport("e.yaml", {"id": "psu-a", "name": "P A", "date": dt.date(2030, 6, 1), "part_of": "daerah-2030",
                                "kind": "psu", "regions": ["32.01.01", "36.02"], "sources": src}),
           RawReport("e.yaml", {"id": "psu-b", "name": "P B", "date": dt.date(2030, 6, 1), "part_of": "tidak-ada",
                                "kind": "x"}),
           RawReport("e.yaml", {"id": "psu-c", "name": "P C", "date": dt.date(2030, 6, 1), "kind": "psu",
                                "sources": src})]
    problems: list = []
    validate_calendar(cal, problems, gaz)
    found = {(p.record, p.field, str(p.value)) for p in problems}
    assert found == {("psu-a", "regions", "36.02"), ("psu-b", "sources", "None"), ("psu-b", "part_of", "tidak-ada"),
                     ("psu-b", "kind", "x"), ("psu-c", "kind", "psu")}
    assert any("psu, pemilihan_ulang" in p.expected for p in problems if p.field == "kind")


def test_what_no_election_can_be_is_refused_with_its_limit(gaz):
    """Issue 35: dates outside the one range the form, the store and the as-of picker share; a
    name too long for the picker or already taken (the session would move to the other election);
    more regions than Indonesia has governments."""
    from dashboard.records.validate import ELECTION_DATES
    from dashboard.ui.controls import AS_OF_RANGE

    assert AS_OF_RANGE == ELECTION_DATES  # one range: an election the calendar takes can be looked at
    src = [{"outlet": "Warta Uji"}]
    cal = [RawReport("e.yaml", {"id": "pemilu-2019", "name": "Pemilu 2019", "date": dt.date(2019, 4, 17), "sources": src}),
           RawReport("e.yaml", {"id": "kuno", "name": "Kuno", "date": dt.date(1, 1, 1), "sources": src}),
           RawReport("e.yaml", {"id": "jauh", "name": "Jauh", "date": dt.date(9999, 12, 31), "sources": src}),
           RawReport("e.yaml", {"id": "panjang", "name": "x" * 100_000, "date": dt.date(2030, 1, 1), "sources": src}),
           RawReport("e.yaml", {"id": "kembar", "name": "pemilu  2019", "date": dt.date(2030, 2, 1), "sources": src}),
           RawReport("e.yaml", {"id": "banyak", "name": "Banyak", "date": dt.date(2030, 3, 1), "sources": src,
                                "regions": [f"32.{i:02d}" for i in range(1, 100)] * 7}),
           RawReport("e.yaml", {"id": "rencana", "name": "Rencana", "year": 2101, "sources": src})]
    problems: list = []
    validate_calendar(cal, problems, gaz)
    found = {(p.record, p.field) for p in problems if p.field != "regions" or "at most" in p.expected}
    assert found == {("kuno", "date"), ("jauh", "date"), ("panjang", "name"), ("kembar", "name"),
                     ("banyak", "regions"), ("rencana", "year")}
    said = {p.record: p.expected for p in problems}
    assert "2000-01-01" in said["kuno"] and "2050-12-31" in said["jauh"]
    assert "at most 80 characters (this one has 100000)" in said["panjang"]
    assert "'pemilu-2019' already has it" in said["kembar"]
    assert "at most 600 regions" in said["banyak"] and "2050" in said["rencana"]


def test_a_revote_region_opens_on_its_revote_and_the_sidebar_says_what_it_is(psu_data, monkeypatch):
    at = _open(psu_data, monkeypatch, region="32.01")
    assert at.selectbox(key="election").value == "psu-uji-2025"
    notes = [c.value for c in at.sidebar.caption]
    assert "Pemungutan suara ulang Pilkada Serentak 2024 · hanya di Kabupaten Bogor, Kabupaten Lebak" in notes
    at = _open(psu_data, monkeypatch)  # Indonesia
    assert at.selectbox(key="election").value == "pilkada-2024"
    assert not [c for c in at.sidebar.caption if "hanya di" in c.value]


def test_the_runups_compared_on_one_h_axis(psu_data, gaz, tmp_path, monkeypatch):
    """Pilkada 2024 and its re-vote in Kab. Bogor, aligned on their election days: chart, table,
    CSV export and CLI say the same numbers."""
    import io

    import pandas as pd

    from dashboard import cli
    from dashboard.export.files import export
    from dashboard.report import Report

    rec = load_folder(psu_data, gaz)
    frame = metrics.comparison(rec, gaz, ["pilkada-2024", "psu-uji-2025"], "32.01", TODAY)
    last = frame.sort_values("h").groupby("election_id").first()  # each one's election day (h = 0)
    assert list(last["h"]) == [0, 0]
    assert last.loc["psu-uji-2025", "covered"] == 40  # the Pemkab-wide pledge reaches every kecamatan
    assert last.loc["pilkada-2024", "covered"] == 2  # Cibinong and Rancabungur
    assert set(last["total"]) == {40}
    rep = Report(rec, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27), compare="psu-uji-2025")
    fig = rep.figure("perbandingan")
    assert [tr.name for tr in fig.data] == ["Pilkada Serentak 2024", "PSU Uji 19 April 2025"]
    assert max(fig.data[1].y) == 1.0 and max(fig.data[0].y) == pytest.approx(2 / 40)
    assert all(x <= 0 for tr in fig.data for x in tr.x)  # nothing after either election day
    csv = export(rep, "perbandingan", "csv").data.decode("utf-8-sig")
    body = pd.read_csv(io.StringIO(csv.split("\n\n", 1)[1]))
    day = body[body["H"] == "H"].set_index("Pemilihan")
    assert day.loc["PSU Uji 19 April 2025", "Terjangkau"] == 40
    assert day.loc["Pilkada Serentak 2024", "Terjangkau"] == 2
    assert export(rep, "perbandingan", "csv").file_name.startswith("perbandingan_kab-bogor_pilkada-2024_psu-uji-2025")
    with pytest.raises(PetaError, match="an election to compare with"):
        Report(rec, gaz, "pilkada-2024", "32.01").figure("perbandingan")
    monkeypatch.setenv("PETA_DATA_DIR", str(psu_data))
    out = tmp_path / "banding.csv"
    assert cli.main(["export", "chart", "--election", "pilkada-2024", "--compare", "psu-uji-2025", "--region", "32.01",
                     "--name", "perbandingan", "--format", "csv", "--out", str(out)]) == 0
    assert out.read_bytes() == export(Report(load_folder(psu_data, gaz), gaz, "pilkada-2024", "32.01",
                                             compare="psu-uji-2025"), "perbandingan", "csv").data


def test_only_elections_with_a_day_can_be_compared(psu_data, gaz):
    cal = load_folder(psu_data, gaz).calendar
    assert metrics.comparable(cal, "32.01", "pilkada-2024") == ["pemilu-2024", "psu-uji-2025"]
    assert metrics.comparable(cal, None, "pilkada-2024") == ["pemilu-2024"]
    assert metrics.comparable(cal, "32.01", "pemilu-2029") == []


def test_a_region_record_across_elections(psu_data, gaz):
    rec = load_folder(psu_data, gaz)
    bogor = views.cycle_rows(rec, gaz, "32.01", "id", TODAY).set_index("election_id")
    # not Kota Bekasi's repeat; the planned Pemilu 2029 last, counted to today
    assert list(bogor.index) == ["pemilu-2024", "pilkada-2024", "psu-uji-2025", "pemilu-2029"]
    assert bogor.loc["pemilu-2029", "Tanggal"] == "belum ada *"
    assert bogor.loc["psu-uji-2025", "Kecamatan terjangkau"] == "40 / 40 (100 %)"
    assert bogor.loc["psu-uji-2025", "Upacara pemerintah daerah sendiri"] == "Pemda sudah berikrar"
    assert bogor.loc["pilkada-2024", "Kecamatan terjangkau"] == "2 / 40 (5 %)"
    # each figure is the one that election's own view shows
    cov = metrics.coverage(rec, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32.01")
    # each figure is named as its tile names it (one word, one thing)
    assert bogor.loc["pilkada-2024", "Upacara komitmen"] == len(cov.ceremony_ids)
    national = views.cycle_rows(rec, gaz, None, "id", TODAY)
    assert list(national["election_id"]) == ["pemilu-2024", "pilkada-2024", "pemilu-2029"]
    ahead = views.cycle_rows(rec, gaz, "32.01", "id", dt.date(2025, 4, 1)).set_index("election_id")
    assert ahead.loc["psu-uji-2025", "Tanggal"].endswith("*")  # still ahead: counted to today
    assert ahead.loc["psu-uji-2025", "Kecamatan terjangkau"].startswith("0 / 40")


def test_the_timeline_draws_only_this_regions_elections_up_to_its_own(psu_data, gaz):
    from dashboard.report import Report

    rec = load_folder(psu_data, gaz)
    annotations = [a.text for a in Report(rec, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27))
                   .figure("linimasa").layout.annotations]
    assert "Pilkada Serentak 2024" in annotations and not [a for a in annotations if "uji" in str(a)]
    annotations = [a.text for a in Report(rec, gaz, "psu-uji-2025", "32.01", dt.date(2025, 4, 19))
                   .figure("linimasa").layout.annotations]
    assert "PSU Uji 19 April 2025" in annotations
    assert not [a for a in annotations if "Ulang" in str(a)]  # Kota Bekasi's repeat is not Kab. Bogor's


def test_linimasa_compares_and_ringkasan_shows_the_record(psu_data, monkeypatch):
    at = _open(psu_data, monkeypatch, region="32.01")
    tables = [d.value for d in at.dataframe if "Pemilihan" in d.value.columns]
    assert tables and list(tables[0]["Pemilihan"]) == ["Pemilu 2024", "Pilkada Serentak 2024",
                                                       "PSU Uji 19 April 2025", "Pemilu 2029"]
    at.switch_page("app_pages/linimasa.py").run()
    assert at.selectbox(key="compare").options == ["(tanpa pembanding)", "Pemilu 2024", "Pilkada Serentak 2024"]
    at.selectbox(key="compare").set_value("pilkada-2024").run()
    assert not at.exception, [e.message for e in at.exception]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    names = [[tr.get("name") for tr in c["data"]] for c in charts]
    assert ["PSU Uji 19 April 2025", "Pilkada Serentak 2024"] in names


ARTICLES_PSU = ROOT / "tests" / "fixtures" / "articles-psu"


@pytest.mark.parametrize("name, region, elections", [
    ("psu-bogor.txt", "32.01", ["psu-uji-2025"]),  # "PSU" named: the re-vote, not also Pilkada 2024
    ("pilkada-lebak-2025.txt", "36.02", ["psu-uji-2025"]),  # "Pilkada" before Lebak's re-vote: that re-vote
    ("pilkada-sukabumi-2025.txt", "32.02", None),  # after Pilkada 2024, no re-vote there: nothing sure
])
def test_the_extractor_suggests_the_revote_where_and_when_there_is_one(gaz, name, region, elections):
    from dashboard.extract.article import from_text
    from dashboard.extract.draft import Calendar, extract

    cal = Calendar.from_raw(read_calendar(PSU))
    article = from_text(name, (ARTICLES_PSU / name).read_text(encoding="utf-8"), published=dt.date(2025, 4, 11))
    draft = extract(article, gaz, cal)
    assert draft.value("region") == region
    got = draft.readings["elections"]
    if elections is None:
        assert got.value in (None, ["pilkada-2024"]) and got.confidence != "sure"
    else:
        assert got.value == elections
        assert "pilkada-2024" not in (got.value or [])


def test_the_import_template_offers_the_elections_of_its_region(psu_data, gaz):
    from dashboard.forms import sheet

    cal = load_folder(psu_data, gaz).calendar
    assert metrics.elections_in(cal, "32.01.24") == ["pemilu-2024", "pilkada-2024", "psu-uji-2025", "pemilu-2029"]
    assert metrics.elections_in(cal, "32.02") == ["pemilu-2024", "pilkada-2024", "pemilu-2029"]
    assert metrics.elections_in(cal, "32") == ["pemilu-2024", "pilkada-2024", "psu-uji-2025", "ulang-uji-2025",
                                               "pemilu-2029"]
    assert metrics.elections_in(cal, None) == list(cal["id"])
    choices = sheet.template_choices(gaz, metrics.elections_in(cal, "32.02"), "32.02")
    assert choices["pemilihan"] == ["pemilu-2024", "pilkada-2024", "pemilu-2029"]



def test_a_planned_election_has_no_countdown_and_still_takes_ceremonies(psu_data, gaz, monkeypatch):
    """Pemilu 2029: a year, no day. It is never the opening election, counts nothing down, has no
    H axis and nothing to align on, says "tanggal belum ditetapkan", and a ceremony for it loads
    and counts up to today."""
    from dashboard.report import Report

    rec = _ceremony("cibinong-2029-uji", "32.01.01", "kecamatan", dt.date(2026, 10, 1), "pemilu-2029")
    (psu_data / "ceremonies" / "cibinong-2029-uji.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    records = load_folder(psu_data, gaz)
    assert records.election_day("pemilu-2029") is None
    cal = records.calendar
    assert metrics.default_election(cal, TODAY) == "pilkada-2024"  # never the opening one
    assert metrics.next_planned(cal, None, TODAY)["id"] == "pemilu-2029"
    assert metrics.next_planned(cal, "32.01", dt.date(2025, 4, 1))["id"] == "psu-uji-2025"  # a day ahead first
    rep = Report(records, gaz, "pemilu-2029", "32.01", TODAY)
    assert rep.as_of == TODAY and rep.summary.countdown == "–"
    assert rep.summary.countdown_text == "Tanggal belum ditetapkan (2029)"
    assert rep.summary.covered == 1  # Kec. Cibinong's own ceremony counts
    fig = rep.figure("linimasa", axis="h")  # no H axis: drawn on dates
    assert fig.layout.xaxis.title.text == "Tanggal"
    assert metrics.comparison(records, gaz, ["pilkada-2024", "pemilu-2029"], "32.01", TODAY)["election_id"].unique() \
        .tolist() == ["pilkada-2024"]
    bad = [RawReport("e.yaml", {"id": "tanpa-hari", "name": "X", "sources": [{"outlet": "Warta Uji"}]}),
           RawReport("e.yaml", {"id": "salah-tahun", "name": "Y", "date": dt.date(2029, 4, 1), "year": 2030,
                                "sources": [{"outlet": "Warta Uji"}]})]
    problems: list = []
    validate_calendar(bad, problems, gaz)
    assert {(p.record, p.field) for p in problems} == {("tanpa-hari", "date"), ("salah-tahun", "year")}

    for page in ("ringkasan", "peta", "kesiapan", "linimasa", "data"):
        at = _open(psu_data, monkeypatch, election="pemilu-2029", region="32.01")
        if page != "ringkasan":
            at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, [e.message for e in at.exception])
        if page == "ringkasan":
            assert [m.value for m in at.metric][0] == "–"
            assert any("Tanggal belum ditetapkan (2029)" in m.value for m in at.markdown)
        if page == "linimasa":
            assert at.radio(key="axis").disabled and at.selectbox(key="compare").options == ["(tanpa pembanding)"]
    _open(psu_data, monkeypatch, election="pemilu-2029", region="32.01", mode="briefing")
    at = _open(psu_data, monkeypatch)  # looking back at 2024: what is next
    notes = [c.value.replace("\\", "") for c in at.sidebar.caption]  # data text is markdown-escaped
    assert "Pemilihan berikutnya: Pemilu 2029 · Tanggal belum ditetapkan (2029)" in notes, notes


# -- the calendar in the store: added and corrected from the app (issue 22 §2) ------------------

@pytest.fixture
def psu_store(psu_data, gaz, monkeypatch):
    from dashboard import context

    monkeypatch.setenv("PETA_DATA_DIR", str(psu_data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    db = context.store(psu_data)
    context.seed(db, gaz, psu_data)
    return db, psu_data


def _second_psu(**over) -> dict:
    entry = {"id": "psu-uji-2025-08", "name": "PSU Uji 6 Agustus 2025", "name_en": "Re-vote (test, 6 August 2025)",
             "date": dt.date(2025, 8, 6), "part_of": "pilkada-2024", "kind": "psu", "regions": ["36.02"],
             "sources": [{"outlet": "Warta Uji", "title": "Lebak menggelar PSU kedua",
                          "url": "https://warta-uji.example/psu-2", "published": dt.date(2025, 7, 1)}]}
    entry.update(over)
    return entry


def test_the_store_holds_the_seeded_calendar_and_a_global_user_adds_an_election(psu_store, gaz):
    from dashboard import context
    from dashboard.store import editing
    from dashboard.store.editing import User

    db, data = psu_store
    assert [e.data for e in db.calendar()] == [e.data for e in read_calendar(data)]
    editing.save_election(db, gaz, _second_psu(), User("admin-nasional"))
    assert _second_psu() == db.calendar()[-1].data
    last = db.history()[-1]
    assert (last.action, last.ceremony_id, last.user, last.before) == (
        "election_add", "pemilihan:psu-uji-2025-08", "admin-nasional", None)
    assert "Lebak menggelar PSU kedua" in last.after
    rec = context.records(gaz, data)  # every page reads the stored calendar
    assert "psu-uji-2025-08" in set(rec.calendar["id"])
    regions = rec.calendar.set_index("id").loc["psu-uji-2025-08", "regions"]
    assert metrics.votes_in("36.02.01", regions) and not metrics.votes_in("32.01.01", regions)
    # a ceremony can be recorded for it in Kab. Lebak (the write checks the stored calendar under the lock) ...
    lebak = _ceremony("lebak-psu-2025-07-20", "36.02", "kabupaten/kota", dt.date(2025, 7, 20), "psu-uji-2025-08")
    editing.create(db, gaz, lebak, User("admin-nasional"))
    # ... and not in Kab. Bogor, which does not vote in it: refused with its regions named
    bogor = _ceremony("bogor-psu-2025-07-20", "32.01", "kabupaten/kota", dt.date(2025, 7, 20), "psu-uji-2025-08")
    with pytest.raises(PetaError, match=r"36\.02") as err:
        editing.create(db, gaz, bogor, User("admin-nasional"))
    assert err.value.problems[0].field == "elections"
    # seeding the unchanged file again keeps the election added in the app
    context.seed(db, gaz, data)
    assert "psu-uji-2025-08" in [e.data["id"] for e in db.calendar()]


def test_only_a_user_of_every_region_changes_the_calendar(psu_store, gaz):
    from dashboard.store import editing
    from dashboard.store.editing import User

    db, _ = psu_store
    before, calendar = len(db.history()), db.calendar()
    with pytest.raises(PetaError, match="every region") as err:
        editing.save_election(db, gaz, _second_psu(), User("sekda-lebak", "36.02"))
    assert (err.value.problems[0].field, err.value.problems[0].value) == ("region", "36.02")
    with pytest.raises(PetaError, match="signed-in"):
        editing.save_election(db, gaz, _second_psu(), None)
    assert len(db.history()) == before and [e.data for e in db.calendar()] == [e.data for e in calendar]


@pytest.mark.parametrize("change, field", [
    ({"sources": []}, "sources"),                      # a source is required
    ({"regions": ["99.99"]}, "regions"),               # a code the boundary data does not hold
    ({"regions": ["33.01"]}, "regions"),               # not a region that voted in its election? (all did: see below)
    ({"part_of": "pemilu-2030"}, "part_of"),           # an election the calendar does not hold
    ({"date": None}, "date"),                          # no day and no year
    ({"id": "PSU Kedua"}, "id"),                       # not an id
])
def test_an_election_is_checked_as_a_seed_entry_is(psu_store, gaz, change, field):
    from dashboard.store import editing
    from dashboard.store.editing import User

    db, _ = psu_store
    before = len(db.history())
    entry = _second_psu(**change)
    if field == "regions" and change["regions"] == ["33.01"]:
        entry["part_of"] = "psu-uji-2025"  # a re-vote of the re-vote must lie in 32.01 or 36.02
    with pytest.raises(PetaError) as err:
        editing.save_election(db, gaz, entry, User("admin"))
    assert field in {p.field.split("[")[0] for p in err.value.problems}, err.value.message
    assert len(db.history()) == before


def test_a_correction_is_checked_against_every_stored_ceremony_and_kept_in_history(psu_store, gaz):
    from dashboard.store import editing
    from dashboard.store.codec import load
    from dashboard.store.editing import User

    db, data = psu_store
    row = next(r for r in db.election_rows() if r.election_id == "psu-uji-2025")
    entry = load(row.data)
    # Kab. Bogor's pledge before the re-vote refers to it: taking 32.01 out of its regions is refused
    with pytest.raises(PetaError, match="bogor-psu-2025-04-10") as err:
        editing.save_election(db, gaz, {**entry, "regions": ["36.02"]}, User("admin"), version=row.version)
    assert any(p.field == "elections" and "36.02" in p.expected for p in err.value.problems)
    # a new id without a version is a new election: the stored one is not overwritten
    with pytest.raises(PetaError, match="not used yet"):
        editing.save_election(db, gaz, {**entry, "name": "PSU lain"}, User("admin"))
    fixed = {**entry, "name": "PSU Uji 19 April 2025 (dikoreksi)"}
    editing.save_election(db, gaz, fixed, User("admin"), version=row.version)
    last = db.history()[-1]
    assert last.action == "election_edit" and "(dikoreksi)" in last.after and "(dikoreksi)" not in last.before
    # someone who opened the old version cannot overwrite the correction
    with pytest.raises(PetaError, match="someone else"):
        editing.save_election(db, gaz, {**entry, "note": "basi"}, User("admin-2"), version=row.version)
    # the seed file changed meanwhile: the correction made in the app is kept, other changes come in
    text = (data / "elections.yaml").read_text(encoding="utf-8")
    (data / "elections.yaml").write_text(text.replace("name: PSU Uji 19 April 2025", "name: PSU dari berkas")
                                         .replace("title: Pemilu berikutnya pada 2029",
                                                  "title: Pemilu berikutnya pada 2029 (diperbarui)"), encoding="utf-8")
    from dashboard import context

    context.seed(db, gaz, data)
    stored = {e.data["id"]: e.data for e in db.calendar()}
    assert stored["psu-uji-2025"]["name"] == "PSU Uji 19 April 2025 (dikoreksi)"
    assert stored["pemilu-2029"]["sources"][0]["title"] == "Pemilu berikutnya pada 2029 (diperbarui)"


def test_the_kalender_page_adds_an_election_for_a_global_user_only(psu_data, monkeypatch):
    import pandas as pd

    from dashboard.store.editing import User

    at = _open(psu_data, monkeypatch)
    at.switch_page("app_pages/kalender.py").run()
    assert not at.exception, [e.message for e in at.exception]
    # the cells are escaped Markdown (st.table reads Markdown): compared as they render
    listed = at.table[0].value.map(lambda v: str(v).replace("\\", ""))
    assert list(listed["Id pemilihan"]) == ["pemilu-2024", "pilkada-2024", "psu-uji-2025", "ulang-uji-2025",
                                            "pemilu-2029"]  # by voting day; the planned one last
    row = listed.set_index("Id pemilihan").loc["psu-uji-2025"]
    assert row["Bagian dari"] == "Pemungutan suara ulang Pilkada Serentak 2024"
    assert row["Wilayah yang memilih"] == "Kabupaten Bogor, Kabupaten Lebak"
    assert listed.set_index("Id pemilihan").loc["pemilu-2029", "Hari pemungutan suara"] == "Tanggal belum ditetapkan (2029)"
    assert any("Masuk dulu" in i.value for i in at.info) and not at.get("form")
    at.session_state["_user"] = User("sekda-lebak", "36.02")
    at.run()
    assert any("seluruh wilayah" in i.value and "Kabupaten Lebak" in i.value for i in at.info) and not at.get("form")
    at.session_state["_user"] = User("admin-nasional")
    at.session_state["k_sources"] = pd.DataFrame([{"outlet": "Warta Uji", "title": "PSU kedua di **Lebak** [lihat](https://warta-uji.example/x)",
                                                   "url": "https://warta-uji.example/psu-2", "published": None}],
                                                 columns=["outlet", "title", "url", "published"])
    at.run()
    at.text_input(key="k_id").set_value("psu-uji-2025-08")
    at.text_input(key="k_name").set_value("PSU Uji 6 Agustus 2025")
    at.date_input(key="k_date").set_value(dt.date(2025, 8, 6))
    at.multiselect(key="k_regions").set_value(["36.02"])
    at.selectbox(key="k_part_of").set_value("pilkada-2024")
    at.selectbox(key="k_kind").set_value("psu")
    at.button[[b.label for b in at.button].index("Simpan")].click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("PSU Uji 6 Agustus 2025" in s.value for s in at.success)
    raw = at.table[0].value.set_index("Id pemilihan").loc["psu\\-uji\\-2025\\-08", "Sumber"]
    assert "\\*\\*Lebak\\*\\*" in raw and "\\[lihat\\]" in raw  # a typed title is literal text, never markup
    listed = at.table[0].value.map(lambda v: str(v).replace("\\", ""))
    assert "psu-uji-2025-08" in list(listed["Id pemilihan"])
    assert at.selectbox(key="election").options.count("PSU Uji 6 Agustus 2025") == 1  # the sidebar offers it
    at.switch_page("app_pages/riwayat.py").run()
    hist = at.dataframe[0].value
    assert list(hist["Tindakan"])[-1] == "pemilihan ditambahkan" and list(hist["Oleh"])[-1] == "admin-nasional"
