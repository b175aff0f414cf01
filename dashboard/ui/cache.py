"""Load once per process: geometry, the gazetteer and the loaded records with
``st.cache_resource`` (shared, read-only); derived tables with ``st.cache_data``.
Records and derived tables are keyed by a fingerprint of the data folder, so an
added or edited record shows up without a restart."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from .. import context, settings
from ..records.snapshot import trim_heap
from ..report import Report
from ..geo.store import GeoConfig, drawn_provinces, ensure, load_level


@st.cache_resource(show_spinner=False)
def geo_config() -> GeoConfig:
    cfg = GeoConfig.from_settings()
    ensure(cfg)
    return cfg


def geo_ready() -> bool:
    """Whether the boundary cache is built (else the next call builds it, which takes a while). Once
    built for a configuration it stays so for this process: every page run asks, and checking
    reads each level's parquet metadata (~5 % of a national Peta rerun under 25 viewers)."""
    from ..geo.store import is_built

    cfg = GeoConfig.from_settings()
    if cfg in _BUILT:
        return True
    if is_built(cfg):
        _BUILT.add(cfg)
        return True
    return False


_BUILT: set = set()  # the boundary configurations found built by this process


@st.cache_resource(show_spinner=False)
def gazetteer():
    return context.gazetteer(geo_config())


@st.cache_resource(show_spinner=False)
def display_shapes(level: str, national: bool = False):
    """Display geometry of one level; ``national``: lightened for the whole-country view."""
    return load_level(geo_config(), level, display=True, provinces=drawn_provinces(), national=national)


def data_version() -> str:
    """Fingerprint of the data folder and of the store (see :func:`_fingerprint`). When it moves
    (a save, an import, an edited file), the views built on older versions are let go: each cached
    report holds its version's whole record set, so 64 of them kept 64 record sets alive and the
    server grew by about 110 MiB per write (issue 26 §1)."""
    version = _fingerprint(settings.get("PETA_DATA_DIR"), context.db_url())
    seen = _current()
    if seen.get("version") != version:
        with seen["lock"]:
            if seen.get("version") != version:
                if seen.get("version") is not None:
                    report.clear()  # every session rebuilds its view once, on the new records
                seen["version"] = version
    return version


@st.cache_resource(show_spinner=False)
def _current() -> dict:
    """The data version this process serves now (and a lock for changing it): process-wide state,
    held where Streamlit keeps shared resources rather than in a module global."""
    import threading

    return {"version": None, "lock": threading.Lock()}


@st.cache_resource(show_spinner=False)
def store(url: str):
    from ..store.db import Store

    return Store(url)


def _fingerprint(folder: str, db_url: str) -> str:
    """Changes whenever a file in the data folder is added, removed or edited, or anything is
    written to the store (its last change number)."""
    return _folder_digest(folder) + "." + _store_version(db_url)


@st.cache_data(show_spinner=False, ttl=5)
def _folder_digest(folder: str) -> str:
    """The data folder's files, looked at most every 5 s: stat-ing thousands of record files on
    every rerun costs more than the rerun itself (a curated file is edited by hand, rarely)."""
    from pathlib import Path

    _, digest = context.folder_stamp(Path(folder))
    return hashlib.sha256(f"{folder}|{digest}".encode()).hexdigest()[:16]  # another folder is another version


def changed() -> None:
    """This process wrote to the store or the data folder: the next run looks again at once."""
    _folder_digest.clear()
    _store_version.clear()


@st.cache_data(show_spinner=False, ttl=0.25)
def _store_version(db_url: str) -> str:
    """The store's last change, asked at most four times a second: one indexed query (a few
    milliseconds at 150,000 changes), so a report saved through another server (or another
    process) shows on this one's next rerun within the second the season asks (issue 39 §2; the
    change is then applied in ~0.2 s with 150,000 reports); the data folder, which costs a walk
    over every file, is looked at every 5 s."""
    return store(db_url).version()


def records(version: str):
    """The tables this process serves, brought up to ``version`` (the data version a rerun asked
    for). Shared, not copied: st.cache_data would unpickle every table of every ceremony on each
    rerun (and, with thousands of records, set off long garbage collections). Pages only read it.

    One copy only (issue 39 §2): the tables live in :func:`_loaded` and nowhere else. A cache
    keyed by version kept the version before beside the newest (two entries), and the collection
    run right after a refresh saw the old one still cached, so it was frozen with the new one and
    lived until the next save: 562 MiB after the first national map grew to 896 MiB over 20 saves
    at 150,000 reports (``benchmarks/saves.py``). A version already served (a rerun that started
    before the newest one) gets the newest tables without loading anything."""
    url, folder = context.db_url(), settings.get("PETA_DATA_DIR")
    live = _loaded(url, folder)
    with live["lock"]:  # one refresh at a time; the next version starts from this one's tables
        if version in live["served"] and live["loaded"] is not None:
            return live["loaded"].records
        before = live["loaded"]
        try:
            live["loaded"] = context.refresh(before, gazetteer(), folder, db=store(url),
                                             progress=lambda done, total: live.update(seeding=(done, total)))
        finally:
            live["seeding"] = None
        live["served"] = {version}  # older version strings are not kept: only "is this one loaded"
        loaded = live["loaded"].records
        if live["loaded"] is not before:
            first = before is None
            del before  # the old tables go now (nothing else holds them), not at the next save
            if first:
                _freeze()
            else:
                _freeze_soon()
    return loaded


def _freeze_soon() -> None:
    """:func:`_freeze` on a thread of its own a moment after the rerun that brought in a change:
    its full collection (~0.15 s at 150,000 reports) is not added to the wait of the viewer who
    first sees a save (issue 39 §2). A start's first load freezes at once: nobody waits yet."""
    import threading

    timer = threading.Timer(1.0, _freeze)
    timer.daemon = True
    timer.start()


@st.cache_resource(show_spinner=False, max_entries=2)
def _loaded(db_url: str, data_dir: str) -> dict:
    """The tables this process holds of one store and data folder, and the store's change they go
    to (``records.incremental``): a save changes them by what it changed instead of loading every
    report again."""
    import threading

    return {"loaded": None, "lock": threading.Lock(), "seeding": None, "served": set()}


def seeding() -> tuple[int, int] | None:
    """(files stored, files to store) while this server seeds the store from the data folder, else
    None: a page waiting for the first seed of a large folder says how far it is."""
    return _loaded(context.db_url(), settings.get("PETA_DATA_DIR")).get("seeding")


def _freeze() -> None:
    """Move everything loaded so far (geometry, gazetteer, records: millions of objects for all
    of Indonesia) out of the garbage collector's sight. They live as long as the process, and
    otherwise each full collection walks them all: ~0.25 s, landing in whichever rerun happens
    to allocate at that moment. Unfrozen first, so that records replaced since the last load
    (an edit, an import) are collected rather than kept forever."""
    import gc

    gc.unfreeze()
    gc.collect()
    gc.freeze()
    trim_heap()  # what the old version held goes back to the system, not only to this process's heap


@st.cache_resource(show_spinner=False, max_entries=4)
def loaded_at(version: str) -> dt.datetime:
    """When this version of the records was first loaded (the briefing screen's stamp)."""
    del version
    return dt.datetime.now(dt.timezone.utc)


@st.cache_resource(show_spinner=False, max_entries=64)
def report(version: str, election: str, as_of: dt.date, region: str | None, lang: str,
           compare: str | None = None) -> Report:
    """One view's charts, tables and exports, shared by sessions looking at the same view; its
    parts are computed on first use (a download button's callable may be the first).
    ``compare``: the election Linimasa sets beside this one."""
    rep = Report(records(version), gazetteer(), election, region, as_of, lang, shapes=display_shapes,
                 compare=compare)
    rep.view_key = (election, as_of, region, lang, compare)  # what a download reads it back by (ui/downloads.py)
    return rep


@st.cache_data(show_spinner=False, max_entries=64)
def cycles(version: str, region: str | None, lang: str, today: dt.date) -> pd.DataFrame:
    """A region's record across elections (Ringkasan, the Peta panel), per data version and day."""
    from ..views import cycle_rows

    return cycle_rows(records(version), gazetteer(), region, lang, today)


@st.cache_resource(show_spinner=False, max_entries=32)
def live_geometry(geo_id: str, _rep: Report, _level: str | None = None, _codes: tuple[str, ...] | None = None) -> dict:
    """A view's map geometry, by :func:`dashboard.ui.livemap.geometry_id` (the same units at the
    same level, whatever the election or date); ``_rep`` builds it the first time, of its map's
    units or of ``_codes`` at ``_level`` (an indicator drawn on the view's provinces)."""
    return _rep.live_geometry(_level, _codes)


def indicator_values(version: str) -> pd.DataFrame:
    """Every stored indicator value (issue 27), per data version: an import writes history rows,
    which move the store's version."""
    return _indicator_values(version, context.db_url())


@st.cache_data(show_spinner=False, max_entries=4)
def _indicator_values(version: str, db_url: str) -> pd.DataFrame:
    """Keyed by the store too: two stores (two data folders) can stand at the same version."""
    del version  # part of the cache key only
    from .. import indicators

    return indicators.table(store(db_url).indicator_rows())


def indicator_names(version: str) -> dict[str, str | None]:
    """Stored indicator ids and their names, in id order."""
    from .. import indicators

    cat = indicators.catalog(indicator_values(version))
    return dict(zip(cat["id"], cat["name"]))


def proof_counts(version: str) -> dict[str, int]:
    """Ceremony id -> files of proof on its active reports (issue 42 §3), per data version: adding
    or removing one writes a history row, which moves the version."""
    return _proof_counts(version, context.db_url())


@st.cache_data(show_spinner=False, max_entries=4)
def _proof_counts(version: str, db_url: str) -> dict[str, int]:
    del version  # part of the cache key only
    return store(db_url).proof_counts()


@st.cache_data(show_spinner=False, max_entries=64)
def proof_files(version: str, db_url: str, ceremony_id: str) -> list[dict]:
    """A ceremony's files of proof described (never their bytes): id, report, name, type, size."""
    del version
    return [{"id": a.id, "report": a.report_id, "name": a.name, "mime": a.mime, "size": a.size,
             "thumbnail_mime": a.thumbnail_mime} for a in store(db_url).attachments(ceremony_id=ceremony_id)]


@st.cache_data(show_spinner=False, max_entries=256)
def proof_thumbnail(version: str, db_url: str, attachment_id: int) -> bytes:
    """The small picture of one file of proof (a few tens of KB), per version: a removed file's is gone."""
    del version
    return store(db_url).attachment_bytes(attachment_id, thumbnail=True)[2]
