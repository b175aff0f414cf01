"""What the Peta page's detail panel says about one unit: its state, its numbers, and every
ceremony that reaches it, each with why it counts and the news sources that report it.

Plain data, no Streamlit: the panel (``dashboard/ui/unit_panel.py``) only lays it out, and every
line here can be traced to a ceremony id and its sources. Texts are plain strings; the panel
escapes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import fmt, metrics
from .views import pledge_text
from .i18n import level_label, level_plural, own_label, state_label, t
from .records.tables import Records
from .records.vocab import KINDS, SIGNATORY_GROUPS, WITNESS_BODIES
from .regions import Gazetteer

# Why a ceremony is listed for a unit, in the order the panel groups them. Each has a
# ``reach_<why>`` text. A ceremony that reaches a unit in two ways is listed under the first.
REASONS = ("own", "leadership", "pemda", "within", "undated")


@dataclass(frozen=True)
class Source:
    outlet: str
    title: str
    published: str   # a date in words, or "" when the source does not say
    url: str         # shown as text, never as a link


@dataclass(frozen=True)
class CeremonyLine:
    id: str
    date: str        # in words; "tanpa tanggal" for an undated ceremony
    why: str         # a REASONS id
    place: str       # where it was held: the region, and the venue when reported
    kinds: str
    leader: str
    signed: str      # signatory groups, with counts where reported
    witnessed: str
    sources: list[Source]
    date_note: str = ""  # an undated ceremony: why its date is not known


@dataclass(frozen=True)
class UnitDetail:
    code: str | None           # None: Indonesia
    label: str
    level: str                 # the level in words ("Kecamatan")
    facts: list[tuple[str, str, str]]  # (label, value, a note under it: how measured, when)
    ceremonies: list[CeremonyLine]
    n_ceremonies: int          # the dated ones that reach the unit, up to the view's date: the count every
                               # surface names (``ceremonies`` may be cut at ``limit``; issue 37)
    counts: dict[str, int] = field(default_factory=dict)  # per reason
    n_undated: int = 0         # undated ones listed apart: never counted, never "reaching"


def unit_detail(records: Records, gaz: Gazetteer, cov: metrics.Coverage, units: pd.DataFrame, code: str | None,
                lang: str, limit: int = 12) -> UnitDetail:
    """The panel for ``code``: one of the units the map draws (``units``, coverage rows: on the
    national map every kabupaten/kota, not the provinces ``cov`` counts), or the view's own region
    (``cov.parent``; ``None`` for Indonesia). Ceremonies are grouped by why they reach the unit,
    newest first in each group; at most ``limit`` are described."""
    as_of = cov.as_of
    if code is not None and code in set(units["code"]):
        row = units[units["code"] == code].iloc[0]
        ids = {"own": list(row["own_ids"]), "leadership": list(row["leadership_ids"]),
               "pemda": list(row["pemda_ids"]), "within": list(row["within_ids"]),
               "undated": list(row["undated_ids"])}
        facts = _unit_facts(row, lang, records.election_day(cov.election_id))
        label, level = row["label"], row["level"]
    elif cov.parent is not None and code == cov.parent.code:
        p = cov.parent_unit
        ids = {"own": list(p["own_ids"]), "leadership": list(p["leadership_ids"]), "pemda": list(p["pemda_ids"]),
               "within": cov.units_ids, "undated": list(cov.undated_ids)}
        facts = _view_facts(cov, lang, p)
        label, level = gaz.get(code).label, cov.parent.level
    elif code is None and cov.parent is None:
        ids = {"own": [], "leadership": [], "pemda": [], "within": cov.units_ids, "undated": list(cov.undated_ids)}
        facts = _view_facts(cov, lang, None)
        label, level = t("indonesia", lang), None
    else:
        raise KeyError(code)  # the page only asks for units of the view it shows
    facts += _reported(records, code, as_of, lang)
    seen: set[str] = set()
    grouped: dict[str, list[str]] = {}
    for why in REASONS:
        grouped[why] = [i for i in dict.fromkeys(ids[why]) if i not in seen]
        seen.update(grouped[why])
    order: list[tuple[str, str]] = []
    for why in REASONS:  # only the first ``limit`` are described: only they need sorting
        order += [(why, cid) for cid in _newest_first(records, grouped[why], limit - len(order))]
    lines = _lines(records, order, lang)
    return UnitDetail(code, label, level_label(level, lang) if level else "", facts, lines,
                      sum(len(v) for why, v in grouped.items() if why != "undated"),
                      {why: len(v) for why, v in grouped.items() if v}, len(grouped["undated"]))


def _unit_facts(row: pd.Series, lang: str, day: dt.date | None = None) -> list[tuple[str, str]]:
    # how old its pledge is (issue 37): the latest binding ceremony reaching it, and its H-n
    age = [(t("latest_pledge", lang), pledge_text(row.get("latest_pledge"), day, lang), "")]
    if pd.notna(row["sub_units"]) and row["sub_units"] is not None:
        n, c = int(row["sub_units"]), int(row["sub_covered"])
        return [(t("units_covered", lang, level=level_plural("kecamatan", lang)),
                 fmt.fraction(c, n, lang, share=True), ""),
                (t("own_title", lang), own_label(row["own_state"], lang, row["level"]), "")] + age
    return [(t("state", lang), state_label(row["state"], lang), "")] + age


def _view_facts(cov: metrics.Coverage, lang: str, parent: dict | None) -> list[tuple[str, str, str]]:
    covered, total, share, level = cov.headline
    facts = [(t("units_covered", lang, level=level_plural(level, lang)),
              fmt.fraction(covered, total, lang, share=True), "")]
    if parent is not None:
        facts.append((t("own_title", lang), own_label(parent["own_state"], lang, cov.parent.level), ""))
    return facts


def _reported(records: Records, code: str | None, as_of: dt.date, lang: str) -> list[tuple[str, str, str]]:
    """The latest readiness figure reported for the unit itself, with its date and measure."""
    if code is None:
        return []
    r = records.readiness
    r = r[(r["region_code"] == code) & (r["as_of"] <= pd.Timestamp(as_of))].sort_values("as_of")
    if r.empty:
        return []
    last = r.iloc[-1]
    # whose figure, when, and from which outlet (not the record's id: people read names)
    s = records.sources
    outlets = ", ".join(dict.fromkeys(s.loc[s["ceremony_id"] == last["ceremony_id"], "outlet"]))
    return [(t("reported_pct", lang), fmt.pct(last["percent"], lang),
             " · ".join(x for x in (last["measure"], fmt.date_long(last["as_of"], lang), outlets) if x))]


def _newest_first(records: Records, ids: list[str], n: int) -> list[str]:
    """The ``n`` newest of ``ids`` (undated last, then by id)."""
    if not ids or n <= 0:
        return []
    # found through the tables' index over ids, sorted as numbers (a national panel has 50,000)
    ids = list(ids)
    pos = records.positions(ids)
    dates = records.ceremonies["date"].to_numpy(dtype="datetime64[D]")
    day = np.where(pos >= 0, dates[pos], np.datetime64("NaT"))
    undated = np.isnat(day)
    newest = -np.where(undated, 0, day.astype("int64"))
    order = np.lexsort((np.array(ids, dtype=object), newest, undated))
    return [ids[i] for i in order[:n]]


def _lines(records: Records, order: list[tuple[str, str]], lang: str) -> list[CeremonyLine]:
    wanted = {cid for _, cid in order}
    at = records.positions(sorted(wanted))
    cer = records.ceremonies.iloc[np.sort(at[at >= 0])].set_index("id")

    def per(table: str) -> pd.DataFrame:
        return records.rows_of(table, wanted)

    kinds: dict[str, list[str]] = {}
    for cid, k in zip(*(per("kinds")[c] for c in ("ceremony_id", "kind"))):
        kinds.setdefault(cid, []).append(KINDS[k].label(lang))
    signed: dict[str, list[str]] = {}
    sig = per("signatories")
    for cid, g, n in zip(sig["ceremony_id"], sig["group"], sig["count"]):
        name = SIGNATORY_GROUPS[g].label(lang) if g in SIGNATORY_GROUPS else str(g)
        signed.setdefault(cid, []).append(name + (f" ({int(n)})" if pd.notna(n) else ""))
    witnessed: dict[str, list[str]] = {}
    for cid, b in zip(*(per("witnesses")[c] for c in ("ceremony_id", "body"))):
        witnessed.setdefault(cid, []).append(WITNESS_BODIES[b].label(lang) if b in WITNESS_BODIES else str(b))
    sources: dict[str, list[Source]] = {}
    src = per("sources")
    for cid, outlet, title, url, published in zip(src["ceremony_id"], src["outlet"], src["title"], src["url"],
                                                  src["published"]):
        sources.setdefault(cid, []).append(Source(
            str(outlet), title if isinstance(title, str) else "",
            fmt.date_long(published, lang) if published is not None and pd.notna(published) else "",
            url if isinstance(url, str) else ""))
    out = []
    for why, cid in order:
        c = cer.loc[cid]
        leader = " — ".join(x for x in (c["leader_name"], c["leader_role"]) if isinstance(x, str))
        place = " — ".join(x for x in (c["region_name"], c["venue"]) if isinstance(x, str) and x)
        out.append(CeremonyLine(cid, fmt.date_long(c["date"], lang), why, place,
                                ", ".join(kinds.get(cid, [])), leader, ", ".join(signed.get(cid, [])),
                                ", ".join(witnessed.get(cid, [])), sources.get(cid, []),
                                c["date_note"] if pd.isna(c["date"]) and isinstance(c["date_note"], str) else ""))
    return out
