"""The browser window's size, as the server sees it.

The briefing screen must fit the display it is shown on without scrolling (a 1366×768 office
projector as well as a 1920×1080 screen). Type can scale with CSS, but a plotly figure is laid
out on the server at a pixel height, and its names are placed for that height; so the page
asks the browser once how large its window is (and again when it is resized) through a
component with no markup of its own, and draws for that height.

Until the browser has answered (the first run of a session, or AppTest, which has no browser)
:func:`size` returns ``None`` and the caller draws for the smallest display it supports.
"""

from __future__ import annotations

import functools

import streamlit as st

# Trusted, fixed code (no data reaches it): reports the window's inner size, rounded down to 10 px
# so a window that moves by a pixel does not rerun the page, and again 300 ms after a resize ends.
_JS = """
export default function ({ setStateValue }) {
  const send = () => setStateValue("size", [Math.floor(window.innerWidth / 10) * 10,
                                            Math.floor(window.innerHeight / 10) * 10]);
  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(send, 300); };
  send();
  window.addEventListener("resize", later);
  return () => { clearTimeout(timer); window.removeEventListener("resize", later); };
}
"""



@functools.cache  # registered once per process: a component's name is unique in an app
def _mount():
    return st.components.v2.component("peta_viewport", js=_JS)


def size(key: str = "viewport") -> tuple[int, int] | None:
    """The window's inner (width, height) in px (multiples of 10), or ``None`` before the browser says."""
    st.html(f"<style>.st-key-{key} {{display: none !important;}}</style>")
    try:
        result = _mount()(key=key, on_size_change=lambda: None)
    except Exception:  # noqa: BLE001 — a runner without components (AppTest) draws the default
        return None
    value = getattr(result, "size", None) if result is not None else None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        width, height = int(value[0]), int(value[1])
        if 300 <= width <= 10000 and 300 <= height <= 10000:
            return width, height
    return None
