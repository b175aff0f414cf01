"""Gazetteer name lookup (issue 2 §4)."""

import pytest

from dashboard.errors import PetaError


@pytest.mark.parametrize("query,kwargs,code", [
    ("Ranca Bungur", {"level": "kecamatan"}, "32.01.34"),
    ("rancabungur", {"parent": "Kab. Bogor", "level": "kecamatan"}, "32.01.34"),
    ("Kec. Gunung Putri", {}, "32.01.02"),
    ("KEC.   gunungputri", {}, "32.01.02"),
    ("Kab. Lebak", {}, "36.02"),
    ("Kabupaten Lebak", {}, "36.02"),
    ("Kota Bekasi", {}, "32.75"),
    ("Kabupaten Bekasi", {}, "32.16"),
    ("Kab Bekasi", {}, "32.16"),
    ("Cibinong", {"parent": "32.01", "level": "kecamatan"}, "32.01.01"),
    ("Bungursari", {"parent": "Kota Tasikmalaya"}, "32.78.09"),
    ("Jakarta Pusat", {}, "31.71"),
    ("DKI Jakarta", {}, "31"),
])
def test_resolve_tolerates_spelling(gaz, query, kwargs, code):
    assert gaz.resolve(query, **kwargs).code == code


def test_kota_and_kabupaten_stay_apart(gaz):
    assert gaz.resolve("Kota Bekasi").code != gaz.resolve("Kabupaten Bekasi").code
    with pytest.raises(PetaError) as err:
        gaz.resolve("Kota Lebak")
    assert "none is called that" in err.value.message and "Kemendagri code" in err.value.message


def test_ambiguous_name_lists_candidates_with_codes(gaz):
    with pytest.raises(PetaError) as err:
        gaz.resolve("Bungursari")
    msg = err.value.message
    assert "32.14.13" in msg and "32.78.09" in msg and "Give the parent" in msg
    with pytest.raises(PetaError) as err:
        gaz.resolve("Bekasi")
    assert "32.16" in err.value.message and "32.75" in err.value.message
    with pytest.raises(PetaError) as err:  # a kecamatan and two desa share the name
        gaz.resolve("Cibinong")
    assert all(c in err.value.message for c in ("32.01.01", "32.01.01.1006", "32.01.11.2008"))


def test_no_guessing_but_suggestions(gaz):
    # The mirror spells Kab. Cianjur's kecamatan "Cubinong": suggested, never auto-picked.
    with pytest.raises(PetaError) as err:
        gaz.resolve("Cibinong", parent="Kab. Cianjur")
    assert "did you mean" in err.value.message and "32.03.20" in err.value.message


def test_hierarchy(gaz):
    assert [r.code for r in gaz.ancestors("32.01.01.1006")] == ["32", "32.01", "32.01.01"]
    assert gaz.path_label("32.01.01") == "Kec. Cibinong, Kabupaten Bogor, Jawa Barat"
    assert len(gaz.provinces()) == 38 and {"31", "32", "36", "11", "94"} <= {r.code for r in gaz.provinces()}
    assert gaz.get("32.01.01.1006").is_kelurahan and not gaz.get("32.01.34.2004").is_kelurahan
    assert gaz.search("cibin")[0].code == "32.01.01"
    with pytest.raises(PetaError) as err:
        gaz.get("32.99")
    assert "32.99" in err.value.message and "PETA_PROVINCES" in err.value.message


def test_abbreviations_resolve_to_exactly_one_region(gaz):
    from dashboard.abbreviations import ABBREVIATIONS

    for short, name in ABBREVIATIONS.items():
        r = gaz.resolve(short)  # a PetaError here names the wrong entry
        assert r.name == name, short
    assert gaz.resolve("Kukar").code == "64.02" and gaz.resolve("minut").code == "71.06"
    assert gaz.resolve("Kotim").code == "62.02" and gaz.resolve("Babel").level == "provinsi"
    assert gaz.search("Jaksel")[0].name == "Kota Administrasi Jakarta Selatan"


def test_kecamatan_named_kota(gaz):
    r = gaz.resolve("Kota Mukomuko")
    assert (r.code, r.level) == ("17.06.02", "kecamatan")
    assert "17.06.02" in [x.code for x in gaz.search("Kota Mukomuko")]
    assert gaz.resolve("Kota Bekasi").code == "32.75"  # a kota is still a kota
