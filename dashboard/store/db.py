"""The store: open (and migrate) a database, read its reports through the loader's seam, and
write whole reports with their audit rows in one transaction.

Every write is one transaction that changes the report row(s) *and* appends the audit rows,
so a report is saved whole or not at all, and there is no change without its history. An
import of many rows is one transaction too: a process killed half-way leaves the database
as it was (SQLite's journal and PostgreSQL's WAL roll it back).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select, text, tuple_
from sqlalchemy.orm import Session

from .. import codes
from ..errors import PetaError, Problem, msg
from ..io import files
from ..records.read import APP_CALENDAR_ORIGIN, RawReport, stored_election
from .codec import dump, report_name, row_data, to_json
from .models import AttachmentRow, ChangeRow, DraftRow, ElectionRow, IndicatorRow, ReportRow, SigninRow
from .schema import open_engine

def _database_errors_named(method):
    """A write the database refuses (a full disk, a file-size limit, a lost connection, a
    read-only file) ends in the one error shape: what happened and that nothing was saved. The
    driver's message only, never the SQL and its values."""
    import functools

    from sqlalchemy.exc import DBAPIError

    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except DBAPIError as exc:
            reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0][:200]
            raise PetaError.single("(database)", reason, msg("db_writable")) from None
    return wrapped


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _date_text(data: dict) -> str | None:
    d = data.get("date")
    return d.isoformat() if isinstance(d, dt.date) else None


def close_draft(s: Session, draft_id: int, status: str, user: str, report_id: int | None = None,
                ceremony_id: str | None = None, note: str | None = None) -> None:
    """Mark a queued draft saved or rejected, inside the caller's (locked) transaction; a draft
    another reviewer closed a moment ago is refused, so no article is saved twice."""
    row = s.get(DraftRow, draft_id, with_for_update=True)
    if row is None:
        raise PetaError.single("draft", draft_id, msg("draft_number"))
    if row.status != "open":
        raise PetaError.single("draft", draft_id, msg("draft_open", user=row.decided_by, status=row.status,
                                                      at=f"{row.decided_at:%Y-%m-%d %H:%M}"))
    row.status, row.report_id, row.ceremony_id, row.note = status, report_id, ceremony_id, note
    row.decided_by, row.decided_at = user, _now()


@dataclass
class Change:
    action: str
    data: dict | None
    note: str | None = None


INDICATOR_PREFIX = "indikator:"  # how the history names an indicator (its rows change no report: number 0)
SEED_BATCH = 2000  # curated files written per transaction by a seed (see Store.seed)
ELECTION_PREFIX = "pemilihan:"  # how the history names an election (its rows change no report: number 0)
FORM_ORIGIN = APP_CALENDAR_ORIGIN  # the origin an election added or corrected in the app has in messages


def _attachment_json(a: AttachmentRow) -> str:
    """What the history keeps of a file of proof: its description, never its bytes."""
    import json

    return json.dumps({"attachment": a.id, "name": a.name, "mime": a.mime, "size": a.size, "sha256": a.sha256}, ensure_ascii=False)


def add_attachments(s: Session, row: ReportRow, files_: list, user: str) -> list[int]:
    """Keep files of proof for the report ``row`` inside the caller's locked transaction (a new
    report's files are saved with it, or not at all): at most
    :data:`dashboard.attachments.MAX_PER_REPORT` active ones, never the same file twice."""
    from ..attachments import MAX_PER_REPORT

    if row.status != "active":
        raise PetaError.single("report", row.id, msg("proof_report_active"), record=row.ceremony_id)
    have = list(s.scalars(select(AttachmentRow).where(AttachmentRow.report_id == row.id,
                                                      AttachmentRow.status == "active")))
    if len(have) + len(files_) > MAX_PER_REPORT:
        raise PetaError.single("attachment", len(have) + len(files_),
                               msg("proof_limit", n=MAX_PER_REPORT, have=len(have)), record=row.ceremony_id)
    seen = {a.sha256: a.id for a in have}
    at, ids = _now(), []
    for f in files_:
        if f.sha256 in seen:
            raise PetaError.single("attachment", f.name, msg("proof_twice", id=seen[f.sha256] or "?"),
                                   record=row.ceremony_id)
        a = AttachmentRow(report_id=row.id, name=f.name, mime=f.mime, size=f.size, sha256=f.sha256,
                          width=f.width, height=f.height, data=f.data, thumbnail=f.thumbnail,
                          thumbnail_mime=f.thumbnail_mime,
                          status="active", added_at=at, added_by=user)
        s.add(a)
        s.flush()
        seen[f.sha256] = a.id
        s.add(ChangeRow(at=at, user=user, action="attach", report_id=row.id, ceremony_id=row.ceremony_id,
                        before=None, after=_attachment_json(a), note=a.name))
        ids.append(a.id)
    return ids


def _calendar_of(s: Session) -> list[RawReport]:
    """The stored calendar as the loader reads it; seeded entries keep their file's name as origin
    (messages read as they did with the file). An entry that no longer parses is named with its row."""
    rows = s.execute(select(ElectionRow.id, ElectionRow.origin, ElectionRow.data).order_by(ElectionRow.id)).all()
    out, bad = [], []
    for rid, origin, data in rows:
        try:
            out.append(stored_election(origin, data))
        except Exception as exc:
            bad.append(_damaged("elections", rid, "data", data, exc))
    if bad:
        raise PetaError(bad)
    return out


def _damaged(table: str, rid: int, field: str, text, exc: BaseException) -> Problem:
    """A stored row that no longer parses (written by hand, a disk fault): named by table and row,
    with what is wrong (issue 35); never a traceback."""
    shown = str(text)[:60] + ("…" if len(str(text)) > 60 else "")
    why = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
    return Problem(field=field, value=shown, want=msg("stored_row_parses", table=table, why=why),
                   file=f"{table} #{rid}", record=str(rid))


def _reports_of_rows(rows) -> list[RawReport]:
    """``(id, origin, data, parsed)`` rows as the loader reads them; every row that no longer
    parses is named (withdraw it with ``db withdraw N``), none is skipped."""
    out, bad = [], []
    for rid, origin, yaml_text, parsed in rows:
        try:
            out.append(RawReport(report_name(rid, origin), row_data(yaml_text, parsed)))
        except Exception as exc:
            bad.append(_damaged("reports", rid, "parsed" if parsed is not None else "data",
                                parsed if parsed is not None else yaml_text, exc))
    if bad:
        raise PetaError(bad)
    return out


def _touching(s: Session, ceremony_ids, place_days) -> list[ReportRow]:
    """The active reports that share an id with ``ceremony_ids`` or a place and day (region code,
    ISO date) with ``place_days``, by row number: all a change of those can clash with."""
    ids, days = sorted(i for i in ceremony_ids if isinstance(i, str)), sorted(place_days)
    found: dict[int, ReportRow] = {}
    for start in range(0, max(len(ids), len(days)), 400):  # bounded statements: an import has thousands
        parts = []
        if ids[start:start + 400]:
            parts.append(ReportRow.ceremony_id.in_(ids[start:start + 400]))
        if days[start:start + 400]:
            parts.append(tuple_(ReportRow.region_code, ReportRow.date).in_(days[start:start + 400]))
        for row in s.scalars(select(ReportRow).where(ReportRow.status == "active", or_(*parts))):
            found[row.id] = row
    return [found[i] for i in sorted(found)]


class Stored:
    """The stored reports as a write sees them under its lock: every one (``rows``, read on first
    use: a check of the whole store, such as the calendar's) or only those a change can clash
    with (``touching``: a report saved among 150,000 reads a handful)."""

    def __init__(self, session: Session):
        self._s = session
        self._rows: list[ReportRow] | None = None

    @property
    def rows(self) -> list[ReportRow]:
        if self._rows is None:
            self._rows = list(self._s.scalars(select(ReportRow).order_by(ReportRow.ceremony_id, ReportRow.id)))
        return self._rows

    def touching(self, ceremony_ids, place_days) -> list[ReportRow]:
        return _touching(self._s, ceremony_ids, place_days)

    def origins(self, origins: list[str]) -> list:
        """(id, origin, origin_hash, updated_by) of the stored reports with these origins."""
        return self._s.execute(select(ReportRow.id, ReportRow.origin, ReportRow.origin_hash, ReportRow.updated_by)
                               .where(ReportRow.origin.in_(origins))).all()


class Store:
    """A database of reports. ``url``: any SQLAlchemy URL (``sqlite:///path.db``, ``postgresql://…``)."""

    def __init__(self, url: str):
        self.url = url
        self.engine = open_engine(url)

    # -- reading -------------------------------------------------------------------------------
    def reports(self) -> list[RawReport]:
        """Active reports for the loader (the ``ReportSource`` seam); origins name the row."""
        with Session(self.engine) as s:
            rows = s.execute(select(ReportRow.id, ReportRow.origin, ReportRow.data, ReportRow.parsed)
                             .where(ReportRow.status == "active").order_by(ReportRow.id)).all()
        # seeded rows keep their file name (so source ids and messages read as with the files)
        return _reports_of_rows(rows)

    def rows(self, ceremony_id: str | None = None, include_withdrawn: bool = True,
             within: str | None = None) -> list[ReportRow]:
        """Stored reports; ``within``: only those held in that region or below it."""
        with Session(self.engine) as s:
            q = select(ReportRow).order_by(ReportRow.ceremony_id, ReportRow.id)
            if ceremony_id:
                q = q.where(ReportRow.ceremony_id == ceremony_id)
            if within:
                q = q.where((ReportRow.region_code == within)
                            | ReportRow.region_code.startswith(codes.inside_prefix(within)))
            if not include_withdrawn:
                q = q.where(ReportRow.status == "active")
            return list(s.scalars(q))

    def _one(self, model, number: int, field: str, want):
        """The row ``number`` of ``model``, or the one error naming the field and what is valid."""
        with Session(self.engine) as s:
            r = s.get(model, number)
        if r is None:
            raise PetaError.single(field, number, want)
        return r

    def row(self, report_id: int) -> ReportRow:
        return self._one(ReportRow, report_id, "report", msg("report_number"))

    def changes_since(self, last: int) -> tuple[dict[int, tuple[str, str]], bool, int, int, int]:
        """What changed after change number ``last``, read in one transaction: (the reports changed,
        row number → (their name as the loader gives it, their ceremony id now); whether an
        election changed; the newest change; how many changes there are; how many of them come
        after ``last``)."""
        with Session(self.engine) as s, s.begin():
            newest, n = s.execute(select(func.max(ChangeRow.id), func.count(ChangeRow.id))).one()
            newest = newest or 0
            after = s.execute(select(ChangeRow.report_id, ChangeRow.ceremony_id)
                              .where(ChangeRow.id > last, ChangeRow.id <= newest)).all()
            ids = {r for r, _ in after if r}
            rows = s.execute(select(ReportRow.id, ReportRow.origin, ReportRow.ceremony_id)
                             .where(ReportRow.id.in_(ids))).all() if ids else []
        return ({rid: (report_name(rid, origin), cid) for rid, origin, cid in rows},
                any(not r and c.startswith(ELECTION_PREFIX) for r, c in after), newest, n, len(after))

    def reports_of(self, ceremony_ids: set[str]) -> list[RawReport]:
        """The active reports of these ceremonies, in the order :meth:`reports` gives them."""
        if not ceremony_ids:
            return []
        with Session(self.engine) as s:
            rows = s.execute(select(ReportRow.id, ReportRow.origin, ReportRow.data, ReportRow.parsed)
                             .where(ReportRow.status == "active", ReportRow.ceremony_id.in_(sorted(ceremony_ids)))
                             .order_by(ReportRow.id)).all()
        return _reports_of_rows(rows)

    def touching(self, ceremony_ids, place_days) -> list[ReportRow]:
        """:meth:`Stored.touching` on the store as it is now (a preview; a write asks again under its lock)."""
        with Session(self.engine) as s:
            return _touching(s, ceremony_ids, place_days)

    def ceremony_ids(self) -> set[str]:
        """Every ceremony id in the store (withdrawn reports' too: an id is never given twice)."""
        with Session(self.engine) as s:
            return set(s.scalars(select(ReportRow.ceremony_id).distinct()))

    # -- indicators (issue 27) -----------------------------------------------------------------
    def indicator_rows(self) -> list[IndicatorRow]:
        """Every stored indicator value, in the order they were imported."""
        with Session(self.engine) as s:
            return list(s.scalars(select(IndicatorRow).order_by(IndicatorRow.id)))

    def add_indicators(self, values, user: str, origin: str, check, *, access) -> int:
        """Store every one of ``values`` (:class:`dashboard.indicators.Value`) or none, in one
        transaction under the write lock: ``check(stored_rows)`` runs first on the indicator rows
        stored at that moment and raises on a clash; it may return the part of ``values`` still to
        write (the seed leaves out what it stored before), else None (all). ``access(region_code,
        record)`` then runs for every value and raises where the writer may not write (issue 40:
        the store checks access on every write, indicators too; use
        :func:`dashboard.store.editing.add_indicators` with a ``User``); only the seed of the
        shipped files passes ``access=None``. Returns how many were written. Each value also gets a
        history row (action ``indicator_import``, named ``indikator:<id>``) with the value as JSON
        and where it was read."""
        import json

        with Session(self.engine) as s, s.begin():
            self._lock(s)
            keep = check(list(s.scalars(select(IndicatorRow))))
            values = values if keep is None else keep
            if access is not None:
                for x in values:
                    access(x.region_code, INDICATOR_PREFIX + x.indicator)
            at = _now()
            for x in values:
                s.add(IndicatorRow(indicator=x.indicator, name=x.name, region_code=x.region_code,
                                   date=x.date.isoformat(), value=x.value, scale=x.scale, outlet=x.outlet, url=x.url,
                                   note=x.note,
                                   origin=f"{origin}:{x.origin}", imported_at=at, imported_by=user))
                s.add(ChangeRow(at=at, user=user, action="indicator_import", report_id=0,
                                ceremony_id=INDICATOR_PREFIX + x.indicator, before=None,
                                after=json.dumps(x.to_dict(), ensure_ascii=False), note=f"{origin}:{x.origin}"))
        return len(values)

    def signin_counts(self, name: str, address: str, since: dt.datetime) -> tuple[int, int]:
        """Failed sign-ins since ``since``: (for this name from anywhere, from this address for any name)."""
        with Session(self.engine) as s:
            by_name = s.execute(select(func.count()).select_from(SigninRow).where(
                SigninRow.name == name, SigninRow.at >= since, SigninRow.outcome == "failed")).scalar()
            by_address = s.execute(select(func.count()).select_from(SigninRow).where(
                SigninRow.address == address, SigninRow.at >= since, SigninRow.outcome == "failed")).scalar()
        return by_name, by_address

    def record_signin(self, name: str, address: str, outcome: str, at: dt.datetime) -> None:
        """Keep one attempt (``ok``, ``failed`` or ``locked``). Not a change of the records: the
        ceremony history and the data version (every page's cache key) are not touched."""
        with Session(self.engine) as s, s.begin():
            s.add(SigninRow(at=at, name=name[:200], address=address[:64], outcome=outcome))

    def signins(self, since: dt.datetime | None = None) -> list[SigninRow]:
        with Session(self.engine) as s:
            q = select(SigninRow).order_by(SigninRow.id)
            if since is not None:
                q = q.where(SigninRow.at >= since)
            return list(s.scalars(q))

    def version(self) -> str:
        """Changes whenever anything is written (the app's cache key)."""
        with Session(self.engine) as s:
            last, n = s.execute(select(func.max(ChangeRow.id), func.count(ChangeRow.id))).one()
        return f"{last or 0}.{n}"

    def calendar(self) -> list[RawReport]:
        """The election calendar, in the order it was seeded or added (the loader's input)."""
        with Session(self.engine) as s:
            return _calendar_of(s)

    def election_rows(self) -> list[ElectionRow]:
        with Session(self.engine) as s:
            return list(s.scalars(select(ElectionRow).order_by(ElectionRow.id)))

    def history(self, ceremony_id: str | None = None) -> list[ChangeRow]:
        with Session(self.engine) as s:
            q = select(ChangeRow).order_by(ChangeRow.id)
            if ceremony_id:
                q = q.where(ChangeRow.ceremony_id == ceremony_id)
            return list(s.scalars(q))

    # -- writing -------------------------------------------------------------------------------
    @_database_errors_named
    def write(self, user: str, items, origin: str, expect_version: dict[int, int] | None = None,
              check=None, then=None, access=None) -> list[int]:
        """Apply ``(report_id or None for new, change[, origin override[, origin hash]])`` items
        in one transaction, serialised with every other write (see :meth:`_lock`).

        ``check(stored, calendar)``, if given, runs inside that transaction after the lock is taken,
        on the stored reports (a :class:`Stored`) and the stored election calendar as they are then
        (never a stale read); it raises to refuse the write. ``items`` may also be a function of
        the stored reports (a :class:`Stored`) and the calendar returning the items (the seed decides what is new under
        the lock). ``expect_version`` guards edits against a concurrent edit of
        the same report: the transaction is refused if a report's version moved since it was read.
        ``then(session, ids)`` runs last, in the same transaction (closing the draft a report came from).
        ``access(region_code, ceremony_id)``, if given, raises when the writer may not write there; it
        is asked under the lock for every item: a new report's region, and an edited or withdrawn
        report's region **as stored now** as well as the region it is given, so no write path takes a
        report from another region (moved there by someone else since it was read, or named by a
        caller of this API that never looked)."""
        ids = []
        at = _now()
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            if check is not None or callable(items):
                stored, calendar = Stored(s), _calendar_of(s)
                if check is not None:
                    check(stored, calendar)
                if callable(items):
                    items = items(stored, calendar)
            for item in items:
                report_id, change, own_origin, origin_hash = (*item, None, None)[:4]
                if report_id is None:
                    data = change.data or {}
                    if access is not None:
                        access(str(data.get("region", "")), data.get("id"))
                    row = ReportRow(ceremony_id=str(data["id"]), region_code=str(data["region"]),
                                    date=_date_text(data), origin=own_origin or origin, origin_hash=origin_hash,
                                    data=dump(data), parsed=to_json(data), status="active", version=1, updated_at=at, updated_by=user)
                    s.add(row)
                    s.flush()
                    before = None
                else:
                    row = s.get(ReportRow, report_id, with_for_update=True)
                    if row is None:
                        raise PetaError.single("report", report_id, msg("report_number"))
                    if access is not None:
                        access(row.region_code, row.ceremony_id)  # where it is now, under the lock
                        if change.action != "withdraw":
                            access(str((change.data or {}).get("region", "")), row.ceremony_id)
                    if expect_version and expect_version.get(report_id, row.version) != row.version:
                        raise PetaError.single("report", report_id, msg("report_unchanged"))
                    before = row.data
                    if change.action == "withdraw":
                        row.status = "withdrawn"
                    else:
                        data = change.data or {}
                        row.data, row.date, row.region_code = dump(data), _date_text(data), str(data["region"])
                        row.parsed = to_json(data)
                        row.ceremony_id = str(data["id"])
                        row.status = "active"
                        if own_origin:
                            row.origin = own_origin
                        if origin_hash:
                            row.origin_hash = origin_hash
                    row.version += 1
                    row.updated_at, row.updated_by = at, user
                s.add(ChangeRow(at=at, user=user, action=change.action, report_id=row.id, ceremony_id=row.ceremony_id,
                                before=before, after=None if change.action == "withdraw" else row.data,
                                note=change.note))
                ids.append(row.id)
            if then is not None:
                then(s, ids)
        return ids

    # -- proof beside a report (issue 42 §3) --------------------------------------------------
    @_database_errors_named
    def attach(self, user: str, report_id: int, files_: list, *, access) -> list[int]:
        """Keep ``files_`` (:class:`dashboard.attachments.Prepared`) as proof of the active report
        ``report_id``, all or none, in one transaction under the write lock; ``access(region_code,
        ceremony_id)`` is asked there, on the report as stored now (use
        :func:`dashboard.store.editing.attach`). Each file gets a history row (``attach``)."""
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            row = s.get(ReportRow, report_id)
            if row is None:
                raise PetaError.single("report", report_id, msg("report_number"))
            access(row.region_code, row.ceremony_id)
            return add_attachments(s, row, files_, user)

    @_database_errors_named
    def detach(self, user: str, attachment_id: int, reason: str, *, access) -> None:
        """Remove one file of proof: its bytes are erased, its row and history kept (``detach``)."""
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            a = s.get(AttachmentRow, attachment_id, with_for_update=True)
            if a is None or a.status != "active":
                raise PetaError.single("attachment", attachment_id, msg("proof_number"))
            row = s.get(ReportRow, a.report_id)
            access(row.region_code, row.ceremony_id)
            a.status, a.data, a.thumbnail = "removed", b"", None
            a.removed_at, a.removed_by = _now(), user
            s.add(ChangeRow(at=a.removed_at, user=user, action="detach", report_id=row.id,
                            ceremony_id=row.ceremony_id, before=_attachment_json(a), after=None, note=reason))

    def attachments(self, report_ids=None, *, ceremony_id: str | None = None) -> list[AttachmentRow]:
        """The active files of proof (their bytes left unread) of these reports, or of one
        ceremony's active reports, oldest first."""
        from sqlalchemy.orm import defer

        with Session(self.engine) as s:
            q = (select(AttachmentRow).options(defer(AttachmentRow.data), defer(AttachmentRow.thumbnail))
                 .where(AttachmentRow.status == "active").order_by(AttachmentRow.id))
            if ceremony_id is not None:
                q = q.join(ReportRow, ReportRow.id == AttachmentRow.report_id).where(
                    ReportRow.ceremony_id == ceremony_id, ReportRow.status == "active")
            if report_ids is not None:
                q = q.where(AttachmentRow.report_id.in_(sorted(report_ids)))
            return list(s.scalars(q))

    def attachment_bytes(self, attachment_id: int, *, thumbnail: bool = False) -> tuple[str, str, bytes]:
        """(file name, type, bytes) of an active file of proof, or of its picture."""
        with Session(self.engine) as s:
            a = s.get(AttachmentRow, attachment_id)
            if a is None or a.status != "active":
                raise PetaError.single("attachment", attachment_id, msg("proof_number"))
            if thumbnail:
                return a.name, a.thumbnail_mime or "", a.thumbnail or b""
            return a.name, a.mime, a.data

    def proof_counts(self) -> dict[str, int]:
        """Ceremony id -> how many files of proof its active reports carry (only ceremonies with any)."""
        with Session(self.engine) as s:
            rows = s.execute(select(ReportRow.ceremony_id, func.count(AttachmentRow.id))
                             .join(ReportRow, ReportRow.id == AttachmentRow.report_id)
                             .where(AttachmentRow.status == "active", ReportRow.status == "active")
                             .group_by(ReportRow.ceremony_id)).all()
        return {cid: n for cid, n in rows}

    # -- drafts from articles (a queue; never counted) ---------------------------------------
    @_database_errors_named
    def add_drafts(self, user: str, drafts: list[dict]) -> tuple[list[int], list[tuple[str, int]]]:
        """Queue drafts (``source``, ``url``, ``title``, ``article_text``, ``draft`` JSON). A link
        already queued or saved is not queued twice: (added ids, [(source, existing draft id)])."""
        added, known = [], []
        at = _now()
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            for d in drafts:
                if d.get("url"):
                    old = s.scalars(select(DraftRow).where(DraftRow.url == d["url"], DraftRow.status != "rejected")).first()
                    if old is not None:
                        known.append((d["source"], old.id))
                        continue
                row = DraftRow(created_at=at, created_by=user, source=d["source"][:2000], url=d.get("url"),
                               title=(d.get("title") or "")[:1000] or None, article_text=d["article_text"],
                               draft=d["draft"], status="open")
                s.add(row)
                s.flush()
                added.append(row.id)
        return added, known

    def drafts(self, status: str | None = "open") -> list[DraftRow]:
        with Session(self.engine) as s:
            q = select(DraftRow).order_by(DraftRow.id)
            if status:
                q = q.where(DraftRow.status == status)
            return list(s.scalars(q))

    def draft(self, draft_id: int) -> DraftRow:
        return self._one(DraftRow, draft_id, "draft", msg("draft_number"))

    @_database_errors_named
    def reject_draft(self, draft_id: int, user: str, reason: str) -> None:
        """Close the draft as rejected and write the rejection to the history, in one transaction.
        (Use :func:`dashboard.store.editing.reject_draft`, which checks access and the reason.)
        The history row names the draft as ``draf-<n>`` with report number 0: it changed no report."""
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            close_draft(s, draft_id, "rejected", user, note=reason)
            row = s.get(DraftRow, draft_id)
            s.add(ChangeRow(at=_now(), user=user, action="reject_draft", report_id=0, ceremony_id=f"draf-{draft_id}",
                            before=None, after=None, note=f"{row.url or row.source}: {reason}"))

    @_database_errors_named
    def write_election(self, user: str, data: dict, check, version: int | None = None) -> None:
        """Add an election (``version`` None: its id must be new) or correct a stored one
        (``version``: the row's version when the user opened it; a change made meanwhile by
        someone else refuses this one). Under the write lock, ``check(rows, calendar)`` is given
        the stored reports and the calendar *with this entry applied*, and raises to refuse."""
        eid = str(data.get("id"))
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            row = s.scalars(select(ElectionRow).where(ElectionRow.election_id == eid)).first()
            if version is None and row is not None:
                raise PetaError.single("id", eid, msg("election_id_unused"), record=eid)
            if version is not None and (row is None or row.version != version):
                raise PetaError.single("id", eid, msg("election_unchanged"), record=eid)
            calendar = [RawReport(FORM_ORIGIN, data) if c.data.get("id") == eid else c for c in _calendar_of(s)]
            if row is None:
                calendar.append(RawReport(FORM_ORIGIN, data))
            check(list(s.scalars(select(ReportRow).order_by(ReportRow.ceremony_id, ReportRow.id))), calendar)
            before, text_ = (row.data if row is not None else None), dump(data)
            if row is None:
                row = ElectionRow(election_id=eid, data=text_, origin="form", version=1, updated_at=_now(), updated_by=user)
                s.add(row)
            else:
                row.data, row.version, row.updated_at, row.updated_by = text_, row.version + 1, _now(), user
            s.add(ChangeRow(at=_now(), user=user, action="election_edit" if before else "election_add", report_id=0,
                            ceremony_id=ELECTION_PREFIX + eid, before=before, after=text_))

    @_database_errors_named
    def seed_calendar(self, entries: list[RawReport], check) -> dict[str, int]:
        """Bring ``data/elections.yaml``'s entries into the store, as :meth:`seed` does the
        ceremony files: a new id is added, an entry whose text changed updates its row unless
        the row was edited in the app since (the edit is kept), an unchanged one does nothing.
        An election removed from the file stays in the store (nothing is deleted; a ceremony
        may refer to it). ``check(rows, calendar)`` must raise if the store with the resulting
        calendar would not load. One transaction under the write lock."""
        digests = [(e, hashlib.sha256(dump(e.data).encode("utf-8")).hexdigest()) for e in entries]

        def plan(rows: dict[str, tuple]) -> tuple[dict, list]:
            counts = {"added": 0, "updated": 0, "unchanged": 0, "kept_edit": 0}
            todo = []
            for e, digest in digests:
                row = rows.get(str(e.data.get("id")))
                if row is not None and row[1] == digest:
                    counts["unchanged"] += 1
                elif row is not None and row[2] != "seed":
                    counts["kept_edit"] += 1
                else:
                    todo.append((e, digest))
                    counts["updated" if row is not None else "added"] += 1
            return counts, todo

        with Session(self.engine) as s:  # the quick look, without the lock
            light = {r.election_id: (r.id, r.origin_hash, r.updated_by) for r in s.scalars(select(ElectionRow))}
        counts, todo = plan(light)
        if not todo:
            return counts
        with Session(self.engine) as s, s.begin():
            self._lock(s)
            stored = {r.election_id: r for r in s.scalars(select(ElectionRow).order_by(ElectionRow.id))}
            counts, todo = plan({k: (r.id, r.origin_hash, r.updated_by) for k, r in stored.items()})
            if not todo:
                return counts
            new = {str(e.data.get("id")): e for e, _ in todo}
            calendar = [new.pop(c.data.get("id"), c) for c in _calendar_of(s)] + list(new.values())
            check(list(s.scalars(select(ReportRow).order_by(ReportRow.ceremony_id, ReportRow.id))), calendar)
            at = _now()
            for e, digest in todo:
                eid, text_ = str(e.data.get("id")), dump(e.data)
                row = stored.get(eid)
                before = row.data if row is not None else None
                if row is None:
                    s.add(ElectionRow(election_id=eid, data=text_, origin=f"file:{e.origin}", origin_hash=digest,
                                      version=1, updated_at=at, updated_by="seed"))
                else:
                    row.data, row.origin_hash, row.version, row.updated_at = text_, digest, row.version + 1, at
                s.add(ChangeRow(at=at, user="seed", action="seed", report_id=0, ceremony_id=ELECTION_PREFIX + eid,
                                before=before, after=text_,
                                note=("file changed: " if before else "from ") + e.origin))
        return counts

    def _lock(self, s: Session) -> None:
        """Take the database's one write lock for the rest of this transaction: updating the single
        ``write_lock`` row holds SQLite's write lock (others wait up to the 30 s busy timeout) or
        PostgreSQL's row lock (others wait), until commit or rollback. Taken *before* anything is
        read, so what a write checks is what it writes on."""
        s.execute(text("UPDATE write_lock SET n = n + 1 WHERE id = 1"))

    def seed(self, root: Path, check, progress=None) -> dict[str, int]:
        """Bring the curated files into the store, idempotently: a file not seen before is
        added, a file whose content changed updates its row (unless someone edited that row
        in the app since: the edit is kept), an unchanged file does nothing. Only new and
        changed files are read. A quick look without the lock first skips it when nothing changed.

        ``check(touching, calendar, replace, add)`` must raise if the store with them would not load
        (``editing.trial_touching``: it reads only the stored reports they can clash with). Every
        new and changed file is checked together first: a broken file stops the seed with its
        message and nothing is written. They are then written :data:`SEED_BATCH` files at a time,
        each batch one transaction under the write lock, decided and checked again against the
        store as it is then (two servers starting at once seed each file once). A seed stopped
        half-way (the process killed) leaves whole batches; the next one goes on with the files not
        yet stored. ``progress(done, total)`` is called after each batch."""
        from ..records.read import YamlFolder

        folder = Path(root) / "ceremonies"
        digests = {p.name: files.sha256(p)
                   for p in sorted(folder.glob("*.y*ml"), key=lambda p: p.name)}

        def plan(rows, names) -> tuple[dict, dict]:
            existing = {r.origin: r for r in rows if r.origin.startswith("file:")}
            counts = {"added": 0, "updated": 0, "unchanged": 0, "kept_edit": 0}
            todo: dict[str, tuple] = {}
            for name in names:
                row = existing.get(f"file:{name}")
                if row is not None and row.origin_hash == digests[name]:
                    counts["unchanged"] += 1
                elif row is not None and row.updated_by != "seed":
                    counts["kept_edit"] += 1
                else:
                    todo[name] = (row, digests[name])
                    counts["updated" if row is not None else "added"] += 1
            return counts, todo

        with Session(self.engine) as s:  # the quick look: only the columns the plan reads
            light = s.execute(select(ReportRow.id, ReportRow.origin, ReportRow.origin_hash, ReportRow.updated_by)
                              .where(ReportRow.origin.startswith("file:"))).all()
        counts, todo = plan(light, list(digests))
        if not todo:
            return counts
        reports = {r.origin: r for r in YamlFolder(root).reports(only=set(todo))}  # unreadable: PetaError

        def split(part: dict) -> tuple[dict, list]:
            return ({row.id: reports[n].data for n, (row, _) in part.items() if row is not None},
                    [reports[n] for n, (row, _) in part.items() if row is None])

        done = {k: counts[k] for k in ("unchanged", "kept_edit")} | {"added": 0, "updated": 0}
        names = list(todo)
        if progress is not None:
            progress(0, len(names))
        with Session(self.engine) as s:  # all of them together, before anything is written
            check(Stored(s).touching, _calendar_of(s), *split(todo))
        for start in range(0, len(names), SEED_BATCH):
            chunk = names[start:start + SEED_BATCH]

            def items(stored, calendar, chunk=chunk):
                now, part = plan(stored.origins([f"file:{n}" for n in chunk]), chunk)
                for k, v in now.items():
                    done[k] += v
                if not part:
                    return []
                check(stored.touching, calendar, *split(part))
                out = []
                for name, (row, digest) in part.items():
                    note = ("file changed: " if row is not None else "from ") + name
                    out.append((row.id if row is not None else None, Change("seed", reports[name].data, note),
                                f"file:{name}", digest))
                return out

            self.write("seed", items, origin="seed")
            if progress is not None:
                progress(start + len(chunk), len(names))
        return done
