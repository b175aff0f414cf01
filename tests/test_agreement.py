"""Issue 20: one word, one number. Every figure a view shows is read back from each surface that
shows it, and they are equal: the Report behind the pages (Ringkasan's tile), the Peta panel,
the map's key, the Kesiapan table and its XLSX, the Peta CSV, the briefing tiles, the pack's cover,
Linimasa's last point, the record across cycles and ``coverage --json``'s object. The record sets
are generated (Hypothesis) over real regions of the mirrored gazetteer in four provinces, with
kecamatan, kabupaten-wide and provincial ceremonies, undated ones and sosialisasi only; the
views are Indonesia, a province, a kabupaten/kota and a kecamatan. The pages themselves (AppTest)
are read for fixed record sets: rendering a page per generated case would take an hour.

The glossary test holds every state and headline word to the README's table."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dashboard import fmt, maps, metrics, views
from dashboard.export import pack
from dashboard.export.files import export
from dashboard.io.workbooks import HEADER_ROW, csv_skiprows
from dashboard.i18n import TEXT, state_label, t
from dashboard.records.read import RawReport, read_calendar
from dashboard.records.tables import load_records
from dashboard.report import Report
from dashboard.ui import briefing

from .conftest import DATA, ROOT

pytestmark = pytest.mark.slow  # the fast loop leaves it out (README "Tests")

ELECTION = "pilkada-2024"
DAY = dt.date(2024, 11, 27)
KABUPATEN = ["32.01", "36.02", "12.07", "73.71"]  # Kab. Bogor, Kab. Lebak, Kab. Deli Serdang, Kota Makassar


class _Reports:
    def __init__(self, reports):
        self._reports = reports

    def reports(self):
        return self._reports


@pytest.fixture(scope="module")
def places(gaz):
    """(kabupaten/kota, its first kecamatan) of four provinces, from the mirror."""
    out = []
    for k in KABUPATEN:
        kids = [r.code for r in gaz.children(k) if r.level == "kecamatan"]
        assert kids, k
        out.append((k, kids[:3]))
    return out


SHAPES = {  # kinds and signatories that give each unit state
    "own": (["apel", "ikrar"], [{"group": "asn", "count": 120}]),
    "leaders": (["ikrar", "pakta_integritas"], [{"group": "camat", "all": True},
                                                  {"group": "kepala_desa", "all": True}]),
    "pemda": (["pakta_integritas"], [{"group": "asn", "all": True}]),
    "sosialisasi": (["sosialisasi"], [{"group": "asn", "count": 40}]),
}
DATES = [dt.date(2024, 9, 2), dt.date(2024, 10, 15), dt.date(2024, 11, 12), dt.date(2024, 11, 27), None]


@st.composite
def record_sets(draw, places):
    reports = []
    for i in range(draw(st.integers(1, 6))):
        kab, kecs = places[draw(st.integers(0, len(places) - 1))]
        where = draw(st.sampled_from(["kecamatan", "kabupaten/kota", "provinsi"]))
        region = {"kecamatan": draw(st.sampled_from(kecs)), "kabupaten/kota": kab, "provinsi": kab[:2]}[where]
        kinds, signatories = SHAPES[draw(st.sampled_from(sorted(SHAPES)))]
        day = draw(st.sampled_from(DATES))
        if day is not None and any(r.data["region"] == region and r.data["date"] == day for r in reports):
            continue  # one place and day is one ceremony (merging its reports is tested elsewhere)
        data = {"id": f"uji-{i}", "region": region, "level": where, "date": day, "elections": [ELECTION],
                "kinds": kinds, "signatories": signatories,
                "commitments": [{"category": c, "text": "Menjaga netralitas."}
                                for c in draw(st.sets(st.sampled_from(["netralitas", "politik_uang", "media_sosial"]),
                                                      max_size=3))],
                "sources": [{"outlet": "Warta Uji", "title": f"Upacara uji {i}"}]}
        if day is None:
            data["date_unknown_reason"] = "Berita tidak menyebut tanggal."
        elif draw(st.booleans()):
            data["readiness"] = [{"measure": "Kesiapan uji", "percent": draw(st.integers(10, 100)), "as_of": day}]
        reports.append(RawReport(f"uji-{i}.yaml", data))
    view = draw(st.sampled_from(["indonesia", "provinsi", "kabupaten/kota", "kecamatan"]))
    kab, kecs = places[draw(st.integers(0, len(places) - 1))]
    region = {"indonesia": None, "provinsi": kab[:2], "kabupaten/kota": kab, "kecamatan": kecs[0]}[view]
    return reports, region


def _pair(text: str) -> tuple[int, int]:
    """"30 / 7.265" (Indonesian thousands separators) as (30, 7265)."""
    m = re.search(r"(\d[\d.]*) ?/ ?(\d[\d.]*)", text)
    assert m, text
    return int(m.group(1).replace(".", "")), int(m.group(2).replace(".", ""))


def surfaces(rep: Report, records, gaz) -> dict[str, tuple]:
    """(reached, units) as each surface shows the view's headline, plus (share) where it is shown."""
    lg = rep.lang
    s = rep.summary
    out = {"ringkasan": (s.covered, s.total, fmt.pct(s.share, lg, share=True))}
    head = rep.coverage.to_dict()["headline"]
    out["coverage --json"] = (head["reached"], head["units"], fmt.pct(head["share"], lg, share=True))
    if rep.region is not None:  # the Peta panel for the region in view
        facts = dict((a, b) for a, b, _ in rep.unit_detail(rep.region).facts)
        if t("state", lg) in facts:  # a kecamatan without village boundaries is its own one unit: its state
            reached = facts[t("state", lg)] in {state_label(x, lg) for x in metrics.REACHED}
            out["peta panel"] = (int(reached), 1, fmt.pct(float(reached), lg, share=True))
        else:
            fact = facts[t("units_covered", lg, level=s.unit_level)]
            out["peta panel"] = (*_pair(fact), re.search(r"\((.*)\)", fact).group(1))
    tiles = briefing._tiles(rep)
    values = re.findall(r'<div class="v(?: long)?">([^<]*)</div><div class="n">([^<]*)</div>', tiles)
    out["briefing"] = (*_pair(values[1][0]), values[1][1])
    cover = pack.cover(rep, rep.meta("pengarahan"))
    shown = [a.text for a in cover.layout.annotations if a.text and re.search(r"\d / \d[\d.]* \(", a.text)]
    assert len(shown) == 1, [a.text for a in cover.layout.annotations]
    out["pack"] = (*_pair(shown[0]), re.search(r"\((.*)\)", shown[0]).group(1))
    line = rep.timeline.series
    line = line[line["region_code"].isna() if rep.region is None else line["region_code"] == rep.region]
    last = line.sort_values("date").iloc[-1]
    out["linimasa"] = (int(last["covered"]), int(last["total"]), fmt.pct(last["share"], lg, share=True))
    cycles = views.cycle_rows(records, gaz, rep.region, lg, today=dt.date(2026, 12, 2))
    cell = cycles.set_index("election_id").loc[ELECTION, t("units_covered", lg, level=s.unit_level)]
    out["rekam jejak"] = (*_pair(cell), re.search(r"\((.*)\)", cell).group(1))
    # the Peta CSV: kecamatan reached per drawn unit (aggregates), or the units' share (100 or 0)
    peta = export(rep, "peta", "csv")
    table = pd.read_csv(io.BytesIO(peta.data), skiprows=csv_skiprows(rep.meta("peta")), encoding="utf-8-sig",
                        dtype={t("code", lg): str})
    if rep.coverage.is_aggregate:
        out["peta csv"] = (int(table[t("kec_covered", lg)].sum()), int(table[t("kec_total", lg)].sum()))
    else:
        out["peta csv"] = (int((table[t("share_pct", lg)] == 100).sum()), len(table))
        # the map's key: the three binding states add up to the headline
        counts = [int(re.search(r"\((\d+)\)$", label).group(1))
                  for label, _ in maps.legend_items("state", lg, rep.map_view.units)]
        out["peta key"] = (sum(counts[:3]), sum(counts))
    return out


def kesiapan_agrees(rep: Report, records, gaz) -> None:
    """The Kesiapan XLSX lists each unit with the share reached its own view shows (Banten 18,1 %
    on the national table is Banten's Ringkasan), in the page table's order."""
    wb = load_workbook(io.BytesIO(export(rep, "kesiapan", "xlsx").data))
    ws = wb["Data"]
    heads = [c.value for c in ws[HEADER_ROW]]
    rows = [dict(zip(heads, r)) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    page = views.readiness_rows(rep.readiness, rep.lang)
    assert [r["Kode"] for r in rows] == list(page["Kode"])  # one order: the chart's, the page's, the file's
    cov = rep.coverage.units.set_index("code")
    for r in rows:
        share = cov.loc[r["Kode"], "share"]
        assert r[t("share_pct", rep.lang)] == (None if pd.isna(share) else round(100 * share, 1))
    reached = [r for r in rows if (r[t("share_pct", rep.lang)] or 0) > 0]
    if reached and rep.coverage.is_aggregate:  # a unit reached here is reached, in the same figure, on its own view
        first = reached[0]["Kode"]
        own = Report(records, gaz, ELECTION, first, DAY, rep.lang).summary
        assert round(100 * own.share, 1) == reached[0][t("share_pct", rep.lang)]


@pytest.fixture(scope="module")
def calendar():
    return read_calendar(DATA)


@settings(max_examples=int(__import__("os").environ.get("PETA_AGREEMENT_EXAMPLES", 200)), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_surface_shows_the_same_figures(data, gaz, places, calendar):
    reports, region = data.draw(record_sets(places))
    records = load_records(_Reports(reports), gaz, calendar)
    rep = Report(records, gaz, ELECTION, region, DAY, "id")
    seen = surfaces(rep, records, gaz)
    want = seen["ringkasan"]
    for name, got in seen.items():
        assert got == want[:len(got)], (name, got, want, region)
    kesiapan_agrees(rep, records, gaz)
    # the readiness tile: a figure reads as the region's only when it is the region's own
    label, value, whose, _ = views.readiness_tile(rep.summary, "id")
    latest = rep.summary.latest_readiness
    if latest is not None and label == t("latest_readiness", "id"):
        assert latest["region_code"] == region and value.endswith("%")
    if latest is not None:
        assert latest["unit"] in whose


def test_the_cases_the_issue_names(records, gaz):
    """Banten (national Kesiapan 18,1 %, as on its Ringkasan), Kab. Lebak (28 reached, all through
    their leaders, none with its own pledge), Kec. Cibinong (100 % reached; 63,6 % of categories)."""
    national = Report(records, gaz, ELECTION, None, DAY, "id")
    rows = views.readiness_rows(national.readiness, "id").set_index("Kode")
    banten = Report(records, gaz, ELECTION, "36", DAY, "id").summary
    assert rows.loc["36", "Bagian terjangkau"] == fmt.pct(100 * banten.share, "id") == "18,1 %"
    assert rows.loc["36", "Status"].endswith("18,1 % (28/155 kec.)") and "Belum" not in rows.loc["36", "Status"]
    assert list(rows.index[:2]) == ["36", "32"]  # reached first: not buried under 36 provinces at 0 %
    lebak = Report(records, gaz, "pemilu-2024", "36.02", dt.date(2024, 2, 14), "id")
    key = [label for label, _ in maps.legend_items("state", "id", lebak.map_view.units)]
    assert key[:3] == ["Ikrar sendiri (0)", "Tingkat pimpinan saja (28)", "Lewat ikrar seluruh ASN Pemda (0)"]
    assert (lebak.summary.covered, lebak.summary.total) == (28, 28)
    bogor = Report(records, gaz, ELECTION, "32.01", DAY, "id")
    cib = views.readiness_rows(bogor.readiness, "id").set_index("Kode").loc["32.01.01"]
    assert (cib["Bagian terjangkau"], cib["Kategori komitmen"], cib["Status"]) == ("100 %", "63,6 %", "Ikrar sendiri")


# -- the glossary: the words of the README's table, and no state's name for a sum ---------------

GLOSSARY = {  # docs/user-guide.md "Kata yang dipakai / Glossary": (Bahasa Indonesia, English)
    "covered": ("Ikrar sendiri", "Own pledge"), "leadership": ("Tingkat pimpinan saja", "Leadership only"),
    "pemda": ("Lewat ikrar seluruh ASN Pemda", "Via the Pemda's all-ASN pledge"),
    "informed": ("Sosialisasi saja", "Briefing only"), "none": ("Belum ada upacara", "No ceremony yet"),
}


def test_the_glossary_is_what_every_surface_says(records, gaz):
    readme = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    for state, (idn, en) in GLOSSARY.items():
        assert (state_label(state, "id"), state_label(state, "en")) == (idn, en)
        assert f"| **{idn}** | **{en}** | `state: {state}` |" in readme
    # the sum is "terjangkau"/"reached" wherever a headline or share is named; the word of a state
    # (or the old word for both, "tercakup"/"covered") never names it
    states = {w.lower() for pair in GLOSSARY.values() for w in pair}
    for key in ("units_covered", "share_legend", "kec_covered", "covered", "share_axis", "share_pct",
                "share_reached", "timeline_title", "map_title"):
        idn, en = TEXT[key]
        assert "terjangkau" in idn.lower() and "reached" in en.lower(), key
        assert not any(s in idn.lower() or s in en.lower() for s in states), key
    for key, (idn, en) in TEXT.items():
        assert "tercakup" not in idn.lower() and "cakupan" not in idn.lower(), key
        assert not re.search(r"\bcovered\b|\bcoverage\b", en.lower()), key
    # exports carry the same words: the XLSX headers and the map's key
    rep = Report(records, gaz, ELECTION, "32.01", DAY, "id")
    ws = load_workbook(io.BytesIO(export(rep, "kesiapan", "xlsx").data))["Data"]
    heads = [c.value for c in ws[HEADER_ROW]]
    assert "Bagian terjangkau (%)" in heads and "Kategori komitmen (%)" in heads
    assert {v.split(" (")[0] for v in rep.table("kesiapan")["Status"]} <= {idn for idn, _ in GLOSSARY.values()}
    key = [label.rsplit(" (", 1)[0] for label, _ in maps.legend_items("state", "en", rep.map_view.units)]
    assert key == [en for _, en in GLOSSARY.values()]


def _legend(at) -> list[str]:
    """The interactive map's key as the page sends it to the browser."""
    for e in at.main:
        if getattr(e, "type", "") == "component_instance" and "legend" in str(e.proto.json_args):
            args = json.loads(e.proto.json_args)
            found = args.get("legend") or next(v["legend"] for v in args.values() if isinstance(v, dict) and "legend" in v)
            return [item[0] for item in found["items"]]
    raise AssertionError("no map on the page")


def test_pages_say_the_same(monkeypatch):
    """AppTest: Lebak's headline is the sum of its key's binding states; Kab. Bogor's readiness tile
    names Cibinong; no page shows a ceremony id where a name is expected."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PETA_DATA_DIR", str(DATA))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"election": "pemilu-2024", "region": "36.02", "as_of": "2024-02-14"})
    at.run()
    head = next(m.value for m in at.metric if m.label.startswith("Kecamatan terjangkau"))
    at.switch_page("app_pages/peta.py").run()
    assert not at.exception, [e.message for e in at.exception]
    key = _legend(at)
    counts = [int(re.search(r"\((\d+)\)$", k).group(1)) for k in key]
    assert head == f"{sum(counts[:3])} / {sum(counts)}" == "28 / 28"
    panel = "\n".join(e.value for e in at.main if getattr(e, "type", "") in ("markdown", "caption"))
    assert "lebak-2023-12-15" not in panel  # the ceremony is named by place, date and kind
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"election": ELECTION, "region": "32.01", "as_of": "2024-11-27"})
    at.run()
    assert next(m.value for m in at.metric if m.label == "Wilayah melapor") == "1"
    text = "\n".join(e.value for e in at.main if getattr(e, "type", "") in ("markdown", "caption")).replace("\\", "")
    assert "Terakhir: Kec. Cibinong 90 % · 12 Nov 2024" in text
    assert not re.search(r"\b(cibinong|rancabungur|lebak|kota-bekasi)-[a-z0-9-]*\d{4}", text), text
    at.switch_page("app_pages/kesiapan.py").run()
    table = at.dataframe[0].value
    assert list(table["Kode"][:2]) == ["32.01.01", "32.01.34"] and any("Urutan" in c.value for c in at.caption)
    figures = at.dataframe[1].value  # every reported figure: its unit and ceremony by name, not by id
    assert "ceremony_id" not in figures.columns and list(figures["Wilayah"]) == ["Kec. Cibinong"]
    assert figures["Upacara"].iloc[0].startswith("Kec. Cibinong · 12 Nov 2024")
    assert not any(re.search(r"\b[a-z]+-\d{4}-\d{2}-\d{2}\b", str(v)) for v in figures.to_numpy().ravel())


@pytest.fixture(scope="module")
def empty_store(gaz, tmp_path_factory):
    """A store with the schema and the test calendar and no report: each page case starts from a
    copy of it (migrating a new database for every case would cost most of the case's time)."""
    import os

    from dashboard import context

    folder = tmp_path_factory.mktemp("empty")
    (folder / "ceremonies").mkdir()
    (folder / "elections.yaml").write_text((DATA / "elections.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    url = os.environ.pop("PETA_DB_URL", None)
    try:
        context.seed(context.store(folder), gaz, folder)
    finally:
        if url is not None:
            os.environ["PETA_DB_URL"] = url
    return folder / "peta.db"


@settings(max_examples=int(__import__("os").environ.get("PETA_AGREEMENT_PAGE_EXAMPLES", 200)), deadline=None,
          derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                   HealthCheck.data_too_large])
@given(data=st.data())
def test_the_pages_show_the_same_figures(data, gaz, places, calendar, tmp_path_factory, empty_store):
    """The generated record sets through the pages themselves (AppTest): Ringkasan's tiles say what
    the Report says, for each of the 200 cases (a data folder and a store of its own each)."""
    import os

    import yaml
    from streamlit.testing.v1 import AppTest

    reports, region = data.draw(record_sets(places))
    folder = tmp_path_factory.mktemp("data")
    (folder / "ceremonies").mkdir()
    (folder / "elections.yaml").write_text((DATA / "elections.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for r in reports:
        (folder / "ceremonies" / r.origin).write_text(yaml.safe_dump(r.data, allow_unicode=True), encoding="utf-8")
    import shutil

    shutil.copyfile(empty_store, folder / "peta.db")
    records = load_records(_Reports(reports), gaz, calendar)
    s = Report(records, gaz, ELECTION, region, DAY, "id").summary
    before = {k: os.environ.get(k) for k in ("PETA_DATA_DIR", "PETA_DB_URL")}
    os.environ["PETA_DATA_DIR"] = str(folder)
    os.environ.pop("PETA_DB_URL", None)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params.update({"election": ELECTION, "as_of": DAY.isoformat(), **({"region": region} if region else {})})
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        tiles = {m.label: m.value for m in at.metric}
        assert tiles[t("units_covered", "id", level=s.unit_level)] == fmt.fraction(s.covered, s.total, "id")
        assert tiles[t("ceremonies_short", "id")] == str(s.n_ceremonies)
        label, value, whose, _ = views.readiness_tile(s, "id")
        assert tiles[label] == value
        shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
        assert f"**{fmt.pct(s.share, 'id', share=True)}**" in shown
        if s.latest_readiness is not None:
            assert whose in shown
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# -- issue 37: risk tables, ceremony counts, the age of pledges and the JSON names ---------------

def _psu_records(gaz, tmp_path_factory):
    """The test records under the re-vote calendar (tests/fixtures/calendar-psu), with a Pemkab-wide
    pledge of Kab. Bogor before its re-vote."""
    import shutil

    import yaml

    from dashboard.records.read import YamlFolder

    folder = tmp_path_factory.mktemp("agree-psu")
    shutil.copytree(DATA / "ceremonies", folder / "ceremonies")
    shutil.copyfile(ROOT / "tests" / "fixtures" / "calendar-psu" / "elections.yaml", folder / "elections.yaml")
    rec = {"id": "bogor-psu-2025-04-10", "region": "32.01", "level": "kabupaten/kota", "date": dt.date(2025, 4, 10),
           "elections": ["psu-uji-2025"], "kinds": ["pakta_integritas"], "signatories": [{"group": "asn", "all": True}],
           "sources": [{"outlet": "Warta Uji", "title": "Pakta uji", "url": "https://warta.example/psu"}]}
    (folder / "ceremonies" / "bogor-psu-2025-04-10.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    return load_records(YamlFolder(folder), gaz, read_calendar(folder))


VIEWS_37 = [(e, r, d) for e, d in (("pilkada-2024", DAY), ("pemilu-2024", dt.date(2024, 2, 14)))
            for r in (None, "36", "32.01", "32.01.01")] + [("psu-uji-2025", "32.01", dt.date(2025, 4, 19)),
                                                             ("psu-uji-2025", "32.01.01", dt.date(2025, 4, 19))]


def _risk_values(rep: Report) -> pd.DataFrame:
    """An invented indicator with a value for every unit the view counts and draws (a spread of
    values, so the legend has three classes)."""
    from dashboard import indicators

    codes = list(dict.fromkeys([*rep.coverage.units["code"], *rep.map_view.units["code"]]))
    rows = [{"indicator": "uji", "name": "Skor uji", "region_code": c, "date": "2024-01-01",
             "value": float((i * 37) % 100), "outlet": "Lembaga Uji", "url": None, "note": None, "origin": "uji"}
            for i, c in enumerate(codes)]
    return pd.DataFrame(rows, columns=indicators.TABLE)


def test_counts_risk_age_and_json_agree(records, gaz, tmp_path_factory):
    """Issue 37 §1, each contradiction as a check: a reached aggregate is never "no ceremony";
    "high risk" lists only the legend's high class and its heading counts its rows; the briefing
    line says the same numbers; one count of ceremonies on every surface (undated apart); each
    unit's latest pledge reads the same on the panel, the map's rows and its CSV; the age figure is
    the same on Ringkasan and in the JSON; no two different numbers share a JSON name."""
    from dashboard.risk import Risk

    psu = _psu_records(gaz, tmp_path_factory)
    for election, region, day in VIEWS_37:
        recs = psu if election == "psu-uji-2025" else records
        rep = Report(recs, gaz, election, region, day, "id")
        where = (election, region)
        cov, s = rep.coverage, rep.summary
        # one count of ceremonies: tile, panel, briefing tile, pack cover (dated, up to the date)
        assert s.n_ceremonies == len(cov.ceremony_ids), where
        panel = rep.unit_detail(region)
        assert panel.n_ceremonies == s.n_ceremonies and panel.n_undated == len(cov.undated_ids), where
        tiles = re.findall(r'<div class="v(?: long)?">([^<]*)</div>', briefing._tiles(rep))
        assert tiles[0] == fmt.number(s.n_ceremonies, "id", 0), where
        assert "undated" not in [c.why for c in panel.ceremonies if c.why != "undated"]
        # the JSON: headline is the figure; no top-level "share" beside it
        js = cov.to_dict()
        assert "share" not in js and (js["headline"]["reached"], js["headline"]["units"]) == (s.covered, s.total), where
        fresh = metrics.recent_pledges(cov, rep.election_day)
        assert s.recent_pledges == fresh, where
        # each unit's latest pledge: the panel, the map rows and the CSV say the same day
        peta = rep.table("peta").set_index(t("code", "id"))
        for u in rep.map_view.units.itertuples(index=False):
            day_iso = None if pd.isna(u.latest_pledge) else pd.Timestamp(u.latest_pledge).date().isoformat()
            assert (peta.loc[u.code, t("latest_pledge", "id")] or None) == day_iso, (where, u.code)
            fact = dict((a, b) for a, b, _ in rep.unit_detail(u.code).facts)[t("latest_pledge", "id")]
            assert fact == views.pledge_text(u.latest_pledge, rep.election_day, "id"), (where, u.code)
        # risk: the legend's high class only, worded as the legend words each level
        risk = Risk(rep, _risk_values(rep), "uji")
        high_rows, despite = risk.priority
        if risk.cuts is not None:
            assert all(float(v.replace(".", "").replace(",", ".")) > risk.cuts[1] for v in high_rows["Nilai"]), where
        bound = cov.units.set_index("code")
        reached = metrics.binding_reaches(cov.units)
        for code in high_rows["Kode"]:
            assert not reached[cov.units["code"] == code].iloc[0], (where, code)
            if pd.notna(bound.loc[code, "sub_units"]):  # an aggregate: its share and its Pemda, never a kecamatan state
                row = high_rows.set_index("Kode").loc[code, "Status"]
                assert "kec." in row and "Belum ada upacara" not in row, (where, code, row)
        head = risk.meta("prioritas").title
        assert head.startswith(f"Risiko tinggi, belum ada upacara yang mengikat ({len(high_rows)} wilayah)"), head
        assert risk.without_value == 0  # every unit has a value here
        for code in despite["Kode"]:
            assert reached[cov.units["code"] == code].iloc[0], (where, code)


def test_banten_is_never_no_ceremony_in_the_risk_table(records, gaz):
    """Issue 37's first case: Banten, 28 of 155 kecamatan reached, with the highest value."""
    from dashboard.risk import Risk

    rep = Report(records, gaz, ELECTION, None, DAY, "id")
    values = _risk_values(rep)
    values.loc[values["region_code"] == "36", "value"] = 1000.0
    risk = Risk(rep, values, "uji")
    assert "36" not in set(risk.priority[0]["Kode"])
    units = rep.coverage.units
    status = dict(zip(units["code"], views.unit_status(units, "id")))  # as every table words a province
    assert status["36"].startswith("Pemda belum berikrar · 18,1 %")
    # before the fix the table listed all 38 provinces as high risk, Banten as "Belum ada upacara"
    assert len(risk.priority[0]) < len(units)
