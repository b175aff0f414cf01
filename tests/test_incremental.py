"""Issue 26 §2: a write changes the loaded tables by what it changed. For generated sequences of
creates, merges (another source for a stored ceremony), edits (place, day, venue, id) and
withdrawals through the store's own editing paths, the tables brought up to date by
``context.refresh`` equal a full load of the same store, table for table and row for row, and no
step falls back to a full load."""

from __future__ import annotations

import copy
import datetime as dt
import shutil

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import context, metrics
from dashboard.errors import PetaError
from dashboard.records.tables import COLUMNS, load_records
from dashboard.store.codec import load
from dashboard.store.db import Change
from dashboard.store.editing import User, create, edit, withdraw

from .conftest import DATA

ADMIN = User("admin")
APPLIED: list[int] = []  # steps written per generated sequence (the test after checks they were many)
VERDICTS: list = []  # the whole-store verdicts met (the test after checks both kinds were)
REPORT = {
    "id": "uji-2024-11-20", "region": "32.01.24", "level": "kecamatan", "date": dt.date(2024, 11, 20),
    "elections": ["pilkada-2024"], "kinds": ["ikrar"], "venue": "Aula Kecamatan",
    "signatories": [{"group": "kepala_desa", "count": 13, "all": True}],
    "commitments": [{"category": "netralitas", "text": "Menjaga netralitas"}],
    "readiness": [{"measure": "kesiapan", "percent": 80, "as_of": dt.date(2024, 11, 20)}],
    "sources": [{"outlet": "Warta Uji", "url": "https://warta.contoh.id/uji"}],
}
PLACES = [("32.01.24", "kecamatan"), ("32.01.01", "kecamatan"), ("36.02", "kabupaten/kota"), ("32.01", "kabupaten/kota")]
DAYS = [dt.date(2024, 11, 20), dt.date(2024, 11, 21), dt.date(2024, 2, 1), None]

OPS = st.lists(st.one_of(
    st.tuples(st.just("create"), st.integers(0, 3), st.integers(0, 3), st.sampled_from(["A", "B", "C"])),
    st.tuples(st.just("merge"), st.integers(0, 50), st.sampled_from(["Radar Uji", "Kabar Uji"]), st.booleans()),
    st.tuples(st.just("edit"), st.integers(0, 50), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("withdraw"), st.integers(0, 50)),
), min_size=1, max_size=6)


def _report(place: int, day: int, name: str) -> dict:
    region, level = PLACES[place]
    date = DAYS[day]
    data = {**copy.deepcopy(REPORT), "region": region, "level": level, "date": date,
            "id": f"uji-{name.lower()}-{region.replace('.', '')}-{date.isoformat() if date else 'tanpa-tanggal'}"}
    if date is None:
        data["date_unknown_reason"] = "Berita tidak menyebut tanggal."
        data["readiness"] = [{"measure": "kesiapan", "percent": 70, "as_of": dt.date(2024, 11, 1)}]
    return data


def _same(a, b) -> None:
    for name in COLUMNS:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_like=False, obj=name)


VIEWS = [(dt.date(2024, 11, 27), None), (dt.date(2024, 11, 27), "32.01"), (dt.date(2024, 2, 14), "32")]


def _count_every_view(records, gaz) -> None:
    for e in records.calendar["id"]:
        for day, region in VIEWS:
            metrics.coverage(records, gaz, e, day, region)


def _same_counts(records, full, gaz) -> None:
    """Every view's coverage on the refreshed tables (carried from before the change where its
    election was untouched, issue 39 §2) equals the coverage counted afresh on a full load."""
    for e in records.calendar["id"]:
        for day, region in VIEWS:
            kept, fresh = metrics.coverage(records, gaz, e, day, region), metrics._coverage(full, gaz, e, day, region, None)
            assert kept.headline == fresh.headline and kept.ceremony_ids == fresh.ceremony_ids, (e, day, region)
            pd.testing.assert_frame_equal(kept.units, fresh.units)


@pytest.fixture
def world(tmp_path_factory, gaz, monkeypatch):
    def make():
        data = tmp_path_factory.mktemp("data")
        shutil.copytree(DATA, data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("peta.db*"))
        monkeypatch.setenv("PETA_DB_URL", f"sqlite:///{data / 'peta.db'}")
        monkeypatch.setenv("PETA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        db = context.store(data)
        context.seed(db, gaz, data)
        return db, data
    return make


# generated sequences (55 s, most of it counting every view before and after each step since issue
# 39): slow, as the README's fast loop leaves generated cases to the full suite; the carried counts
# keep a direct fast test below (test_a_save_keeps_what_was_counted_...)
@pytest.mark.slow
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPS)
def test_an_incremental_load_equals_a_full_load(world, gaz, monkeypatch, ops):
    db, data = world()
    full_loads = []
    real = context._records
    monkeypatch.setattr(context, "_records", lambda *a, **k: full_loads.append(1) or real(*a, **k))
    loaded = context.refresh(None, gaz, data, db)
    assert len(full_loads) == 1
    applied = 0
    for op in ops:
        _count_every_view(loaded.records, gaz)  # entries a refresh may carry to the new tables
        rows = db.rows(include_withdrawn=False)
        try:
            if op[0] == "create":
                create(db, gaz, _report(op[1], op[2], op[3]), ADMIN)
            elif op[0] == "merge" and rows:
                target = load(rows[op[1] % len(rows)].data)
                other = {**copy.deepcopy(target), "sources": [{"outlet": op[2]}]}
                if op[3]:
                    other["venue"] = "Pendopo"  # a fact the sources disagree on: a conflict row
                create(db, gaz, other, ADMIN, merge_into=target["id"])
            elif op[0] == "edit" and rows:
                row = rows[op[1] % len(rows)]
                changed = _report(op[2], op[3], "E")
                changed["id"] = load(row.data)["id"] if op[2] % 2 else changed["id"]  # moved, or renamed too
                edit(db, gaz, row.id, changed, ADMIN, row.version)
            elif op[0] == "withdraw" and rows:
                row = rows[op[1] % len(rows)]
                withdraw(db, gaz, row.id, "uji: ditarik", ADMIN, row.version)
            else:
                continue
        except PetaError:
            continue  # refused by the store's checks: nothing written, nothing to follow
        applied += 1
        loaded = context.refresh(loaded, gaz, data, db)
        full = load_records(db, gaz, db.calendar())
        _same(loaded.records, full)
        _same_counts(loaded.records, full, gaz)  # what was carried equals what is counted afresh
    APPLIED.append(applied)
    assert len(full_loads) == 1, "a step fell back to a full load"
    assert f"{loaded.last_change}.{loaded.n_changes}" == db.version()


def test_a_change_of_the_calendar_or_an_unaccounted_change_loads_everything(world, gaz, monkeypatch):
    """What incremental loading cannot follow it does not guess: a changed election, or a change
    committed below the newest number already seen, reload the whole store."""
    from dashboard.store.editing import save_election

    db, data = world()
    loaded = context.refresh(None, gaz, data, db)
    full_loads = []
    real = context._records
    monkeypatch.setattr(context, "_records", lambda *a, **k: full_loads.append(1) or real(*a, **k))
    election = {"id": "psu-uji-2025", "name": "PSU Uji 2025", "date": dt.date(2025, 4, 19),
                "regions": ["32.01"], "part_of": "pilkada-2024", "kind": "psu",
                "sources": [{"outlet": "Warta Uji", "url": "https://warta.contoh.id/psu"}]}
    save_election(db, gaz, election, ADMIN)
    loaded = context.refresh(loaded, gaz, data, db)
    assert full_loads == [1] and "psu-uji-2025" in set(loaded.records.calendar["id"])
    # a late commit: the count of changes says one more than the numbers after the last one seen
    late = type(loaded)(loaded.records, loaded.last_change, loaded.n_changes - 1)
    create(db, gaz, _report(0, 1, "L"), ADMIN)
    again = context.refresh(late, gaz, data, db)
    assert full_loads == [1, 1]
    _same(again.records, load_records(db, gaz, db.calendar()))


@pytest.mark.slow
def test_the_generated_sequences_wrote_to_the_store():
    """The comparison above is not vacuous: most generated steps passed the store's checks and
    were written (run after it, in file order)."""
    if not APPLIED:
        pytest.skip("runs after test_an_incremental_load_equals_a_full_load")
    assert sum(APPLIED) >= 40 and sum(1 for a in APPLIED if a >= 2) >= 10, APPLIED


def test_a_change_the_checks_refuse_is_named_by_a_full_load(world, gaz):
    """A report written past the editing checks (a store shared with an older server, a hand
    edit) that gives a second id to a stored ceremony's place and day is not merged in silently:
    the refresh loads everything again, which names the problem as every load does."""
    db, data = world()
    loaded = context.refresh(None, gaz, data, db)
    c = loaded.records.ceremonies
    first = c[c["date"].notna()].iloc[0]
    level = gaz.get(first["region_code"]).level
    clash = {**_report(0, 0, "X"), "region": first["region_code"], "level": level,
             "date": first["date"].date(), "id": "uji-kembar-" + first["date"].date().isoformat()}
    db.write("uji", [(None, Change("create", clash))], origin="form")
    with pytest.raises(PetaError) as err:
        context.refresh(loaded, gaz, data, db)
    assert any(p.want.code == "same_place_day" for p in err.value.problems)


def _verdict(fn):
    try:
        fn()
    except PetaError as exc:
        return sorted({(p.field, p.want.code, p.record or "") for p in exc.problems})
    return "ok"


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPS)
def test_a_write_checked_against_what_it_touches_gets_the_whole_stores_verdict(world, gaz, ops):
    """Issue 26: a save among 150,000 reports no longer loads them all to check itself; it reads
    the reports it shares an id or a place and day with. For generated creates, merges and edits,
    the narrow check accepts exactly what a load of every stored report accepts, and refuses with
    the same problems."""
    from dashboard.records.read import RawReport
    from dashboard.store.editing import trial_rows, trial_touching

    db, data = world()
    verdicts = []
    for op in ops:
        rows = db.rows(include_withdrawn=False)
        cal = db.calendar()
        if op[0] == "create":
            add, replace = [RawReport("form", _report(op[1], op[2], op[3]))], None
        elif op[0] == "merge" and rows:
            target = load(rows[op[1] % len(rows)].data)
            other = {**copy.deepcopy(target), "sources": [{"outlet": op[2]}]}
            if op[3]:  # another id at a stored ceremony's place and day: refused by both when it is dated
                other["id"] = target["id"][:60] + "-kembar"
            elif op[1] % 3 == 0:
                other["date"] = dt.date(2024, 3, 3)  # another day under the same id: refused by both
            add, replace = [RawReport("form", other)], None
        elif op[0] == "edit" and rows:
            row = rows[op[1] % len(rows)]
            changed = _report(op[2], op[3], "E")
            add, replace = None, {row.id: changed}
        else:
            continue
        full = _verdict(lambda: trial_rows(rows, gaz, cal, replace=replace, add=add))
        narrow = _verdict(lambda: trial_touching(db.touching, gaz, cal, replace=replace, add=add))
        assert narrow == full, (op, narrow, full)
        verdicts.append(full)
        if full == "ok":  # evolve the store, so later steps meet merged and edited ceremonies
            if add:
                db.write("uji", [(None, Change("create", add[0].data))], origin="form")
            else:
                db.write("uji", [(rid, Change("edit", d)) for rid, d in replace.items()], origin="form")
    VERDICTS.extend(verdicts)


def test_the_generated_writes_were_both_accepted_and_refused():
    if not VERDICTS:
        pytest.skip("runs after test_a_write_checked_against_what_it_touches_gets_the_whole_stores_verdict")
    assert sum(v == "ok" for v in VERDICTS) >= 20 and sum(v != "ok" for v in VERDICTS) >= 5, VERDICTS


def test_a_restart_starts_from_the_newest_saved_tables_and_applies_what_changed_since(world, gaz, monkeypatch):
    """A server restarted after saves reads the store's newest saved tables and applies only the
    changes made after them: no full load, and the same tables as one."""
    db, data = world()
    context.refresh(None, gaz, data, db)  # a first start: a full load, saved as the store's latest
    for day in (0, 1):
        create(db, gaz, _report(0, day, "R"), ADMIN)
    full_loads = []
    real = context._records
    monkeypatch.setattr(context, "_records", lambda *a, **k: full_loads.append(1) or real(*a, **k))
    restarted = context.refresh(None, gaz, data, db)
    assert full_loads == []
    _same(restarted.records, load_records(db, gaz, db.calendar()))
    assert f"{restarted.last_change}.{restarted.n_changes}" == db.version()


def test_tables_held_by_a_server_are_the_built_tables_with_each_listed_word_kept_once(world, gaz):
    """A full load keeps the tables as read back from their snapshot (``snapshot.compact``): equal
    to the tables the loader builds, row for row; and a word from a closed list (a kind, an
    election, a signatory group, a commitment category, an outlet) is one string object however
    many reports repeat it, in the tables and in what a restart reads."""
    db, data = world()
    for day in (0, 1):
        create(db, gaz, _report(0, day, "W"), ADMIN)
    held = context.refresh(None, gaz, data, db).records
    _same(held, load_records(db, gaz, db.calendar()))
    restarted = context.refresh(None, gaz, data, db).records
    for records in (held, restarted):
        for table, column in (("kinds", "kind"), ("elections", "election_id"), ("signatories", "group"),
                              ("commitments", "category"), ("sources", "outlet")):
            values = getattr(records, table)[column].dropna()
            assert len(values) > values.nunique(), (table, column)  # the fixture repeats each
            assert len({id(v) for v in values}) == values.nunique(), (table, column)


def test_a_save_keeps_what_was_counted_for_the_elections_it_does_not_touch(world, gaz):
    """Issue 39 §2: after a save of a Pilkada ceremony, Pemilu 2024's counts are the ones already
    made (the same objects), Pilkada's are made again and count the new ceremony."""
    db, data = world()
    loaded = context.refresh(None, gaz, data, db)
    day = dt.date(2024, 11, 27)
    pemilu = metrics.coverage(loaded.records, gaz, "pemilu-2024", dt.date(2024, 2, 14), None)
    pilkada = metrics.coverage(loaded.records, gaz, "pilkada-2024", day, None)
    create(db, gaz, _report(0, 0, "A"), ADMIN)
    after = context.refresh(loaded, gaz, data, db)
    assert after.records is not loaded.records
    assert metrics.coverage(after.records, gaz, "pemilu-2024", dt.date(2024, 2, 14), None) is pemilu
    again = metrics.coverage(after.records, gaz, "pilkada-2024", day, None)
    assert again is not pilkada and len(again.ceremony_ids) == len(pilkada.ceremony_ids) + 1


def _index_parts(idx) -> tuple:
    return (idx.own, idx.binding_regions, idx.lead, idx.pemda, idx.own_u, idx.lead_u, idx.pemda_u,
            list(idx.undated["id"]))


def test_a_saved_change_brings_the_counted_index_up_to_date_as_a_fresh_build_would(world, gaz):
    """Issue 39 §2: the index of an election a save touched is the one before with the touched
    ceremonies taken out and put in again (not built from every ceremony), and equals a fresh
    build after creates (one undated), a move past the view's date, an undated one given its day and a withdrawal,
    also when nobody asked in between (two changes brought up at once)."""
    db, data = world()
    loaded = context.refresh(None, gaz, data, db)
    keys = [("pilkada-2024", dt.date(2024, 11, 27)), ("pilkada-2024", None), ("pemilu-2024", dt.date(2024, 2, 14))]

    def ask(records):
        for e, day in keys:
            metrics._index(records, e, day)
            metrics.coverage(records, gaz, e, day or dt.date(2024, 11, 27), "32.01")

    ask(loaded.records)
    built = []
    real = metrics._Index.__init__
    steps = [lambda: create(db, gaz, {**_report(2, 0, "A"), "region": "36.01", "id": "uji-a-3601-2024-11-20"}, ADMIN),  # Kab. Pandeglang: nothing else there
             lambda: create(db, gaz, _report(1, 3, "B"), ADMIN)]

    def moved():  # the first new one edited: another day, after the view's date
        row = next(r for r in db.rows(include_withdrawn=False) if load(r.data)["id"].startswith("uji-a"))
        changed = {**load(row.data), "date": dt.date(2024, 12, 30)}
        edit(db, gaz, row.id, changed, ADMIN, row.version)

    def dated():  # the second one was undated: now it has its day
        row = next(r for r in db.rows(include_withdrawn=False) if load(r.data)["id"].startswith("uji-b"))
        changed = {k: v for k, v in load(row.data).items() if k != "date_unknown_reason"}
        edit(db, gaz, row.id, {**changed, "date": dt.date(2024, 11, 19)}, ADMIN, row.version)

    def gone():
        row = next(r for r in db.rows(include_withdrawn=False) if load(r.data)["id"].startswith("uji-b"))
        withdraw(db, gaz, row.id, "uji: ditarik", ADMIN, row.version)

    for i, step in enumerate([*steps, moved, dated, gone]):
        step()
        loaded = context.refresh(loaded, gaz, data, db)
        if i == 0:
            continue  # asked after the next change only: two changes brought up at once
        try:
            metrics._Index.__init__ = lambda self, *a: built.append(a) or real(self, *a)
            ask(loaded.records)
        finally:
            metrics._Index.__init__ = real
        assert not built, "an index was built from every ceremony instead of brought up to date"
        full = load_records(db, gaz, db.calendar())
        for e, day in keys:
            assert _index_parts(metrics._index(loaded.records, e, day)) == _index_parts(metrics._Index(full, e, day)), (i, e, day)
        _same_counts(loaded.records, full, gaz)


def test_a_save_keeps_few_stale_indexes_and_drops_them_after_many_saves():
    """Issue 39 §2: stale entries are bounded: at most Derived.MAX_STALE indexes (each holds every id
    of its election: tens of MiB at 150,000 reports) and none carried through more than MAX_CHANGES
    saves; the binding groups are kept besides."""
    from dashboard.records.tables import Change, Derived

    d = Derived()
    for i in range(10):
        d.index(("pilkada-2024", dt.date(2024, 11, i + 1)), lambda i=i: f"index {i}")
    d.index(("pemilu-2024", None), lambda: "pemilu")
    d.once("binding_groups", lambda: "groups")
    change = Change(frozenset({"x"}), pd.DataFrame(), None)
    after = d.carried({"pilkada-2024"}, change)
    stale = [k for k in after._stale if k[0] == "index"]
    assert stale == [("index", ("pilkada-2024", dt.date(2024, 11, i + 1))) for i in range(10 - Derived.MAX_STALE, 10)]
    assert ("once", "binding_groups") in after._stale and after.index(("pemilu-2024", None), None) == "pemilu"
    for _ in range(Derived.MAX_CHANGES):
        after = after.carried({"pilkada-2024"}, change)
    assert not after._stale  # carried through too many saves: built afresh when asked
