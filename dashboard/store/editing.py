"""Creating, editing, withdrawing and merging reports (and adding or correcting an election of
the calendar), for the form, the import, the Kalender page and the CLI.

Validation comes first and covers everything the loader would check: every change is tried
on the whole set of stored reports (the same ``load_records`` the pages use) before anything
is written, so a saved change can never make the records unloadable. Then one transaction
writes it with its audit row. Access is checked here too, not only in the page, so no path
writes outside a user's region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import codes
from ..errors import PetaError, Problem, msg
from ..records.read import RawReport
from ..records.tables import _check_identity, election_regions, load_records
from ..records.validate import validate_report
from ..regions import Gazetteer
from .codec import report_name, row_data
from .db import Change, Store, add_attachments, close_draft


@dataclass(frozen=True)
class User:
    name: str
    region: str | None = None  # None: every region; else a code: the user writes only there and below

    def may_write(self, region_code: str) -> bool:
        return not self.region or codes.within(region_code, self.region)


def _access(user: User | None):
    """The access rule as the store asks it under its write lock, for every row a write touches."""
    return lambda region_code, record: check_access(user, region_code, record)


def check_access(user: User | None, region_code: str, record: str | None = None) -> None:
    if user is None:
        raise PetaError.single("user", None, msg("signed_in"), record=record)
    if not user.may_write(str(region_code)):
        raise PetaError.single("region", region_code, msg("within_user_region", region=user.region, user=user.name),
                               record=record)


def add_indicators(store: Store, values, user: User | None, origin: str, check) -> int:
    """Indicator values written as ``user``, who must be signed in and may write only in their
    region: checked by the store under its write lock, for every value (issue 40)."""
    if user is None:
        raise PetaError.single("user", None, msg("signed_in"))
    return store.add_indicators(values, user.name, origin, check, access=_access(user))


class _List:
    def __init__(self, reports: list[RawReport]):
        self._reports = reports

    def reports(self) -> list[RawReport]:
        return self._reports


def trial(store: Store, gaz: Gazetteer, calendar: list[RawReport], replace: dict[int, dict | None] | None = None,
          add: list[RawReport] | None = None) -> None:
    """A preview of :func:`trial_touching` on the store as it is now (the import's check before the
    user decides). Writes check again under the write lock, with the store's calendar as it is
    then (a calendar change made meanwhile is seen)."""
    trial_touching(store.touching, gaz, calendar, replace, add)


def trial_touching(touching, gaz: Gazetteer, calendar: list[RawReport], replace: dict[int, dict | None] | None = None,
                   add: list[RawReport] | None = None) -> list:
    """Raise the loader's PetaError if the store, with ``replace`` (row id → new data, or None to
    withdraw) and ``add`` applied, would not load; reads only the stored reports the change can
    clash with (``touching(ceremony_ids, place_days)``, see :meth:`Store.touching`), and returns them.

    The same verdict as :func:`trial_rows` over every stored report, on a store that loads (every
    write keeps it so): a stored report the change does not share an id or a place and day with
    cannot make it fail, and the changed reports are checked whole (``tests/test_incremental.py``
    compares the two on generated changes). A withdrawal cannot make a store fail to load."""
    replace = replace or {}
    changed = [RawReport(report_name(rid), data) for rid, data in replace.items() if data is not None]
    changed += list(add or [])
    problems: list[Problem] = []
    elections = election_regions(calendar)
    for r in changed:
        validate_report(r, gaz, elections, problems)
    if problems:
        raise PetaError(problems, summary=msg("records_refused", n=len(problems)))
    ids = {r.data["id"] for r in changed}
    days = {(r.data["region"], r.data["date"].isoformat()) for r in changed if r.data.get("date") is not None}
    rows = touching(ids, days)
    stored = [RawReport(report_name(row.id, row.origin), row_data(row.data, row.parsed))
              for row in rows if row.id not in replace]
    problems = _check_identity(stored + changed)
    if problems:
        raise PetaError(problems, summary=msg("records_refused", n=len(problems)))
    return rows


def trial_rows(rows, gaz: Gazetteer, calendar: list[RawReport], replace: dict[int, dict | None] | None = None,
               add: list[RawReport] | None = None) -> None:
    """Raise the loader's PetaError if the active ``rows``, with ``replace`` (row id → new data,
    or None to withdraw) and ``add`` applied, would not load."""
    replace = replace or {}
    reports = []
    for row in rows:
        if row.status != "active":
            continue
        if row.id in replace:
            if replace[row.id] is None:
                continue
            reports.append(RawReport(report_name(row.id), replace[row.id]))
        else:
            reports.append(RawReport(report_name(row.id, row.origin), row_data(row.data, row.parsed)))
    load_records(_List(reports + list(add or [])), gaz, calendar)


def new_id(store: Store, gaz: Gazetteer, region: str, date, taken: set[str] | None = None) -> str:
    """"<place>-<code>-<date>" (or "-tanpa-tanggal"), unique among stored ceremonies and ``taken``.

    The full Kemendagri code is in the id because names repeat (Kec. Caringin is in Kab. Bogor and
    in Kab. Sukabumi): two places never share an id. An id already taken gets "-2", "-3", ...; so
    each undated ceremony gets its own id once the ones already handed out are in ``taken`` (an
    import adds every undated row's id; two dated rows of one place and day share theirs, as two
    sources of one ceremony)."""
    name = re.sub(r"[^a-z0-9]+", "-", gaz.get(region).name.lower()).strip("-")[:50] or "upacara"
    code = re.sub(r"[^0-9]", "", region)
    base = f"{name}-{code}-{date.isoformat() if date else 'tanpa-tanggal'}"
    if taken is None:
        taken = store.ceremony_ids()
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass(frozen=True)
class Imported:
    """What an import wrote: rows (reports), the ceremonies they belong to (new ones, and stored
    ones given another source) and the sources they carry."""
    rows: int
    ceremonies: int
    new_ceremonies: int
    sources: int

    @property
    def added_to(self) -> int:
        return self.ceremonies - self.new_ceremonies


def duplicates(store: Store, region: str, date) -> list:
    """Active reports of another ceremony at the same region on the same date."""
    if date is None:
        return []
    iso = date.isoformat()
    # only that region's rows are read (SQL): the pages ask on every rerun, and a national store
    # holds tens of thousands of reports
    return [r for r in store.rows(include_withdrawn=False, within=region) if r.region_code == region and r.date == iso]


def _id_free(rows, data: dict, merge_into: str | None) -> None:
    """A new ceremony's id is not stored yet (read under the write lock, so a save by someone else a
    moment ago is seen); a report merged into a stored ceremony shares its id on purpose."""
    if not merge_into and any(r.ceremony_id == data.get("id") for r in rows):
        raise PetaError.single("id", data.get("id"), msg("id_unused"), record=data.get("id"))


def create(store: Store, gaz: Gazetteer, data: dict, user: User | None,
           merge_into: str | None = None, proof=()) -> int:
    """Save a new report. ``merge_into``: the id of an existing ceremony this report is another
    source for (the loader merges reports sharing an id, listing any disagreement). ``proof``:
    files of proof (:func:`dashboard.attachments.prepare`) saved with it, in the same transaction."""
    check_access(user, data.get("region", ""), data.get("id"))
    if merge_into:
        data = {**data, "id": merge_into}

    def check(stored, calendar) -> None:  # under the write lock: another user's save in between is seen here
        _id_free(stored.touching({data.get("id")}, set()), data, merge_into)
        trial_touching(stored.touching, gaz, calendar, add=[RawReport("form", data)])

    return store.write(user.name, [(None, Change("merge" if merge_into else "create", data))], origin="form",
                       check=check, access=_access(user), then=_with_proof(proof, user))[0]


def _with_proof(proof, user: User, then=None):
    """The last step of a new report's transaction: its files of proof, then ``then`` (closing its draft)."""
    def step(s, ids) -> None:
        if proof:
            from .models import ReportRow

            add_attachments(s, s.get(ReportRow, ids[0]), list(proof), user.name)
        if then is not None:
            then(s, ids)
    return step


def attach(store: Store, report_id: int, proof, user: User | None) -> list[int]:
    """Add files of proof to a stored report: signed in, within the user's region (asked again by
    the store under its lock, on the report as stored then)."""
    row = store.row(report_id)
    check_access(user, row.region_code, row.ceremony_id)
    return store.attach(user.name, report_id, list(proof), access=_access(user))


def detach(store: Store, attachment_id: int, reason: str, user: User | None) -> None:
    """Remove a file of proof (its bytes erased; its row and history kept), with a reason."""
    if user is None:
        raise PetaError.single("user", None, msg("signed_in"))
    if not reason or not reason.strip():
        raise PetaError.single("reason", reason, msg("proof_reason"))
    store.detach(user.name, attachment_id, reason.strip(), access=_access(user))


def save_draft(store: Store, gaz: Gazetteer, draft_id: int, data: dict,
               user: User | None, merge_into: str | None = None, proof=()) -> int:
    """Save a reviewed draft as a report, through the same checks and access rules as the form,
    and close the draft, in one serialised transaction. The history says it came from an
    article (its link), and who approved it; ``merge_into``: add it as another source of a stored
    ceremony (*Gabungkan sebagai sumber tambahan*); ``proof``: files of proof saved with it."""
    check_access(user, data.get("region", ""), data.get("id"))
    draft = store.draft(draft_id)
    if merge_into:
        data = {**data, "id": merge_into}
    link = draft.url or draft.source

    def check(stored, calendar) -> None:
        _id_free(stored.touching({data.get("id")}, set()), data, merge_into)
        trial_touching(stored.touching, gaz, calendar, add=[RawReport(f"draft-{draft_id}", data)])

    note = f"dari berita, diperiksa dan disetujui: {link}"  # who approved: the change's user
    change = Change("merge" if merge_into else "create", data, note)
    return store.write(user.name, [(None, change, f"article:{link}"[:300])], origin="article", check=check,
                       then=_with_proof(proof, user, lambda s, ids: close_draft(s, draft_id, "saved", user.name, ids[0],
                                                                                data["id"])),
                       access=_access(user))[0]


def edit(store: Store, gaz: Gazetteer, report_id: int, data: dict, user: User | None,
         version: int) -> None:
    row = store.row(report_id)
    check_access(user, row.region_code, row.ceremony_id)
    check_access(user, data.get("region", ""), row.ceremony_id)  # nor move it out of their region
    store.write(user.name, [(report_id, Change("edit", data))], origin="form", expect_version={report_id: version},
                check=lambda stored, calendar: trial_touching(stored.touching, gaz, calendar, replace={report_id: data}),
                access=_access(user))


def withdraw(store: Store, gaz: Gazetteer, report_id: int, reason: str,
             user: User | None, version: int, repair: bool = False) -> None:
    """Withdraw a report (kept, with its history). ``repair=True``: the stored records do not load
    and this report is named at fault, so it is withdrawn without trying the rest (which would
    fail on the same fault); access and the reason are still required."""
    row = store.row(report_id)
    check_access(user, row.region_code, row.ceremony_id)
    if not reason or not reason.strip():
        raise PetaError.single("reason", reason, msg("withdraw_reason"),
                               record=row.ceremony_id)
    store.write(user.name, [(report_id, Change("withdraw", None, reason.strip()))], origin="form",
                expect_version={report_id: version}, access=_access(user),
                check=None if repair else lambda stored, calendar: trial_touching(stored.touching, gaz, calendar,
                                                                               replace={report_id: None}))


def reject_draft(store: Store, draft_id: int, reason: str, user: User | None) -> None:
    """Reject a queued draft: a signed-in user with write access to the region the draft suggests
    (a draft that suggests none: whoever queued it, or a user of every region), and a reason; the
    rejection is kept in the history (*Riwayat*)."""
    import json

    record = f"draf-{draft_id}"
    draft = store.draft(draft_id)
    try:
        region = (json.loads(draft.draft).get("region") or {}).get("value")
    except (ValueError, AttributeError):
        region = None
    if region:
        check_access(user, str(region), record)
    else:
        check_access(user, "", record) if user is None else None
        if user.region and user.name != draft.created_by:
            raise PetaError.single("region", None, msg("draft_within", region=user.region), record=record)
    if not reason or not reason.strip():
        raise PetaError.single("reason", reason, msg("reject_reason"), record=record)
    store.reject_draft(draft_id, user.name, reason.strip())


def import_reports(store: Store, gaz: Gazetteer, reports: list[RawReport],
                   user: User | None, file_name: str, dry_run: bool = False) -> Imported:
    """All rows or none: every row is checked (access and the full loader) before one transaction
    writes them all. Returns what was written (nothing on a dry run)."""
    problems: list[Problem] = []
    for r in reports:
        try:
            check_access(user, str(r.data.get("region", "")), r.data.get("id"))
        except PetaError as exc:
            problems += [Problem(p.field, p.value, p.want, file=r.origin, record=p.record) for p in exc.problems]
    if problems:
        raise PetaError(problems, summary=msg("file_refused", n=len(problems), name=file_name))
    if dry_run:
        trial(store, gaz, store.calendar(), add=reports)
        return Imported(0, 0, 0, 0)
    stored: set[str] = set()

    def check(rows, calendar) -> None:  # under the write lock: the stored ids are the ones this write meets
        stored.update(r.ceremony_id for r in trial_touching(rows.touching, gaz, calendar, add=reports))

    store.write(user.name, [(None, Change("import", r.data, f"{file_name}: {r.origin}"), f"import:{r.origin}")
                            for r in reports], origin=f"import:{file_name}", check=check, access=_access(user))
    ids = {r.data.get("id") for r in reports}
    return Imported(len(reports), len(ids), len(ids - stored), sum(len(r.data.get("sources") or []) for r in reports))


def faulty_rows(store: Store, error: PetaError) -> list:
    """The stored reports a loader error names (``db-<id>`` or a seeded file's name), so a store
    that does not load can be repaired by withdrawing them."""
    names = {part.strip() for p in error.problems if p.file for part in str(p.file).split(",")}
    out = []
    for row in store.rows(include_withdrawn=False):
        if report_name(row.id, row.origin) in names:
            out.append(row)
    return out


def save_election(store: Store, gaz: Gazetteer, data: dict, user: User | None, version: int | None = None) -> None:
    """Add an election to the calendar (``version`` None) or correct a stored one (``version``: the
    one the user opened). Only a user of every region may: the calendar is shared by every region,
    and an election's regions reach beyond any one user's. The entry is checked as a seed entry is
    (``validate_calendar``: a source is required, regions are known codes, ``part_of`` names an
    election whose regions include these), and every stored report must still load with the
    calendar changed (a ceremony for an election its region no longer takes part in is named).
    The change is kept in the history as ``pemilihan:<id>``."""
    record = str(data.get("id"))
    if user is None:
        raise PetaError.single("user", None, msg("calendar_signed_in"), record=record)
    if user.region:
        raise PetaError.single("region", user.region, msg("calendar_every_region", user=user.name, region=user.region),
                               record=record)
    store.write_election(user.name, data, check=lambda rows, calendar: trial_rows(rows, gaz, calendar), version=version)
