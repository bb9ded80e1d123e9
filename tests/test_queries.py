"""Meta-tests over queries/: every question file documents itself, its parameters, and is used somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jaring import db

ROOT = Path(__file__).resolve().parents[1]
QUESTION_FILES = sorted((ROOT / "queries").glob("*.sql"))
CODE = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("jaring/*.py"), *ROOT.glob("pages/*.py"),
                                                          ROOT / "app.py"] if p.exists())


def test_there_are_question_files():
    assert QUESTION_FILES


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.stem)
def test_header_states_question_and_parameters(path):
    text = path.read_text(encoding="utf-8")
    header = re.match(r"((?:--[^\n]*\n)+)", text)
    assert header, f"{path.name} must open with a comment stating its question and grain"
    for parameter in db.query_parameters(path.stem):
        assert f"${parameter}" in header.group(1), f"{path.name}: ${parameter} is not documented in the header"


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.stem)
def test_query_is_referenced_by_code(path):
    assert f'"{path.stem}"' in CODE, f"no code runs queries/{path.name}"


def test_parameters_are_checked(tmp_path):
    from jaring.ingest import create_database

    create_database(tmp_path / "q.duckdb")
    reader = db.Reader(tmp_path / "q.duckdb")
    with pytest.raises(db.QueryError, match="missing parameters"):
        reader.query("recent_imports")
    with pytest.raises(db.QueryError, match="unexpected"):
        reader.query("recent_imports", limit=1, surprise=2)
