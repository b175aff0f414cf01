"""Leaflet for offline maps, taken from the ``django-js-lib-leaflet`` package
(a plain bundle of Leaflet's dist files) and placed in ``static/leaflet`` (git-ignored),
which Streamlit serves at ``/app/static/leaflet``."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

from ..maps import leaflet_source
from ..settings import PROJECT_ROOT

TARGET = PROJECT_ROOT / "static" / "leaflet"


@functools.cache
def ensure_leaflet() -> Path:
    src = leaflet_source()
    if not (TARGET / "leaflet.js").is_file() or (TARGET / "leaflet.js").stat().st_size != (src / "leaflet.js").stat().st_size:
        TARGET.parent.mkdir(exist_ok=True)
        tmp = TARGET.with_name(".leaflet-tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(src, tmp, ignore=shutil.ignore_patterns("*.map", "*esm*"))
        shutil.rmtree(TARGET, ignore_errors=True)
        tmp.rename(TARGET)
    return TARGET
