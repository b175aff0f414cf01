"""An article's text and metadata from a URL, an HTML or text file, or pasted text.

HTML goes through trafilatura (main text, title, site name) with htmldate's extensive search
turned off: the publication date comes from the page's metadata or its URL, never from a date
guessed in the body text. Plain text is read as written: the first short line is the title.

Bad input is refused with one line naming the source: empty, binary, too big, not Indonesian,
or no article text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import Msg, PetaError, msg
from ..io.files import read_bytes
from .text import fold

MAX_BYTES = 5 * 1024 * 1024  # a news page is ~100 KB-2 MB with its markup; more is not an article
# trafilatura's pruning and comparison passes grow faster than the page (measured: 2 MB of short
# paragraphs took 169 s, one element with 100,000 attributes 133 s), so a page is trimmed and
# bounded before it gets there: what cannot hold an article goes, attributes it never reads go,
# and a page still past these bounds is refused (README, "Limits").
MAX_ELEMENTS = 12_000        # elements left after trimming (a news page has 1,000-6,000)
MAX_PAGE_TEXT = 400_000      # characters of text in the page (an article has 2,000-20,000)
MAX_ARTICLE_TEXT = 200_000   # characters of article text, pasted, uploaded or found in a page: the
                             # extraction rules read every sentence (5 MB of text took 16 s)
_DROP = ("script", "style", "noscript", "svg", "math", "template", "iframe", "object", "embed", "canvas",
         "select", "option", "datalist", "button")
_KEEP_ATTRS = {"id", "class", "href", "content", "name", "property", "itemprop", "itemtype", "itemscope",
               "datetime", "lang", "rel", "charset", "http-equiv", "role", "hidden", "aria-hidden", "style", "type"}
_ATTR_CHARS = 300            # longer attribute values are cut (a class list, an inline style)
_JSON_LD_CHARS = 100_000     # JSON-LD metadata kept (trafilatura reads dates and outlets from it)
MIN_WORDS = 40
# The most frequent Indonesian function words: an article in Indonesian has many of them.
_ID_WORDS = {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dalam", "pada", "tidak", "dari", "akan",
             "kepada", "juga", "oleh", "para", "seluruh", "bahwa", "kami", "kita", "agar", "serta", "tersebut"}


@dataclass(frozen=True)
class Article:
    source: str              # what the user gave: URL, file name, "-", or "teks"
    text: str                # the article body, plain text
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    published_from: str | None  # "metadata", "url", "given", None

    def to_dict(self) -> dict:
        return {"title": self.title, "outlet": self.outlet, "url": self.url,
                "published": self.published.isoformat() if self.published else None}


def refuse(source: str, what: Msg) -> PetaError:
    return PetaError.single("source", source, what, summary=msg("source_refused", source=source, why=what))


def decode(source: str, raw: bytes) -> str:
    if not raw.strip():
        raise refuse(source, msg("art_empty"))
    if len(raw) > MAX_BYTES:
        raise refuse(source, msg("art_too_big", kb=len(raw) // 1024, max_kb=MAX_BYTES // 1024))
    if b"\x00" in raw[:4096]:
        raise refuse(source, msg("art_binary"))
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise refuse(source, msg("art_encoding"))


def looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or bool(re.search(r"<(p|div|article|body|meta)\b", head))


def from_html(source: str, html: str, url: str | None = None, published: dt.date | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        trimmed(source, html), url=url, with_metadata=True, favor_precision=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": dt.date.today().isoformat()})
    if doc is None or not (doc.text or "").strip():
        raise refuse(source, msg("art_no_text"))
    url = url or doc.url
    # The page's own metadata wins; a date given by the user fills in only where the page has none.
    found, origin = _iso(doc.date), "metadata"
    if not found and url and _date_in_url(url):
        found, origin = _date_in_url(url), "url"
    if not found and published:
        found, origin = published, "given"
    return _checked(Article(source, doc.text.strip(), _clean(doc.title), _clean(doc.sitename) or _host(url), url,
                            found, origin if found else None))


def trimmed(source: str, html: str):
    """The page as an lxml tree with what cannot hold the article removed (scripts but JSON-LD,
    styles, images of vector graphics, forms' lists, comments) and only the attributes trafilatura
    reads, cut short; refused when it is still larger than a page (MAX_ELEMENTS, MAX_PAGE_TEXT)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(_tame_tags(html))
    except (lxml.etree.ParserError, ValueError):
        raise refuse(source, msg("art_no_text")) from None
    drop = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions
            drop.append(el)
            continue
        tag = el.tag.lower()
        if tag in _DROP and not (tag == "script" and (el.get("type") or "").lower() == "application/ld+json"
                                 and len(el.text or "") <= _JSON_LD_CHARS):
            drop.append(el)
            continue
        if len(el.attrib) > 0:
            for key in list(el.attrib):
                if key.lower() not in _KEEP_ATTRS:
                    del el.attrib[key]
                elif len(el.attrib[key]) > _ATTR_CHARS:
                    el.attrib[key] = el.attrib[key][:_ATTR_CHARS]
    for el in drop:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text after it (the tail), which belongs to the parent
    count = sum(1 for el in root.iter() if isinstance(el.tag, str))
    if count > MAX_ELEMENTS:
        raise refuse(source, msg("art_page_complex", n=count, max=MAX_ELEMENTS))
    chars = sum(len(t) for t in root.itertext())
    if chars > MAX_PAGE_TEXT:
        raise refuse(source, msg("art_page_long", n=chars, max=MAX_PAGE_TEXT))
    return root


_MANY_ATTRS = 100  # attributes on one tag (a news page's busiest has a dozen or two)


def _tame_tags(html: str) -> str:
    """Tags with more than _MANY_ATTRS attributes written as their bare name, before any parser
    sees them: libxml2 compares each attribute with every earlier one (100,000 took 17 s to parse,
    and reading them back 75 s). One pass from each ``<`` to the next ``>``, so linear."""
    out, pos = [], 0
    while True:
        start = html.find("<", pos)
        if start < 0:
            break
        end = html.find(">", start)
        if end < 0:
            break
        if end - start > 1000:  # only a long tag can hold many attributes
            span = html[start:end]
            name = re.match(r"<([A-Za-z][\w:-]{0,30})", span)
            if name and span.count("=") > _MANY_ATTRS:
                out.append(html[pos:start])
                out.append(f"<{name.group(1)}>")
                pos = end + 1
                continue
        out.append(html[pos:end + 1])
        pos = end + 1
    out.append(html[pos:])
    return "".join(out)


LINK_LINE = re.compile(r"^https?://[^\s<>\"']+$")


def from_text(source: str, text: str, url: str | None = None, published: dt.date | None = None) -> Article:
    """A saved text: the title on its first line, then the body. A first line that is only an
    http(s) address is the article's link (a curator's habit, issue 38): it gives the link, and the
    year a day and month without one belong to, when no ``url`` is given."""
    text = text.replace("\r\n", "\n").strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and LINK_LINE.match(lines[0]):
        url = url or lines[0]
        lines = lines[1:]
    title = lines[0] if lines and len(lines[0]) <= 160 and not lines[0].endswith(".") else None
    body = "\n".join(lines[1:]) if title else "\n".join(lines)
    found = published or (_date_in_url(url) if url else None)
    origin = "given" if published else ("url" if found else None)
    return _checked(Article(source, body, title, _host(url), url, found, origin))


def _checked(a: Article) -> Article:
    if len(a.text) > MAX_ARTICLE_TEXT:
        raise refuse(a.source, msg("art_text_long", n=len(a.text), max=MAX_ARTICLE_TEXT))
    words = re.findall(r"[a-z]+", fold(a.text))
    if len(words) < MIN_WORDS:
        raise refuse(a.source, msg("art_text_short", n=len(words)))
    share = sum(w in _ID_WORDS for w in words) / len(words)
    if share < 0.04:
        raise refuse(a.source, msg("art_not_indonesian"))
    return a


def read_source(source: str, *, url: str | None = None, published: dt.date | None = None,
                stdin=None, fetch=None) -> Article:
    """``source``: an http(s) URL (fetched with ``fetch``), ``-`` (standard input), or a file."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I):
        if fetch is None:
            raise refuse(source, msg("art_no_fetch_here"))
        raw, final_url = fetch(source)
        text = decode(source, raw)
        return (from_html if looks_html(text) else from_text)(source, text, url or final_url, published)
    if source == "-":
        raw = (stdin.buffer if hasattr(stdin, "buffer") else stdin).read()
        raw = raw.encode() if isinstance(raw, str) else raw
    else:
        path = Path(source)
        if not path.is_file():
            raise refuse(source, msg("art_no_file"))
        raw = read_bytes(path)
    text = decode(source, raw)
    return (from_html if looks_html(text) else from_text)(source, text, url, published)


def _iso(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_in_url(url: str) -> dt.date | None:
    """/2024/11/12/ or /20241112 in the path, as many news sites put it."""
    path = urlsplit(url).path
    m = re.search(r"/(20\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)", path) or re.search(r"/(20\d{2})(\d{2})(\d{2})\d*/", path)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def read_many(links: list[str], files: list[tuple[str, bytes]], pasted: str, published: dt.date | None,
              fetch=None, progress=None) -> tuple[list[Article], list[str]]:
    """Several inputs at once (the *Dari berita* page): links, uploaded files as (name, bytes) and
    pasted text. Returns the articles read and one line per source that could not be (the others go on).
    ``progress(done, total, source)``, if given, is called before each source (the page's progress bar:
    twenty links take as long as twenty fetches)."""
    articles, failed = [], []
    total = len(links) + len(files) + (1 if pasted.strip() else 0)
    done = 0

    def step(source: str) -> None:
        nonlocal done
        if progress is not None:
            progress(done, total, source)
        done += 1

    for link in links:
        step(link)
        try:
            articles.append(read_source(link, published=published, fetch=fetch))
        except PetaError as exc:
            failed.append(exc.summary_msg)
    for name, raw in files:
        step(name)
        try:
            text = decode(name, raw)
            articles.append((from_html if looks_html(text) else from_text)(name, text, None, published))
        except PetaError as exc:
            failed.append(exc.summary_msg)
    if pasted.strip():
        step("teks")
        try:
            articles.append(from_text("teks", pasted, None, published))
        except PetaError as exc:
            failed.append(exc.summary_msg)
    return articles, failed
