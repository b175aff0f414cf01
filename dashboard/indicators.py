"""Indicators beside commitment (issue 27): a named, sourced figure per region and date.

An indicator is what a body that watches ASN neutrality publishes or an operator measures: a risk
score (Bawaslu's Indeks Kerawanan Pemilu, its ASN-neutrality theme), a count of findings forwarded
to BKN, of sanctions. One value is one region (any level, by its Kemendagri code), one date (the
day measured, or the end of the period), one number and the source that published it; a value
without a source is refused. Values come in as a sheet (``indikator`` template, CSV or XLSX, the
ceremony sheet's reader and limits) and are kept in the store (``store/models.IndicatorRow``).

Honest comparisons, decided here: a value belongs to the region it was published for. A figure
for a province is never spread over its kabupaten, and a unit without a value of its own has
none (``None``, shown as *tidak ada data*, never 0). A view reads, per unit, the newest value
dated on or before the view's date; its date and source go with it.

Load → check → store, as for ceremonies: :func:`parse` reads and checks a sheet on its own (every
problem named, with file, row, column and value); :func:`clashes` checks it against what is
stored; the store writes all of it or nothing (``Store.add_indicators``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from . import fmt
from .errors import PetaError, Problem, msg
from .io import files, sheets, workbooks
from .regions import Gazetteer

COLUMNS = {  # header -> help (the template's Petunjuk and the README)
    "kode_wilayah": "Kode Kemendagri wilayah yang diukur: provinsi, kabupaten/kota, kecamatan atau desa (teks)",
    "indikator": "ID indikator: huruf kecil, angka dan tanda hubung (mis. ikp-netralitas-asn)",
    "nama_indikator": "Nama indikator seperti diterbitkan (sekali per ID cukup)",
    "nilai": "Angka, mis. 62,5 atau 62.5, tanpa pemisah ribuan; atau kelas: rendah, sedang, tinggi",
    "tanggal": "TTTT-BB-HH: tanggal pengukuran, atau akhir periode yang diukur",
    "sumber_media": "Siapa yang menerbitkan angka itu (wajib)",
    "sumber_tautan": "Tautan ke terbitan itu (boleh kosong)",
    "catatan": "Catatan (boleh kosong)",
}
REQUIRED = ("kode_wilayah", "indikator", "nilai", "tanggal", "sumber_media")
MAX_ROWS = 10_000  # one value for every kecamatan of Indonesia (7,265) fits in one file
EXAMPLE_ID = "contoh"  # the template's example row's indicator: refused by name if imported as it is
EXAMPLE = {"kode_wilayah": "32.01", "indikator": EXAMPLE_ID, "nama_indikator": "Contoh indikator (ganti baris ini)",
           "nilai": "0", "tanggal": "2024-09-01", "sumber_media": "Nama penerbit angka"}
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TABLE = ["indicator", "name", "region_code", "date", "value", "scale", "outlet", "url", "note", "origin"]
# The one ordered scale a categorical value is read on (Bawaslu's IKP classes), lowest first: a class
# is stored as its rank (1..3) and shown as its word; an indicator is either all numbers or all classes.
SCALE_NAME = "rendah-sedang-tinggi"
SCALE = ("rendah", "sedang", "tinggi")


@dataclass(frozen=True)
class Value:
    """One checked row: an indicator's value for a region and date, with its source."""

    indicator: str
    name: str | None
    region_code: str
    date: dt.date
    value: float
    outlet: str
    url: str | None
    note: str | None
    origin: str  # "<file> baris <n>": where it was read
    scale: str | None = None  # SCALE_NAME for a class (``value`` is its rank), None for a number

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "name": self.name, "region_code": self.region_code,
                "date": self.date.isoformat(), "value": self.value, "scale": self.scale, "outlet": self.outlet,
                "url": self.url, "note": self.note, "origin": self.origin}


def _number(raw, where: str, problems: list[Problem]) -> float | None:
    """A finite number: 400 digits read as a float is ``inf``, and no indicator is infinite (issue 35)."""
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        value = fmt.decimal(raw)
        if value is None:
            problems.append(Problem("nilai", raw, msg("a_number"), file=where))
            return None
    if not math.isfinite(value):
        problems.append(Problem("nilai", str(raw)[:40] + ("…" if len(str(raw)) > 40 else ""), msg("a_finite_number"),
                                file=where))
        return None
    return value


def parse(name: str, content: bytes, gaz: Gazetteer, today: dt.date) -> tuple[list[Value], list[Problem]]:
    """The values of an indicator sheet and every problem found in it on its own (row 2 is the
    first data row). A file that cannot be read as a sheet raises the ceremony sheet's PetaError."""
    rows = sheets.read_rows(name, content, columns=COLUMNS, required=REQUIRED, max_rows=MAX_ROWS)
    problems: list[Problem] = []
    values: list[Value] = []
    seen: dict[tuple, str] = {}
    names: dict[str, tuple[str, str]] = {}
    kinds: dict[str, tuple[str | None, str]] = {}  # indicator -> (scale or None, the row that set it)
    for i, row in enumerate(rows, start=2):
        where = f"{name} baris {i}"
        before = len(problems)
        extra = row.pop(sheets.EXTRA_CELLS, None)
        if extra:  # more cells than columns: a quote or separator out of place; never shift values
            problems.append(Problem(sheets.EXTRA_CELLS, extra, msg("cells_per_row", n=len(COLUMNS)), file=where))
        v = {k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS}
        v = {k: (x.strip() if isinstance(x, str) else x) for k, x in v.items()}
        ind = str(v["indikator"])
        if ind == EXAMPLE_ID:
            problems.append(Problem("indikator", ind, msg("own_row"), file=where))
        elif not ID_RE.fullmatch(ind) or len(ind) > 80:
            problems.append(Problem("indikator", v["indikator"], msg("indicator_id"), file=where))
        code = sheets.picked(str(v["kode_wilayah"]))
        if code not in gaz:
            problems.append(Problem("kode_wilayah", v["kode_wilayah"], msg("code_in_boundaries"), file=where))
        word = str(v["nilai"]).strip().lower()
        scale = SCALE_NAME if word in SCALE else None
        number = float(SCALE.index(word) + 1) if scale else _number(v["nilai"], where, problems)
        if ind in kinds and kinds[ind][0] != scale:  # one indicator is all numbers or all classes
            problems.append(Problem("nilai", v["nilai"], msg("indicator_one_kind", where=kinds[ind][1]), file=where))
        kinds.setdefault(ind, (scale, where))
        day = sheets.day(v["tanggal"], where, "tanggal", problems) if v["tanggal"] not in ("", None) else None
        if v["tanggal"] in ("", None):
            problems.append(Problem("tanggal", None, msg("date_never_guessed"), file=where))
        elif isinstance(day, dt.date) and day > today:
            problems.append(Problem("tanggal", day.isoformat(), msg("not_after_today", today=today.isoformat()),
                                    file=where))
        outlet = str(v["sumber_media"])
        if not outlet:
            problems.append(Problem("sumber_media", None, msg("required", what="sumber_media"), file=where))
        label = str(v["nama_indikator"]) or None
        if label and ind in names and names[ind][0] != label:
            problems.append(Problem("nama_indikator", label, msg("indicator_name", value=names[ind][0],
                                                                where=names[ind][1]), file=where))
        elif label:
            names.setdefault(ind, (label, where))
        if len(problems) > before or not isinstance(day, dt.date) or number is None:
            continue
        key = (ind, code, day)
        if key in seen:
            problems.append(Problem("tanggal", day.isoformat(), msg("indicator_once", where=seen[key]), file=where))
            continue
        seen[key] = where
        values.append(Value(ind, label, code, day, number, outlet, str(v["sumber_tautan"]) or None,
                            str(v["catatan"]) or None, where, scale))
    # a row without a name takes its indicator's name from another row of the file
    values = [x if x.name or x.indicator not in names else Value(**{**x.__dict__, "name": names[x.indicator][0]})
              for x in values]
    return values, problems


def outside(values: list[Value], user) -> list[Problem]:
    """Values for regions the signed-in ``user`` (``store.editing.User``) may not write, one problem each."""
    return [Problem("kode_wilayah", x.region_code, msg("within_user_region", region=user.region, user=user.name),
                    file=x.origin) for x in values if not user.may_write(x.region_code)]


def clashes(values: list[Value], stored: pd.DataFrame) -> list[Problem]:
    """What ``values`` would break in a store holding ``stored`` (:func:`table` of its rows): a
    value for an indicator, region and date that is already stored (never overwritten), and a
    name other than the stored one for an indicator id."""
    if stored.empty:
        return []
    at = {(r.indicator, r.region_code, r.date): r.origin for r in stored.itertuples(index=False)}
    problems = [Problem("tanggal", x.date.isoformat(), msg("indicator_stored", where=at[key]), file=x.origin)
                for x in values if (key := (x.indicator, x.region_code, x.date.isoformat())) in at]
    return problems + renamed(values, stored)


def renamed(values: list[Value], stored: pd.DataFrame) -> list[Problem]:
    """A name other than the stored one for an indicator id, named once, at the first row giving it
    (the other rows of that id take their name from it)."""
    problems: list[Problem] = []
    named = stored.dropna(subset=["name"]).drop_duplicates("indicator").set_index("indicator")
    said: set[tuple[str, str]] = set()
    for x in values:
        if x.name and x.indicator in named.index and named.at[x.indicator, "name"] != x.name \
                and (x.indicator, x.name) not in said:
            said.add((x.indicator, x.name))
            problems.append(Problem("nama_indikator", x.name, msg(
                "indicator_name", value=named.at[x.indicator, "name"], where=named.at[x.indicator, "origin"]),
                file=x.origin))
    return problems


FOLDER = "indicators"  # curated indicator files beside ``ceremonies/`` in the data folder


def folder_files(root) -> list:
    """The curated indicator files of a data folder (``indicators/*.csv`` and ``*.xlsx``), by name."""
    from pathlib import Path

    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".csv", ".xlsx")),
                  key=lambda p: p.name)


def read_folder(root, gaz: Gazetteer, today: dt.date) -> tuple[list[Value], list[Problem]]:
    """Every value of the curated files (:func:`folder_files`), each checked as an imported sheet
    is (named ``indicators/<file> baris <n>``), and every problem; a value for the same indicator,
    region and date in two files is named too."""
    values: list[Value] = []
    problems: list[Problem] = []
    seen: dict[tuple, str] = {}
    for path in folder_files(root):
        big = sheets.too_big(path, f"{FOLDER}/{path.name}")
        if big:
            problems.append(big)
            continue
        got, wrong = parse(f"{FOLDER}/{path.name}", files.read_bytes(path), gaz, today)
        problems += wrong
        for x in got:
            key = (x.indicator, x.region_code, x.date)
            if key in seen:
                problems.append(Problem("tanggal", x.date.isoformat(), msg("indicator_once", where=seen[key]),
                                        file=x.origin))
                continue
            seen[key] = x.origin
            values.append(x)
    return values, problems


def unseeded(values: list[Value], stored: pd.DataFrame) -> tuple[list[Value], list[Problem]]:
    """The curated ``values`` a store holding ``stored`` still lacks, and what clashes: a value
    stored already as the file gives it (indicator, region, date, number and source alike) was
    seeded before and is left alone; any other value for a stored indicator, region and date is
    named (:func:`clashes`): a stored value is never overwritten, so a file that changes a
    published figure must give it another date (a correction is a new publication)."""
    if stored.empty:
        return list(values), []
    same = {(r.indicator, r.region_code, r.date, float(r.value), r.outlet) for r in stored.itertuples(index=False)}
    seeded = [(x.indicator, x.region_code, x.date.isoformat(), x.value, x.outlet) in same for x in values]
    new = [x for x, done in zip(values, seeded) if not done]
    # a name changed in the file is named too, though its values are stored: the store keeps the first
    old = [x for x, done in zip(values, seeded) if done]
    return new, clashes(new, stored) + renamed(old, stored)


def table(rows) -> pd.DataFrame:
    """Stored indicator rows as a table, one row per value (dates as ISO text, as stored). A stored
    row whose value is no finite number or whose date is no ISO date (changed by hand, a disk
    fault) is named with its row number, never drawn as a colour (issue 35)."""
    problems = []
    for r in rows:
        try:
            ok = math.isfinite(float(r.value)) and dt.date.fromisoformat(str(r.date)) is not None
        except (TypeError, ValueError):
            ok = False
        if not ok:
            problems.append(Problem(field="value/date", value=f"{r.value!r} / {r.date!r}",
                                    want=msg("stored_row_parses", table="indicators", why=msg("a_finite_number")),
                                    file=f"indicators #{getattr(r, 'id', '?')}", record=str(r.indicator)))
    if problems:
        raise PetaError(problems)
    return pd.DataFrame([{c: getattr(r, c, None) for c in TABLE} for r in rows], columns=TABLE)


def catalog(values: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: its name, how many values, for how many regions, the first and last
    date, and its sources (``indicators list``)."""
    rows = []
    for ind, g in values.groupby("indicator", sort=True):
        names = g["name"].dropna()
        rows.append({"id": ind, "name": names.iloc[0] if len(names) else None, "values": len(g),
                     "regions": g["region_code"].nunique(), "first_date": g["date"].min(), "last_date": g["date"].max(),
                     "sources": list(dict.fromkeys(g["outlet"]))})
    return pd.DataFrame(rows, columns=["id", "name", "values", "regions", "first_date", "last_date", "sources"])


def known(values: pd.DataFrame, indicator: str) -> None:
    """Refuse an indicator id that has no stored value, naming the stored ones."""
    if indicator not in set(values["indicator"]):
        raise PetaError.single("indicator", indicator, msg("indicator_known", options=sorted(set(values["indicator"]))))


def latest(values: pd.DataFrame, indicator: str, as_of: dt.date, codes) -> dict[str, dict | None]:
    """Per unit code: ``{id, name, value, date, source, url}`` of the newest value of ``indicator``
    published for that very unit on or before ``as_of``, else None (no value: never 0, and never
    a parent's or a child's value)."""
    mine = values[(values["indicator"] == indicator) & (values["date"] <= as_of.isoformat())]
    newest = mine.sort_values(["region_code", "date"]).drop_duplicates("region_code", keep="last").set_index("region_code")
    out: dict[str, dict | None] = {}
    for code in codes:
        if code in newest.index:
            r = newest.loc[code]
            scale = r["scale"] if isinstance(r.get("scale"), str) else None
            out[code] = {"id": indicator, "name": r["name"], "value": float(r["value"]), "date": r["date"],
                         "source": r["outlet"], "url": r["url"], "scale": scale,
                         "category": SCALE[int(r["value"]) - 1] if scale else None}
        else:
            out[code] = None
    return out


def value_text(figure: dict, lang: str) -> str:
    """A value as every surface writes it: a class by its word (*tinggi*), a number with Indonesian
    decimals (62,5)."""
    from . import fmt

    return figure["category"] if figure.get("category") else fmt.number(figure["value"], lang, 2)


def categorical(figures: dict[str, dict | None]) -> bool:
    """Whether these values are classes of :data:`SCALE` (their map has the scale's classes)."""
    return any(f and f.get("scale") for f in figures.values())


def sources(figures: dict[str, dict | None]) -> tuple[str, ...]:
    """Who published the values in ``figures`` (:func:`latest`), each once: a table's file names them."""
    return tuple(dict.fromkeys(f["source"] for f in figures.values() if f))


def map_modes(names: dict[str, str | None], lang: str) -> dict[str, str]:
    """The Peta picker's options: ``state`` (the commitment state, as always), ``indicator:<id>``
    (the indicator alone) and ``both:<id>`` (beside the commitment state), each as it is shown."""
    from .i18n import t

    modes = {"state": t("map_color_state", lang)}
    for ind, label in names.items():
        modes[f"indicator:{ind}"] = t("map_color_indicator", lang, name=label or ind)
        modes[f"both:{ind}"] = t("map_color_both", lang, name=label or ind)
    return modes


def of_unit(values: pd.DataFrame, code: str, as_of: dt.date) -> dict[str, dict | None]:
    """Every stored indicator's value for one unit (:func:`latest`), by indicator id in id order:
    the Peta panel lists them, *tidak ada data* where the unit has none."""
    return {ind: latest(values, ind, as_of, [code])[code] for ind in sorted(set(values["indicator"]))}


def template() -> workbooks.Template:
    """What the indicator template holds: the *Indikator* sheet (codes kept as text, the date as a
    date) and a *Petunjuk* sheet with each column's help."""
    return workbooks.Template(
        sheet="Indikator", columns=tuple(COLUMNS), example=EXAMPLE,
        help_rows=(("kolom", "wajib", "isi"), *((c, "ya" if c in REQUIRED else "", text) for c, text in COLUMNS.items())),
        formats={"kode_wilayah": "@"}, dates=("tanggal",))


def template_csv(delimiter: str = ",") -> bytes:
    """The indicator template as CSV (UTF-8 with BOM, as Excel opens it): the columns and an
    example row that is refused until it is replaced."""
    return workbooks.template_csv(template(), delimiter)


def template_xlsx() -> bytes:
    """The indicator template as a workbook (:func:`template`)."""
    return workbooks.template_xlsx(template())
