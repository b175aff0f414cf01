"""Loading everything a view needs, in one place, for the CLI and the app.

The app wraps these in ``st.cache_resource``/``st.cache_data`` (see
``dashboard/ui/cache.py``); the CLI calls them directly.
"""

from __future__ import annotations

from pathlib import Path

from . import settings
from .geo.store import GeoConfig, load_table
from .records.tables import Records, load_folder
from .regions import Gazetteer


def gazetteer(cfg: GeoConfig | None = None) -> Gazetteer:
    return Gazetteer(load_table(cfg or GeoConfig.from_settings()))


def records(gaz: Gazetteer, data_dir: str | Path | None = None) -> Records:
    return load_folder(Path(data_dir or settings.get("PETA_DATA_DIR")), gaz)
