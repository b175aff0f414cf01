"""One indicator beside one view's commitments (issue 27): the map, the two priority tables and what
their files say, for the Peta page, its downloads, the CLI, the briefing screen and the pack alike,
so the figure on screen and in a file is the same figure.

The units an indicator is drawn for are the map's, when any of them has a value of its own; else
the units the view counts (all of Indonesia: its provinces), when any of them has one. A figure
published per province (Bawaslu's IKP by province) is drawn on the provinces, never spread over
their kabupaten/kota; a view where no unit has a value says so (every unit *tidak ada data*).

No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from . import indicators, maps, views
from .export_meta import ExportMeta
from .i18n import t

MODES = ("both", "indicator")  # beside commitment (bivariate, the default) or the indicator alone


@dataclass
class Risk:
    """``report`` (:class:`dashboard.report.Report`) with the stored indicator ``values``
    (:func:`dashboard.indicators.table`) read for ``indicator``; ``mode`` one of :data:`MODES`."""

    report: object
    values: pd.DataFrame = field(repr=False)
    indicator: str
    mode: str = "both"

    def __post_init__(self) -> None:
        indicators.known(self.values, self.indicator)  # PetaError naming the stored ids
        if self.mode not in MODES:
            from .errors import PetaError, msg

            raise PetaError.single("mode", self.mode, msg("one_of", options=list(MODES)))

    @cached_property
    def name(self) -> str:
        named = self.values.loc[(self.values["indicator"] == self.indicator) & self.values["name"].notna(), "name"]
        return named.iloc[0] if len(named) else self.indicator

    @cached_property
    def drawn(self) -> tuple[str, pd.DataFrame, dict[str, dict | None]]:
        """(level, units, each unit's own newest value or None): see the module docstring."""
        rep = self.report
        mv, cov = rep.map_view, rep.coverage
        choices = [(mv.level, mv.units)]
        if len(cov.units) and cov.units["level"].iloc[0] != mv.level:
            choices.append((cov.units["level"].iloc[0], cov.units))
        for level, units in choices:
            figures = indicators.latest(self.values, self.indicator, rep.as_of, list(units["code"]))
            if any(figures.values()):
                return level, units, figures
        level, units = choices[0]
        return level, units, indicators.latest(self.values, self.indicator, rep.as_of, list(units["code"]))

    @property
    def level(self) -> str:
        return self.drawn[0]

    @property
    def units(self) -> pd.DataFrame:
        return self.drawn[1]

    @property
    def figures(self) -> dict[str, dict | None]:
        return self.drawn[2]

    @property
    def title(self) -> str:
        """The map's title, as the Peta picker names the colours: "<name> × komitmen" or the name."""
        return t("risk_map_title", self.report.lang, name=self.name) if self.beside else self.name

    @property
    def beside(self) -> bool:
        return self.mode == "both"

    @property
    def n_values(self) -> int:
        """How many of the drawn units have a value of their own (the rest: *tidak ada data*)."""
        return sum(1 for f in self.figures.values() if f)

    def layer(self) -> dict:
        """The live map's colours, tooltips and legend (:func:`dashboard.maps.risk_layer`)."""
        return maps.risk_layer(self.units, self.figures, self.name, self.report.as_of, self.report.lang, self.beside)

    def figure(self) -> go.Figure:
        """The static map (PNG/PDF, the pack, the briefing screen)."""
        rep = self.report
        return maps.risk_figure(rep.shapes(self.level), self.units, self.figures, self.name, rep.as_of, rep.lang,
                                self.beside, title=self.title)

    @cached_property
    def counted(self) -> dict[str, dict | None]:
        """Each unit the view counts (``Coverage.units``): its own newest value, or None."""
        rep = self.report
        return indicators.latest(self.values, self.indicator, rep.as_of, list(rep.coverage.units["code"]))

    @cached_property
    def cuts(self) -> tuple[float, float] | None:
        """The map legend's two cut points (:func:`dashboard.maps.risk_classes` over the drawn units'
        values), or None when no drawn unit has a value: "high" in a table means the legend's high."""
        values = [f["value"] for f in self.figures.values() if f]
        if values and indicators.categorical(self.figures):  # ranks 1..3: "high" is the top class, tinggi
            return 1.0, 2.0
        return maps.risk_classes(values)[1] if values else None

    @cached_property
    def _priority(self) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        high = self.cuts[1] if self.cuts else None
        return views.priority_rows(self.report.coverage.units, self.counted, high, self.report.lang)

    @property
    def priority(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(high risk without a binding ceremony, values above zero despite one), for the view's
        counted units (:func:`dashboard.views.priority_rows`)."""
        return self._priority[:2]

    @property
    def without_value(self) -> int:
        """Units of the view no binding ceremony reaches that have no value of their own."""
        return self._priority[2]

    def map_table(self) -> pd.DataFrame:
        """The rows behind the map: each drawn unit, its commitment state, value, date and source."""
        return views.risk_rows(self.units, self.figures, self.report.lang)

    def outlets(self) -> tuple[str, ...]:
        return indicators.sources(self.figures)

    def meta(self, kind: str) -> ExportMeta:
        """What a file says it is: ``peta`` (the map and its table), ``prioritas`` or ``temuan``."""
        rep, lg = self.report, self.report.lang
        if kind == "peta":
            title = self.title
            outlets = self.outlets()
        else:
            table = self.priority[0 if kind == "prioritas" else 1]
            title = f"{t('risk_no_ceremony' if kind == 'prioritas' else 'risk_despite', lg, n=len(table))} · {self.name}"
            outlets = indicators.sources(self.counted)
        return rep.table_meta(f"{'peta-risiko' if kind == 'peta' else kind}-{self.indicator}", title, outlets)


def with_values(report, values: pd.DataFrame) -> list[str]:
    """The stored indicators with a value for any unit of ``report``'s view, in id order: the
    pack's pages and the briefing screen's view show these (an indicator of other regions would
    be a page of *tidak ada data*)."""
    if values.empty:
        return []
    return [i for i in sorted(set(values["indicator"])) if Risk(report, values, i).n_values]
