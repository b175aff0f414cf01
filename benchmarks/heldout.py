"""The article reader on real articles labelled blind (issue 38): what a reviewer records from the
text alone, written *before* the reader ran on it, compared field by field with what the reader of
today drafts, by the same count as the replay (:class:`dashboard.curation.Tally`).

    PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries python -m benchmarks.heldout ROOT [--out FILE]

``ROOT`` holds batches as the curators kept them: ``<batch>/labels/<name>.yaml`` (the blind label: url,
published, is_ceremony, region, date, elections, kinds, leader {name, role}, signatories, witnesses)
beside ``<batch>/articles/<name>.txt`` (the article's text, which never enters the repository). The
articles became shipped records through the usual path afterwards (``data/curation/j.csv``,
``k.csv``), but the labels were written first: unlike the replay, no reviewer here saw the draft
before deciding, so the agreement is the reader's on news it was not written from. A label the
labeller later called a misreading keeps its first value (a ``# after draft:`` comment says so).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from dashboard import context
    from dashboard.curation import Tally
    from dashboard.extract.draft import Calendar
    from dashboard.extract.places import PlaceIndex
    from dashboard.records.read import read_calendar

    from .calibration import as_record, drafted, print_tally

    ap = argparse.ArgumentParser()
    ap.add_argument("root", help="folder of batches (<batch>/labels/*.yaml, <batch>/articles/*.txt)")
    ap.add_argument("--data", default=str(ROOT / "data"), help="the calendar's data folder")
    ap.add_argument("--out", default=str(Path(__file__).with_name("results-heldout.json")))
    args = ap.parse_args()
    gaz = context.gazetteer()
    places, cal = PlaceIndex(gaz), Calendar.from_raw(read_calendar(Path(args.data)))
    tally, n = Tally(), 0
    for path in sorted(Path(args.root).glob("*/labels/*.yaml")):
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        draft = drafted(path.parent.parent / "articles" / (path.stem + ".txt"), label, gaz, cal, places)
        if isinstance(label.get("leader"), dict) and not any(label["leader"].values()):
            label["leader"] = None
        tally.add(path.stem, draft, as_record(label))
        n += 1
    Path(args.out).write_text(json.dumps({"articles": n, "fields": tally.fields, "sure_wrong": tally.sure_wrong},
                                         indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print_tally(tally, f"{n} articles labelled blind")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
