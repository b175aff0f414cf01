"""Static images of plotly figures (PNG, SVG, PDF) through kaleido and the system Chromium.

One export browser is kept alive for the whole process (kaleido's sync server): starting
Chromium costs about two seconds, rendering a figure in a warm one about a tenth of that.
Kaleido's server answers one request at a time through shared queues, so calls from the
app's many session threads are serialised with a lock. MathJax is switched off because
kaleido would otherwise fetch it from a CDN (we use no LaTeX) and exports must work offline.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

from .. import settings
from ..errors import PetaError, msg

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
_lock = threading.Lock()
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser_path() -> str:
    """The Chromium to drive, or a PetaError naming the setting that chooses it."""
    configured = settings.get("PETA_BROWSER") or os.environ.get("BROWSER_PATH", "")
    if configured:
        if Path(configured).is_file():
            return configured
        raise PetaError.single("PETA_BROWSER", configured, msg("browser_path"))
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise PetaError.single("PETA_BROWSER", "", msg("browser_needed"))


def available() -> bool:
    try:
        browser_path()
        return True
    except PetaError:
        return False


def _server():
    import kaleido
    from kaleido import _global_server  # the singleton behind kaleido.start_sync_server

    if _global_server.is_running() and not _global_server._thread.is_alive():
        _global_server._initialized = False  # its browser died: start a new one below
    if not _global_server.is_running():
        kaleido.start_sync_server(mathjax=False, path=browser_path(), silence_warnings=True)
    return kaleido


def to_image(fig: go.Figure, fmt: str, width: int | None = None, height: int | None = None) -> bytes:
    """The figure as ``fmt`` bytes, at ``width``×``height`` pixels (default: the figure's own size)."""
    if fmt not in FORMATS:
        raise PetaError.single("format", fmt, msg("one_of", options=list(FORMATS)))
    opts = {"format": fmt}
    w = width or fig.layout.width
    h = height or fig.layout.height
    if w:
        opts["width"] = int(w)
    if h:
        opts["height"] = int(h)
    from ..style import FONT, TEMPLATE

    # the project's template and typeface whatever the process default (Streamlit changes it)
    fig = go.Figure(fig)
    fig.update_layout(template=TEMPLATE)
    if not fig.layout.font.family:  # one typeface on every surface, pack pages included
        fig.update_layout(font_family=FONT)
    with _lock:
        kaleido = _server()
        return kaleido.calc_fig_sync(fig, opts=opts)


def stop() -> None:
    """Close the export browser (tests and benchmarks use it to measure a cold start)."""
    import kaleido

    with _lock:
        kaleido.stop_sync_server(silence_warnings=True)
