"""The detection_regions table: which regions each detection targets (export column, ad text, coordinates)."""

from __future__ import annotations

import csv
import logging
import re
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from jaring import db, geo
from jaring.gazetteer import Gazetteer, default_gazetteer

log = logging.getLogger(__name__)
ALIASES_CSV = db.PROJECT_ROOT / "data" / "reference" / "region_aliases.csv"
# Coordinates further than this from every regency's reference point are not placed (e.g. a post from Malaysia).
MAX_COORDINATE_KM = 100.0
SOURCES = ("column", "text", "coordinates", "geocoded", "none")
INDEX_LAYOUT_COLUMN = "counts_detection"  # present in the current layout of detection_regions


@cache
def first_word_pattern(aliases_csv: Path = ALIASES_CSV) -> str:
    """RE2 pattern for "the text contains the first word of some alias as a whole token" (ASCII text)."""
    with open(aliases_csv, newline="", encoding="utf-8") as handle:
        words = {tokens[0] for row in csv.DictReader(handle) if (tokens := re.findall(r"[a-z0-9]+", row["alias"]))}
    alternatives = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return f"(?:^|[^a-z0-9])(?:{alternatives})(?:$|[^a-z0-9])"


def rebuild_detection_regions(con, full: bool = False, gazetteer: Gazetteer | None = None,
                              strict: bool = False) -> int | None:
    """Bring detection_regions up to date, in its own transaction on a writer connection.

    Only detections written by imports after the last indexed one are recomputed, unless `full`. A failure
    rolls back and is logged (the import that called it still succeeds; the page offers a rebuild).

    Args:
        con: a read-write connection (jaring.db.writer) with no transaction open.
        full: recompute every detection.
        gazetteer: the region gazetteer (default: the bundled reference data).
        strict: re-raise a failure instead of logging it (tests).

    Returns:
        The number of detections (re)indexed, or None when it failed.
    """
    drop_outdated_index(con)
    db.run_script(con, "setup/schema")
    (state,) = con.execute("select max(last_import_id) from region_index_state").fetchone()
    (last_import,) = con.execute("select coalesce(max(import_id), 0) from imports").fetchone()
    if not full and state is not None and state >= last_import:
        return 0  # nothing imported since: leave the file byte-for-byte as it was
    since = 0 if full or state is None else int(state)
    return db.in_transaction(con, lambda: _rebuild(con, since, int(last_import), gazetteer or default_gazetteer()),
                             strict=strict, logger=log,
                             failure="indexing detection regions failed; the Regions page offers a rebuild")


def drop_outdated_index(con) -> None:
    """A database indexed by an earlier version of this module (three columns) is re-indexed from scratch."""
    columns = {row[0] for row in con.execute(
        "select column_name from duckdb_columns() where table_name = 'detection_regions' "
        "and database_name = current_database() and schema_name = 'main'").fetchall()}
    if columns and INDEX_LAYOUT_COLUMN not in columns:
        con.execute("drop table detection_regions")
        con.execute("drop table if exists region_index_state")


def _rebuild(con, since: int, last_import: int, gazetteer: Gazetteer, raw_texts: tuple[str, ...] = ()) -> int:
    todo = {"since": since, "raw_texts": list(raw_texts)}  # names the detections to index (todo_detections)
    db.run_script(con, "regions/index_todo", **todo, pattern=first_word_pattern())
    with db.registered(con, text_mentions=_text_mentions(con, gazetteer),
                       coordinate_regions=_coordinate_regions(con, todo)):
        db.run_script(con, "regions/index_merge", **todo, last_import_id=last_import, built_at=_now_jakarta())
    return int(con.execute("select count(*) from todo_detections($since, $raw_texts)", todo).fetchone()[0])


def _now_jakarta() -> datetime:
    return datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)


def _text_mentions(con, gazetteer: Gazetteer) -> pd.DataFrame:
    """content_text, region_code: each region the gazetteer finds in the candidate ad texts."""
    texts = [row[0] for row in con.execute("select content_text from candidate_texts").fetchall()]
    rows = [(text, match.code) for text in texts for match in gazetteer.mentions(text)]
    return pd.DataFrame(rows, columns=["content_text", "region_code"], dtype=object)


def _coordinate_regions(con, todo: dict) -> pd.DataFrame:
    """lat, lon, region_code: the nearest regency of the coordinates of detections nothing else places."""
    points = con.execute(
        "select distinct lat, lon from todo_detections($since, $raw_texts) where target_region_code is null "
        "and lat between -90 and 90 and lon between -180 and 180", todo).df()
    regencies = con.execute("select code, lat, lon from regions where level = 'regency' and lat is not null").df()
    frame = pd.DataFrame({"lat": pd.Series(dtype=float), "lon": pd.Series(dtype=float),
                          "region_code": pd.Series(dtype=object)})
    if len(points) and len(regencies):
        nearest = geo.nearest_points(points["lat"], points["lon"], regencies)
        keep = nearest["km"].to_numpy() <= MAX_COORDINATE_KM
        frame = pd.DataFrame({"lat": points["lat"][keep], "lon": points["lon"][keep],
                              "region_code": nearest["code"][keep].astype(object)})
    return frame


def reindex_region_texts(con, raw_texts: list[str], gazetteer: Gazetteer | None = None) -> int:
    """Redo the detections whose target-region text is one of `raw_texts` (after a geocode was accepted).

    Runs inside the caller's transaction; a database never indexed gets a full rebuild instead.
    """
    (state,) = con.execute("select max(last_import_id) from region_index_state").fetchone()
    if state is None:
        (last_import,) = con.execute("select coalesce(max(import_id), 0) from imports").fetchone()
        return _rebuild(con, 0, int(last_import), gazetteer or default_gazetteer())
    return _rebuild(con, int(state), int(state), gazetteer or default_gazetteer(), tuple(raw_texts))


def rebuild_database_index(db_path, full: bool = True) -> int | None:
    """Rebuild detection_regions of a database file through the writer (the page's rebuild button)."""
    with db.writer(db_path) as con:
        return rebuild_detection_regions(con, full=full)
