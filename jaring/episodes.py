"""The status_episode_events table: each status event with its report episode, brought up to date at import."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa

from jaring import db

log = logging.getLogger(__name__)


def rebuild_status_episodes(con, full: bool = False, strict: bool = False) -> int | None:
    """Bring status_episode_events up to date, in its own transaction on a writer connection.

    Only accounts that gained a status event since the last rebuild are recomputed, unless `full` (or the table
    was never built). Nothing is written when no import happened since, so the file stays byte-for-byte as it
    was. A failure rolls back and drops status_episode_state: until an import rebuilds the table, the briefing
    derives episodes from status_history (queries/status_episodes_built.sql), and the import still succeeds.

    Args:
        con: a read-write connection (jaring.db.writer) with no transaction open.
        full: recompute every account.
        strict: re-raise a failure instead of logging it (tests).

    Returns:
        The number of accounts whose events were (re)computed, or None when it failed.
    """
    db.run_script(con, "setup/schema")  # a file created by an older version lacks status_episode_events
    covered = _covered_import(con)
    (last_import,) = con.execute("select coalesce(max(import_id), 0) from imports").fetchone()
    if not full and covered is not None and covered >= last_import:
        return 0
    since = 0 if full or covered is None else covered
    count = db.in_transaction(con, lambda: _recompute(con, since), strict=strict, logger=log,
                              failure="building status_episode_events failed; the briefing derives episodes "
                                      "from status_history")
    if count is None:
        _forget_state(con)
    return count


def _recompute(con, since: int) -> int:
    """Replace the rows of the accounts with status events from imports after `since`; their number."""
    db.run_script(con, "briefing/status_episode_todo", since=since)
    sequence = db.execute_query(con, "briefing/status_episode_sequence", since=since).fetchnumpy()
    events = number_episodes(sequence)
    with db.registered(con, stg_episode_events=events):
        db.run_script(con, "briefing/status_episodes", since=since, built_at=_now_jakarta())
    accounts = np.asarray(sequence["account_id"])  # sorted: count where it changes
    return int(np.count_nonzero(accounts[1:] != accounts[:-1])) + int(len(accounts) > 0)


def number_episodes(sequence: dict) -> pa.Table:
    """Each status event's next event and report episode, from the events in order (status_episode_sequence).

    One sort (in DuckDB) and linear passes here replace a window, a group by and a join back in SQL. An episode
    is closed by a block or a restore: its number counts the account's blocks and restores before the event; its
    reported_at is its first report and its blocked_at its block (at most one, as the block closes it).

    Args:
        sequence: account_id, status_code (1 reported, 2 rejected, 3 blocked, 4 restored), changed_at, sorted by
            account, instant and status_code.

    Returns:
        The rows queries/briefing/status_episodes.sql stores (next_changed_at null after an account's last event),
        as an Arrow table: DuckDB reads its numpy buffers as they are (a DataFrame took longer than the numbering).

    Raises:
        ValueError: a status other than those four (the importer writes no other).
    """
    account = np.asarray(sequence["account_id"], dtype=np.int32)
    code = np.asarray(sequence["status_code"], dtype=np.int8)
    at = np.asarray(sequence["changed_at"]).astype("datetime64[us]").view(np.int64)
    if (code == 0).any():
        raise ValueError("status_history holds a status the report episodes do not know")
    first = np.r_[True, account[1:] != account[:-1]][: len(account)]
    last = np.r_[first[1:], True][: len(account)]
    closes = (code == 3) | (code == 4)
    before = np.cumsum(closes, dtype=np.int32) - closes  # blocks and restores before each event, all accounts
    starts = np.flatnonzero(first)
    episode = before - np.repeat(before[starts], np.diff(np.r_[starts, len(account)]))
    # an episode opens at an account's first event and after each block or restore
    opens = first | np.r_[False, closes[:-1]][: len(account)]
    runs, run = np.flatnonzero(opens), np.cumsum(opens) - 1
    never, no_time = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    reported = _per_run(np.minimum, np.where(code == 1, at, never), runs)[run]
    blocked = _per_run(np.maximum, np.where(code == 3, at, no_time), runs)[run]
    return pa.table({
        "account_id": account, "status_code": code, "changed_at": _timestamps(at),
        "next_changed_at": _timestamps(np.r_[at[1:], no_time][: len(at)], last),
        "episode": episode, "episode_reported_at": _timestamps(reported, reported == never),
        "episode_blocked_at": _timestamps(blocked, blocked == no_time),
    })


def _timestamps(micros: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
    return pa.array(micros, type=pa.timestamp("us"), mask=missing)


def _per_run(ufunc, values: np.ndarray, runs: np.ndarray) -> np.ndarray:
    """ufunc.reduceat over the runs starting at `runs` (reduceat rejects an empty array)."""
    return ufunc.reduceat(values, runs) if len(runs) else values[:0]


def rebuild_database_episodes(db_path, full: bool = True) -> int | None:
    """Rebuild status_episode_events of a database file through the writer (maintenance, benchmarks)."""
    with db.writer(db_path) as con:
        return rebuild_status_episodes(con, full=full)


def _covered_import(con) -> int | None:
    """The last import whose status events are in the table; None when it was never built."""
    (present,) = con.execute(
        "select count(*) from duckdb_tables() where table_name = 'status_episode_state' "
        "and database_name = current_database() and schema_name = 'main'").fetchone()
    if not present:
        return None
    (covered,) = con.execute("select max(last_import_id) from status_episode_state").fetchone()
    return covered


def _forget_state(con) -> None:
    # Without the state table readers no longer trust status_episode_events, and the next rebuild is a full one.
    try:
        con.execute("drop table if exists status_episode_state")
    except Exception:
        log.exception("could not drop status_episode_state after a failed rebuild")


def _now_jakarta() -> datetime:
    return datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
