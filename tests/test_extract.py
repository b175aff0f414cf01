"""From an article to a draft (issue 12): the rules on articles we wrote ourselves
(tests/fixtures/articles, expected values in expected.yaml), the CLI contract, bad input, and
the URL path against a loopback HTTP server."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from dashboard import cli
from dashboard.errors import PetaError, said
from dashboard.extract.article import from_text, read_source
from dashboard.extract.draft import Calendar, extract, suggested_report
from dashboard.extract.places import PlaceIndex
from dashboard.extract.text import number_value, sentences
from dashboard.records.read import read_calendar
from dashboard.forms import sheet

from .conftest import DATA

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
EXPECTED = yaml.safe_load((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar.from_raw(read_calendar(DATA))


@pytest.fixture(scope="module")
def places(gaz) -> PlaceIndex:
    return PlaceIndex(gaz)


@pytest.fixture(scope="module")
def drafts(gaz, calendar, places) -> dict:
    out = {}
    for name, exp in EXPECTED.items():
        article = read_source(str(ARTICLES / name), published=exp.get("published"))
        out[name] = extract(article, gaz, calendar, places).to_dict()
    return out


def _leader(d):
    return (d["leader"]["value"] or {}).get("name")


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_article_reads_as_a_reviewer_would(drafts, name):
    exp, d = EXPECTED[name], drafts[name]
    assert d["is_ceremony"]["value"] is exp["is_ceremony"], d["is_ceremony"]
    if not exp["is_ceremony"]:
        return
    region = exp["region"]
    if isinstance(region, list):  # doubt: every candidate is offered, none is sure
        offered = {d["region"]["value"]} | {a["code"] for a in d["region"].get("alternatives", [])}
        assert set(region) <= offered
    else:
        assert d["region"]["value"] == region, d["region"]
    assert d["date"]["value"] == (exp["date"].isoformat() if exp["date"] else None), d["date"]
    for key in ("date_confidence", "region_confidence"):
        if key in exp:
            assert d[key.split("_")[0]]["confidence"] == exp[key]
    assert d["elections"]["value"] == exp["elections"]
    assert d["kinds"]["value"] == exp["kinds"]
    if "leader" in exp:
        assert _leader(d) == exp["leader"]
    groups = {s["group"]: s for s in d["signatories"]["value"] or []}
    for g in exp.get("signatories", []):
        assert g in groups, groups
    for g in exp.get("all", []):
        assert groups[g].get("all") is True, groups
    for g, n in exp.get("counts", {}).items():
        assert groups[g]["count"] == n
    for w in exp.get("witnesses", []):
        assert w in d["witnesses"]["value"]
    for c in exp.get("categories", []):
        assert c in d["commitment_categories"]["value"]
    if "readiness" in exp:
        assert [r["percent"] for r in d["readiness"]["value"]] == [exp["readiness"]]


def test_no_value_is_sure_and_wrong(drafts):
    """The failure that matters: a wrong value marked Pasti."""
    wrong_and_sure = []
    for name, exp in EXPECTED.items():
        d = drafts[name]
        if not exp["is_ceremony"]:
            continue
        checks = {"region": exp["region"] if isinstance(exp["region"], str) else None,
                  "date": exp["date"].isoformat() if exp["date"] else None,
                  "kinds": exp["kinds"], "elections": exp["elections"]}
        for field, want in checks.items():
            if d[field]["confidence"] == "sure" and d[field]["value"] != want:
                wrong_and_sure.append((name, field, d[field]["value"], want))
        if d["leader"]["confidence"] == "sure" and "leader" in exp and _leader(d) != exp["leader"]:
            wrong_and_sure.append((name, "leader", _leader(d), exp["leader"]))
    assert wrong_and_sure == []


def test_every_field_has_the_contract_shape(drafts):
    for d in drafts.values():
        assert list(d) == ["source", "is_ceremony", "region", "date", "elections", "kinds", "leader", "venue",
                           "signatories", "witnesses", "commitment_categories", "readiness", "article"]
        for name, f in d.items():
            if name in ("source", "article"):
                continue
            assert f["confidence"] in ("sure", "check", "missing")
            assert "value" in f and "evidence" in f
            if f["confidence"] == "missing":
                assert f["value"] in (None, []) or name == "elections"
        assert set(d["article"]) == {"title", "outlet", "url", "published"}
        assert "year_inferred" in d["date"]


def test_year_left_out_is_inferred_never_sure(drafts):
    d = drafts["07-tanpa-tahun.txt"]["date"]
    assert d["value"] == "2024-11-08" and d["year_inferred"] is True and d["confidence"] == "check"
    assert "Jumat (8/11)" in d["evidence"]


def test_weekday_only_stays_undated_with_the_fitting_day_offered(drafts):
    d = drafts["08-hanya-hari.txt"]["date"]
    assert d["value"] is None and d["weekday_only"] == "Kamis"
    assert "2024-10-31" in d["alternatives"]


def test_a_weekday_contradicting_the_date_is_a_warning(drafts):
    d = drafts["09-hari-salah.html"]["date"]
    assert d["confidence"] == "check"
    said_id = [said(n, "id") for n in d["notes"]]
    assert any("Senin" in n and "Selasa" in n for n in said_id), said_id
    assert any("does not match" in said(n, "en") for n in d["notes"])  # the reviewer's language, either one


def test_a_name_shared_by_a_kabupaten_and_its_kecamatan_follows_who_led(drafts):
    assert drafts["10a-pandeglang-kecamatan.txt"]["region"]["value"] == "36.01.21"
    assert drafts["10b-pandeglang-kabupaten.txt"]["region"]["value"] == "36.01"
    assert drafts["10b-pandeglang-kabupaten.txt"]["region"]["level"] == "kabupaten/kota"


def test_a_kecamatan_in_two_provinces_is_a_choice_with_full_paths(drafts):
    r = drafts["11-ciomas-dua-provinsi.txt"]["region"]
    assert r["confidence"] == "check"
    labels = [r["label"]] + [a["label"] for a in r["alternatives"]]
    assert any("Kabupaten Bogor" in lbl for lbl in labels) and any("Kabupaten Serang" in lbl for lbl in labels)


def test_an_appeal_and_an_anticorruption_pact_are_not_ceremonies(drafts):
    assert drafts["05-imbauan.txt"]["is_ceremony"]["value"] is False
    assert drafts["06-pakta-korupsi.html"]["is_ceremony"]["value"] is False
    assert drafts["06-pakta-korupsi.html"]["kinds"]["value"] is None  # its pakta is not a neutrality pakta


def test_two_outlets_on_one_ceremony_agree_on_place_and_day(drafts):
    a, b = drafts["12a-sakra-outlet-a.html"], drafts["12b-sakra-outlet-b.txt"]
    assert (a["region"]["value"], a["date"]["value"]) == (b["region"]["value"], b["date"]["value"])
    assert a["article"]["outlet"] != b["article"]["outlet"]


def test_html_metadata_is_read_and_the_body_date_never_guessed(drafts):
    art = drafts["01-kecamatan-apel-pakta.html"]["article"]
    assert art["outlet"] == "Warta Banyumas" and art["published"] == "2024-10-21"
    assert art["title"].startswith("Camat Purwokerto Utara")
    # a text file without --published has no publication date, even though its body has dates
    a = read_source(str(ARTICLES / "13-angka-kata.txt"))
    assert a.published is None


@pytest.mark.parametrize("words,value", [("sembilan puluh", 90), ("dua belas", 12), ("sebelas", 11),
                                         ("seratus dua puluh lima", 125), ("18", 18), ("puluh", None)])
def test_number_words(words, value):
    assert number_value(words) == value


def test_sentences_keep_titles_and_abbreviations_together():
    s = sentences("Camat Drs. H. Acep memimpin apel di Kec. Cibinong. Kegiatan selesai.")
    assert [x.text for x in s] == ["Camat Drs. H. Acep memimpin apel di Kec. Cibinong.", "Kegiatan selesai."]


# -- bad input ------------------------------------------------------------------------------------
@pytest.mark.parametrize("content,message,pesan", [
    (b"", "empty", "kosong"), (b"\x00\x01\x02binary" * 50, "binary", "biner"),
    (b"Short.", "too short", "terlalu pendek"),
    (("The regent asked all civil servants to stay neutral during the regional election campaign. " * 8)
     .encode(), "not Indonesian", "bukan bahasa Indonesia"),
    (b"<html><body><nav>Beranda</nav></body></html>", "no article text", "tidak ada teks artikel"),
])
def test_bad_input_is_refused_with_one_line_naming_the_source(tmp_path, content, message, pesan):
    """One line naming the source: in English for the CLI, in Indonesian for the page."""
    f = tmp_path / "berita.html"
    f.write_bytes(content)
    with pytest.raises(PetaError) as exc:
        read_source(str(f))
    assert message in exc.value.message and "berita.html" in exc.value.message
    said = exc.value.summary_msg.text("id")
    assert said.startswith(str(f)) and pesan in said


def test_cli_json_one_object_per_source_and_bad_sources_go_on(tmp_path, capsys):
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    rc = cli.main(["extract", str(ARTICLES / "02-pemkab-ikrar-sekda.html"), str(bad),
                   str(ARTICLES / "06-pakta-korupsi.html"), "--json"])
    out, err = capsys.readouterr()
    objs = [json.loads(line) for line in out.splitlines()]
    assert rc == 2 and len(objs) == 2
    assert objs[0]["region"]["value"] == "64.02" and objs[1]["is_ceremony"]["value"] is False
    assert err.strip().splitlines() == [f"{bad}: empty: no text to read"]


def test_cli_reads_stdin_with_url_and_published():
    text = (ARTICLES / "07-tanpa-tahun.txt").read_text(encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "dashboard", "extract", "-", "--json", "--published", "2024-11-09",
                        "--url", "https://contoh.example/berita/1"], input=text, capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["source"] == "-" and d["article"]["url"] == "https://contoh.example/berita/1"
    assert d["date"]["value"] == "2024-11-08" and d["date"]["year_inferred"] is True


def test_cli_sheet_imports_back_without_a_guessed_date(tmp_path, gaz):
    out = tmp_path / "draf.xlsx"
    rc = cli.main(["extract", str(ARTICLES / "12a-sakra-outlet-a.html"), str(ARTICLES / "07-tanpa-tahun.txt"),
                   "--published", "2024-11-09", "--sheet", str(out)])
    assert rc == 0
    reports, problems = sheet.parse(out.name, out.read_bytes(), make_id=lambda d: d["id"])
    assert problems == []
    by_region = {r.data["region"]: r.data for r in reports}
    assert by_region["52.03.02"]["date"] == dt.date(2024, 11, 14)
    # the inferred year is not written as a date: the row says what to check instead
    assert by_region["32.06.24"]["date"] is None
    assert "2024-11-08" in by_region["32.06.24"]["date_unknown_reason"]


def test_suggested_report_passes_the_validator(gaz, calendar, places):
    from dashboard.errors import Problem
    from dashboard.records.read import RawReport
    from dashboard.records.validate import validate_report

    article = read_source(str(ARTICLES / "02-pemkab-ikrar-sekda.html"))
    report = suggested_report(extract(article, gaz, calendar, places), gaz, "kukar-2024-10-16")
    problems: list[Problem] = []
    validate_report(RawReport("draf", report), gaz, {"pemilu-2024": None, "pilkada-2024": None}, problems)
    assert problems == []


def test_markup_in_an_article_stays_text():
    a = from_text("teks", "Judul <script>alert(1)</script>\n" + "Camat <b>Sakra</b> memimpin ikrar netralitas ASN "
                  "di aula kantor camat dan diikuti seluruh kepala desa yang hadir. " * 5, published=dt.date(2024, 11, 14))
    assert "<script>" in a.title and "<b>Sakra</b>" in a.text  # kept as written (text), escaped where shown


# -- the URL path -----------------------------------------------------------------------------------
@pytest.fixture()
def server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ARTICLES))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_on_loopback_is_refused_unless_allowed(server, monkeypatch, capsys):
    monkeypatch.setenv("PETA_FETCH_ALLOW", "")
    assert cli.main(["extract", f"{server}/01-kecamatan-apel-pakta.html", "--json"]) == 2
    assert "non-public address (127.0.0.1, loopback)" in capsys.readouterr().err
    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    assert cli.main(["extract", f"{server}/01-kecamatan-apel-pakta.html", f"{server}/12a-sakra-outlet-a.html",
                     "--json"]) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["region"]["value"] for o in objs] == ["33.02.27", "52.03.02"]
    assert objs[0]["article"]["url"] == f"{server}/01-kecamatan-apel-pakta.html"  # the link as fetched
    assert objs[0]["article"]["outlet"] == "Warta Banyumas" and objs[0]["article"]["published"] == "2024-10-21"


def test_url_schemes_other_than_http_are_refused(monkeypatch):
    from dashboard.extract.fetch import fetch

    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/x"):
        with pytest.raises(PetaError):
            fetch(url)


def test_fetch_off_says_so(monkeypatch):
    from dashboard.extract.fetch import fetch

    monkeypatch.setenv("PETA_FETCH", "off")
    with pytest.raises(PetaError, match="PETA_FETCH=off"):
        fetch("https://example.com/berita")


@pytest.mark.slow
def test_benchmark_script_reports_accuracy(tmp_path):
    r = subprocess.run([sys.executable, "-m", "benchmarks.extract", "--out", str(tmp_path / "r.json")],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path / "r.json").read_text())
    assert res["articles"] == len(EXPECTED) and res["wrong_and_sure"] == 0
    assert set(res["accuracy"]) >= {"is_ceremony", "region", "date", "kinds", "leader"}


def test_several_uploaded_files_are_read_and_a_bad_one_is_named(gaz, calendar, places):
    from dashboard.extract.article import read_many

    names = ["01-kecamatan-apel-pakta.html", "02-pemkab-ikrar-sekda.html", "03-gubernur-deklarasi.txt",
             "04-sosialisasi.html", "13-angka-kata.txt"]
    files = [(n, (ARTICLES / n).read_bytes()) for n in names] + [("rusak.html", b"\x00\x01" * 100)]
    articles, failed = read_many([], files, "", dt.date(2024, 11, 7))
    assert [a.source for a in articles] == names
    assert [m.text("id") for m in failed] == ["rusak.html: berkas biner, bukan HTML atau teks: berikan halaman berita "
                                              "atau teksnya"]
    regions = [extract(a, gaz, calendar, places).value("region") for a in articles]
    assert regions == ["33.02.27", "64.02", "73", "74.71", "73.09.04"]


def test_reviewed_report_from_the_review_values(gaz, calendar, places):
    """The review page's values -> the saved report: empty editor cells left out, commitment lines
    given to the chosen categories in order, an inferred year saved as date_inferred, and a
    readiness figure without a day refused rather than dropped."""
    import pandas as pd

    from dashboard.extract.draft import reviewed_report, stored_article

    art = read_source(str(ARTICLES / "07-tanpa-tahun.txt"), published=dt.date(2024, 11, 9))
    stored = extract(art, gaz, calendar, places).to_dict()
    common = dict(ceremony_id="singaparna-2024-11-08", region="32.06.24", elections=["pilkada-2024"],
                  kinds=["apel", "ikrar"], leader_name="Dedi Kurniawan", leader_role="Camat Singaparna", venue="",
                  signatory_rows=[{"group": "camat", "count": 1, "all": False},
                                  {"group": "kepala_desa", "count": pd.NA, "all": True},
                                  {"group": None, "count": float("nan"), "all": False}],
                  witnesses=["panwascam"], categories=["kampanye", "netralitas"],
                  commitment_text="Tidak ikut kampanye pasangan calon mana pun.\n", notes="")
    article = stored_article(art.source, art.text, stored["article"])
    report = reviewed_report(stored, article, gaz, day=dt.date(2024, 11, 8), day_from_reading=True,
                             readiness_rows=[{"percent": 80.0, "measure": "Kesiapan desa", "as_of": pd.Timestamp("2024-11-07")},
                                             {"percent": pd.NA, "measure": None}],
                             outlet="Priangan Timur News", **common)
    assert report["signatories"] == [{"group": "camat", "count": 1}, {"group": "kepala_desa", "all": True}]
    assert [c["text"] for c in report["commitments"]] == ["Tidak ikut kampanye pasangan calon mana pun.",
                                                         "Netral sebelum, selama, dan sesudah pemilihan"]
    # the date's own words, never the article's sentence (the record must not copy the article)
    assert report["date_inferred"]["year"] == 2024 and report["date_inferred"]["stated"] == "Jumat (8/11)"
    from dashboard.extract.draft import suggested_report

    suggested = suggested_report(extract(art, gaz, calendar, places), gaz, "draf-1")
    assert suggested["date_inferred"]["stated"] == "Jumat (8/11)"
    assert report["readiness"] == [{"percent": 80.0, "measure": "Kesiapan desa", "as_of": dt.date(2024, 11, 7)}]
    assert report["sources"][0] == {"outlet": "Priangan Timur News", "published": dt.date(2024, 11, 9),
                                    "title": "ASN Kecamatan Singaparna Ikrarkan Netralitas"}
    assert "venue" not in report
    # issue 21 §3: what the article does not say is the reviewer's to give, never invented: no outlet
    # (pasted text names none), no measure, no day of measurement: refused, each named, nothing dropped
    with pytest.raises(PetaError) as err:
        reviewed_report(stored, article, gaz, day=None, day_from_reading=False,
                        readiness_rows=[{"percent": 80.0, "measure": ""}], **common)
    assert {p.field for p in err.value.problems} == {"sources[0].outlet", "readiness[0].measure", "readiness[0].as_of"}
