"""Benchmarks: each prints its figures next to a naive baseline measured in the same run."""

from collections.abc import Callable
from importlib import import_module
from pathlib import Path


def _lazy(module: str, function: str) -> Callable[..., dict]:
    def run(rows: int, work_dir: Path) -> dict:
        return getattr(import_module(f"jaring.bench.{module}"), function)(rows=rows, work_dir=work_dir)
    return run


# suite name -> runner(rows, work_dir); each suite lives in its own module of this package.
SUITES: dict[str, Callable[..., dict]] = {
    "ingest": _lazy("ingest", "run_ingest_benchmark"),
    "briefing": _lazy("briefing", "run_briefing_benchmark"),
    "networks": _lazy("networks", "run_networks_benchmark"),
    "regions": _lazy("regions", "run_regions_benchmark"),
}
