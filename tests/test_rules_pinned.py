"""Issue 25 §4: one test per documented rule that a small hand mutation of the core logic once
survived. Each test names the mutant it kills; the sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.extract.dates import read_date
from dashboard.extract.text import sentences

PUB = dt.date(2024, 11, 14)  # a Thursday
PILKADA = {dt.date(2024, 11, 27)}


def _read(text: str, published: dt.date | None = PUB, days=PILKADA):
    return read_date(sentences(text), published, days)


# -- reading the ceremony's date -----------------------------------------------------------------

def test_a_bare_day_slash_month_is_not_a_date():
    """Mutant: "10/11" read as a date. A score or a ratio is written the same way."""
    got = _read("Apel netralitas ASN diikuti 10/11 kecamatan di Kabupaten Uji.")
    assert got.value is None


def test_a_weekday_with_day_slash_month_is_a_date():
    got = _read("Apel netralitas ASN digelar Jumat (8/11) di halaman kantor bupati.")
    assert got.value == dt.date(2024, 11, 8) and got.year_inferred


def test_a_two_digit_year_is_read_in_this_century():
    """Mutant: "12/11/24" read as 1924."""
    got = _read("Ikrar netralitas ASN dibacakan Selasa, 12-11-24 di aula kecamatan.")
    assert got.value == dt.date(2024, 11, 12)


def test_several_distinct_dates_in_ceremony_sentences_are_never_sure():
    """Mutant: *Pasti* despite two different dates for the ceremony."""
    got = _read("Apel netralitas ASN digelar Senin, 11 November 2024 di alun-alun. "
                "Penandatanganan pakta integritas dilaksanakan Selasa, 12 November 2024 di pendopo.")
    assert got.value == dt.date(2024, 11, 11) and got.confidence == "check"
    assert "2024-11-12" in got.alternatives


def test_one_stated_date_with_its_year_is_sure():
    got = _read("Apel netralitas ASN digelar Senin, 11 November 2024 di alun-alun.")
    assert (got.value, got.confidence) == (dt.date(2024, 11, 11), "sure")


def test_a_missing_year_may_be_the_previous_year():
    """Mutant: no inference into the year before publication. Published 5 January 2024, "20
    Desember" is 20 December 2023 (never after publication)."""
    got = _read("Deklarasi netralitas ASN berlangsung Rabu, 20 Desember di gedung DPRD.",
                published=dt.date(2024, 1, 5), days=set())
    assert got.value == dt.date(2023, 12, 20) and got.year_inferred and got.confidence == "check"


def test_a_ceremony_on_the_publication_day_counts():
    """Mutant: the publication day excluded ("not after publication" includes the day itself)."""
    got = _read("Ikrar netralitas ASN dibacakan Kamis, 14 November 2024 di halaman kantor camat.")
    assert (got.value, got.confidence) == (PUB, "sure")


def test_a_date_after_publication_is_not_the_ceremony():
    got = _read("Ikrar netralitas ASN dibacakan Jumat, 15 November 2024 di halaman kantor camat.")
    assert got.value is None


def test_vote_words_before_a_date_mark_it_as_the_votes():
    """Mutant: vote words before a date ignored ("pemungutan suara ulang pada 10 November" is the
    vote's day, even when it is not in the calendar)."""
    # the vote's day lies before publication and outside the calendar: only the words mark it
    got = _read("Camat memimpin apel netralitas ASN usai pemungutan suara ulang pada 10 November 2024, "
                "yang digelar Senin, 11 November 2024.", days=set())
    assert got.value == dt.date(2024, 11, 11)
    only_vote = _read("Camat memimpin apel netralitas ASN usai pemungutan suara ulang pada 10 November 2024.",
                      days=set())
    assert only_vote.value is None


# -- the validator -------------------------------------------------------------------------------

def _ceremony(**over) -> dict:
    base = {"id": "uji-2024-11-12", "region": "32.01.01", "level": "kecamatan", "date": dt.date(2024, 11, 12),
            "elections": ["pilkada-2024"], "kinds": ["ikrar"],
            "sources": [{"outlet": "Warta Uji", "title": "Ikrar di Kecamatan Uji"}]}
    base.update(over)
    return base


def _check(gaz, data: dict, calendar=None):
    """Load one report with the fixture calendar: the problems raised (empty: it loads)."""
    from dashboard.errors import PetaError
    from dashboard.records.read import RawReport, read_calendar
    from dashboard.records.tables import load_records

    from .conftest import DATA

    class One:
        def reports(self):
            return [RawReport("uji.yaml", data)]

    try:
        load_records(One(), gaz, calendar or read_calendar(DATA))
    except PetaError as exc:
        return [(p.field, p.value) for p in exc.problems]
    return []


@pytest.mark.parametrize("over,field", [
    ({"signatories": [{"group": "camat", "count": 0}]}, "signatories[0].count"),  # mutant: count 0 accepted
    ({"readiness": [{"measure": "kesiapan", "percent": 101, "as_of": dt.date(2024, 11, 12)}]}, "readiness[0].percent"),
    ({"date": dt.datetime(2024, 11, 12, 9, 30)}, "date"),  # mutant: a datetime accepted as a date
    ({"date_inferred": {"stated": "12 November", "year": 2023, "how": "dari tanggal terbit"}},
     "date_inferred.year"),  # mutant: date_inferred.year unchecked (it must be the date's own year)
])
def test_the_validator_refuses(gaz, over, field):
    problems = _check(gaz, _ceremony(**over))
    assert any(f.startswith(field) for f, _ in problems), problems


def test_a_provincial_ceremony_may_be_for_a_kabupatens_election(gaz):
    """Mutant: a provincial ceremony refused for an election that only some of its kabupaten hold
    (a governor's apel before a kabupaten's re-vote): a region *containing* the voting region is
    related to it, as one inside it is."""
    from dashboard.records.read import RawReport

    from dashboard.records.read import read_calendar

    from .conftest import DATA

    cal = read_calendar(DATA) + [RawReport("elections.yaml", {
        "id": "psu-uji", "name": "PSU Uji", "name_en": "Test re-vote", "date": dt.date(2025, 4, 19),
        "regions": ["32.01"], "part_of": "pilkada-2024", "kind": "psu",
        "sources": [{"outlet": "KPU Uji", "title": "Jadwal PSU uji"}]})]
    assert _check(gaz, _ceremony(region="32", level="provinsi", elections=["psu-uji"], date=dt.date(2025, 4, 1)),
                  calendar=cal) == []
    assert _check(gaz, _ceremony(region="36", level="provinsi", elections=["psu-uji"], date=dt.date(2025, 4, 1)),
                  calendar=cal) != []  # Banten holds no part of it


# -- coverage ------------------------------------------------------------------------------------

@pytest.fixture
def with_pemkab_pledge(tmp_path, gaz):
    """The test records plus a Pemkab Bogor pledge that all its ASN signed (written for the test),
    before Pilkada 2024; no camat or lurah signed as such."""
    import shutil

    import yaml

    from dashboard.records.tables import load_folder

    from .conftest import DATA

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    rec = {"id": "bogor-pemkab-2024-11-01", "region": "32.01", "level": "kabupaten/kota",
           "date": dt.date(2024, 11, 1), "elections": ["pilkada-2024"], "kinds": ["apel", "pakta_integritas"],
           "signatories": [{"group": "kepala_perangkat_daerah", "all": True}, {"group": "asn", "all": True}],
           "sources": [{"outlet": "Warta Uji", "title": "Pakta integritas seluruh ASN Pemkab Uji"}]}
    (data / "ceremonies" / "bogor-pemkab-2024-11-01.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    prov = {**rec, "id": "jabar-2024-11-05", "region": "32", "level": "provinsi", "date": dt.date(2024, 11, 5),
            "signatories": [{"group": "camat", "all": True}],
            "sources": [{"outlet": "Warta Uji", "title": "Seluruh camat se-provinsi uji berikrar"}]}
    (data / "ceremonies" / "jabar-2024-11-05.yaml").write_text(yaml.safe_dump(prov), encoding="utf-8")
    return load_folder(data, gaz)


def test_the_pemda_all_asn_pledge_reaches_kelurahan_not_desa(with_pemkab_pledge, gaz):
    """Mutant: the Pemda all-ASN pledge no longer reaching kelurahan. A lurah is the Pemkab's ASN, a
    kepala desa is not: in Kec. Citeureup its 2 kelurahan are reached by the pledge, its 12 desa not."""
    from dashboard import metrics

    cov = metrics.coverage(with_pemkab_pledge, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32.01.03")
    by_kind = cov.units.assign(kel=[c.split(".")[-1].startswith("1") for c in cov.units["code"]])
    assert set(by_kind[by_kind["kel"]]["state"]) == {metrics.PEMDA}
    assert set(by_kind[~by_kind["kel"]]["state"]) == {metrics.NONE}
    assert all("bogor-pemkab-2024-11-01" in ids for ids in by_kind[by_kind["kel"]]["pemda_ids"])


def test_within_ids_keep_ceremonies_from_above(with_pemkab_pledge, gaz):
    """Mutant: within_ids losing ceremonies from above. A provincial apel that every camat of the
    province signed reaches each kecamatan from above; on Jawa Barat's map, what reaches Kab. Bogor
    (its panel, its tooltip count, its table row) names that ceremony, although it was held neither
    in Kab. Bogor nor inside it."""
    from dashboard import metrics

    prov = metrics.coverage(with_pemkab_pledge, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32")
    units = prov.units.set_index("code")
    assert units.loc["32.01", "sub_covered"] == 40 and units.loc["32.02", "sub_covered"] == units.loc["32.02", "sub_units"]
    for code in ("32.01", "32.02"):
        row = next(prov.units[prov.units["code"] == code].itertuples(index=False))
        assert "jabar-2024-11-05" in row.within_ids and "jabar-2024-11-05" in metrics.reached_ids(row), code


def test_cached_frames_are_never_written_by_a_view(records, gaz):
    """Issue 25 §3: the kecamatan states kept on the shared index are read by every session's thread;
    the timeline once added its own column to them in place. Building views in parallel threads gives
    what building them one by one gives, and leaves the cached frames as they were."""
    from concurrent.futures import ThreadPoolExecutor

    from dashboard import metrics

    as_of = dt.date(2024, 11, 27)
    idx = metrics._index(records, "pilkada-2024", as_of)
    cached = metrics._kecamatan_states(idx, gaz, "32")
    columns, rows = list(cached.columns), len(cached)

    def views(region):
        tl = metrics.timeline(records, gaz, "pilkada-2024", region, until=as_of)
        cov = metrics.coverage(records, gaz, "pilkada-2024", as_of, region)
        return tl.series.to_json(date_format="iso"), cov.units.drop(columns=["within_ids"]).to_json(date_format="iso")

    alone = {r: views(r) for r in ("32", "32.01", None)}
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(views, ["32", "32.01", None] * 4))
    assert together == [alone[r] for r in ("32", "32.01", None)] * 4
    assert list(metrics._kecamatan_states(idx, gaz, "32").columns) == columns and len(cached) == rows


def test_counts_of_days_are_said_in_the_interface_language(records, gaz):
    """Issue 25 §1: "1 days" nowhere: one day before or after election day is said in the singular
    in English, and Indonesian keeps H-1."""
    from dashboard import metrics, views

    for as_of, en, en_text, ind in ((dt.date(2024, 11, 26), "1 day", "1 day before", "H-1"),
                                    (dt.date(2024, 11, 28), "1 day ago", "1 day after", "H+1"),
                                    (dt.date(2024, 11, 20), "7 days", "7 days before", "H-7")):
        cov = metrics.coverage(records, gaz, "pilkada-2024", as_of, "32.01")
        got_en, got_id = views.summary(records, cov, "en"), views.summary(records, cov, "id")
        assert (got_en.countdown, got_id.countdown) == (en, ind)
        assert got_en.countdown_text.startswith(en_text) and "days" not in got_en.countdown_text.replace(en_text, "")
