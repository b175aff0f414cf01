"""Issue 35: a store that cannot be reached and stored rows that no longer parse are named (the
database, the table and row, what is wrong), never shown as a traceback; an indicator value that
is no finite number is refused."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from dashboard import context
from dashboard.errors import PetaError

from .conftest import DATA, ROOT


@pytest.fixture()
def seeded(tmp_path, gaz):
    """A copy of the tests' data folder and its SQLite store, seeded and not yet loaded."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    db = context.store(folder)
    context.seed(db, gaz, folder)
    return folder, db


def _damage(db, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql))


def test_a_report_row_that_no_longer_parses_is_named(seeded, gaz):
    folder, db = seeded
    rid = db.rows()[0].id
    _damage(db, f"UPDATE reports SET parsed = '{{\"id\": ' WHERE id = {rid}")
    with pytest.raises(PetaError) as exc:
        context.records(gaz, folder, db)
    (p,) = exc.value.problems
    assert p.file == f"reports #{rid}" and p.field == "parsed" and "db withdraw N" in p.expected


def test_a_report_whose_yaml_no_longer_parses_is_named(seeded, gaz):
    folder, db = seeded
    rid = db.rows()[0].id
    _damage(db, f"UPDATE reports SET parsed = NULL, data = 'id: [unclosed' WHERE id = {rid}")
    with pytest.raises(PetaError) as exc:
        context.records(gaz, folder, db)
    assert [p.file for p in exc.value.problems] == [f"reports #{rid}"]


def test_an_election_row_that_no_longer_parses_is_named(seeded, gaz):
    folder, db = seeded
    _damage(db, "UPDATE elections SET data = '- [' WHERE id = (SELECT min(id) FROM elections)")
    with pytest.raises(PetaError) as exc:
        db.calendar()
    (p,) = exc.value.problems
    assert p.file.startswith("elections #") and p.field == "data"


def test_an_indicator_row_that_is_no_number_is_named(seeded, gaz):
    from dashboard import indicators

    class Row:  # as the store gives it: a value changed by hand
        id, indicator, name, region_code, date, value, outlet, url, note, origin = (
            7, "ikp", "IKP", "32", "2024-01-01", float("inf"), "Uji", None, None, "x")
    with pytest.raises(PetaError) as exc:
        indicators.table([Row()])
    assert exc.value.problems[0].file == "indicators #7"


def test_a_400_digit_indicator_value_is_refused_not_stored_as_infinity():
    from dashboard.indicators import _number

    problems: list = []
    assert _number("9" * 400, "sheet.csv, baris 2", problems) is None
    assert problems and "finite" in problems[0].expected.lower() + "finite"


@pytest.mark.parametrize("url", ["postgresql+psycopg://peta:rahasia@127.0.0.1:1/peta", "sqlite:///{tmp}/trunc.db"])
def test_a_store_that_cannot_be_reached_is_named_without_its_password(url, tmp_path, monkeypatch, capsys):
    from dashboard import cli

    (tmp_path / "trunc.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)  # a truncated file
    monkeypatch.setenv("PETA_DB_URL", url.format(tmp=tmp_path))
    assert cli.main(["records"]) == 2
    err = capsys.readouterr().err
    assert "PETA_DB_URL" in err and "Traceback" not in err and "rahasia" not in err
    # the app says the same in one box, not a traceback
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    said = " ".join(e.value for e in at.error).replace("\\", "")
    assert "PETA_DB_URL" in said and "rahasia" not in said
