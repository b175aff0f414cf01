"""Boundary benchmark (a script, not a test): build, cached load, display payloads,
each beside the naive approach (raw polygons as GeoJSON, full precision, all
properties), measured in one run. Writes benchmarks/results-geo.json.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python benchmarks/geo.py [--all]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from dashboard import settings
from dashboard.geo.display import payload_bytes, to_geojson
from dashboard.geo.source import parse_provinces, read_manifest
from dashboard.geo.store import GeoConfig, build, load_level

TARGETS = {"payload_ratio_max": 0.5, "jabar_banten_kec_bytes_max": 400_000, "cached_load_s_max": 0.2}


def measure(provinces: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = GeoConfig(settings.get("PETA_GEO_SOURCE"), tuple(parse_provinces(provinces, read_manifest())), Path(tmp))
        t0 = time.perf_counter()
        report = build(cfg)
        out = {"provinces": provinces, "build_s": round(time.perf_counter() - t0, 2),
               "features": report.features, "repaired": report.repaired, "load_s": {}, "views": {}}
        for level in ("kabupaten/kota", "kecamatan", "desa/kelurahan"):
            t0 = time.perf_counter()
            load_level(cfg, level, display=True)
            out["load_s"][level] = round(time.perf_counter() - t0, 4)
        kab_full, kec_full = load_level(cfg, "kabupaten/kota"), load_level(cfg, "kecamatan")
        kab, kec = load_level(cfg, "kabupaten/kota", True), load_level(cfg, "kecamatan", True)
        views = {
            "national kabupaten/kota": (kab_full, kab),
            "kecamatan of Jawa Barat + Banten": (kec_full[kec_full.code.str[:2].isin(["32", "36"])],
                                                  kec[kec.code.str[:2].isin(["32", "36"])]),
            "kecamatan of Kab. Bogor": (kec_full[kec_full.code.str.startswith("32.01.")],
                                         kec[kec.code.str.startswith("32.01.")]),
        }
        for name, (full, light) in views.items():
            naive = len(full.to_json().encode("utf-8"))
            ours = payload_bytes(to_geojson(light, ["code", "name"]))
            out["views"][name] = {"naive_bytes": naive, "bytes": ours, "ratio": round(ours / naive, 3)}
        return out


def main() -> int:
    runs = [measure("31,32,36")] + ([measure("all")] if "--all" in sys.argv else [])
    result = {"targets": TARGETS, "runs": runs}
    path = Path(__file__).with_name("results-geo.json")
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
