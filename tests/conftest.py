"""Shared fixtures: small real databases built through the production importer from tests/fixtures/app_*.csv."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from jaring.bench.apptest import server_like_init

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
APP_DETECTIONS = FIXTURES / "app_detections.csv"  # 10 rows: 8 load, 2 rejected, 1 unresolved region
APP_CASES = FIXTURES / "app_cases.csv"  # 6 rows: 5 load, 1 rejected

# Database kind -> the (file, source) imports that build it.
APP_DATABASES: dict[str, tuple[tuple[Path, str], ...]] = {
    "empty": (),
    "small": ((APP_DETECTIONS, "real"), (APP_CASES, "real")),
    "cases_only": ((APP_CASES, "real"),),
    "demo": ((APP_DETECTIONS, "demo"), (APP_CASES, "demo")),
    "mixed": ((APP_DETECTIONS, "demo"), (APP_CASES, "real")),
}


@pytest.fixture(scope="session")
def app_db_template(tmp_path_factory) -> Callable[[str], Path]:
    """Build each kind of database once per session (through the real importer) and return its path."""
    from jaring.ingest import create_database, import_files

    built: dict[str, Path] = {}

    def template(kind: str) -> Path:
        if kind not in built:
            path = tmp_path_factory.mktemp("app_templates") / f"{kind}.duckdb"
            create_database(path)
            for file, source in APP_DATABASES[kind]:
                results = import_files(path, [file], source=source)
                assert all(r.status == "loaded" for r in results), [r.summary() for r in results]
            built[kind] = path
        return built[kind]

    return template


def clear_streamlit_caches() -> None:
    """st.cache_resource and st.cache_data are process-wide: clear them so tests cannot see each other's data."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app_db(tmp_path, monkeypatch, app_db_template) -> Callable[[str], Path]:
    """Give the test its own copy of a database kind, point JARING_DB at it, and start with empty caches."""
    clear_streamlit_caches()

    def use(kind: str) -> Path:
        path = tmp_path / f"{kind}.duckdb"
        shutil.copyfile(app_db_template(kind), path)
        monkeypatch.setenv("JARING_DB", str(path))
        return path

    yield use
    clear_streamlit_caches()


@pytest.fixture
def navigation_like_a_server(monkeypatch):
    """Run app.py on every AppTest run, as a real server does (jaring.bench.apptest.server_like_init)."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "__init__", server_like_init(PagesManager.__init__))
