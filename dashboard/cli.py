"""Command line: ``python -m dashboard ...``.

Every user error is a PetaError: printed as its list of problems, exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

from . import context, metrics, settings
from .io import files
from .io.atomic import write_atomic
from .errors import PetaError, Problem, msg
from .codes import LEVELS
from .geo.store import GeoConfig, build, ensure


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PetaError.single("--as-of", text, msg("date_iso")) from None


def _json_default(value):
    if isinstance(value, (pd.Timestamp, dt.date)):
        return None if pd.isna(value) else value.date().isoformat() if isinstance(value, pd.Timestamp) else value.isoformat()
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(type(value).__name__)


def _clean(v):
    if isinstance(v, float) and v != v:
        return None
    if v is pd.NaT:
        return None
    return v


def records_json(rec) -> list[dict]:
    """Per ceremony: the documented shape of ``records --json``."""
    out = []
    for c in rec.ceremonies.itertuples(index=False):
        def rows(table, cols):
            t = getattr(rec, table)
            return [{k: _clean(v) for k, v in r.items()} for r in t[t["ceremony_id"] == c.id][cols].to_dict("records")]
        out.append({
            "id": c.id,
            "region": {"code": c.region_code, "level": c.region_level, "name": c.region_name},
            "date": None if pd.isna(c.date) else c.date.date().isoformat(),
            "date_status": c.date_status, "date_note": _clean(c.date_note),
            "elections": rec.elections.loc[rec.elections["ceremony_id"] == c.id, "election_id"].tolist(),
            "kinds": rec.kinds.loc[rec.kinds["ceremony_id"] == c.id, "kind"].tolist(),
            "venue": _clean(c.venue),
            "leader": {"name": _clean(c.leader_name), "role": _clean(c.leader_role)},
            "signatories": rows("signatories", ["group", "count", "all", "note", "source_ids"]),
            "witnesses": rec.witnesses.loc[rec.witnesses["ceremony_id"] == c.id, "body"].tolist(),
            "commitment_categories": list(dict.fromkeys(
                rec.commitments.loc[rec.commitments["ceremony_id"] == c.id, "category"])),
            "commitments": rows("commitments", ["category", "text", "source_ids"]),
            "readiness": rows("readiness", ["measure", "percent", "as_of", "source_ids"]),
            "sources": rows("sources", ["source_id", "outlet", "title", "url", "published", "archive"]),
            "files": list(c.files),
        })
    return out


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def cmd_records(args) -> int:
    rec = context.records(context.gazetteer(), args.data)
    if args.json:
        _print_json(records_json(rec))
    else:
        for c in rec.ceremonies.itertuples(index=False):
            when = "tanpa tanggal" if pd.isna(c.date) else c.date.date().isoformat()
            print(f"{c.id}\t{c.region_code}\t{c.region_name}\t{when}")
    return 0


def cmd_coverage(args) -> int:
    gaz = context.gazetteer()
    rec = context.records(gaz, args.data)
    rec.election(args.election)  # a PetaError listing the elections
    day = rec.election_day(args.election)
    as_of = _date(args.as_of) if args.as_of else metrics.default_as_of(day)
    region = None
    if args.region and args.region.strip().lower() not in ("indonesia", "nasional", "national"):
        region = args.region if args.region in gaz else gaz.resolve(args.region).code
    cov = metrics.coverage(rec, gaz, args.election, as_of, region)
    figures = None
    if args.indicator:  # the newest value of each unit's own, on or before the view's date (indicators.latest)
        from . import indicators

        values = indicators.table(context.store(args.data).indicator_rows())
        indicators.known(values, args.indicator)
        figures = indicators.latest(values, args.indicator, as_of, [*([region] if region else []), *cov.units["code"]])
    if args.json:
        data = cov.to_dict()
        data["countdown"] = dict(zip(("days", "label"), metrics.countdown(day, as_of)))
        # how old the pledges behind the headline are (issue 37): reached units whose latest pledge
        # lies within RECENT_PLEDGE_DAYS of election day
        fresh, reached, share = metrics.recent_pledges(cov, day)
        data["recent_pledges"] = {"within_days": metrics.RECENT_PLEDGE_DAYS, "recent": fresh, "reached": reached,
                                  "share": share}
        if figures is not None:
            data["indicator_id"] = args.indicator
            if data["parent"] is not None:
                data["parent"]["indicator"] = figures[region]
            for child in data["children"]:
                child["indicator"] = figures[child["code"]]
        _print_json(data)
    else:
        covered, total, share, level = cov.headline
        print(f"{gaz.path_label(region) if region else 'Indonesia'} · {args.election} · per {as_of}: "
              f"{covered}/{total} {level} reached ({'-' if share is None else f'{share:.1%}'})")
        if cov.parent is not None:
            print(f"  own ceremonies: {cov.own_state} {', '.join(cov.own_ids)}")
        for u in cov.units.itertuples(index=False):
            share_text = '' if u.share is None or u.share != u.share else f'{u.share:.0%}'
            figure = ""
            if figures is not None:
                f = figures[u.code]
                figure = f"\t{args.indicator}: " + ("no data" if f is None else f"{f.get('category') or format(f['value'], 'g')} ({f['date']}, {f['source']})")
            print(f"  {u.code}\t{u.label}\t{u.state}\town:{u.own_state}\t{share_text}{figure}")
    return 0


def cmd_indicators_import(args) -> int:
    """Check an indicator sheet whole (every problem named, exit 2, nothing written), then store all
    of its values in one transaction, checked again under the write lock."""
    import getpass

    from . import indicators
    from .forms import sheet

    path = Path(args.file)
    if not path.is_file():
        raise PetaError.single("FILE", args.file, msg("csv_or_xlsx_exists"))
    if big := sheet.too_big(path):  # checked before the file is read
        raise PetaError(big)
    gaz = context.gazetteer()
    db = context.store(args.data)
    values, problems = indicators.parse(path.name, files.read_bytes(path), gaz, dt.date.today())
    problems += indicators.clashes(values, indicators.table(db.indicator_rows()))
    if problems:
        print(PetaError(problems, summary=msg("file_refused", n=len(problems), name=path.name)).message, file=sys.stderr)
        return 2
    ids = sorted({v.indicator for v in values})
    if args.dry_run:
        print(f"{path.name}: {len(values)} value(s) of {', '.join(ids)} pass every check (dry run: nothing written)")
        return 0

    def check(rows) -> None:  # under the write lock: what was stored meanwhile counts too
        late = indicators.clashes(values, indicators.table(rows))
        if late:
            raise PetaError(late, summary=msg("file_refused", n=len(late), name=path.name))

    from .store.editing import User, add_indicators

    # the CLI runs on the server and may write everywhere (README "Sign-in and access")
    n = add_indicators(db, values, User(args.user or f"cli:{getpass.getuser()}"), "import", check)
    print(f"{path.name}: {n} value(s) of {', '.join(ids)} imported")
    return 0


def cmd_indicators_list(args) -> int:
    from . import indicators

    cat = indicators.catalog(indicators.table(context.store(args.data).indicator_rows()))
    if args.json:
        _print_json(cat.to_dict(orient="records"))
    else:
        for r in cat.itertuples(index=False):
            print(f"{r.id}\t{r.name or '–'}\t{r.values} value(s), {r.regions} region(s), {r.first_date} to "
                  f"{r.last_date}\tsources: {'; '.join(r.sources)}")
    return 0


def cmd_indicators_template(args) -> int:
    from . import indicators

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise PetaError.single("--out", args.out, msg("csv_or_xlsx"))
    write_atomic(Path(args.out), indicators.template_xlsx() if suffix == ".xlsx" else indicators.template_csv())
    print(f"{args.out}: the indicator template ({', '.join(indicators.COLUMNS)})")
    return 0


def cmd_validate(args) -> int:
    """Checks a folder on its own: reads it, never writes to any store."""
    from .records.tables import load_folder

    gaz = context.gazetteer()
    rec = load_folder(Path(args.path or settings.get("PETA_DATA_DIR")), gaz)
    n = len(rec.ceremonies)
    if len(rec.conflicts):
        print(f"{n} ceremonies loaded, but the reports disagree on {len(rec.conflicts)} fact(s):", file=sys.stderr)
        for c in rec.conflicts.itertuples(index=False):
            pairs = ", ".join(f"{v!r} ({f})" for v, f in zip(c.values, c.files))
            print(f"  - record {c.ceremony_id!r}, field {c.field!r}: {pairs}; make the reports agree "
                  "or leave the field out of the one that is wrong", file=sys.stderr)
        return 1
    print(f"OK: {n} ceremonies from {len(rec.sources)} sources, no problems.")
    return 0


def cmd_geo_build(args) -> int:
    cfg = GeoConfig.from_settings(args.provinces)
    t0 = time.perf_counter()
    report = build(cfg) if args.force else ensure(cfg)
    print(f"Boundaries for provinces {','.join(cfg.provinces)} from {cfg.source}")
    print(f"  files verified: {report.files}")
    for level, n in report.features.items():
        print(f"  {level}: {n} features")
    print(f"  rings closed: {report.closed_rings}, rings dropped: {report.dropped_rings}, "
          f"geometries repaired: {report.repaired}, empty paths: {report.null_paths}")
    state = "built" if report.built else "already cached"
    print(f"  {state} in {time.perf_counter() - t0:.2f} s → {cfg.directory}")
    return 0


def cmd_geo_info(args) -> int:
    cfg = GeoConfig.from_settings(args.provinces)
    gaz = context.gazetteer(cfg)
    t = gaz.table
    info = {"provinces": list(cfg.provinces), "levels": {lvl: int((t["level"] == lvl).sum()) for lvl in LEVELS}}
    if args.parent:
        code = args.parent if args.parent in gaz else gaz.resolve(args.parent).code
        kids = gaz.children(code)
        info["parent"] = {"code": code, "name": gaz.get(code).name, "children": len(kids),
                          "child_level": kids[0].level if kids else None,
                          "units": [{"code": k.code, "name": k.name, "label": k.label} for k in kids]}
    if args.json:
        _print_json(info)
    else:
        for lvl, n in info["levels"].items():
            print(f"{lvl}: {n}")
        if args.parent:
            p = info["parent"]
            print(f"{p['code']} {p['name']}: {p['children']} children ({p['child_level']})")
            for k in p["units"]:
                print(f"  {k['code']}\t{k['label']}")
    return 0


def cmd_geo_manifest(args) -> int:
    from .geo.source import write_manifest
    print(f"{write_manifest(Path(args.source))} files written to geo/manifest.tsv")
    return 0


def _report(args):
    from .report import Report

    gaz = context.gazetteer()
    rec = context.records(gaz, args.data)
    region = None
    if args.region and args.region.lower() not in ("indonesia", "id", ""):
        region = args.region if args.region in gaz else gaz.resolve(args.region).code
    return Report(rec, gaz, args.election, region, _date(args.as_of) if args.as_of else None, args.lang,
                  compare=getattr(args, "compare", None))


def _write(out: str, data: bytes) -> None:
    """Whole file or nothing: written beside the target, then renamed over it."""
    path = Path(out)
    if not path.parent.is_dir():
        raise PetaError.single("--out", out, msg("out_folder"))
    try:
        write_atomic(path, data)
    except OSError as exc:  # a full disk, a file-size limit, no permission: no half file, no .tmp left
        raise PetaError.single("--out", out, msg("out_writable", why=exc.strerror or exc)) from None


def cmd_export_briefing(args) -> int:
    from .export.pack import briefing_pack

    if not args.out.lower().endswith(".pdf"):
        raise PetaError.single("--out", args.out, msg("out_pdf"))
    from . import indicators
    from .risk import Risk, with_values

    report = _report(args)
    t0 = time.perf_counter()
    values = indicators.table(context.store(args.data).indicator_rows())
    # a page for each stored indicator with a value in the view (issue 27)
    data = briefing_pack(report, risks=[Risk(report, values, i) for i in with_values(report, values)])
    _write(args.out, data)
    print(f"{args.out}: briefing pack, {len(data) // 1024} KB in {time.perf_counter() - t0:.1f} s")
    return 0


def cmd_export_letter(args) -> int:
    """The follow-up letter (*surat imbauan*) to the units of the view's *belum* list (issue 42 §2)."""
    from . import letter

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise PetaError.single("--out", args.out, msg("letter_out"))
    template = letter.load_template(Path(args.template) if args.template else None)  # before the records
    report = _report(args)
    t0 = time.perf_counter()
    composed = letter.compose(report, template)
    if composed is None:  # nobody to write to: the list's own sentence says why; no file
        print(f"{args.out}: {report.pending_note}")
        return 0
    if suffix == ".docx":
        from .export.letter_docx import to_docx

        data = to_docx(composed)
    else:
        from .export.letter_pdf import to_pdf

        data = to_pdf(composed)
    _write(args.out, data)
    print(f"{args.out}: {len(composed.rows)} units, {len(data) // 1024} KB in {time.perf_counter() - t0:.1f} s")
    return 0


def cmd_export_chart(args) -> int:
    from .export.files import DATA_FORMATS, export
    from .report import ALIASES, TABLES, canonical, check_chart

    if not args.indicator:  # before the records are read
        if args.format in DATA_FORMATS and canonical(args.name) in TABLES:
            pass  # every view's rows, the table-only ones (upacara, kesiapan-dilaporkan) too
        else:
            check_chart(args.name)
        if args.name in ALIASES:
            print(f"--name {args.name}: now --name {ALIASES[args.name]} (the old name works until the next release)",
                  file=sys.stderr)
    report = _report(args)
    if args.indicator:  # issue 27: the indicator map or one of its two tables
        from . import indicators
        from .export.files import export_risk
        from .risk import Risk

        values = indicators.table(context.store(args.data).indicator_rows())
        result = export_risk(Risk(report, values, args.indicator, args.colours), args.name, args.format, args.size)
    else:
        result = export(report, args.name, args.format, args.size, args.axis)
    out = args.out or result.file_name
    _write(out, result.data)
    print(f"{out}: {args.name} as {args.format} ({len(result.data) // 1024} KB)")
    return 0


def cmd_import(args) -> int:
    import getpass

    from .forms import sheet
    from .store import importer
    from .store.editing import User

    path = Path(args.file)
    if not path.is_file():
        raise PetaError.single("FILE", args.file, msg("csv_or_xlsx_exists"))
    gaz = context.gazetteer()
    root = Path(args.data or settings.get("PETA_DATA_DIR"))
    db = context.store(root)
    context.seed(db, gaz, root)
    user = User(args.user or f"cli:{getpass.getuser()}")  # whoever runs the server's CLI may write everywhere
    calendar = db.calendar()
    if big := sheet.too_big(path):  # checked before the file is read
        raise PetaError(big)
    checked = importer.check(db, gaz, calendar, path.name, files.read_bytes(path), user)
    if checked.problems:
        print(PetaError(checked.problems, summary=msg("rows_refused_of", n=len(checked.bad_rows),
                                                                 total=len(checked.reports))).message, file=sys.stderr)
        return 2
    if args.dry_run:
        print(f"{path.name}: {len(checked.reports)} row(s) pass every check (dry run: nothing written)")
        return 0
    n = importer.run(db, gaz, checked, user, path.name)
    print(f"{path.name}: {n.rows} row(s) imported: {n.ceremonies} ceremonies ({n.new_ceremonies} new, "
          f"{n.added_to} already stored given another source), {n.sources} source(s)")
    return 0


def cmd_user_hash(args) -> int:
    import getpass

    from .store.auth import hash_password

    password = sys.stdin.readline().rstrip("\n") if args.stdin else getpass.getpass("Kata sandi / password: ")
    if len(password) < 8:
        raise PetaError.single("password", "(hidden)", msg("password_length"))
    print(hash_password(password))
    return 0


def cmd_db_history(args) -> int:
    from .io.workbooks import plain_csv
    from .views import history_rows

    db = context.store(args.data)
    sys.stdout.write(plain_csv(history_rows(db.history(args.ceremony), "id", settings.get("PETA_TIMEZONE")))
                     .decode("utf-8-sig"))
    return 0


def cmd_db_signins(args) -> int:
    from .io.workbooks import csv_lines, neutralise, one_line

    sys.stdout.write(csv_lines([["at_utc", "name", "address", "outcome"]]))
    for r in context.store(args.data).signins():  # a name tried is anyone's text: never a formula
        sys.stdout.write(csv_lines([[r.at.isoformat(timespec="seconds"), neutralise(one_line(r.name)), r.address,
                                     r.outcome]]))
    return 0


def cmd_db_backup(args) -> int:
    from .store.backup import backup

    n = backup(context.store(args.data), args.file)
    print(f"{args.file}: " + ", ".join(f"{k} {v}" for k, v in n.items()))
    return 0


def cmd_db_restore(args) -> int:
    from .store.backup import restore

    n = restore(context.store(args.data), args.file, replace=args.replace)
    print(f"{args.file}: restored " + ", ".join(f"{k} {v}" for k, v in n.items()))
    return 0


def cmd_db_withdraw(args) -> int:
    """Withdraw one stored report (kept with its history). When the stored records do not load,
    this is how the report at fault is taken out: it is withdrawn without trying the others."""
    import getpass

    from .store import editing
    from .store.editing import User

    gaz = context.gazetteer()
    root = Path(args.data or settings.get("PETA_DATA_DIR"))
    db = context.store(root)
    row = db.row(args.report)
    try:
        context.records(gaz, root, db=db)
        broken = False
    except PetaError:
        broken = True
    editing.withdraw(db, gaz, row.id, args.reason, User(args.user or f"cli:{getpass.getuser()}"),
                     row.version, repair=broken)
    print(f"report {row.id} ({row.ceremony_id}) withdrawn")
    return 0


def cmd_db_attach(args) -> int:
    """Keep files as proof of one stored report (issue 42 §3): each checked and cleaned as the
    pages do (:func:`dashboard.attachments.prepare`), all kept or none."""
    import getpass

    from . import attachments
    from .store import editing
    from .store.editing import User

    prepared = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            raise PetaError.single("FILE", name, msg("proof_file"))
        # one byte past the limit is enough to refuse it: a huge file is never read whole
        prepared.append(attachments.prepare(path.name, files.head(path, attachments.MAX_BYTES + 1)))
    db = context.store(args.data)
    ids = editing.attach(db, args.report, prepared, User(args.user or f"cli:{getpass.getuser()}"))
    row = db.row(args.report)
    for i, f in zip(ids, prepared):
        print(f"attachment {i}: {f.name} ({f.mime}, {f.size} bytes) kept with report {row.id} ({row.ceremony_id})")
    return 0


def cmd_db_detach(args) -> int:
    import getpass

    from .store import editing
    from .store.editing import User

    editing.detach(context.store(args.data), args.attachment, args.reason,
                   User(args.user or f"cli:{getpass.getuser()}"))
    print(f"attachment {args.attachment} removed (its file erased, its history kept)")
    return 0


def cmd_db_attachments(args) -> int:
    """The files of proof as CSV: one line each (the operator's view; every name is text, never a formula)."""
    from .io.workbooks import csv_lines, neutralise, one_line

    db = context.store(args.data)
    rows = db.attachments([args.report] if args.report else None, ceremony_id=args.ceremony)
    if args.out:
        if len(rows) != 1 and not args.attachment:
            raise PetaError.single("--attachment", None, msg("proof_which"))
        name, mime, data = db.attachment_bytes(args.attachment or rows[0].id, thumbnail=args.thumbnail)
        files.write_bytes(args.out, data)
        what = f"the picture of {name}" if args.thumbnail else name
        print(f"{args.out}: {what} ({mime}, {len(data)} bytes)")
        return 0
    sys.stdout.write(csv_lines([["attachment", "report", "name", "type", "bytes", "width", "height", "sha256",
                                 "added_at_utc", "added_by"]]))
    for a in rows:
        sys.stdout.write(csv_lines([[a.id, a.report_id, neutralise(one_line(a.name)), a.mime, a.size, a.width or "",
                                     a.height or "", a.sha256, a.added_at.isoformat(timespec="seconds"),
                                     neutralise(one_line(a.added_by))]]))
    return 0


def _calendar_for_drafts(root: Path):
    """The calendar a draft's election is suggested from: the store's (elections added in the app
    included) when a store exists, else ``elections.yaml`` (a machine that only drafts). A SQLite
    store is read with the standard library, read-only: SQLAlchemy alone costs 0.4 s to import,
    and ``extract`` answers in under a second (issue 21)."""
    import sqlite3

    from .records.read import read_calendar, stored_election

    url = context.db_url(root)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not path.is_file():
            return read_calendar(root)
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
                rows = conn.execute("SELECT origin, data FROM elections ORDER BY id").fetchall()
        except sqlite3.Error:  # an older store without the table, or one being migrated: the file
            return read_calendar(root)
        stored = [stored_election(o, d) for o, d in rows]
        return stored or read_calendar(root)
    stored = context.store(root).calendar()
    return stored or read_calendar(root)


def _source_list(path: Path) -> list[tuple[str, str | None]]:
    """``url<TAB>file`` per line (blank lines and ``#`` comments skipped); a file path relative to
    the list's folder. A line that is not two fields, or whose url is not http(s), is refused with
    its line number, before anything is read."""
    try:
        lines = files.read_text(path).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PetaError.single("--list", str(path), msg("list_unreadable", why=str(exc)))
    out, problems = [], []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not re.match(r"^https?://\S+$", parts[0].strip()) or not parts[1].strip():
            problems.append(Problem(f"line {n}", line[:200], msg("list_line"), file=str(path)))
            continue
        file = Path(parts[1].strip())
        out.append((str(file if file.is_absolute() else path.parent / file), parts[0].strip()))
    if problems:
        raise PetaError(problems)
    return out


def cmd_extract(args) -> int:
    """One draft per source; a source that cannot be read gets one line on stderr and the others
    go on. Exit 0 when every source gave a draft, 2 when any failed."""
    from .extract.article import read_source
    from .extract.draft import Calendar, extract, suggested_report
    from .extract.fetch import fetch
    from .extract.places import PlaceIndex
    from .forms.sheet import report_to_row, rows_xlsx

    published = _date(args.published) if args.published else None
    pairs = [(source, args.url) for source in args.sources]
    if args.list:  # "url<TAB>file" lines: each file with its own link (issue 38)
        pairs += _source_list(Path(args.list))
    if not pairs:
        raise PetaError.single("SOURCE", "", msg("extract_nothing"))
    if args.url and len(args.sources) > 1:
        raise PetaError.single("--url", args.url, msg("one_source_url"))
    if args.record and len(pairs) > 1:
        raise PetaError.single("--record", args.record, msg("one_source_record"))
    root = Path(args.data or settings.get("PETA_DATA_DIR"))
    gaz = context.gazetteer_quick()
    cal, places = Calendar.from_raw(_calendar_for_drafts(root)), PlaceIndex(gaz)
    drafts, failed = [], 0
    for source, url in pairs:
        try:
            article = read_source(source, url=url, published=published, stdin=sys.stdin, fetch=fetch)
            if args.outlet:
                import dataclasses

                article = dataclasses.replace(article, outlet=args.outlet.strip() or article.outlet)
            draft = extract(article, gaz, cal, places)
        except PetaError as exc:
            failed += 1
            print(f"{source}: " + "; ".join(p.expected for p in exc.problems), file=sys.stderr)
            continue
        drafts.append(draft)
        if args.record:
            _write_draft_record(draft, gaz, Path(args.record), args.id)
        if args.json:
            print(json.dumps(draft.to_dict(), ensure_ascii=False, default=_json_default))
        else:
            print(_draft_text(draft))
    if args.sheet:
        rows, notes = [], []
        for i, d in enumerate(drafts, start=1):
            report = suggested_report(d, gaz, f"draf-{i}")
            if report is None:
                notes.append(f"{d.article.source}: wilayah tidak ditemukan; isi kode_wilayah")
                report = {"id": f"draf-{i}", "sources": [{"outlet": d.article.outlet or d.article.source,
                                                         "title": d.article.title, "url": d.article.url,
                                                         "published": d.article.published}]}
            else:
                notes.append(f"{d.article.source}: " + "; ".join(
                    f"{name}: {r.confidence}" for name, r in d.readings.items() if r.confidence != "sure"))
            rows.append(report_to_row(report))
        files.write_bytes(args.sheet, rows_xlsx(rows, notes))
        print(f"{len(rows)} draft(s) written to {args.sheet}", file=sys.stderr)
    return 2 if failed else 0


def _write_draft_record(draft, gaz, path: Path, ceremony_id: str | None) -> None:
    """The draft as a curated record file for the reviewer to correct (issue 36's path: article ->
    draft -> review -> record). Never over an existing file: a reviewed record is not lost to a
    second extract."""
    from .extract.draft import record_to_review
    from .store.codec import dump

    if path.exists():
        raise PetaError.single("--record", str(path), msg("record_exists"))
    cid = ceremony_id or path.name.split(".")[0]
    report = record_to_review(draft, gaz, cid)
    head = "# DRAF dari berita: periksa setiap kolom terhadap artikelnya, lalu hapus baris ini.\n"
    write_atomic(path, (head + dump(report)).encode("utf-8"))


def cmd_curate_log(args) -> int:
    """Append one row to a curation log: what the reviewer changed from the draft (issue 36)."""
    from .curation import compare, log_row
    from .io.yaml_files import read_yaml

    draft = json.loads(files.read_text(args.draft))
    record = None
    if args.record:
        record, problem = read_yaml(Path(args.record))
        if problem is not None:
            raise PetaError([problem])
    review = compare(draft, record)
    url = (draft.get("article") or {}).get("url") or ""
    seconds = float(args.seconds) if args.seconds else None
    line = log_row(record["id"] if record else "", url, review, args.why, seconds)
    from .curation import LOG_COLUMNS

    files.append_line(args.log, line, ",".join(LOG_COLUMNS) + "\n")  # a new log begins with its heading
    print(line, end="")
    return 0


def cmd_curate_summary(args) -> int:
    from .curation import read_log, summary, summary_markdown

    s = summary(read_log(Path(args.folder)))
    if args.json:
        _print_json(s)
    else:
        print(f"{s['articles']} articles; median review {s['seconds_median']} s")
        print(summary_markdown(s))
    return 0


def _draft_text(draft) -> str:
    marks = {"sure": "Pasti", "check": "Perlu dicek", "missing": "Tidak ditemukan"}
    lines = [f"== {draft.article.source}: {draft.article.title or '(tanpa judul)'}"]
    for name, r in draft.readings.items():
        lines.append(f"  {name:<22} {marks[r.confidence]:<16} {json.dumps(r.value, ensure_ascii=False, default=_json_default)}")
    return "\n".join(lines)


def cmd_settings(args) -> int:
    print(settings.markdown_table())
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description="Peta Netralitas ASN")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("records", help="list the ceremonies")
    r.add_argument("--json", action="store_true")
    r.add_argument("--data", help="data folder (default: PETA_DATA_DIR)")
    r.set_defaults(func=cmd_records)
    c = sub.add_parser("coverage", help="coverage of a region's units")
    c.add_argument("--election", required=True)
    c.add_argument("--region", default="", help="a code (32.01) or a name (\"Kab. Bogor\"); left out: Indonesia")
    c.add_argument("--as-of", help="YYYY-MM-DD (default: election day if past, else today)")
    c.add_argument("--json", action="store_true")
    c.add_argument("--indicator", help="an indicator id: each unit's newest own value on or before the date")
    c.add_argument("--data")
    c.set_defaults(func=cmd_coverage)
    v = sub.add_parser("validate", help="check a data folder; non-zero exit on any problem")
    v.add_argument("path", nargs="?", default=None)
    v.set_defaults(func=cmd_validate)
    g = sub.add_parser("geo", help="boundary data").add_subparsers(dest="geo", required=True)
    gb = g.add_parser("build", help="fetch, verify, parse and cache")
    gb.add_argument("--provinces", help="31,32,36 or all (default: PETA_PROVINCES)")
    gb.add_argument("--force", action="store_true", help="rebuild even when cached")
    gb.set_defaults(func=cmd_geo_build)
    gi = g.add_parser("info", help="feature counts per level")
    gi.add_argument("--provinces")
    gi.add_argument("--parent")
    gi.add_argument("--json", action="store_true")
    gi.set_defaults(func=cmd_geo_info)
    gm = g.add_parser("manifest", help="regenerate geo/manifest.tsv from a local copy")
    gm.add_argument("source")
    gm.set_defaults(func=cmd_geo_manifest)
    ex = sub.add_parser("export", help="briefing pack (PDF) or one chart/table as a file").add_subparsers(
        dest="export", required=True)

    def view_args(p):
        p.add_argument("--election", required=True, help="an election id from data/elections.yaml")
        p.add_argument("--region", default="", help="a code (32.01), a name (\"Kab. Bogor\"); empty: Indonesia")
        p.add_argument("--as-of", help="YYYY-MM-DD (default: election day if past, else today)")
        p.add_argument("--lang", choices=["id", "en"], default="id")
        p.add_argument("--data")

    eb = ex.add_parser("briefing", help="the briefing pack as one PDF")
    view_args(eb)
    eb.add_argument("--out", required=True, help="FILE.pdf")
    eb.set_defaults(func=cmd_export_briefing)
    el = ex.add_parser("letter", help="the follow-up letter (surat imbauan) to the units that have not pledged "
                       "yet, as DOCX or PDF")
    view_args(el)
    el.add_argument("--out", required=True, help="FILE.docx (to edit) or FILE.pdf")
    el.add_argument("--template", help="the letter's template (default: PETA_LETTER_TEMPLATE, else the shipped one)")
    el.set_defaults(func=cmd_export_letter)
    ec = ex.add_parser("chart", help="one chart as png/svg/pdf, the map also as html, any view's data as csv/xlsx")
    view_args(ec)
    ec.add_argument("--name", required=True, help="peta, komitmen, kategori, linimasa or perbandingan (with --compare); the tables also upacara and kesiapan-dilaporkan; kesiapan still means komitmen until the next release")
    ec.add_argument("--compare", help="perbandingan: the election set beside --election, aligned on election day")
    ec.add_argument("--format", default="png", help="png, svg, pdf, html (peta), csv, csv-excel (semicolons, for Excel "
                    "in Indonesian settings) or xlsx")
    ec.add_argument("--size", default="16x9", help="16x9 (1920×1080) or square (1080×1080)")
    ec.add_argument("--axis", default="date", choices=["date", "h"], help="timeline axis")
    ec.add_argument("--indicator", help="an indicator id: --name peta colours the map by it, --name prioritas "
                    "or temuan gives Kesiapan's tables of it (csv/xlsx)")
    ec.add_argument("--colours", default="both", choices=["both", "indicator"],
                    help="with --indicator: beside the commitment state (both) or the indicator alone")
    ec.add_argument("--out", help="file to write (default: the export's own name, in this folder)")
    ec.set_defaults(func=cmd_export_chart)
    def import_args(p, func):
        p.add_argument("file")
        p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        p.add_argument("--user", help="name recorded in the history (default: cli:<login>)")
        p.add_argument("--data")
        p.set_defaults(func=func)

    import_args(sub.add_parser("import", help="import ceremonies from a CSV or XLSX sheet (see the template)"),
                cmd_import)
    ind = sub.add_parser("indicators", help="risk and outcome figures per region (see the template)").add_subparsers(
        dest="indicators_cmd", required=True)
    import_args(ind.add_parser("import", help="import an indicator sheet (CSV or XLSX): all of it or nothing"),
                cmd_indicators_import)
    il = ind.add_parser("list", help="the stored indicators: values, regions, dates, sources")
    il.add_argument("--json", action="store_true")
    il.add_argument("--data")
    il.set_defaults(func=cmd_indicators_list)
    it = ind.add_parser("template", help="write the indicator sheet template (.csv or .xlsx)")
    it.add_argument("--out", required=True)
    it.set_defaults(func=cmd_indicators_template)
    us = sub.add_parser("user", help="accounts").add_subparsers(dest="user_cmd", required=True)
    uh = us.add_parser("hash", help="print a password hash for [users.NAME] password_hash in secrets.toml")
    uh.add_argument("--stdin", action="store_true", help="read the password from standard input")
    uh.set_defaults(func=cmd_user_hash)
    dbp = sub.add_parser("db", help="the ceremony database").add_subparsers(dest="db_cmd", required=True)
    dh = dbp.add_parser("history", help="the audit trail as CSV")
    dh.add_argument("--ceremony")
    dh.add_argument("--data")
    dh.set_defaults(func=cmd_db_history)
    db_s = dbp.add_parser("signins", help="sign-in attempts as CSV (time UTC, name, address, outcome)")
    db_s.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    db_s.set_defaults(func=cmd_db_signins)
    db_b = dbp.add_parser("backup", help="write the whole store to one file, while the app serves")
    db_b.add_argument("file", help="the backup file to write (replaced only once complete)")
    db_b.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    db_b.set_defaults(func=cmd_db_backup)
    db_r = dbp.add_parser("restore", help="fill an empty store from a backup file")
    db_r.add_argument("file", help="a file made by `db backup`")
    db_r.add_argument("--replace", action="store_true", help="replace a store that already holds rows")
    db_r.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    db_r.set_defaults(func=cmd_db_restore)
    dw = dbp.add_parser("withdraw", help="withdraw a stored report (e.g. the one a loading error names)")
    dw.add_argument("report", type=int, help="the report number (N in db-N of a loading error, or # on the Riwayat page)")
    dw.add_argument("--reason", required=True, help="why (kept in the history)")
    dw.add_argument("--user", help="name recorded in the history (default: cli:<login>)")
    dw.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    dw.set_defaults(func=cmd_db_withdraw)
    da = dbp.add_parser("attach", help="keep photos or scans (JPEG/PNG/PDF) as proof of a stored report")
    da.add_argument("report", type=int, help="the report number (# on the Riwayat page)")
    da.add_argument("files", nargs="+", metavar="FILE", help="at most 5 per report, 10 MB each")
    da.add_argument("--user", help="name recorded in the history (default: cli:<login>)")
    da.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    da.set_defaults(func=cmd_db_attach)
    dd = dbp.add_parser("detach", help="remove a file of proof (its bytes erased, its history kept)")
    dd.add_argument("attachment", type=int, help="the attachment number (db attachments)")
    dd.add_argument("--reason", required=True, help="why (kept in the history)")
    dd.add_argument("--user", help="name recorded in the history (default: cli:<login>)")
    dd.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    dd.set_defaults(func=cmd_db_detach)
    dl = dbp.add_parser("attachments", help="list the files of proof as CSV, or write one to a file")
    dl.add_argument("--report", type=int, help="only this report's")
    dl.add_argument("--ceremony", help="only this ceremony's (its active reports)")
    dl.add_argument("--attachment", type=int, help="with --out: the attachment to write")
    dl.add_argument("--out", help="write the file (or with --thumbnail its picture) here instead of listing")
    dl.add_argument("--thumbnail", action="store_true", help="with --out: the small picture the panel shows")
    dl.add_argument("--data", default=None, help="data folder (default: PETA_DATA_DIR)")
    dl.set_defaults(func=cmd_db_attachments)
    xp = sub.add_parser("extract", help="draft records from news articles (URL, .html/.txt file, or - for stdin)")
    xp.add_argument("sources", nargs="*", metavar="SOURCE")
    xp.add_argument("--list", help="a file of 'url<TAB>file' lines: each saved article with its own link")
    xp.add_argument("--json", action="store_true", help="one JSON object per source")
    xp.add_argument("--url", help="the article's address, when SOURCE is a saved file or stdin")
    xp.add_argument("--published", help="publication date YYYY-MM-DD, when the source does not carry it")
    xp.add_argument("--outlet", help="the outlet that published it, when the source does not say (pasted text, stdin); "
                                     "without one the sheet's outlet cell stays empty and the import asks for it")
    xp.add_argument("--sheet", help="also write the drafts as an import sheet (XLSX) for review")
    xp.add_argument("--data", help="data folder with elections.yaml (default: PETA_DATA_DIR)")
    xp.add_argument("--record", help="also write the draft as a curated record file (YAML) to review; never over a file")
    xp.add_argument("--id", help="the record's id with --record (default: the file name before its first dot)")
    xp.set_defaults(func=cmd_extract)
    cu = sub.add_parser("curate", help="the curation log: what reviewers changed from the drafts").add_subparsers(
        dest="curate_cmd", required=True)
    cl = cu.add_parser("log", help="append one reviewed article to a log")
    cl.add_argument("--draft", required=True, help="the draft's JSON (extract --json)")
    cl.add_argument("--record", help="the reviewed record file; left out when the article is no ceremony")
    cl.add_argument("--why", required=True, help="what was corrected and why, in a few words")
    cl.add_argument("--seconds", help="time the review took")
    cl.add_argument("--log", required=True, help="the log file (CSV; made with its header when absent)")
    cl.set_defaults(func=cmd_curate_log)
    cs = cu.add_parser("summary", help="per field: drafts corrected, and how often Pasti was right")
    cs.add_argument("--folder", default="data/curation")
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(func=cmd_curate_summary)
    s = sub.add_parser("settings", help="print the settings table (for the README)")
    s.set_defaults(func=cmd_settings)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except PetaError as exc:
        print(exc.message, file=sys.stderr)
        return 2
