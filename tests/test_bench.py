"""The import benchmark command runs end to end (on a tiny export: its figures are measured, not asserted)."""

from __future__ import annotations

from jaring.bench.ingest import run_ingest_benchmark


def test_the_ingest_benchmark_times_both_sides_and_prints_their_ratio(tmp_path, capsys):
    figures = run_ingest_benchmark(500, tmp_path, repeat=1)
    printed = capsys.readouterr().out
    assert figures["rows"] == 500
    assert figures["bare_read_csv_s"] > 0 and figures["jaring_load_s"] > 0
    assert figures["ratio"] > 1  # the full load does more than the bare read (seconds are printed rounded)
    assert figures["peak_rss_mb_load"] > 0
    assert "ratio (target <= 5x)" in printed
    assert "500 rows read" in printed  # the full load's own summary line: the file was imported
