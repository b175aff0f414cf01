"""Who has not pledged yet (issue 42 §1): the units of a view that no binding ceremony of their own
reaches, for the sekda who wants to follow them up.

Which units: the units the view's map draws and counts, read the way the map reads them.
- Kecamatan and desa/kelurahan (a kabupaten's or a kecamatan's view): a unit is pending when its
  state is not reached (:data:`metrics.REACHED`): *Belum ada upacara* or *Sosialisasi saja*.
- Kabupaten/kota and provinces (a province's or Indonesia's view): a unit is pending when its own
  government has not pledged (``own_state`` not ``commitment``): the Pemkab/Pemkot or Pemprov is
  the one a letter goes to; its kecamatan have their own list in its own view.

Order: units with nothing at all first, then those reached only by a sosialisasi (their latest
one named), each group by code (the order of the Kemendagri list a Pemda keeps). The Kesiapan
page's *Prioritas* table orders the same kind of units by a risk indicator when one is stored.

Who leads a unit: the head a follow-up letter is addressed to, by level (*Camat Cibinong*,
*Pemkab Bogor*, *Pemkot Bekasi*, *Pemprov Jawa Barat*, *Kepala Desa …*, *Lurah …*).
"""

from __future__ import annotations

import pandas as pd

from . import metrics
from .i18n import t
from .records.tables import Records

NOTHING, BRIEFED = 0, 1  # the two ranks of the list: no ceremony at all, then a sosialisasi only


def pending_units(records: Records, cov: metrics.Coverage) -> pd.DataFrame:
    """The pending units of ``cov`` (see the module docstring), with ``rank`` (:data:`NOTHING` or
    :data:`BRIEFED`), ``briefing_id`` and ``briefing_date`` (their latest own sosialisasi or apel,
    or None / NaT), in the list's order."""
    u = cov.units
    if cov.is_aggregate:
        pending = u[u["own_state"] != metrics.OWN_COMMITMENT]
        briefed = pending["own_state"] == metrics.OWN_INFORMATION
    else:
        pending = u[~u["state"].isin(metrics.REACHED)]
        briefed = pending["state"] == metrics.INFORMED
    out = pending.assign(rank=[BRIEFED if b else NOTHING for b in briefed])
    day_of = metrics.dates_by_id(records)  # the shared lookup: no dict of every ceremony per view
    latest = []
    for ids, b in zip(out["own_ids"], out["rank"]):
        dated = [(day_of[i], i) for i in ids if i in day_of.index and pd.notna(day_of[i])] if b == BRIEFED else []
        latest.append(max(dated) if dated else (pd.NaT, None))
    out = out.assign(briefing_date=[d for d, _ in latest], briefing_id=[i for _, i in latest])
    return out.sort_values(["rank", "code"], kind="stable").reset_index(drop=True)


def led_by(level: str, name: str, label: str, lang: str) -> str:
    """The head of a unit a follow-up letter is addressed to (see the module docstring)."""
    if level == "provinsi":
        return t("lead_provinsi", lang, name=name)
    if level == "kabupaten/kota":
        is_kota = label.startswith("Kota ")
        return t("lead_kota" if is_kota else "lead_kabupaten", lang,
                 name=label.removeprefix("Kota ").removeprefix("Kabupaten ").removeprefix("Kab. "))
    if level == "kecamatan":
        return t("lead_kecamatan", lang, name=name)
    return t("lead_kelurahan" if label.startswith("Kel.") else "lead_desa", lang, name=name)


def note(n_units: int, n_pending: int, as_of, h: str, lang: str) -> str:
    """The sentence above the list, or, for an empty list, the sentence that says why (every unit
    pledged, or no unit of the region votes in the election)."""
    from . import fmt

    day = fmt.date_long(as_of, lang)
    if not n_units:
        return t("pending_empty_view", lang)
    if not n_pending:
        return t("pending_none", lang, date=day)
    return t("pending_note", lang, date=day, h=h)
