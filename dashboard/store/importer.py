"""Importing a spreadsheet: read → check every row → write all (or, when asked, only the valid
rows). Shared by the Impor page and ``python -m dashboard import``."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from ..errors import PetaError, Problem, msg
from ..records.read import RawReport
from ..forms import sheet
from . import editing


@dataclass
class Checked:
    reports: list[RawReport]
    problems: list[Problem] = field(default_factory=list)

    @property
    def bad_rows(self) -> set[str]:
        return {p.file for p in self.problems if p.file}

    @property
    def good(self) -> list[RawReport]:
        return [r for r in self.reports if r.origin not in self.bad_rows]

    def problem_table(self, lang: str = "id") -> pd.DataFrame:
        from ..i18n import t

        from ..problem_text import field_name, value_text, where_text

        def column(field: str) -> str:  # "sumber_media (sources[0].outlet)": the sheet's column is enough
            col = field.split(" (", 1)[0]
            return col if col in sheet.COLUMNS else field_name(field, lang)

        return pd.DataFrame({t("row", lang): [where_text(p.file, lang) for p in self.problems],
                             t("column", lang): [column(p.field) for p in self.problems],
                             t("value", lang): [value_text(p.value, lang) for p in self.problems],
                             t("valid", lang): [p.want.text(lang) for p in self.problems]})


def _column(field_name: str) -> str:
    """The sheet column a report field comes from (so a message points at the cell)."""
    bare = re.sub(r"\[\d+\]", "", field_name)  # sources[0].url -> sources.url: the sumber_url column
    for col, (f, _help) in sheet.COLUMNS.items():
        if f == bare:
            return col
    top = bare.split(".")[0]  # signatories[0].count -> penanda_tangan, which holds the whole list
    for col, (f, _help) in sheet.COLUMNS.items():
        if f.split(".")[0] == top:
            return col
    return field_name


def check(store, gaz, calendar, name: str, content: bytes, user) -> Checked:
    """Every row checked on its own and against the stored records; problems per row."""
    reports, problems = sheet.parse(name, content, _id_maker(store, gaz))
    per_row: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        per_row[p.file].append(p)
    from ..records.tables import election_regions
    from ..records.validate import validate_report

    elections = election_regions(calendar)
    for r in reports:  # each row on its own: access and every field (fast: no loading)
        unreadable = {p.field for p in per_row.get(r.origin, [])}  # cells already named while reading
        found: list[Problem] = []
        try:
            editing.check_access(user, str(r.data.get("region", "")), r.data.get("id"))
        except PetaError as exc:
            found += exc.problems
        validate_report(r, gaz, elections, found)
        per_row[r.origin] += [Problem(p.field, p.value, p.want, file=r.origin, record=p.record)
                              for p in found if _column(p.field) not in unreadable]
    ok = [r for r in reports if not per_row.get(r.origin)]
    if ok:  # then all passing rows together with the stored records: ids, same place and day
        try:
            editing.trial(store, gaz, calendar, add=ok)
        except PetaError as exc:
            rows = {r.origin for r in ok}
            for p in exc.problems:
                named = {part.strip() for part in str(p.file or "").split(",")}  # whole names: "baris 2" ≠ "baris 21"
                hit = [o for o in rows if o in named] or [name]
                for o in hit:  # named by the row (the message keeps the other reports it clashes with)
                    per_row[o].append(Problem(p.field, p.value,
                                              msg("with_row", inner=p.want, row=p.file) if p.file != o else p.want,
                                              file=o, record=p.record))
    # listed in the sheet's row order (the reports come in it), the file's own problems first, not in
    # the order the checks found them; the row is known from its report, never read back from text
    order = {r.origin: i for i, r in enumerate(reports)}
    named = [Problem(_named(p.field), p.value, p.want, file=p.file, record=p.record)
             for _, ps in sorted(per_row.items(), key=lambda kv: order.get(kv[0], -1)) for p in ps]
    return Checked(reports, named)


def _named(field_name: str) -> str:
    """"sumber_media (sources[0].outlet)": the sheet's column first, the record field after."""
    col = _column(field_name)
    return col if col == field_name else f"{col} ({field_name})"


def _id_maker(store, gaz):
    """Ids for rows without one. The stored ids are read once per sheet. A dated row gets the id of
    its place and day, so two rows about one ceremony (two outlets) become two sources of it; an
    undated row always gets an id of its own, since nothing says two undated rows are one event."""
    stored = store.ceremony_ids()
    given: set[str] = set()

    def make(data: dict) -> str:
        region = data.get("region")
        if not isinstance(region, str) or region not in gaz:
            return "baris-tanpa-wilayah"  # the validator names the bad code
        day = data.get("date")
        if isinstance(day, str):  # unreadable: the row is refused by its date; any id will do
            day = None
        if day is None:
            new = editing.new_id(store, gaz, region, None, stored | given)
            given.add(new)
            return new
        return editing.new_id(store, gaz, region, day, stored)

    return make


def run(store, gaz, checked: Checked, user, name: str, only_valid: bool = False) -> editing.Imported:
    """Write all rows (refused if any row has a problem) or, explicitly, only the valid ones."""
    if checked.problems and not only_valid:
        raise PetaError(checked.problems, summary=msg("rows_refused", n=len(checked.bad_rows), name=name))
    rows = checked.good if only_valid else checked.reports
    if not rows:
        return editing.Imported(0, 0, 0, 0)
    return editing.import_reports(store, gaz, rows, user, name)


def rejected_rows(name: str, content: bytes, checked: Checked, lang: str = "id") -> pd.DataFrame:
    """The rejected rows as they were uploaded, with their problems (in ``lang``) in a last column."""
    rows = sheet.read_rows(name, content)
    bad = checked.bad_rows
    out = []
    for i, row in enumerate(rows, start=2):
        where = f"{name} baris {i}"
        if where in bad:
            msgs = "; ".join(f"{p.field}: {p.value!r} — {p.want.text(lang)}" for p in checked.problems if p.file == where)
            out.append({**{k: row.get(k) for k in sheet.COLUMNS}, "masalah": msgs})
    return pd.DataFrame(out)
