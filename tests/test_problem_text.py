"""Issue 13 §4: every problem a user of the pages can meet is worded in the interface language.

Problems are generated the way users cause them: a form report broken field by field (through the
real validator), uploads broken cell by cell and file by file (through the real importer), and bad
link parameters. Each is a code of the catalog (``dashboard.i18n_problems``) worded in both languages,
and the sentence shown must carry no English frame words."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from dashboard import problem_text
from dashboard.errors import Msg, PetaError, Problem, msg
from dashboard.records.read import RawReport
from dashboard.records.validate import validate_report
from dashboard.forms import sheet
from dashboard.store import importer
from dashboard.store.editing import User

from .conftest import DATA

ADMIN = User("admin")


@pytest.fixture
def env(tmp_path, gaz, monkeypatch):
    """A seeded SQLite copy of the curated records (the wording does not depend on the database)."""
    import shutil

    from dashboard import context
    from dashboard.records.read import read_calendar

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    store = context.store(data)
    context.seed(store, gaz, data)
    return store, gaz, read_calendar(data), data

GOOD = {
    "id": "ciawi-2024-11-20", "region": "32.01.24", "level": "kecamatan", "date": dt.date(2024, 11, 20),
    "elections": ["pilkada-2024"], "kinds": ["ikrar"], "venue": "Aula Kecamatan Ciawi",
    "leader": {"name": "Camat Ciawi", "role": "Camat"},
    "signatories": [{"group": "kepala_desa", "count": 13, "all": True}],
    "witnesses": ["panwascam"], "commitments": [{"category": "netralitas", "text": "Menjaga netralitas"}],
    "readiness": [{"measure": "kesiapan", "percent": 80, "as_of": dt.date(2024, 11, 20)}],
    "sources": [{"outlet": "Warta Ciawi", "url": "https://warta.contoh.id/ciawi"}],
}

BROKEN = {  # field path -> a wrong value a user could enter
    "id": "Ciawi 20 Nov", "region": "32.01.99", "level": "provinsi", "date": "20/11/2024",
    "elections": [], "kinds": ["rapat"], "venue": "", "leader": "Camat",
    "signatories": [{"group": "warga", "count": 0, "all": "ya"}], "witnesses": ["warga"],
    "commitments": [{"category": "lain", "text": ""}],
    "readiness": [{"measure": "kesiapan", "percent": 120, "as_of": None}],
    "sources": [{"outlet": "", "url": "javascript:alert(1)", "published": "kemarin"}],
    "date_unknown_reason": "lupa", "unknown_field": 1,
}


def _form_problems(gaz) -> list[Problem]:
    found: list[Problem] = []
    for key, value in BROKEN.items():
        data = copy.deepcopy(GOOD)
        data[key] = value
        validate_report(RawReport("form", data), gaz, {"pilkada-2024": None, "pemilu-2024": None}, found)
    undated = {**copy.deepcopy(GOOD), "date": None, "date_inferred": {"stated": "20 November", "year": 2024}}
    validate_report(RawReport("form", undated), gaz, {"pilkada-2024": None}, found)
    held = {**copy.deepcopy(GOOD), "elections": ["pilkada-2024"]}  # an election its region does not hold
    validate_report(RawReport("form", held), gaz, {"pilkada-2024": ["36.01"]}, found)
    return found


def _sheet(rows: list[dict], delimiter: str = ",") -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(sheet.COLUMNS), delimiter=delimiter, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in sheet.COLUMNS})
    return buf.getvalue().encode()


ROW = {"kode_wilayah": "32.01.24", "tanggal": "2024-11-20", "pemilihan": "pilkada-2024", "jenis": "ikrar",
       "penanda_tangan": "kepala_desa:13:semua", "sumber_media": "Warta Ciawi"}
BAD_CELLS = {"kode_wilayah": "32.1", "tanggal": "20 November", "pemilihan": "pilkada-2029", "jenis": "rapat",
             "penanda_tangan": "kepala_desa:²", "saksi": "warga", "kategori_komitmen": "lain",
             "kesiapan": "90 persen", "sumber_media": "", "sumber_url": "ftp://x", "sumber_tanggal": "2024-13-01"}


def _workbook_without_sheet() -> bytes:
    wb = Workbook()
    wb.active.append(list(sheet.COLUMNS))
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            if "worksheets" not in item.filename:
                z.writestr(item, src.read(item.filename))
    return out.getvalue()


def _workbook_with_entities() -> bytes:
    """A sheet part declaring nested XML entities (a "billion laughs" file)."""
    wb = Workbook()
    wb.active.append(list(sheet.COLUMNS))
    wb.active.append(["x"] * len(sheet.COLUMNS))
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    bomb = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh")) + "]>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                at = text.index("?>") + 2 if "?>" in text else 0
                data = (text[:at] + bomb + text[at:]).encode()
            z.writestr(item, data)
    return out.getvalue()


FILES = {  # issue 11 §5's uploads, and the other whole-file mistakes
    "pipa.csv": lambda: _sheet([ROW], "|"),
    "satu-kolom.csv": lambda: b"kode_wilayah\n32.01.24\n",
    "baris-kosong.csv": lambda: b"\n" + _sheet([ROW]),
    "komentar.csv": lambda: b"# Sumber: ekspor Peta Netralitas\n" + _sheet([ROW]),
    "sel-panjang.csv": lambda: _sheet([{**ROW, "sumber_judul": "x" * 140_000}]),
    "kosong.csv": lambda: b"",
    "judul-saja.csv": lambda: _sheet([]),
    "gambar.png": lambda: b"\x89PNG\r\n",
    "tanpa-lembar.xlsx": _workbook_without_sheet,
    "entitas.xlsx": _workbook_with_entities,
    "rusak.xlsx": lambda: b"PK\x03\x04 bukan buku kerja",
    "terlalu-banyak-sel.csv": lambda: _sheet([ROW]).replace(b"Warta Ciawi", b"Warta Ciawi,,lebih"),
}


ENGLISH = re.compile(r"\b(found|valid|one of|required|a list|field|record|file|at most|nothing|should|must)\b")


def _english(text: str) -> list[str]:
    """English frame words (field ids such as date_unknown_reason are not words here)."""
    return ENGLISH.findall(re.sub(r"\w+_\w+", "", text))


def test_form_problems_read_in_indonesian(gaz):
    problems = _form_problems(gaz)
    fields = {p.field.split("[")[0].split(".")[0] for p in problems}
    assert {"id", "region", "level", "date", "elections", "kinds", "leader", "signatories", "witnesses",
            "commitments", "readiness", "sources", "date_unknown_reason", "unknown_field"} <= fields
    for p in problems:
        line = problem_text.say(p, "id")
        assert not _english(line), (line, _english(line))


def test_one_problem_worded_for_the_form():
    """The issue's example: a form saved with no kind of ceremony."""
    p = Problem("kinds", [], msg("nonempty_list", what="list of kinds"), file="form", record="ciawi-2024-11-26")
    assert problem_text.say(p, "id") == ("form · ciawi-2024-11-26 · jenis upacara: tertulis (kosong); "
                                        "yang benar: isi minimal satu (di lembar: beberapa isian dipisah ;)")
    p = Problem("sources[1].url", "javascript:x", msg("url_rule"), file="form")
    assert problem_text.say(p, "id") == ("form · sumber ke-2, alamat (URL): tertulis javascript:x; yang benar: "
                                        "alamat yang diawali http:// atau https://, atau kosongkan")
    assert problem_text.say(p, "en") == ("form · sources #2, address (URL): found javascript:x; valid: an http(s) "
                                        "address, or leave it out")


def test_import_problems_read_in_indonesian(env):
    store, gaz, cal, data = env
    rows = [{**ROW, col: value} for col, value in BAD_CELLS.items()]
    checked = importer.check(store, gaz, cal, "upacara.csv", _sheet(rows), ADMIN)
    assert len(checked.bad_rows) == len(BAD_CELLS)
    table = checked.problem_table("id")
    assert list(table.columns) == ["Baris", "Kolom", "Nilai", "Yang benar"]
    # one problem per broken row, pinned on the cell that was broken (sources[0].url is sumber_url,
    # not the first sumber_ column; a date the sheet could not read is not named twice)
    assert sorted(table["Kolom"]) == sorted(BAD_CELLS)
    assert not [v for v in table["Yang benar"] if _english(v)]
    assert "(kosong)" in set(table["Nilai"])  # the empty outlet is said to be empty, not "None"
    english = checked.problem_table("en")
    assert list(english.columns) == ["Row", "Column", "Value", "What is valid"]
    assert all(r.startswith("upacara.csv row ") for r in english["Row"])


@pytest.mark.parametrize("name", sorted(FILES))
def test_whole_file_problems_are_one_error_in_indonesian(env, name):
    """No upload of issue 11 §5 ends in anything but the one error shape (or row problems), and
    what the page shows of it is Indonesian."""
    store, gaz, cal, data = env
    before = store.version()
    try:
        checked = importer.check(store, gaz, cal, name, FILES[name](), ADMIN)
    except PetaError as exc:
        problems, summary = exc.problems, problem_text.summary_text(exc, "id")
        assert not _english(summary), summary
    else:
        problems = checked.problems
        assert problems, f"{name} was read as if nothing were wrong"
    assert store.version() == before
    assert all(not _english(problem_text.say(p, "id")) for p in problems)


def test_a_sheet_copied_out_of_excel_with_tabs_is_read(env):
    """Issue 11 §5's tab-separated file: read (a sheet copied out of Excel is tab-separated), cell for cell."""
    store, gaz, cal, data = env
    row = {**ROW, "sumber_judul": 'Apel "netral", Ciawi'}
    checked = importer.check(store, gaz, cal, "tab.csv", _sheet([row], "\t"), ADMIN)
    assert not checked.problems and len(checked.good) == 1
    report = checked.good[0].data
    assert report["sources"][0]["title"] == 'Apel "netral", Ciawi' and report["region"] == "32.01.24"


def test_a_region_limited_user_is_told_in_indonesian(env):
    store, gaz, cal, data = env
    checked = importer.check(store, gaz, cal, "upacara.csv", _sheet([{**ROW, "kode_wilayah": "32.01.01"}]),
                             User("sekcam-ciawi", "32.01.24"))
    text = problem_text.say(checked.problems[0], "id")
    assert "wilayah di dalam 32.01.24: pengguna 'sekcam-ciawi' hanya boleh mencatat di sana" in text


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_problem_code_is_worded_in_both_languages_and_used():
    """The catalog is the one home of what problems say: every code has both wordings, the
    Indonesian one asks for no parameter the English one lacks (both are filled from one call),
    carries no English frame words, and every code is raised somewhere (no dead wording)."""
    import pathlib

    from dashboard.i18n_problems import PROBLEMS

    source = "\n".join(p.read_text() for p in pathlib.Path("dashboard").rglob("*.py"))
    used = set(re.findall(r"""msg\(\s*["']([a-z0-9_]+)["']""", source))
    for code, (ind, eng) in PROBLEMS.items():
        assert ind and eng, code
        assert _fields(ind) <= _fields(eng) | {"n"}, (code, _fields(ind) - _fields(eng))
        assert not _english(re.sub(r"\{\w+\}|`[^`]*`|'[^']*'|PETA_\w+|\S+\.(?:yaml|tsv|sh|py)", "", ind)), (code, ind)
    bare = {c[: -len("_one")] for c in PROBLEMS if c.endswith("_one")}
    unused = sorted(set(PROBLEMS) - used - {c + "_one" for c in bare} - _conditional_codes(source))
    assert not unused, unused
    unknown = sorted(used - set(PROBLEMS))
    assert not unknown, unknown


def _conditional_codes(source: str) -> set[str]:
    """Codes chosen by a conditional inside ``msg(...)`` (``msg("a" if x else "b")``)."""
    return set(re.findall(r"""msg\(\s*["']([a-z0-9_]+)["'] if """, source)) | set(
        re.findall(r"""msg\([^()]*? else ["']([a-z0-9_]+)["']""", source))


def test_a_problem_says_what_is_valid_only_by_code():
    """No English sentence can be raised: a Problem refuses plain text, and a code the catalog does
    not word is refused where it is written."""
    with pytest.raises(TypeError):
        Problem("kinds", [], "a non-empty list")
    with pytest.raises(KeyError):
        msg("no_such_code")
    with pytest.raises(TypeError):
        PetaError(Problem("kinds", [], msg("required_text")), summary="3 problems")
    one = PetaError(Problem("kinds", [], msg("required_text")))
    assert one.summary == "1 problem found" and problem_text.summary_text(one, "id") == "1 masalah ditemukan"
    two = PetaError([Problem("kinds", [], msg("required_text"))] * 2)
    assert two.summary == "2 problems found" and problem_text.summary_text(two, "id") == "2 masalah ditemukan"
    nested = msg("with_row", inner=msg("one_of", options=["apel", "ikrar"]), row="baris 3")
    assert nested.text("id") == "salah satu dari: apel, ikrar [baris 3]"
    assert str(nested) == "one of: apel, ikrar [baris 3]" and isinstance(nested, Msg)


def test_a_drafts_notes_are_kept_as_codes_and_worded_for_whoever_reviews():
    """Issue 25: the article reader's notes were Indonesian text in the code; they are codes now,
    stored as plain data with the draft and worded in the reviewer's language. A note of a draft
    queued before (plain text) is shown as written."""
    import json

    from dashboard.errors import said

    note = msg("note_year_from", where=msg("note_dateline"))
    stored = json.loads(json.dumps(note.to_json()))
    assert Msg.from_json(stored) == note
    assert said(stored, "id") == "tahun diambil dari baris tanggal artikel"
    assert said(stored, "en") == "year taken from the article's dateline"
    assert said("tahun disimpulkan dari tanggal terbit", "en") == "tahun disimpulkan dari tanggal terbit"


def test_import_problems_are_listed_in_the_sheets_row_order(env):
    """Cells that cannot be read (found while reading) and fields that fail the checks (found
    after) are listed together, by row: the table reads down the sheet."""
    store, gaz, cal, data = env
    rows = [{**ROW, col: value} for col, value in BAD_CELLS.items()]
    checked = importer.check(store, gaz, cal, "upacara.csv", _sheet(rows), ADMIN)
    numbers = [int(p.file.rsplit(" ", 1)[1]) for p in checked.problems]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(BAD_CELLS)
