"""Parse the upstream MySQL dumps into GeoDataFrames, without any SQL engine.

Each dump holds ``INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
('32.01.01','Cibinong',-6.48,106.83,'[[[lat,lng],...]]'),...;``. The ``path`` is
JSON with points in **[lat, lng]** order, nested either as one polygon (a list
of rings) or several (a list of polygons). We read the tuples with one regular
expression, decode ``path`` with ``json.loads`` (never ``eval``), swap to
[lng, lat], close unclosed rings, drop rings too short to enclose anything,
and repair invalid shapes with ``make_valid``. Everything done is counted in a
:class:`ParseReport`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from ..codes import parent
from ..io import geo_files
from . import level_of_code

_STR = r"'((?:[^'\\]|\\.)*)'"
_NUM = r"(NULL|[-+0-9.eE]+)"
ROW = re.compile(
    r"\(\s*" + _STR + r"\s*,\s*(?:NULL|" + _STR + r")\s*,\s*" + _NUM + r"\s*,\s*" + _NUM
    + r"\s*,\s*(?:NULL|" + _STR + r")\s*\)"
)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_ESCAPES = {"'": "'", '"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


@dataclass
class ParseReport:
    rows: int = 0
    null_paths: int = 0
    closed_rings: int = 0
    dropped_rings: int = 0
    repaired: int = 0
    multipolygons: int = 0
    files: list[str] = field(default_factory=list)

    def add(self, other: "ParseReport") -> None:
        for name in ("rows", "null_paths", "closed_rings", "dropped_rings", "repaired", "multipolygons"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.files += other.files


def _depth(node) -> int:
    d = 0
    while isinstance(node, list) and node:
        node, d = node[0], d + 1
    return d


def _ring(points, report: ParseReport) -> np.ndarray | None:
    arr = np.asarray(points, dtype=float)
    if arr.ndim != 2 or arr.shape[1] < 2:
        report.dropped_rings += 1
        return None
    arr = arr[:, [1, 0]]  # [lat, lng] -> (x=lng, y=lat)
    if not np.array_equal(arr[0], arr[-1]):
        arr = np.vstack([arr, arr[:1]])
        report.closed_rings += 1
    if len(arr) < 4:  # a closed ring needs 3 distinct points + the closing one
        report.dropped_rings += 1
        return None
    return arr


def _polygon(rings, report: ParseReport) -> Polygon | None:
    shell, *holes = rings
    shell_arr = _ring(shell, report)
    if shell_arr is None:
        report.dropped_rings += len(holes)
        return None
    hole_arrs = [h for h in (_ring(r, report) for r in holes) if h is not None]
    return Polygon(shell_arr, hole_arrs)


def geometry_from_path(path, report: ParseReport):
    """Upstream ``path`` (decoded JSON) to a valid (Multi)Polygon, or None."""
    depth = _depth(path)
    if depth == 2:  # a bare ring
        polys = [_polygon([path], report)]
    elif depth == 3:  # one polygon: rings of points
        polys = [_polygon(path, report)]
    elif depth == 4:  # several polygons
        polys = [_polygon(p, report) for p in path if p]
    else:
        return None
    polys = [p for p in polys if p is not None and not p.is_empty]
    if not polys:
        return None
    geom = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if len(polys) > 1:
        report.multipolygons += 1
    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
        report.repaired += 1
    return geom if not geom.is_empty else None


def parse_text(text: str, report: ParseReport) -> list[dict]:
    text = _COMMENT.sub("", text)
    rows = []
    for statement in re.split(r"INSERT\s+INTO", text, flags=re.I)[1:]:
        for m in ROW.finditer(statement):
            code, name, lat, lng, path = m.groups()
            report.rows += 1
            if path is None:
                report.null_paths += 1
                geom = None
            else:
                geom = geometry_from_path(json.loads(_unescape(path)), report)
                if geom is None:
                    report.null_paths += 1
            rows.append({
                "code": _unescape(code),
                "name": _unescape(name) if name is not None else None,
                "lat": None if lat == "NULL" else float(lat),
                "lng": None if lng == "NULL" else float(lng),
                "geometry": geom,
            })
    return rows


def parse_files(paths: list[Path]) -> tuple[gpd.GeoDataFrame, ParseReport]:
    """Parse several dumps into one GeoDataFrame with code, name, level, parent, centroid."""
    report = ParseReport()
    rows: list[dict] = []
    for p in paths:
        part = ParseReport(files=[Path(p).name])
        rows += parse_text(geo_files.dump_text(p), part)
        report.add(part)
    return to_frame(rows), report


def to_frame(rows: list[dict]) -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(rows, columns=["code", "name", "lat", "lng", "geometry"],
                           geometry="geometry", crs="EPSG:4326")
    gdf = gdf.drop_duplicates("code", keep="first").sort_values("code").reset_index(drop=True)
    gdf["level"] = gdf["code"].map(level_of_code)
    gdf["parent"] = gdf["code"].map(parent)
    return gdf[["code", "name", "level", "parent", "lat", "lng", "geometry"]]
