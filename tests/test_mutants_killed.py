"""Issue 41 §1: tests for mutants that survived a mutation run (mutmut 3) of codes.py, export/tables.py
(since issue 41 §3: io/workbooks.py), fmt.py and extract/dates.py. Each docstring names the mutant(s) it
kills, as ``module.function#n`` (mutmut's ``x_function__mutmut_n``) with the change."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import codes, fmt
from dashboard.io.workbooks import _cells, plain_csv, to_csv
from dashboard.extract.dates import publication_hint, read_date
from dashboard.extract.text import sentences


# -- codes.py ---------------------------------------------------------------------------------------

def test_no_region_or_an_empty_list_holds_everywhere():
    """Mutants codes.within_any#1 and codes.related_any#1 (``or`` → ``and`` in "not a list or empty"),
    codes.related_any#4 (``return True`` → ``False``), codes.within_mask#2..#6 (``pd.Series(True,
    index=codes.index)``: the value ``None`` / ``False`` / left out, the index dropped): no regions, an
    empty list, or Indonesia (None) hold everywhere; the mask keeps the column's own index."""
    assert codes.within_any("32.01", []) and codes.within_any("32.01", None)
    assert codes.related_any("32", []) and codes.related_any("32", None) and codes.related_any("32", ())
    got = codes.within_mask(pd.Series(["32.01", "31.71.01"], index=[5, 9]), None)
    pd.testing.assert_series_equal(got, pd.Series([True, True], index=[5, 9]))


# -- export/tables.py (now io/workbooks.py) ---------------------------------------------------------

def test_missing_cells_are_empty_and_lists_joined_with_semicolons():
    """Mutants tables._cells#12 (``v is None or (...)`` → ``and``), #15 (``not isinstance(v, str)`` →
    ``isinstance``): a NaN cell was written "nan"; #7 (``"; "`` → ``"XX; XX"``): a list cell is
    its items joined by "; "."""
    rows = _cells(pd.DataFrame({"a": [["Pj. Bupati", "Sekda"]], "b": [float("nan")], "c": [None]}))
    assert rows == [["Pj. Bupati; Sekda", None, None]]
    text = plain_csv(pd.DataFrame({"a": [1.5, float("nan")]})).decode("utf-8-sig")
    assert "nan" not in text.lower()


def test_csv_line_endings_are_one_kind_per_dialect():
    """Mutants tables.to_csv#13 (rows always end "\\n"), #21 / #22 (the empty line after the heading
    "\\n" in the Excel dialect / "\\r\\n" in the comma one), tables.plain_csv#6 (csv's default "\\r\\n"):
    the Excel (semicolon) file ends every line CRLF, the others every line LF."""
    from dashboard.export_meta import ExportMeta

    meta = ExportMeta("uji", "Uji", "Kab. Bogor, Jawa Barat", "Kab. Bogor", "pilkada-2024", "Pilkada 2024",
                      dt.date(2024, 11, 27), lambda: ("Warta Uji",))
    df = pd.DataFrame({"Kode": ["32.01", "32.02"], "Nilai": [1.5, 2.0]})
    excel = to_csv(df, meta, delimiter=";").decode("utf-8-sig")
    assert excel.count("\n") == excel.count("\r\n") > 3
    for text in (to_csv(df, meta).decode("utf-8-sig"), plain_csv(df).decode("utf-8-sig")):
        assert "\r" not in text and text.count("\n") > 2


# -- fmt.py -----------------------------------------------------------------------------------------

def test_undated_and_english_month_names():
    """Mutants fmt.date_long#8/#12..#15, fmt.date_short#6..#14 (the "tanpa tanggal" / "undated" words or
    the language test changed), fmt.month_short#6/#9/#10 and fmt.date_short#16..#20 (English months
    never or always used), fmt.month_short#12 (``d.month - 2``)."""
    assert fmt.date_long(None, "en") == "undated" and fmt.date_long(None) == "tanpa tanggal"
    assert fmt.date_short(None) == "tanpa tanggal" and fmt.date_short(None, "en") == "undated"
    oct5 = dt.date(2024, 10, 5)
    assert fmt.month_short(oct5) == "Okt 2024" and fmt.month_short(oct5, "en") == "Oct 2024"
    assert fmt.month_short(dt.date(2024, 11, 1)) == "Nov 2024"
    assert fmt.date_short(oct5) == "5 Okt 2024" and fmt.date_short(oct5, "en") == "5 Oct 2024"


def test_pct_of_nothing_and_fractions():
    """Mutants fmt.pct#4 (``value is None or pd.isna`` → ``and``: NaN printed "nan %"), fmt.pct#7 (the dash),
    fmt.fraction#3/#20 (the share shown without being asked), #6/#9/#13/#16 (a number's language lost),
    #22/#25 (the share's language lost), #28 (a division by a whole of 0)."""
    assert fmt.pct(float("nan")) == "–" and fmt.pct(None) == "–"
    assert fmt.fraction(30, 7265) == "30 / 7.265"
    assert fmt.fraction(1234, 7265, "en", share=True) == "1,234 / 7,265 (17%)"
    assert fmt.fraction(1234, 7265, "id", share=True) == "1.234 / 7.265 (17 %)"
    assert fmt.fraction(0, 0, share=True) == "0 / 0 (–)"


# -- extract/dates.py -------------------------------------------------------------------------------

PUB = dt.date(2024, 11, 14)  # a Thursday


def _read(text: str, published=PUB, election_days=frozenset()):
    return read_date(sentences(text), published, set(election_days))


def test_the_first_and_last_day_and_month_are_dates_and_impossible_ones_are_not():
    """Mutants dates._found#41/#42 (month ``1 <=`` → ``2 <=`` / ``1 <``), #46/#47 (day likewise), #49 (``day <=
    32``), #44 (``month <= 13``), #37 (``or`` → ``and``), #50 (``continue`` → ``break``): 1 and 31 January are read;
    "32 Desember 2023" and "15/13/2023" are no dates, so the real one beside them is taken."""
    for day in (1, 31):
        got = _read(f"Apel netralitas ASN digelar {day} Januari 2024 di halaman kantor bupati.", dt.date(2024, 2, 5))
        assert got.value == dt.date(2024, 1, day) and got.confidence == "sure"
    for bogus in ("32 Desember 2023", "(15/13/2023)"):
        got = _read(f"Apel netralitas ASN digelar {bogus} atau Selasa, 12 November 2024 di halaman kantor.", None)
        assert got.value == dt.date(2024, 11, 12) and got.confidence == "sure", bogus


def test_an_election_day_is_never_the_ceremonys():
    """Mutants dates.read_date#14 (``f.excluded = None``), #15 (``or`` → ``and``): a stated date that is an
    election day in the calendar is not the ceremony's date; only the weekday is left."""
    got = _read("Apel netralitas ASN digelar Rabu, 27 November 2024 di halaman kantor bupati.",
                dt.date(2024, 11, 28), {dt.date(2024, 11, 27)})
    assert got.value is None and got.weekday_only == "Rabu"


def test_a_weekday_alone_offers_the_fitting_days_of_the_week_before_publication():
    """Mutants dates._weekday_only#19/#20 (``range(1, 8)``, ``range(0, 9)``), #25/#27/#33/#38/#40 (a field
    of the reading dropped or changed): "Kamis" published on a Thursday offers that day and the one a week before; "Rabu" only
    the day before. And #44..#79 (not all), dates._found#66 (the 40 characters after a date
    read as none: "27 November 2024 nanti" not the vote's), #79/#80 (the "vote" mark): a skipped vote
    date is named, with why, in a reading left missing."""
    got = _read("Apel netralitas ASN digelar Kamis di halaman kantor bupati.")
    assert (got.value, got.confidence, got.weekday_only) == (None, "check", "Kamis")
    assert got.alternatives == ["2024-11-14", "2024-11-07"] and got.evidence.startswith("Apel netralitas")
    assert [(w.code, w.params) for w in got.warnings] == [("note_weekday_only", {"day": "Kamis"})]
    assert _read("Apel netralitas ASN digelar Rabu di halaman kantor bupati.").alternatives == ["2024-11-13"]
    skipped = _read("Pilkada serentak pada 27 November 2024 nanti.")
    assert (skipped.value, skipped.confidence, skipped.evidence, skipped.alternatives) == (None, "missing", None, ["2024-11-14"])
    assert [(w.code, w.params["date"], w.params["why"].code) for w in skipped.warnings] == [
        ("note_date_skipped", "27/11/2024", "note_vote_day")]


def test_a_contradicted_weekday_offers_the_one_day_within_three_that_fits():
    """Mutants dates._near_weekday#5..#11 (an offset of (-3, -2, -1, 1, 2, 3) changed): 12 November 2024 is a
    Tuesday; each other stated weekday offers exactly the one day within three days that falls on it."""
    tue = dt.date(2024, 11, 12)
    names = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    for k in (-3, -2, -1, 1, 2, 3):
        day = tue + dt.timedelta(days=k)
        got = _read(f"Apel netralitas ASN digelar {names[day.weekday()]}, 12 November 2024 di kantor bupati.")
        assert got.value == tue and got.alternatives == [day.isoformat()], k


def test_a_links_year_and_month_give_the_months_last_day():
    """Mutants dates.publication_hint#20..#59 but #32 (the /YYYY/MM/ path read wrong) and #60..#78 (the
    /YYYY/ path): no dateline, so the link's month ends the article's time: 31 July,
    31 January, 31 December (December's "next month" is January of the next year); a month 13 or a
    year alone: 31 December."""
    for url, day in [("https://x.id/2024/07/12/apel", dt.date(2024, 7, 31)), ("https://x.id/2024/01/apel", dt.date(2024, 1, 31)),
                     ("https://x.id/2024/12/apel", dt.date(2024, 12, 31)), ("https://x.id/2024/13/apel", dt.date(2024, 12, 31)),
                     ("https://x.id/2023/apel", dt.date(2023, 12, 31))]:
        assert publication_hint([], url) == (day, "url"), url
    assert publication_hint([], "https://x.id/berita/apel") == (None, None)
