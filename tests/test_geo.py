"""Boundaries: verified fetch, parsing, cache, display geometries (issue 3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point

from dashboard.errors import PetaError
from dashboard.geo import display, store
from dashboard.geo.parse import parse_files
from dashboard.geo.source import files_for, parse_provinces, read_manifest

from .conftest import GEO_FOLDER

FIXTURES = Path(__file__).parent / "fixtures"


def test_children_counts_match_kemendagri(gaz):
    assert len(gaz.children("32.01")) == 40   # Kab. Bogor
    assert len(gaz.children("32.75")) == 12   # Kota Bekasi
    assert len(gaz.children("36.02")) == 28   # Kab. Lebak
    assert {r.level for r in gaz.children("32.01")} == {"kecamatan"}


def test_bogor_kecamatan_lie_inside_bogor(geo_cfg):
    kab = store.load_level(geo_cfg, "kabupaten/kota")
    kec = store.load_level(geo_cfg, "kecamatan")
    utm = "EPSG:32748"  # UTM 48S: areas in m² for West Java
    bogor = kab[kab["code"] == "32.01"].to_crs(utm).geometry.iloc[0]
    inside = kec[kec["code"].str.startswith("32.01.")].to_crs(utm)
    assert len(inside) == 40
    ratios = inside.geometry.intersection(bogor).area / inside.geometry.area
    assert ratios.min() >= 0.95, inside.assign(r=ratios).nsmallest(3, "r")[["code", "name", "r"]]


def test_cibinong_contains_its_upstream_centroid(geo_cfg):
    kec = store.load_level(geo_cfg, "kecamatan")
    row = kec[kec["code"] == "32.01.01"].iloc[0]
    assert row["name"] == "Cibinong"
    assert row.geometry.contains(Point(row["lng"], row["lat"]))  # [lat, lng] were swapped to x=lng


@pytest.mark.parametrize("level", ["provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan"])
def test_every_geometry_valid_full_and_display(geo_cfg, level):
    for disp in (False, True):
        gdf = store.load_level(geo_cfg, level, display=disp)
        assert len(gdf) > 0
        assert gdf.crs.to_epsg() == 4326
        assert gdf.geometry.notna().all()
        assert gdf.geometry.is_valid.all()


def test_desa_only_where_mirrored(gaz):
    desa = gaz.table[gaz.table["level"] == "desa/kelurahan"]
    assert set(desa["code"].str.slice(0, 5)) == {"32.01", "32.75", "36.02"}


def test_parser_edge_cases():
    gdf, report = parse_files([FIXTURES / "edge_cases.sql"])
    by = gdf.set_index("code")
    assert by.loc["99.01", "name"] == "Kabupaten O'Neil"          # escaped quote
    assert by.loc["99.02", "geometry"] is None                      # NULL path kept, no shape
    assert by.loc["99.01", "geometry"].bounds == (106.0, -7.0, 107.0, -6.0)  # lng/lat order
    assert by.loc["99.03", "geometry"].area == pytest.approx(1.0)  # unclosed ring closed
    assert by.loc["99.04", "geometry"].geom_type == "MultiPolygon"  # 4-deep nesting
    assert len(by.loc["99.04", "geometry"].geoms[1].interiors) == 0  # 2-point hole dropped
    assert by.loc["99.05", "geometry"].is_valid                     # bow-tie repaired
    assert (report.rows, report.null_paths, report.closed_rings) == (5, 1, 2)  # 99.03 + the short hole
    assert report.dropped_rings == 1 and report.repaired == 1 and report.multipolygons == 1


def test_province_selection():
    entries = read_manifest()
    assert parse_provinces("32, 36", entries) == ["32", "36"]
    assert len(parse_provinces("all", entries)) == 38
    with pytest.raises(PetaError) as err:
        parse_provinces("32,99", entries)
    assert "PETA_PROVINCES" in err.value.message and "36" in err.value.message
    paths = {e.path for e in files_for(entries, ["36"])}
    assert "db/kab/wilayah_boundaries_kab_36.sql" in paths
    assert "db/prov/wilayah_boundaries_prov_4.sql" in paths
    assert not any("kab_32" in p for p in paths)


def _mirror_copy(tmp_path: Path, provinces: list[str]) -> Path:
    if GEO_FOLDER is None:
        pytest.skip("needs the boundary files as a folder (PETA_GEO_SOURCE or the mirror beside the checkout)")
    src = tmp_path / "mirror"
    for e in files_for(read_manifest(), provinces):
        (src / e.path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(GEO_FOLDER / e.path, src / e.path)
    return src


def test_corrupted_file_is_refused_and_cache_stays_clean(tmp_path):
    src = _mirror_copy(tmp_path, ["31"])
    victim = src / "db/kec/wilayah_boundaries_kec_31.sql"
    victim.write_bytes(victim.read_bytes().replace(b"Menteng", b"Mentang", 1))
    cfg = store.GeoConfig(str(src), ("31",), tmp_path / "cache")
    with pytest.raises(PetaError) as err:
        store.build(cfg)
    msg = err.value.message
    expected = next(e.sha256 for e in read_manifest() if e.path.endswith("kec_31.sql"))
    import pooch
    assert "wilayah_boundaries_kec_31.sql" in msg and expected in msg
    assert pooch.file_hash(str(victim)) in msg          # the actual hash is named
    assert "PETA_GEO_SOURCE" in msg                      # and how to fix it
    raw = tmp_path / "cache" / "raw"
    assert not (raw / "db/kec/wilayah_boundaries_kec_31.sql").exists()
    assert not (tmp_path / "cache" / "parquet").exists() or not any((tmp_path / "cache" / "parquet").iterdir())


def test_missing_file_and_unreachable_source(tmp_path):
    src = _mirror_copy(tmp_path, ["31"])
    (src / "db/kab/wilayah_boundaries_kab_31.sql").unlink()
    with pytest.raises(PetaError) as err:
        store.build(store.GeoConfig(str(src), ("31",), tmp_path / "c1"))
    assert "kab_31.sql" in err.value.message and "missing" in err.value.message
    with pytest.raises(PetaError) as err:  # nothing listens on this loopback port
        store.build(store.GeoConfig("http://127.0.0.1:9/", ("31",), tmp_path / "c2"))
    assert "download" in err.value.message and "set PETA_GEO_SOURCE to the folder holding the mirror" in err.value.message
    # issue 35: every file failing the same way is said once, with how many
    assert len(err.value.problems) == 1 and "3 × ConnectionError" in str(err.value.problems[0].value)


def test_second_load_reads_cache_without_parsing(geo_cfg, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("SQL parsed again")
    from dashboard.geo import parse

    monkeypatch.setattr(parse, "parse_files", boom)  # store imports the parser only when it builds
    report = store.ensure(geo_cfg)
    assert report.built is False
    assert len(store.load_level(geo_cfg, "kecamatan")) == report.features["kecamatan"]


def test_cache_key_follows_province_set(tmp_path):
    src = _mirror_copy(tmp_path, ["31", "36"])
    a = store.GeoConfig(str(src), ("31",), tmp_path / "cache")
    b = store.GeoConfig(str(src), ("31", "36"), tmp_path / "cache")
    assert a.key != b.key
    ra, rb = store.build(a), store.ensure(b)
    assert rb.built and set(rb.provinces) == {"31", "36"} and ra.features["kabupaten/kota"] == 6
    assert store.ensure(a).built is False


def test_display_geojson_is_light(geo_cfg):
    full = store.load_level(geo_cfg, "kecamatan")
    light = store.load_level(geo_cfg, "kecamatan", display=True)
    fc = display.to_geojson(light[light["code"].str.startswith("32.01.")], ["code", "name"])
    assert len(fc["features"]) == 40
    assert set(fc["features"][0]["properties"]) == {"code", "name"}
    coords = json.dumps(fc["features"][0]["geometry"]["coordinates"])
    decimals = max(len(x.split(".")[1]) for x in coords.replace("[", "").replace("]", "").split(",") if "." in x)
    assert decimals <= display.PRECISION
    naive = len(full[full["code"].str.startswith("32.01.")].to_json().encode())
    assert display.payload_bytes(fc) < naive
    # shared borders survive: every pair of Bogor kecamatan that touches upstream still touches
    f = full.set_index("code").geometry
    d = light.set_index("code").geometry
    codes = [c for c in f.index if c.startswith("32.01.")]
    pairs = [(i, j) for i in codes for j in codes if i < j and f[i].distance(f[j]) == 0]
    assert len(pairs) > 40
    assert all(d[i].distance(d[j]) == 0 for i, j in pairs)


def test_national_geometry_comes_lightened_from_the_cache(geo_cfg, monkeypatch):
    """The whole-country kabupaten/kota map reads geometry lightened when the cache was built
    (no simplification at server start); the same shapes display.lighten makes, every unit kept."""
    kab = store.load_level(geo_cfg, "kabupaten/kota", national=True)
    expected = display.lighten(store.load_level(geo_cfg, "kabupaten/kota", display=True))
    assert list(kab["code"]) == list(expected["code"]) and len(kab) == 514
    assert all(a.equals_exact(b, 1e-9) for a, b in zip(kab.geometry, expected.geometry) if a is not None)
    assert display.payload_bytes(display.to_geojson(kab, ["code"])) < 0.7e6

    def no_lighten(gdf):
        raise AssertionError("lightened at load time")
    monkeypatch.setattr(display, "lighten", no_lighten)  # store imports it only when it reads geometry
    assert len(store.load_level(geo_cfg, "kabupaten/kota", national=True, provinces=("32", "36"))) == 35
    with pytest.raises(AssertionError, match="load time"):  # kecamatan are never drawn nationally: not prebuilt
        store.load_level(geo_cfg, "kecamatan", national=True)


@pytest.mark.slow
def test_corrupt_cache_file_is_rebuilt(geo_cfg, tmp_path):
    """Issue 11 §5: a truncated GeoParquet cache file is rebuilt, not read or reported as cached."""
    import dataclasses
    import shutil

    cache = tmp_path / "cache"
    shutil.copytree(geo_cfg.cache, cache)
    cfg = dataclasses.replace(geo_cfg, cache=cache)
    victim = cfg.directory / "kec_display.parquet"
    victim.write_bytes(victim.read_bytes()[:100])
    gdf = store.load_level(cfg, "kecamatan", display=True)
    assert len(gdf) == 7265 and store.is_built(cfg)


@pytest.mark.parametrize("damage", [lambda b: b[:20], lambda b: b"\xff\xfe" + b[2:], lambda b: b"[1, 2]"],
                         ids=["truncated", "not-utf8", "another-shape"])
@pytest.mark.slow
def test_a_damaged_cache_report_is_rebuilt(geo_cfg, tmp_path, damage):
    """Issue 23: a damaged report.json in the boundary cache gave a raw traceback."""
    import dataclasses
    import shutil

    cache = tmp_path / "cache"
    shutil.copytree(geo_cfg.cache, cache)
    cfg = dataclasses.replace(geo_cfg, cache=cache)
    report = cfg.directory / "report.json"
    report.write_bytes(damage(report.read_bytes()))
    assert store.ensure(cfg).built is True
    assert store.ensure(cfg).built is False  # whole again
