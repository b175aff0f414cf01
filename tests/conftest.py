"""Shared fixtures. Tests run against the real boundary files and the records and
calendar in tests/fixtures/data (the seed records, written for the tests): never the shipped
data/, which grows with real records and elections (issue 22). The geometry cache lives in a
per-session temp dir.

The boundary files come from, in this order (issue 24): ``PETA_GEO_SOURCE`` when it is set (a
folder holding the mirror, or the upstream address); else the mirror beside the checkout
(``../shared/geo/wilayah_boundaries``); else the pinned upstream files, downloaded and checked
against the manifest by the product's own path (``dashboard.geo.source``) when online. Only with
none of these do the tests stop, saying which of the three to provide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = (ROOT.parent / "shared" / "geo" / "wilayah_boundaries").resolve()
SEEDS = (ROOT.parent / "shared" / "seeds").resolve()
DATA = ROOT / "tests" / "fixtures" / "data"

# Hermetic (issue 41 §4): no ambient PETA_* setting of the developer's shell (a PETA_DB_URL, a
# PETA_LANG, a PETA_SECRETS_FILE...) changes what a test sees; the session sets its own below.
# Kept: where the boundary files come from (an input, not a behaviour) and the tests' own inputs.
TEST_INPUTS = {"PETA_GEO_SOURCE", "PETA_TEST_DB_URL", "PETA_TEST_GEO_CACHE"}
for _name in [n for n in os.environ if n.startswith("PETA_") and n not in TEST_INPUTS]:
    del os.environ[_name]

GIVEN_SOURCE = os.environ.get("PETA_GEO_SOURCE")
if not GIVEN_SOURCE and MIRROR.is_dir():
    os.environ["PETA_GEO_SOURCE"] = str(MIRROR)
# else: unset, the product's default, the pinned upstream address
_source = os.environ.get("PETA_GEO_SOURCE", "")
GEO_FOLDER = Path(_source) if _source and "://" not in _source and Path(_source).is_dir() else None  # the mirror in use
os.environ["PETA_PROVINCES"] = "31,32,36"
os.environ["PETA_DATA_DIR"] = str(DATA)
os.environ["PETA_SECRETS_FILE"] = str(ROOT / "tests" / "fixtures" / "no-secrets.toml")


def _upstream_reachable(address: str, seconds: float = 3.0) -> bool:
    import socket
    from urllib.parse import urlsplit

    host = urlsplit(address).hostname
    try:
        socket.create_connection((host, 443), timeout=seconds).close()
        return True
    except OSError:
        return False


def pytest_sessionstart(session):
    """Issue 35: without a mirror folder and without the network the whole session stops at once,
    with one message saying what to provide (not a slow failure deep in a CLI test)."""
    source = os.environ.get("PETA_GEO_SOURCE", "")
    if source and "://" not in source:
        if not Path(source).is_dir():
            pytest.exit(f"PETA_GEO_SOURCE={source} is not a folder: " + _GEO_HELP, 2)
        return
    from dashboard import settings

    address = source or settings.SETTINGS["PETA_GEO_SOURCE"].default
    if not _upstream_reachable(address):
        pytest.exit("no boundary files: no mirror beside the checkout, PETA_GEO_SOURCE unset and the upstream "
                    "address unreachable; " + _GEO_HELP, 2)


@pytest.fixture(scope="session", autouse=True)
def geo_cache(tmp_path_factory) -> Path:
    source = os.environ.get("PETA_GEO_SOURCE", "")
    if source and "://" not in source and not Path(source).is_dir():
        pytest.exit(f"PETA_GEO_SOURCE={source} is not a folder: " + _GEO_HELP, 2)
    cache = tmp_path_factory.mktemp("geo-cache")
    # The boundary tables are kept between runs: their folder is named by a digest of what they are
    # built from (GeoConfig.key: the manifest, the provinces, the parser and display settings), so a
    # change to any of them builds new ones and an unchanged checkout reuses them (a build is written
    # beside and renamed into place, so a run stopped half-way leaves no half table). Everything else
    # in the cache folder (records snapshots, seed stamps) is per run.
    shared = Path(os.environ.get("PETA_TEST_GEO_CACHE") or ROOT / "geo" / "cache" / "tests")
    shared.mkdir(parents=True, exist_ok=True)
    (cache / "parquet").symlink_to(shared, target_is_directory=True)
    os.environ["PETA_CACHE_DIR"] = str(cache)
    return cache


_GEO_HELP = ("the tests need the boundary files: set PETA_GEO_SOURCE to a folder holding the mirror, or put "
             f"the mirror beside the checkout ({MIRROR}), or run online so the pinned upstream files are downloaded "
             "and checked against geo/manifest.tsv")


@pytest.fixture(scope="session")
def geo_cfg(geo_cache):
    from dashboard.geo.store import GeoConfig, ensure

    from dashboard.errors import PetaError

    cfg = GeoConfig.from_settings()
    try:
        ensure(cfg)
    except PetaError as exc:  # offline without a mirror: say which of the three to provide
        pytest.exit(f"{exc.message}\n{_GEO_HELP}", 2)
    return cfg


@pytest.fixture(scope="session")
def gaz(geo_cfg):
    from dashboard import context

    return context.gazetteer(geo_cfg)


@pytest.fixture(scope="session")
def records(gaz):
    from dashboard import context

    return context.records(gaz, DATA)


@pytest.fixture(scope="session")
def pg_url():
    """A throwaway PostgreSQL server on loopback for this test run (``tests/pg.py``), or the one
    in ``PETA_TEST_DB_URL``."""
    from .pg import throwaway_postgres

    if os.environ.get("PETA_TEST_DB_URL"):
        yield os.environ["PETA_TEST_DB_URL"]
        return
    try:
        server = throwaway_postgres()
        url = server.__enter__()
    except FileNotFoundError as e:
        pytest.fail(f"PostgreSQL is needed for the store tests: {e}")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture()
def article_server(monkeypatch):
    """The article fixtures served over HTTP on loopback (the URL path of issue 12), with the
    private-address guard opened for it."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(ROOT / "tests" / "fixtures" / "articles"))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (end-to-end tests)."""
    import shutil as _shutil

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_shutil.which("chromium") or "/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


# The fast loop (`pytest -m "not slow"`, README): a test is slow by its own marker (`@pytest.mark.slow`,
# a module's `pytestmark`, `e2e`), or because it asks for PostgreSQL or Chromium (these fixtures) or
# runs on PostgreSQL (a "postgresql" parameter): what it needs, never its name.
SLOW_FIXTURES = {"pg_url", "browser", "page", "server"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if (SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("e2e")
                or "postgresql" in params.values()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def fresh_store(tmp_path, gaz, monkeypatch):
    """(a SQLite store seeded from a copy of the test records, its data folder): this test's own,
    made the process's data folder, store and cache (no PETA_DB_URL)."""
    import shutil

    from dashboard import context

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    # its own cache for the records' snapshots and seed stamps; the boundary cache the session built
    # is linked in, so a CLI command run by the test reads it instead of parsing every file again (10 s)
    cache, shared = tmp_path / "cache", Path(os.environ["PETA_CACHE_DIR"])
    cache.mkdir()
    for part in ("raw", "parquet"):
        if (shared / part).is_dir():
            (cache / part).symlink_to(shared / part, target_is_directory=True)
    monkeypatch.setenv("PETA_CACHE_DIR", str(cache))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    db = context.store(data)
    context.seed(db, gaz, data)
    return db, data
