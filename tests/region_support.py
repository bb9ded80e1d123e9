"""The region index's candidate ad texts (queries/regions/index_todo.sql), for the tests of its prefilter."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jaring import db
from jaring.ingest import create_database
from jaring.region_index import first_word_pattern


def candidate_texts(folder: Path, ad_texts: list[str]) -> set[str]:
    """candidate_texts of index_todo.sql on a new database in `folder` whose detections carry `ad_texts`."""
    path = folder / "candidates.duckdb"
    create_database(path)
    with db.writer(path) as con:
        con.execute("insert into accounts (account_id, account_key, platform, handle) values (1, 'x:a', 'x', 'a')")
        frame = pd.DataFrame({"content_text": pd.Series(ad_texts, dtype=object)})
        with db.registered(con, frame=frame):
            con.execute("insert into detections (detection_id, account_id, detected_at, content_text, import_id) "
                        "select 'd' || row_number() over (), 1, timestamp '2025-01-01', content_text, 1 from frame")
        db.run_script(con, "regions/index_todo", since=0, raw_texts=[], pattern=first_word_pattern())
        return {row[0] for row in con.execute("select content_text from candidate_texts").fetchall()}
