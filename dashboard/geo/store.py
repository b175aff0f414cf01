"""Build once, then read GeoParquet.

``ensure()`` returns the cached level files for the configured source and
provinces, building them first when the cache key (manifest digest + province
set + parser version) has no complete entry. A build writes into a temporary
directory and renames it into place, so an interrupted or failed build never
leaves a half cache behind.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from typing import TYPE_CHECKING

import pandas as pd

from .. import settings
from ..codes import LEVELS, province_column
from ..io import geo_files
from . import FOLDER_LEVEL
# geopandas, shapely and the parser are imported where geometry is built or read: the gazetteer
# (load_table) needs none of them, and ``extract`` answers in under a second (issue 21)
if TYPE_CHECKING:
    import geopandas as gpd
from .source import fetch, files_for, manifest_digest, parse_provinces, read_manifest

PARSER_VERSION = "2"  # 2: the lightened national files
SLUG = {"provinsi": "prov", "kabupaten/kota": "kab", "kecamatan": "kec", "desa/kelurahan": "desa"}
# Levels a whole-country view draws: their lightened geometry (display.lighten) is built with the
# cache, not at every server start (0.3 s of the first national map).
NATIONAL_LEVELS = ("provinsi", "kabupaten/kota")


@dataclass(frozen=True)
class GeoConfig:
    source: str
    provinces: tuple[str, ...]
    cache: Path

    @classmethod
    def from_settings(cls, provinces: str | None = None) -> "GeoConfig":
        """The boundary build: every province unless ``provinces`` narrows it (``geo build
        --provinces``). The gazetteer, and so every count, always covers all of Indonesia;
        PETA_PROVINCES narrows only what maps draw (:func:`drawn_provinces`)."""
        entries = read_manifest()
        provs = parse_provinces(provinces or "all", entries)
        return cls(settings.get("PETA_GEO_SOURCE"), tuple(provs), settings.cache_dir())

    @property
    def key(self) -> str:
        # display settings are part of the key: re-tuning them rebuilds the cache
        from .tuning import NATIONAL_MIN_PART_AREA, NATIONAL_PRECISION, NATIONAL_TOLERANCE, PRECISION, TOLERANCE
        h = hashlib.sha256(f"{manifest_digest()}|{','.join(self.provinces)}|{PARSER_VERSION}|"
                           f"{sorted(TOLERANCE.items())}|{PRECISION}|{NATIONAL_MIN_PART_AREA}|"
                           f"{NATIONAL_PRECISION}|{NATIONAL_TOLERANCE}".encode())
        return h.hexdigest()[:16]

    @property
    def directory(self) -> Path:
        return self.cache / "parquet" / self.key


@dataclass
class BuildReport:
    key: str
    provinces: list[str]
    files: int
    features: dict[str, int]
    null_paths: int
    closed_rings: int
    dropped_rings: int
    repaired: int
    seconds: float
    built: bool  # False when the cache was already there


def _complete(directory: Path) -> bool:
    """Built, and every file whole: a truncated GeoParquet file (a full disk, a killed copy) has
    no readable footer, and then the cache is built again rather than trusted."""
    if not (directory / geo_files.REPORT).is_file():
        return False
    import pyarrow.parquet as pq

    try:
        for level in LEVELS:
            for suffix in ("", "_display") + (("_national",) if level in NATIONAL_LEVELS else ()):
                pq.read_metadata(directory / f"{SLUG[level]}{suffix}.parquet")
    except Exception:  # noqa: BLE001 - missing or unreadable: not complete
        return False
    return True


def build(cfg: GeoConfig) -> BuildReport:
    t0 = time.perf_counter()
    entries = files_for(read_manifest(), list(cfg.provinces))
    local = fetch(entries, cfg.source, cfg.cache)
    wanted = set(cfg.provinces)
    from .display import lighten, simplify_level
    from .parse import ParseReport, parse_files

    report = ParseReport()
    frames: dict[str, gpd.GeoDataFrame] = {}
    for folder, level in FOLDER_LEVEL.items():
        paths = [local[e.path] for e in entries if e.folder == folder]
        gdf, part = parse_files(paths)
        report.add(part)
        # prov files hold several provinces; keep only the ones asked for
        frames[level] = gdf[province_column(gdf["code"]).isin(wanted)].reset_index(drop=True)
    cfg.cache.mkdir(parents=True, exist_ok=True)
    (cfg.cache / "parquet").mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=cfg.cache / "parquet"))
    try:
        for level, gdf in frames.items():
            gdf.to_parquet(tmp / f"{SLUG[level]}.parquet")
            display = simplify_level(gdf, level)
            display.to_parquet(tmp / f"{SLUG[level]}_display.parquet")
            if level in NATIONAL_LEVELS:
                lighten(display).to_parquet(tmp / f"{SLUG[level]}_national.parquet")
        result = BuildReport(
            key=cfg.key, provinces=list(cfg.provinces), files=len(entries),
            features={lvl: len(g) for lvl, g in frames.items()},
            null_paths=report.null_paths, closed_rings=report.closed_rings,
            dropped_rings=report.dropped_rings, repaired=report.repaired,
            seconds=round(time.perf_counter() - t0, 2), built=True,
        )
        geo_files.write_report(tmp, asdict(result))
        if cfg.directory.exists():
            shutil.rmtree(cfg.directory)
        tmp.rename(cfg.directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def is_built(cfg: GeoConfig) -> bool:
    return _complete(cfg.directory)


def ensure(cfg: GeoConfig) -> BuildReport:
    if _complete(cfg.directory):
        try:
            data = geo_files.read_report(cfg.directory)
            data["built"] = False
            return BuildReport(**data)
        except (ValueError, TypeError, OSError):  # truncated, not UTF-8, or another shape: rebuild, never trust
            geo_files.discard_report(cfg.directory)
    return build(cfg)


def drawn_provinces() -> tuple[str, ...]:
    """The provinces maps draw (PETA_PROVINCES; default all). Checked against the manifest."""
    return tuple(parse_provinces(settings.get("PETA_PROVINCES"), read_manifest()))


def load_level(cfg: GeoConfig, level: str, display: bool = False,
               provinces: tuple[str, ...] | None = None, national: bool = False) -> gpd.GeoDataFrame:
    """One level, full geometry (analysis) or display geometry (maps); ``national``: display
    geometry lightened for the whole-country view (:func:`dashboard.geo.display.lighten`);
    ``provinces`` keeps only the units of those provinces (what the maps draw)."""
    import geopandas as gpd

    from .display import lighten

    if level not in LEVELS:
        from ..errors import PetaError, msg
        raise PetaError.single("level", level, msg("one_of", options=list(LEVELS)))
    ensure(cfg)
    prebuilt = national and level in NATIONAL_LEVELS
    suffix = "_national" if prebuilt else "_display" if display or national else ""
    path = cfg.directory / f"{SLUG[level]}{suffix}.parquet"
    try:
        gdf = gpd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a truncated or corrupt cache file: rebuild it once, never trust it
        geo_files.discard_report(cfg.directory)
        build(cfg)
        gdf = gpd.read_parquet(path)
    if provinces is not None and len(provinces) < 38:
        gdf = gdf[province_column(gdf["code"]).isin(provinces)].reset_index(drop=True)
    return lighten(gdf) if national and not prebuilt else gdf


def load_table(cfg: GeoConfig) -> pd.DataFrame:
    """All levels without geometry: the gazetteer's source."""
    ensure(cfg)
    cols = ["code", "name", "level", "parent", "lat", "lng"]
    try:
        parts = [pd.read_parquet(cfg.directory / f"{SLUG[lvl]}.parquet", columns=cols) for lvl in LEVELS]
    except Exception:  # noqa: BLE001 - a file damaged after the check: rebuild once (as load_level)
        geo_files.discard_report(cfg.directory)
        build(cfg)
        parts = [pd.read_parquet(cfg.directory / f"{SLUG[lvl]}.parquet", columns=cols) for lvl in LEVELS]
    return pd.concat(parts, ignore_index=True)
