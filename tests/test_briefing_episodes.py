"""status_episode_events, built at import for the briefing, and the fallback for databases without it.

Event logs of the fixture accounts are listed in test_briefing_queries.py. Dates without a time are midnight
Jakarta; ig.eps's block at 2025-03-31T23:30Z is 1 April 06:30 Jakarta.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from jaring import briefing as br
from jaring import db, episodes
from jaring.filters import Filters
from jaring.i18n import t
from tests.briefing_db import CASES, FIRST, SECOND, briefing_database, briefing_database_copy, import_all
from tests.test_briefing_page import metrics, pick_month, start
from tests.test_briefing_queries import takedown

pytestmark = pytest.mark.usefixtures("navigation_like_a_server")  # tests/conftest.py

INF = datetime.max  # DuckDB's timestamp 'infinity' as pandas/Python read it back
COLUMNS = ["account_id", "platform", "status", "changed_at", "next_changed_at", "episode", "episode_reported_at",
           "episode_blocked_at"]
H1 = Filters(date(2025, 1, 1), date(2025, 6, 30))
APRIL = date(2025, 4, 1)
SCOPES = [([], []), (["32"], []), ([], ["MY"]), (["32"], ["MY"]), (["35"], ["SA"]), (["32", "35"], ["TW", "HK"])]


def d(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute)


def events(reader: db.Reader, handle: str | None = None) -> list[tuple]:
    """The stored rows (by handle, in event order), with infinity as INF and missing times as None."""
    frame = reader.sql(
        "select a.handle, e.status, e.changed_at::varchar as changed_at, e.next_changed_at::varchar as next_at, "
        "e.episode, e.episode_reported_at, e.episode_blocked_at from status_episode_events e "
        "join accounts a using (account_id) where $handle is null or a.handle = $handle "
        "order by a.handle, e.changed_at, e.status desc", {"handle": handle})
    return [(h, s, datetime.fromisoformat(c), INF if n == "infinity" else datetime.fromisoformat(n), int(k),
             None if pd.isna(r) else r.to_pydatetime(), None if pd.isna(b) else b.to_pydatetime())
            for h, s, c, n, k, r, b in frame.itertuples(index=False)]


def covered_import(path: Path) -> int | None:
    reader = db.Reader(path)
    if not reader.query("status_episodes_built")["built"].iloc[0]:
        return None
    return int(reader.sql("select last_import_id from status_episode_state")["last_import_id"][0])


def as_older_version(path: Path) -> Path:
    """Make `path` look like a file last written before status_episode_events existed."""
    with db.writer(path) as con:
        con.execute("drop table status_episode_state")
        con.execute("drop table status_episode_events")
    return path


@pytest.fixture(scope="module")
def reader() -> db.Reader:
    return db.Reader(briefing_database())


def test_episodes_of_a_restored_account(reader):
    # fb.alpha: reported 01-10, blocked 01-20 (episode 0); restored 02-05 (episode 1: no report, no block);
    # reported 02-06, blocked 04-10 (episode 2, after one block and one restore).
    assert events(reader, "fb.alpha") == [
        ("fb.alpha", "reported", d(1, 10), d(1, 20), 0, d(1, 10), d(1, 20)),
        ("fb.alpha", "blocked", d(1, 20), d(2, 5), 0, d(1, 10), d(1, 20)),
        ("fb.alpha", "restored", d(2, 5), d(2, 6), 1, None, None),
        ("fb.alpha", "reported", d(2, 6), d(4, 10), 2, d(2, 6), d(4, 10)),
        ("fb.alpha", "blocked", d(4, 10), INF, 2, d(2, 6), d(4, 10)),
    ]


def test_a_rejection_does_not_end_the_episode_and_ties_follow_the_lifecycle(reader):
    # tg_zeta: reported 03-02, rejected 03-10, reported 03-20, blocked 06-15: one episode from 03-02.
    assert events(reader, "tg_zeta") == [
        ("tg_zeta", "reported", d(3, 2), d(3, 10), 0, d(3, 2), d(6, 15)),
        ("tg_zeta", "rejected", d(3, 10), d(3, 20), 0, d(3, 2), d(6, 15)),
        ("tg_zeta", "reported", d(3, 20), d(6, 15), 0, d(3, 2), d(6, 15)),
        ("tg_zeta", "blocked", d(6, 15), INF, 0, d(3, 2), d(6, 15)),
    ]
    # fb.theta reported and blocked at the same instant: the report comes first and is followed at once.
    assert events(reader, "fb.theta") == [
        ("fb.theta", "reported", d(4, 6), d(4, 6), 0, d(4, 6), d(4, 6)),
        ("fb.theta", "blocked", d(4, 6), INF, 0, d(4, 6), d(4, 6)),
    ]
    assert events(reader, "ig.eps")[1] == ("ig.eps", "blocked", d(4, 1, 6, 30), INF, 0, d(2, 21), d(4, 1, 6, 30))


def test_one_row_per_status_event_except_detected(reader):
    # alpha 5, beta 2, gamma 2, delta 0 (detected only), eps 2, zeta 4, theta 2, eta 1
    counts = pd.Series([e[0] for e in events(reader)]).value_counts().to_dict()
    assert counts == {"fb.alpha": 5, "fb.beta": 2, "tt.gamma": 2, "ig.eps": 2, "tg_zeta": 4, "fb.theta": 2,
                      "tt.eta": 1}
    assert reader.query("status_episodes_built")["built"].iloc[0]
    assert list(reader.sql("select * from status_episode_events limit 0").columns) == COLUMNS


def test_each_import_recomputes_only_the_accounts_it_touched(tmp_path, monkeypatch):
    counted = []
    original = episodes.rebuild_status_episodes
    monkeypatch.setattr(episodes, "rebuild_status_episodes", lambda con: counted.append(original(con, strict=True)))
    path = import_all(tmp_path / "steps.duckdb", FIRST)
    # fb.alpha, fb.beta, tt.gamma, ig.eps, tg_zeta have events (tt.delta was only detected).
    assert counted == [5]
    assert covered_import(path) == 1
    # After the first export fb.beta's report is still open.
    assert events(db.Reader(path), "fb.beta") == [("fb.beta", "reported", d(1, 9), INF, 0, d(1, 9), None)]
    with db.writer(path) as con:
        assert original(con, strict=True) == 0  # nothing imported since: nothing to do
    import_all(path, SECOND)
    # fb.beta (block), fb.alpha (restore, report, block), tg_zeta, fb.theta, tt.eta; tt.gamma's row had no event.
    assert counted == [5, 5]
    assert covered_import(path) == 2
    with db.writer(path) as con:
        con.execute("create temp table after_second as select * from status_episode_events")
        # A full rebuild redoes the 7 accounts with events and finds what the incremental one stored.
        assert original(con, full=True, strict=True) == 7
        (differences,) = con.execute(
            "select count(*) from ((select * from after_second except all select * from status_episode_events) "
            "union all (select * from status_episode_events except all select * from after_second))").fetchone()
    assert differences == 0
    assert events(db.Reader(path), "fb.beta") == [
        ("fb.beta", "reported", d(1, 9), d(4, 2), 0, d(1, 9), d(4, 2)),
        ("fb.beta", "blocked", d(4, 2), INF, 0, d(1, 9), d(4, 2)),
    ]
    import_all(path, CASES)
    assert counted == [5, 5, 0]  # cases bring no status event
    assert covered_import(path) == 3


def test_an_import_of_a_file_already_imported_leaves_the_database_file_unchanged(tmp_path):
    path = briefing_database_copy(tmp_path)
    before = path.read_bytes()
    (result,) = import_all_results(path, SECOND)
    assert result.status == "skipped"
    assert path.read_bytes() == before


def import_all_results(path: Path, *files: Path):
    from jaring.ingest import import_files

    return import_files(path, list(files))


@pytest.mark.parametrize(("provinces", "countries"), SCOPES)
def test_takedown_matches_the_derivation_from_status_history(reader, provinces, countries):
    stored = reader.query("takedown_by_month", provinces=provinces, countries=countries)
    derived = reader.query("takedown_by_month_from_history", provinces=provinces, countries=countries)
    pd.testing.assert_frame_equal(stored, derived)


@pytest.mark.parametrize("as_of", [d(1, 15), d(2, 6), d(4, 1), d(4, 1, 6, 30), d(4, 6), d(6, 16), d(12, 31)])
@pytest.mark.parametrize("params", [{}, {"platforms": ["facebook"]}, {"countries": ["MY"]},
                                    {"provinces": ["32"], "countries": ["TW"]}, {"limit": 1}])
def test_oldest_open_reports_match_the_derivation_from_status_history(reader, as_of, params):
    # 04-01 06:30 is ig.eps's block instant: at it the block is not yet known (as_of is exclusive).
    full = {"as_of": as_of, "platforms": [], "provinces": [], "countries": [], "limit": 10} | params
    stored = reader.query("oldest_open_reports", **full)
    pd.testing.assert_frame_equal(stored, reader.query("oldest_open_reports_from_history", **full))


def test_stored_and_derived_agree_on_the_april_backlog_edge(reader):
    # Sanity check that the comparison above is not vacuous: at 04-01 06:30 ig.eps still waits, a minute later not.
    def handles(as_of):
        return reader.query("oldest_open_reports", as_of=as_of, platforms=[], provinces=[], countries=[],
                            limit=10).handle.tolist()

    assert "ig.eps" in handles(d(4, 1, 6, 30))
    assert "ig.eps" not in handles(d(4, 1, 6, 31))


def test_a_database_from_an_older_version_gives_the_same_briefing(tmp_path, reader):
    old = db.Reader(as_older_version(briefing_database_copy(tmp_path)))
    assert not old.query("status_episodes_built")["built"].iloc[0]
    assert br.episode_queries(old.query) == ("takedown_by_month_from_history", "oldest_open_reports_from_history")
    assert br.episode_queries(reader.query) == ("takedown_by_month", "oldest_open_reports")
    for filters in (H1, dataclasses.replace(H1, provinces=("32",)), dataclasses.replace(H1, countries=("MY",))):
        assert_same_briefing(br.load_briefing(old.query, filters, APRIL), br.load_briefing(reader.query, filters,
                                                                                            APRIL))


def assert_same_briefing(got: br.Briefing, expected: br.Briefing) -> None:
    for field in dataclasses.fields(br.Briefing):
        mine, theirs = getattr(got, field.name), getattr(expected, field.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs, obj=field.name)
        else:
            assert repr(mine) == repr(theirs), field.name  # repr: a KPI median may be NaN, and NaN != NaN


def test_the_next_import_builds_the_table_of_an_older_database(tmp_path):
    path = as_older_version(import_all(tmp_path / "old.duckdb", FIRST))
    assert covered_import(path) is None
    import_all(path, SECOND)
    assert covered_import(path) == 2
    # Every account, not only those of the second export (tt.gamma and ig.eps got nothing new in it).
    assert events(db.Reader(path)) == events(db.Reader(briefing_database()))
    pd.testing.assert_frame_equal(takedown(db.Reader(path)), takedown(db.Reader(briefing_database())))


def test_a_failed_rebuild_keeps_the_import_and_the_briefing_derives_episodes(tmp_path, monkeypatch, reader):
    path = import_all(tmp_path / "failed.duckdb", FIRST)
    # A value that is no timestamp makes the state insert fail after the events were rewritten: all rolled back.
    monkeypatch.setattr(episodes, "_now_jakarta", lambda: "not a time")
    (result,) = import_all_results(path, SECOND)
    assert result.status == "loaded"
    failed = db.Reader(path)
    assert covered_import(path) is None
    assert br.episode_queries(failed.query)[0] == "takedown_by_month_from_history"
    # The events stored after the first export are stale now, but no longer read.
    assert events(failed, "fb.beta") == [("fb.beta", "reported", d(1, 9), INF, 0, d(1, 9), None)]
    monkeypatch.undo()
    import_all(path, CASES)  # the next import rebuilds every account
    assert covered_import(path) == 3
    rebuilt = db.Reader(path)
    assert events(rebuilt) == events(reader)
    assert_same_briefing(br.load_briefing(rebuilt.query, H1, APRIL), br.load_briefing(reader.query, H1, APRIL))


def test_the_page_renders_a_database_from_an_older_version(tmp_path, monkeypatch):
    from tests.conftest import clear_streamlit_caches

    (tmp_path / "built").mkdir()
    (tmp_path / "older").mkdir()
    built = briefing_database_copy(tmp_path / "built")
    older = as_older_version(briefing_database_copy(tmp_path / "older"))
    shown = {}
    for name, path in (("built", built), ("older", older)):
        clear_streamlit_caches()
        monkeypatch.setenv("JARING_DB", str(path))
        at = pick_month(start(), APRIL)
        shown[name] = (metrics(at), [df.value.to_dict("list") for df in at.dataframe])
    clear_streamlit_caches()
    assert shown["older"] == shown["built"]
    assert shown["built"][0][t("briefing.kpi.blocked")][0] == "4"  # fb.beta, ig.eps, fb.theta, fb.alpha in April


def test_empty_database_has_an_empty_table(tmp_path):
    from jaring.ingest import create_database

    create_database(tmp_path / "empty.duckdb")
    reader = db.Reader(tmp_path / "empty.duckdb")
    assert reader.sql("select count(*) as n from status_episode_events")["n"][0] == 0
    assert reader.query("oldest_open_reports", as_of=d(1, 1), platforms=[], provinces=[], countries=[],
                        limit=5).empty
