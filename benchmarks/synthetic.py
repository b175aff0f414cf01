"""Synthetic records for benchmarks: several ceremonies in every kecamatan of the
given provinces, written in the same YAML format as data/ (so they go through the
real loader and validation). Deterministic for a given seed."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from dashboard.records.vocab import COMMITMENT_CATEGORIES, KINDS
from dashboard.regions import Gazetteer

ELECTION_DAYS = {"pemilu-2024": dt.date(2024, 2, 14), "pilkada-2024": dt.date(2024, 11, 27)}


def write_synthetic(out: Path, gaz: Gazetteer, provinces=("32", "36"), per_unit: int = 3, seed: int = 1,
                    calendar: Path | None = None) -> int:
    """Write ``out/elections.yaml`` and ``out/ceremonies/*.yaml``; return the number of reports."""
    rng = random.Random(seed)
    (out / "ceremonies").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(calendar or Path(__file__).resolve().parent.parent / "data" / "elections.yaml",
                    out / "elections.yaml")
    kec = gaz.table[(gaz.table["level"] == "kecamatan") & gaz.table["code"].str[:2].isin(provinces)]
    n = 0
    for code, name in zip(kec["code"], kec["name"]):
        used: set[dt.date] = set()
        for i in range(per_unit):
            election = rng.choice(list(ELECTION_DAYS))
            day = ELECTION_DAYS[election] - dt.timedelta(days=rng.randint(1, 300))
            if day in used:
                continue
            used.add(day)
            cats = rng.sample(list(COMMITMENT_CATEGORIES), rng.randint(1, 7))
            report = {
                "id": f"syn-{code.replace('.', '-')}-{i}", "region": code, "level": "kecamatan", "date": day,
                "elections": [election], "kinds": rng.sample(list(KINDS), 2),
                "leader": {"name": f"Camat {name}", "role": f"Camat {name}"},
                "signatories": [{"group": "camat", "count": 1}, {"group": "lurah", "all": rng.random() < 0.5}],
                "commitments": [{"category": c, "text": f"Komitmen sintetis {c}."} for c in cats],
                "sources": [{"outlet": "Sumber sintetis", "title": f"Laporan {name} {i}"}],
            }
            if rng.random() < 0.3:
                report["readiness"] = [{"measure": "Kesiapan sintetis", "percent": rng.randint(40, 100),
                                        "as_of": day}]
            (out / "ceremonies" / f"{report['id']}.yaml").write_text(
                yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
            n += 1
    return n
