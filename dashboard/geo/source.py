"""Obtaining boundary files: the manifest, the province selection, verified fetching.

Files come from ``PETA_GEO_SOURCE``: the upstream raw-file address at the pinned
commit, or a local directory with the same relative paths (the offline mirror).
pooch does the download, the sha256 check and the caching; it writes to a
temporary file and only moves it into the cache once the hash matches, so a bad
file never stays half-written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import logging

import pooch

# pooch logs every copy at INFO; our own build report says what happened.
pooch.get_logger().setLevel(logging.WARNING)

from ..errors import PetaError, Problem, msg
from ..io import files, geo_files
from ..settings import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "geo" / "manifest.tsv"


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    folder: str  # prov / kab / kec / kel
    provinces: tuple[str, ...]


def read_manifest(path: Path = MANIFEST) -> list[ManifestEntry]:
    entries = []
    for line in geo_files.manifest_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        sha, rel, folder, provs = line.split("\t")
        entries.append(ManifestEntry(rel, sha, folder, tuple(provs.split(","))))
    return entries


def manifest_digest(path: Path = MANIFEST) -> str:
    return files.sha256(path)


def all_provinces(entries: list[ManifestEntry]) -> list[str]:
    return sorted({p for e in entries if e.folder == "kab" for p in e.provinces})


def parse_provinces(value: str, entries: list[ManifestEntry]) -> list[str]:
    """``"31,32,36"`` or ``"all"`` to a sorted list of province codes, checked against the manifest."""
    known = all_provinces(entries)
    if value.strip().lower() == "all":
        return known
    codes = [c.strip() for c in value.split(",") if c.strip()]
    bad = [c for c in codes if c not in known]
    if bad or not codes:
        raise PetaError.single(
            "PETA_PROVINCES", value,
            msg("provinces_setting", codes=list(known)),
        )
    return sorted(set(codes))


def files_for(entries: list[ManifestEntry], provinces: list[str]) -> list[ManifestEntry]:
    wanted = set(provinces)
    return [e for e in entries if wanted.intersection(e.provinces)]


def is_remote(source: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", source)) and not source.startswith("file://")


def _local_dir(source: str) -> Path:
    return Path(source.removeprefix("file://")).expanduser()


class _Recorder:
    """A pooch downloader that also remembers the sha256 of what it wrote,
    so a mismatch can be reported with the actual hash."""

    def __init__(self, source: str):
        self.source = source
        self.actual: dict[str, str] = {}
        self._http = pooch.HTTPDownloader(timeout=60) if is_remote(source) else None

    def __call__(self, url: str, output_file, pooch_obj, check_only: bool = False):
        if self._http is not None:
            result = self._http(url, output_file, pooch_obj, check_only=check_only)
        else:
            src = Path(url)
            if check_only:
                return src.is_file()
            if not src.is_file():
                raise FileNotFoundError(str(src))
            geo_files.copy_into(src, output_file)
            result = None
        name = output_file if isinstance(output_file, (str, Path)) else getattr(output_file, "name", None)
        if name and Path(name).is_file():
            self.actual[url] = pooch.file_hash(str(name))
        return result


def fetch(entries: list[ManifestEntry], source: str, cache: Path) -> dict[str, Path]:
    """Fetch and verify every entry; return ``{relative path: local file}``.

    Raises one PetaError naming every file that is missing, unreachable or whose
    hash does not match. Files that verified stay cached; a failing one never does.
    """
    raw_dir = cache / "raw"
    base = source if is_remote(source) else str(_local_dir(source)) + "/"
    if not base.endswith("/"):
        base += "/"
    fetcher = pooch.create(
        path=raw_dir, base_url=base,
        registry={e.path: f"sha256:{e.sha256}" for e in entries},
        allow_updates=True,
    )
    recorder = _Recorder(source)
    got: dict[str, Path] = {}
    problems: list[Problem] = []
    fix = msg("geo_fix")
    for e in entries:
        url = base + e.path
        try:
            got[e.path] = Path(fetcher.fetch(e.path, downloader=recorder))
        except ValueError as exc:
            if "hash" not in str(exc).lower():
                raise
            problems.append(Problem(
                field="sha256", file=url, value=recorder.actual.get(url, "unknown"),
                want=msg("sha256_mismatch", sha=e.sha256, fix=fix)))
        except FileNotFoundError:
            problems.append(Problem(field="file", file=url, value="missing",
                                    want=msg("file_with_sha", sha=e.sha256, fix=fix)))
        except Exception as exc:  # network errors from requests, permissions, ...
            problems.append(Problem(field="download", file=url, value=f"{type(exc).__name__}: {exc}",
                                    want=msg("reachable_with_sha", sha=e.sha256, fix=fix)))
    downloads = [p for p in problems if p.field == "download"]
    if len(downloads) > 1:
        # offline (no network, a proxy, no mirror): every file fails the same way. Said once, with
        # what to set (issue 35: 87 copies of one connection error filled the first screen)
        first = str(downloads[0].value).splitlines()[0][:160]
        problems = [p for p in problems if p.field != "download"] + [Problem(
            field="download", file=base, value=f"{len(downloads)} × {first}",
            want=msg("geo_offline"))]
    if problems:
        raise PetaError(problems, summary=msg("boundaries_refused", n=len(problems)))
    return got


def write_manifest(source_dir: Path, out: Path = MANIFEST) -> int:
    """Regenerate the manifest from a local copy of the upstream tree (maintainer tool)."""
    rows = []
    for sql in sorted(source_dir.glob("db/*/**/*.sql")):
        rel = sql.relative_to(source_dir).as_posix()
        folder = rel.split("/")[1]
        head = geo_files.dump_head(sql)
        if folder == "prov":
            spec = re.search(r"prov \d+ \(([^)]*)\)", head).group(1)
            provs: list[str] = []
            for part in spec.split(","):
                lo, _, hi = part.partition("-")
                provs += [str(i) for i in range(int(lo), int(hi or lo) + 1)]
        else:
            provs = [re.search(r"_(\d\d)(?:\.\d+)?\.sql$", rel).group(1)]
        rows.append("\t".join([pooch.file_hash(str(sql)), rel, folder, ",".join(provs)]))
    header = ["# sha256\tpath\tlevel\tprovinces",
              "# Files of cahyadsn/wilayah_boundaries at the pinned commit; regenerate with "
              "`python -m dashboard geo manifest DIR`."]
    geo_files.write_manifest(out, header + rows)
    return len(rows)
