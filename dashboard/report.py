"""One view of the data (election × region × as-of date × language) with everything that
can be shown or exported from it: its charts by name, the table behind each, and what each
export says about itself. Pages, the briefing screen, the download buttons, the CLI and the
briefing pack all go through here, so a figure on screen and in a file is the same figure.

No Streamlit here; the app caches a Report per view (``dashboard/ui/cache.py``).
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Callable

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go

from . import charts, maps, metrics, views
from .unit_detail import UnitDetail, unit_detail
from .errors import PetaError, msg
from .export_meta import ExportMeta
from .i18n import own_label, state_label, t
from .pending import led_by, pending_units
from .pending import note as pending_note
from .records.tables import Records
from .records.vocab import COMMITMENT_CATEGORIES
from .regions import Gazetteer



def short_label(label: str) -> str:
    """"Kabupaten Bogor" -> "Kab. Bogor": for file names and crowded map labels."""
    return label.replace("Kabupaten ", "Kab. ", 1) if label.startswith("Kabupaten ") else label


# Old names kept working for one release (issue 37): "kesiapan" was the commitment-categories chart,
# while "Kesiapan dilaporkan" meant the reported readiness figure: two things, now two names.
ALIASES = {"kesiapan": "komitmen"}


def canonical(name: str) -> str:
    """A chart or table name as the views know it (an old name read as its new one)."""
    return ALIASES.get(name, name)


def check_chart(name: str) -> str:
    name = canonical(name)
    if name not in CHARTS:
        raise PetaError.single("chart", name, msg("one_of", options=list(CHARTS)))
    return name


class Report:
    """Lazily computed parts of one view. ``shapes(level, national)`` returns display geometry
    (``national``: lightened for the whole-country view)."""

    def __init__(self, records: Records, gaz: Gazetteer, election: str, region: str | None,
                 as_of: dt.date | None = None, lang: str = "id",
                 shapes: Callable[[str, bool], gpd.GeoDataFrame] | None = None, compare: str | None = None):
        records.election(election)  # PetaError listing the elections
        day = records.election_day(election)  # None: a planned election (no day yet)
        if compare is not None:
            records.election(compare)  # the same PetaError for the election compared with
            if compare == election:
                raise PetaError.single("compare", compare, msg("compare_other", election=election))
        self.compare = compare
        if region and region not in gaz:
            raise PetaError.single("region", region, msg("code_example", example="32.01"))
        self.records, self.gaz, self.election, self.region = records, gaz, election, region or None
        self.election_day = day
        self.as_of = as_of or metrics.default_as_of(day)
        self.lang = lang
        self._shapes = shapes
        self._details: dict[tuple[str | None, int], UnitDetail] = {}
        # (election, as_of, region, lang, compare) when the app's cache made it: the key a download
        # button reads the view back by, instead of holding it (dashboard/ui/downloads.py)
        self.view_key: tuple | None = None
        self._metas: dict[str, ExportMeta] = {}

    # -- the computed parts -------------------------------------------------------------
    @cached_property
    def coverage(self) -> metrics.Coverage:
        return metrics.coverage(self.records, self.gaz, self.election, self.as_of, self.region)

    @cached_property
    def summary(self) -> views.Summary:
        return views.summary(self.records, self.coverage, self.lang)

    @cached_property
    def map_table(self):
        """The table under the map (:func:`views.map_rows`) as an Arrow table, made once per view:
        every viewer's rerun of the Peta page sent it again, and building the rows and converting
        them to Arrow was ~45 % of a national Peta rerun under 25 viewers at 150,000 reports."""
        import pyarrow as pa

        return pa.Table.from_pandas(views.map_rows(self.map_view, self.election_day, self.lang), preserve_index=False)

    @cached_property
    def map_view(self) -> views.MapView:
        from .geo.store import drawn_provinces

        return views.map_view(self.records, self.gaz, self.election, self.as_of, self.region, self.lang,
                              drawn=drawn_provinces())

    def unit_detail(self, code: str | None, limit: int = 12) -> UnitDetail:
        """The Peta panel for one unit of the view, or for the view's region (``None``: Indonesia)."""
        hit = self._details.get((code, limit))
        if hit is None:  # a report is shared by sessions: at worst two compute the same thing
            units = self.map_view.units
            if code is not None and code not in set(units["code"]) and code in set(self.coverage.units["code"]):
                units = self.coverage.units  # a province of the national view: an indicator drawn on them
            hit = unit_detail(self.records, self.gaz, self.coverage, units, code, self.lang, limit)
            self._details[(code, limit)] = hit
        return hit

    @cached_property
    def readiness(self) -> pd.DataFrame:
        return metrics.readiness(self.records, self.coverage)

    @cached_property
    def pending(self) -> pd.DataFrame:
        """The units of the view that have not pledged yet (:mod:`dashboard.pending`)."""
        return pending_units(self.records, self.coverage)

    @cached_property
    def figures(self) -> pd.DataFrame:
        return metrics.reported_figures(self.records, self.coverage)

    @cached_property
    def timeline(self) -> metrics.Timeline:
        return metrics.timeline(self.records, self.gaz, self.election, self.region, until=self.as_of)

    @cached_property
    def comparison(self) -> pd.DataFrame:
        """The view's election and the one compared with, aligned on their election days."""
        if self.compare is None:
            raise PetaError.single("compare", None, msg("compare_needed", options=[
                i for i in self.records.calendar["id"] if i != self.election]))
        return metrics.comparison(self.records, self.gaz, [self.election, self.compare], self.region)

    def _names(self, ids: list[str]) -> dict[str, str]:
        return {i: self.records.election(i)["name_en" if self.lang == "en" else "name"] for i in ids}

    @cached_property
    def cycles(self) -> pd.DataFrame:
        """The region's record across every election it voted in (not tied to this view's election)."""
        return views.cycle_rows(self.records, self.gaz, self.region, self.lang)

    def shapes(self, level: str) -> gpd.GeoDataFrame:
        national = self.region is None
        if self._shapes is None:
            from .geo.store import GeoConfig, drawn_provinces, load_level

            return load_level(GeoConfig.from_settings(), level, display=True, provinces=drawn_provinces(),
                              national=national)
        return self._shapes(level, national)

    @property
    def place(self) -> str:
        return self.gaz.path_label(self.region) if self.region else t("indonesia", self.lang)

    @property
    def place_short(self) -> str:
        return short_label(self.gaz.get(self.region).label) if self.region else "Indonesia"

    @property
    def election_name(self) -> str:
        e = self.records.election(self.election)
        return e["name_en"] if self.lang == "en" else e["name"]

    def _election_for(self, name: str) -> tuple[str, str]:
        """(id, name) an export says it is about: the comparison names both elections."""
        if name == "perbandingan" and self.compare:
            names = self._names([self.election, self.compare])
            return f"{self.election}_{self.compare}", " · ".join(names.values())
        return self.election, self.election_name

    def ceremony_ids(self, name: str = "") -> list[str]:
        """The ceremonies behind a chart or table: counted ones, then the undated ones listed beside."""
        view = VIEWS.get(name)
        ids = view.ids(self) if view and view.ids else self.coverage.ceremony_ids + self.coverage.undated_ids
        return list(dict.fromkeys(ids))

    def _timeline_ids(self) -> list[str]:
        return list(self.timeline.events["id"]) + list(self.timeline.undated["id"])

    def _comparison_ids(self) -> list[str]:
        return [i for e in (self.election, self.compare) if e
                for i in metrics.timeline(self.records, self.gaz, e, self.region).events["id"]]

    def outlets(self, ids: list[str]) -> tuple[str, ...]:
        s = self.records.sources
        return tuple(dict.fromkeys(s.loc[s["ceremony_id"].isin(ids), "outlet"]))

    def meta(self, name: str) -> ExportMeta:
        """What an export of ``name`` says it is. Kept per name: a report is shared by sessions and
        every rerun asks it for each download button's file name, while its sources line alone
        reads every source of the view (all of Indonesia: tens of thousands of ceremonies)."""
        name = canonical(name)
        hit = self._metas.get(name)
        if hit is None:
            hit = self._metas.setdefault(name, self._meta(name))
        return hit

    def table_meta(self, name: str, title: str, outlets: tuple[str, ...]) -> ExportMeta:
        """What a file of a table outside :data:`VIEWS` says it is (the indicator tables of issue 27):
        this view's place, election and date, and ``outlets``, the sources of the figures in it."""
        return ExportMeta(name=name, title=title, place=self.place, place_short=self.place_short,
                          election_id=self.election, election_name=self.election_name, as_of=self.as_of,
                          outlets_of=lambda: outlets, lang=self.lang)

    def _meta(self, name: str) -> ExportMeta:
        election_id, election_name = self._election_for(name)
        return ExportMeta(name=name, title=t(TITLE_KEYS[name], self.lang), place=self.place,
                          place_short=self.place_short, election_id=election_id,
                          election_name=election_name, as_of=self.as_of,
                          outlets_of=partial(_outlets_of, weakref.ref(self), name), lang=self.lang)

    # -- charts ---------------------------------------------------------------------------
    def figure(self, name: str, axis: str = "date") -> go.Figure:
        """The chart as the pages show it (plotly; the map as its static twin)."""
        return VIEWS[check_chart(name)].figure(self, axis)

    def _map_figure(self, axis: str) -> go.Figure:
        mv = self.map_view
        return maps.coverage_figure(self.shapes(mv.level), mv.units, mv.mode, self.lang, title=t("map_title", self.lang))

    def _comparison_figure(self, axis: str) -> go.Figure:
        return charts.comparison_figure(self.comparison, self._names([self.election, self.compare]), self.lang)

    def _timeline_figure(self, axis: str) -> go.Figure:
        lg, tl = self.lang, self.timeline
        kinds = views.kinds_texts(self.records, list(tl.events["id"]), lg)
        # election lines: the ones this region votes in, up to this election (later ones are off the axis)
        shown = metrics.elections_of(self.records.calendar, self.region)
        shown = shown[shown["date"].notna() & (shown["date"] <= pd.Timestamp(self.election_day or self.as_of))]
        return charts.timeline_figure(tl, shown, kinds, lg, axis if self.election_day else "date")

    @cached_property
    def live_layer(self) -> dict:
        """The app map's colours, outlines, tooltips and legend (plain data, see maps.map_layer)."""
        mv = self.map_view
        # the app's tooltip is a glance (name, state, how many ceremonies): a click opens the panel
        # with the ceremonies and sources, so they need not travel with every change of date
        counts = [t("tip_count", self.lang, n=n) if n else "–" for n in mv.units["n_ceremonies"]]
        units = mv.units.assign(ceremonies=counts)
        return maps.map_layer(units, mv.mode, self.lang)

    @property
    def live_geometry_key(self) -> tuple[str, bool, tuple[str, ...]]:
        """(level, national, unit codes): what the app map's geometry depends on, nothing else."""
        mv = self.map_view
        return mv.level, self.region is None, tuple(mv.units["code"])

    def live_geometry(self, level: str | None = None, codes: tuple[str, ...] | None = None) -> dict:
        """The app map's geometry: of the map's units, or of ``codes`` at ``level`` (units of the view)."""
        mv = self.map_view
        if level is None or level == mv.level:
            level, units = mv.level, mv.units
        else:
            units = self.coverage.units[self.coverage.units["code"].isin(codes or ())]
        geometry = maps.map_geometry(self.shapes(level), units["code"], dict(zip(units["code"], units["label"])))
        if self.region is None and level != "provinsi":  # all of Indonesia: the provinces are named until one zooms in
            provinces = self.shapes("provinsi")
            names = dict(zip(self.gaz.table["code"], self.gaz.table["name"]))
            geometry["groups"] = maps.group_names(provinces, {c: names.get(c, c) for c in provinces["code"]})
        return geometry

    def folium_map(self, tiles: str = "off", height: int = 620):
        mv = self.map_view
        from .html_map import coverage_map  # folium: imported only for an HTML export

        return coverage_map(self.shapes(mv.level), mv.units, mv.mode, self.lang, tiles=tiles, height=height)

    # -- the data behind each view ---------------------------------------------------------
    def _sources(self, ids_per_row) -> list[str]:
        _, sources = views.ceremony_texts(self.records, list({i for ids in ids_per_row for i in ids}), self.lang)
        return [" | ".join(sources[i] for i in ids if i in sources) for ids in ids_per_row]

    def table(self, name: str) -> pd.DataFrame:
        """Rows behind a chart, headed in the interface language, each with its ceremony ids
        and sources (so every number can be traced to the records)."""
        name = canonical(name)
        if name not in TABLES:
            raise PetaError.single("table", name, msg("one_of", options=list(TABLES)))
        return VIEWS[name].table(self)

    def _map_table(self) -> pd.DataFrame:
        lg = self.lang
        u = metrics.ranked(self.map_view.units)
        ids = [metrics.reached_ids(row) for row in u.itertuples(index=False)]
        return pd.DataFrame({
            t("code", lg): u["code"], t("unit", lg): u["label"], t("state", lg): u["status"],  # the page's words
            t("share_pct", lg): [None if pd.isna(s) else round(100 * s, 1) for s in u["share"]],
            t("kec_covered", lg): u["sub_covered"], t("kec_total", lg): u["sub_units"],
            t("latest_pledge", lg): [None if pd.isna(d) else pd.Timestamp(d).date().isoformat() for d in u["latest_pledge"]],
            "H " + t("latest_pledge", lg).lower(): [metrics.h_label(metrics.pledge_age(d, self.election_day))
                                                   if pd.notna(d) else None for d in u["latest_pledge"]],
            t("ceremony_ids", lg): ids, t("sources", lg): self._sources(ids)})

    def _readiness_table(self, figures: bool) -> pd.DataFrame:
        """*kesiapan* (``figures``: shares and reported readiness) or *kategori* (the commitment categories)."""
        lg = self.lang
        r = metrics.ranked(self.readiness)
        out = pd.DataFrame({t("code", lg): r["code"], t("unit", lg): r["label"],
                            t("state", lg): views.status_text(r, "share" if self.coverage.is_aggregate else "state", lg)})
        if figures:
            out[t("share_pct", lg)] = [None if pd.isna(v) else round(100 * v, 1) for v in r["share"]]
            out[t("commitment_pct", lg) + " (%)"] = r["commitment_pct"].round(1)
            out[t("reported_pct", lg) + " (%)"] = r["reported_pct"]
            out[t("reported_on", lg)] = [pd.Timestamp(d).date().isoformat() if d is not None and not pd.isna(d)
                                         else None for d in r["reported_as_of"]]  # ISO: files sort it
            out[t("measure", lg)] = r["reported_measure"]
        else:
            yes, no = t("yes", lg), t("no", lg)
            for c, cat in COMMITMENT_CATEGORIES.items():
                # aggregates: the share of their kecamatan (a percentage), else yes/no
                out[cat.label(lg)] = ([round(100 * v, 1) for v in r[c]] if self.coverage.is_aggregate
                                      else [yes if v else no for v in r[c]])
        out[t("ceremony_ids", lg)] = list(r["ceremony_ids"])
        out[t("sources", lg)] = self._sources(list(r["ceremony_ids"]))
        return out.reset_index(drop=True)

    def _timeline_table(self) -> pd.DataFrame:
        lg, s = self.lang, self.timeline.series
        return pd.DataFrame({
            t("date", lg): [d.date().isoformat() for d in s["date"]], "H": [_h(h) for h in s["h"]],
            t("code", lg): s["region_code"], t("unit", lg): s["region_label"], t("covered", lg): s["covered"],
            t("total_units", lg): s["total"],
            t("share_pct", lg): [None if pd.isna(v) else round(100 * v, 1) for v in s["share"]]})

    def _comparison_table(self) -> pd.DataFrame:
        lg, c = self.lang, self.comparison
        names = self._names([self.election, self.compare])
        return pd.DataFrame({
            t("election", lg): [names[e] for e in c["election_id"]], "H": [_h(h) for h in c["h"]],
            t("date", lg): [d.date().isoformat() for d in c["date"]], t("code", lg): c["region_code"],
            t("unit", lg): c["region_label"], t("covered", lg): c["covered"], t("total_units", lg): c["total"],
            t("share_pct", lg): [None if pd.isna(v) else round(100 * v, 1) for v in c["share"]]})

    def _figures_table(self) -> pd.DataFrame:
        """Every reported readiness figure of the view: unit, day measured, what, percent, sources."""
        f, lg = self.figures, self.lang
        return pd.DataFrame({
            t("date", lg): [pd.Timestamp(d).date().isoformat() for d in f["as_of"]],
            t("code", lg): f["region_code"], t("unit", lg): [views.unit_label(self.records, c) for c in f["region_code"]],
            t("measure", lg): f["measure"], t("reported_pct", lg) + " (%)": f["percent"],
            t("ceremony_ids", lg): f["ceremony_id"], t("sources", lg): f["sources"]},
            columns=[t("date", lg), t("code", lg), t("unit", lg), t("measure", lg), t("reported_pct", lg) + " (%)",
                     t("ceremony_ids", lg), t("sources", lg)])

    @property
    def pending_note(self) -> str:
        """The sentence above the *belum* list, or why it is empty (:func:`dashboard.pending.note`)."""
        _, h = metrics.countdown(self.election_day, self.as_of)
        return pending_note(self.coverage.n_units, len(self.pending), self.as_of, h, self.lang)

    def _pending_table(self) -> pd.DataFrame:
        """*belum*: who has not pledged yet, with the head a letter goes to, the days left to the vote
        and the latest sosialisasi (issue 42 §1)."""
        lg, p = self.lang, self.pending
        days, _ = metrics.countdown(self.election_day, self.as_of)
        ids = [[i] if isinstance(i, str) else [] for i in p["briefing_id"]]
        states = [own_label(o, lg, lv) if self.coverage.is_aggregate else state_label(s, lg)
                  for o, s, lv in zip(p["own_state"], p["state"], p["level"])]
        return pd.DataFrame({
            t("code", lg): p["code"], t("unit", lg): p["label"], t("state", lg): states,
            t("led_by", lg): [led_by(lv, n, lb, lg) for lv, n, lb in zip(p["level"], p["name"], p["label"])],
            t("days_to_vote", lg): [_h(days)] * len(p),
            t("latest_briefing", lg): [None if pd.isna(d) else pd.Timestamp(d).date().isoformat()
                                       for d in p["briefing_date"]],  # ISO: files sort it
            t("ceremony_ids", lg): ids, t("sources", lg): self._sources(ids)},
            columns=[t(k, lg) for k in ("code", "unit", "state", "led_by", "days_to_vote", "latest_briefing",
                                        "ceremony_ids", "sources")])

    def _figures_ids(self) -> list[str]:
        return list(dict.fromkeys(self.figures["ceremony_id"]))

    def _ceremony_table(self) -> pd.DataFrame:
        return views.ceremony_rows(self.records, self.ceremony_ids(), self.lang, file=True)


def _outlets_of(report: "weakref.ref[Report]", name: str) -> tuple[str, ...]:
    """The sources line of a view's export, read when a file is written. By a weak reference: a
    view keeps its exports' descriptions (``Report._metas``), and a description holding the view
    made a cycle that only a full garbage collection frees, which a server with frozen tables runs
    rarely, so each older version of the tables lived on after a save (issue 39 §2)."""
    rep = report()
    if rep is None:  # a description outliving its view: never a silent empty sources line
        raise RuntimeError(f"the view of {name!r} is gone; make the export from a live view")
    return rep.outlets(rep.ceremony_ids(name))


_h = metrics.h_label  # days to the vote as every table says them: H-3, H, H+2 ("–" without a day)


@dataclass(frozen=True)
class View:
    """One chart or table a :class:`Report` shows and exports, by name: the one list that pages,
    exports, the CLI and the pack read (a new view is one entry here)."""

    title_key: str
    table: Callable[[Report], pd.DataFrame]
    figure: Callable[[Report, str], go.Figure] | None = None  # (report, axis); None: a table only
    ids: Callable[[Report], list[str]] | None = None  # its ceremonies; None: those of the coverage
    interactive: bool = False  # also exported as an HTML map


VIEWS: dict[str, View] = {
    "peta": View("map_title", Report._map_table, Report._map_figure, interactive=True),
    "komitmen": View("readiness_title", lambda r: r._readiness_table(True),
                     lambda r, axis: charts.readiness_bar(r.readiness, r.lang)),
    "kategori": View("grid_title", lambda r: r._readiness_table(False),
                     lambda r, axis: charts.category_grid(r.readiness, r.lang)),
    "linimasa": View("timeline_title", Report._timeline_table, Report._timeline_figure, ids=Report._timeline_ids),
    "perbandingan": View("compare_title", Report._comparison_table, Report._comparison_figure,
                         ids=Report._comparison_ids),
    "upacara": View("ceremonies_title", Report._ceremony_table),
    # who has not pledged yet (issue 42 §1): a table only. Its sources are the view's ceremonies
    # (a unit is listed because none of them reaches it), not only the briefings it names
    "belum": View("pending_title", Report._pending_table),
    # reported readiness (logistics, polling stations...) is its own table, never on the categories axis
    "kesiapan-dilaporkan": View("figures_title", Report._figures_table, ids=Report._figures_ids),
}
CHARTS = tuple(name for name, v in VIEWS.items() if v.figure)
TABLES = tuple(VIEWS)
INTERACTIVE = tuple(name for name, v in VIEWS.items() if v.interactive)
PACK = "pengarahan"  # the briefing pack: a file of every view, titled as a whole
TITLE_KEYS = {**{name: v.title_key for name, v in VIEWS.items()}, PACK: "pack_title"}
