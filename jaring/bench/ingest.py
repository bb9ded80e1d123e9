"""Benchmarks on large synthetic exports, each measured against a naive baseline in the same run.

`jaring bench ingest --rows 1000000` writes a detection export of that many rows, then times in separate
processes (so each peak memory is its own): DuckDB's bare `read_csv` of the file into a table (all columns as
text, as the importer reads them; `read_csv` with its defaults is timed too, for reference), and the full
`jaring load` with normalisation and identifier extraction, three times each, interleaved. It prints the best
run of each, their ratio and peak memory, and each round's ratio (how much the machine moved during the run).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from jaring.bench.synthetic import write_detection_export

_BASELINE = """
import sys, time, duckdb
start = time.perf_counter()
con = duckdb.connect(sys.argv[2])
statements = {"text": "create table raw as select * from read_csv($p, delim=';', header=true, all_varchar=true)",
              "defaults": "create table raw as select * from read_csv($p)"}
con.execute(statements[sys.argv[3]], {"p": sys.argv[1]})
con.close()
import resource
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
# The headline baseline ("text") reads every column as text, as the importer does, with the layout given.
# `read_csv` with its defaults (types sniffed and parsed) is timed too, for reference.

_FULL = """
import sys, time
from jaring.ingest import import_files
start = time.perf_counter()
(result,) = import_files(sys.argv[2], [sys.argv[1]])
assert result.status == "loaded", result.message
import resource
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(result.summary(), file=sys.stderr)
"""


def _timed_process(script: str, *args: str) -> tuple[float, float, str]:
    """Run `script` in a fresh Python; return the seconds and peak RSS (MB) it reports, and its stderr."""
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    seconds, peak_mb = map(float, done.stdout.strip().splitlines()[-1].split())
    return seconds, peak_mb, done.stderr.strip()


def run_ingest_benchmark(rows: int, work_dir: Path, repeat: int = 3) -> dict:
    """Generate, time baseline and full import `repeat` times (interleaved), print and return the figures.

    The best run of each is reported, as timeit does: on a shared machine the slower runs measure the
    neighbours, not the code.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    export = work_dir / f"bench_detections_{rows}.csv"
    started = time.perf_counter()
    write_detection_export(export, rows)
    print(f"generated {rows:,} rows ({export.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
    baselines, defaults, loads = [], [], []
    for _ in range(repeat):
        for stale in work_dir.glob("*.duckdb"):
            stale.unlink()
        baselines.append(_timed_process(_BASELINE, str(export), str(work_dir / "baseline.duckdb"), "text"))
        defaults.append(_timed_process(_BASELINE, str(export), str(work_dir / "defaults.duckdb"), "defaults"))
        loads.append(_timed_process(_FULL, str(export), str(work_dir / "full.duckdb")))
    baseline_s, full_s = min(b[0] for b in baselines), min(f[0] for f in loads)
    defaults_s = min(d[0] for d in defaults)
    baseline_mb, full_mb = max(b[1] for b in baselines), max(f[1] for f in loads)
    figures = {
        "rows": rows, "repeat": repeat, "bare_read_csv_s": round(baseline_s, 2), "jaring_load_s": round(full_s, 2),
        "ratio": round(full_s / baseline_s, 2), "peak_rss_mb_baseline": round(baseline_mb),
        "peak_rss_mb_load": round(full_mb), "bare_read_csv_runs_s": [round(b[0], 2) for b in baselines],
        "jaring_load_runs_s": [round(f[0], 2) for f in loads], "read_csv_defaults_s": round(defaults_s, 2),
        "ratio_to_read_csv_defaults": round(full_s / defaults_s, 2),
        "round_ratios": [round(f[0] / b[0], 2) for b, f in zip(baselines, loads, strict=True)],
    }
    print(loads[-1][2])
    print(f"bare DuckDB read_csv into a table : {baseline_s:8.2f} s  (best of {repeat})")
    print(f"full jaring load                  : {full_s:8.2f} s  (best of {repeat})")
    print(f"ratio (target <= 5x)              : {full_s / baseline_s:8.2f} x")
    # Each round's load over its own bare read, for how much the machine moved during the run.
    print(f"ratio within each round           : {', '.join(f'{r:.2f}' for r in figures['round_ratios'])}")
    print(f"for reference, read_csv with its defaults (types sniffed): {defaults_s:.2f} s, "
          f"ratio {full_s / defaults_s:.2f} x")
    print(f"peak memory of the load (<= 2 GB) : {full_mb:8.0f} MB")
    print(json.dumps(figures))
    return figures
