"""Loading everything a view needs, in one place, for the CLI and the app.

The app wraps these in ``st.cache_resource``/``st.cache_data`` (see
``dashboard/ui/cache.py``); the CLI calls them directly.
"""

from __future__ import annotations

from pathlib import Path

from . import settings
from .geo.store import GeoConfig, load_table
from .records.read import read_calendar
from .records.tables import Records, load_records
from .regions import Gazetteer


def gazetteer(cfg: GeoConfig | None = None) -> Gazetteer:
    return Gazetteer(load_table(cfg or GeoConfig.from_settings()))


def db_url(data_dir: str | Path | None = None) -> str:
    configured = settings.get("PETA_DB_URL")
    if configured:
        return configured
    return f"sqlite:///{Path(data_dir or settings.get('PETA_DATA_DIR')).resolve() / 'peta.db'}"


def store(data_dir: str | Path | None = None):
    from .store.db import Store

    return Store(db_url(data_dir))


def seed(st, gaz: Gazetteer, data_dir: str | Path | None = None) -> dict[str, int]:
    """Bring new and changed curated files into the store (idempotent). They are checked with
    everything stored first: a broken file stops the seed with its message, nothing is written."""
    from .store.editing import trial_rows

    root = Path(data_dir or settings.get("PETA_DATA_DIR"))
    calendar = read_calendar(root)
    return st.seed(root, lambda rows, replace, add: trial_rows(rows, gaz, calendar, replace=replace, add=add))


def records(gaz: Gazetteer, data_dir: str | Path | None = None, db=None) -> Records:
    """The records the pages show: the store's active reports, after seeding the files.
    ``db``: an open store (the app passes its cached one), else one is opened."""
    root = Path(data_dir or settings.get("PETA_DATA_DIR"))
    db = db or store(root)
    seed(db, gaz, root)
    return load_records(db, gaz, read_calendar(root))
