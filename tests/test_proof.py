"""Proof beside the record (issue 42 §3), in the store and through the command line: files kept
with a report all or none, within the user's region (asked by the store), at most five per report,
never the same file twice, removed with a reason (bytes erased, history kept), counted per
ceremony for the mark *Ada bukti*, carried by a backup, and shown only to whom the setting allows.
The files are real JPEG/PNG bytes made here with Pillow and cleaned by ``attachments.prepare``
(its own rules are tested in ``test_attachments_files.py``)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from PIL import Image

from dashboard import attachments, views
from dashboard.errors import PetaError
from dashboard.store import editing
from dashboard.store.backup import backup, restore
from dashboard.store.db import Store
from dashboard.store.editing import User

from .conftest import ROOT

ADMIN = User("admin")
CAMAT_CIAWI = User("camat-ciawi", "32.01.24")


def _photo(seed: int, fmt: str = "JPEG") -> bytes:
    """A small picture, different for each seed (so two are never the same file)."""
    img = Image.new("RGB", (64, 48), (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256))
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()


def _prepared(seed: int, name: str = "apel.jpg"):
    return attachments.prepare(name, _photo(seed))


def _report(db: Store, region: str | None = None):
    rows = [r for r in db.rows(include_withdrawn=False) if region is None or r.region_code == region]
    return rows[0]


def test_a_file_is_kept_with_its_history_and_counted_for_its_ceremony(fresh_store):
    db, _ = fresh_store
    row = _report(db)
    before = db.version()
    [aid] = editing.attach(db, row.id, [_prepared(1)], ADMIN)
    kept = db.attachments([row.id])
    assert [(a.id, a.mime, a.report_id) for a in kept] == [(aid, "image/jpeg", row.id)]
    name, mime, data = db.attachment_bytes(aid)
    assert mime == "image/jpeg" and Image.open(io.BytesIO(data)).format == "JPEG"
    assert db.attachment_bytes(aid, thumbnail=True)[2]  # the panel's picture
    assert db.proof_counts() == {row.ceremony_id: 1}
    assert db.version() != before  # every page's cache sees the change
    [change] = [c for c in db.history(row.ceremony_id) if c.action == "attach"]
    described = json.loads(change.after)
    assert described["attachment"] == aid and described["sha256"] == kept[0].sha256
    assert "data" not in described  # the history describes the file; it never holds its bytes


def test_the_store_checks_access_on_every_file(fresh_store):
    db, _ = fresh_store
    outside = _report(db, "32.01.01")  # Cibinong: not the Camat of Ciawi's
    with pytest.raises(PetaError) as exc:
        editing.attach(db, outside.id, [_prepared(2)], CAMAT_CIAWI)
    assert exc.value.problems[0].field == "region"
    with pytest.raises(PetaError) as exc:
        editing.attach(db, outside.id, [_prepared(2)], None)
    assert exc.value.problems[0].field == "user"
    # the store's own check, under its lock, for a caller that skipped the editing layer's
    with pytest.raises(PetaError):
        db.attach("camat-ciawi", outside.id, [_prepared(2)],
                  access=lambda region, record: editing.check_access(CAMAT_CIAWI, region, record))
    assert db.attachments() == [] and db.proof_counts() == {}


def test_at_most_five_per_report_and_all_or_none(fresh_store):
    db, _ = fresh_store
    row = _report(db)
    editing.attach(db, row.id, [_prepared(i) for i in range(4)], ADMIN)
    with pytest.raises(PetaError) as exc:
        editing.attach(db, row.id, [_prepared(10), _prepared(11)], ADMIN)
    p = exc.value.problems[0]
    assert p.field == "attachment" and "5" in str(p.want) and "4" in str(p.want)
    assert len(db.attachments([row.id])) == 4  # neither of the two was kept
    editing.attach(db, row.id, [_prepared(12)], ADMIN)
    assert len(db.attachments([row.id])) == 5


def test_the_same_file_twice_is_refused_naming_the_one_kept(fresh_store):
    db, _ = fresh_store
    row = _report(db)
    [aid] = editing.attach(db, row.id, [_prepared(3, "foto.jpg")], ADMIN)
    with pytest.raises(PetaError) as exc:
        editing.attach(db, row.id, [_prepared(3, "foto-lagi.jpg")], ADMIN)
    assert exc.value.problems[0].value == "foto-lagi.jpg" and f"#{aid}" in str(exc.value.problems[0].want)


def test_removing_erases_the_bytes_and_keeps_the_history(fresh_store):
    db, _ = fresh_store
    row = _report(db)
    [aid] = editing.attach(db, row.id, [_prepared(4)], ADMIN)
    with pytest.raises(PetaError) as exc:
        editing.detach(db, aid, "  ", ADMIN)
    assert exc.value.problems[0].field == "reason"
    editing.detach(db, aid, "wajah peserta terlihat jelas", ADMIN)
    with pytest.raises(PetaError) as exc:
        db.attachment_bytes(aid)
    assert exc.value.problems[0].field == "attachment"
    assert db.attachments() == [] and db.proof_counts() == {}
    from sqlalchemy import text

    with db.engine.connect() as c:  # the row stays, without its file
        status, size = c.execute(text("SELECT status, length(data) FROM attachments WHERE id = :i"), {"i": aid}).one()
    assert (status, size) == ("removed", 0)
    [gone] = [c for c in db.history(row.ceremony_id) if c.action == "detach"]
    assert gone.note == "wajah peserta terlihat jelas" and json.loads(gone.before)["attachment"] == aid
    with pytest.raises(PetaError):  # a second removal names the number
        editing.detach(db, aid, "lagi", ADMIN)


def test_a_new_report_is_saved_with_its_proof_or_not_at_all(fresh_store, gaz):
    db, _ = fresh_store
    from .test_store import ciawi

    data = ciawi()
    data["id"] = "ciawi-2024-11-20"
    too_many = [_prepared(20 + i) for i in range(attachments.MAX_PER_REPORT + 1)]
    with pytest.raises(PetaError):
        editing.create(db, gaz, dict(data), CAMAT_CIAWI, proof=too_many)
    assert not db.rows("ciawi-2024-11-20")  # the report was not kept without its files
    rid = editing.create(db, gaz, dict(data), CAMAT_CIAWI, proof=too_many[:2])
    assert len(db.attachments([rid])) == 2
    assert db.proof_counts() == {"ciawi-2024-11-20": 2}


def test_a_withdrawn_report_takes_no_proof_and_its_files_are_not_counted(fresh_store, gaz):
    db, _ = fresh_store
    row = _report(db, "32.75")
    editing.attach(db, row.id, [_prepared(5)], ADMIN)
    editing.withdraw(db, gaz, row.id, "salah catat", ADMIN, db.row(row.id).version)
    assert db.proof_counts() == {}
    with pytest.raises(PetaError) as exc:
        editing.attach(db, row.id, [_prepared(6)], ADMIN)
    assert exc.value.problems[0].field == "report"


def test_a_backup_carries_the_files(fresh_store, tmp_path):
    db, _ = fresh_store
    row = _report(db)
    [aid] = editing.attach(db, row.id, [_prepared(7)], ADMIN)
    kept = db.attachment_bytes(aid)
    counts = backup(db, tmp_path / "cadangan.db")
    assert counts["attachments"] == 1
    other = Store(f"sqlite:///{tmp_path / 'lain.db'}")
    restore(other, tmp_path / "cadangan.db")
    assert other.attachment_bytes(aid) == kept and other.proof_counts() == db.proof_counts()


def test_who_sees_the_files_is_a_setting(monkeypatch):
    monkeypatch.delenv("PETA_PROOF_VISIBLE", raising=False)
    assert not attachments.visible_to(None) and attachments.visible_to(ADMIN)
    monkeypatch.setenv("PETA_PROOF_VISIBLE", "everyone")
    assert attachments.visible_to(None)
    monkeypatch.setenv("PETA_PROOF_VISIBLE", "semua")
    with pytest.raises(PetaError) as exc:
        attachments.visible_to(None)
    assert exc.value.problems[0].field == "PETA_PROOF_VISIBLE"


def test_the_data_page_filters_and_marks_ceremonies_with_proof(records):
    rec = records
    ids = views.filter_ids(rec, "pilkada-2024", None, [], "", "id")
    assert len(ids) >= 2
    only = views.filter_ids(rec, "pilkada-2024", None, [], "", "id", only={ids[0]})
    assert only == [ids[0]]
    assert views.filter_ids(rec, "pilkada-2024", None, [], "", "id", only=set()) == []
    rows = views.ceremony_rows(rec, ids, "id", proof={ids[0]: 2})
    marks = dict(zip(rows["id"], rows["Bukti"]))
    assert marks[ids[0]] == "Ada bukti (2)" and marks[ids[1]] == ""
    assert "Bukti" not in views.ceremony_rows(rec, ids, "id").columns


def test_history_names_the_proof_actions():
    from types import SimpleNamespace
    import datetime as dt

    change = SimpleNamespace(id=1, at=dt.datetime(2024, 11, 20, 3), user="admin", action="attach", ceremony_id="x",
                             report_id=2, note="apel.jpg", before=None, after="{}")
    assert views.history_rows([change], "id")["Tindakan"].tolist() == ["bukti dilampirkan"]


def _cli(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def test_db_attach_lists_and_writes_the_file(fresh_store, tmp_path):
    db, data = fresh_store
    row = _report(db)
    photo = tmp_path / "Foto Apel (1).jpg"
    photo.write_bytes(_photo(8))
    done = _cli("db", "attach", str(row.id), str(photo), "--data", str(data), "--user", "sekda")
    assert done.returncode == 0, done.stderr
    [a] = db.attachments([row.id])
    assert f"attachment {a.id}" in done.stdout and a.added_by == "sekda"
    listed = _cli("db", "attachments", "--data", str(data))
    assert listed.returncode == 0 and f"{a.id},{row.id},{a.name},image/jpeg" in listed.stdout
    out = tmp_path / "keluar.jpg"
    wrote = _cli("db", "attachments", "--attachment", str(a.id), "--out", str(out), "--data", str(data))
    assert wrote.returncode == 0, wrote.stderr
    assert out.read_bytes() == db.attachment_bytes(a.id)[2]


def test_db_attach_refuses_a_file_that_is_no_picture_naming_it(fresh_store, tmp_path):
    db, data = fresh_store
    row = _report(db)
    fake = tmp_path / "pakta.jpg"
    fake.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    done = _cli("db", "attach", str(row.id), str(fake), "--data", str(data))
    assert done.returncode == 2 and "pakta.jpg" in done.stderr and "Traceback" not in done.stderr
    assert db.attachments() == []
    missing = _cli("db", "attach", str(row.id), str(tmp_path / "tidak-ada.png"), "--data", str(data))
    assert missing.returncode == 2 and "tidak-ada.png" in missing.stderr


@pytest.mark.parametrize("server", ["postgresql"])
def test_postgresql_keeps_the_bytes_and_its_backup_carries_them(server, request, tmp_path, gaz, monkeypatch):
    import shutil

    from dashboard import context

    from .conftest import DATA
    from .test_store import _fresh_database

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.setenv("PETA_DB_URL", _fresh_database(request.getfixturevalue("pg_url")))
    db = context.store(data)
    context.seed(db, gaz, data)
    row = _report(db)
    ids = editing.attach(db, row.id, [_prepared(30), _prepared(31)], ADMIN)
    kept = {i: db.attachment_bytes(i) for i in ids}
    assert all(isinstance(v[2], bytes) and v[2] for v in kept.values())
    counts = backup(db, tmp_path / "cadangan.db")  # read from the server a few files at a time
    assert counts["attachments"] == 2
    other = Store(f"sqlite:///{tmp_path / 'lain.db'}")
    restore(other, tmp_path / "cadangan.db")
    assert {i: other.attachment_bytes(i) for i in ids} == kept


def test_the_pages_mark_filter_and_show_proof_to_whom_the_setting_allows(fresh_store, monkeypatch):
    """The Data page's column and filter, the Peta panel's mark, pictures and download (signed in),
    and its words to a visitor; the entry form lists a stored report's files with a way to remove them."""
    from streamlit.testing.v1 import AppTest

    db, _ = fresh_store
    row = _report(db, "32.01.01")  # Cibinong
    editing.attach(db, row.id, [_prepared(40, "Foto **apel** [x](javascript:alert).jpg")], ADMIN)

    def page(name: str, **params) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        at.switch_page(f"app_pages/{name}.py").run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    at = page("data", election="pilkada-2024")
    table = at.dataframe[0].value
    assert dict(zip(table["Wilayah"], table["Bukti"]))["Kec. Cibinong"] == "Ada bukti (1)"
    assert len(table) == 4
    at.checkbox(key="filter_proof").check().run()
    assert list(at.dataframe[0].value["Wilayah"]) == ["Kec. Cibinong"]
    at = page("peta", election="pilkada-2024", region="32.01")
    at.selectbox(key="focus").set_value("32.01.01").run()
    captions = " ".join(c.value for c in at.caption)
    assert "Ada bukti \\(1\\)" in captions or "Ada bukti (1)" in captions
    assert "Masuk untuk melihat" in captions  # a visitor sees the mark only
    assert not [d for d in at.get("download_button") if "proof_dl" in (d.key or "")]
    at.session_state["_user"] = User("admin")
    at.run()
    assert at.get("image"), "the signed-in user sees the picture"
    downloads = [d for d in at.get("download_button") if "proof_dl" in (d.key or "")]
    [kept] = db.attachments([row.id])
    assert "*" not in kept.name and "(" not in kept.name  # the kept name is letters, digits and -_.
    assert len(downloads) == 1 and kept.name in downloads[0].label.replace("\\", "")
    at = page("catat", election="pilkada-2024", region="32.01.01")
    at.session_state["_user"] = User("admin")
    at.run()
    at.selectbox(key="f_report").set_value(str(row.id)).run()
    assert any("1/5" in m.value for m in at.markdown) and any("image/jpeg" in c.value for c in at.caption)


def test_a_reviewed_article_is_saved_with_its_proof_and_its_draft_closed_or_nothing(fresh_store, gaz):
    from .test_store import ciawi

    db, _ = fresh_store
    (draft_id,), _ = db.add_drafts("admin", [{"source": "teks", "url": None, "title": "Uji", "article_text": "Teks uji.",
                                              "draft": json.dumps({})}])
    data = {**ciawi(), "id": "ciawi-2024-11-20"}
    too_many = [_prepared(50 + i) for i in range(attachments.MAX_PER_REPORT + 1)]
    with pytest.raises(PetaError):
        editing.save_draft(db, gaz, draft_id, dict(data), CAMAT_CIAWI, proof=too_many)
    assert db.draft(draft_id).status == "open" and not db.rows("ciawi-2024-11-20")
    rid = editing.save_draft(db, gaz, draft_id, dict(data), CAMAT_CIAWI, proof=too_many[:1])
    assert db.draft(draft_id).status == "saved" and [a.report_id for a in db.attachments()] == [rid]
    assert [c.action for c in db.history("ciawi-2024-11-20")] == ["create", "attach"]
