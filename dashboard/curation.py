"""The curation log: what a reviewer changed between the article reader's draft and the record
that ships (issue 36).

Each curated record in ``data/ceremonies/`` came from a news article through the product's own
path: ``extract`` made a draft, a person checked it against the article and wrote the record. The
log (``data/curation/*.csv``, one row per source) keeps, for each article, which fields the reviewer
had to change and why, and how long the review took, so the reader's accuracy on real news is a
measured figure and not a claim. It never holds a sentence of the article: only field names, the
reviewer's own few words, and the link.

A field counts as *changed* when the record's value differs from the draft's value as the
review page would have saved it (same comparison for every field, :func:`compare`); a
leader's role is compared as :func:`dashboard.roles.role_key` writes it, so *Sekda Muna Barat* and
*Sekretaris Daerah Kabupaten Muna Barat* are one role, *Bupati* and *Penjabat Bupati* two. A field
the draft marked *Pasti* (``sure``) and the reviewer changed is a *sure but wrong* reading: the
calibration figure issue 38 asks for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .errors import PetaError, msg
from .io import files, workbooks
from .roles import role_key

# the fields a reviewer decides on, in the order the review page shows them
FIELDS = ("is_ceremony", "region", "date", "elections", "kinds", "leader", "leader_role", "signatories",
          "witnesses")
LOG_COLUMNS = ("record_id", "url", "changed", "sure_changed", "sure_kept", "why", "seconds")


def _record_values(record: dict | None) -> dict:
    """A record's values in the draft's shapes; None means the reviewer judged it no ceremony."""
    if record is None:
        return {"is_ceremony": False}
    day = record.get("date")
    leader = record.get("leader") or {}
    return {
        "is_ceremony": True,
        "region": str(record.get("region") or "") or None,
        "date": day.isoformat() if isinstance(day, dt.date) else (str(day) if day else None),
        "elections": sorted(record.get("elections") or []),
        "kinds": sorted(record.get("kinds") or []),
        "leader": _name(leader.get("name")),
        "leader_role": role_key(leader.get("role")),
        "signatories": sorted({str(x.get("group")) for x in record.get("signatories") or [] if isinstance(x, dict)}),
        "witnesses": sorted(record.get("witnesses") or []),
    }


def _draft_values(draft: dict) -> dict:
    leader = (draft.get("leader") or {}).get("value") or {}
    return {
        "is_ceremony": bool((draft.get("is_ceremony") or {}).get("value")),
        "region": (draft.get("region") or {}).get("value") or None,
        "date": (draft.get("date") or {}).get("value") or None,
        "elections": sorted((draft.get("elections") or {}).get("value") or []),
        "kinds": sorted((draft.get("kinds") or {}).get("value") or []),
        "leader": _name(leader.get("name") if isinstance(leader, dict) else None),
        "leader_role": role_key(leader.get("role") if isinstance(leader, dict) else None),
        "signatories": sorted({str(x.get("group")) for x in (draft.get("signatories") or {}).get("value") or []
                               if isinstance(x, dict)}),
        "witnesses": sorted((draft.get("witnesses") or {}).get("value") or []),
    }


def _name(value) -> str | None:
    """A person's name compared without case, spacing or punctuation (an initial's dot, a degree's
    comma), nor the initials written in one report and left out in another ("Yohanes K. Wenda",
    "Yohanes Wenda"; "R. Budi Santoso", "Budi Santoso")."""
    if not value:
        return None
    words = str(value).replace(",", " ").replace(".", " ").split()
    return " ".join(w for w in words if len(w) > 1 or len(words) == 1).casefold() or None


@dataclass(frozen=True)
class Review:
    """One article's review: what changed and which of those the draft had called sure."""
    changed: tuple[str, ...]
    sure_changed: tuple[str, ...]
    sure_kept: tuple[str, ...]


def compare(draft: dict, record: dict | None) -> Review:
    """Which of :data:`FIELDS` the reviewer changed. For a record judged no ceremony (``None``)
    only ``is_ceremony`` is compared: the other fields were never filled in."""
    got, want = _draft_values(draft), _record_values(record)
    fields = FIELDS if record is not None else ("is_ceremony",)
    changed, sure_changed, sure_kept = [], [], []
    for f in fields:
        # the role is read with the leader and shares its confidence
        sure = (draft.get("leader" if f == "leader_role" else f) or {}).get("confidence") == "sure"
        if got.get(f) != want.get(f):
            changed.append(f)
            if sure:
                sure_changed.append(f)
        elif sure:
            sure_kept.append(f)
    return Review(tuple(changed), tuple(sure_changed), tuple(sure_kept))


class Tally:
    """Per field, over many articles: how often the reader agreed with the reviewer, how often it
    said *Pasti*, and how often *Pasti* was right; the fields it was sure of and wrong, named. The
    one count behind the replay on the national record (``benchmarks/replay.py``) and the
    calibration on our own fixtures (``benchmarks/calibration.py``)."""

    def __init__(self) -> None:
        self.fields = {f: {"reviewed": 0, "agree": 0, "sure": 0, "sure_right": 0} for f in FIELDS}
        self.sure_wrong: list[dict] = []

    def add(self, name: str, draft: dict, record: dict | None, only: tuple[str, ...] | None = None) -> Review:
        """Count one article; ``only``: the fields the reviewer decided (all, else only ``is_ceremony``
        for an article judged no ceremony)."""
        review = compare(draft, record)
        fields = only or (FIELDS if record is not None else ("is_ceremony",))
        for f in fields:
            c = self.fields[f]
            c["reviewed"] += 1
            c["agree"] += f not in review.changed
            if f in review.sure_changed or f in review.sure_kept:
                c["sure"] += 1
                c["sure_right"] += f in review.sure_kept
            if f in review.sure_changed:
                self.sure_wrong.append({"field": f, "article": name, "read": _draft_values(draft).get(f),
                                        "recorded": _record_values(record).get(f)})
        return review

    def markdown(self) -> str:
        """The table the README and the data guide show."""
        lines = ["| field | articles | reader agrees with the reviewer | marked *Pasti* | *Pasti* right |",
                 "| --- | ---: | ---: | ---: | ---: |"]
        for f, c in self.fields.items():
            agree = f"{c['agree']} ({c['agree'] / c['reviewed']:.0%})" if c["reviewed"] else "–"
            right = f"{c['sure_right']} ({c['sure_right'] / c['sure']:.1%})" if c["sure"] else "–"
            lines.append(f"| {f} | {c['reviewed']} | {agree} | {c['sure']} | {right} |")
        return "\n".join(lines)


def read_log(folder: Path) -> list[dict]:
    """Every row of every ``*.csv`` in ``folder``; a row missing a column is named, never skipped."""
    rows: list[dict] = []
    for path in sorted(Path(folder).glob("*.csv")):
        with files.csv_rows(path) as reader:
            missing = [c for c in LOG_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise PetaError.single("(columns)", ", ".join(missing), msg("log_columns", columns=list(LOG_COLUMNS)),
                                       file=str(path))
            for n, row in enumerate(reader, start=2):
                row["_where"] = f"{path.name}:{n}"
                rows.append(row)
    return rows


def _split(cell: str) -> list[str]:
    return [x for x in (cell or "").split(";") if x]


def summary(rows: list[dict]) -> dict:
    """Per field: how many drafts the reviewer corrected, and how often *Pasti* was right."""
    out: dict = {"articles": len(rows), "fields": {}}
    ceremonies = [r for r in rows if r.get("record_id")]
    for f in FIELDS:
        pool = rows if f == "is_ceremony" else ceremonies
        changed = sum(f in _split(r["changed"]) for r in pool)
        sure_wrong = sum(f in _split(r["sure_changed"]) for r in pool)
        sure_right = sum(f in _split(r["sure_kept"]) for r in pool)
        out["fields"][f] = {"reviewed": len(pool), "corrected": changed,
                            "sure": sure_wrong + sure_right, "sure_right": sure_right}
    secs = sorted(float(r["seconds"]) for r in rows if (r.get("seconds") or "").strip())
    out["seconds_median"] = secs[len(secs) // 2] if secs else None
    return out


def summary_markdown(s: dict) -> str:
    """The README's table, from :func:`summary`."""
    lines = ["| field | drafts reviewed | corrected by the reviewer | marked *Pasti* | *Pasti* right |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for f, v in s["fields"].items():
        corrected = f"{v['corrected']} ({v['corrected'] / v['reviewed']:.0%})" if v["reviewed"] else "–"
        right = f"{v['sure_right']} ({v['sure_right'] / v['sure']:.0%})" if v["sure"] else "–"
        lines.append(f"| {f} | {v['reviewed']} | {corrected} | {v['sure']} | {right} |")
    return "\n".join(lines)


def log_row(record_id: str, url: str, review: Review, why: str, seconds: float | None) -> str:
    """One CSV line (with its newline) for the log."""
    return workbooks.csv_lines([
        [record_id, url, ";".join(review.changed), ";".join(review.sure_changed), ";".join(review.sure_kept),
         why, "" if seconds is None else f"{seconds:.0f}"]])
