"""What each page shows, computed as plain data (no Streamlit), so pages stay
short and every figure is traceable: each row keeps its ceremony and source ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from . import codes, fmt, markup, metrics
from .errors import PetaError, msg
from .i18n import level_label, level_plural, own_label, state_label, t, tn
from .records.tables import Records
from .records.vocab import KINDS
from .regions import Gazetteer


def election_note(calendar: pd.DataFrame, election_id: str, gaz: Gazetteer, lang: str) -> str | None:
    """What an election is beyond its name, for the line under the election picker: the election
    it belongs to and how (a PSU of Pilkada 2024), and the regions that vote when not everywhere.
    None for an election held everywhere on its own."""
    row = calendar.set_index("id").loc[election_id]
    parts = []
    if isinstance(row.get("part_of"), str) and row["part_of"] in set(calendar["id"]):
        parent = calendar.set_index("id").loc[row["part_of"], "name_en" if lang == "en" else "name"]
        parts.append(t(f"kind_{row['kind']}", lang, parent=parent))
    regions = row.get("regions")
    if isinstance(regions, (list, tuple)) and regions:
        names = [gaz.get(r).label if r in gaz else r for r in regions]
        parts.append(t("held_in", lang, regions=", ".join(names)))
    text = " · ".join(parts)
    return text[:1].upper() + text[1:] if text else None


def not_held_text(calendar: pd.DataFrame, gaz: Gazetteer, election_id: str, region: str | None,
                  lang: str) -> str | None:
    """The sentence a view of an election not held in its region says instead of empty numbers
    (issue 35: PSU 22 Maret 2025 in Jawa Barat); None when the election concerns the region."""
    row = calendar.set_index("id").loc[election_id]
    regions = row.get("regions")
    if region is None or codes.related_any(region, regions):
        return None
    names = [gaz.get(r).label if r in gaz else r for r in regions]
    return t("not_held_here", lang, election=row["name_en" if lang == "en" else "name"],
             place=gaz.get(region).label, regions=", ".join(names))


def nothing_recorded_text(cov: metrics.Coverage, undated: int, lang: str) -> str | None:
    """What an empty view says in words (issue 35): no dated ceremony of this election in this
    region up to the view's date (undated ones are named apart: they are never counted)."""
    if len(cov.units) == 0 or cov.ceremony_ids:
        return None
    return t("nothing_recorded", lang) + (" " + tn("undated_apart", lang, undated) if undated else "")


def next_election_note(calendar: pd.DataFrame, chosen_day: dt.date | None, region: str | None, lang: str,
                       today: dt.date | None = None) -> str | None:
    """While a past election is in view, the line that says which election the region votes in
    next (its day, or "Tanggal belum ditetapkan (2029)"); None otherwise."""
    today = today or dt.date.today()
    nxt = metrics.next_planned(calendar, region, today)
    if chosen_day is None or chosen_day >= today or nxt is None:
        return None
    when = fmt.date_long(nxt["date"], lang) if pd.notna(nxt["date"]) else t("date_not_set", lang, year=int(nxt["year"]))
    return t("next_election", lang, name=nxt["name_en" if lang == "en" else "name"], when=when)


def ceremony_names(records: Records, ids: list[str], lang: str) -> dict[str, str]:
    """What a person recognises a ceremony by: place · date · kinds ("Kec. Cibinong · 12 Nov 2024 ·
    Apel, Pakta/fakta integritas"; an undated one says so). Ids stay for the Data table, the CLI
    and exports, where a user may need to type one."""
    kinds, _ = ceremony_texts(records, ids, lang)
    cer = records.ceremonies.set_index("id")
    out = {}
    for cid in ids:
        row = cer.loc[cid]
        day = t("undated_short", lang) if pd.isna(row["date"]) else fmt.date_short(row["date"], lang)
        out[cid] = " · ".join(x for x in (row["region_name"], day, kinds.get(cid, "")) if x)
    return out


def kinds_text(records: Records, cid: str, lang: str) -> str:
    return ceremony_texts(records, [cid], lang)[0].get(cid, "")


def sources_text(records: Records, cid: str) -> str:
    return ceremony_texts(records, [cid], "id")[1].get(cid, "")


def kinds_texts(records: Records, ids: list[str], lang: str) -> dict[str, str]:
    """The kinds text per ceremony id (a timeline's markers need no sources: at national scale
    writing every source of 50,000 ceremonies cost the pack ~0.4 s for nothing)."""
    k = records.kinds[records.kinds["ceremony_id"].isin(ids)]
    kinds: dict[str, list[str]] = {}
    for cid, kind in zip(k["ceremony_id"], k["kind"]):
        kinds.setdefault(cid, []).append(KINDS[kind].label(lang))
    return {c: ", ".join(v) for c, v in kinds.items()}


def ceremony_texts(records: Records, ids: list[str], lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(kinds text, sources text) per ceremony id: each table's rows of those ids picked out at
    once, then read in order."""
    kinds = kinds_texts(records, ids, lang)
    sources: dict[str, list[str]] = {}
    s = records.sources[records.sources["ceremony_id"].isin(ids)]
    # outlet: title (published day); the address is the link column's, beside it on every surface
    for cid, outlet, title, day in zip(s["ceremony_id"], s["outlet"], s["title"], s["published"]):
        sources.setdefault(cid, []).append(
            outlet + (f": {title}" if isinstance(title, str) else "")
            + (f" ({fmt.date_short(day, lang)})" if isinstance(day, dt.date) else ""))
    return kinds, {c: "; ".join(v) for c, v in sources.items()}


def ceremony_links(records: Records, ids: list[str]) -> dict[str, list[str]]:
    """Per ceremony: the addresses of its sources a reader can follow (http/https only; a
    ``javascript:`` or ``data:`` address is never one)."""
    s = records.sources[records.sources["ceremony_id"].isin(ids)]
    out: dict[str, list[str]] = {}
    for cid, url in zip(s["ceremony_id"], s["url"]):
        if markup.followable(url):
            out.setdefault(cid, []).append(url)
    return out


def newest_ids(records: Records, ids: list[str], n: int) -> list[str]:
    """The first ``n`` of ``ids`` in the order :func:`ceremony_rows` lists them (newest first,
    undated last, ties in table order): Ringkasan's five latest ceremonies are picked before any
    row is written, not cut from rows built for every ceremony of the view (150,000 reports: the
    national view built ~25,000 rows to show 5, about 1 s of every view made after a save)."""
    cer = records.ceremonies[records.ceremonies["id"].isin(ids)]
    return list(cer.sort_values("date", ascending=False, na_position="last", kind="stable")["id"].head(n))


def ceremony_rows(records: Records, ids: list[str], lang: str, file: bool = False,
                  proof: dict[str, int] | None = None) -> pd.DataFrame:
    """Rows for ceremonies, newest first, undated last. ``file=True``: for a CSV/XLSX file (and
    the tables behind exports) — the day as an ISO date (an Excel date in XLSX) and the region's
    Kemendagri code beside its name, so the file joins with other Satu Data tables; else the
    day written out for reading on the page. ``proof``: ceremony id -> files of proof (issue 42
    §3), shown as a last column *Bukti* (*Ada bukti (2)*, empty where there is none)."""
    cer = records.ceremonies[records.ceremonies["id"].isin(ids)].sort_values("date", ascending=False, na_position="last",
                                                                             kind="stable")
    kinds, sources = ceremony_texts(records, list(cer["id"]), lang)
    links = ceremony_links(records, list(cer["id"]))
    day = ([d.date().isoformat() if not pd.isna(d) else None for d in cer["date"]] if file
           else [fmt.date_long(d, lang) for d in cer["date"]])
    code = {t("code", lang): list(cer["region_code"])} if file else {}
    return pd.DataFrame({
        # a file heads the id as every other file does (issue 37); the page keeps "id" to drop it
        (t("ceremony_ids", lang) if file else "id"): cer["id"],
        t("date", lang): day,
        **code,
        t("unit", lang): cer["region_name"],
        t("kind", lang): [kinds.get(c, "") for c in cer["id"]],
        t("leader", lang): [" — ".join(x for x in (n, r) if isinstance(x, str)) for n, r in
                            zip(cer["leader_name"], cer["leader_role"])],
        t("sources", lang): [sources.get(c, "") for c in cer["id"]],
        # the article a reader can open: the first on a page (a link column), every one in a file
        t("link", lang): [(" ".join(links.get(c, [])) if file else (links.get(c) or [None])[0]) or None
                          for c in cer["id"]],
        **({t("proof", lang): [proof_text(proof.get(c, 0), lang) for c in cer["id"]]} if proof is not None else {}),
    }).reset_index(drop=True)


def proof_text(n: int, lang: str) -> str:
    """The mark of a ceremony with files of proof (*Ada bukti (2)*), or "" without."""
    return t("has_proof_n", lang, n=n) if n else ""


def filter_ids(records: Records, election_id: str, region: str | None, kinds: list[str], text: str,
               lang: str, only: set[str] | None = None) -> list[str]:
    """The ids of an election's ceremonies that concern ``region`` (held in it, within it, or above
    it), optionally of some kinds and whose row contains ``text``, in the order the tables list them
    (newest first, undated last). Only ids and whole columns are handled (issue 39: at 150,000
    reports a page builds rows for the ones it shows, never for all).

    ``text`` is looked for, without case, in what a row shows: the id, the place, the day as written
    (*12 November 2024*, *Selasa*), each kind's name, the leader and role, the venue, each source's
    outlet, title and link. ``only``: keep these ids alone (the ceremonies with proof, *Ada bukti*)."""
    cer = metrics.concerning(records.for_election(election_id), region)
    if only is not None:
        cer = cer[cer["id"].isin(only)]
    if kinds:
        cer = cer[cer["id"].isin(records.kinds.loc[records.kinds["kind"].isin(kinds), "ceremony_id"])]
    needle = text.strip().lower()
    if needle:
        cer = cer[cer["id"].isin(_matching(records, election_id, cer, needle, lang))]
    cer = cer.sort_values("date", ascending=False, na_position="last", kind="stable")
    return list(cer["id"])


def _matching(records: Records, election_id: str, cer: pd.DataFrame, needle: str, lang: str) -> set[str]:
    """The ids among ``cer`` (ceremonies of ``election_id``) whose row shows ``needle``: the id, the
    place, the day as written (*12 November 2024*, *Selasa*) or as ISO, each kind's name, the leader
    and role, the venue, each source's outlet, title and link. The columns' texts are read from
    :func:`_row_texts` (one pass each); the days and kinds, a few hundred distinct values, are
    written and looked at once each."""
    own, sources = _row_texts(records, election_id)
    found = set(own.index[own.str.contains(needle, regex=False).to_numpy()])
    found |= set(sources.index[sources.str.contains(needle, regex=False).to_numpy()])
    days = cer["date"].dropna().unique()  # the day as the table writes it: each distinct day formatted once
    written = {d for d in days if needle in fmt.date_long(d, lang).lower() or needle in pd.Timestamp(d).date().isoformat()}
    found |= set(cer.loc[cer["date"].isin(written), "id"])
    named = [k for k in KINDS if needle in KINDS[k].label(lang).lower()]
    if named:
        k = records.kinds
        found |= set(k.loc[k["kind"].isin(named), "ceremony_id"])
    return found & set(cer["id"])


def _row_texts(records: Records, election_id: str) -> tuple[pd.Series, pd.Series]:
    """(each ceremony's id, place, leader, role and venue; each of its sources' outlet, title and
    link), lower-cased, the parts joined by a separator no text holds (a word is never found across
    two columns), indexed by ceremony id. Kept with the tables for the last views asked
    (``Derived.recent``, keyed by election): the first word typed on a Data page joins them, each
    word after reads them (issue 39: at 150,000 reports every word joined the columns of 71,617
    rows and their sources again, 0.3 s)."""
    def build() -> tuple[pd.Series, pd.Series]:
        cer = records.for_election(election_id)
        src = records.sources[records.sources["ceremony_id"].isin(set(cer["id"]))]
        return (_joined(cer, ["id", "region_name", "leader_name", "leader_role", "venue"], cer["id"]),
                _joined(src, ["outlet", "title", "url"], src["ceremony_id"]))

    return records.derived.recent((election_id, "row_texts"), build)


def _joined(frame: pd.DataFrame, columns: list[str], index: pd.Series) -> pd.Series:
    text = frame[columns[0]].fillna("").astype(str)
    for c in columns[1:]:
        text = text + "\x1f" + frame[c].fillna("").astype(str)
    return pd.Series(text.str.lower().to_numpy(), index=index.to_numpy())


def filter_ceremonies(records: Records, election_id: str, region: str | None, kinds: list[str],
                      text: str, lang: str) -> pd.DataFrame:
    """Display rows of :func:`filter_ids` (every one: the CLI, the tests; the Data page shows a page)."""
    return ceremony_rows(records, filter_ids(records, election_id, region, kinds, text, lang), lang)


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
    latest_readiness: pd.Series | None  # the latest reported figure in view (with ``unit``, its unit's label)
    n_reporting: int                    # units with a reported figure in view (the region itself included)
    region: str | None                  # the region in view (None: Indonesia)
    recent: pd.DataFrame
    undated_ids: list[str]
    own_state: str | None       # the region's own government: commitment / information / none
    own_text: str | None        # one line saying so, with the latest own ceremony
    own_ids: list[str]
    recent_pledges: tuple[int, int, float | None] = (0, 0, None)  # (fresh, reached, share): issue 37
    recent_text: str | None = None  # that, in one sentence (None: no day to measure against, or nothing reached)


def summary(records: Records, cov: metrics.Coverage, lang: str) -> Summary:
    """The Ringkasan numbers for one (cached) coverage result."""
    e = records.election(cov.election_id)
    day = records.election_day(cov.election_id)
    days, label = metrics.countdown(day, cov.as_of)
    name = e["name_en"] if lang == "en" else e["name"]
    if days is None:  # planned: no day to count to
        text = t("date_not_set", lang, year=int(e["year"]))
    else:
        if lang == "en":  # "H-15" means nothing in English: the number of days, said so
            label = t("count_today", lang) if days == 0 else tn("count_before" if days > 0 else "count_after",
                                                                 lang, abs(days))
        text = t("h_day", lang) if days == 0 else tn("h_before" if days > 0 else "h_after", lang, abs(days), e=name)
    covered, total, share, level = cov.headline
    figs = metrics.reported_figures(records, cov)
    latest = None
    if len(figs):
        latest = figs.iloc[0].copy()
        latest["unit"] = unit_label(records, latest["region_code"])
    ids = cov.ceremony_ids
    return Summary(days, label, text, len(ids), covered, total, share, level_plural(level, lang),
                   latest, int(figs["region_code"].nunique()) if len(figs) else 0,
                   cov.parent.code if cov.parent is not None else None,
                   ceremony_rows(records, newest_ids(records, ids, 5), lang),
                   cov.undated_ids, cov.own_state, own_text(records, cov, lang), cov.own_ids,
                   metrics.recent_pledges(cov, day), recent_pledges_text(cov, day, lang))


def recent_pledges_text(cov: metrics.Coverage, day: dt.date | None, lang: str) -> str | None:
    """How old the pledges behind the headline are: of the units reached, how many pledged within
    six months of election day (issue 37; the count itself does not change)."""
    fresh, reached, share = metrics.recent_pledges(cov, day)
    if not reached:
        return None
    return t("recent_pledges", lang, fresh=fmt.number(fresh, lang, 0), reached=fmt.number(reached, lang, 0),
             pct=fmt.pct(share, lang, share=True), months=6)


def pledge_text(latest, day: dt.date | None, lang: str) -> str:
    """A unit's latest pledge as every surface writes it: "15 Des 2023 (H-348)", or "–"."""
    if latest is None or pd.isna(latest):
        return "–"
    age = metrics.pledge_age(latest, day)
    return fmt.date_short(latest, lang) + (f" ({metrics.h_label(age)})" if age is not None else "")


def unit_label(records: Records, code: str) -> str:
    """A reported figure's unit by name (its ceremony's region, or the code when none is known)."""
    hit = records.ceremonies.loc[records.ceremonies["region_code"] == code, "region_name"]
    return str(hit.iloc[0]) if len(hit) else code


def readiness_tile(s: Summary, lang: str) -> tuple[str, str, str, str]:
    """(label, value, when and whose, measure · sources) of the readiness tile, the same on
    Ringkasan, the briefing screen and the pack. A figure is the region's only when it was reported
    for the region itself; otherwise the tile counts the units that reported and names the latest
    one, so no sub-unit's figure ever reads as the region's (README, "Kesiapan dilaporkan")."""
    r = s.latest_readiness
    if r is None:
        return t("latest_readiness", lang), "–", t("none_reported", lang), ""
    detail = f"{r['measure']} · {r['sources']}"
    if s.n_reporting == 1 and r["region_code"] == s.region:
        return (t("latest_readiness", lang), fmt.pct(r["percent"], lang),
                f"{r['unit']} · {fmt.date_long(r['as_of'], lang)}", detail)
    return (t("units_reporting", lang), str(s.n_reporting),
            t("latest_report_of", lang, unit=r["unit"], pct=fmt.pct(r["percent"], lang),
              date=fmt.date_short(r["as_of"], lang)), detail)


def cycle_rows(records: Records, gaz: Gazetteer, region: str | None, lang: str,
               today: dt.date | None = None) -> pd.DataFrame:
    """A region's record across elections (Ringkasan, the Peta panel): for every election it voted
    in (:func:`metrics.elections_of`), counted as on that election's day (or today when the day is
    ahead, marked so): its ceremonies, its units reached, and its own government's pledge. The
    same coverage as every page, so each figure equals the one that election's own view shows."""
    today = today or dt.date.today()
    rows = []
    level = None
    for e in metrics.elections_of(records.calendar, region).itertuples():
        day = None if pd.isna(e.date) else e.date.date()
        cov = metrics.coverage(records, gaz, e.id, min(day, today) if day else today, region)
        covered, total, share, level = cov.headline
        rows.append({"election_id": e.id, t("election", lang): e.name_en if lang == "en" else e.name,
                     t("date", lang): (fmt.date_short(day, lang) + ("" if day <= today else " *")) if day
                     else t("day_not_set_short", lang) + " *",
                     t("ceremonies_short", lang): len(cov.ceremony_ids),  # the words of the tile it equals
                     "covered": fmt.fraction(covered, total, lang, share=True),
                     t("own_title", lang): own_label(cov.own_state, lang, cov.parent.level) if region else "–"})  # as in the panel
    # named columns without a row too: a region that votes in no election of the calendar (a calendar
    # of one kabupaten's re-vote, seen nationally) has an empty record, not a missing table
    columns = ["election_id", t("election", lang), t("date", lang), t("ceremonies_short", lang), "covered",
               t("own_title", lang)]
    out = pd.DataFrame(rows, columns=columns)
    level = level or "kecamatan"
    return out.rename(columns={"covered": t("units_covered", lang, level=level_plural(level, lang))})


def own_text(records: Records, cov: metrics.Coverage, lang: str) -> str | None:
    """"Pemda sudah berkomitmen: Ikrar, 15 Desember 2023" — the region's own government's answer
    to "did it hold its own ceremony?" (None for Indonesia)."""
    if cov.parent is None:
        return None
    state = cov.own_state
    if state == metrics.OWN_NONE:
        return t("own_none", lang, level=level_label(cov.parent.level, lang).lower())
    cer = records.ceremonies[records.ceremonies["id"].isin(cov.own_ids)].sort_values("date")
    last = cer.iloc[-1]
    kinds, _ = ceremony_texts(records, [last["id"]], lang)
    last_text = f"{kinds.get(last['id'], '')}, {fmt.date_long(last['date'], lang)}"
    if state == metrics.OWN_COMMITMENT and cov.parent.level not in metrics.AGGREGATE_LEVELS:
        return tn("own_unit_commitment", lang, len(cer), level=level_label(cov.parent.level, lang), last=last_text)
    return t(f"own_{state}", lang, n=len(cer), last=last_text)


def map_units(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date,
              region: str | None) -> tuple[pd.DataFrame, str, str]:
    """Units drawn for a view, their level, and colour mode ('share' or 'state').

    National view: every kabupaten/kota of Indonesia, in one pass. Provinsi: its
    kabupaten/kota. Both by share of kecamatan reached, with each unit's own ceremony
    shown apart (``own_state``). Kabupaten/kota: its kecamatan, kecamatan: its
    desa/kelurahan (by state). A unit without children (a desa, or a kecamatan without
    village boundaries) is drawn alone.
    """
    level = "kabupaten/kota" if region is None else None
    units = metrics.coverage(records, gaz, election_id, as_of, region, level=level).units
    if len(units):
        level = units["level"].iloc[0]
    else:  # the election is not held here: the level the view would draw, with no unit in it
        kids = gaz.children(region) if region else ()
        level = level or (kids[0].level if kids else gaz.get(region).level)
    return units.reset_index(drop=True), level, ("share" if level in metrics.AGGREGATE_LEVELS else "state")


@dataclass(frozen=True)
class MapView:
    """Everything the Peta page draws for one view."""

    units: pd.DataFrame          # coverage rows + ``status``, ``ceremonies`` (tooltip) text, ``n_ceremonies``
    level: str                   # level of the drawn units
    mode: str                    # 'state' or 'share'
    drill: dict[str, str]        # code -> label of drawn units one can go down into
    no_child_shapes: bool        # a kecamatan without village boundaries: drawn by itself
    not_drawn: list[str] = ()    # labels of units outside the provinces maps draw (PETA_PROVINCES)


def map_view(records: Records, gaz: Gazetteer, election_id: str, as_of: dt.date, region: str | None,
             lang: str, drawn: tuple[str, ...] | None = None) -> MapView:
    """``drawn``: the province codes the maps draw (None: all); units elsewhere are still counted
    in every number and table, and named in ``not_drawn``."""
    units, level, mode = map_units(records, gaz, election_id, as_of, region)
    day = records.election_day(election_id)
    # one count of ceremonies everywhere (issue 37): the dated ones reaching the unit
    units = units.assign(status=status_text(units, mode, lang), ceremonies=unit_tooltips(records, units, lang),
                         pledge=[pledge_text(d, day, lang) for d in units["latest_pledge"]],
                         n_ceremonies=[len(metrics.reached_ids(u)) for u in units.itertuples(index=False)])
    has_children = set(gaz.table["parent"].dropna())
    drill = {c: lbl for c, lbl in zip(units["code"], units["label"]) if c in has_children}
    alone = bool(region) and list(units["code"]) == [region] and level != "desa/kelurahan"
    outside = [] if drawn is None else [lbl for c, lbl in zip(units["code"], units["label"])
                                        if codes.province(c) not in drawn]
    return MapView(units, level, mode, drill, alone, outside)


def map_rows(mv: MapView, election_day: dt.date | None, lang: str) -> pd.DataFrame:
    """The table under the map: each drawn unit in :func:`metrics.ranked` order, its status as the
    map words it, and its latest pledge with the H-n of that pledge (issue 37)."""
    ranked = metrics.ranked(mv.units)
    return pd.DataFrame({t("code", lang): ranked["code"].to_numpy(), t("name", lang): ranked["label"].to_numpy(),
                         t("state", lang): ranked["status"].to_numpy(),
                         t("latest_pledge", lang): [pledge_text(d, election_day, lang) for d in ranked["latest_pledge"]]})


def not_drawn_text(mv: MapView, lang: str, shown: int = 8) -> str | None:
    """The line saying which units of the view lie outside the provinces maps draw (None: all drawn)."""
    if not mv.not_drawn:
        return None
    names = ", ".join(mv.not_drawn[:shown]) + (f" … (+{len(mv.not_drawn) - shown})" if len(mv.not_drawn) > shown else "")
    return t("not_drawn", lang, n=len(mv.not_drawn), names=names)


def unit_tooltips(records: Records, units: pd.DataFrame, lang: str) -> list[str]:
    """Per unit: its ceremonies (date, kind, leader) and their sources, one line each.

    Kept short because it travels to the browser with every map: the region is named only
    when the ceremony was held elsewhere (above or within the unit), and lines are joined
    with newlines (the tooltip CSS keeps them) rather than HTML tags."""
    per_unit = [metrics.reached_ids(u, undated=True) for u in units.itertuples(index=False)]
    info = _tooltip_parts(records, {cid for ids in per_unit for cid in ids[:4]}, lang)
    out = []
    for u, ids in zip(units.itertuples(index=False), per_unit):
        lines = []
        for cid in ids[:4]:
            day, code, name, kind, leader, source = info[cid]
            parts = [day] + ([name] if code != u.code else []) + [kind]
            if isinstance(leader, str):
                parts.append(leader)
            lines.append(" · ".join(parts) + f" ({source})")
        if len(ids) > 4:
            lines.append(f"+{len(ids) - 4}")
        out.append("\n".join(lines) if lines else "–")
    return out


def _tooltip_parts(records: Records, ids: set[str], lang: str) -> dict[str, tuple]:
    """Per ceremony of ``ids`` (the few a map's tooltips name): (short date, region code, region
    label, kinds, leader, sources). Made for those only: for every ceremony of a national store
    they held ~50 MiB per language for the life of the tables."""
    cer = records.ceremonies[records.ceremonies["id"].isin(ids)]
    kinds, sources = ceremony_texts(records, list(cer["id"]), lang)
    return {cid: (fmt.date_short(None if pd.isna(day) else day.date(), lang), code, name,
                  kinds.get(cid, ""), leader, sources.get(cid, ""))
            for cid, day, code, name, leader in
            zip(cer["id"], cer["date"], cer["region_code"], cer["region_name"], cer["leader_name"])}


def status_text(units: pd.DataFrame, mode: str, lang: str) -> list[str]:
    """The unit's state in words. Aggregates answer both questions: its own government's ceremony
    and the share of its kecamatan reached."""
    if mode == "share":
        return [f"{own_label(o, lang)} · " + (f"{fmt.pct(s, lang, share=True)} ({c}/{n} kec.)" if n else "–")
                for o, s, c, n in zip(units["own_state"], units["share"], units["sub_covered"], units["sub_units"])]
    return [state_label(s, lang) for s in units["state"]]


def _pct_or_dash(value, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else fmt.pct(value, lang)


def readiness_rows(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Kesiapan table: one row per unit in :func:`metrics.ranked` order (the chart's), with the
    unit's state as the map names it (aggregates: its own pledge and the share of its kecamatan
    reached), the share reached, the commitment categories named, and its own reported figure."""
    shown = metrics.ranked(table)
    mode = "share" if shown["sub_units"].notna().any() else "state"
    return pd.DataFrame({
        t("code", lang): shown["code"],
        t("unit", lang): shown["label"],
        t("state", lang): status_text(shown, mode, lang),
        t("share_reached", lang): [_pct_or_dash(None if pd.isna(v) else 100 * v, lang) for v in shown["share"]],
        t("commitment_pct", lang): [fmt.pct(v, lang) for v in shown["commitment_pct"]],
        t("reported_pct", lang): [_pct_or_dash(v, lang) for v in shown["reported_pct"]],
        t("date", lang): [fmt.date_short(d, lang) if d is not None and not pd.isna(d) else "–"
                          for d in shown["reported_as_of"]],
    }).reset_index(drop=True)


def counted_text(records: Records, ids: list[str], as_of: dt.date, lang: str) -> str:
    """How many of the listed ceremonies count (issue 37: one definition on every surface: dated,
    up to the view's date), with those after that date and the undated ones said apart."""
    day = records.ceremonies.set_index("id").loc[list(ids), "date"] if len(ids) else pd.Series(dtype="datetime64[ns]")
    dated = day.notna()
    counted = int((dated & (day <= pd.Timestamp(as_of))).sum())
    later, undated = int((dated & (day > pd.Timestamp(as_of))).sum()), int((~dated).sum())
    parts = [t("records_counted", lang, n=fmt.number(len(ids), lang, 0), d=fmt.number(counted, lang, 0),
               date=fmt.date_long(as_of, lang))]
    if later:
        parts.append(t("records_later", lang, n=fmt.number(later, lang, 0)))
    if undated:
        parts.append(t("plus_undated", lang, n=fmt.number(undated, lang, 0)))
    return " · ".join(parts)


def priority_rows(units: pd.DataFrame, figures: dict[str, dict | None], high: float | None,
                  lang: str) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Issue 27's two tables for a view's units (``Coverage.units``) and an indicator's value per unit
    code (:func:`dashboard.indicators.latest`), and how many units without a binding ceremony have
    no value of their own (*tidak ada data*, never 0): the units no binding ceremony reaches
    (:func:`metrics.binding_reaches`) whose value lies in the map legend's high class (above
    ``high``, its upper cut point; issue 37: "high risk" names only those), highest first; and the
    units a binding ceremony reaches whose value is above zero (findings despite a ceremony).
    A higher value is read as more risk (a vulnerability score, a count of findings)."""
    reached = metrics.binding_reaches(units)
    value = pd.Series([figures[c]["value"] if figures.get(c) else None for c in units["code"]], index=units.index,
                      dtype=object)
    in_high = pd.Series([v is not None and high is not None and v > high for v in value], index=units.index, dtype=bool)
    above = pd.Series([v is not None and v > 0 for v in value], index=units.index, dtype=bool)
    no_value = int((~reached & value.isna()).sum())
    return risk_rows(units[~reached & in_high], figures, lang), risk_rows(units[reached & above], figures, lang), no_value


def unit_status(units: pd.DataFrame, lang: str) -> list[str]:
    """Each unit's status as its level's map legend words it: an aggregate by its own government's
    pledge and the share of its kecamatan reached, a kecamatan or desa by its state (issue 37)."""
    if "sub_units" not in units:
        return status_text(units, "state", lang)
    aggregate = units["sub_units"].notna().tolist()
    share, state = status_text(units, "share", lang), status_text(units, "state", lang)
    return [a if agg else s for a, s, agg in zip(share, state, aggregate)]


def risk_rows(part: pd.DataFrame, figures: dict[str, dict | None], lang: str) -> pd.DataFrame:
    """Units with their commitment state and an indicator's value, date and source, highest value
    first and those without a value of their own last (*tidak ada data*, never 0)."""
    from .indicators import value_text

    vals = [figures.get(c) for c in part["code"]]
    status = unit_status(part, lang)
    order = sorted(range(len(part)), key=lambda i: (vals[i] is None, -(vals[i] or {}).get("value", 0),
                                                    part["label"].iloc[i]))
    return pd.DataFrame({
        t("code", lang): [part["code"].iloc[i] for i in order],
        t("unit", lang): [part["label"].iloc[i] for i in order],
        t("state", lang): [status[i] for i in order],
        t("risk_value", lang): [t("no_data", lang) if vals[i] is None else value_text(vals[i], lang) for i in order],
        t("risk_value_date", lang): ["–" if vals[i] is None else fmt.date_short(dt.date.fromisoformat(vals[i]["date"]), lang)
                                     for i in order],
        t("sources", lang): ["–" if vals[i] is None else vals[i]["source"] for i in order],
    }, columns=[t(k, lang) for k in ("code", "unit", "state", "risk_value", "risk_value_date", "sources")])


def figure_rows(figures: pd.DataFrame, lang: str, records: Records) -> pd.DataFrame:
    """Reported readiness figures as shown: the unit each was reported for by name, its date, what
    was measured, the sources, and the ceremony it was reported at by place, date and kind (ids are
    for the exports and the CLI)."""
    names = ceremony_names(records, list(figures["ceremony_id"]), lang)
    return pd.DataFrame({
        t("date", lang): [fmt.date_long(d, lang) for d in figures["as_of"]],
        t("unit", lang): [unit_label(records, c) for c in figures["region_code"]],
        t("measure", lang): figures["measure"],
        t("reported_pct", lang): [fmt.pct(p, lang) for p in figures["percent"]],
        t("sources", lang): figures["sources"],
        t("ceremony_word", lang): [names.get(c, c) for c in figures["ceremony_id"]],
    })


_ACTIONS = ("seed", "create", "edit", "withdraw", "merge", "import", "reject_draft", "election_add", "election_edit",
            "attach", "detach")  # each has an act_<action> text
ZONE_NAMES = fmt.ZONE_NAMES
# Notes the seed writes (in the store, kept as written); shown in the interface language.
_NOTE_PREFIXES = {"from ": ("dari berkas ", "from file "), "file changed: ": ("berkas berubah: ", "file changed: ")}


def history_rows(changes, lang: str, zone: str = "Asia/Jakarta", election_names: dict | None = None) -> pd.DataFrame:
    """The audit trail as shown and exported: when (in ``zone``; stored in UTC), who, what, and
    the report before and after, headed and worded in the interface language. A change of the
    calendar names its election by name where ``election_names`` has it (issue 37), not by
    ``pemilihan:<id>``."""
    from .store.db import ELECTION_PREFIX

    names = election_names or {}

    def subject(cid: str) -> str:
        if cid and cid.startswith(ELECTION_PREFIX) and cid[len(ELECTION_PREFIX):] in names:
            return f"{t('election', lang)}: {names[cid[len(ELECTION_PREFIX):]]}"
        return cid
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PetaError.single("PETA_TIMEZONE", zone, msg("time_zone")) from None
    when = [c.at.replace(tzinfo=dt.timezone.utc).astimezone(tz).strftime("%Y-%m-%d %H:%M:%S") for c in changes]

    def note(text: str | None) -> str:
        for prefix, words in _NOTE_PREFIXES.items():
            if text and text.startswith(prefix):
                return words[lang == "en"] + text[len(prefix):]
        return text or ""

    return pd.DataFrame({
        "#": [c.id for c in changes],
        t("when", lang, zone=ZONE_NAMES.get(zone, zone)): when,
        t("who", lang): [c.user for c in changes],
        t("action", lang): [t(f"act_{c.action}", lang) if c.action in _ACTIONS else c.action for c in changes],
        t("ceremony_ids", lang): [subject(c.ceremony_id) for c in changes],
        t("history_report", lang): [c.report_id for c in changes],
        t("notes", lang): [note(c.note) for c in changes],
        t("before", lang): [c.before or "" for c in changes],
        t("after", lang): [c.after or "" for c in changes],
    })



def calendar_rows(calendar: pd.DataFrame, gaz: Gazetteer, lang: str) -> pd.DataFrame:
    """The election calendar as the Kalender page lists it: by voting day (a planned election,
    whose day is not set, after the dated ones of its year), in the interface language. Every
    value is plain text; the id is last, for whoever types it in a sheet or the CLI."""
    names = dict(zip(calendar["id"], calendar["name_en" if lang == "en" else "name"]))
    rows = []
    for e in calendar.to_dict("records"):
        dated = pd.notna(e.get("date"))
        day = pd.Timestamp(e["date"]).date() if dated else None
        year = day.year if day else (int(e["year"]) if pd.notna(e.get("year")) else 9999)
        regions = e.get("regions")
        where = (", ".join(gaz.get(r).label if r in gaz else r for r in regions)
                 if isinstance(regions, (list, tuple)) and len(regions) else t("everywhere", lang))
        parent = e.get("part_of")
        belongs = (t(f"kind_{e['kind']}", lang, parent=names.get(parent, parent))
                   if isinstance(parent, str) and parent else "")
        sources = "; ".join(" — ".join(str(s[k]) for k in ("outlet", "title") if s.get(k))
                            for s in (e.get("sources") or []) if isinstance(s, dict))
        rows.append(((year, day or dt.date(year if year < 9999 else 9999, 12, 31), e["id"]), {
            t("election", lang): names[e["id"]],
            t("voting_day", lang): fmt.date_long(day, lang) if day else t("date_not_set", lang, year=year),
            t("voting_regions", lang): where,
            t("belongs_to", lang): belongs[:1].upper() + belongs[1:],
            t("sources", lang): sources,
            t("election_id", lang): e["id"],
        }))
    return pd.DataFrame([r for _, r in sorted(rows, key=lambda x: x[0])],
                        columns=[t(k, lang) for k in ("election", "voting_day", "voting_regions", "belongs_to",
                                                      "sources", "election_id")])
