"""Generated malformed input (issue 11 §5): sheets (CSV in several dialects and encodings, XLSX)
and YAML record files, built by Hypothesis around the template's real columns and values.

Every case must end in the project's one error shape (PetaError) or a clean result: no other
exception, and an import that is refused writes nothing (the store's version does not move),
while one that is accepted leaves a store that still loads. Examples are derandomised (the same
cases on every run, so CI is reproducible) and no example database is written into the project.

Cases per run: 1,200 CSV parses + 300 imports into a real store + 150 workbooks + 600 YAML files
= 2,250.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import context
from dashboard.errors import PetaError
from dashboard.records import vocab
from dashboard.records.read import read_calendar
from dashboard.records.tables import load_folder, load_records
from dashboard.forms import sheet
from dashboard.store import importer
from dashboard.store.editing import User

from .conftest import DATA

pytestmark = pytest.mark.slow  # the fast loop leaves it out (README "Tests")

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Plausible values per column, mixed with hostile text: the generator should reach the checks
# behind the first ones, not only be refused at the header.
GOOD = {
    "id": ["", "upacara-uji-1", "Bad Id!", "a" * 300],
    "kode_wilayah": ["32.01.24", "32.01", "36.02", "32.01.99", "3201", "32.01.24.2001", "99", "31.71.01"],
    "tanggal": ["2024-11-20", "", "2024-02-30", "20241120", "2024-W47-3", "12/11/2024", "2030-01-01"],
    "alasan_tanpa_tanggal": ["", "artikel tidak menyebut tanggal"],
    "pemilihan": ["pilkada-2024", "pemilu-2024", "pilkada-2024; pemilu-2024", "pilpres-2029", ""],
    "jenis": ["apel", "apel; ikrar", "pakta_integritas", "sosialisasi", "upacara", ""],
    "tempat": ["Aula Kecamatan", ""],
    "pemimpin_nama": ["Camat Uji", ""],
    "pemimpin_jabatan": ["Camat", "Sekda", ""],
    "penanda_tangan": ["camat:1", "lurah:13:semua", "kepala_opd:semua", "lurah:x", "camat:¹²", "asn:" + "9" * 20],
    "saksi": ["panwascam; kapolsek", "alien", ""],
    "kategori_komitmen": ["netralitas", "politik_uang; netralitas", "lain", ""],
    "kesiapan": ["90@2024-11-12:Kesiapan", "90,5@2024-11-12", "abc@2024-11-12", "90@", "150@2024-11-12", ""],
    "sumber_media": ["Radar Uji", "", "=HYPERLINK(\"http://x\")"],
    "sumber_judul": ["Apel netralitas", ""],
    "sumber_url": ["https://contoh.test/berita", "javascript:alert(1)", "http://[::1", ""],
    "sumber_tanggal": ["2024-11-21", "kemarin", ""],
}
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(['"', '""', '","', ";", "\n", "\r", "\r\n", "\t", "|", "\x00", "\ufeff", "=1+1", "@SUM(A1)",
                     "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "¹²³", "１２", "9" * 25,
                     "x" * 12_000, "\u202e", "NaN", "-1", "1e309"]),
)
CELL = {col: st.one_of(st.sampled_from(values), HOSTILE) for col, values in GOOD.items()}
ROW = st.fixed_dictionaries(CELL)


@st.composite
def csv_files(draw) -> bytes:
    cols = list(sheet.COLUMNS)
    header = draw(st.one_of(st.just(cols), st.permutations(cols), st.lists(st.sampled_from(cols + ["x", ""]),
                                                                             max_size=20)))
    rows = draw(st.lists(ROW, min_size=0, max_size=6))
    how = draw(st.sampled_from(["csv-comma", "csv-semicolon", "raw-comma", "raw-semicolon", "tab", "one-column"]))
    buf = io.StringIO()
    if how.startswith("csv"):
        w = csv.writer(buf, delimiter="," if how == "csv-comma" else ";", lineterminator=draw(
            st.sampled_from(["\n", "\r\n"])))
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])
    else:
        sep = {"raw-comma": ",", "raw-semicolon": ";", "tab": "\t", "one-column": ""}[how]
        buf.write(sep.join(header) + "\n")
        for r in rows:
            buf.write(sep.join(str(r.get(h, "")) for h in header) + "\n")
    text = draw(st.sampled_from(["", "# komentar\n", "\n"])) + buf.getvalue()
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    data = text.encode(enc, errors=draw(st.sampled_from(["replace", "surrogatepass"])) if enc.startswith("utf-8")
                       else "replace")
    if draw(st.booleans()) and data:  # damage: cut, or splice in random bytes
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at + draw(st.integers(0, 4)):]
    return data


@settings(max_examples=1200, **SETTINGS)
@given(content=csv_files())
def test_generated_csv_sheets_end_in_the_one_error_shape(content):
    try:
        reports, problems = sheet.parse("acak.csv", content, lambda d: "baris-uji")
    except PetaError as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        return
    for p in problems:  # problems found while reading name the row
        assert "acak.csv baris " in p.file


@pytest.fixture(scope="module")
def store_env(tmp_path_factory, gaz):
    data = tmp_path_factory.mktemp("fuzzdata")
    shutil.copytree(DATA, data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("peta.db*"))
    db = context.store(data)
    context.seed(db, gaz, data)
    return db, gaz, read_calendar(data)


@settings(max_examples=300, **SETTINGS)
@given(content=csv_files(), limited=st.booleans(), only_valid=st.booleans())
def test_generated_imports_refused_write_nothing_and_accepted_ones_keep_the_store_loadable(
        store_env, content, limited, only_valid):
    db, gaz, calendar = store_env
    user = User("camat-ciawi", "32.01.24") if limited else User("admin")
    before = db.version()
    try:
        checked = importer.check(db, gaz, calendar, "acak.csv", content, user)
        written = importer.run(db, gaz, checked, user, "acak.csv", only_valid=only_valid)
    except PetaError as exc:
        assert exc.problems
        assert db.version() == before  # refused: nothing written
        return
    if written.rows == 0:
        assert db.version() == before
    load_records(db, gaz, calendar)  # whatever was accepted, the store still loads
    if limited and written:
        rows = db.rows(include_withdrawn=False)
        assert all(r.region_code.startswith("32.01.24") for r in rows if r.origin.startswith("import:"))


@st.composite
def workbooks(draw) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    if draw(st.booleans()):
        ws = wb.active
        cols = list(sheet.COLUMNS)
        ws.append(cols if draw(st.booleans()) else draw(st.lists(st.sampled_from(cols + ["?"]), max_size=18)))
        for r in draw(st.lists(ROW, max_size=4)):
            cells = []
            for c in cols:
                v = draw(st.one_of(st.just(r[c]), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                                   st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.none(),
                                   st.sampled_from(["=1+1", "=A1", "x" * 33_000])))
                cells.append(v)
            try:
                ws.append(cells)
            except Exception:  # openpyxl refuses some values itself (control characters): not our case
                ws.append([None] * len(cells))
    else:
        wb.remove(wb.active)  # a workbook with no worksheet
        wb.create_chartsheet()
    damage = draw(st.none() | st.tuples(st.floats(0, 1), st.binary(max_size=16)))
    buf = io.BytesIO()
    wb.save(buf)  # its bytes carry the time of saving: drawn from before, never from them
    data = buf.getvalue()
    if damage:
        at = int(damage[0] * len(data))
        data = data[:at] + damage[1] + data[at + 16:]
    return data


@settings(max_examples=150, **SETTINGS)
@given(content=workbooks())
def test_generated_workbooks_end_in_the_one_error_shape(content):
    try:
        sheet.parse("acak.xlsx", content, lambda d: "baris-uji")
    except PetaError as exc:
        assert exc.problems


VALID = {"id": "uji-2024-11-20", "region": "32.01.24", "level": "kecamatan", "date": dt.date(2024, 11, 20),
         "elections": ["pilkada-2024"], "kinds": ["apel"], "sources": [{"outlet": "Radar Uji"}]}
ODD = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(), st.text(max_size=30),
    st.dates(), st.datetimes(), st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.recursive(st.text(max_size=3), lambda inner: st.lists(inner, max_size=3), max_leaves=6),
)


@st.composite
def yaml_files(draw) -> str:
    kind = draw(st.sampled_from(["fields", "text", "mutate", "special"]))
    if kind == "fields":
        data = dict(VALID)
        for key in draw(st.lists(st.sampled_from(list(VALID) + ["readiness", "signatories", "leader", "notes",
                                                                "date_inferred", "extra"]), max_size=4)):
            data[key] = draw(ODD)
        return yaml.safe_dump(data, allow_unicode=True)
    if kind == "text":
        return draw(st.text(max_size=200))
    if kind == "mutate":
        text = yaml.safe_dump(VALID, allow_unicode=True)
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.text(max_size=10)) + text[at + draw(st.integers(0, 10)):]
    return draw(st.sampled_from([
        "date: 2024-02-30\n", "id: [[[[[[[]]]]]]]\n", "a: &a [*a]\n", "? [x]\n: y\n", "id: \"\\ud800\"\n",
        "a: &a ['x','x','x']\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c]\ne: [*d,*d,*d,*d]\n",
        "!!python/object:os.system {}\n", "- 1\n- 2\n", "", "---\n---\n", "id: x\nid: y\n",
        "region: 32.01.24\nlevel: kecamatan\n" + "notes: " + "x" * 200_000 + "\n",
    ]))


@pytest.fixture(scope="module")
def yaml_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzzyaml")
    (root / "ceremonies").mkdir()
    shutil.copyfile(DATA / "elections.yaml", root / "elections.yaml")
    return root


@settings(max_examples=600, **SETTINGS)
@given(text=yaml_files())
def test_generated_yaml_records_end_in_the_one_error_shape(yaml_dir, gaz, text):
    path = yaml_dir / "ceremonies" / "acak.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        load_folder(yaml_dir, gaz)
    except PetaError as exc:
        assert exc.problems and all(p.file for p in exc.problems)


# -- round trips: what loads must be what was written (issue 25 §4) ---------------------------
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15), _TEXT,
                    st.floats(allow_nan=False, allow_infinity=False),
                    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 12, 31)))
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=20)


@settings(max_examples=400, **SETTINGS)
@given(data=st.dictionaries(_TEXT, _VALUE, max_size=8))
def test_a_stored_report_reads_back_as_written_from_its_yaml_and_from_its_json_twin(data):
    """Any mapping the store keeps reads back equal from its YAML text and from the JSON twin
    (when the twin exists: it is a shortcut, never a second meaning)."""
    from dashboard.store.codec import dump, load, row_data, to_json

    text = dump(data)
    assert load(text) == data
    twin = to_json(data)
    assert row_data(text, twin) == data


_CELLS = {
    "id": st.from_regex(r"[a-z0-9][a-z0-9-]{2,20}", fullmatch=True),
    "kode_wilayah": st.sampled_from(["32.01", "32.01.24", "32.01.01", "36.02", "36.02.01"]),
    "tanggal": st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31)).map(dt.date.isoformat),
    "pemilihan": st.lists(st.sampled_from(["pemilu-2024", "pilkada-2024"]), min_size=1, max_size=2,
                          unique=True).map("; ".join),
    "jenis": st.lists(st.sampled_from(sorted(vocab.KINDS)), min_size=1, max_size=3, unique=True).map("; ".join),
    "tempat": _TEXT.map(lambda s: s.replace(";", " ").strip()),
    "pemimpin_nama": st.sampled_from(["", "Camat Uji", "Dra. Sri Wahyuni, M.Si."]),
    "pemimpin_jabatan": st.sampled_from(["", "Camat", "Sekda"]),
    "penanda_tangan": st.lists(st.tuples(st.sampled_from(sorted(vocab.SIGNATORY_GROUPS)), st.integers(0, 10**6),
                                         st.booleans()), max_size=3, unique_by=lambda g: g[0]).map(
        lambda gs: "; ".join(g + (f":{n}" if n else "") + (":semua" if a else "") for g, n, a in gs)),
    "saksi": st.lists(st.sampled_from(sorted(vocab.WITNESS_BODIES)), max_size=3, unique=True).map("; ".join),
    "kategori_komitmen": st.lists(st.sampled_from(sorted(vocab.COMMITMENT_CATEGORIES)), max_size=3,
                                  unique=True).map("; ".join),
    "kesiapan": st.lists(st.tuples(st.integers(0, 1000).map(lambda n: n / 10),
                                   st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
                                   st.sampled_from(["Kesiapan logistik", "kesiapan"])), max_size=2).map(
        lambda rs: "; ".join(f"{p:g}@{d.isoformat()}:{m}" for p, d, m in rs)),
    "sumber_media": st.sampled_from(["Radar Uji", "Warta Ciawi"]),
    "sumber_judul": _TEXT.map(lambda s: s.strip()),
    "sumber_url": st.sampled_from(["", "https://contoh.test/berita/1"]),
    "sumber_tanggal": st.sampled_from(["", "2024-11-21"]),
}


@settings(max_examples=300, **SETTINGS)
@given(row=st.fixed_dictionaries(_CELLS), delimiter=st.sampled_from([",", ";"]))
def test_a_sheet_row_read_written_and_read_again_is_the_same_report(row, delimiter):
    """A generated sheet (CSV, either separator) is read into reports; those reports written back
    as a sheet (``report_to_row``, the drafts' review sheet) and read again are the same reports:
    nothing the sheet carries is lost or changed on the way."""
    def as_csv(r: dict) -> bytes:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(sheet.COLUMNS), delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        w.writerow({c: r.get(c, "") for c in sheet.COLUMNS})
        return buf.getvalue().encode("utf-8")

    first, problems = sheet.parse("a.csv", as_csv(row), lambda d: "tanpa-id")
    assert not problems, problems
    again, problems = sheet.parse("a.csv", as_csv(sheet.report_to_row(first[0].data)), lambda d: "tanpa-id")
    assert not problems, problems
    assert again[0].data == first[0].data
