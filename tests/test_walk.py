"""Issue 35: the walk over everything we ship. For every election of the *shipped* calendar
(``data/elections.yaml``, read here, not a fixture copy) and a region of each kind, every page,
every briefing view, the pack and every chart's CSV (in-process and through the CLI) must render:
no exception, no traceback text, and a heading that names the election and the region. The
records are the tests' own (``tests/fixtures/data``): the shipped ones grow and are replaced.

The whole walk is slow (marked ``walk``, run by the full command); the fast loop walks one
election that is held nowhere near the fixture records (a PSU) and one that is (Pilkada 2024).
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from .conftest import DATA, ROOT

SHIPPED = ROOT / "data" / "elections.yaml"
ELECTIONS = [e["id"] for e in yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))]
# a region of each kind, inside the provinces the tests load (31, 32, 36)
REGIONS = {
    "indonesia": None,
    "province that votes (contains Kab. Tasikmalaya's PSU)": "32",
    "province outside every re-vote": "31",
    "kabupaten that held a PSU": "32.06",
    "kabupaten with nothing recorded": "36.01",
    "kecamatan": "32.01.01",
    "desa": "32.01.01.1001",
}
VIEW_PAGES = ["ringkasan", "peta", "kesiapan", "linimasa", "data"]  # app_pages/ file names
OTHER_PAGES = ["catat", "berita", "impor", "kalender", "riwayat"]
FAST = {"psu-2025-04-19", "pilkada-2024"}  # the fast loop's sample


def _marks(election: str):
    return [] if election in FAST else [pytest.mark.slow]


WALK = [pytest.param(e, marks=_marks(e), id=e) for e in ELECTIONS]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory, gaz):
    """A data folder: the shipped calendar beside the tests' own records; PETA_DATA_DIR points at
    it for this module."""
    folder = tmp_path_factory.mktemp("walk-data")
    shutil.copy(SHIPPED, folder / "elections.yaml")
    shutil.copytree(DATA / "ceremonies", folder / "ceremonies")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PETA_DATA_DIR", str(folder))
        yield folder


@pytest.fixture(scope="module")
def rec(shipped, gaz):
    from dashboard import context

    return context.records(gaz, shipped)


def _as_ofs(rec, election: str) -> list[dt.date | None]:
    """The view's default date, a day before any ceremony, and three days after election day (or,
    for a planned election, a day in its year)."""
    day = rec.election_day(election)
    after = day + dt.timedelta(days=3) if day else dt.date(int(rec.election(election)["year"]), 6, 1)
    return [None, dt.date(2023, 1, 1), after]


def _texts(at) -> str:
    out = []
    for e in at.main:
        for attr in ("value", "body", "label"):
            v = getattr(e, attr, None)
            if isinstance(v, str):
                out.append(v)
    return "\n".join(out)


def _names(rec, gaz, election: str, region: str | None) -> tuple[str, str]:
    cal = rec.calendar.set_index("id")
    place = gaz.path_label(region) if region else "Indonesia"
    return cal.loc[election, "name"], place


@pytest.mark.parametrize("election", WALK)
def test_every_view_and_file(election, rec, gaz):
    """Every chart and table of every view as CSV, every figure, the pack's pages and the letter."""
    from dashboard import letter
    from dashboard.export import pack
    from dashboard.export.letter_docx import to_docx
    from dashboard.export.files import export
    from dashboard.report import CHARTS, TABLES, Report

    name, _ = _names(rec, gaz, election, None)
    for region in REGIONS.values():
        for as_of in _as_ofs(rec, election):
            rep = Report(rec, gaz, election, region, as_of, "id")
            place = rep.place
            for table in TABLES:
                if table == "perbandingan":
                    continue  # needs a second election: below
                csv = export(rep, table, "csv").data.decode("utf-8-sig")
                assert name in csv and place in csv, (table, region, as_of, csv[:300])
            for chart in CHARTS:
                if chart == "perbandingan":
                    continue
                for axis in ("date", "h"):
                    fig = rep.figure(chart, axis=axis)
                    assert fig.layout.title.text, (chart, region, as_of)
            assert len(pack.pages(rep)) >= 3
            # the follow-up letter (issue 42 §2): one per non-empty list, none (said) for an empty one
            composed = letter.compose(rep)
            assert (composed is None) == rep.table("belum").empty, (region, as_of)
            if composed is not None:
                assert len(composed.rows) == len(rep.table("belum"))
                if as_of is None:  # written once per region (the file's layout does not change with the date)
                    assert to_docx(composed)[:2] == b"PK"
        from dashboard import metrics

        for other in metrics.comparable(rec.calendar, region, election):
            both = Report(rec, gaz, election, region, None, "id", compare=other)
            assert export(both, "perbandingan", "csv").data


@pytest.mark.parametrize("election", WALK)
def test_every_page(election, rec, gaz, shipped):
    """Every page of the app, for every region kind; the view pages also at each as-of date."""
    for kind, region in REGIONS.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["election"] = election
        if region:
            at.query_params["region"] = region
        at.run()
        name, place = _names(rec, gaz, election, region)
        for page in VIEW_PAGES + OTHER_PAGES:
            if page != "ringkasan":
                at.switch_page(f"app_pages/{page}.py").run()
            where = (election, kind, page)
            assert not at.exception, (where, [e.message for e in at.exception])
            text = _texts(at)
            assert "Traceback" not in text, where
            assert at.selectbox(key="election").value == election, where  # the session keeps the id
            if page in VIEW_PAGES or page == "catat":
                captions = [c.value for c in at.caption]
                assert any(place.replace("\\", "") in c.replace("\\", "") and name in c for c in captions), (where, captions[:3])
        for as_of in _as_ofs(rec, election)[1:]:
            at.date_input(key="as_of").set_value(as_of).run()
            for page in VIEW_PAGES:
                at.switch_page(f"app_pages/{page}.py").run()
                assert not at.exception, ((election, kind, page, as_of), [e.message for e in at.exception])
                assert "Traceback" not in _texts(at)


@pytest.mark.parametrize("election", WALK)
def test_every_briefing_view(election, rec, gaz, shipped):
    from dashboard.ui.briefing import VIEWS

    for kind, region in REGIONS.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["mode"] = "briefing"
        at.query_params["election"] = election
        at.query_params["seconds"] = "60"
        if region:
            at.query_params["region"] = region
        at.run()
        seen = []
        for _ in VIEWS:
            where = (election, kind, len(seen))
            assert not at.exception, (where, [e.message for e in at.exception])
            html = "\n".join(str(getattr(e, "body", "")) for e in at.main if getattr(e, "type", "") == "html")
            assert "Traceback" not in html, where
            seen.append(html.split('data-view="', 1)[1].split('"', 1)[0])
            at.button(key="b_next").click().run()
        assert seen == list(VIEWS), (election, kind, seen)


@pytest.mark.parametrize("election", WALK)
def test_every_cli_chart(election, rec, gaz, shipped, tmp_path, capsys):
    """``export chart --name N --format csv`` for every chart, region and as-of, as a user types it."""
    from dashboard import cli
    from dashboard.report import CHARTS

    for region in REGIONS.values():
        for as_of in _as_ofs(rec, election)[:1 if election not in FAST else 3]:  # the dates: in-process above
            for table in CHARTS:
                if table == "perbandingan":
                    continue
                out = tmp_path / f"{table}.csv"
                args = ["export", "chart", "--name", table, "--format", "csv", "--election", election,
                        "--out", str(out)] + (["--region", region] if region else [])
                args += ["--as-of", as_of.isoformat()] if as_of else []
                assert cli.main(args) == 0, (args, capsys.readouterr().err[-500:])
                assert out.stat().st_size > 0
        letter_out = tmp_path / "surat.docx"
        letter_out.unlink(missing_ok=True)
        args = ["export", "letter", "--election", election, "--out", str(letter_out)] + (["--region", region] if region else [])
        assert cli.main(args) == 0, (args, capsys.readouterr().err[-500:])
        said = capsys.readouterr().out
        assert letter_out.exists() or said.strip(), args  # a letter, or the sentence why there is none


@pytest.mark.slow
@pytest.mark.parametrize("election", ELECTIONS)
def test_every_briefing_pack(election, rec, gaz, shipped, tmp_path):
    """The pack as a PDF through the CLI, for the region of each kind that differs most."""
    from dashboard import cli

    for region in (None, "32.06", "36.01"):
        out = tmp_path / "pengarahan.pdf"
        args = ["export", "briefing", "--election", election, "--out", str(out)] + (["--region", region] if region else [])
        assert cli.main(args) == 0, args
        assert out.read_bytes()[:5] == b"%PDF-"
        letter_out = tmp_path / "surat.pdf"
        letter_out.unlink(missing_ok=True)
        args = ["export", "letter", "--election", election, "--out", str(letter_out)] + (["--region", region] if region else [])
        assert cli.main(args) == 0, args
        assert not letter_out.exists() or letter_out.read_bytes()[:5] == b"%PDF-"


# -- generated: small calendars and records (issue 35 §2) -------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402

_PLACES = [("32.01", "kabupaten/kota"), ("32.01.01", "kecamatan"), ("36.02", "kabupaten/kota"), ("32", "provinsi")]
_SRC = [{"outlet": "Warta Uji", "url": "https://warta.example/a"}]


@hst.composite
def small_worlds(draw):
    """A calendar of 1-4 elections (held everywhere, in one kabupaten, in one kecamatan or in one
    desa; dated, planned without a day, or on today) and 0-3 ceremonies, some undated."""
    today = dt.date.today()
    elections = []
    for i in range(draw(hst.integers(1, 4))):
        where = draw(hst.sampled_from([None, ["32.01"], ["32.01.01"], ["32.01.01.1001"]]))
        when = draw(hst.sampled_from(["day", "planned", "today"]))
        e = {"id": f"uji-{i}", "name": f"Pemilihan uji {i}", "sources": _SRC}
        if when == "planned":
            e["year"] = today.year + 3
        else:
            e["date"] = today if when == "today" else dt.date(2024, 11, 27) + dt.timedelta(days=40 * i)
        if where:
            e["regions"] = where
        elections.append(e)
    if all("date" not in e for e in elections):  # a calendar needs one dated election to open on
        elections[0].pop("year")
        elections[0]["date"] = dt.date(2024, 11, 27)
    ceremonies = []
    for j in range(draw(hst.integers(0, 3))):
        code, level = draw(hst.sampled_from(_PLACES))
        fits = [e["id"] for e in elections if not e.get("regions")
                or any(code == r or code.startswith(r + ".") or r.startswith(code + ".") for r in e["regions"])]
        if not fits:
            continue
        undated = draw(hst.booleans())
        c = {"id": f"upacara-{j}", "region": code, "level": level,
             "date": None if undated else dt.date(2024, 10, 1) + dt.timedelta(days=j),
             "elections": [draw(hst.sampled_from(fits))], "kinds": [draw(hst.sampled_from(["ikrar", "sosialisasi"]))],
             "sources": _SRC}
        if undated:
            c["date_unknown_reason"] = "Berita tidak menyebut tanggal."
        ceremonies.append(c)
    return elections, ceremonies


@pytest.mark.slow
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(world=small_worlds())
def test_generated_calendars_render_every_view_page(world, gaz, tmp_path_factory):
    elections, ceremonies = world
    folder = tmp_path_factory.mktemp("world")
    (folder / "ceremonies").mkdir()
    (folder / "elections.yaml").write_text(yaml.safe_dump(elections, allow_unicode=True), encoding="utf-8")
    for c in ceremonies:
        (folder / "ceremonies" / f"{c['id']}.yaml").write_text(yaml.safe_dump(c), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PETA_DATA_DIR", str(folder))
        for e in elections:
            for region in (None, "32.01", "32.01.01"):
                at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
                at.query_params["election"] = e["id"]
                if region:
                    at.query_params["region"] = region
                at.run()
                for page in VIEW_PAGES:
                    if page != "ringkasan":
                        at.switch_page(f"app_pages/{page}.py").run()
                    assert not at.exception, ((e, region, page), [x.message for x in at.exception])
                    assert "Traceback" not in _texts(at)


def test_an_election_before_2020_opens_on_every_view_page(tmp_path, gaz):
    """Issue 35: an admin adds Pemilu 2019 (the Kalender form took 2000-2100, the as-of picker
    started in 2020): every page failed for anyone who picked it. One range now (ELECTION_DATES)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cal = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    cal.append({"id": "pemilu-2019", "name": "Pemilu 2019", "date": dt.date(2019, 4, 17),
                "sources": [{"outlet": "Warta Uji", "url": "https://warta.example/2019"}]})
    (folder / "elections.yaml").write_text(yaml.safe_dump(cal, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PETA_DATA_DIR", str(folder))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["election"] = "pemilu-2019"
        at.run()
        for page in VIEW_PAGES:
            if page != "ringkasan":
                at.switch_page(f"app_pages/{page}.py").run()
            assert not at.exception, (page, [e.message for e in at.exception])
            assert at.date_input(key="as_of").value == dt.date(2019, 4, 17)  # its own day, inside the picker
