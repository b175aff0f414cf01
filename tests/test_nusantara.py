"""Issue 10: every ceremony counts where it was held, anywhere in Indonesia, by default.

Records written for this test (tests/fixtures/nusantara: six provinces outside Java) are loaded
with the default settings against the real mirrored boundaries, and each case is checked where a
user sees it: the coverage numbers, the Ringkasan summary and the map units at national,
province and kabupaten level."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from dashboard import context, metrics, views
from dashboard.errors import PetaError

from .conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "nusantara"
PILKADA, DAY = "pilkada-2024", dt.date(2024, 11, 27)


@pytest.fixture(scope="module")
def nus_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("nusantara")
    shutil.copytree(FIXTURE, d, dirs_exist_ok=True)
    return d


@pytest.fixture(scope="module")
def nus(gaz, nus_dir):
    return context.records(gaz, nus_dir)


def cov(nus, gaz, region, level=None, as_of=DAY):
    return metrics.coverage(nus, gaz, PILKADA, as_of, region, level=level)


def test_all_provinces_load_by_default(gaz, nus):
    # the conftest narrows PETA_PROVINCES to 31,32,36 (drawing only): records elsewhere still load
    assert len(gaz.provinces()) == 38
    assert set(nus.ceremonies["region_code"].str[:2]) == {"64", "73", "52", "91", "12", "53"}


def test_kabupaten_own_pakta_with_all_camat(nus, gaz):
    c = cov(nus, gaz, "64.02")
    assert c.own_state == metrics.OWN_COMMITMENT and c.own_ids == ["kukar-2024-10-01"]
    assert c.n_units == 20 and set(c.units["state"]) == {metrics.LEADERSHIP}
    s = views.summary(nus, c, "id")
    assert s.n_ceremonies == 1 and (s.covered, s.total) == (20, 20)
    assert "Pemda sudah berikrar" in s.own_text and "1 Oktober 2024" in s.own_text
    # province view: the kabupaten's own ceremony and its share, and the province's numbers
    kaltim = cov(nus, gaz, "64").units.set_index("code")
    assert kaltim.loc["64.02", "own_state"] == metrics.OWN_COMMITMENT
    assert kaltim.loc["64.02", "own_ids"] == ["kukar-2024-10-01"] and kaltim.loc["64.02", "share"] == 1.0
    assert kaltim.loc["64.01", "own_state"] == metrics.OWN_NONE and kaltim.loc["64.01", "share"] == 0.0


def test_kabupaten_pakta_of_opd_heads_only(nus, gaz):
    c = cov(nus, gaz, "53.07")
    assert c.own_state == metrics.OWN_COMMITMENT  # counted in its own view ...
    assert c.n_covered == 0 and set(c.units["state"]) == {metrics.NONE}  # ... but reaches no kecamatan
    s = views.summary(nus, c, "id")
    assert s.n_ceremonies == 1 and not s.recent.empty and s.covered == 0
    ntt = cov(nus, gaz, "53").units.set_index("code")
    assert ntt.loc["53.07", "own_state"] == metrics.OWN_COMMITMENT and ntt.loc["53.07", "share"] == 0.0


def test_all_asn_pakta_reaches_kecamatan_as_pemda(nus, gaz):
    c = cov(nus, gaz, "12.07")
    assert set(c.units["state"]) == {metrics.PEMDA} and c.n_covered == c.n_units == 22
    assert all(ids == ["deliserdang-2024-08-30"] for ids in c.units["pemda_ids"])


def test_governor_declaration(nus, gaz):
    c = cov(nus, gaz, "73")
    assert c.own_state == metrics.OWN_COMMITMENT and c.own_ids == ["sulsel-2024-09-20"]
    units = c.units
    assert len(units) == 24 and set(units["state"]) == {metrics.LEADERSHIP}  # every bupati/wali kota signed
    assert c.headline[:2] == (0, int(units["sub_units"].sum()))  # no camat signed: kecamatan not reached
    s = views.summary(nus, c, "id")
    assert s.n_ceremonies == 1 and "Pemda sudah berikrar" in s.own_text
    # a kabupaten's own view knows the governor's ceremony reached its bupati
    gowa = cov(nus, gaz, "73.06")
    assert gowa.parent_unit["state"] == metrics.LEADERSHIP and gowa.own_state == metrics.OWN_NONE
    assert views.summary(nus, gowa, "id").n_ceremonies == 1


def test_sosialisasi_without_signing_is_informed_not_covered(nus, gaz):
    c = cov(nus, gaz, "52.03").units.set_index("code")
    assert c.loc["52.03.02", "state"] == metrics.INFORMED
    assert cov(nus, gaz, "52.03").n_covered == 0
    own = cov(nus, gaz, "52.03.02")  # a kecamatan without village boundaries: measured as itself
    assert own.n_units == 1 and own.own_state == metrics.OWN_INFORMATION
    s = views.summary(nus, own, "id")
    assert s.total == 1 and s.n_ceremonies == 1 and "sosialisasi" in s.own_text.lower()


def test_undated_kabupaten_ikrar_listed_never_counted(nus, gaz):
    c = cov(nus, gaz, "91.03")
    assert c.own_state == metrics.OWN_NONE and c.own_ids == []
    assert c.undated_ids == ["jayapura-ikrar-2024"] and c.n_covered == 0
    assert views.summary(nus, c, "id").undated_ids == ["jayapura-ikrar-2024"]


def test_national_view_one_pass(nus, gaz):
    n = cov(nus, gaz, None)
    assert n.n_units == 38 and n.parent_unit is None
    prov = n.units.set_index("code")
    assert prov.loc["73", "own_state"] == metrics.OWN_COMMITMENT
    assert prov.loc["64", "sub_covered"] == 20 and prov.loc["12", "sub_covered"] == 22
    kab = cov(nus, gaz, None, level="kabupaten/kota")
    assert len(kab.units) == 514
    k = kab.units.set_index("code")
    assert set(k.index[k["own_state"] == metrics.OWN_COMMITMENT]) == {"64.02", "12.07", "53.07"}
    assert k.loc["73.06", "state"] == metrics.LEADERSHIP
    assert kab.headline[:2] == (42, n.headline[1])  # same kecamatan total both ways


def test_map_national_and_province_with_undrawn_units(nus, gaz):
    # PETA_PROVINCES=31,32,36 in the tests: the national map still counts every unit and names the undrawn
    mv = views.map_view(nus, gaz, PILKADA, DAY, None, "id", drawn=("31", "32", "36"))
    assert len(mv.units) == 514 and mv.mode == "share"
    assert len(mv.not_drawn) == 514 - int(mv.units["code"].str[:2].isin(["31", "32", "36"]).sum())
    assert views.not_drawn_text(mv, "id").startswith(f"{len(mv.not_drawn)} wilayah tidak digambar")
    u = mv.units.set_index("code")
    assert u.loc["53.07", "status"].startswith("Pemda sudah berikrar · 0 %")
    sumut = views.map_view(nus, gaz, PILKADA, DAY, "12", "id", drawn=None)
    assert not sumut.not_drawn and sumut.units.set_index("code").loc["12.07", "share"] == 1.0


def test_election_not_held_in_region_is_refused(gaz, nus_dir, tmp_path):
    d = tmp_path / "d"
    shutil.copytree(nus_dir, d)
    (d / "peta.db").unlink(missing_ok=True)
    rec = yaml.safe_load((d / "ceremonies" / "sikka-2024-11-04.yaml").read_text())
    rec.update(id="sikka-psu", elections=["psu-contoh-2025"], date=dt.date(2025, 4, 1))
    (d / "ceremonies" / "sikka-psu.yaml").write_text(yaml.safe_dump(rec, allow_unicode=True))
    with pytest.raises(PetaError) as err:
        context.records(gaz, d)
    msg = err.value.message
    assert "sikka-psu.yaml" in msg and "'elections'" in msg and "psu-contoh-2025" in msg and "18.01" in msg
    # a ceremony inside the region holding it is accepted, and only that region's units count
    rec.update(id="lamsel-psu", region="18.01", date=dt.date(2025, 4, 1))
    (d / "ceremonies" / "sikka-psu.yaml").write_text(yaml.safe_dump(rec, allow_unicode=True))
    ok = context.records(gaz, d)
    c = metrics.coverage(ok, gaz, "psu-contoh-2025", dt.date(2025, 4, 19), None)
    assert list(c.units["code"]) == ["18"] and c.headline[1] == len(gaz.descendants("18.01", "kecamatan"))
