"""Dates and numbers the Indonesian way ("Selasa, 12 November 2024", "12,5 %"), or English."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# A day as files write it: YYYY-MM-DD and nothing else (fromisoformat would also take 20241120 and
# 2024-W47-3): the one pattern the sheet reader and the XLSX writer share
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# A number as people write it in a cell or an article: digits with one decimal comma or point
# ("63,6", "63.6", "-2"); no thousands separators, exponents, "nan" or "inf"
DECIMAL = re.compile(r"-?\d+(?:[.,]\d+)?")


def decimal(text) -> float | None:
    """``"63,6" -> 63.6``: the one way a written number is read (indicator values, readiness
    percentages in a sheet, figures in an article); None for anything else, never a guess."""
    text = str(text or "").strip()
    return float(text.replace(",", ".")) if DECIMAL.fullmatch(text) else None


def pct_suffix(lang: str = "id") -> str:
    """" %" in Indonesian (a space before the sign), "%" in English: the one spacing of a percentage."""
    return " %" if lang != "en" else "%"

def _as_date(value) -> dt.date | None:
    if value is None or value is pd.NaT or (not isinstance(value, dt.date) and pd.isna(value)):
        return None  # NaT is a datetime subclass, hence the explicit check
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def date_long(value, lang: str = "id", undated: str | None = None) -> str:
    d = _as_date(value)
    if d is None:
        return undated or ("tanpa tanggal" if lang != "en" else "undated")
    if lang == "en":
        return f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year}"


def month_short(value, lang: str = "id") -> str:
    """"Nov 2024"; Indonesian abbreviations (Mei, Agu, Okt, Des) in Indonesian."""
    d = _as_date(value)
    names = MONTHS if lang == "en" else BULAN
    return f"{names[d.month - 1][:3]} {d.year}"


def date_short(value, lang: str = "id") -> str:
    d = _as_date(value)
    if d is None:
        return "tanpa tanggal" if lang != "en" else "undated"
    months = MONTHS if lang == "en" else BULAN
    return f"{d.day} {months[d.month - 1][:3]} {d.year}"


def number(value: float, lang: str = "id", decimals: int = 1) -> str:
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if lang != "en":  # 1,234.5 -> 1.234,5
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def pct(value: float | None, lang: str = "id", share: bool = False) -> str:
    """``pct(90) -> "90 %"``, ``pct(12.5) -> "12,5 %"``; ``share=True`` takes 0..1."""
    if value is None or pd.isna(value):
        return "–"
    v = value * 100 if share else value
    return f"{number(v, lang)}{pct_suffix(lang)}"


# The zone names Indonesians read a time in (PETA_TIMEZONE); another zone is shown by its name.
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def clock(moment: dt.datetime, zone: str = "Asia/Jakarta") -> str:
    """``03:30 WIB``: a moment (UTC when naive, as the store keeps it) in ``zone``, with the
    zone's name (issue 37: never a server's UTC time without one)."""
    from zoneinfo import ZoneInfo

    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return f"{aware.astimezone(ZoneInfo(zone)):%H:%M} {ZONE_NAMES.get(zone, zone)}"


def fraction(part: int, whole: int, lang: str = "id", share: bool = False) -> str:
    """``30 / 7.265`` (Indonesian thousands separators, issue 37), with ``share`` also "(0,4 %)": the
    one way every tile, table, panel and page writes units reached of all."""
    text = f"{number(part, lang, 0)} / {number(whole, lang, 0)}"
    return f"{text} ({pct(part / whole if whole else None, lang, share=True)})" if share else text


def file_size(n_bytes: int, lang: str = "id") -> str:
    """A file's size for reading: *820 KB*, *2,4 MB* (the decimal comma in Indonesian)."""
    if n_bytes < 1024 * 1024:
        return f"{number(max(1, round(n_bytes / 1024)), lang, 0)} KB"
    return f"{number(n_bytes / (1024 * 1024), lang, 1)} MB"
