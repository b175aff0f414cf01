"""Issue 39 §2: a view made after a save does only the work it shows. Ringkasan's five latest
ceremonies are picked before rows are written, and one page run's repeated coverage is computed
once; neither may change a figure or an order."""

from __future__ import annotations

import datetime as dt

from dashboard import context, metrics, views
from dashboard.forms import formdata
from dashboard.store import editing
from dashboard.store.editing import User

# kecamatan of Kab. Bogor: several ceremonies on one day (ties), as a busy week of pledges gives
KECAMATAN = ["32.01.01", "32.01.02", "32.01.03", "32.01.04", "32.01.05", "32.01.06", "32.01.07"]


def _records_with_ties(fresh_store, gaz):
    db, data = fresh_store
    for i, code in enumerate(KECAMATAN):
        day = dt.date(2024, 11, 20) if i < 4 else dt.date(2024, 11, 21)  # four on one day, three on the next
        report = formdata.to_report({"region": code, "date": day, "elections": ["pilkada-2024"],
                                     "kinds": ["apel"], "sources": [{"outlet": "Warta Uji", "title": f"Apel {i}"}]})
        editing.create(db, gaz, {**report, "id": f"uji-{code.replace('.', '-')}-{day.isoformat()}"}, User("admin"))
    return context.records(gaz, data)


def test_the_newest_ceremonies_are_the_first_rows_of_the_full_table(fresh_store, gaz):
    rec = _records_with_ties(fresh_store, gaz)
    ids = list(rec.ceremonies["id"])  # dated ones, ties, and the undated Bekasi sosialisasi
    assert rec.ceremonies["date"].isna().any()
    everything = views.ceremony_rows(rec, ids, "id")
    for n in range(1, len(ids) + 2):
        picked = views.newest_ids(rec, ids, n)
        assert picked == list(everything["id"].head(n)), n
        assert views.ceremony_rows(rec, picked, "id").equals(everything.head(n).reset_index(drop=True))
    # and Ringkasan's list is those rows
    cov = metrics.coverage(rec, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32.01")
    s = views.summary(rec, cov, "id")
    assert list(s.recent["id"]) == list(views.ceremony_rows(rec, cov.ceremony_ids, "id")["id"].head(5))
    assert len(s.recent) == 5


def test_one_coverage_per_view_asked_again_is_the_same_result(records, gaz):
    day = dt.date(2024, 11, 27)
    first = metrics.coverage(records, gaz, "pilkada-2024", day, "32.01")
    assert metrics.coverage(records, gaz, "pilkada-2024", day, "32.01") is first
    other = metrics.coverage(records, gaz, "pilkada-2024", day - dt.timedelta(days=1), "32.01")
    assert other is not first
    # another level, another result; the same figures as computed afresh
    national = metrics.coverage(records, gaz, "pilkada-2024", day, None, level="kabupaten/kota")
    fresh = metrics._coverage(records, gaz, "pilkada-2024", day, None, "kabupaten/kota")
    assert national.units.equals(fresh.units) and national.headline == fresh.headline


def test_the_coverage_kept_is_bounded(records, gaz):
    """Only the last few views are kept: a session stepping through every day of a season must
    not keep a national coverage per day."""
    bound = records.derived.MAX_RECENT
    days = [dt.date(2024, 10, 1) + dt.timedelta(days=i) for i in range(bound + 1)]
    first = metrics.coverage(records, gaz, "pilkada-2024", days[0], "32.01")
    for day in days[1:]:
        metrics.coverage(records, gaz, "pilkada-2024", day, "32.01")
    assert len(records.derived._recent) <= bound
    assert metrics.coverage(records, gaz, "pilkada-2024", days[0], "32.01") is not first  # let go, made again
