"""The ceremony store (issue 6): seed, create, edit, withdraw, merge, history, access and
import, on a real SQLite file seeded from a copy of the curated records, and the same tests
against a real PostgreSQL server (a throwaway one on loopback, started for the run by the
``pg_url`` fixture; each test gets its own database)."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard import context, metrics
from dashboard.errors import PetaError
from dashboard.records.read import read_calendar
from dashboard.forms import formdata, sheet
from dashboard.store import auth, editing, importer
from dashboard.store.codec import load
from dashboard.store.db import Store
from dashboard.store.editing import User

from .conftest import DATA, ROOT

ADMIN = User("admin")
CAMAT_CIAWI = User("camat-ciawi", "32.01.24")


def _fresh_database(server: str) -> str:
    """A new database on the server for each test (so tests never see each other)."""
    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    eng = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.execute(sa.text(f"CREATE DATABASE {name}"))
    eng.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def env(request, tmp_path, gaz, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    if request.param == "postgresql":
        monkeypatch.setenv("PETA_DB_URL", _fresh_database(request.getfixturevalue("pg_url")))
    else:
        monkeypatch.delenv("PETA_DB_URL", raising=False)
    store = context.store(data)
    context.seed(store, gaz, data)
    return store, gaz, read_calendar(data), data


def ciawi(**over) -> dict:
    """A new ceremony in Kec. Ciawi (Kab. Bogor), the shape the form produces."""
    values = {"region": "32.01.24", "date": dt.date(2024, 11, 20), "elections": ["pilkada-2024"],
              "kinds": ["apel", "ikrar"], "leader_name": "Camat Ciawi", "leader_role": "Camat",
              "categories": ["netralitas", "politik_uang"],
              "readiness": [{"measure": "Kesiapan kecamatan", "percent": 80, "as_of": dt.date(2024, 11, 20)}],
              "sources": [{"outlet": "Radar Bogor", "title": "Apel netralitas di Ciawi"}]}
    values.update(over)
    return formdata.to_report(values)


def bogor_covered(gaz, data) -> int:
    rec = context.records(gaz, data)
    return metrics.coverage(rec, gaz, "pilkada-2024", dt.date(2024, 11, 27), "32.01").n_covered


def test_seed_is_idempotent_and_follows_file_edits(env):
    store, gaz, cal, data = env
    elections = [e.data["id"] for e in cal]
    assert len(store.rows()) == 5 and len(store.history()) == 5 + len(elections)
    # the calendar is seeded first (ceremonies refer to it), one history row per election
    assert [c.ceremony_id for c in store.history()[:len(elections)]] == [f"pemilihan:{e}" for e in elections]
    assert [e.data for e in store.calendar()] == [e.data for e in cal]
    assert context.seed(store, gaz, data) == {"added": 0, "updated": 0, "unchanged": 5, "kept_edit": 0}
    assert len(store.history()) == 5 + len(elections)  # twice adds nothing
    path = data / "ceremonies" / "lebak-2023-12-15.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nnotes:", "\nnotes: diperbarui.", 1)
                    if "\nnotes:" in path.read_text(encoding="utf-8") else path.read_text(encoding="utf-8")
                    + "notes: diperbarui.\n", encoding="utf-8")
    assert context.seed(store, gaz, data)["updated"] == 1
    assert store.history()[-1].action == "seed" and "diperbarui" in store.history()[-1].after
    # the pages read the store: same ceremonies as the files
    assert set(context.records(gaz, data).ceremonies["id"]) == {
        "cibinong-2024-11-12", "kota-bekasi-sosialisasi-2024", "lebak-2023-12-15", "rancabungur-2023-11-10"}


def test_create_edit_withdraw_with_history(env):
    store, gaz, cal, data = env
    assert bogor_covered(gaz, data) == 2
    data_ = ciawi()
    data_["id"] = editing.new_id(store, gaz, "32.01.24", data_["date"])
    assert data_["id"] == "ciawi-320124-2024-11-20"
    rid = editing.create(store, gaz, data_, CAMAT_CIAWI)
    assert bogor_covered(gaz, data) == 3  # shown at once
    row = store.row(rid)
    edited = formdata.to_report({**formdata.from_report(load(row.data)), "region": "32.01.24", "venue": "Lapangan Ciawi"},
                                base=load(row.data))
    editing.edit(store, gaz, rid, edited, CAMAT_CIAWI, row.version)
    with pytest.raises(PetaError, match="someone else"):  # a second edit from the stale form
        editing.edit(store, gaz, rid, edited, CAMAT_CIAWI, row.version)
    with pytest.raises(PetaError, match="reason"):
        editing.withdraw(store, gaz, rid, " ", CAMAT_CIAWI, row.version + 1)
    editing.withdraw(store, gaz, rid, "laporan ganda", CAMAT_CIAWI, row.version + 1)
    assert bogor_covered(gaz, data) == 2
    assert store.row(rid).status == "withdrawn"  # never deleted
    hist = store.history("ciawi-320124-2024-11-20")
    assert [h.action for h in hist] == ["create", "edit", "withdraw"]
    assert all(h.user == "camat-ciawi" for h in hist)
    assert hist[0].before is None and "Radar Bogor" in hist[0].after
    assert "Lapangan Ciawi" not in hist[1].before and "Lapangan Ciawi" in hist[1].after
    assert hist[2].note == "laporan ganda" and hist[2].after is None


def test_bad_form_input_names_fields_and_writes_nothing(env):
    store, gaz, cal, data = env
    before = store.version()
    bad = ciawi(kinds=[], sources=[], elections=["pilkada-2030"])
    bad["id"] = "ciawi-2024-11-20"
    with pytest.raises(PetaError) as exc:
        editing.create(store, gaz, bad, ADMIN)
    fields = {p.field for p in exc.value.problems}
    assert {"kinds", "sources", "elections"} <= fields
    assert store.version() == before


def test_duplicate_is_detected_and_merged_as_a_source(env):
    store, gaz, cal, data = env
    dup = ciawi(region="32.01.01", date=dt.date(2024, 11, 12), sources=[{"outlet": "Radar Bogor"}])
    dup["id"] = editing.new_id(store, gaz, "32.01.01", dup["date"])
    assert [r.ceremony_id for r in editing.duplicates(store, "32.01.01", dt.date(2024, 11, 12))] == [
        "cibinong-2024-11-12", "cibinong-2024-11-12"]
    with pytest.raises(PetaError, match="same ceremony"):  # saving it apart would count one ceremony twice
        editing.create(store, gaz, dup, ADMIN)
    editing.create(store, gaz, dup, ADMIN, merge_into="cibinong-2024-11-12")
    rec = context.records(gaz, data)
    assert (rec.sources["ceremony_id"] == "cibinong-2024-11-12").sum() == 3
    assert store.history("cibinong-2024-11-12")[-1].action == "merge"


def test_access_anonymous_and_wrong_region_cannot_write(env):
    store, gaz, cal, data = env
    before = store.version()
    d = ciawi()
    d["id"] = "ciawi-2024-11-20"
    with pytest.raises(PetaError, match="login"):
        editing.create(store, gaz, d, None)
    with pytest.raises(PetaError, match="32.01.24"):
        editing.create(store, gaz, {**d, "region": "32.01.34", "id": "rancabungur-x"}, CAMAT_CIAWI)
    cib = next(r for r in store.rows() if r.ceremony_id == "cibinong-2024-11-12")
    with pytest.raises(PetaError):
        editing.withdraw(store, gaz, cib.id, "bukan wilayah saya", CAMAT_CIAWI, cib.version)
    assert store.version() == before


def _signin_store(tmp_path) -> Store:
    (tmp_path / "store").mkdir(exist_ok=True)
    return Store(context.db_url(tmp_path / "store"))


def test_passwords_are_hashed_and_checked(tmp_path):
    h = auth.hash_password("rahasia-123", iterations=1000)
    assert h.startswith("pbkdf2_sha256$1000$") and "rahasia" not in h
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[users.camat-ciawi]\npassword_hash = "{h}"\nregion = "32.01.24"\n', encoding="utf-8")
    store = _signin_store(tmp_path)
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=store) == CAMAT_CIAWI
    assert auth.sign_in("camat-ciawi", "salah", secrets, store=store) is None
    assert auth.sign_in("siapa", "rahasia-123", secrets, store=store) is None
    # a plain password locks out only that entry, never everyone (issue 11 §7)
    secrets.write_text(f'[users.x]\npassword = "plain"\n[users.camat-ciawi]\npassword_hash = "{h}"\n'
                       f'region = "32.01.24"\n', encoding="utf-8")
    assert auth.sign_in("x", "plain", secrets, store=store) is None
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=store) == CAMAT_CIAWI
    assert [r.outcome for r in store.signins()] == ["ok", "failed", "failed", "failed", "ok"]


def test_sign_in_is_rate_limited_per_name_and_unknown_names_cost_the_same(tmp_path, monkeypatch):
    h = auth.hash_password("rahasia-123", iterations=1000)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[users.camat-ciawi]\npassword_hash = "{h}"\nregion = "32.01.24"\n', encoding="utf-8")
    store = _signin_store(tmp_path)
    t0 = dt.datetime(2024, 11, 1, 8, 0)
    at = lambda s: t0 + dt.timedelta(seconds=s)  # noqa: E731
    for i in range(4):  # four failures: the fifth try with the right password still passes
        assert auth.sign_in("camat-ciawi", f"salah-{i}", secrets, store=store, address="10.0.0.1", now=at(i)) is None
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=store, address="10.0.0.1", now=at(5)) == CAMAT_CIAWI
    assert auth.sign_in("camat-ciawi", "salah-5", secrets, store=store, address="10.0.0.1", now=at(6)) is None
    # five failures within ten minutes: even the right password is refused inside the window, from
    # any address (another server, another client: the count is the store's)
    other = Store(store.url)  # a second server on the same store
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=other, address="10.9.9.9", now=at(200)) is None
    assert auth.sign_in("Camat-Ciawi ", "rahasia-123", secrets, store=other, address="10.9.9.9", now=at(201)) is None
    after = auth.LOCK_SECONDS + 10
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=other, address="10.9.9.9", now=at(after)) == CAMAT_CIAWI
    # a spray of many names from one address is stopped after MAX_ADDRESS_FAILURES, right names included
    for i in range(auth.MAX_ADDRESS_FAILURES):
        assert auth.sign_in(f"nama-{i}", "x", secrets, store=store, address="6.6.6.6", now=at(1000 + i)) is None
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=store, address="6.6.6.6", now=at(1100)) is None
    assert auth.sign_in("camat-ciawi", "rahasia-123", secrets, store=store, address="10.0.0.1", now=at(1101)) == CAMAT_CIAWI
    assert store.signins()[-2].outcome == "locked" and store.signins()[-2].address == "6.6.6.6"
    # an unknown name is checked against a real hash too (same work as a wrong password)
    calls = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda p, stored: calls.append(stored) or real(p, stored))
    assert auth.sign_in("siapa", "x", secrets, store=store, address="10.0.0.2", now=at(3000)) is None
    assert calls and calls[0].startswith("pbkdf2_sha256$")


def test_identity_provider_users_not_listed_cannot_write(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n'
                       '[users."camat@contoh.go.id"]\nregion = "32.01.24"\n', encoding="utf-8")
    assert auth.user_for_identity("camat@contoh.go.id", secrets) == User("camat@contoh.go.id", "32.01.24")
    assert auth.user_for_identity("siapa@gmail.com", secrets) is None


# -- import --------------------------------------------------------------------------------------

def rows_csv(rows: list[dict]) -> bytes:
    import csv

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(sheet.COLUMNS))
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in sheet.COLUMNS})
    return buf.getvalue().encode("utf-8")


GOOD = {"kode_wilayah": "32.01.24", "tanggal": "2024-11-20", "pemilihan": "pilkada-2024", "jenis": "apel; ikrar",
        "penanda_tangan": "camat:1; asn", "kategori_komitmen": "netralitas", "kesiapan": "75@2024-11-20:Kesiapan",
        "sumber_media": "Radar Bogor"}


def test_import_all_or_nothing_then_only_valid_rows(env):
    store, gaz, cal, data = env
    content = rows_csv([GOOD, {**GOOD, "kode_wilayah": "32.01.99", "tanggal": "20/11/2024",
                               "kesiapan": "sembilan puluh@2024-11-20"}])
    checked = importer.check(store, gaz, cal, "upacara.csv", content, ADMIN)
    table = checked.problem_table()
    assert set(table["Baris"]) == {"upacara.csv baris 3"}
    assert {"tanggal", "kesiapan", "kode_wilayah"} <= set(table["Kolom"])
    before = store.version()
    with pytest.raises(PetaError, match="nothing was imported"):
        importer.run(store, gaz, checked, ADMIN, "upacara.csv")
    assert store.version() == before
    rejected = importer.rejected_rows("upacara.csv", content, checked)
    assert list(rejected["kode_wilayah"]) == ["32.01.99"] and "tanggal" in rejected["masalah"][0]
    assert importer.run(store, gaz, checked, ADMIN, "upacara.csv", only_valid=True).rows == 1
    assert bogor_covered(gaz, data) == 3
    assert store.history()[-1].action == "import" and "upacara.csv baris 2" in store.history()[-1].note


def test_sheet_ids_never_join_distinct_ceremonies(env, tmp_path, capsys):
    """Issue 23: two Kec. Caringin on one day (Kab. Bogor and Kab. Sukabumi) are two ceremonies, as
    are two undated rows of one kecamatan; two outlets on one place and day stay one ceremony with
    two sources; the CLI says exactly that."""
    from dashboard import cli

    store, gaz, cal, data = env
    base = {**GOOD, "penanda_tangan": "", "kesiapan": ""}
    undated = {**base, "kode_wilayah": "32.01.24", "tanggal": "", "alasan_tanpa_tanggal": "berita tanpa tanggal"}
    rows = [{**base, "kode_wilayah": "32.01.27", "sumber_media": "Radar Bogor"},
            {**base, "kode_wilayah": "32.02.31", "sumber_media": "Radar Sukabumi"},
            {**undated, "sumber_media": "Warta A", "tempat": "Aula Kecamatan"},
            {**undated, "sumber_media": "Warta B", "tempat": "Lapangan Desa Bitungsari"},
            {**base, "kode_wilayah": "32.01.26", "sumber_media": "Outlet Satu"},
            {**base, "kode_wilayah": "32.01.26", "sumber_media": "Outlet Dua"}]
    checked = importer.check(store, gaz, cal, "serentak.csv", rows_csv(rows), ADMIN)
    assert not checked.problems, checked.problems
    ids = [r.data["id"] for r in checked.reports]
    assert ids[0] == "caringin-320127-2024-11-20" and ids[1] == "caringin-320231-2024-11-20"
    assert ids[2] != ids[3] and ids[4] == ids[5]
    path = tmp_path / "serentak.csv"
    path.write_bytes(rows_csv(rows))
    assert cli.main(["import", str(path)]) == 0
    assert "6 row(s) imported: 5 ceremonies (5 new, 0 already stored given another source), 6 source(s)" in \
        capsys.readouterr().out
    ceremonies = context.records(gaz, data).ceremonies
    assert set(ids) <= set(ceremonies["id"])
    # the same sheet again, with ids now given: every row another source of a stored ceremony
    again = [{**r, "id": i, "sumber_media": r["sumber_media"] + " (ulang)"} for r, i in zip(rows, ids)]
    done = importer.run(store, gaz, importer.check(store, gaz, cal, "ulang.csv", rows_csv(again), ADMIN),
                        ADMIN, "ulang.csv")
    assert done == editing.Imported(rows=6, ceremonies=5, new_ceremonies=0, sources=6)


@pytest.mark.parametrize("name,make,message", [
    ("kosong.csv", lambda: b"", "header row"),
    ("kolom.csv", lambda: b"wilayah,tgl\n32.01.24,2024-11-20\n", "do not match the template"),
    ("header.csv", lambda: ",".join(sheet.COLUMNS).encode() + b"\n", "at least one data row"),
    ("besar.csv", lambda: b"kode_wilayah\n" + b"x" * (50 * 1024 * 1024), "at most 20 MB"),
    ("gambar.png", lambda: b"\x89PNG\r\n", ".csv or .xlsx"),
    ("rusak.xlsx", lambda: b"PK\x03\x04 not really a workbook", "Excel workbook"),
], ids=["empty", "wrong-columns", "header-only", "50MB", "not-a-sheet", "corrupt-xlsx"])
def test_malformed_uploads_are_refused_and_change_nothing(env, name, make, message):
    store, gaz, cal, data = env
    before = store.version()
    with pytest.raises(PetaError, match=message):
        importer.check(store, gaz, cal, name, make(), ADMIN)
    assert store.version() == before


def test_template_example_is_in_the_users_region_and_refused_as_it_is(env):
    """Issue 13 §4: the template's example row is in the user's own region (Kec. Ciawi for a Ciawi
    user), with drop-down lists fed from a Pilihan sheet, codes kept as text, dates as dates and a
    Petunjuk sheet with advice; imported as it is, the example row is refused by name, and once
    the user makes it their own (clears id: contoh) it is a valid Ciawi row."""
    store, gaz, cal, data = env
    ciawi_user = User("sekcam-ciawi", "32.01.24")
    example = sheet.template_example(gaz, "32.01.24", "pilkada-2024")
    names = {e.data["id"]: e.data["name"] for e in cal}
    content = sheet.template_xlsx(example, sheet.template_choices(gaz, [e.data["id"] for e in cal], "32.01.24", names))
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Upacara"]
    assert [c.value for c in ws[1]] == list(sheet.COLUMNS)
    row = {c.value: cell for c, cell in zip(ws[1], ws[2])}
    assert row["kode_wilayah"].value == "32.01.24" and row["kode_wilayah"].number_format == "@"
    assert isinstance(row["tanggal"].value, dt.datetime)  # a real date, shown in the user's own format
    assert row["tempat"].value == "Aula Kec. Ciawi"
    listed = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}
    letters = {c.value: c.column_letter for c in ws[1]}
    for col in ("pemilihan", "jenis", "penanda_tangan", "saksi", "kategori_komitmen", "kode_wilayah"):
        assert listed[letters[col]].startswith("=Pilihan!"), col
    picks = {wb["Pilihan"].cell(1, j).value: [c.value for c in list(wb["Pilihan"].columns)[j - 1][1:] if c.value]
             for j in range(1, wb["Pilihan"].max_column + 1)}
    # issue 24 §4: each choice shows its code and its name; the code is what is read
    assert picks["pemilihan"] == ["pemilu-2024 — Pemilu 2024", "pilkada-2024 — Pilkada Serentak 2024"]
    assert "32.01.24 — Kec. Ciawi" in picks["kode_wilayah"] and "apel — Apel" in picks["jenis"]
    assert not any(p.startswith("32.01.01") for p in picks["kode_wilayah"])  # Cibinong is not Ciawi's
    assert not any("data/" in str(c.value) or ".yaml" in str(c.value)  # no server paths in the help
                   for r in wb["Petunjuk"].iter_rows() for c in r)
    assert any("Tanggal tanpa tahun" == r[0].value for r in wb["Petunjuk"].iter_rows())
    checked = importer.check(store, gaz, cal, "templat.xlsx", content, ciawi_user)
    assert checked.bad_rows == {"templat.xlsx baris 2"}
    assert [(p.field, p.value) for p in checked.problems] == [("id", "contoh")]
    mine = {**example, "id": ""}
    for name, data_ in (("mine.xlsx", sheet.template_xlsx(mine)), ("mine.csv", sheet.template_csv(mine)),
                        ("mine-excel.csv", sheet.template_csv(mine, ";"))):
        checked = importer.check(store, gaz, cal, name, data_, ciawi_user)
        assert not checked.problems and checked.good[0].data["region"] == "32.01.24", name
    assert sheet.template_csv(mine, ";").decode("utf-8-sig").splitlines()[0].startswith("id;kode_wilayah;")
    picked = {**mine, "kode_wilayah": picks["kode_wilayah"][0], "pemilihan": picks["pemilihan"][1],
              "jenis": "apel — Apel; ikrar", "penanda_tangan": "camat — Camat:1; asn — ASN"}
    checked = importer.check(store, gaz, cal, "picked.xlsx", sheet.template_xlsx(picked), ciawi_user)
    got = checked.good[0].data
    assert not checked.problems and (got["region"], got["elections"], got["kinds"]) == \
        ("32.01.24", ["pilkada-2024"], ["apel", "ikrar"])
    assert got["signatories"][0] == {"group": "camat", "count": 1}


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env=env)


def test_cli_import_dry_run_and_rejection(env, tmp_path):
    store, gaz, cal, data = env
    good = tmp_path / "baik.csv"
    good.write_bytes(rows_csv([GOOD]))
    out = cli("import", str(good), "--dry-run", "--data", str(data), env=os.environ)
    assert out.returncode == 0 and "dry run" in out.stdout
    assert len(store.rows()) == 5
    bad = tmp_path / "buruk.csv"
    bad.write_bytes(rows_csv([GOOD, {**GOOD, "jenis": "tari"}]))
    out = cli("import", str(bad), "--data", str(data), env=os.environ)
    assert out.returncode == 2 and "buruk.csv baris 3" in out.stderr and "tari" in out.stderr
    assert len(store.rows()) == 5
    out = cli("import", str(good), "--data", str(data), "--user", "sekda", env=os.environ)
    assert out.returncode == 0, out.stderr
    assert store.history()[-1].user == "sekda"


def many_rows(gaz, n: int) -> bytes:
    kec = gaz.table[(gaz.table["level"] == "kecamatan") & gaz.table["code"].str.startswith("32.")]["code"]
    rows = []
    day = dt.date(2024, 9, 1)
    for i in range(n):
        code = kec.iloc[i % len(kec)]
        d = day + dt.timedelta(days=i // len(kec))
        rows.append({**GOOD, "id": f"imp-{code.replace('.', '-')}-{d.isoformat()}", "kode_wilayah": code,
                     "tanggal": d.isoformat()})
    return rows_csv(rows)


def _writing(store, start_wal: int):
    """A probe that is true once another process's import transaction has started writing rows:
    SQLite's write-ahead log grows; PostgreSQL shows an open transaction inserting reports."""
    if store.url.startswith("sqlite"):
        db_file = Path(store.url.split("///", 1)[1])
        wal = db_file.with_name(db_file.name + "-wal")
        return lambda: wal.exists() and wal.stat().st_size > start_wal + 256 * 1024
    import sqlalchemy as sa

    probe = sa.create_engine(store.url)

    def busy() -> bool:
        with probe.connect() as c:
            return bool(c.execute(sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND xact_start IS NOT NULL AND query ILIKE 'INSERT INTO reports%'")).scalar())
    return busy


@pytest.mark.parametrize("after", [0.0, 0.15, 0.5], ids=["at-first-write", "0.15s-later", "0.5s-later"])
def test_import_killed_midway_leaves_database_as_before(env, tmp_path, after):
    """kill -9 at several points of a 4,000-row import: the store holds all of it or none of it
    (an import that committed in batches would leave part of it)."""
    store, gaz, cal, data = env
    big = tmp_path / "besar.csv"
    big.write_bytes(many_rows(gaz, 4000))
    before = (store.version(), [(r.id, r.data, r.status) for r in store.rows()])
    wal_size = 0
    if store.url.startswith("sqlite"):
        db_file = Path(store.url.split("///", 1)[1])
        wal = db_file.with_name(db_file.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    writing = _writing(store, wal_size)
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "import", str(big), "--data", str(data)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ)
    deadline = time.time() + 240
    killed = False
    while time.time() < deadline and proc.poll() is None:
        if writing():  # the import's one transaction is under way
            time.sleep(after)
            killed = proc.poll() is None
            if killed:
                os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait(timeout=30)
    time.sleep(0.5)  # PostgreSQL notices the dead client and rolls its transaction back
    after_store = Store(store.url)
    now = (after_store.version(), [(r.id, r.data, r.status) for r in after_store.rows()])
    if after == 0.0:
        assert killed, "the import finished before it could be killed: " + proc.stderr.read().decode()[-500:]
    if killed:
        assert now == before
    else:  # it committed before the kill: then all of it
        assert len(now[1]) == len(before[1]) + 4000 and proc.returncode == 0


def test_a_writer_waits_for_the_lock_instead_of_failing(env):
    """While another connection holds the database's write lock for a second, a save waits and
    then lands (SQLite: busy_timeout; PostgreSQL: the row lock), instead of failing at once."""
    import threading

    import sqlalchemy as sa

    store, gaz, cal, data = env
    other = sa.create_engine(store.url)
    held = threading.Event()

    def hold() -> None:
        with other.connect() as c:
            if store.url.startswith("sqlite"):
                c.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                c.begin()
            c.exec_driver_sql("UPDATE write_lock SET n = n + 1 WHERE id = 1")
            held.set()
            time.sleep(1.2)
            c.commit()

    t = threading.Thread(target=hold)
    t.start()
    held.wait(10)
    t0 = time.perf_counter()
    editing.create(Store(store.url), gaz, {**ciawi(), "id": "ciawi-2024-11-20"}, ADMIN)
    waited = time.perf_counter() - t0
    t.join()
    other.dispose()
    assert waited > 0.5 and "ciawi-2024-11-20" in {r.ceremony_id for r in store.rows()}


def test_two_processes_writing_at_once_both_land(env, tmp_path):
    store, gaz, cal, data = env
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(rows_csv([GOOD]))
    b.write_bytes(rows_csv([{**GOOD, "kode_wilayah": "32.01.15", "id": "ciampea-2024-11-21", "tanggal": "2024-11-21"}]))
    procs = [subprocess.Popen([sys.executable, "-m", "dashboard", "import", str(f), "--data", str(data)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ) for f in (a, b)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1].decode()[-400:] for o in outs]
    assert {r.region_code for r in store.rows()} >= {"32.01.24", "32.01.15"}
    assert bogor_covered(gaz, data) == 4


def test_conflicting_writers_never_store_unloadable_records(env):
    """Issue 11 §2: two users save a report for the same kecamatan and day with different ids at the
    same moment, 20 times. Checks and writes run under one lock, so each time exactly one lands and
    the other is told why; the store loads after every race."""
    import threading

    store, gaz, cal, data = env
    for i in range(20):
        day = dt.date(2024, 10, 1) + dt.timedelta(days=i)
        start = threading.Barrier(2)
        results: list = []

        def save(n: int) -> None:
            report = ciawi(date=day)
            report["id"] = f"ciawi-race-{i}-{n}"
            own = Store(store.url)  # each user has their own connection
            start.wait()
            try:
                results.append(editing.create(own, gaz, report, ADMIN))
            except PetaError as exc:
                results.append(exc)

        threads = [threading.Thread(target=save, args=(n,)) for n in (1, 2)]
        [t.start() for t in threads]
        [t.join(timeout=120) for t in threads]
        errors = [r for r in results if isinstance(r, PetaError)]
        assert len(results) == 2 and len(errors) == 1, results
        assert "same ceremony" in errors[0].message or "id" in errors[0].message
        context.records(gaz, data)  # loads: raises if anything unloadable was stored
    assert sum(r.region_code == "32.01.24" for r in store.rows()) == 20


def test_two_servers_starting_on_one_fresh_database_seed_once(env, tmp_path):
    """Issue 11 §3: two processes open and seed the same new database at once."""
    store, gaz, cal, data = env
    fresh = tmp_path / "fresh"
    shutil.copytree(data, fresh, ignore=shutil.ignore_patterns("peta.db*"))
    url = store.url if not store.url.startswith("sqlite") else f"sqlite:///{fresh / 'peta.db'}"
    if not url.startswith("sqlite"):
        url = _fresh_database(url.rsplit("/", 1)[0] + "/postgres")
    code = ("import sys; from dashboard import context; g = context.gazetteer(); "
            "context.records(g, sys.argv[1]); print('ok')")
    env_vars = {**os.environ, "PETA_DB_URL": url, "PETA_DATA_DIR": str(fresh)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(fresh)], cwd=ROOT, env=env_vars,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1].decode()[-600:] for o in outs]
    rows = Store(url).rows()
    assert len(rows) == 5 and len({r.origin for r in rows}) == 5  # every file once


def test_unloadable_store_names_the_report_and_can_be_repaired(env):
    """Issue 11 §2: if the stored data ever is unloadable (written by an older version, or by hand),
    the report at fault is named and can be withdrawn from the CLI, which makes it load again."""
    store, gaz, cal, data = env
    clash = ciawi(date=dt.date(2024, 11, 12), region="32.01.01")  # Cibinong's place and day, another id
    clash["id"] = "cibinong-kembar"
    (rid,) = store.write("legacy", [(None, editing.Change("create", clash))], origin="form")  # no check: as before the fix
    with pytest.raises(PetaError) as err:
        context.records(gaz, data)
    assert [r.id for r in editing.faulty_rows(store, err.value)].count(rid) == 1
    out = cli("db", "withdraw", str(rid), "--reason", "kembar dengan laporan Cibinong", "--data", str(data))
    assert out.returncode == 0, out.stderr
    assert "cibinong-2024-11-12" in set(context.records(gaz, data).ceremonies["id"])
    assert store.row(rid).status == "withdrawn" and store.history()[-1].note == "kembar dengan laporan Cibinong"


TRICKY = ['Aula "Merdeka", lantai 2', "Balai; desa", "baris\nbaru", "Kantor Camat Cikarang Pusat — ruang ñ é",
          "=SUM(A1)", '""']


@pytest.mark.parametrize("dialect", ["python-comma", "excel-indonesia-utf8", "excel-indonesia-cp1252", "xlsx"])
def test_import_cells_come_back_as_written(dialect):
    """Issue 11 §4: quotes, commas, semicolons, line breaks and non-ASCII survive every dialect."""
    import csv

    from openpyxl import Workbook

    rows = [{**GOOD, "tempat": v, "tanggal": f"2024-11-{10 + i:02d}"} for i, v in enumerate(TRICKY)]
    if dialect == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.append(list(sheet.COLUMNS))
        for r in rows:
            ws.append([r.get(k, "") for k in sheet.COLUMNS])
        for row in ws.iter_rows(min_row=2):
            for c in row:
                c.data_type = "s"  # text as typed, as the template's cells are
        buf = io.BytesIO()
        wb.save(buf)
        content, name = buf.getvalue(), "u.xlsx"
    else:
        text = io.StringIO(newline="")
        w = csv.DictWriter(text, fieldnames=list(sheet.COLUMNS), delimiter="," if dialect == "python-comma" else ";")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in sheet.COLUMNS})
        enc = {"python-comma": "utf-8", "excel-indonesia-utf8": "utf-8-sig"}.get(dialect, "cp1252")
        value = text.getvalue()
        if enc == "cp1252":
            value = value.replace("—", "-")  # not in Windows-1252
        content, name = value.encode(enc), "u.csv"
    reports, problems = sheet.parse(name, content, lambda d: "x-" + str(d.get("date")))
    assert not problems, problems
    got = [r.data.get("venue") for r in reports]
    want = [v if enc_ok else v.replace("—", "-") for v, enc_ok in
            zip(TRICKY, [dialect != "excel-indonesia-cp1252"] * len(TRICKY))]
    assert got == want


def test_import_dates_only_iso_and_extra_cells_named():
    content = rows_csv([{**GOOD, "tanggal": "20241120"}, {**GOOD, "tanggal": "2024-W47-3"}])
    _, problems = sheet.parse("u.csv", content, lambda d: "x")
    assert {(p.file, p.value) for p in problems if p.field == "tanggal"} == {("u.csv baris 2", "20241120"),
                                                                             ("u.csv baris 3", "2024-W47-3")}
    shifted = b"kode_wilayah,tanggal,pemilihan,jenis,sumber_media\n32.01.24,2024-11-20,pilkada-2024,apel,Radar,90\n"
    _, problems = sheet.parse("s.csv", shifted, lambda d: "x")
    assert any(p.file == "s.csv baris 2" and p.value == ["90"] for p in problems)


@pytest.mark.parametrize("content", [b"", b"garbage, not a database" * 10])
def test_an_emptied_or_corrupt_sqlite_file_is_refused_not_recreated(tmp_path, content):
    """Issue 11 §5: an emptied peta.db must not come back silently as a fresh store."""
    from dashboard.store.db import Store

    db = tmp_path / "peta.db"
    db.write_bytes(content)
    with pytest.raises(PetaError) as exc:
        Store(f"sqlite:///{db}")
    assert str(db) in exc.value.message and "Restore it from a backup" in exc.value.message
    assert db.read_bytes() == content  # left exactly as it was


def test_a_second_server_waits_while_the_first_creates_the_file(tmp_path):
    """CI stop 44: SQLite creates the file (0 bytes) before writing its header; a second server
    starting at that moment refused the new store as emptied. It now waits for the creator (who
    holds the lock beside the file) and opens the database the creator wrote."""
    import fcntl
    import sqlite3
    import threading

    from dashboard.store import schema

    db = tmp_path / "peta.db"
    db.write_bytes(b"")  # the creator's first connection, header not yet written
    creator = open(f"{db}.lock", "a")
    fcntl.flock(creator, fcntl.LOCK_EX)
    opened: dict = {}

    def second_server():
        try:
            opened["engine"] = schema.open_engine(f"sqlite:///{db}")
        except Exception as exc:  # the failure this test exists for
            opened["error"] = exc

    thread = threading.Thread(target=second_server)
    thread.start()
    thread.join(1.0)
    assert thread.is_alive() and not opened  # waiting, not refusing the half-made file
    with sqlite3.connect(db) as conn:  # the creator writes its database, then lets go
        conn.execute("CREATE TABLE made_by_the_first (a)")
    creator.close()
    thread.join(60)
    assert "engine" in opened, opened.get("error")
    with opened["engine"].connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master").all()}
    assert {"made_by_the_first", "alembic_version"} <= names


def test_a_database_path_that_is_a_folder_is_named(tmp_path):
    """Issue 23: peta.db being a folder gave a raw traceback."""
    from dashboard.store.db import Store

    db = tmp_path / "peta.db"
    db.mkdir()
    with pytest.raises(PetaError) as exc:
        Store(f"sqlite:///{db}")
    assert str(db) in exc.value.message and "is a folder" in exc.value.message
    assert db.is_dir() and not any(db.iterdir())


def test_a_damaged_seed_stamp_means_seeding_again(env):
    """Issue 23: a seed stamp that is not UTF-8 gave a raw traceback; now it is no stamp."""
    from dashboard import settings

    store, gaz, cal, data = env
    import hashlib

    stamp = settings.cache_dir() / "seeded" / hashlib.sha256(f"{store.url}|{data.resolve()}".encode()).hexdigest()[:24]
    assert stamp.is_file()
    stamp.write_bytes(b"\xff\xfe\x00 rusak")
    assert context.seed(store, gaz, data) == {"added": 0, "updated": 0, "unchanged": 5, "kept_edit": 0}
    assert stamp.read_text(encoding="utf-8").endswith(store.version())  # written again, whole


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(sheet.COLUMNS))
    for r in rows:
        ws.append([r.get(c, "") for c in sheet.COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _row(i: int, **kw) -> dict:
    return {"kode_wilayah": "32.01.24", "tanggal": f"2024-10-{i:02d}", "pemilihan": "pilkada-2024",
            "jenis": "apel; ikrar", "sumber_media": f"Media {i}", **kw}


def test_xlsx_with_a_stale_dimension_reads_every_row():
    """Issue 11 §4: a <dimension> record saying A1:Q2 while three rows are present."""
    import re
    import zipfile

    content = _xlsx([_row(1), _row(2), _row(3)])
    src, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<dimension" in data
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Q2"', data)
            dst.writestr(item, data)
    rows = sheet.read_rows("basi.xlsx", out.getvalue())
    assert [r["sumber_media"] for r in rows] == ["Media 1", "Media 2", "Media 3"]


def test_xlsx_formula_without_a_saved_result_and_cut_text_are_named():
    content = _xlsx([_row(1, sumber_media="=CONCAT(\"Radar\",\" Bogor\")"), _row(2, tempat="x" * 32_767)])
    with pytest.raises(PetaError) as exc:
        sheet.read_rows("rumus.xlsx", content)
    cells = {p.field: p for p in exc.value.problems}
    media_col = "ABCDEFGHIJKLMNOPQ"[list(sheet.COLUMNS).index("sumber_media")]
    place_col = "ABCDEFGHIJKLMNOPQ"[list(sheet.COLUMNS).index("tempat")]
    assert f"cell {media_col}2" in cells and "no saved result" in cells[f"cell {media_col}2"].expected
    assert f"cell {place_col}3" in cells and "32767" in cells[f"cell {place_col}3"].expected
    assert "nothing was imported" in exc.value.message


def test_json_twin_reads_as_the_yaml_and_yaml_is_the_fallback(env):
    """Reports load from their JSON twin (fast); it holds exactly what the YAML holds, and a
    row without one (a mapping JSON cannot carry exactly) is read from its YAML."""
    import sqlalchemy as sa

    from dashboard.store.codec import row_data, to_json

    store, gaz, cal, data = env
    rows = store.rows()
    assert rows and all(r.parsed for r in rows)
    for r in rows:
        assert row_data(r.data, r.parsed) == load(r.data)
    sample = {"date": dt.date(2024, 2, 14), "at": dt.datetime(2024, 2, 14, 8, 30), "n": [1, 2.5, None, True]}
    assert row_data("", to_json(sample)) == sample
    assert to_json({1: "non-text key"}) is None and to_json({"$d": "looks like a tag"}) is None
    assert to_json({"x": float("nan")}) is None
    before = context.records(gaz, data).ceremonies
    with store.engine.begin() as c:
        c.execute(sa.text("UPDATE reports SET parsed = NULL"))
    loaded = store.reports()
    assert sorted(r.data["id"] for r in loaded) == sorted(before["id"].tolist() + ["cibinong-2024-11-12"])
    # a write fills the twin again
    editing.create(store, gaz, {**ciawi(), "id": "ciawi-2024-11-20"}, ADMIN)
    assert [r.parsed is not None for r in store.rows()].count(True) == 1


def test_records_snapshot_is_used_only_while_nothing_changed(env, tmp_path, monkeypatch):
    from dashboard.records import snapshot

    store, gaz, cal, data = env
    monkeypatch.setenv("PETA_CACHE_DIR", str(tmp_path / "cache"))
    first = context.records(gaz, data)
    files = sorted(p.name.startswith("latest-") for p in (tmp_path / "cache" / "records").glob("*.pickle"))
    assert files == [False, True]  # this version's tables, and the store's newest tables
    again = context.records(gaz, data)
    assert again.ceremonies.equals(first.ceremonies) and again.sources.equals(first.sources)
    # a write moves the store's version: the next load (a CLI command, a restart) reads the newest
    # tables and applies the write alone, never loading every report again (issue 39 §2)
    editing.create(store, gaz, {**ciawi(), "id": "ciawi-2024-11-20"}, ADMIN)
    full_load = context.load_records
    monkeypatch.setattr(context, "load_records", lambda *a: pytest.fail("a full load after one write"))
    assert "ciawi-2024-11-20" in set(context.records(gaz, data).ceremonies["id"])
    monkeypatch.setattr(context, "load_records", full_load)
    # an edited calendar is another key
    k1 = snapshot.key(store.url, store.version(), data / "elections.yaml", gaz.table)
    (data / "elections.yaml").write_text((data / "elections.yaml").read_text(encoding="utf-8") + "\n",
                                         encoding="utf-8")
    assert snapshot.key(store.url, store.version(), data / "elections.yaml", gaz.table) != k1
    # a damaged snapshot is dropped and the records load as before
    for p in (tmp_path / "cache" / "records").glob("*.pickle"):
        p.write_bytes(b"\x80\x05 not a pickle")
    assert "ciawi-2024-11-20" in set(context.records(gaz, data).ceremonies["id"])


def test_seed_skips_reading_files_only_while_the_folder_is_unchanged(env, tmp_path, monkeypatch):
    store, gaz, cal, data = env
    monkeypatch.setenv("PETA_CACHE_DIR", str(tmp_path / "cache"))
    assert context.seed(store, gaz, data)["unchanged"] == 5
    reads = []
    monkeypatch.setattr(Path, "read_bytes", lambda self, _orig=Path.read_bytes: reads.append(self) or _orig(self))
    assert context.seed(store, gaz, data) == {"added": 0, "updated": 0, "unchanged": 5, "kept_edit": 0}
    assert not [p for p in reads if p.parent.name == "ceremonies"]  # the stamp said nothing changed
    monkeypatch.undo()
    monkeypatch.setenv("PETA_CACHE_DIR", str(tmp_path / "cache"))
    path = data / "ceremonies" / "lebak-2023-12-15.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Lebak", "Lebak ", 1), encoding="utf-8")
    assert context.seed(store, gaz, data)["updated"] == 1


def test_a_region_limited_user_is_refused_on_every_write_path(env):
    """Issue 11 §8: a user limited to Kec. Ciawi writes in Ciawi and nowhere else, on every path
    that writes: the form (create, merge, edit, move, withdraw, repair), a reviewed article
    draft, and an import (its check, its run, and the writer underneath both)."""
    import json

    store, gaz, cal, data = env
    cib = next(r for r in store.rows() if r.ceremony_id == "cibinong-2024-11-12")
    elsewhere = {**ciawi(), "id": "cibinong-lain-2024-11-20", "region": "32.01.01"}
    own = {**ciawi(), "id": "ciawi-2024-11-20"}
    (draft_id,), _ = store.add_drafts("admin", [{"source": "teks", "url": None, "title": "Uji",
                                                 "article_text": "Teks uji.", "draft": json.dumps({})}])
    row = ",".join({"kode_wilayah": "32.01.01", "tanggal": "2024-11-21", "pemilihan": "pilkada-2024",
                    "jenis": "apel", "sumber_media": "Radar Uji"}.get(c, "") for c in sheet.COLUMNS)
    upload = (",".join(sheet.COLUMNS) + "\n" + row + "\n").encode()
    before = store.version()
    attempts = {
        "create": lambda: editing.create(store, gaz, elsewhere, CAMAT_CIAWI),
        "merge": lambda: editing.create(store, gaz, {**own, "region": "32.01.01"}, CAMAT_CIAWI,
                                        merge_into="cibinong-2024-11-12"),
        "edit": lambda: editing.edit(store, gaz, cib.id, load(cib.data), CAMAT_CIAWI, cib.version),
        "withdraw": lambda: editing.withdraw(store, gaz, cib.id, "bukan", CAMAT_CIAWI, cib.version),
        "repair": lambda: editing.withdraw(store, gaz, cib.id, "rusak", CAMAT_CIAWI, cib.version, repair=True),
        "article": lambda: editing.save_draft(store, gaz, draft_id, elsewhere, CAMAT_CIAWI),
        "import-run": lambda: importer.run(store, gaz, importer.Checked(*sheet.parse(
            "lain.csv", upload, lambda d: "cibinong-lain-2024-11-21")), CAMAT_CIAWI, "lain.csv"),
        "import-writer": lambda: editing.import_reports(store, gaz, sheet.parse(
            "lain.csv", upload, lambda d: "cibinong-lain-2024-11-21")[0], CAMAT_CIAWI, "lain.csv"),
    }
    for name, attempt in attempts.items():
        with pytest.raises(PetaError, match="32.01.24"):
            attempt()
        assert store.version() == before, name
    checked = importer.check(store, gaz, cal, "lain.csv", upload, CAMAT_CIAWI)
    assert any("32.01.24" in p.expected for p in checked.problems)
    # their own kecamatan: written; and then not movable out of it
    rid = editing.create(store, gaz, own, CAMAT_CIAWI)
    mine = store.row(rid)
    with pytest.raises(PetaError, match="32.01.24"):
        editing.edit(store, gaz, rid, {**own, "region": "32.01.01"}, CAMAT_CIAWI, mine.version)
    assert store.row(rid).region_code == "32.01.24"


def test_access_is_checked_under_the_lock_on_the_region_as_stored_now(env, monkeypatch):
    """Issue 25 §4: the store asks the access rule for every row a write touches, under its lock,
    on the report's region as stored then. A Ciawi user who read their report before an admin moved
    it to Cibinong cannot edit it back into Ciawi (the stale read passes the early checks), nor
    withdraw it; and a write of several rows where one lies elsewhere writes none of them."""
    store, gaz, cal, data = env
    rid = editing.create(store, gaz, {**ciawi(), "id": "ciawi-2024-11-20"}, CAMAT_CIAWI)
    stale = store.row(rid)  # what the Ciawi user's page read
    moved = {**load(stale.data), "region": "32.01.01"}
    editing.edit(store, gaz, rid, moved, User("admin"), stale.version)  # the admin moves it to Cibinong
    now = store.row(rid)
    monkeypatch.setattr(store, "row", lambda report_id: stale)  # the early checks see the stale read
    before = store.version()
    with pytest.raises(PetaError, match="32.01.24"):
        editing.edit(store, gaz, rid, load(stale.data), CAMAT_CIAWI, now.version)
    with pytest.raises(PetaError, match="32.01.24"):
        editing.withdraw(store, gaz, rid, "salah", CAMAT_CIAWI, now.version)
    monkeypatch.undo()
    assert store.version() == before and store.row(rid).region_code == "32.01.01"
    # the store API itself: two rows, the second another region's, in one write: neither is written
    cib = next(r for r in store.rows() if r.ceremony_id == "cibinong-2024-11-12")
    own = {**ciawi(), "id": "ciawi-lagi-2024-11-21", "date": "2024-11-21"}
    with pytest.raises(PetaError, match="32.01.24"):
        store.write("sekcam-ciawi", [(None, editing.Change("create", own)),
                                     (cib.id, editing.Change("edit", {**load(cib.data), "region": "32.01.24"}))],
                    origin="form", access=editing._access(CAMAT_CIAWI))
    assert store.version() == before and "ciawi-lagi-2024-11-21" not in {r.ceremony_id for r in store.rows()}
    assert store.row(cib.id).region_code == "32.01.01"


def test_rejecting_a_draft_needs_access_a_reason_and_leaves_history(env):
    """Issue 23: rejecting a draft checked no access, took an empty reason and wrote no history."""
    import json

    store, gaz, cal, data = env

    def queue(region, by="admin"):
        draft = json.dumps({"region": {"value": region}} if region else {})
        (n,), _ = store.add_drafts(by, [{"source": f"teks-{region}", "url": None, "title": "Uji",
                                         "article_text": "Teks uji.", "draft": draft}])
        return n

    cibinong, ciawi_, nowhere, own = queue("32.01.01"), queue("32.01.24"), queue(None), queue(None, "camat-ciawi")
    before = len(store.history())
    for draft, user, reason, says in ((cibinong, CAMAT_CIAWI, "bukan upacara", "32.01.24"),
                                      (ciawi_, None, "bukan upacara", "signed-in"),
                                      (ciawi_, CAMAT_CIAWI, "  ", "reason"),
                                      (nowhere, CAMAT_CIAWI, "bukan upacara", "suggests no region")):
        with pytest.raises(PetaError, match=says):
            editing.reject_draft(store, draft, reason, user)
    assert len(store.drafts("rejected")) == 0 and len(store.history()) == before
    editing.reject_draft(store, ciawi_, " hanya imbauan, bukan upacara ", CAMAT_CIAWI)
    editing.reject_draft(store, own, "berita ganda", CAMAT_CIAWI)  # queued by them, no region
    editing.reject_draft(store, nowhere, "bukan upacara", ADMIN)
    assert {d.id for d in store.drafts("rejected")} == {ciawi_, own, nowhere}
    rows = store.history()[before:]
    assert [(h.action, h.ceremony_id, h.user) for h in rows] == [
        ("reject_draft", f"draf-{ciawi_}", "camat-ciawi"), ("reject_draft", f"draf-{own}", "camat-ciawi"),
        ("reject_draft", f"draf-{nowhere}", "admin")]
    assert rows[0].note == "teks-32.01.24: hanya imbauan, bukan upacara"
    with pytest.raises(PetaError, match="already marked it rejected"):
        editing.reject_draft(store, ciawi_, "lagi", ADMIN)


def test_a_full_disk_is_named_and_the_store_stays_as_it_was(env, tmp_path):
    """A write that hits a file-size limit (how a full disk looks to SQLite) ends in the one error
    shape, with the driver's reason and no SQL; the store is unchanged and still loads."""
    store, gaz, cal, data = env
    if not store.url.startswith("sqlite"):
        pytest.skip("a file-size limit is a local-file case")
    big = tmp_path / "besar.csv"
    big.write_bytes(many_rows(gaz, 3000))
    before = store.version()
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from dashboard import context\n"
        "from dashboard.errors import PetaError\n"
        "from dashboard.records.read import read_calendar\n"
        "from dashboard.store import importer\n"
        "from dashboard.store.editing import User\n"
        f"data = Path({str(data)!r})\n"
        "gaz = context.gazetteer(); db = context.store(data); cal = read_calendar(data)\n"
        f"checked = importer.check(db, gaz, cal, 'besar.csv', Path({str(big)!r}).read_bytes(), User('admin'))\n"
        "size = Path(db.url.split('///', 1)[1]).stat().st_size\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    importer.run(db, gaz, checked, User('admin'), 'besar.csv')\n"
        "except PetaError as exc:\n"
        "    print('REFUSED', exc.message); sys.exit(3)\n"
        "print('WROTE')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=os.environ, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 3, proc.stdout[-500:] + proc.stderr[-1500:]
    assert "nothing was saved" in proc.stdout and "INSERT" not in proc.stdout and "Traceback" not in proc.stderr
    assert store.version() == before
    context.records(gaz, data)  # still loads


def test_a_damaged_boundary_cache_is_rebuilt_not_trusted(tmp_path, geo_cfg):
    from dataclasses import replace

    from dashboard.geo.store import build, ensure, is_built, load_table

    cfg = replace(geo_cfg, provinces=("36",), cache=tmp_path / "cache")  # one small province: quick
    build(cfg)
    part = cfg.directory / "kec.parquet"
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])  # a copy cut short
    assert not is_built(cfg)
    assert ensure(cfg).built is True  # rebuilt, not "already cached"
    assert len(load_table(cfg)) > 0 and is_built(cfg)


@pytest.mark.parametrize("count", ["¹²", "１２", "9" * 20, "-3", "1.5"])
def test_a_signatory_count_not_written_with_plain_digits_is_named(count):
    """Found by the generated sheets: superscript digits passed str.isdigit() and crashed int()."""
    row = ",".join({"kode_wilayah": "32.01.24", "tanggal": "2024-11-20", "pemilihan": "pilkada-2024",
                    "jenis": "apel", "sumber_media": "Radar Uji", "penanda_tangan": f"camat:{count}"}.get(c, "")
                   for c in sheet.COLUMNS)
    _, problems = sheet.parse("x.csv", (",".join(sheet.COLUMNS) + "\n" + row + "\n").encode(), lambda d: "x")
    assert [(p.field, p.value) for p in problems] == [("penanda_tangan", f"camat:{count}")]


def test_the_sqlite_wal_is_cut_back_after_a_checkpoint(tmp_path):
    """Issue 26: the WAL stayed as large as the database after a big write. Every connection sets
    a size limit: once a checkpoint has copied a large write into the database, the next write
    starts the WAL again and cuts the file back to the limit."""
    from sqlalchemy import text

    from dashboard.store.db import Store
    from dashboard.store.schema import WAL_LIMIT

    store = Store(f"sqlite:///{tmp_path / 'peta.db'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_size_limit")).scalar() == WAL_LIMIT
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    with store.engine.begin() as conn:  # a write of about twice the limit
        conn.execute(text("CREATE TABLE ballast (x BLOB)"))
        for _ in range(2 * WAL_LIMIT // (4 * 1024 * 1024)):
            conn.execute(text("INSERT INTO ballast VALUES (randomblob(4194304))"))
    assert (tmp_path / "peta.db-wal").stat().st_size > WAL_LIMIT
    with store.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(PASSIVE)"))
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO ballast VALUES (x'00')"))
    assert (tmp_path / "peta.db-wal").stat().st_size <= WAL_LIMIT


def _more_files(data: Path, n: int) -> list[str]:
    """``n`` new curated files: one kecamatan ceremony each, on days no other file uses."""
    from dashboard.store.codec import dump

    names = []
    for i in range(n):
        report = {**ciawi(date=dt.date(2024, 10, 1) + dt.timedelta(days=i)), "id": f"ciawi-berkas-{i:02d}"}
        (data / "ceremonies" / f"ciawi-berkas-{i:02d}.yaml").write_text(dump(report), encoding="utf-8")
        names.append(f"ciawi-berkas-{i:02d}.yaml")
    return names


def test_a_large_seed_is_written_in_batches_told_and_goes_on_where_it_stopped(env, monkeypatch):
    """Issue 26: a first seed of many curated files says how far it is, and a seed stopped half-way
    (here: the process dies while writing the third batch) leaves whole batches; the next seed stores
    the rest, and counts what the first one stored as unchanged."""
    from dashboard.store import db as db_module

    store, gaz, cal, data = env
    names = _more_files(data, 7)
    monkeypatch.setattr(db_module, "SEED_BATCH", 3)
    real_write, writes = Store.write, []

    def dying(self, user, items, **kw):
        writes.append(user)
        if len(writes) == 3:
            raise KeyboardInterrupt  # the process stopped mid-seed
        return real_write(self, user, items, **kw)

    told: list[tuple[int, int]] = []
    monkeypatch.setattr(Store, "write", dying)
    with pytest.raises(KeyboardInterrupt):
        context.seed(store, gaz, data, progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 7), (3, 7), (6, 7)]
    stored = {r.origin for r in store.rows()}
    assert {f"file:{n}" for n in names[:6]} <= stored and f"file:{names[6]}" not in stored
    monkeypatch.setattr(Store, "write", real_write)
    told.clear()
    assert context.seed(store, gaz, data, progress=lambda done, total: told.append((done, total))) == {
        "added": 1, "updated": 0, "unchanged": 5 + 6, "kept_edit": 0}
    assert told == [(0, 1), (1, 1)]
    assert len({r.origin for r in store.rows()}) == 5 + 7
    assert {f"ciawi-berkas-{i:02d}" for i in range(7)} <= set(context.records(gaz, data).ceremonies["id"])


def test_a_broken_file_among_many_stops_the_seed_before_any_batch_is_written(env, monkeypatch):
    """All new files are checked together first: a clash in the last batch writes nothing at all."""
    from dashboard.store import db as db_module
    from dashboard.store.codec import dump

    store, gaz, cal, data = env
    _more_files(data, 6)
    # the last file (in the last batch) claims the first one's place and day under another id
    clash = {**ciawi(date=dt.date(2024, 10, 1)), "id": "ciawi-kembar"}
    (data / "ceremonies" / "zz-ciawi-kembar.yaml").write_text(dump(clash), encoding="utf-8")
    monkeypatch.setattr(db_module, "SEED_BATCH", 2)
    before = store.version()
    with pytest.raises(PetaError) as err:
        context.seed(store, gaz, data)
    assert "ciawi-kembar" in str(err.value) and "ciawi-berkas-00" in str(err.value)
    assert store.version() == before and len(store.rows()) == 5
