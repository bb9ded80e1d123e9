"""Report episodes numbered in numpy (jaring.episodes) agree with the window query they replaced.

tests/fixtures/briefing_status_episodes_reference.sql is that query. Both run on seeded random event logs full
of same-instant ties, repeated blocks and restores, rejections and accounts without events; a second import of
events for some accounts checks that the incremental rebuild ends where a full one does.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jaring import db, episodes
from jaring.ingest import create_database

REFERENCE = (Path(__file__).resolve().parent / "fixtures" / "briefing_status_episodes_reference.sql").read_text()
STATUSES = ["reported", "rejected", "blocked", "restored"]


def differences(con) -> tuple[int, int, int]:
    """Rows, rows only in status_episode_events, rows only in the reference."""
    (rows,) = con.execute("select count(*) from status_episode_events").fetchone()
    (extra,) = con.execute(f"select count(*) from (select * from status_episode_events except all ({REFERENCE}))"  # noqa: S608
                           ).fetchone()
    (missing,) = con.execute(f"select count(*) from (({REFERENCE}) except all select * from status_episode_events)"  # noqa: S608
                             ).fetchone()
    return rows, extra, missing


def event_log(rng: random.Random, accounts: range, import_id: int) -> pd.DataFrame:
    start = datetime(2025, 1, 1)
    rows = {(a, "detected", start, import_id) for a in accounts}
    for account in accounts:
        for _ in range(rng.randrange(0, 9)):
            # whole days only, so that different statuses often share an instant
            rows.add((account, rng.choice(STATUSES), start + timedelta(days=rng.randrange(12)), import_id))
    return pd.DataFrame(sorted(rows), columns=["account_id", "status", "changed_at", "import_id"])


def insert(con, import_id: int, history: pd.DataFrame, accounts: range = range(0)) -> None:
    con.execute("insert into imports (import_id, kind, file_name, sha256, started_at) "
                "values ($id, 'detections', 'x', $id::varchar, now())", {"id": import_id})
    con.register("frame", pd.DataFrame({"account_id": list(accounts)}))
    con.execute("insert into accounts (account_id, account_key, platform, handle) "
                "select account_id, 'p:' || account_id, case account_id % 3 when 0 then 'x' else 'tiktok' end, "
                "account_id::varchar from frame")
    con.register("frame", history)
    # an event already logged stays with the import that first brought it
    con.execute("insert into status_history select * from frame f where not exists (select 1 from status_history h "
                "where h.account_id = f.account_id and h.status = f.status and h.changed_at = f.changed_at)")
    con.unregister("frame")


@pytest.mark.parametrize("seed", range(4))
def test_numbering_matches_the_reference_query_full_and_incremental(tmp_path, seed):
    rng = random.Random(seed)
    path = tmp_path / "episodes.duckdb"
    create_database(path)
    with db.writer(path) as con:
        insert(con, 1, event_log(rng, range(1, 80), 1), range(1, 80))
        assert episodes.rebuild_status_episodes(con, strict=True) > 60
        rows, extra, missing = differences(con)
        assert (extra, missing) == (0, 0) and rows > 200
        # a second import: more events for accounts 50..99, of which 80..99 are new
        insert(con, 2, event_log(rng, range(50, 100), 2), range(80, 100))
        redone = episodes.rebuild_status_episodes(con, strict=True)
        (touched,) = con.execute("select count(distinct account_id) from status_history "
                                 "where import_id = 2 and status <> 'detected'").fetchone()
        assert redone == touched
        assert differences(con)[1:] == (0, 0)
        # the data exercise what matters: ties on one instant, several episodes, open and closed ones
        (ties, episodes_2, open_) = con.execute(
            "select (select count(*) from (select account_id, changed_at from status_episode_events "
            "group by all having count(*) > 1)), max(episode), count(*) filter (where next_changed_at = 'infinity' "
            "and episode_blocked_at is null) from status_episode_events").fetchone()
        assert ties > 0 and episodes_2 >= 2 and open_ > 0


def test_numbering_of_no_events_and_an_unknown_status():
    empty = {"account_id": np.array([], dtype=np.int32), "status_code": np.array([], dtype=np.int8),
             "changed_at": np.array([], dtype="datetime64[us]")}
    assert len(episodes.number_episodes(empty)) == 0
    unknown = {"account_id": np.array([1]), "status_code": np.array([0]),
               "changed_at": np.array(["2025-01-01"], dtype="datetime64[us]")}
    with pytest.raises(ValueError, match="status"):
        episodes.number_episodes(unknown)
