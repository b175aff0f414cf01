"""The Peta page's interactive map: a small Leaflet component (``leafletmap/``) fed with
plain data from :func:`dashboard.maps.map_geometry` and :func:`dashboard.maps.map_layer`.

Why not ``st_folium``: it sends the whole map (geometry, styles and script, 1.5 MB for the
national view) on every rerun and rebuilds the frame, which took seconds per click. Here a view's
geometry goes to a browser frame once; after that a change of election or date sends only the
units' colours and tooltips, and the frame restyles the polygons already drawn.

The frame keeps geometries by id. Python remembers, per session, which geometry the frame was
sent; a frame that lost it (the page was left and opened again) asks for it by setting its value
to ``{"need": id}``, and the next run sends it again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from ..i18n import t

_FRAME = Path(__file__).resolve().parent / "leafletmap"


def _component():
    """Declared on each use, not at import: Streamlit registers a component only when it is
    declared inside a script run, and the server's warm-up (:mod:`dashboard.ui.warm`) imports this
    module outside one (the frame's files would then answer 404)."""
    return components.declare_component("peta_map", path=str(_FRAME))


def geometry_id(level: str, national: bool, codes) -> str:
    """Names a view's geometry: the same units at the same level are the same drawing."""
    h = hashlib.sha256(f"{level}|{national}|{','.join(codes)}".encode())
    return h.hexdigest()[:16]


def gesture(key: str = "map") -> tuple[str, str] | None:
    """What the user has just done on the map, once per gesture: ``("click", code)`` (show its
    details) or ``("open", code)`` (a double click: go into it). Read before the map is drawn, so
    the drawing already outlines the unit clicked."""
    handled = st.session_state.setdefault("_livemap_handled", {})
    value = st.session_state.get(key) or {}
    for action in ("open", "click"):
        if action in value and handled.get(key) != value.get("n"):
            handled[key] = value.get("n")
            return action, str(value[action])
    return None


def show(geo_id: str, geometry, layer: dict, *, key: str = "map", height: int = 620, tiles: str = "off",
         lang: str = "id", focus: str | None = None) -> None:
    """Draw the map with ``focus`` outlined. ``geometry``: a function returning the view's
    FeatureCollection (called only when this session's frame does not hold it yet)."""
    sent = st.session_state.setdefault("_livemap_sent", {})
    handled = st.session_state.setdefault("_livemap_handled", {})
    value = st.session_state.get(key) or {}
    asked = value.get("need") == geo_id and handled.get(key) != value.get("n")
    if asked:
        handled[key] = value.get("n")
    send = asked or sent.get(key) != geo_id
    _component()(geo_id=geo_id, geometry=geometry() if send else None, units=layer["units"],
                 legend=layer["legend"], style=layer["style"], height=height, tiles=tiles, lang=lang,
                 focus=focus, zoom_in=t("zoom_in", lang), zoom_out=t("zoom_out", lang), key=key, default=None)
    sent[key] = geo_id
