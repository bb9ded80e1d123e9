"""The briefing's queries run side by side: month ends asked in advance, oldest list at the grid's instant."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pandas as pd
import pytest

from jaring import briefing as br
from jaring import db
from jaring.filters import Filters
from jaring.ingest import create_database
from tests.briefing_db import briefing_database

H1 = Filters(date(2025, 1, 1), date(2025, 6, 30))
APRIL = date(2025, 4, 1)


@pytest.fixture(scope="module")
def reader() -> db.Reader:
    return db.Reader(briefing_database())


def test_month_ends_of_the_fixtures(reader):
    # Events run from 2025-01-05 (fb.alpha detected) to 2025-06-15 (tg_zeta blocked), the last day with data:
    # each month is measured at the next month's start, June at the end of 15 June.
    frame = reader.query("briefing_month_ends")
    assert [(m.date(), t.to_pydatetime()) for m, t in zip(frame["month"], frame["measured_at"], strict=True)] == [
        (date(2025, 1, 1), datetime(2025, 2, 1)), (date(2025, 2, 1), datetime(2025, 3, 1)),
        (date(2025, 3, 1), datetime(2025, 4, 1)), (date(2025, 4, 1), datetime(2025, 5, 1)),
        (date(2025, 5, 1), datetime(2025, 6, 1)), (date(2025, 6, 1), datetime(2025, 6, 16))]


def test_month_ends_match_the_takedown_grid(reader):
    ends = reader.query("briefing_month_ends")
    grid = reader.query("takedown_by_month", provinces=["32"], countries=[])
    pd.testing.assert_frame_equal(ends, grid.drop_duplicates("month")[["month", "measured_at"]].reset_index(drop=True))


def test_month_ends_of_an_empty_database(tmp_path):
    create_database(tmp_path / "empty.duckdb")
    assert db.Reader(tmp_path / "empty.duckdb").query("briefing_month_ends").empty


class Recorder:
    """A query runner that records each call and the thread it ran on; `shift_ends` falsifies the month ends."""

    def __init__(self, reader: db.Reader, shift_ends: bool = False):
        self.reader, self.shift_ends, self.calls = reader, shift_ends, []
        self._lock = threading.Lock()

    def __call__(self, name: str, **params) -> pd.DataFrame:
        with self._lock:
            self.calls.append((name, params, threading.current_thread() is threading.main_thread()))
        frame = self.reader.query(name, **params)
        if name == "briefing_month_ends" and self.shift_ends:
            frame["measured_at"] = frame["measured_at"] - pd.Timedelta(days=1)
        return frame

    def oldest_instants(self) -> list[datetime]:
        return [params["as_of"] for name, params, _ in self.calls if name == "oldest_open_reports"]


def test_oldest_list_asked_once_at_the_grids_instant_beside_the_takedown_query(reader):
    runner = Recorder(reader)
    b = br.load_briefing(runner, H1, APRIL)
    assert runner.oldest_instants() == [datetime(2025, 5, 1)]  # April is measured at 1 May 00:00
    assert b.oldest_as_of == datetime(2025, 5, 1)
    off_main = {name for name, _, on_main in runner.calls if not on_main}
    assert off_main == {"takedown_by_month", "oldest_open_reports"}
    sequential = br.load_briefing(reader.query, H1, APRIL)
    pd.testing.assert_frame_equal(b.oldest, sequential.oldest)


def test_oldest_list_asked_again_when_the_advance_instant_differs(reader):
    runner = Recorder(reader, shift_ends=True)
    b = br.load_briefing(runner, H1, APRIL)
    # 30 April (the falsified advance instant) is discarded; the list shown is the one at the grid's 1 May.
    assert runner.oldest_instants() == [datetime(2025, 4, 30), datetime(2025, 5, 1)]
    assert b.oldest_as_of == datetime(2025, 5, 1)
    pd.testing.assert_frame_equal(b.oldest, br.load_briefing(reader.query, H1, APRIL).oldest)


def test_no_oldest_list_when_no_platform_is_in_scope(reader):
    # Youtube has no account in the fixtures: the takedown grid is empty, so no instant and no list.
    b = br.load_briefing(reader.query, Filters(H1.start, H1.end, platforms=("youtube",)), APRIL)
    assert b.oldest.empty and b.oldest_as_of is None
