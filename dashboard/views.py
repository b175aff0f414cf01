"""What each page shows, computed as plain data (no Streamlit), so pages stay
short and every figure is traceable: each row keeps its ceremony and source ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from . import fmt, metrics
from .i18n import level_label, state_label, t
from .records.tables import Records
from .records.vocab import KINDS
from .regions import Gazetteer


def kinds_text(records: Records, cid: str, lang: str) -> str:
    k = records.kinds.loc[records.kinds["ceremony_id"] == cid, "kind"]
    return ", ".join(KINDS[x].label(lang) for x in k)


def sources_text(records: Records, cid: str) -> str:
    s = records.sources[records.sources["ceremony_id"] == cid]
    return "; ".join(
        r.outlet + (f": {r.title}" if isinstance(r.title, str) else "") + (f" ({r.url})" if isinstance(r.url, str) else "")
        for r in s.itertuples())


def ceremony_rows(records: Records, ids: list[str], lang: str) -> pd.DataFrame:
    """Display rows for ceremonies, newest first, undated last."""
    cer = records.ceremonies[records.ceremonies["id"].isin(ids)].sort_values("date", ascending=False, na_position="last")
    return pd.DataFrame({
        "id": cer["id"],
        t("date", lang): [fmt.date_long(d, lang) for d in cer["date"]],
        t("unit", lang): cer["region_name"],
        t("kind", lang): [kinds_text(records, c, lang) for c in cer["id"]],
        t("leader", lang): [" — ".join(x for x in (n, r) if isinstance(x, str)) for n, r in
                            zip(cer["leader_name"], cer["leader_role"])],
        t("sources", lang): [sources_text(records, c) for c in cer["id"]],
    }).reset_index(drop=True)


def filter_ceremonies(records: Records, election_id: str, region: str | None, kinds: list[str],
                      text: str, lang: str) -> pd.DataFrame:
    """Display rows of the ceremonies of an election that concern ``region`` (held in it, within
    it, or above it), optionally of some kinds and containing ``text`` anywhere in the row."""
    cer = records.for_election(election_id)
    if region:
        r = region
        cer = cer[[code == r or code.startswith(r + ".") or r.startswith(code + ".") for code in cer["region_code"]]]
    ids = list(cer["id"])
    if kinds:
        have = set(records.kinds.loc[records.kinds["kind"].isin(kinds), "ceremony_id"])
        ids = [i for i in ids if i in have]
    table = ceremony_rows(records, ids, lang)
    needle = text.strip().lower()
    if needle:
        table = table[[needle in " ".join(map(str, row)).lower() for row in table.itertuples(index=False)]]
    return table.reset_index(drop=True)


@dataclass(frozen=True)
class Summary:
    days: int
    countdown: str        # "H-15" / "H" / "H+5"
    countdown_text: str   # sentence
    n_ceremonies: int
    covered: int
    total: int
    share: float | None
    unit_level: str
    latest_readiness: pd.Series | None
    recent: pd.DataFrame
    undated_ids: list[str]


def summary(records: Records, cov: metrics.Coverage, lang: str) -> Summary:
    """The Ringkasan numbers for one (cached) coverage result."""
    e = records.election(cov.election_id)
    day = e["date"].date()
    days, label = metrics.countdown(day, cov.as_of)
    name = e["name_en"] if lang == "en" else e["name"]
    text = t("h_day", lang) if days == 0 else t("h_before" if days > 0 else "h_after", lang, n=abs(days), e=name)
    covered, total, share, level = cov.headline
    figs = metrics.reported_figures(records, cov)
    ids = cov.ceremony_ids
    return Summary(days, label, text, len(ids), covered, total, share, level_label(level, lang),
                   figs.iloc[0] if len(figs) else None, ceremony_rows(records, ids, lang).head(5),
                   cov.undated_ids)


def map_units(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date,
              region: str | None) -> tuple[pd.DataFrame, str, str]:
    """Units drawn for a view, their level, and colour mode ('state' or 'share').

    National view: every kabupaten/kota of the loaded provinces (by share).
    Provinsi: its kabupaten/kota (by share). Kabupaten/kota: its kecamatan,
    kecamatan: its desa/kelurahan (by state). A unit without children (a desa,
    or a kecamatan without village boundaries) is drawn alone.
    """
    if region is None:
        parts = [metrics.coverage(records, gaz, election_id, as_of, p.code).units for p in gaz.provinces()]
        units = pd.concat(parts, ignore_index=True)
    else:
        units = metrics.coverage(records, gaz, election_id, as_of, region).units
        if units.empty:  # no children with boundaries: show the unit itself
            parent = gaz.get(region).parent
            units = metrics.coverage(records, gaz, election_id, as_of, parent).units
            units = units[units["code"] == region]
    level = units["level"].iloc[0]
    return units.reset_index(drop=True), level, ("share" if level in metrics.AGGREGATE_LEVELS else "state")


@dataclass(frozen=True)
class MapView:
    """Everything the Peta page draws for one view."""

    units: pd.DataFrame          # coverage rows + ``status`` and ``ceremonies`` (tooltip) text
    level: str                   # level of the drawn units
    mode: str                    # 'state' or 'share'
    drill: dict[str, str]        # code -> label of drawn units one can go down into
    no_child_shapes: bool        # a kecamatan without village boundaries: drawn by itself


def map_view(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date, region: str | None,
             lang: str) -> MapView:
    units, level, mode = map_units(records, gaz, election_id, as_of, region)
    units = units.assign(status=status_text(units, mode, lang), ceremonies=unit_tooltips(records, units, lang))
    drill = {c: lbl for c, lbl in zip(units["code"], units["label"]) if gaz.children(c)}
    alone = bool(region) and list(units["code"]) == [region] and level != "desa/kelurahan"
    return MapView(units, level, mode, drill, alone)


def unit_tooltips(records: Records, units: pd.DataFrame, lang: str) -> list[str]:
    """Per unit: its ceremonies (date, kind, leader) and their sources, as short HTML lines."""
    cer = records.ceremonies.set_index("id")
    out = []
    for u in units.itertuples(index=False):
        ids = metrics.reached_ids(u, undated=True)
        lines = []
        for cid in ids[:4]:
            c = cer.loc[cid]
            who = c["leader_name"] if isinstance(c["leader_name"], str) else ""
            lines.append(f"{fmt.date_short(c['date'], lang)} · {c['region_name']} · {kinds_text(records, cid, lang)}"
                         f"{' · ' + who if who else ''}<br><i>{sources_text(records, cid)}</i>")
        if len(ids) > 4:
            lines.append(f"+{len(ids) - 4}")
        out.append("<br>".join(lines) if lines else "–")
    return out


def status_text(units: pd.DataFrame, mode: str, lang: str) -> list[str]:
    if mode == "share":
        return [f"{fmt.pct(s, lang, share=True)} ({c}/{n} kec.)" if n else "–"
                for s, c, n in zip(units["share"], units["sub_covered"], units["sub_units"])]
    return [state_label(s, lang) for s in units["state"]]


def _pct_or_dash(value, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else fmt.pct(value, lang)


def readiness_rows(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Kesiapan table: one row per unit, best commitment coverage first."""
    shown = table.sort_values("commitment_pct", ascending=False)
    return pd.DataFrame({
        t("code", lang): shown["code"],
        t("unit", lang): shown["label"],
        t("state", lang): [state_label(s, lang) for s in shown["state"]],
        t("commitment_pct", lang): [fmt.pct(v, lang) for v in shown["commitment_pct"]],
        t("reported_pct", lang): [_pct_or_dash(v, lang) for v in shown["reported_pct"]],
        t("date", lang): [fmt.date_short(d, lang) if d is not None and not pd.isna(d) else "–"
                          for d in shown["reported_as_of"]],
    }).reset_index(drop=True)


def figure_rows(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Reported readiness figures with date and sources, as shown."""
    return pd.DataFrame({
        t("date", lang): [fmt.date_long(d, lang) for d in figures["as_of"]],
        t("code", lang): figures["region_code"],
        t("measure", lang): figures["measure"],
        t("reported_pct", lang): [fmt.pct(p, lang) for p in figures["percent"]],
        t("sources", lang): figures["sources"],
        "ceremony_id": figures["ceremony_id"],
    })
