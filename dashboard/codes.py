"""Kemendagri code arithmetic, in one place (issue 25).

A code is dotted: ``32`` (provinsi), ``32.01`` (kabupaten/kota), ``32.01.01`` (kecamatan),
``32.01.01.1006`` (desa/kelurahan: a last part starting with 1 is a kelurahan, with 2 a desa).
Indonesia is ``None`` everywhere inside Python; the empty string exists only at the URL and
session boundary. Nothing here reads the gazetteer: these are rules of the codes themselves.
"""

from __future__ import annotations

import pandas as pd

LEVELS = ("provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan")

# Every part above the desa is two digits and a desa adds four ("32", "32.01", "32.01.01",
# "32.01.01.1006"), so the region at a level that holds a code is the code's first WIDTHS[level]
# characters. Slicing is what the per-unit look-ups and whole columns of 80,000 codes can afford
# (splitting on the dots and joining again costs several times more); every code the gazetteer
# holds has this shape.
WIDTHS = {"provinsi": 2, "kabupaten/kota": 5, "kecamatan": 8, "desa/kelurahan": 13}


def level(code: str) -> str:
    """The level a code's shape says ("32.01" → kabupaten/kota)."""
    return LEVELS[min(code.count("."), len(LEVELS) - 1)]


def depth(level_name: str) -> int:
    """How far down ``level_name`` is: 0 for a provinsi … 3 for a desa/kelurahan, the number of dots
    in its codes. Orders levels from the widest to the most specific (a reading of an article takes
    the most specific level it names)."""
    return LEVELS.index(level_name)


def parent(code: str) -> str | None:
    """The code one level up; None for a province (its parent is Indonesia)."""
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestors(code: str) -> list[str]:
    """From the province down to the parent of ``code``."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def lineage(code: str) -> list[str]:
    """From the province down to ``code`` itself: the picker's one choice per level."""
    return [*ancestors(code), code]


def ancestor(code: str, level_name: str) -> str | None:
    """The region at ``level_name`` that ``code`` lies strictly inside (a kecamatan's kabupaten/kota
    for ``"kabupaten/kota"``); None when ``code`` is at that level or above it. By width
    (:data:`WIDTHS`): what reaches 7,000 kecamatan from above is looked up this way."""
    width = WIDTHS[level_name]
    return code[:width] if len(code) > width else None


def ancestor_column(codes: pd.Series, level_name: str) -> pd.Series:
    """:func:`ancestor` for a column of codes that all lie below ``level_name`` (a view's kecamatan
    rolled up to its kabupaten/kota or provinces), at once."""
    return codes.str.slice(0, WIDTHS[level_name])


def province(code: str) -> str:
    """The province a code is or lies in ("32.01.24" → "32")."""
    return code[:WIDTHS["provinsi"]]


def province_column(codes: pd.Series) -> pd.Series:
    """:func:`province` for a column of codes at once."""
    return codes.str.slice(0, WIDTHS["provinsi"])


def inside_prefix(region: str) -> str:
    """What every code strictly inside ``region`` starts with: its code and a dot. The dot matters:
    32.010 is no code of 32.01. Also the prefix a database query matches on (``LIKE '32.01.%'``)."""
    return region + "."


def below(code: str, region: str) -> bool:
    """``code`` lies strictly inside ``region`` (not ``region`` itself)."""
    return code.startswith(inside_prefix(region))


def within(code: str, region: str | None) -> bool:
    """``code`` is ``region`` or lies inside it (every code lies inside Indonesia, ``None``)."""
    return region is None or code == region or below(code, region)


def related(a: str, b: str) -> bool:
    """One of the two lies inside (or is) the other: a ceremony of Kab. Bogor concerns Kec.
    Cibinong's view, and Kec. Cibinong's concerns Kab. Bogor's."""
    return within(a, b) or within(b, a)


def within_any(code: str | None, regions) -> bool:
    """``code`` lies inside one of ``regions`` (None or empty: held everywhere, so yes)."""
    if not isinstance(regions, (list, tuple)) or not regions:
        return True
    return code is not None and any(within(code, r) for r in regions)


def related_any(code: str, regions) -> bool:
    """``code`` lies inside or contains one of ``regions`` (None or empty: everywhere)."""
    if not isinstance(regions, (list, tuple)) or not regions:
        return True
    return any(related(code, r) for r in regions)


def below_mask(codes: pd.Series, region: str) -> pd.Series:
    """:func:`below` for a column of codes at once (a region's descendants, never itself)."""
    return codes.str.startswith(inside_prefix(region))


def within_mask(codes: pd.Series, region: str | None) -> pd.Series:
    """:func:`within` for a column of codes at once."""
    if region is None:
        return pd.Series(True, index=codes.index)
    return (codes == region) | below_mask(codes, region)


def related_mask(codes: pd.Series, region: str) -> pd.Series:
    """:func:`related` for a column of codes at once: inside (or) ``region``, or one of its ancestors
    (the only codes ``region`` lies inside)."""
    return within_mask(codes, region) | codes.isin(ancestors(region))


def is_kelurahan(code: str) -> bool:
    """A desa/kelurahan code whose last part starts with 1 (2: a desa)."""
    return code.count(".") >= 3 and code.rsplit(".", 1)[-1].startswith("1")
