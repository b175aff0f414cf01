"""Kemendagri code arithmetic, in one place (issue 25).

A code is dotted: ``32`` (provinsi), ``32.01`` (kabupaten/kota), ``32.01.01`` (kecamatan),
``32.01.01.1006`` (desa/kelurahan: a last part starting with 1 is a kelurahan, with 2 a desa).
Indonesia is ``None`` everywhere inside Python; the empty string exists only at the URL and
session boundary. Nothing here reads the gazetteer: these are rules of the codes themselves.
"""

from __future__ import annotations

import pandas as pd

LEVELS = ("provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan")


def level(code: str) -> str:
    """The level a code's shape says ("32.01" → kabupaten/kota)."""
    return LEVELS[min(code.count("."), len(LEVELS) - 1)]


def parent(code: str) -> str | None:
    """The code one level up; None for a province (its parent is Indonesia)."""
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestors(code: str) -> list[str]:
    """From the province down to the parent of ``code``."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def within(code: str, region: str | None) -> bool:
    """``code`` is ``region`` or lies inside it (every code lies inside Indonesia, ``None``)."""
    return region is None or code == region or code.startswith(region + ".")


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


def within_mask(codes: pd.Series, region: str | None) -> pd.Series:
    """:func:`within` for a column of codes at once."""
    if region is None:
        return pd.Series(True, index=codes.index)
    return (codes == region) | codes.str.startswith(region + ".")


def is_kelurahan(code: str) -> bool:
    """A desa/kelurahan code whose last part starts with 1 (2: a desa)."""
    return code.count(".") >= 3 and code.rsplit(".", 1)[-1].startswith("1")
