"""Issue 41 §1: more documented rules, each pinned by a test that a small wrong change of the rule
fails (the mutant it kills is named in each docstring). Records are written here for the tests,
loaded with the fixture calendar (tests/fixtures/data), never the shipped data/."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import metrics
from dashboard.extract.dates import read_date
from dashboard.extract.text import sentences

PILKADA = dt.date(2024, 11, 27)


def _ceremony(cid: str, region: str, level: str, kinds: list[str], signatories=(), day=dt.date(2024, 11, 1)) -> dict:
    return {"id": cid, "region": region, "level": level, "date": day, "elections": ["pilkada-2024"],
            "kinds": kinds, "signatories": list(signatories),
            "sources": [{"outlet": "Warta Uji", "title": f"Upacara uji {cid}"}]}


def _records(gaz, *reports: dict):
    """Only ``reports`` (written for the test), with the fixture calendar."""
    from dashboard.records.read import RawReport, read_calendar
    from dashboard.records.tables import load_records

    from .conftest import DATA

    class Some:
        def reports(self):
            return [RawReport(f"{r['id']}.yaml", r) for r in reports]

    return load_records(Some(), gaz, read_calendar(DATA))


def _states(rec, gaz, region: str, as_of: dt.date = PILKADA) -> pd.DataFrame:
    return metrics.coverage(rec, gaz, "pilkada-2024", as_of, region).units.set_index("code")


# -- 1. the order of states, 2. what counts as reached, 3. the binding kinds -----------------------

@pytest.fixture(scope="module")
def both_ways(gaz):
    """Kab. Bogor's pact that every camat and all the Pemda's ASN signed, and Kec. Cibinong's own
    ikrar: each kecamatan is reached through its leader and through the Pemda at once."""
    return _records(gaz,
                    _ceremony("bogor-pakta", "32.01", "kabupaten/kota", ["apel", "pakta_integritas"],
                              [{"group": "camat", "all": True}, {"group": "asn", "all": True}]),
                    _ceremony("cibinong-ikrar", "32.01.01", "kecamatan", ["ikrar"], day=dt.date(2024, 11, 2)))


def test_a_unit_reached_by_its_leaders_and_the_pemda_shows_leadership(both_ways, gaz):
    """Mutant: PEMDA before LEADERSHIP (or LEADERSHIP before COVERED) in the order of states. The
    strongest state wins: own pledge, then leadership only, then the Pemda's all-ASN pledge."""
    units = _states(both_ways, gaz, "32.01")
    assert units.loc["32.01.01", "state"] == metrics.COVERED
    assert units.loc["32.01.03", "state"] == metrics.LEADERSHIP
    assert units.loc["32.01.03", "pemda_ids"] == ["bogor-pakta"]  # reached by the Pemda too, shown as leadership
    assert set(units.drop(index="32.01.01")["state"]) == {metrics.LEADERSHIP}


def test_the_pemda_state_counts_as_reached(both_ways, gaz):
    """Mutant: PEMDA dropped from REACHED (or from a unit's reach ids). In Kec. Citeureup the pact
    reaches the 2 kelurahan (their lurah are the Pemda's ASN) and none of the 12 desa: the headline
    counts 2, the legend calls them reached, and the pact is what reaches them."""
    cov = metrics.coverage(both_ways, gaz, "pilkada-2024", PILKADA, "32.01.03")
    kel = cov.units["code"].map(lambda c: c.rsplit(".", 1)[-1].startswith("1"))
    assert set(cov.units[kel]["state"]) == {metrics.PEMDA} and kel.sum() == 2
    assert cov.n_covered == 2 and cov.headline[:2] == (2, 14)
    assert list(metrics.binding_reaches(cov.units)) == list(kel)
    assert all(ids == ["bogor-pakta"] for ids in cov.units[kel]["reach_ids"])


def test_a_provincial_all_asn_pledge_reaches_no_unit_below(gaz):
    """Issue 41 §2 (the rule's one home, metrics._employer). Mutant: any Pemda's all-ASN pledge
    reaching the units below it. Jawa Barat's pact that all the Pemprov's ASN signed binds the
    province itself; the ASN of Kab. Bogor's kecamatan offices and its lurah are the Pemkab's, so
    none of them is reached, while Kab. Bogor's own all-ASN pact reaches its kecamatan."""
    asn = [{"group": "asn", "all": True}]
    rec = _records(gaz, _ceremony("jabar-pakta", "32", "provinsi", ["pakta_integritas"], asn))
    assert set(_states(rec, gaz, "32.01")["state"]) == {metrics.NONE}
    assert set(_states(rec, gaz, "32.01.03")["state"]) == {metrics.NONE}  # kelurahan too
    assert metrics.coverage(rec, gaz, "pilkada-2024", PILKADA, "32").own_state == metrics.OWN_COMMITMENT
    rec = _records(gaz, _ceremony("bogor-pakta", "32.01", "kabupaten/kota", ["pakta_integritas"], asn))
    assert set(_states(rec, gaz, "32.01")["state"]) == {metrics.PEMDA}


def test_one_rule_says_which_ceremonies_concern_a_view(gaz):
    """Issue 41 §2 (metrics.concerning, the rule's one home): Kab. Bogor's view concerns its own
    ceremonies, those inside it and those above it, never a neighbour's; the Data page's list, the
    timeline's events and the undated ceremonies listed apart all follow it."""
    from dashboard import views

    def undated(cid: str, region: str) -> dict:
        return {**_ceremony(cid, region, "kecamatan", ["apel"], day=None), "date_unknown_reason": "tidak disebut"}

    rec = _records(gaz, *(_ceremony(cid, r, lvl, ["apel"]) for cid, r, lvl in
                          (("jabar", "32", "provinsi"), ("bogor", "32.01", "kabupaten/kota"),
                           ("cibinong", "32.01.01", "kecamatan"), ("sukabumi", "32.02", "kabupaten/kota"),
                           ("banten", "36", "provinsi"))),
                   undated("citeureup-undated", "32.01.03"), undated("sukabumi-undated", "32.02.01"))
    mine = {"jabar", "bogor", "cibinong", "citeureup-undated"}
    cer = rec.for_election("pilkada-2024")
    assert set(metrics.concerning(cer, "32.01")["id"]) == mine and metrics.concerning(cer, None) is cer
    assert set(views.filter_ids(rec, "pilkada-2024", "32.01", [], "", "id")) == mine
    tl = metrics.timeline(rec, gaz, "pilkada-2024", "32.01")
    assert set(tl.events["id"]) == mine - {"citeureup-undated"} and list(tl.undated["id"]) == ["citeureup-undated"]
    assert metrics.coverage(rec, gaz, "pilkada-2024", PILKADA, "32.01").undated_ids == ["citeureup-undated"]


def test_a_komitmen_bersama_alone_binds(gaz):
    """Mutant: komitmen_bersama removed from the binding kinds. A ceremony whose only kind is the
    signing of a joint commitment binds: the kecamatan's own pledge, not a mere briefing."""
    rec = _records(gaz, _ceremony("ciawi-komitmen", "32.01.24", "kecamatan", ["komitmen_bersama"]),
                   _ceremony("cibinong-sosialisasi", "32.01.01", "kecamatan", ["sosialisasi"]))
    units = _states(rec, gaz, "32.01")
    assert units.loc["32.01.24", "state"] == metrics.COVERED
    assert units.loc["32.01.24", "own_state"] == metrics.OWN_COMMITMENT
    assert units.loc["32.01.01", "state"] == metrics.INFORMED  # the contrast: a sosialisasi only informs


# -- 4. writing to the parent region, 5. every row outside the region named -----------------------

def test_a_region_limited_user_may_not_write_to_the_parent_region():
    """Mutant: may_write by "related" (either inside the other) instead of "within". A Kec. Ciawi
    user writes in Ciawi and its villages, never in Kab. Bogor, Jawa Barat or a neighbour."""
    from dashboard.errors import PetaError
    from dashboard.store.editing import User, check_access

    ciawi = User("sekcam-ciawi", "32.01.24")
    assert ciawi.may_write("32.01.24") and ciawi.may_write("32.01.24.2001")
    for other in ("32.01", "32", "32.01.2", "32.01.01"):
        assert not ciawi.may_write(other), other
    with pytest.raises(PetaError) as err:
        check_access(ciawi, "32.01", "bogor-2024-11-01")
    assert err.value.problems[0].field == "region" and err.value.problems[0].value == "32.01"
    check_access(ciawi, "32.01.24", "ciawi-2024-11-01")  # no error
    assert User("admin").may_write("32.01")


def _sheet(rows: list[dict]) -> bytes:
    import csv
    import io

    from dashboard.forms import sheet

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(sheet.COLUMNS), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({"tanggal": "2024-11-12", "pemilihan": "pilkada-2024", "jenis": "ikrar",
                    "sumber_media": "Warta Uji", **r})
    return buf.getvalue().encode("utf-8")


OUTSIDE_CIAWI = [{"id": "bogor-uji", "kode_wilayah": "32.01"}, {"id": "cibinong-uji", "kode_wilayah": "32.01.01"},
                 {"id": "lebak-uji", "kode_wilayah": "36.02"}]


def test_an_import_names_every_row_outside_the_users_region(gaz):
    """Mutant: the import's check stops at the first row outside the user's region. Three rows
    outside Kec. Ciawi (its kabupaten, a neighbour, another province): all three are named, each
    by its row."""
    from dashboard.records.read import read_calendar
    from dashboard.store import importer
    from dashboard.store.editing import User

    from .conftest import DATA

    class EmptyStore:  # nothing stored: rows that passed on their own would be tried against nothing
        def ceremony_ids(self):
            return set()

        def touching(self, ids, days):
            return []

    checked = importer.check(EmptyStore(), gaz, read_calendar(DATA), "uji.csv", _sheet(OUTSIDE_CIAWI),
                             User("sekcam-ciawi", "32.01.24"))
    refused = [(p.file, p.value) for p in checked.problems if p.field.startswith("kode_wilayah")]
    assert refused == [("uji.csv baris 2", "32.01"), ("uji.csv baris 3", "32.01.01"), ("uji.csv baris 4", "36.02")]


def test_writing_an_import_names_every_row_outside_the_users_region(gaz):
    """Mutant: import_reports raises at the first row outside the user's region. Its own check
    (before anything is written, so no store is reached) names every such row."""
    from dashboard.errors import PetaError
    from dashboard.forms import sheet
    from dashboard.store import editing

    reports, problems = sheet.parse("uji.csv", _sheet(OUTSIDE_CIAWI), lambda data: "tak-dipakai")
    assert problems == []
    with pytest.raises(PetaError) as err:
        editing.import_reports(None, gaz, reports, editing.User("sekcam-ciawi", "32.01.24"), "uji.csv")
    assert [(p.file, p.value) for p in err.value.problems] == [
        ("uji.csv baris 2", "32.01"), ("uji.csv baris 3", "32.01.01"), ("uji.csv baris 4", "36.02")]


# -- 6. formula safety ----------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_a_formula_is_neutralised(lead):
    """Mutant: "\\t" or "\\r" removed from DANGEROUS. A tab or a carriage return before a formula
    is skipped by spreadsheets, so the cell is made text like one starting with = + - @; a heading
    written without one_line (a column name) too."""
    import csv
    import io

    from dashboard.io.workbooks import neutralise, plain_csv

    cell = lead + "HYPERLINK(\"http://x\",\"klik\")"
    assert neutralise(cell) == "'" + cell
    assert neutralise("ok" + cell) == "ok" + cell
    header = next(csv.reader(io.StringIO(plain_csv(pd.DataFrame({cell: [1]})).decode("utf-8-sig"), newline="")))
    assert header == ["'" + cell]


# -- 7. limits at their boundary ------------------------------------------------------------------

MB20 = 20 * 1024 * 1024


@pytest.mark.parametrize("size,refused", [(MB20, False), (MB20 + 1, True)])
def test_the_20_mb_sheet_limit_is_inclusive(tmp_path, size, refused):
    """Mutant: ``<`` for ``<=`` (or ``>=`` for ``>``) at MAX_BYTES. A file of exactly 20 MB is
    read; one byte more is refused, on the CLI's file check and on the upload's."""
    from dashboard.errors import PetaError
    from dashboard.forms import sheet

    path = tmp_path / "besar.csv"
    with path.open("wb") as fh:
        fh.truncate(size)  # sparse: nothing written
    assert (sheet.too_big(path) is not None) == refused
    with pytest.raises(PetaError) as err:  # the content is no sheet at all: only the reason differs
        sheet.read_rows("besar.txt", b"x" * size)
    assert (err.value.problems[0].want.code == "file_at_most_mb") == refused


INDICATOR_ROWS = "kode_wilayah,indikator,nama_indikator,nilai,tanggal,sumber_media\n" \
                 "32.01,uji-batas,Skor uji (fiktif),40,2024-11-14,Lembaga Uji Fiktif\n" \
                 "32.01.01,uji-batas,,55,2024-11-15,Lembaga Uji Fiktif\n"


def test_an_indicator_value_of_today_is_taken_and_of_tomorrow_refused(gaz):
    """Mutant: ``>=`` for ``>`` in the date check (or the check gone). Measured today: taken;
    dated tomorrow: refused, named with its row."""
    from dashboard import indicators

    values, problems = indicators.parse("uji.csv", INDICATOR_ROWS.encode(), gaz, today=dt.date(2024, 11, 14))
    assert [(v.region_code, v.date) for v in values] == [("32.01", dt.date(2024, 11, 14))]
    assert [(p.file, p.field, p.value) for p in problems] == [("uji.csv baris 3", "tanggal", "2024-11-15")]


def test_an_indicator_value_dated_on_the_views_day_is_shown(gaz):
    """Mutant: ``<`` for ``<=`` in latest(). A value measured on the view's as-of day is the unit's
    value on that day; the day before, the unit has none."""
    from dashboard import indicators

    values, _ = indicators.parse("uji.csv", INDICATOR_ROWS.encode(), gaz, today=dt.date(2024, 11, 20))
    table = pd.DataFrame([v.to_dict() for v in values])
    on_day = indicators.latest(table, "uji-batas", dt.date(2024, 11, 14), ["32.01", "32.01.01"])
    assert [(f or {}).get("value") for f in on_day.values()] == [40, None]
    assert on_day["32.01"]["date"] == "2024-11-14"
    assert indicators.latest(table, "uji-batas", dt.date(2024, 11, 13), ["32.01"])["32.01"] is None


def test_a_ceremony_on_the_views_day_counts(gaz):
    """Mutant: ``<`` for ``<=`` at the as-of date. A ceremony held on the view's day counts that day."""
    rec = _records(gaz, _ceremony("ciawi-ikrar", "32.01.24", "kecamatan", ["ikrar"], day=dt.date(2024, 11, 12)))
    assert _states(rec, gaz, "32.01", dt.date(2024, 11, 12)).loc["32.01.24", "state"] == metrics.COVERED
    assert _states(rec, gaz, "32.01", dt.date(2024, 11, 11)).loc["32.01.24", "state"] == metrics.NONE


# -- 8. the missing year's one-year window ----------------------------------------------------------

PUB = dt.date(2024, 11, 14)  # a Thursday; 12 November 2024 was a Tuesday, 2022 a Saturday


def _read(text: str):
    return read_date(sentences(text), PUB, set())


def test_a_missing_year_looks_back_one_year_at_most():
    """Mutant: a window of two years. "Sabtu, 12 November" published 14 November 2024 is 12 November
    2024 (a Tuesday: a warning), never the Saturday of 2022; 12 November 2023 lies more than a
    year back, so it is no alternative either."""
    for text in ("Apel netralitas ASN digelar Sabtu, 12 November di halaman kantor bupati.",
                 "Apel netralitas ASN digelar Selasa, 12 November di halaman kantor bupati."):
        got = _read(text)
        assert got.value == dt.date(2024, 11, 12) and got.year_inferred and got.confidence == "check", text
        assert not [a for a in got.alternatives if dt.date.fromisoformat(a) < PUB - dt.timedelta(days=366)], got


def test_the_weekday_is_checked_against_an_inferred_year():
    """Mutant: the weekday check skipped when the year was inferred. A stated Saturday that the
    inferred 12 November 2024 (a Tuesday) is not: a warning, and the Saturday before offered."""
    wrong = _read("Apel netralitas ASN digelar Sabtu, 12 November di halaman kantor bupati.")
    assert "note_weekday_mismatch" in [w.code for w in wrong.warnings]
    assert "2024-11-09" in wrong.alternatives
    right = _read("Apel netralitas ASN digelar Selasa, 12 November di halaman kantor bupati.")
    assert "note_weekday_mismatch" not in [w.code for w in right.warnings]


# -- 9. the sign-in lockout -----------------------------------------------------------------------

class _Signins:
    """The store's two sign-in methods, in memory (``Store.signin_counts``: failures only)."""

    def __init__(self):
        self.rows: list[tuple] = []

    def signin_counts(self, name, address, since):
        failed = [r for r in self.rows if r[2] == "failed" and r[3] >= since]
        return sum(r[0] == name for r in failed), sum(r[1] == address for r in failed)

    def record_signin(self, name, address, outcome, at):
        self.rows.append((name, address, outcome, at))


@pytest.fixture
def secrets(tmp_path):
    from dashboard.store.auth import hash_password

    path = tmp_path / "secrets.toml"
    path.write_text(f'[users.sekcam]\npassword_hash = "{hash_password("benar", iterations=1000)}"\n'
                    'region = "32.01.24"\n', encoding="utf-8")
    return path


T0 = dt.datetime(2024, 11, 1, 8, 0)


def test_four_failures_then_the_password_passes_and_the_fifth_locks(secrets):
    """Mutant: ``>`` for ``>=`` (or another count) in the lockout. 4 failed sign-ins for a name: the
    right password still passes; after the 5th, even the right one is refused for 10 minutes."""
    from dashboard.store.auth import sign_in

    store, at = _Signins(), iter(T0 + dt.timedelta(seconds=s) for s in range(100))
    for _ in range(4):
        assert sign_in("sekcam", "salah", secrets, store=store, address="10.0.0.1", now=next(at)) is None
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.2", now=next(at)).region == "32.01.24"
    assert sign_in("sekcam", "salah", secrets, store=store, address="10.0.0.1", now=next(at)) is None  # the 5th
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.2", now=next(at)) is None
    assert store.rows[-1][2] == "locked"
    later = T0 + dt.timedelta(seconds=5 + 601)  # 10 minutes after the 5th failure
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.2", now=later) is not None


def test_twenty_failures_from_one_address_lock_it(secrets):
    """Mutant: ``>`` for ``>=`` for the address. 19 failures from one address (any names): the right
    password passes from there; after the 20th, it is refused there and passes elsewhere."""
    from dashboard.store.auth import sign_in

    store = _Signins()
    for i in range(19):
        store.record_signin(f"nama-{i}", "10.0.0.9", "failed", T0)
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.9", now=T0) is not None
    assert sign_in("sekcam", "salah", secrets, store=store, address="10.0.0.9", now=T0) is None  # the 20th
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.9", now=T0) is None
    assert sign_in("sekcam", "benar", secrets, store=store, address="10.0.0.8", now=T0) is not None


# -- 10. the order of tables on ties ----------------------------------------------------------------

def test_ties_in_the_share_are_broken_by_something_to_show_then_categories_then_name():
    """Mutant: a tie-break reversed (units with nothing to show first, fewer categories first, or
    names from Z). README "Urutan": share reached, then units with a ceremony or figure of their
    own, then commitment categories, then name."""
    units = pd.DataFrame([
        # code, label, share, state, own_state, commitment_pct, reported_pct
        ("a", "Kec. Alfa", 0.0, "none", "none", 0.0, None),
        ("b", "Kec. Beta", 0.0, "none", "none", 0.0, None),
        ("z", "Kec. Zulu", 0.0, "informed", "information", 0.0, None),
        ("o", "Kec. Oskar", 0.0, "none", "none", 0.0, 90.0),
        ("x", "Kec. Xray", 1.0, "covered", "commitment", 20.0, None),
        ("y", "Kec. Yankee", 1.0, "covered", "commitment", 60.0, None),
    ], columns=["code", "label", "share", "state", "own_state", "commitment_pct", "reported_pct"])
    assert list(metrics.ranked(units)["label"]) == ["Kec. Yankee", "Kec. Xray", "Kec. Oskar", "Kec. Zulu",
                                                    "Kec. Alfa", "Kec. Beta"]
    assert list(metrics.ranked(units.iloc[::-1])["code"]) == ["y", "x", "o", "z", "a", "b"]  # the input order does not matter


# -- 11. near spellings, 12. Kel./Desa --------------------------------------------------------------

def test_a_far_spelling_is_not_offered(gaz):
    """Mutant: the near-spelling cutoff lowered from 88 to 70. "Citeurep" (94 to Citeureup) is
    offered; "Citerup" (87.5) and "Junggol" (85.7 to Jonggol) are too far and offer nothing."""
    from dashboard.extract.places import KEC, PlaceIndex

    index = PlaceIndex(gaz)
    near, fuzzy = index.lookup("Citeurep", KEC, None)
    assert "32.01.03" in near and fuzzy
    for far in ("Citerup", "Junggol"):
        assert index.lookup(far, KEC, None) == ([], False), far


def test_a_kelurahan_is_labelled_kel_and_a_desa_desa(gaz):
    """Mutant: the two labels swapped (in Region.label or in Gazetteer.labels). Kemendagri's village
    part starts with 1 for a kelurahan (Puspanegara) and 2 for a desa (Citeureup)."""
    kel, desa = "32.01.03.1006", "32.01.03.2002"
    assert gaz.get(kel).label == "Kel. Puspanegara" and gaz.get(desa).label == "Desa Citeureup"
    labels = gaz.labels(gaz.table.loc[[kel, desa]])
    assert list(labels) == ["Kel. Puspanegara", "Desa Citeureup"]
    units = metrics.coverage(_records(gaz), gaz, "pilkada-2024", PILKADA, "32.01.03").units.set_index("code")
    assert (units.loc[kel, "label"], units.loc[desa, "label"]) == ("Kel. Puspanegara", "Desa Citeureup")


def test_a_written_number_is_read_one_way_everywhere():
    """Issue 41 §2: indicator values, readiness percentages in a sheet and figures in an article are
    read by fmt.decimal: one decimal comma or point, nothing else (no exponent, nan or inf)."""
    from dashboard import fmt

    assert fmt.decimal("63,6") == fmt.decimal("63.6") == 63.6 and fmt.decimal(" -2 ") == -2.0
    assert all(fmt.decimal(x) is None for x in ("1e400", "nan", "inf", "1.234,5", "12 %", "", None, "9,"))
    assert fmt.pct(12.5) == "12,5 %" and fmt.pct(12.5, "en") == "12.5%"
