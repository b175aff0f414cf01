"""Boundary data: fetch and verify (``source``), parse SQL dumps (``parse``),
cache as GeoParquet (``store``), light display geometries (``display``)."""

from ..codes import level

# Upstream folder name of each level.
FOLDER_LEVEL = {"prov": "provinsi", "kab": "kabupaten/kota", "kec": "kecamatan", "kel": "desa/kelurahan"}


def level_of_code(code: str) -> str:
    """Kemendagri codes have one dot-separated part per level (:func:`dashboard.codes.level`)."""
    return level(code)
