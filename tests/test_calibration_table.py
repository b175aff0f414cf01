"""Issue 38's calibration, kept true: the README's table of how often *Pasti* is right on our own
fixtures is the one the reader gives today (``benchmarks/calibration.py`` on every labelled fixture
article), *Pasti* is right in at least 98 % of cases for every field, and the README's table for
the national record is the one the last replay measured (``benchmarks/results-replay.json``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import calibration
from dashboard.curation import FIELDS, Tally

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tally(gaz) -> Tally:
    return calibration.calibrate(gaz)


def test_every_fixture_article_is_read_and_counted(tally):
    n = sum(len(calibration.labelled(calibration.FIXTURES / f)) for f in calibration.FOLDERS)
    assert tally.fields["is_ceremony"]["reviewed"] == n and n >= 70


def test_pasti_is_right_in_98_percent_of_cases_for_every_field(tally):
    for f, c in tally.fields.items():
        if c["sure"]:
            assert c["sure_right"] / c["sure"] >= 0.98, (f, c, [w for w in tally.sure_wrong if w["field"] == f])
    # a reading that is never sure says nothing: the fields a reviewer decides most are sure often
    assert all(tally.fields[f]["sure"] for f in ("is_ceremony", "region", "date", "elections", "kinds", "leader"))


def test_the_readme_shows_the_fixture_table_as_the_reader_gives_it(tally):
    assert tally.markdown() in README, "README's fixture table is stale: run python -m benchmarks.calibration"


def test_the_readme_shows_the_national_table_as_last_replayed():
    measured = json.loads((ROOT / "benchmarks" / "results-replay.json").read_text(encoding="utf-8"))
    replay = Tally()
    replay.fields = {f: measured["fields"][f] for f in FIELDS}
    assert replay.markdown() in README, "README's national table is not the one in benchmarks/results-replay.json"


def test_a_sure_but_wrong_field_is_counted_against_pasti():
    """The count can fail: a draft sure of a region the reviewer changed is *Pasti* wrong."""
    t = Tally()
    draft = {"is_ceremony": {"value": True, "confidence": "sure"},
             "region": {"value": "32.01", "confidence": "sure"}}
    t.add("x", draft, {"region": "32.02"}, only=("is_ceremony", "region"))
    assert t.fields["region"] == {"reviewed": 1, "agree": 0, "sure": 1, "sure_right": 0}
    assert t.fields["is_ceremony"]["sure_right"] == 1
    assert t.sure_wrong == [{"field": "region", "article": "x", "read": "32.01", "recorded": "32.02"}]


def test_the_readme_shows_the_blind_labelled_table_as_last_measured():
    measured = json.loads((ROOT / "benchmarks" / "results-heldout.json").read_text(encoding="utf-8"))
    held = Tally()
    held.fields = {f: measured["fields"][f] for f in FIELDS}
    assert held.markdown() in README, "README's blind-labelled table is not the one in benchmarks/results-heldout.json"
