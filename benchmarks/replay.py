"""The article reader replayed on the curated national record (issue 38): per field, how often
the *current* reader agrees with what a reviewer recorded, and how often a field it marks *Pasti*
is right.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.replay ARTICLES_ROOT [--out FILE]

``ARTICLES_ROOT`` holds the curation batches as the curators kept them: ``<batch>/drafts/<name>.json``
(the reader's draft at the time, with the article's link, outlet and publication date) beside
``<batch>/articles/<name>.txt`` (the article's text). The texts are news articles and never enter
the repository; the reviewed records are ``data/ceremonies/`` and the log ``data/curation/``. Each
draft is read again with today's reader and compared with the shipped record of the same link (or,
for an article the reviewer judged no ceremony, with "not a ceremony"), field by field, exactly as
``curate log`` compares (:func:`dashboard.curation.compare`).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _records_by_url(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for s in data.get("sources") or []:
            if s.get("url"):
                out[s["url"]] = data
    return out


def _judged(log_folder: Path) -> dict[str, str]:
    """url -> record id ('' when the reviewer judged the article no ceremony), from the shipped log."""
    out = {}
    for path in sorted(log_folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out[row["url"]] = row["record_id"]
    return out


def main() -> int:
    from dashboard import context
    from dashboard.curation import Tally
    from dashboard.errors import PetaError
    from dashboard.extract.article import read_source
    from dashboard.extract.draft import Calendar, extract
    from dashboard.extract.places import PlaceIndex
    from dashboard.records.read import read_calendar

    ap = argparse.ArgumentParser()
    ap.add_argument("root", help="folder of curation batches (<batch>/drafts/*.json, <batch>/articles/*.txt)")
    ap.add_argument("--data", default=str(ROOT / "data"), help="the shipped data folder (records and log)")
    ap.add_argument("--out", default=str(Path(__file__).with_name("results-replay.json")))
    args = ap.parse_args()
    data = Path(args.data)
    records, judged = _records_by_url(data / "ceremonies"), _judged(data / "curation")
    gaz = context.gazetteer()
    places, cal = PlaceIndex(gaz), Calendar.from_raw(read_calendar(data))
    tally = Tally()
    times, seen = [], set()
    for draft_path in sorted(Path(args.root).glob("*/drafts/*.json")):
        old = json.loads(draft_path.read_text(encoding="utf-8"))
        art = old.get("article") or {}
        url = art.get("url")
        text = draft_path.parent.parent / "articles" / (draft_path.stem + ".txt")
        if not url or url in seen or url not in judged or not text.is_file():
            continue  # a draft no log row decided, or a second copy of one
        seen.add(url)
        record = records.get(url) if judged[url] else None
        if judged[url] and record is None:
            continue  # decided, but its record did not ship (merged away or withdrawn)
        published = dt.date.fromisoformat(art["published"]) if art.get("published") else None
        t = time.perf_counter()
        try:
            article = read_source(str(text), url=url, published=published)
        except PetaError:
            continue
        if art.get("outlet"):
            article = type(article)(**{**article.__dict__, "outlet": art["outlet"]})
        draft = extract(article, gaz, cal, places).to_dict()
        times.append(time.perf_counter() - t)
        tally.add(url, draft, record)
    result = {"articles": len(seen), "fields": tally.fields, "sure_wrong": tally.sure_wrong,
              "seconds_per_article_median": sorted(times)[len(times) // 2] if times else None}
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(seen)} articles re-read")
    print(tally.markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
