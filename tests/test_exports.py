"""Spreadsheet-safe CSV downloads."""

import io

import pandas as pd

from jaring.exports import safe_for_spreadsheet, to_csv_bytes


def test_formula_cells_get_an_apostrophe():
    frame = pd.DataFrame({"text": ['=HYPERLINK("http://evil.example")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                   "\tx", "\rx", "plain", "a=b", None]})
    safe = safe_for_spreadsheet(frame)
    assert safe["text"].tolist()[:8] == ["'=HYPERLINK(\"http://evil.example\")", "'+cmd|' /C calc'!A0", "'-2+3",
                                         "'@SUM(A1)", "'\tx", "'\rx", "plain", "a=b"]
    assert pd.isna(safe["text"].iloc[8])
    assert frame["text"].iloc[0].startswith("=")  # the input is not modified


def test_numbers_stay_numbers_and_headers_are_neutralised():
    frame = pd.DataFrame({"=bad": [-5, 3], "n": [-1.5, 2.0]})
    safe = safe_for_spreadsheet(frame)
    assert list(safe.columns) == ["'=bad", "n"]
    assert safe["n"].tolist() == [-1.5, 2.0]
    assert safe["'=bad"].tolist() == [-5, 3]


def test_object_columns_with_mixed_values():
    frame = pd.DataFrame({"mixed": pd.Series(["=1", 5, None], dtype=object)})
    assert safe_for_spreadsheet(frame)["mixed"].tolist()[:2] == ["'=1", 5]


def test_csv_bytes_are_utf8_with_bom_and_safe():
    frame = pd.DataFrame({"nama": ["Sari Dewi", "=1+1"], "kota": ["Bandung", "Ngawi"]})
    data = to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert back["nama"].tolist() == ["Sari Dewi", "'=1+1"]
