"""How often *Pasti* is right on our own fixtures (issue 38): every article written for the reader's
tests is read as its tests read it and compared, field by field, with what a reviewer would save from
it (``labels.yaml`` beside the articles), by the same count as the replay on the national record
(:class:`dashboard.curation.Tally`).

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.calibration

prints the table the README shows; ``tests/test_calibration_table.py`` computes it again and checks
that the README holds exactly this table, and that *Pasti* is right in at least 98 % of cases for
every field. These articles are the ones the rules were written from: the table shows the rules at
work and that *Pasti* is kept for what the text settles, not the reader's accuracy on unseen news
(the replay and the owners' set measure that).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("articles", "articles-calibration", "articles-classes", "articles-psu")
FIXTURES = ROOT / "tests" / "fixtures"
# the calendar each folder's tests read with (the tests' own, never the shipped one, which grows)
CALENDAR = FIXTURES / "data"
CALENDARS = {"articles-psu": FIXTURES / "calendar-psu"}


def labelled(folder: Path) -> dict[str, dict]:
    """``labels.yaml`` of a fixture folder: article file name -> what a reviewer saves."""
    return yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or {}


def as_record(label: dict) -> dict | None:
    """A label in the shape of a saved record (None: the reviewer judged it no ceremony)."""
    if not label.get("is_ceremony"):
        return None
    leader = label.get("leader") or {}
    return {"region": label.get("region"), "date": label.get("date"), "elections": label.get("elections") or [],
            "kinds": label.get("kinds") or [], "leader": leader,
            "signatories": [{"group": g} for g in label.get("signatories") or []],
            "witnesses": label.get("witnesses") or []}


def drafted(path: Path, how: dict, gaz, cal, places) -> dict:
    """The reader's draft of the article at ``path``, read with the link and publication day a
    label gives (``how``: ``url``, ``published`` as a date or ISO text)."""
    from dashboard.extract.article import read_source
    from dashboard.extract.draft import extract

    published = how.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return extract(read_source(str(path), url=how.get("url"), published=published), gaz, cal, places).to_dict()


def print_tally(tally, heading: str) -> None:
    """The table and each field that was sure and wrong, as both measurements print them."""
    print(heading)
    print(tally.markdown())
    for w in tally.sure_wrong:
        print(f"sure but wrong: {w['article']} {w['field']}: read {w['read']!r}, labelled {w['recorded']!r}")


def calibrate(gaz, folders=FOLDERS):
    """The :class:`~dashboard.curation.Tally` of every labelled fixture article."""
    from dashboard.curation import Tally
    from dashboard.extract.draft import Calendar
    from dashboard.extract.places import PlaceIndex
    from dashboard.records.read import read_calendar

    places, tally = PlaceIndex(gaz), Tally()
    for name in folders:
        folder = FIXTURES / name
        cal = Calendar.from_raw(read_calendar(CALENDARS.get(name, CALENDAR)))
        for file, label in sorted(labelled(folder).items()):
            draft = drafted(folder / file, label.get("read_with") or {}, gaz, cal, places)
            tally.add(f"{name}/{file}", draft, as_record(label))
    return tally


def main() -> int:
    from dashboard import context

    tally = calibrate(context.gazetteer())
    n = sum(len(labelled(FIXTURES / f)) for f in FOLDERS)
    print_tally(tally, f"{n} fixture articles read")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
