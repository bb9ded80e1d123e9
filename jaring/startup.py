"""First start decisions, without Streamlit: which database to open and what to do when it is missing."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from jaring import db

BUILD_DEMO, CREATE_EMPTY, OPEN = "build_demo", "create_empty", "open"


def demo_out_dir(db_path: Path) -> Path:
    """Where the demo export files go: `demo/` next to the database (data/demo for the default database)."""
    return Path(db_path).parent / "demo"


def first_start_action(environ: Mapping[str, str] | None = None) -> tuple[str, Path]:
    """What the app does before showing a page, and the database it uses.

    * the database exists -> OPEN;
    * nothing configured (no `JARING_DB`) and no database at the default path -> BUILD_DEMO there;
    * `JARING_DB` names a file that does not exist yet -> CREATE_EMPTY (the Data page offers upload and demo).
    """
    environ = os.environ if environ is None else environ
    configured = environ.get("JARING_DB")
    path = db.resolve_db_path(configured or None)
    if path.is_file():
        return OPEN, path
    return (CREATE_EMPTY if configured else BUILD_DEMO), path


def banner_kind(sources: Iterable[str]) -> str | None:
    """Which data warning every page shows: "demo" (demo only), "mixed" (demo and real) or None (real only)."""
    present = set(sources)
    if "demo" not in present:
        return None
    return "mixed" if present - {"demo"} else "demo"
