"""Near spellings: one library (rapidfuzz's ratio, 0 to 100) and two thresholds with their reasons.

- ``SUGGEST`` (75): names a person is *offered* to pick from ("did you mean …" under an unknown
  region, the region search): a loose net is fine, the person chooses.
- ``READ`` (88): a name the article reader takes *by itself* (never *Pasti*): only a slip of a
  letter or two in a long name ("Citeurep" for Citeureup), never another place.
"""

from __future__ import annotations

SUGGEST, READ = 75, 88


def near(key: str, choices: list[str], cutoff: int, limit: int = 5) -> list[str]:
    """The ``choices`` within ``cutoff`` of ``key``, closest first (at most ``limit``)."""
    from rapidfuzz import fuzz, process

    return [c for c, _score, _i in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]
