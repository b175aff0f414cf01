"""Light geometries for drawing.

Neighbouring units keep their shared borders because the simplification is
done on the whole coverage at once (``GeoSeries.simplify_coverage``), not shape
by shape. Coordinates are rounded to 5 decimals (about 1 m) and only the
properties a map uses travel to the browser.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import shapely

from .tuning import NATIONAL_MIN_PART_AREA, NATIONAL_PRECISION, NATIONAL_TOLERANCE, PRECISION, TOLERANCE  # noqa: F401


def lighten(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Display geometry for the national view: small islets dropped, coordinates coarser,
    borders simplified together (neighbours keep a shared border)."""
    out = gdf.copy()
    out["geometry"] = [None if g is None else shapely.set_precision(_main_parts(g), 10 ** -NATIONAL_PRECISION)
                       for g in out.geometry]
    has = out.geometry.notna() & ~out.geometry.is_empty
    simpler = out.loc[has, "geometry"].simplify_coverage(NATIONAL_TOLERANCE)
    ok = ~simpler.is_empty & simpler.is_valid  # a unit the simplification broke keeps its shape
    out.loc[simpler[ok].index, "geometry"] = simpler[ok]
    return out


def _main_parts(geom):
    if geom.geom_type != "MultiPolygon":
        return geom
    parts = sorted(geom.geoms, key=lambda p: -p.area)
    keep = [parts[0]] + [p for p in parts[1:] if p.area >= NATIONAL_MIN_PART_AREA]
    return keep[0] if len(keep) == 1 else shapely.MultiPolygon(keep)


def _round(geom):
    if geom is None:
        return None
    out = shapely.transform(geom, lambda xy: np.round(xy, PRECISION))
    if not out.is_valid:
        out = shapely.make_valid(out, method="structure", keep_collapsed=False)
    return None if out.is_empty else out


def simplify_level(gdf: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    """code, name, geometry: simplified as a coverage, rounded, validated."""
    out = gdf[["code", "name", "geometry"]].copy()
    has = out.geometry.notna()
    simplified = out.loc[has, "geometry"].simplify_coverage(TOLERANCE[level])
    # The upstream kecamatan do not tile perfectly (small gaps/overlaps), so a
    # simplified shape can come out invalid or empty; fall back to the shape
    # simplified on its own rather than losing the unit.
    bad = simplified.is_empty | ~simplified.is_valid
    if bad.any():
        simplified[bad] = out.loc[has].geometry[bad].simplify(TOLERANCE[level] / 3, preserve_topology=True)
    out.loc[has, "geometry"] = [_round(g) for g in simplified]
    return out


def to_geojson(gdf: gpd.GeoDataFrame, properties: list[str]) -> dict:
    """A FeatureCollection dict with only ``properties`` (no id, no bbox)."""
    features = []
    cols = [c for c in properties if c in gdf.columns]
    for row in gdf[cols + ["geometry"]].itertuples(index=False):
        geom = row[-1]
        if geom is None:
            continue
        features.append({
            "type": "Feature",
            "properties": {c: _plain(v) for c, v in zip(cols, row[:-1])},
            "geometry": json.loads(shapely.to_geojson(geom)),
        })
    return {"type": "FeatureCollection", "features": features}


def _plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    return value


def payload_bytes(fc: dict) -> int:
    return len(json.dumps(fc, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
