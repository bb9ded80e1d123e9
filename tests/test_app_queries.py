"""Exact rows of the app's question files on the small fixture database (tests/fixtures/app_*.csv)."""

from datetime import date

import pytest

from jaring import db
from jaring.filters import Filters


@pytest.fixture(scope="module")
def small(app_db_template) -> db.Reader:
    return db.Reader(app_db_template("small"))


def rows(reader: db.Reader, name: str, **params) -> list[tuple]:
    return list(reader.query(name, **params).itertuples(index=False, name=None))


def test_import_sources(small, app_db_template):
    assert rows(small, "import_sources") == [("real", 2, 13)]
    assert rows(db.Reader(app_db_template("mixed")), "import_sources") == [("demo", 1, 8), ("real", 1, 5)]
    assert rows(db.Reader(app_db_template("empty")), "import_sources") == []


def test_data_months(small, app_db_template):
    first, last = rows(small, "data_months")[0]
    assert (first.date(), last.date()) == (date(2025, 1, 1), date(2025, 4, 1))
    empty = db.Reader(app_db_template("empty")).query("data_months")
    assert len(empty) == 1 and empty.isna().all(axis=None)


def test_platforms_present(small):
    assert rows(small, "platforms_present") == [("facebook", 2), ("tiktok", 2), ("instagram", 1)]


def test_province_names(small):
    provinces = rows(small, "province_names")
    assert len(provinces) == 38
    assert provinces[0] == ("11", "Aceh")
    assert ("32", "Jawa Barat") in provinces


def test_destination_countries_present(small):
    assert rows(small, "destination_countries_present") == [
        ("SA", "Arab Saudi", "Saudi Arabia", 0, 1),
        ("HK", "Hong Kong", "Hong Kong", 1, 1),
        ("JP", "Jepang", "Japan", 2, 1),
        ("KR", "Korea Selatan", "South Korea", 2, 0),
        ("MY", "Malaysia", "Malaysia", 2, 1),
        ("TW", "Taiwan", "Taiwan", 1, 1),
    ]


def test_imports_with_rejects(small):
    assert rows(small, "imports_with_rejects") == [(2, "app_cases.csv", "cases", 1),
                                                   (1, "app_detections.csv", "detections", 2)]


def test_rejected_rows(small):
    every = small.query("rejected_rows", import_id=None, reason="", limit=100)
    assert every[["import_id", "row_number"]].values.tolist() == [[2, 4], [1, 7], [1, 8]]
    assert every["total"].tolist() == [3, 3, 3]
    assert '"Tanggal Pengaduan": "kemarin"' in every["raw"].iloc[0]
    one = rows(small, "rejected_rows", import_id=1, reason="NO ACCOUNT", limit=100)
    assert [(r[0], r[2], r[5]) for r in one] == [(1, 8, 1)]
    limited = small.query("rejected_rows", import_id=None, reason="", limit=1)
    assert len(limited) == 1 and limited["total"].iloc[0] == 3


def test_unresolved_region_texts(small):
    assert rows(small, "unresolved_region_texts") == [("Negeri Antah Berantah", "target_region", 1, 1, 1)]


def test_identifier_problem_texts(small):
    assert rows(small, "identifier_problem_texts") == [("nomor rahasia", "phone", 1, 1, 1)]


def test_database_columns(small):
    columns = small.query("database_columns")
    assert set(columns["table_name"]) >= {"imports", "accounts", "detections", "cases", "rejects", "regions"}
    imports = columns[columns["table_name"] == "imports"]
    assert imports["column_name"].tolist()[:3] == ["import_id", "kind", "file_name"]
    assert imports["data_type"].iloc[0] == "INTEGER"


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(date(2024, 5, 1), date(2025, 4, 30)), (8, 5, 5, 9)),
    (Filters(date(2025, 3, 1), date(2025, 4, 30), platforms=("instagram",)), (2, 1, 2, 3)),
    (Filters(date(2024, 5, 1), date(2025, 4, 30), provinces=("32",)), (4, 2, 2, 3)),
    (Filters(date(2024, 5, 1), date(2025, 4, 30), countries=("JP", "KR")), (4, 2, 1, 2)),
    (Filters(date(2025, 2, 1), date(2025, 2, 28), ("tiktok",), ("32",), ("KR",)), (1, 1, 0, 0)),
])
def test_filtered_totals(small, filters, expected):
    assert rows(small, "filtered_totals", **filters.as_params()) == [expected]
