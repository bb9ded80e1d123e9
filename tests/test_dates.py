"""Export date texts: day-first, Indonesian month names, Excel serials, offsets converted to Jakarta time."""

from __future__ import annotations

from datetime import datetime

import pytest

from jaring.ingest import parse_timestamps

CASES = [
    ("07/03/2025", datetime(2025, 3, 7)),
    ("7/3/2025", datetime(2025, 3, 7)),
    ("07-03-2025", datetime(2025, 3, 7)),
    ("07.03.2025", datetime(2025, 3, 7)),
    ("2025-03-07", datetime(2025, 3, 7)),
    ("2025/03/07", datetime(2025, 3, 7)),
    ("2025-03-07 14:05:09", datetime(2025, 3, 7, 14, 5, 9)),
    ("2025-03-07T14:05", datetime(2025, 3, 7, 14, 5)),
    ("07/03/2025 14:05", datetime(2025, 3, 7, 14, 5)),
    ("07/03/2025 14.05", datetime(2025, 3, 7, 14, 5)),
    ("7 Maret 2025", datetime(2025, 3, 7)),
    ("07 MARET 2025", datetime(2025, 3, 7)),
    ("17 Agustus 2025", datetime(2025, 8, 17)),
    ("17 Agt 2025", datetime(2025, 8, 17)),
    ("1 Mei 2025", datetime(2025, 5, 1)),
    ("3 Okt 2025", datetime(2025, 10, 3)),
    ("5 Des 2024", datetime(2024, 12, 5)),
    ("5 Nopember 2024", datetime(2024, 11, 5)),
    ("Senin, 7 April 2025 pukul 09.30 WIB", datetime(2025, 4, 7, 9, 30)),
    ("07-Mar-2025", datetime(2025, 3, 7)),
    ("March 7 2025", None),  # month-first English is not an Indonesian export format: unreadable, not guessed
    ("07/03/25", datetime(2025, 3, 7)),
    ("45723", datetime(2025, 3, 7)),  # Excel serial day
    ("45723.5", datetime(2025, 3, 7, 12)),
    ("2025-03-31T23:30:00Z", datetime(2025, 4, 1, 6, 30)),  # UTC -> Jakarta (+7)
    ("2025-03-31T23:30:00+00:00", datetime(2025, 4, 1, 6, 30)),
    ("2025-03-31 23:30:00+07:00", datetime(2025, 3, 31, 23, 30)),
    ("31/02/2025", None),  # impossible date
    ("30/13/2025", None),
    ("kemarin", None),
    ("", None),
    (None, None),
    ("12345678", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse(text, expected):
    assert parse_timestamps([text]) == [expected]


def test_day_first_even_when_day_is_at_most_twelve():
    # A sniffer would flip these when another row has a day > 12; Jaring always reads day-first.
    assert parse_timestamps(["03/04/2025", "13/04/2025"]) == [datetime(2025, 4, 3), datetime(2025, 4, 13)]
