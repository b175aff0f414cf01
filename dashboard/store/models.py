"""Tables. A report is kept as the YAML text of the same mapping a curated file holds, so
the store, the files, the form and the import all pass through one validator and one merger,
and a row can be shown, diffed and restored exactly. Nothing is deleted: a withdrawn report
keeps its row with ``status = 'withdrawn'``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ceremony_id: Mapped[str] = mapped_column(String(200), index=True)
    region_code: Mapped[str] = mapped_column(String(20), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)   # ISO date or NULL (undated)
    origin: Mapped[str] = mapped_column(String(300), index=True)        # file:<name> | form | import:<file>
    origin_hash: Mapped[str | None] = mapped_column(String(64))         # sha256 of the seed file last read
    data: Mapped[str] = mapped_column(Text)                            # YAML of the report mapping
    parsed: Mapped[str | None] = mapped_column(Text, nullable=True)    # the same as JSON (codec.to_json), or NULL
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | withdrawn
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class ChangeRow(Base):
    """The audit trail: who, when, what, the report before and after (YAML; NULL when absent)."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))   # seed | create | edit | withdraw | merge | import
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    ceremony_id: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class DraftRow(Base):
    """A draft read from a news article, waiting for review (never counted)."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(2000))      # the link, file name or "teks" the user gave
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    article_text: Mapped[str] = mapped_column(Text)        # the evidence the reviewer reads
    draft: Mapped[str] = mapped_column(Text)               # JSON: the extract --json object
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open | saved | rejected
    report_id: Mapped[int | None] = mapped_column(Integer)
    ceremony_id: Mapped[str | None] = mapped_column(String(200))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class ElectionRow(Base):
    """One election of the calendar (seeded from ``data/elections.yaml``, or added in the app)."""

    __tablename__ = "elections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    election_id: Mapped[str] = mapped_column(String(100), unique=True)
    data: Mapped[str] = mapped_column(Text)                     # YAML of the calendar entry
    origin: Mapped[str] = mapped_column(String(300))            # file:elections.yaml | form
    origin_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of the seed entry last read
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class IndicatorRow(Base):
    """One value of an indicator for one region and date, with its source (migration 0006)."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("indicator", "region_code", "date", name="indicator_once"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str | None] = mapped_column(String(300))
    region_code: Mapped[str] = mapped_column(String(20), index=True)
    date: Mapped[str] = mapped_column(String(10))       # ISO date: the day measured, or the end of the period
    value: Mapped[float] = mapped_column(Float)         # a number, or a class's rank on ``scale``
    scale: Mapped[str | None] = mapped_column(String(40))  # "rendah-sedang-tinggi" for a class (migration 0007)
    outlet: Mapped[str] = mapped_column(String(500))    # who published the figure
    url: Mapped[str | None] = mapped_column(String(2000))
    note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(300))    # import:<file> baris <n> | file:<name> baris <n>
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(200))


class SigninRow(Base):
    """One sign-in attempt (migration 0008): the lockout counts failures here, for every server."""

    __tablename__ = "signins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)       # UTC
    name: Mapped[str] = mapped_column(String(200))           # the name tried, folded to lower case
    address: Mapped[str] = mapped_column(String(64))        # the client's address as nginx gives it
    outcome: Mapped[str] = mapped_column(String(20))        # ok | failed | locked


class AttachmentRow(Base):
    """A file of proof beside a report (issue 42 §3, migration 0009): a photo of the ceremony or a
    scan of the signed pakta, kept in the store so every server sees it. Only what
    :func:`dashboard.attachments.prepare` made of the upload is kept (an image re-encoded without
    its metadata; a PDF as sent, with the picture of its first page). Removing one keeps the row and
    its history but erases the bytes (``status = 'removed'``): a photo is usually removed because it
    should not be seen."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))          # a safe file name with the detected type's extension
    mime: Mapped[str] = mapped_column(String(40))           # image/jpeg | image/png | application/pdf
    size: Mapped[int] = mapped_column(Integer)              # bytes of ``data``
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    thumbnail_mime: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | removed
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200))
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    removed_by: Mapped[str | None] = mapped_column(String(200))
