"""Elections of every shape (issue 22): the shipped calendar is valid and every election names its
source; a re-vote belongs to its election and is held in listed regions, whose units alone are
counted; the opening election follows the region in view; a ceremony for a re-vote outside its
regions is refused with the regions named."""

from __future__ import annotations

import datetime as dt
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


def test_the_shipped_data_is_valid_and_every_election_names_its_source(gaz):
    """The one test that reads data/: only that it loads and that each election is sourced."""
    rec = load_folder(ROOT / "data", gaz)  # a PetaError here names the file, record and field
    entries = read_calendar(ROOT / "data")
    assert set(rec.calendar["id"]) == {e.data["id"] for e in entries}
    for e in entries:
        sources = e.data.get("sources") or []
        assert sources, e.data["id"]
        assert all(s.get("outlet") and str(s.get("url", "")).startswith("https://") for s in sources), e.data["id"]


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
           RawReport("e.yaml", {"id": "psu-a", "name": "P", "date": dt.date(2030, 6, 1), "part_of": "daerah-2030",
                                "kind": "psu", "regions": ["32.01.01", "36.02"], "sources": src}),
           RawReport("e.yaml", {"id": "psu-b", "name": "P", "date": dt.date(2030, 6, 1), "part_of": "tidak-ada",
                                "kind": "x"}),
           RawReport("e.yaml", {"id": "psu-c", "name": "P", "date": dt.date(2030, 6, 1), "kind": "psu",
                                "sources": src})]
    problems: list = []
    validate_calendar(cal, problems, gaz)
    found = {(p.record, p.field, str(p.value)) for p in problems}
    assert found == {("psu-a", "regions", "36.02"), ("psu-b", "sources", "None"), ("psu-b", "part_of", "tidak-ada"),
                     ("psu-b", "kind", "x"), ("psu-c", "kind", "psu")}
    assert any("psu, pemilihan_ulang" in p.expected for p in problems if p.field == "kind")


def test_a_revote_region_opens_on_its_revote_and_the_sidebar_says_what_it_is(psu_data, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PETA_DATA_DIR", str(psu_data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["region"] = "32.01"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="election").value == "psu-uji-2025"
    notes = [c.value for c in at.sidebar.caption]
    assert "Pemungutan suara ulang Pilkada Serentak 2024 · hanya di Kabupaten Bogor, Kabupaten Lebak" in notes
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()  # Indonesia
    assert at.selectbox(key="election").value == "pilkada-2024"
    assert not [c for c in at.sidebar.caption if "hanya di" in c.value]
