"""Issue 38: every fixture article has a reviewer's label (``labels.yaml`` beside it): what a
reviewer would save from it, in the keys of a saved record, used to measure how often the reader's
*Pasti* is right on the fixtures. This keeps the labels complete and well formed as fixtures are
added: one entry per article, known keys, region codes the gazetteer knows, election ids of the
calendar the folder's articles are read with, dates or null."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from dashboard.extract.fields import GROUP_WORDS, WITNESS_WORDS
from dashboard.records.vocab import KINDS

from .conftest import DATA, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
# each folder with the calendar its articles are read with (the psu articles: the re-vote calendar)
FOLDERS = {"articles": DATA, "articles-calibration": DATA, "articles-classes": DATA,
           "articles-psu": FIXTURES / "calendar-psu"}
CEREMONY_KEYS = {"read_with", "is_ceremony", "region", "date", "elections", "kinds", "leader", "signatories",
                 "witnesses"}
NOT_CEREMONY_KEYS = {"read_with", "is_ceremony"}


def _labels(folder: str) -> dict:
    return yaml.safe_load((FIXTURES / folder / "labels.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_one_label_per_article(folder):
    articles = {p.name for p in (FIXTURES / folder).iterdir() if p.suffix in (".txt", ".html")}
    assert set(_labels(folder)) == articles


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_each_label_is_a_record_a_reviewer_could_save(folder, gaz):
    elections = {e["id"] for e in yaml.safe_load((FOLDERS[folder] / "elections.yaml").read_text(encoding="utf-8"))}
    for name, label in _labels(folder).items():
        where = f"{folder}/{name}"
        assert isinstance(label.get("is_ceremony"), bool), where
        read_with = label.get("read_with") or {}
        assert set(read_with) <= {"url", "published"}, where
        assert isinstance(read_with.get("published", dt.date.min), dt.date), where
        assert isinstance(read_with.get("url", ""), str), where
        if not label["is_ceremony"]:
            assert set(label) <= NOT_CEREMONY_KEYS, (where, set(label) - NOT_CEREMONY_KEYS)
            continue
        assert set(label) == CEREMONY_KEYS, (where, set(label) ^ CEREMONY_KEYS)
        region = label["region"]  # null only where the article does not tell which region
        assert region is None or (isinstance(region, str) and region in gaz), (where, region)
        assert label["date"] is None or type(label["date"]) is dt.date, (where, label["date"])
        assert set(label["elections"]) <= elections, (where, label["elections"])
        assert label["kinds"] and set(label["kinds"]) <= set(KINDS), (where, label["kinds"])
        assert set(label["signatories"]) <= set(GROUP_WORDS), (where, label["signatories"])
        assert set(label["witnesses"]) <= set(WITNESS_WORDS), (where, label["witnesses"])
        leader = label["leader"]
        if leader is not None:
            assert set(leader) == {"name", "role"} and leader["role"], (where, leader)
            assert leader["name"] is None or isinstance(leader["name"], str), (where, leader)
