"""Boundary data: fetch and verify (``source``), parse SQL dumps (``parse``),
cache as GeoParquet (``store``), light display geometries (``display``)."""

LEVELS = ("provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan")
# Upstream folder name of each level.
FOLDER_LEVEL = {"prov": "provinsi", "kab": "kabupaten/kota", "kec": "kecamatan", "kel": "desa/kelurahan"}


def level_of_code(code: str) -> str:
    """Kemendagri codes have one dot-separated part per level: 32 / 32.01 / 32.01.01 / 32.01.01.1001."""
    return LEVELS[code.count(".")]
