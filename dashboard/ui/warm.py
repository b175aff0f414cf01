"""Warm the server process at start-up, before the first visitor asks for a page.

Without it the first visitor pays for everything at once: importing pandas, geopandas, plotly
and the store (~3 s), opening the store, loading the records snapshot and the gazetteer, and
building the national map (~4 s more at national scale, all of Indonesia). ``serve.py`` starts
:func:`warm` in a background thread when the server starts, so the server answers at once and a
visitor who arrives mid-way waits only for what is left: Streamlit's caches compute each value
once, and a second caller waits for the first.

What is warmed is exactly what the opening view uses (the default election and date, the
national view, the default language), through the same cached functions the pages call.
A failure here is only logged: the page that needs the value computes it again and shows the
problem in the interface language, as it would without a warm-up."""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager

from streamlit.logger import get_logger

log = get_logger(__name__)  # Streamlit's console format and level (logger.level)
THREAD = "peta-warm"


class _NoContextWarning(logging.Filter):
    """Streamlit warns, for every cached call made outside a page run, that the thread has no
    script context ("can be ignored"). It is expected here: keep the operator's console clean."""

    def filter(self, record: logging.LogRecord) -> bool:
        return threading.current_thread().name != THREAD


def warm() -> None:
    """Import the heavy modules, then load what the opening national view needs."""
    t0 = time.perf_counter()
    # Imported here, not at the top: the server must be listening before this work starts.
    from .. import metrics, settings
    from . import cache, livemap  # pulls in pandas, geopandas, plotly, folium, the store

    log.info("Peta Netralitas ASN: memuat batas wilayah dan data …")
    gaz = cache.gazetteer()  # builds the boundary cache on the very first start (minutes)
    version = cache.data_version()
    rec = cache.records(version)
    calendar = rec.calendar
    election = metrics.default_election(calendar)
    day = rec.election_day(election)
    lang = settings.get("PETA_LANG") if settings.get("PETA_LANG") in ("id", "en") else "id"
    rep = cache.report(version, election, metrics.default_as_of(day), None, lang)
    rep.map_view
    rep.live_layer
    cache.live_geometry(livemap.geometry_id(*rep.live_geometry_key), rep)
    del gaz
    log.info("Peta Netralitas ASN: siap (%.1f s)", time.perf_counter() - t0)


def _warm_logged() -> None:
    from ..errors import PetaError

    try:
        warm()
    except PetaError as exc:  # a data problem: the pages name it (and offer the repair) too
        log.warning("warm-up stopped on a data problem; the pages will show it: %s", exc)
    except Exception:  # noqa: BLE001 - the pages meet the same problem and show it properly
        log.warning("warm-up stopped; pages will load on first use", exc_info=True)


def start() -> threading.Thread:
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoContextWarning())
    thread = threading.Thread(target=_warm_logged, name=THREAD, daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(app):
    """``st.App`` lifespan: start warming, and serve at once."""
    del app
    start()
    yield
