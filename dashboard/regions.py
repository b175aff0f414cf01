"""The gazetteer: official codes, names and parents for every level, from the boundary data.

Name lookup forgives case, spacing, punctuation and prefixes ("Ranca Bungur" =
"Rancabungur", "Kec. Gunung Putri" = "Gunungputri", "Kab. Lebak") but keeps the
*kind* of a kabupaten/kota: "Kota Bekasi" never matches "Kabupaten Bekasi". A
name held by several regions resolves only with a parent (or level); otherwise
the error lists the candidates with their codes. Lookup never guesses: a name
with no exact (normalised) match is refused, with close spellings suggested.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from . import codes, spelling
from .errors import PetaError, msg
from .codes import LEVELS

# Query prefixes and the level they imply. Longest first so "kabupaten" wins over "kab".
_PREFIXES = [
    ("kabupaten administrasi", "kabupaten/kota", "kabupaten"), ("kota administrasi", "kabupaten/kota", "kota"),
    ("kabupaten", "kabupaten/kota", "kabupaten"), ("kab", "kabupaten/kota", "kabupaten"),
    ("kota adm", "kabupaten/kota", "kota"), ("kota", "kabupaten/kota", "kota"),
    ("provinsi", "provinsi", None), ("prov", "provinsi", None),
    ("kecamatan", "kecamatan", None), ("kec", "kecamatan", None),
    ("kelurahan", "desa/kelurahan", None), ("kel", "desa/kelurahan", None),
    ("desa", "desa/kelurahan", None), ("ds", "desa/kelurahan", None),
]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for short, full in _ALIASES:
        if text == short or text.startswith(short + " "):
            text = full + text[len(short):]
    return text


# Common abbreviations of province names as the data spells them out.
_ALIASES = [("dki", "daerah khusus ibukota"), ("diy", "daerah istimewa yogyakarta"),
            ("di", "daerah istimewa")]


def parse_query(text: str) -> tuple[str, str | None, str | None]:
    """Split a typed name into (core key, implied level, kab/kota kind)."""
    folded = _fold(text)
    for prefix, level, kind in _PREFIXES:
        if folded == prefix:
            break
        if folded.startswith(prefix + " "):
            return folded[len(prefix) + 1:].replace(" ", ""), level, kind
    return folded.replace(" ", ""), None, None


def _kind_of(level: str, name: str) -> str | None:
    if level != "kabupaten/kota":
        return None
    return "kota" if _fold(name).startswith("kota") else "kabupaten"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent: str | None

    @property
    def label(self) -> str:
        """Name with its kind where the data leaves it out (kecamatan/desa names are bare)."""
        prefix = kind_prefix(self.level, self.is_kelurahan)
        return f"{prefix} {self.name}" if prefix else self.name

    @property
    def is_kelurahan(self) -> bool:
        # Kemendagri: the 4-digit village part starts with 1 for kelurahan, 2 for desa.
        return self.level == "desa/kelurahan" and codes.is_kelurahan(self.code)


def kind_prefix(level: str, is_kelurahan: bool = False) -> str:
    """The word a bare name is shown with: "Kec." for a kecamatan, "Kel." for a kelurahan and "Desa"
    for a desa (the one home of the rule: every label, picker, table and file uses it); none for a
    kabupaten/kota or province, whose names carry their kind."""
    if level == "kecamatan":
        return "Kec."
    if level == "desa/kelurahan":
        return "Kel." if is_kelurahan else "Desa"
    return ""


class Gazetteer:
    """Lookups over a table with columns code, name, level, parent."""

    def __init__(self, table: pd.DataFrame):
        t = table[["code", "name", "level", "parent"]].copy()
        t["parent"] = t["parent"].where(t["parent"].notna(), None)
        keys = [parse_query(n) for n in t["name"]]
        t["key"] = [k[0] for k in keys]
        t["full"] = [_fold(n).replace(" ", "") for n in t["name"]]  # "Kota Mukomuko" (a kecamatan) whole
        t["kind"] = [_kind_of(lvl, n) for lvl, n in zip(t["level"], t["name"])]
        t["rank"] = t["level"].map(codes.depth)
        self.table = t.set_index("code", drop=False).sort_index().rename_axis(None)
        self._children = t.groupby(t["parent"].fillna(""))["code"].apply(list).to_dict()
        # get() answers from a dict: a national store asks once per report (20,000 at start),
        # and a pandas row look-up costs ~0.2 ms each
        self._got: dict[str, Region] = {c: Region(c, n, lvl, None if p is None or p != p else p)
                                        for c, n, lvl, p in zip(t["code"], t["name"], t["level"], t["parent"])}

    # -- by code -----------------------------------------------------------
    def __contains__(self, code: str) -> bool:
        return code in self.table.index

    def get(self, code: str) -> Region:
        got = self._got.get(code)
        if got is None:
            raise PetaError.single(
                "region", code,
                msg("code_of_loaded"))
        return got

    def children(self, code: str | None) -> list[Region]:
        """Direct children; ``None`` gives the provinces."""
        return [self.get(c) for c in self._children.get(code or "", [])]

    def ancestors(self, code: str) -> list[Region]:
        """From the province down to the parent of ``code`` (only those in the data)."""
        return [self.get(c) for c in codes.ancestors(code) if c in self]

    def descendants(self, code: str, level: str) -> pd.DataFrame:
        t = self.table
        return t[(t["level"] == level) & codes.below_mask(t["code"], code)]

    @staticmethod
    def labels(table: pd.DataFrame) -> pd.Series:
        """:attr:`Region.label` for every row of a gazetteer table at once."""
        lvl, name = table["level"], table["name"]
        kel = table["code"].map(codes.is_kelurahan)
        out = name.copy()
        for level, is_kel in (("kecamatan", False), ("desa/kelurahan", True), ("desa/kelurahan", False)):
            rows = (lvl == level) & (kel == is_kel if level == "desa/kelurahan" else True)
            out[rows] = kind_prefix(level, is_kel) + " " + name[rows]
        return out

    def provinces(self) -> list[Region]:
        return self.children(None)

    # -- by name -----------------------------------------------------------
    def _candidates(self, name: str, level: str | None, parent: str | None) -> tuple[pd.DataFrame, str]:
        from .abbreviations import ABBREVIATIONS

        name = ABBREVIATIONS.get(_fold(name), name)
        key, implied_level, kind = parse_query(name)
        t = self.table
        level = level or implied_level
        if level:
            if level not in LEVELS:
                raise PetaError.single("level", level, msg("one_of", options=list(LEVELS)))
            t = t[t["level"] == level]
        if kind:
            t = t[t["kind"] == kind]
        if parent:
            t = t[codes.below_mask(t["code"], parent)]
        return t, key

    def resolve(self, name: str, level: str | None = None, parent: str | None = None) -> Region:
        """The one region called ``name`` (optionally at ``level``, under ``parent``:
        a code or a name), or a PetaError listing candidates."""
        parent_code = None
        if parent:
            parent_code = parent if parent in self else self.resolve(parent).code
        pool, key = self._candidates(name, level, parent_code)
        hits = pool[pool["key"] == key]
        if hits.empty and level is None:  # "Kota Mukomuko" is a kecamatan's official name, not "Kota" + name
            whole = _fold(name).replace(" ", "")
            t = self.table if not parent_code else self.table[codes.below_mask(self.table["code"], parent_code)]
            hits = t[(t["full"] == whole) & (t["level"] != "kabupaten/kota")]
        if len(hits) == 1:
            return self.get(hits.index[0])
        if len(hits) > 1:
            listed = [msg("in_parent", label=self.get(c).label, code=c, parent=self._parent_label(c)) for c in hits.index]
            raise PetaError.single("region", name, msg("name_ambiguous", n=len(hits), listed=listed))
        close = spelling.near(key, pool["key"].unique().tolist(), spelling.SUGGEST, limit=5)
        near = pool[pool["key"].isin(close)]
        hint = (msg("name_hint", names=[f"{self.get(c).label} ({c})" for c in near.index[:8]]) if len(near) else "")
        where = msg("name_under", code=parent_code) if parent_code else ""
        raise PetaError.single("region", name, msg("name_unknown", where=where, hint=hint))

    def search(self, text: str, limit: int = 20) -> list[Region]:
        """Regions whose normalised name starts with or resembles ``text`` (for pickers)."""
        pool, key = self._candidates(text, None, None)
        if not key:
            return []
        starts = pool[pool["key"].str.startswith(key)]
        whole = _fold(text).replace(" ", "")
        if whole != key:  # official names that begin with a prefix word ("Kota Mukomuko", a kecamatan)
            t = self.table
            starts = pd.concat([t[t["full"].str.startswith(whole) & (t["level"] != "kabupaten/kota")], starts])
            starts = starts[~starts.index.duplicated()]
        close = spelling.near(key, pool["key"].unique().tolist(), spelling.SUGGEST, limit=limit)
        near = pool[pool["key"].isin(close) & ~pool.index.isin(starts.index)]
        found = list(starts.sort_values(["rank", "code"]).index) + list(near.index)
        return [self.get(c) for c in found[:limit]]

    def _parent_label(self, code: str) -> str:
        parent = self.table.loc[code, "parent"]
        return self.get(parent).label if parent and parent in self else "Indonesia"

    def path_label(self, code: str) -> str:
        """"Kec. Cibinong, Kabupaten Bogor, Jawa Barat"."""
        return ", ".join(r.label for r in [self.get(code), *reversed(self.ancestors(code))])
