"""Plain-text helpers for Indonesian news: sentences, folding, number words.

Sentences are the unit of evidence: every extracted field quotes the sentence it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words after which a full stop does not end a sentence (titles, "Kec.", "Kab.", degrees).
_NO_BREAK = {"kec", "kab", "kel", "ds", "prov", "drs", "dra", "dr", "ir", "h", "hj", "pj", "plt", "plh", "no",
             "st", "jl", "jln", "m", "s", "si", "sos", "ap", "sh", "se", "mh", "mm", "mpd", "spd", "msi",
             "ma", "kh", "prof", "bpk", "ibu", "sdr", "tgl", "wib", "dll", "dsb", "a", "b", "c", "d", "e"}
_BREAK = re.compile(r"[.!?]+[\"”’']?\s+|\n+")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    folded: str  # lower-case ASCII, for matching


def fold(text: str) -> str:
    """Lower-case ASCII with typographic quotes unified ("Jum’at" -> "jum'at")."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def sentences(text: str) -> list[Sentence]:
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end()
        before = re.search(r"([A-Za-z]+)\.?[\"”’']?\s*$", text[start:m.start() + 1])
        word = (before.group(1) if before else "").lower()
        if "\n" not in m.group() and (word in _NO_BREAK or len(word) == 1):
            continue
        if "\n" not in m.group() and end < len(text) and not re.match(r"[A-Z0-9\"“‘'(]", text[end]):
            continue  # "Kec. cibinong" or a decimal: not a sentence end
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    if text[start:].strip():
        out.append(text[start:].strip())
    return [Sentence(i, s, fold(s)) for i, s in enumerate(out)]


_UNITS = {"nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
          "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100}
NUMBER_WORD = (r"(?:(?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s*(?:puluh|belas|ratus)"
               r"(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:\s+(?:puluh|belas))?)*"
               r"|sepuluh|sebelas|seratus|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)")


def number_value(text: str) -> int | None:
    """``"90"``, ``"sembilan puluh"``, ``"dua belas"``, ``"seratus dua puluh lima"`` -> int."""
    text = fold(text).strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    total, current = 0, 0
    words = re.findall(r"[a-z]+", text)
    if not words:
        return None
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("puluh", "belas", "ratus"):
            return None  # a multiplier with nothing before it
        if w.startswith("se") and w not in _UNITS and w[2:] in ("puluh", "belas", "ratus"):
            w, words[i:i + 1] = "satu", ["satu", w[2:]]
        if w not in _UNITS:
            return None
        value = _UNITS[w]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt == "puluh":
            current += value * 10
            i += 2
        elif nxt == "belas":
            current += value + 10
            i += 2
        elif nxt == "ratus":
            total += value * 100
            i += 2
        else:
            current += value
            i += 1
    return total + current


def clip(text: str, limit: int = 400) -> str:
    """Evidence stays readable: one sentence, cut at ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
