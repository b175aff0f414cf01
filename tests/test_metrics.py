"""Coverage, readiness, timeline (issue 2 §5), on the seed records and real boundaries."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import metrics
from dashboard.errors import PetaError

PILKADA = dt.date(2024, 11, 27)


def test_kab_bogor_coverage_per_kecamatan(records, gaz):
    cov = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.01")
    units = cov.units.set_index("code")
    assert cov.n_units == 40 and cov.n_covered == 2 and cov.share == pytest.approx(0.05)
    assert units.loc["32.01.01", "state"] == metrics.COVERED
    assert units.loc["32.01.01", "direct_ids"] == ["cibinong-2024-11-12"]
    assert units.loc["32.01.34", "state"] == metrics.COVERED
    assert units.loc["32.01.02", "state"] == metrics.NONE  # Gunungputri: no record


def test_as_of_date_moves_coverage(records, gaz):
    before = metrics.coverage(records, gaz, "pilkada-2024", dt.date(2024, 11, 11), "32.01")
    assert before.units.set_index("code").loc["32.01.01", "state"] == metrics.NONE
    assert before.n_covered == 1  # Rancabungur (Nov 2023) already counts
    early = metrics.coverage(records, gaz, "pilkada-2024", dt.date(2023, 11, 9), "32.01")
    assert early.n_covered == 0


def test_election_filters_ceremonies(records, gaz):
    pemilu = metrics.coverage(records, gaz, "pemilu-2024", dt.date(2024, 2, 14), "32.01")
    assert pemilu.n_covered == 1  # Cibinong's pakta concerned only the Pilkada
    with pytest.raises(PetaError) as err:
        metrics.coverage(records, gaz, "pemilu-2029", PILKADA, "32.01")
    assert "pemilu-2024" in err.value.message


def test_kab_lebak_every_kecamatan_at_leadership_level(records, gaz):
    cov = metrics.coverage(records, gaz, "pemilu-2024", dt.date(2024, 2, 14), "36.02")
    assert cov.n_units == 28 and cov.n_covered == 28
    assert set(cov.units["state"]) == {metrics.LEADERSHIP}
    assert all(ids == ["lebak-2023-12-15"] for ids in cov.units["leadership_ids"])
    before = metrics.coverage(records, gaz, "pemilu-2024", dt.date(2023, 12, 14), "36.02")
    assert before.n_covered == 0


def test_kota_bekasi_undated_counted_apart(records, gaz):
    cov = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.75")
    assert cov.n_units == 12 and cov.n_covered == 0
    assert cov.undated_ids == ["kota-bekasi-sosialisasi-2024"]
    prov = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32")
    bekasi = prov.units.set_index("code").loc["32.75"]
    assert bekasi["state"] == metrics.NONE and bekasi["undated_ids"] == ["kota-bekasi-sosialisasi-2024"]


def test_aggregate_views_roll_up_kecamatan_by_code(records, gaz):
    prov = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32")
    assert prov.is_aggregate
    bogor = prov.units.set_index("code").loc["32.01"]
    assert (bogor["sub_units"], bogor["sub_covered"]) == (40, 2)
    covered, total, share, level = prov.headline
    assert (covered, level) == (2, "kecamatan") and total == len(gaz.descendants("32", "kecamatan"))
    banten = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "36").units.set_index("code")
    assert banten.loc["36.02", "state"] == metrics.COVERED and banten.loc["36.02", "share"] == 1.0


def test_desa_coverage_through_kecamatan_signatories(records, gaz):
    cib = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.01.01")
    assert cib.n_units == 13 and set(cib.units["state"]) == {metrics.LEADERSHIP}  # every lurah signed
    ranca = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.01.34")
    assert set(ranca.units["state"]) == {metrics.LEADERSHIP}  # every desa's perangkat declared


def test_readiness_reported_and_commitment_share(records, gaz):
    cov = metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.01")
    r = metrics.readiness(records, cov).set_index("code")
    assert r.loc["32.01.01", "reported_pct"] == 90
    assert r.loc["32.01.01", "reported_as_of"] == pd.Timestamp("2024-11-12")
    assert r.loc["32.01.01", "commitment_pct"] == pytest.approx(100 * 7 / 11)
    assert r.loc["32.01.34", "commitment_pct"] == pytest.approx(100 * 4 / 11)
    assert bool(r.loc["32.01.34", "politik_uang"]) and not bool(r.loc["32.01.01", "politik_uang"])
    assert r.loc["32.01.02", "commitment_pct"] == 0
    figs = metrics.reported_figures(records, cov)
    assert list(figs["percent"]) == [90] and "NewsBogor" in figs.loc[0, "sources"]
    early = metrics.coverage(records, gaz, "pilkada-2024", dt.date(2024, 11, 1), "32.01")
    assert metrics.reported_figures(records, early).empty


def test_timeline_cumulative_with_h_minus(records, gaz):
    t = metrics.timeline(records, gaz, "pilkada-2024", "32.01")
    assert list(t.events["id"]) == ["rancabungur-2023-11-10", "cibinong-2024-11-12"]
    assert list(t.events["h"]) == [383, 15]
    line = t.series[t.series["region_code"] == "32.01"]
    assert list(line["covered"]) == [1, 2, 2] and line["covered"].is_monotonic_increasing
    assert line["h"].iloc[-1] == 0
    assert t.undated.empty
    tb = metrics.timeline(records, gaz, "pilkada-2024", "32.75")
    assert list(tb.undated["id"]) == ["kota-bekasi-sosialisasi-2024"] and tb.events.empty


def test_countdown_and_default_as_of():
    assert metrics.countdown(PILKADA, dt.date(2024, 11, 12)) == (15, "H-15")
    assert metrics.countdown(PILKADA, PILKADA) == (0, "H")
    assert metrics.countdown(PILKADA, dt.date(2024, 12, 2)) == (-5, "H+5")
    assert metrics.default_as_of(PILKADA, dt.date(2026, 1, 1)) == PILKADA
    assert metrics.default_as_of(PILKADA, dt.date(2024, 11, 1)) == dt.date(2024, 11, 1)


@pytest.mark.parametrize("election,parent", [("pemilu-2024", "36"), ("pilkada-2024", "32"), ("pilkada-2024", None),
                                             ("pilkada-2024", "32.01"), ("pilkada-2024", "32.01.01")])
def test_timeline_points_equal_coverage_on_that_date(records, gaz, election, parent):
    """The one-pass timeline agrees with coverage computed afresh at every date on it."""
    t = metrics.timeline(records, gaz, election, parent)
    line = t.series[t.series["region_code"].isna() if parent is None else t.series["region_code"] == parent]
    assert len(line) >= 2
    for row in line.itertuples():
        covered, total, _, _ = metrics.coverage(records, gaz, election, row.date.date(), parent).headline
        assert (row.covered, row.total) == (covered, total), row.date


def test_aggregate_category_coverage_is_weighed_by_kecamatan(records, gaz):
    """Issue 13 §3: a kabupaten with 2 of 40 kecamatan covered does not read 100 % on Kesiapan.
    For aggregates each category is the share of kecamatan reached by a ceremony naming it; a
    kecamatan's own row stays yes/no."""
    day = dt.date(2024, 11, 27)
    prov = metrics.readiness(records, metrics.coverage(records, gaz, "pilkada-2024", day, "32")).set_index("code")
    bogor = prov.loc["32.01"]
    # Rancabungur's declaration names neutrality, Cibinong's pakta names campaigning: 1 of 40 each
    assert bogor["netralitas"] == pytest.approx(1 / 40) and bogor["kampanye"] == pytest.approx(1 / 40)
    assert 0 < bogor["commitment_pct"] <= 5.0
    banten = metrics.readiness(records, metrics.coverage(records, gaz, "pilkada-2024", day, "36")).set_index("code")
    assert banten.loc["36.02", "netralitas"] == pytest.approx(1.0)  # Lebak: every camat signed
    kab = metrics.readiness(records, metrics.coverage(records, gaz, "pilkada-2024", day, "32.01")).set_index("code")
    assert kab.loc["32.01.01", "kampanye"] == 1.0 and kab.loc["32.01.01", "netralitas"] == 0.0
    assert kab.loc["32.01.34", "netralitas"] == 1.0 and kab.loc["32.01.02", "netralitas"] == 0.0


def test_default_election_is_the_next_one_then_the_latest(records):
    cal = records.calendar
    assert metrics.default_election(cal, dt.date(2024, 1, 1)) == "pemilu-2024"
    assert metrics.default_election(cal, dt.date(2024, 2, 15)) == "pilkada-2024"
    assert metrics.default_election(cal, dt.date(2030, 1, 1)) == cal.sort_values("date")["id"].iloc[-1]
