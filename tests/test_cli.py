"""The `jaring` console script: exit codes and one-line summaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def jaring(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_db is not None:
        env["JARING_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "jaring.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_load_prints_one_line_per_file_and_info_counts(tmp_path):
    database = tmp_path / "cli.duckdb"
    done = jaring("load", str(FIXTURES / "detections_2025_03.csv"), str(FIXTURES / "cases_2025.csv"),
                  "--db", str(database))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("loaded  detections_2025_03.csv as detections")
    assert "5 loaded, 2 rejected" in lines[0]
    assert lines[1].startswith("loaded  cases_2025.csv as cases")
    info = jaring("info", env_db=database)
    assert info.returncode == 0, info.stderr
    assert "detections" in info.stdout and "cases_2025.csv" in info.stdout


def test_load_exits_non_zero_when_a_file_cannot_be_loaded(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02")
    done = jaring("load", str(bad), str(FIXTURES / "cases_2025.csv"), "--db", str(tmp_path / "x.duckdb"))
    assert done.returncode == 1
    assert "FAILED  bad.csv" in done.stderr
    assert "Traceback" not in done.stderr
    assert "loaded  cases_2025.csv" in done.stdout


def test_missing_file_and_missing_database(tmp_path):
    done = jaring("load", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "x.duckdb"))
    assert done.returncode == 1 and "no such file" in done.stderr
    info = jaring("info", "--db", str(tmp_path / "absent.duckdb"))
    assert info.returncode == 1 and "no database" in info.stderr


def test_a_folder_loads_its_exports_in_name_order(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("detections_2025_04.csv", "detections_2025_03.csv", "cases_2025.csv"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "README.md").write_text("not an export", encoding="utf-8")
    done = jaring("load", str(folder), "--db", str(tmp_path / "cli.duckdb"))
    assert done.returncode == 0, done.stderr
    loaded = [line.split()[1] for line in done.stdout.strip().splitlines()]
    assert loaded == ["cases_2025.csv", "detections_2025_03.csv", "detections_2025_04.csv"]
    empty = tmp_path / "empty"
    empty.mkdir()
    done = jaring("load", str(empty), "--db", str(tmp_path / "cli.duckdb"))
    assert done.returncode == 1 and "no CSV, TSV, XLS, XLSX, JSON, JSONL or Parquet file" in done.stderr
