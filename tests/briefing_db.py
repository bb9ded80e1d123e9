"""The briefing fixtures imported once per test session through the real importer, shared by the briefing tests."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
FIRST, SECOND, CASES = (FIXTURES / f"briefing_{name}.csv" for name in ("detections_1", "detections_2", "cases"))


def import_all(path: Path, *files: Path) -> Path:
    """Import `files` one by one (one import each, as an analyst would) into `path`."""
    from jaring.ingest import import_files

    for file in files:
        (result,) = import_files(path, [file])
        assert result.status == "loaded", result.message
    return path


@functools.cache
def briefing_database() -> Path:
    """Both detection exports, then the cases, in a session-wide temporary folder. Treat it as read-only."""
    folder = Path(tempfile.mkdtemp(prefix="jaring_briefing_tests_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return import_all(folder / "briefing.duckdb", FIRST, SECOND, CASES)


def briefing_database_copy(folder: Path) -> Path:
    """A private copy of the shared database, for tests that change it."""
    path = folder / "briefing.duckdb"
    shutil.copyfile(briefing_database(), path)
    return path
