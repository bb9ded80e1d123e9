"""The `jaring` command line: load exports, show what the database holds, build the demo, run benchmarks."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import traceback
from pathlib import Path

from jaring import db

TABLES = ("imports", "accounts", "detections", "status_history", "identifiers", "account_identifiers", "cases",
          "case_identifiers", "regions", "rejects", "unresolved_regions")


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file (default: $JARING_DB, else data/jaring.duckdb)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="jaring", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    load = commands.add_parser("load", help="import detection or case exports (CSV, TSV, XLS, XLSX, JSON, JSONL, "
                                            "Parquet; a folder: the exports in it)")
    load.add_argument("paths", nargs="+", type=Path)
    load.add_argument("--kind", choices=("detections", "cases"), help="default: detected from the headers")
    _add_db_option(load)

    info = commands.add_parser("info", help="row counts per table and the latest imports")
    _add_db_option(info)

    demo = commands.add_parser("demo", help="write the synthetic demo exports and load them")
    demo.add_argument("--out", type=Path, default=db.PROJECT_ROOT / "data" / "demo")
    demo.add_argument("--seed", type=int, default=7)
    _add_db_option(demo)

    briefing = commands.add_parser("briefing", help="write the monthly briefing (HTML, PPTX, PNG/SVG, CSV/XLSX)")
    briefing.add_argument("--month", required=True, help="briefing month as YYYY-MM, e.g. 2025-03")
    briefing.add_argument("--out", type=Path, required=True, help="output folder")
    briefing.add_argument("--months", type=int, default=12, help="months in the charts, ending with --month")
    briefing.add_argument("--platform", action="append", default=[], help="platform code (repeatable)")
    briefing.add_argument("--province", action="append", default=[], help="province code, e.g. 32 (repeatable)")
    briefing.add_argument("--country", action="append", default=[], help="ISO2 destination, e.g. MY (repeatable)")
    briefing.add_argument("--lang", choices=("id", "en"), default="id")
    _add_db_option(briefing)

    bench = commands.add_parser("bench", help="benchmarks on large synthetic data (prints ratios to a baseline)")
    bench.add_argument("suite", choices=("ingest", "briefing", "networks", "regions"))
    bench.add_argument("--rows", type=int, default=1_000_000)
    bench.add_argument("--dir", type=Path, default=db.PROJECT_ROOT / "data" / "bench")
    return parser


def cmd_load(args) -> int:
    """Import files (a folder: its exports, in name order); exit 1 when any file could not be loaded at all."""
    from jaring.ingest import import_files

    files, problems = _export_files(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    results = import_files(db.resolve_db_path(args.db), files, kind=args.kind)
    for result in results:
        print(result.summary(), file=sys.stderr if result.status == "failed" else sys.stdout)
    return 1 if problems or any(r.status == "failed" for r in results) else 0


def _export_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to import, a folder standing for the supported exports directly in it; and a FAILED line for
    each path that gives none."""
    from jaring.readers import FORMATS, SUPPORTED_SUFFIXES

    files, problems = [], []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            files.extend(found)
            if not found:
                problems.append(f"FAILED  {path}: no {FORMATS} file in this folder")
        else:
            problems.append(f"FAILED  {path}: no such file or folder")
    return files, problems


def cmd_info(args) -> int:
    """Print table counts and the ten latest imports."""
    path = db.resolve_db_path(args.db)
    reader = db.Reader(path)
    if not reader.exists():
        print(f"no database at {path}; create one with `jaring load FILE` or `jaring demo`", file=sys.stderr)
        return 1
    print(f"database: {path}")
    counts = reader.query("table_row_counts")
    for row in counts.itertuples(index=False):
        print(f"  {row.table_name:<22}{row.row_count:>12,}")
    imports = reader.query("recent_imports", limit=10)
    print("latest imports:" if len(imports) else "no imports yet")
    for row in imports.itertuples(index=False):
        print(f"  #{row.import_id:<4} {row.finished_at:%Y-%m-%d %H:%M}  {row.kind:<10} {row.source:<5} "
              f"{row.rows_loaded:>8,} loaded {row.rows_rejected:>6,} rejected  {row.file_name}")
    return 0


def cmd_demo(args) -> int:
    """Write and load the demo dataset."""
    from jaring.demo import build_demo

    results = build_demo(db.resolve_db_path(args.db), args.out, seed=args.seed)
    for result in results:
        print(result.summary())
    return 1 if any(r.status == "failed" for r in results) else 0


def cmd_briefing(args) -> int:
    """Write one month's briefing files; exit 1 on a bad month or a missing database."""
    from jaring.briefing_export import export_month
    from jaring.filters import parse_month

    month = parse_month(args.month)
    if month is None:
        print(f"error: --month must look like 2025-03, got {args.month!r}", file=sys.stderr)
        return 1
    path = db.resolve_db_path(args.db)
    if not path.is_file():
        print(f"no database at {path}; create one with `jaring load FILE` or `jaring demo`", file=sys.stderr)
        return 1
    result = export_month(path, month, args.out, months=args.months, platforms=tuple(args.platform),
                          provinces=tuple(args.province), countries=tuple(c.upper() for c in args.country),
                          language=args.lang)
    for written in result.all_files():
        print(written)
    return 0


def cmd_bench(args) -> int:
    """Run a benchmark suite."""
    from jaring.bench import SUITES

    SUITES[args.suite](rows=args.rows, work_dir=args.dir)
    return 0


COMMANDS = {"load": cmd_load, "info": cmd_info, "demo": cmd_demo, "briefing": cmd_briefing, "bench": cmd_bench}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except db.WriterBusy as exc:
        print(f"error: {exc}; try again when it has finished", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the database was left as it was before this command", file=sys.stderr)
        return 130
    except Exception as exc:  # an analyst gets one clear line; the trace goes to a file for the developers
        trace = Path(tempfile.gettempdir()) / "jaring-error.log"
        trace.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"error: {type(exc).__name__}: {exc}. Nothing was changed. Details: {trace}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
