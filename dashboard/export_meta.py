"""What every exported file says about itself: title, region, election, as-of date and
sources, in the file and in its name (``kesiapan_kab-bogor_pilkada-2024_2024-11-27.png``)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from . import fmt
from .i18n import t

MAX_OUTLETS = 6  # more than this would not fit the footer of a square image


def slug(text: str) -> str:
    """"Kab. Bogor" -> "kab-bogor"; "Ranca Bungur" -> "ranca-bungur"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "wilayah"


@dataclass(frozen=True)
class ExportMeta:
    name: str                 # chart or table name, first word of the file name
    title: str
    place: str                # "Kab. Bogor, Jawa Barat" or "Indonesia"
    place_short: str          # "Kab. Bogor": for the file name
    election_id: str
    election_name: str
    as_of: dt.date
    # the news sources of the ceremonies behind the view, worked out when first read: every rerun
    # asks for each download button's file name, and these read every source of the view
    outlets_of: Callable[[], tuple[str, ...]] = field(repr=False, compare=False)
    lang: str = "id"

    @cached_property
    def outlets(self) -> tuple[str, ...]:
        """The news sources of the ceremonies behind the view, each once, in order."""
        return tuple(self.outlets_of())

    @property
    def subtitle(self) -> str:
        return f"{self.place} · {self.election_name} · {t('as_of', self.lang)} {fmt.date_long(self.as_of, self.lang)}"

    @property
    def sources_line(self) -> str:
        label = t("sources", self.lang)
        if not self.outlets:
            return f"{label}: – ({t('no_ceremonies', self.lang)})"
        shown = list(self.outlets[:MAX_OUTLETS])
        more = len(self.outlets) - len(shown)
        tail = f" {t('and_more', self.lang, n=more)}" if more else ""
        return f"{label}: " + "; ".join(shown) + tail

    def filename(self, ext: str, variant: str = "") -> str:
        parts = [self.name, slug(self.place_short), self.election_id, self.as_of.isoformat()]
        if variant:
            parts.append(variant)
        return "_".join(parts) + "." + ext

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows heading a CSV or the XLSX 'Keterangan' sheet."""
        return [(t("export_title", self.lang), self.title), (t("region", self.lang), self.place),
                (t("election", self.lang), self.election_name), (t("as_of", self.lang), self.as_of.isoformat()),
                (t("sources", self.lang), "; ".join(self.outlets) or "–"),
                (t("made_by", self.lang), "Peta Netralitas ASN")]
