"""Downloads the analyst opens in a spreadsheet: formula cells neutralised, UTF-8 with BOM so Excel reads it."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets
# (OWASP "CSV injection"). Criminal-authored text (display names, ad text) can start with them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_for_spreadsheet(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` where every text cell that a spreadsheet would run as a formula gets a leading "'".

    Numbers stay numbers (a negative number is not a formula); column names are neutralised too.
    """
    safe = frame.copy()
    for column in safe.columns:
        series = safe[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            safe[column] = series.map(_neutralise, na_action="ignore")
    safe.columns = [_neutralise(str(name)) for name in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV bytes for a download button: neutralised cells, UTF-8 with BOM, no index."""
    return safe_for_spreadsheet(frame).to_csv(index=False).encode("utf-8-sig")
