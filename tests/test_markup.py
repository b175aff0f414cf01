"""Issue 41 §2: data text is escaped for HTML in one place (dashboard/markup.py), and which
addresses may be links is decided there too."""

from __future__ import annotations

import re

from dashboard import markup

from .conftest import ROOT


def test_text_escapes_tags_ampersands_and_both_quotes():
    assert markup.text('<a href="x">Q&A</a>') == "&lt;a href=&#34;x&#34;&gt;Q&amp;A&lt;/a&gt;"
    assert markup.text("Jum'at") == "Jum&#39;at"
    # inside an attribute value the text cannot end it, whichever quote delimits it
    attr = markup.text('" onmouseover="alert(1)') + markup.text("' onfocus='x")
    assert '"' not in attr and "'" not in attr and "<" not in markup.text("<script>")


def test_text_of_none_is_empty_and_other_values_are_written_as_str():
    assert markup.text(None) == "" and markup.text(12.5) == "12.5" and markup.text("") == ""


def test_quotes_are_numeric_references_plotly_also_shows_as_quotes():
    """plotly decodes numeric references but shows &quot; as written: a quote in a title or a
    table cell would read "&quot;" on the page."""
    escaped = markup.text('Apel "Netral" Jum\'at')
    assert "&quot;" not in escaped and "&#34;" in escaped and "&#39;" in escaped
    assert markup.plain_quotes(escaped) == 'Apel "Netral" Jum\'at'
    assert markup.plain_quotes(markup.text("a < b")) == "a &lt; b"  # only the quotes are written back


def test_only_http_and_https_addresses_are_followable():
    assert markup.followable("https://contoh.id/berita?id=1") and markup.followable("http://contoh.id")
    for url in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "/relatif", "ftp://x.id",
                'https://x.id/"onclick', "https://x.id/a b", None, 12, ""):
        assert not markup.followable(url), url


def test_a_javascript_address_is_never_a_link():
    from dashboard.export import pdf_links
    from dashboard.ui.safe import link

    assert link("Berita", "javascript:alert(1)") == "Berita (javascript\\:alert\\(1\\))"  # text, no link
    assert link("Berita", "https://contoh.id/a") == "[Berita](https://contoh.id/a)"
    cells, urls = pdf_links.numbered(["javascript:alert(1) https://contoh.id/a"])
    assert urls == {1: "https://contoh.id/a"} and list(cells[0]) == ["javascript:alert(1)", "[1] contoh.id"]


def test_no_module_but_markup_calls_html_escape():
    """Every escape goes through markup.text: one rule (always quotes, numeric references)."""
    callers = [p.relative_to(ROOT).as_posix() for p in (ROOT / "dashboard").rglob("*.py")
               if p.name != "markup.py" and re.search(r"\bhtml\.escape\b|from html import|import html\b",
                                                      p.read_text(encoding="utf-8"))]
    assert callers == [], callers
