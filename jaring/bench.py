"""Benchmarks on large synthetic exports, each measured against a naive baseline in the same run.

`jaring bench ingest --rows 1000000` writes a detection export of that many rows, then times in separate
processes (so each peak memory is its own): DuckDB's bare `read_csv` of the file into a table, and the full
`jaring load` with normalisation and identifier extraction. It prints both, their ratio and peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from jaring import db

PLATFORMS = np.array(["Facebook", "Instagram", "TikTok", "X", "Telegram", "WhatsApp", "YouTube", "Website"])
STATUSES = np.array(["terdeteksi", "dilaporkan", "diblokir", "ditolak"])
REGIONS = np.array(["Kab. Indramayu", "Cianjur", "Lombok Timur", "Kab. Ponorogo", "Jatim", "Kota Bandung",
                    "Cilacap", "Kupang", "Lampung Timur", "Deli Serdang", "Blitar", "Sukabumi"])
COUNTRIES = np.array(["Malaysia", "Arab Saudi", "Taiwan", "Hong Kong", "Kamboja", "Myanmar", "Singapura"])
BANKS = np.array(["BRI", "BCA", "BNI", "Mandiri", "BSI"])
HEADERS = ["No Deteksi", "Tgl Deteksi", "Platform", "Akun", "Isi Iklan", "No HP/WA", "No Rek", "Wilayah Sasaran",
           "Negara Tujuan", "Status", "Tgl Lapor", "Tgl Blokir"]


def _dates(days: np.ndarray, minutes: np.ndarray) -> pd.Series:
    stamps = pd.Timestamp("2024-11-01") + pd.to_timedelta(days, unit="D") + pd.to_timedelta(minutes, unit="m")
    return pd.Series(stamps).dt.strftime("%d/%m/%Y %H:%M")


def synthetic_detections(rows: int, seed: int = 1) -> pd.DataFrame:
    """A messy detection export: ~rows/5 accounts, ~rows/10 phones, identifiers in columns and ad text."""
    rng = np.random.default_rng(seed)
    accounts = rng.integers(0, max(rows // 5, 1), rows)
    phone_of_account = rng.integers(0, max(rows // 10, 1), max(rows // 5, 1))
    phones = phone_of_account[accounts]
    phone_text = pd.Series(phones).map(lambda n: f"0812-0000-{n % 10000:04d}" if n < 10000 else
                                       f"+62 813 0000 {n % 10000:04d}" if n < 20000 else f"0857{n:08d}")
    bank = pd.Series(BANKS[phones % len(BANKS)]) + " 0000-" + pd.Series(phones % 100000).map("{:05d}".format)
    days = rng.integers(0, 730, rows)
    status = STATUSES[rng.choice(len(STATUSES), rows, p=[0.5, 0.25, 0.2, 0.05])]
    reported = np.where(status != "terdeteksi", days + rng.integers(0, 10, rows), -1)
    blocked = np.where(status == "diblokir", reported + rng.integers(1, 60, rows), -1)
    zero = np.zeros(rows, dtype=int)
    ad = ("LOKER " + pd.Series(COUNTRIES[days % len(COUNTRIES)]).str.upper() + "! gaji besar tanpa biaya, hub WA "
          + phone_text + " transfer DP ke " + bank)
    frame = pd.DataFrame({
        "No Deteksi": pd.Series(np.arange(rows)).map("B{:08d}".format),
        "Tgl Deteksi": _dates(days, rng.integers(0, 1440, rows)),
        "Platform": PLATFORMS[accounts % len(PLATFORMS)],
        "Akun": pd.Series(accounts).map("akun_{:07d}".format),
        "Isi Iklan": ad,
        "No HP/WA": phone_text,
        "No Rek": bank,
        "Wilayah Sasaran": REGIONS[rng.integers(0, len(REGIONS), rows)],
        "Negara Tujuan": COUNTRIES[rng.integers(0, len(COUNTRIES), rows)],
        "Status": status,
        "Tgl Lapor": _dates(np.maximum(reported, 0), zero).where(reported >= 0, ""),
        "Tgl Blokir": _dates(np.maximum(blocked, 0), zero).where(blocked >= 0, ""),
    })
    return frame[HEADERS]


def write_detection_export(path: Path, rows: int) -> Path:
    """Write the synthetic export as a semicolon CSV (through DuckDB: pandas' writer is slow at 1 M rows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = db.memory_connection()
    db.register_frame(con, "export", synthetic_detections(rows))
    con.execute("copy export to $path (header, delimiter ';')", {"path": str(path)})
    return path


_BASELINE = """
import sys, time, duckdb
start = time.perf_counter()
con = duckdb.connect(sys.argv[2])
con.execute("create table raw as select * from read_csv($p, delim=';', header=true, all_varchar=true)",
            {"p": sys.argv[1]})
con.close()
import resource
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

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


def run_ingest_benchmark(rows: int, work_dir: Path) -> dict:
    """Generate, time baseline and full import, print and return the figures."""
    work_dir.mkdir(parents=True, exist_ok=True)
    export = work_dir / f"bench_detections_{rows}.csv"
    started = time.perf_counter()
    write_detection_export(export, rows)
    print(f"generated {rows:,} rows ({export.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
    for stale in work_dir.glob("*.duckdb"):
        stale.unlink()
    baseline_s, baseline_mb, _ = _timed_process(_BASELINE, str(export), str(work_dir / "baseline.duckdb"))
    full_s, full_mb, summary = _timed_process(_FULL, str(export), str(work_dir / "full.duckdb"))
    figures = {"rows": rows, "bare_read_csv_s": round(baseline_s, 2), "jaring_load_s": round(full_s, 2),
               "ratio": round(full_s / baseline_s, 2), "peak_rss_mb_baseline": round(baseline_mb),
               "peak_rss_mb_load": round(full_mb)}
    print(summary)
    print(f"bare DuckDB read_csv into a table : {baseline_s:8.2f} s")
    print(f"full jaring load                  : {full_s:8.2f} s")
    print(f"ratio (target <= 5x)              : {full_s / baseline_s:8.2f} x")
    print(f"peak memory of the load (<= 2 GB) : {full_mb:8.0f} MB")
    print(json.dumps(figures))
    return figures
