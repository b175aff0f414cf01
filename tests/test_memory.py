"""Issue 26 §1: memory stays flat as a running server takes writes. Every save moves the data
version; the views cached for older versions must let their record sets go (each held the whole
store: ~110 MiB per write at 21,759 reports, without a plateau)."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import weakref

from dashboard import context
from dashboard.forms import formdata
from dashboard.store import editing
from dashboard.store.editing import User

from .conftest import DATA


def test_old_record_sets_are_let_go_after_writes(tmp_path, gaz, monkeypatch):
    from dashboard.ui import cache

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    for c in (cache.report, cache.store, cache._folder_digest, cache._store_version, cache._current,
              cache._loaded):
        c.clear()
    store = cache.store(context.db_url())
    context.seed(store, gaz, data)
    refs = []
    try:
        for i in range(6):
            day = dt.date(2024, 11, 1) + dt.timedelta(days=i)
            report = formdata.to_report({
                "region": "32.01.24", "date": day, "elections": ["pilkada-2024"], "kinds": ["apel", "ikrar"],
                "sources": [{"outlet": "Warta Uji", "title": f"Apel ke-{i} di Kecamatan Uji"}]})
            editing.create(store, gaz, {**report, "id": f"ciawi-uji-{day.isoformat()}"}, User("admin"))
            cache.changed()  # as the page does after its save
            version = cache.data_version()
            records = cache.records(version)
            refs.append(weakref.ref(records))
            for region in ("32.01", "32", None):  # views built on it, as sessions would
                view = cache.report(version, "pilkada-2024", dt.date(2024, 11, 27), region, "id")
                assert view.summary.n_ceremonies >= 2
            assert view.records is records
            del records, view
        # issue 39 §2: only the newest, with no collection run here (the one the refresh runs
        # must already have let the older go; the version before used to stay until the next save)
        alive = [i for i, r in enumerate(refs) if r() is not None]
        assert alive == [len(refs) - 1], alive
        gc.unfreeze()
        gc.collect()
    finally:
        for c in (cache.report, cache.store, cache._folder_digest, cache._store_version, cache._current,
              cache._loaded):
            c.clear()


def test_a_download_button_holds_the_view_key_not_the_view(tmp_path, gaz, monkeypatch):
    """Issue 39 §2: Streamlit keeps a session's download callables until some session ends; one
    holding its Report kept that version's whole tables alive (four versions at once at 150,000
    reports). The callable holds the view's key and reads the view when pressed."""
    from functools import partial

    from dashboard.ui import cache, downloads

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.setenv("PETA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    for c in (cache.report, cache.store, cache._folder_digest, cache._store_version, cache._current, cache._loaded):
        c.clear()
    try:
        version = cache.data_version()
        rep = cache.report(version, "pilkada-2024", dt.date(2024, 11, 27), "32.01", "id")
        assert rep.view_key == ("pilkada-2024", dt.date(2024, 11, 27), "32.01", "id", None)
        ids = rep.coverage.ceremony_ids
        table = partial(downloads._data, downloads.later(rep), "komitmen", "csv", "16x9", "date")
        rows = downloads.rows_data(rep, ids, "csv")
        expected = downloads.export(rep, "komitmen", "csv", "16x9", "date").data
        held = weakref.ref(rep)
        del rep
        cache.report.clear()  # a save: the views of the old version are let go
        gc.collect()
        assert held() is None  # nothing the buttons keep holds the view
        assert table() == expected  # pressed later: the same file, read back by the view's key
        assert "cibinong-2024-11-12" in rows().decode("utf-8-sig")
    finally:
        for c in (cache.report, cache.store, cache._folder_digest, cache._store_version, cache._current,
                  cache._loaded):
            c.clear()


def test_a_view_made_outside_the_cache_is_held_as_it_is(records, gaz):
    from dashboard.report import Report
    from dashboard.ui import downloads

    rep = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27))
    assert rep.view_key is None and downloads.later(rep)() is rep
