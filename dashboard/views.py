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


def unit_tooltips(records: Records, units: pd.DataFrame, lang: str) -> list[str]:
    """Per unit: its ceremonies (date, kind, leader) and their sources, as short HTML lines."""
    cer = records.ceremonies.set_index("id")
    out = []
    for u in units.itertuples(index=False):
        ids = list(dict.fromkeys(u.direct_ids + u.leadership_ids + u.within_ids + u.undated_ids))
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
