"""The status_episode_events table: each status event with its report episode, brought up to date at import."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

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
    con.execute("begin transaction")
    try:
        db.run_script(con, "briefing/status_episodes", since=since, built_at=_now_jakarta())
        (count,) = con.execute("select count(*) from episode_todo").fetchone()
        con.execute("drop table episode_todo")
        con.execute("commit")
        return int(count)
    except Exception:
        con.execute("rollback")
        if strict:
            raise
        log.exception("building status_episode_events failed; the briefing derives episodes from status_history")
        _forget_state(con)
        return None


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
