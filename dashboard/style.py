"""One palette for every map and chart: the same colour for the same coverage state.

Colours are chosen for a projector: strong contrast between states, readable by
people with red-green colour blindness (blue scale), and "not covered" is a
visible light grey with a dark outline, never transparent.
"""

from __future__ import annotations

# Reached states in blues (darker = bound more directly); "informed" (a briefing, no pledge) in a
# light orange, so it never reads as a shade of covered; "none" a visible light grey.
STATE_COLORS = {"covered": "#08519c", "leadership": "#4f9bd1", "pemda": "#a9cfe8", "informed": "#fdbe85",
                "none": "#e6e6e6"}
# A region whose own government pledged (aggregate maps): a thick green outline over its fill,
# so the province map answers both "did the Pemda hold its own?" and "how far down has it reached?".
OWN_OUTLINE = "#1b7837"
OWN_OUTLINE_WIDTH = 3.5
OUTLINE = "#333333"
# The unit whose details the Peta panel shows: wider and darker than any other outline (hover: 3 px).
FOCUS_OUTLINE = "#000000"
FOCUS_OUTLINE_WIDTH = 5
# Share of units covered, 0 → 1, ending on the "covered" colour.
SHARE_SCALE = [(0.0, "#e6e6e6"), (0.001, "#deebf7"), (0.25, "#9ecae1"), (0.5, "#6baed6"),
               (0.75, "#3182bd"), (1.0, "#08519c")]
ELECTION_LINE = "#b2182b"
# Indicator maps (issue 27), low → high value in three classes: alone in purples; beside commitment
# (bivariate) in oranges where no binding ceremony reaches the unit and in the reached blues where
# one does, so the darkest orange is the first place to look. A unit without a value of its own is
# the light grey of "no data", never the colour of a low value.
RISK_SINGLE = ["#efedf5", "#bcbddc", "#756bb1"]
RISK_WITHOUT = ["#fee6ce", "#fdae6b", "#e6550d"]
RISK_WITH = ["#deebf7", "#9ecae1", "#3182bd"]
NO_DATA = "#e6e6e6"
# plotly's template, named on every figure: importing Streamlit switches plotly's process-wide default
# to its own (no automargins, other colours), and a figure exported from the app would then differ
# from the same figure exported by the CLI.
TEMPLATE = "plotly"
FONT = "Noto Sans, DejaVu Sans, sans-serif"  # the app's theme font too (.streamlit/config.toml)
# Lines of the regions on a timeline, in order: the region in view first. Blues, greens and a
# violet, never the election red (ELECTION_LINE) nor plotly's defaults.
SERIES_COLORS = ("#08519c", "#238b45", "#6a51a3", "#8c510a", "#41b6c4", "#525252", "#d94801", "#c51b7d")
BASE_FONT_SIZE = 16


def _hex(c: str) -> tuple[int, int, int]:
    return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def share_color(share: float | None) -> str:
    """Colour on SHARE_SCALE, linear between stops; None (no units) is the 'none' grey."""
    if share is None or share != share:
        return STATE_COLORS["none"]
    share = min(max(float(share), 0.0), 1.0)
    for (a, ca), (b, cb) in zip(SHARE_SCALE, SHARE_SCALE[1:]):
        if share <= b:
            t = 0 if b == a else (share - a) / (b - a)
            rgb = [round(x + (y - x) * t) for x, y in zip(_hex(ca), _hex(cb))]
            return "#{:02x}{:02x}{:02x}".format(*rgb)
    return SHARE_SCALE[-1][1]

