"""A load from one process while another process keeps reading: the load succeeds and the reader sees it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from jaring.ingest import import_files

FIXTURES = Path(__file__).parent / "fixtures"

READER_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from jaring import db
    reader = db.Reader(sys.argv[1])
    # Hold a connection open and keep querying, like a dashboard does, until new data appears.
    cursor = reader.cursor()
    print("count", cursor.execute("select count(*) from detections").fetchone()[0], flush=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        count = reader.query("table_row_counts").set_index("table_name").loc["detections", "row_count"]
        if count > 5:
            print("count", count, flush=True)
            break
        time.sleep(0.05)
    """
)


def test_load_succeeds_while_another_process_reads(tmp_path):
    database = tmp_path / "shared.duckdb"
    import_files(database, [FIXTURES / "detections_2025_03.csv"])
    reader = subprocess.Popen([sys.executable, "-c", READER_SCRIPT, str(database)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().split() == ["count", "5"]
        started = time.monotonic()
        load = subprocess.run(
            [sys.executable, "-m", "jaring.cli", "load", str(FIXTURES / "detections_2025_04.csv"),
             "--db", str(database)],
            capture_output=True, text=True, timeout=120,
        )
        assert load.returncode == 0, load.stderr
        assert "loaded" in load.stdout
        assert time.monotonic() - started < 60
        # The reader process, never restarted, now sees the two new detections.
        assert reader.stdout.readline().split() == ["count", "7"]
    finally:
        reader.kill()
        reader.wait()


def test_two_loads_at_once_both_land(tmp_path):
    database = tmp_path / "shared.duckdb"
    command = [sys.executable, "-m", "jaring.cli", "load", "--db", str(database)]
    first = subprocess.Popen(command + [str(FIXTURES / "detections_2025_03.csv")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command + [str(FIXTURES / "cases_2025.csv")], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    assert second.wait(timeout=120) == 0, second.stderr.read()
    from jaring import db

    kinds = db.Reader(database).sql("select kind from imports order by kind")
    assert list(kinds.kind) == ["cases", "detections"]
