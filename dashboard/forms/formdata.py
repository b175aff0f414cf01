"""The entry form's values <-> a report mapping (the same shape as a curated file). Plain data,
so the form's logic is tested without a browser; the page only draws widgets."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..geo import level_of_code
from ..records.vocab import COMMITMENT_CATEGORIES

SIGNATORY_COLUMNS = ["group", "count", "all", "note"]
READINESS_COLUMNS = ["measure", "percent", "as_of", "note"]
SOURCE_COLUMNS = ["outlet", "title", "url", "published", "archive", "note"]


def _rows(frame, columns: list[str]) -> list[dict]:
    if frame is None:
        return []
    df = pd.DataFrame(frame)
    out = []
    for rec in df.to_dict("records"):
        rec = {k: rec.get(k) for k in columns}
        cleaned = {k: v for k, v in rec.items() if v is not None and v is not pd.NA and v is not pd.NaT
                   and not (isinstance(v, float) and v != v) and not (isinstance(v, str) and not v.strip())
                   and not (k == "all" and v is False)}
        if cleaned:
            out.append(cleaned)
    return out


def _day(v):
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, dt.datetime):
        return v.date()
    return v


def to_report(v: dict, base: dict | None = None) -> dict:
    """Form values -> report. Empty rows of the tables are dropped; nothing else is filled in:
    what is missing stays missing, and the validator names it. ``base`` (the report being
    edited) keeps what the form does not show: how a year was inferred, while the date is
    unchanged."""
    data: dict = {"id": v.get("id"), "region": v.get("region"),
                  "level": level_of_code(v["region"]) if v.get("region") else None}
    if v.get("undated"):
        data["date"] = None
        data["date_unknown_reason"] = (v.get("reason") or "").strip() or None
    else:
        data["date"] = _day(v.get("date"))
    data["elections"] = list(v.get("elections") or [])
    data["kinds"] = list(v.get("kinds") or [])
    if (v.get("venue") or "").strip():
        data["venue"] = v["venue"].strip()
    leader = {k: v[f"leader_{k}"].strip() for k in ("name", "role") if (v.get(f"leader_{k}") or "").strip()}
    if leader:
        data["leader"] = leader
    sig = []
    for r in _rows(v.get("signatories"), SIGNATORY_COLUMNS):
        entry = {"group": r.get("group")}
        if r.get("count") is not None:
            entry["count"] = int(r["count"]) if float(r["count"]).is_integer() else r["count"]
        if r.get("all"):
            entry["all"] = True
        if r.get("note"):
            entry["note"] = r["note"]
        sig.append(entry)
    if sig:
        data["signatories"] = sig
    if v.get("witnesses"):
        data["witnesses"] = list(v["witnesses"])
    cats = list(v.get("categories") or [])
    if cats:
        texts = v.get("commitment_texts") or {}
        data["commitments"] = [{"category": c, "text": texts.get(c) or COMMITMENT_CATEGORIES[c].id_label}
                               for c in cats]
    ready = [{"measure": r.get("measure"), "percent": r.get("percent"), "as_of": _day(r.get("as_of")),
              **({"note": r["note"]} if r.get("note") else {})} for r in _rows(v.get("readiness"), READINESS_COLUMNS)]
    if ready:
        data["readiness"] = ready
    data["sources"] = [{k: _day(val) for k, val in r.items()} for r in _rows(v.get("sources"), SOURCE_COLUMNS)]
    if (v.get("notes") or "").strip():
        data["notes"] = v["notes"].strip()
    if base and base.get("date_inferred") and base.get("date") == data.get("date"):
        data["date_inferred"] = base["date_inferred"]
    return data


def from_report(data: dict) -> dict:
    """Report -> form values (to edit a stored report). Commitment texts are kept as they were."""
    date = data.get("date")
    return {
        "id": data.get("id"), "region": data.get("region"),
        "undated": date is None, "date": date, "reason": data.get("date_unknown_reason") or "",
        "elections": list(data.get("elections") or []), "kinds": list(data.get("kinds") or []),
        "venue": data.get("venue") or "", "notes": data.get("notes") or "",
        "leader_name": (data.get("leader") or {}).get("name", ""),
        "leader_role": (data.get("leader") or {}).get("role", ""),
        "signatories": pd.DataFrame([{k: s.get(k) for k in SIGNATORY_COLUMNS} for s in data.get("signatories") or []],
                                    columns=SIGNATORY_COLUMNS),
        "witnesses": list(data.get("witnesses") or []),
        "categories": list(dict.fromkeys(c.get("category") for c in data.get("commitments") or [])),
        "commitment_texts": {c.get("category"): c.get("text") for c in data.get("commitments") or []},
        "readiness": pd.DataFrame([{k: r.get(k) for k in READINESS_COLUMNS} for r in data.get("readiness") or []],
                                  columns=READINESS_COLUMNS),
        "sources": pd.DataFrame([{k: s.get(k) for k in SOURCE_COLUMNS} for s in data.get("sources") or []],
                                columns=SOURCE_COLUMNS),
    }


# -- the Kalender page: an election's form values <-> a calendar entry ---------------------------
ELECTION_SOURCE_COLUMNS = ["outlet", "title", "url", "published"]


def to_election(v: dict) -> dict:
    """Kalender form values -> a calendar entry (the shape of an ``elections.yaml`` item). Empty
    fields are left out, nothing is filled in: the validator names what is missing. A planned
    election (``planned``) has a year and no date."""
    data: dict = {"id": (v.get("id") or "").strip() or None, "name": (v.get("name") or "").strip() or None}
    if (v.get("name_en") or "").strip():
        data["name_en"] = v["name_en"].strip()
    if v.get("planned"):
        data["year"] = int(v["year"]) if v.get("year") not in (None, "") else None
    else:
        data["date"] = _day(v.get("date"))
    if v.get("regions"):
        data["regions"] = [str(r) for r in v["regions"]]
    if v.get("part_of"):
        data["part_of"] = v["part_of"]
        data["kind"] = v.get("kind") or None
    if (v.get("note") or "").strip():
        data["note"] = v["note"].strip()
    data["sources"] = [{k: _day(val) for k, val in r.items()} for r in _rows(v.get("sources"), ELECTION_SOURCE_COLUMNS)]
    return data


def from_election(data: dict) -> dict:
    """A calendar entry -> Kalender form values (to correct a stored election)."""
    return {
        "id": data.get("id") or "", "name": data.get("name") or "", "name_en": data.get("name_en") or "",
        "planned": data.get("date") is None and data.get("year") is not None,
        "date": data.get("date"), "year": data.get("year"),
        "regions": list(data.get("regions") or []), "part_of": data.get("part_of") or "",
        "kind": data.get("kind") or "", "note": data.get("note") or "",
        "sources": pd.DataFrame([{k: s.get(k) for k in ELECTION_SOURCE_COLUMNS} for s in data.get("sources") or []],
                                columns=ELECTION_SOURCE_COLUMNS),
    }
