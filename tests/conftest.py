"""Shared fixtures. Tests run against the real mirror in ../shared/geo and the
real seed records in data/; the geometry cache lives in a per-session temp dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = (ROOT.parent / "shared" / "geo" / "wilayah_boundaries").resolve()
SEEDS = (ROOT.parent / "shared" / "seeds").resolve()

os.environ.setdefault("PETA_GEO_SOURCE", str(MIRROR))
os.environ["PETA_PROVINCES"] = "31,32,36"
os.environ["PETA_DATA_DIR"] = str(ROOT / "data")
os.environ.setdefault("PETA_SECRETS_FILE", str(ROOT / "tests" / "fixtures" / "no-secrets.toml"))


@pytest.fixture(scope="session", autouse=True)
def geo_cache(tmp_path_factory) -> Path:
    if not MIRROR.is_dir():
        pytest.exit(f"the boundary mirror is missing: expected {MIRROR} (../shared beside the checkout)", 2)
    cache = tmp_path_factory.mktemp("geo-cache")
    os.environ["PETA_CACHE_DIR"] = str(cache)
    return cache


@pytest.fixture(scope="session")
def geo_cfg(geo_cache):
    from dashboard.geo.store import GeoConfig, ensure

    cfg = GeoConfig.from_settings()
    ensure(cfg)
    return cfg


@pytest.fixture(scope="session")
def gaz(geo_cfg):
    from dashboard import context

    return context.gazetteer(geo_cfg)


@pytest.fixture(scope="session")
def records(gaz):
    from dashboard import context

    return context.records(gaz, ROOT / "data")
