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


FONT_SOURCES = (Path("/usr/share/fonts/truetype/noto"),)  # Debian's fonts-noto-core (scripts/install.sh)
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf")
FONT_TARGET = PROJECT_ROOT / "static" / "fonts"


@functools.cache
def ensure_fonts() -> Path | None:
    """Noto Sans for the app's own text (``[[theme.fontFaces]]`` in .streamlit/config.toml reads it
    from /app/static/fonts): the charts, exports and PDF use the same installed font, so every
    surface has one typeface. Copied from the system, never downloaded; missing, the app falls
    back to the browser's sans-serif."""
    src = next((d for d in FONT_SOURCES if (d / FONT_FILES[0]).is_file()), None)
    if src is None:
        return None
    FONT_TARGET.mkdir(parents=True, exist_ok=True)
    for name in FONT_FILES:
        if (src / name).is_file() and not (FONT_TARGET / name).is_file():
            tmp = FONT_TARGET / f".{name}.tmp"
            shutil.copyfile(src / name, tmp)
            tmp.rename(FONT_TARGET / name)
    return FONT_TARGET
