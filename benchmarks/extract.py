"""Extractor benchmark (issue 12): per-field accuracy on the articles we wrote
(tests/fixtures/articles, expected values in expected.yaml) and the time per article.

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.extract [--out FILE]

Fields scored: is_ceremony (precision and recall of "a ceremony"), region, date (exact),
kinds (overlap: |found ∩ expected| / |found ∪ expected|), leader (name), elections.
``wrong_and_sure`` counts values that are wrong while marked *Pasti*: the number that must stay 0.
The targets in the issue are for real articles from many provinces, which are not in the repository;
these fixtures only show the rules doing what they say.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
CALENDAR = ROOT / "tests" / "fixtures" / "data"  # the calendar the fixture articles' expectations assume


def main() -> int:
    from dashboard import context
    from dashboard.extract.article import read_source
    from dashboard.extract.draft import Calendar, extract
    from dashboard.extract.places import PlaceIndex
    from dashboard.records.read import read_calendar

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).with_name("results-extract.json")))
    args = ap.parse_args()
    expected = yaml.safe_load((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))
    gaz = context.gazetteer()
    t0 = time.perf_counter()
    places, cal = PlaceIndex(gaz), Calendar.from_raw(read_calendar(CALENDAR))
    setup_s = time.perf_counter() - t0
    hits: dict[str, list[float]] = {k: [] for k in ("region", "date", "kinds", "leader", "elections")}
    tp = fp = fn = 0
    wrong_and_sure, times, sure_share = 0, [], []
    for name, exp in expected.items():
        t = time.perf_counter()
        d = extract(read_source(str(ARTICLES / name), published=exp.get("published")), gaz, cal, places).to_dict()
        times.append(time.perf_counter() - t)
        got = d["is_ceremony"]["value"]
        tp += got and exp["is_ceremony"]
        fp += got and not exp["is_ceremony"]
        fn += (not got) and exp["is_ceremony"]
        if not exp["is_ceremony"]:
            continue
        want = {"region": exp["region"] if isinstance(exp["region"], str) else None,
                "date": exp["date"].isoformat() if exp["date"] else None,
                "leader": exp.get("leader"), "elections": exp["elections"], "kinds": exp["kinds"]}
        value = {k: d[k]["value"] for k in want}
        value["leader"] = (d["leader"]["value"] or {}).get("name")
        for k, w in want.items():
            if k == "region" and w is None:
                continue  # ambiguous by design: scored by the tests (both offered), not here
            if k == "leader" and w is None:
                continue
            if k == "kinds":
                a, b = set(value[k] or []), set(w)
                score = len(a & b) / len(a | b) if a | b else 1.0
            else:
                score = float(value[k] == w)
            hits[k].append(score)
            if d[k]["confidence"] == "sure" and score < 1:
                wrong_and_sure += 1
        sure_share.append(sum(d[k]["confidence"] == "sure" for k in want) / len(want))
    res = {
        "articles": len(expected),
        "is_ceremony": {"precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None},
        "accuracy": {k: round(statistics.mean(v), 3) for k, v in hits.items()} | {
            "is_ceremony": round((tp + (len(expected) - tp - fp - fn)) / len(expected), 3)},
        "wrong_and_sure": wrong_and_sure,
        "share_of_fields_sure": round(statistics.mean(sure_share), 3),
        "seconds_per_article": {"median": round(statistics.median(times), 4), "max": round(max(times), 4)},
        "setup_s": round(setup_s, 2),
    }
    res["cli"] = _cli_wall(expected)
    Path(args.out).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    return 0


def _cli_wall(expected: dict) -> dict:
    """Issue 21 §4, as a user runs it: ``python -m dashboard extract FILE`` for one article (wall
    clock, a fresh interpreter each time, median of 5; target < 1 s) and 50 articles in one call
    (the fixtures over and over; target < 10 s)."""
    import os
    import subprocess
    import sys
    import tempfile

    env = {**os.environ, "PETA_DATA_DIR": str(CALENDAR)}
    files = [str(ARTICLES / n) for n in expected]

    def run(args: list[str]) -> float:
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "dashboard", "extract", *args, "--json"], cwd=ROOT, env=env,
                             capture_output=True)
        wall = time.perf_counter() - t
        if out.returncode not in (0, 2):
            raise SystemExit(out.stderr.decode())
        return wall

    run(files[:1])  # the geo cache built, the files in the page cache
    one_html = statistics.median(run([f]) for f in [files[1]] * 5)
    one_text = statistics.median(run([f]) for f in [n for n in files if n.endswith(".txt")][:1] * 5)
    fifty = (files * 4)[:50]
    with tempfile.TemporaryDirectory():
        batch = run(fifty)
    return {"one_article_html_s": round(one_html, 2), "one_article_text_s": round(one_text, 2),
            "fifty_articles_one_call_s": round(batch, 2), "cpus": os.cpu_count()}


if __name__ == "__main__":
    raise SystemExit(main())
