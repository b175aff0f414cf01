"""Bounded resources (issue 23 §3): every hostile upload or page is refused, or read, within 10 s
and 300 MB of growth of the process that reads it. Each case runs in a fresh Python process so its
peak memory is its own (growth: the peak resident size while reading, ``VmHWM`` reset just before,
less the resident size before; the reading modules are imported first); the
process is killed at 60 s so a regression fails instead of hanging the suite."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests import hostile

pytestmark = pytest.mark.slow  # the fast loop leaves it out (README "Tests")

CHILD = r"""
import json, sys, time
from pathlib import Path
from dashboard.errors import PetaError
from dashboard.extract import article
from dashboard.forms import sheet
import openpyxl, trafilatura, lxml.html  # their own size is not the input's
path = Path(sys.argv[2])
data = path.read_bytes()
def status(key):
    return int(next(l for l in open("/proc/self/status") if l.startswith(key)).split()[1])
# the imports' passing peak is not the reading's: reset the peak (Linux: VmHWM), then measure from now
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")
base = status("VmRSS")
start = time.monotonic()
try:
    if sys.argv[1] == "sheet":
        sheet.read_rows(path.name, data)
    elif path.suffix == ".txt":
        article.from_text(path.name, article.decode(path.name, data))
    else:
        article.from_html(path.name, article.decode(path.name, data))
    out = {"refused": None}
except PetaError as exc:
    out = {"refused": exc.message}
out["seconds"] = time.monotonic() - start
out["growth_mb"] = (status("VmHWM") - base) / 1024
print(json.dumps(out))
"""

SECONDS, GROWTH_MB = 10, 300


def _read(tmp_path, kind: str, name: str, content: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(content)
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True, timeout=60,
                          cwd=str(__import__("tests.conftest", fromlist=["ROOT"]).ROOT))
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["seconds"] < SECONDS and out["growth_mb"] < GROWTH_MB, out
    return out


@pytest.mark.parametrize("name, make, says", [
    ("string-100mb.xlsx", lambda: hostile.shared_string_bomb(100), "xl/sharedStrings.xml"),
    ("lebar-5000x2000.xlsx", lambda: hostile.wide_workbook(5000, 2000), "xl/worksheets/sheet1.xml"),
    ("lebar-500x2000.xlsx", lambda: hostile.wide_workbook(500, 2000), "at most 100 cells in a row"),
    ("lebar-4000x40.xlsx", lambda: hostile.wide_workbook(4000, 40), "120000 in the sheet"),
    ("sampah-lalu-bom.xlsx", lambda: hostile.junk_then_bomb(100), "xl/sharedStrings.xml"),
    # issue 35: formatted runs in one string; shared strings filed under a worksheet's name
    ("runs-460000.xlsx", lambda: hostile.rich_text_runs(460_000), "formatted runs"),
    ("sst-lain-1500000.xlsx", lambda: hostile.strings_under_another_name(1_500_000), "xl/worksheets/sst.xml"),
], ids=["shared-string-100MB", "5000x2000-cells", "2000-columns", "160000-cells", "junk-part-first",
        "rich-text-runs", "strings-under-another-name"])
def test_hostile_workbooks_are_refused_before_they_expand(tmp_path, name, make, says):
    out = _read(tmp_path, "sheet", name, make())
    assert out["refused"] and says in out["refused"], out


@pytest.mark.parametrize("name, make", [
    ("string-15mb.xlsx", lambda: hostile.shared_string_bomb(15)),
    ("lebar-1100x100.xlsx", lambda: hostile.wide_workbook(1100, 100)),
], ids=["shared-string-15MB", "110000-cells"])
def test_the_largest_workbooks_the_limits_allow_stay_within_budget(tmp_path, name, make):
    """Just inside the bounds: read through (then refused for their content, which is not a
    ceremony sheet) within the budget."""
    out = _read(tmp_path, "sheet", name, make())
    assert "at most" not in (out["refused"] or "") or "Excel's limit" in out["refused"], out


def test_a_page_of_two_megabytes_of_short_paragraphs_is_refused(tmp_path):
    out = _read(tmp_path, "page", "paragraf.html", hostile.many_paragraphs_html(2.2))
    assert out["refused"] and "12000" in out["refused"], out


def test_a_tag_with_100000_attributes_is_read_without_them(tmp_path):
    out = _read(tmp_path, "page", "atribut.html", hostile.many_attributes_html(100_000))
    assert out["refused"] is None, out


def test_the_longest_page_the_limits_allow_stays_within_budget(tmp_path):
    """Just under the page's text bound: trafilatura reads it all (within budget), and the article it
    finds is then longer than one article may be."""
    out = _read(tmp_path, "page", "panjang.html", hostile.many_paragraphs_html(0.44))
    assert "200000" in (out["refused"] or ""), out
    out = _read(tmp_path, "page", "artikel.html", hostile.many_paragraphs_html(0.2))
    assert out["refused"] is None, out


def test_five_megabytes_of_pasted_text_are_refused(tmp_path):
    """The upload limit (5 MB) is far more text than an article: the rules would read every sentence
    (16 s); refused by its length instead."""
    sentence = "Camat memimpin apel netralitas ASN yang dihadiri para lurah di aula kecamatan. "
    out = _read(tmp_path, "page", "panjang.txt", ("Judul\n" + sentence * 60_000).encode())
    assert out["refused"] and "200000" in out["refused"], out


def test_the_longest_article_the_limits_allow_is_drafted_within_budget(tmp_path, geo_cfg):
    """200,000 characters through the whole CLI path (read, every rule, the JSON draft)."""
    import os
    import time

    sentence = "Camat memimpin apel netralitas ASN yang dihadiri para lurah di aula Kecamatan Ciawi. "
    path = tmp_path / "panjang.txt"
    path.write_text("Judul berita\n" + sentence * (199_000 // len(sentence)), encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dashboard", "extract", str(path), "--json"], capture_output=True,
                          text=True, timeout=60, env=os.environ.copy())
    assert done.returncode == 0, done.stderr[-2000:]
    assert time.monotonic() - start < SECONDS
    assert json.loads(done.stdout)["is_ceremony"]["value"] is True


def test_trimming_keeps_what_trafilatura_reads():
    """JSON-LD metadata, the title and the article survive; scripts, styles and their text go."""
    from dashboard.extract import article

    html = ('<html><head><title>Apel Netralitas</title><script type="application/ld+json">'
            '{"@type":"NewsArticle","datePublished":"2024-11-12","publisher":{"name":"Warta Uji"}}</script>'
            '<script>var rahasia = 1;</script><style>p{color:red}</style></head><body>'
            '<article class="isi" data-track="x" onclick="alert(1)"><p>Camat memimpin apel.</p></article></body></html>')
    root = article.trimmed("uji.html", html)
    text = " ".join(root.itertext())
    assert "rahasia" not in text and "color:red" not in text and "datePublished" in text
    assert "Camat memimpin apel." in text
    art = root.find(".//article")
    assert art.get("class") == "isi" and art.get("onclick") is None and art.get("data-track") is None
