"""Issue 25: the Kemendagri code rules live in one module; each rule as the README states it."""

import pandas as pd

from dashboard import codes


def test_levels_parents_and_ancestors():
    assert [codes.level(c) for c in ("32", "32.01", "32.01.01", "32.01.01.1006")] == list(codes.LEVELS)
    assert codes.parent("32.01.01") == "32.01" and codes.parent("32") is None
    assert codes.ancestors("32.01.01.1006") == ["32", "32.01", "32.01.01"] and codes.ancestors("32") == []


def test_inside_and_containing():
    assert codes.within("32.01.01", "32.01") and codes.within("32.01", "32.01") and codes.within("32.01", None)
    assert not codes.within("32.010", "32.01")  # a prefix of digits is not a parent: 32.010 is not in 32.01
    assert not codes.within("32.01", "32.01.01")
    assert codes.related("32", "32.01.01") and codes.related("32.01.01", "32") and not codes.related("32.01", "32.02")
    assert codes.within_any("32.01.05", ["32.01", "36.02"]) and not codes.within_any("32", ["32.01"])
    assert codes.within_any(None, None) and not codes.within_any(None, ["32.01"])  # Indonesia votes only everywhere
    assert codes.related_any("32", ["32.01"]) and not codes.related_any("33", ["32.01"])
    mask = codes.within_mask(pd.Series(["32.01", "32.01.01", "32.010", "36.02"]), "32.01")
    assert list(mask) == [True, True, False, False]


def test_kelurahan_or_desa():
    assert codes.is_kelurahan("32.01.01.1006") and not codes.is_kelurahan("32.01.34.2001")
    assert not codes.is_kelurahan("32.01.01")


def test_depth_lineage_and_the_region_at_a_level():
    """Issue 41 §2: the arithmetic other modules used to write by hand (prefix widths, dot counts)."""
    assert [codes.depth(lvl) for lvl in codes.LEVELS] == [0, 1, 2, 3]
    assert codes.lineage("32.01.24") == ["32", "32.01", "32.01.24"] and codes.lineage("32") == ["32"]
    assert codes.ancestor("32.01.24.2001", "kabupaten/kota") == "32.01"
    assert codes.ancestor("32.01.24", "provinsi") == "32" and codes.ancestor("32.01.24", "kecamatan") is None
    assert codes.ancestor("32.01", "kabupaten/kota") is None and codes.ancestor("32", "kecamatan") is None
    assert codes.ancestor("32.01.24.2001", "desa/kelurahan") is None  # nothing lies inside a desa
    got = codes.ancestor_column(pd.Series(["32.01.24", "36.02.01"], index=[4, 7]), "kabupaten/kota")
    assert list(got) == ["32.01", "36.02"] and list(got.index) == [4, 7]
    assert codes.province("32.01.24") == "32" and codes.province("32") == "32"
    assert list(codes.province_column(pd.Series(["32.01", "36"]))) == ["32", "36"]


def test_below_is_strictly_inside():
    assert codes.below("32.01.01", "32.01") and not codes.below("32.01", "32.01")
    assert not codes.below("32.010", "32.01") and codes.inside_prefix("32.01") == "32.01."
    mask = codes.below_mask(pd.Series(["32.01", "32.01.01", "32.010", "36.02"]), "32.01")
    assert list(mask) == [False, True, False, False]


def test_related_mask_is_related_for_a_column():
    column = pd.Series(["32", "32.01", "32.01.01", "32.010", "32.02", "36"], index=range(10, 16))
    got = codes.related_mask(column, "32.01")
    assert list(got) == [codes.related(c, "32.01") for c in column] == [True, True, True, False, False, False]
    assert list(got.index) == list(column.index)
