"""Import detection and case exports into the database: one transaction per file, idempotent, nothing lost."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from jaring import columns, db, staging
from jaring.readers import RawTable, UnreadableFile, drop_raw, read_into

log = logging.getLogger(__name__)
JAKARTA = ZoneInfo("Asia/Jakarta")
REFERENCE_DIR = db.PROJECT_ROOT / "data" / "reference"

Progress = Callable[[float, str], None]
KIND_NOUNS = {columns.DETECTIONS: "detection", columns.CASES: "case"}


class ImportRejected(ValueError):
    """The file as a whole cannot be imported (wrong columns, unknown kind); nothing was written."""


@dataclass
class ImportResult:
    """What happened to one file; `status` is loaded, skipped (already imported) or failed."""

    file_name: str
    status: str
    kind: str | None = None
    import_id: int | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    new_accounts: int = 0
    new_detections: int = 0
    new_cases: int = 0
    status_changes: int = 0
    invalid_identifiers: int = 0
    unresolved_regions: int = 0
    unused_columns: str = ""  # the file's headers no field took (columns.describe_unused): a misspelt one leaves
    # its values out
    message: str = ""

    def summary(self) -> str:
        """One line for the terminal."""
        if self.status == "failed":
            return f"FAILED  {self.file_name}: {self.message}"
        if self.status == "skipped":
            return f"skipped {self.file_name}: {self.message}"
        extra = (f"{self.new_accounts} new accounts, {self.status_changes} status changes"
                 if self.kind == columns.DETECTIONS else f"{self.new_cases} new cases")
        unused = f"; columns not used: {self.unused_columns}" if self.unused_columns else ""
        return (f"loaded  {self.file_name} as {self.kind} (import #{self.import_id}): {self.rows_read} rows read, "
                f"{self.rows_loaded} loaded, {self.rows_rejected} rejected; {extra}; "
                f"{self.unresolved_regions} rows without a resolved region, "
                f"{self.invalid_identifiers} unreadable identifiers{unused}")

    def as_dict(self) -> dict:
        """Plain dict, for tables in the app."""
        return asdict(self)


def now_jakarta() -> datetime:
    """The current Asia/Jakarta wall-clock time, as stored in the database."""
    return datetime.now(JAKARTA).replace(tzinfo=None)


def ensure_schema(con) -> None:
    """Create missing tables and load the reference regions and countries.

    A region index of an older layout is dropped first (the import's rebuild redoes it in full): the derived
    tables are then rebuilt at once on several cursors and only meet tables that exist (_rebuild_derived_tables).
    """
    from jaring.region_index import drop_outdated_index  # late, as in _rebuild_derived_tables

    drop_outdated_index(con)
    db.run_script(con, "setup/schema")
    (regions,) = con.execute("select count(*) from regions").fetchone()
    if regions == 0:
        db.run_script(con, "setup/reference", regions_csv=str(REFERENCE_DIR / "regions.csv"),
                      countries_csv=str(REFERENCE_DIR / "countries.csv"))


def create_database(db_path: str | Path) -> None:
    """Create an empty database with the schema and reference data (no-op when it exists)."""
    with db.writer(db_path) as con:
        ensure_schema(con)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_files(db_path: str | Path, paths: Iterable[str | Path], kind: str | None = None,
                 source: str = "real", progress: Progress | None = None,
                 display_names: dict[Path, str] | None = None) -> list[ImportResult]:
    """Import each file in its own transaction; a failed file leaves no trace and the others still load.

    Args:
        db_path: the database file (created when missing).
        paths: export files.
        kind: "detections" or "cases"; None detects it from the headers.
        source: "real", or "demo" for the synthetic demo data.
        progress: optional callback(fraction 0..1, message).
        display_names: optional name to record per path (uploads are saved under temporary names).

    Returns:
        One ImportResult per file, in order.
    """
    paths = [Path(p) for p in paths]
    report = progress or (lambda fraction, message: None)
    results = []
    with db.writer(db_path) as con, ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256") as hashing:
        ensure_schema(con)
        con.execute(db.load_query("setup/macros"))
        for index, path in enumerate(paths):
            name = (display_names or {}).get(path, path.name)
            report(index / max(len(paths), 1), name)
            results.append(_import_guarded(con, path, name, kind, source, hashing))
        _rebuild_derived_tables(con)
        report(1.0, "")
    return results


def _rebuild_derived_tables(con) -> None:
    """Bring the tables the pages read (not the export's own) up to date with the imports.

    The three are independent (each reads tables of the import, writes its own, in its own transaction), so they
    run at once, each on its own cursor: one's Python work (network components, place names in ad texts) then
    overlaps another's SQL. On a million-row import this took 1.84 s instead of 2.0-2.2 s.
    """
    # Imported late: the parsing helpers (jaring.ingest.parse_timestamps) should not load numpy and the rest.
    from jaring.episodes import rebuild_status_episodes
    from jaring.networks import rebuild_networks
    from jaring.region_index import rebuild_detection_regions

    # Their tables exist (ensure_schema, at the start of the load): two transactions creating the same table at
    # once would conflict.
    rebuilds = (
        rebuild_status_episodes,  # each status event's report episode, read by the briefing
        rebuild_detection_regions,  # regions each new detection targets (column, ad text, coordinates)
        partial(rebuild_networks, quiet_failure=True),  # recruiter networks with stable ids; never raises
    )
    with ThreadPoolExecutor(max_workers=len(rebuilds), thread_name_prefix="derived") as pool:
        running = [pool.submit(_on_own_cursor, con, rebuild) for rebuild in rebuilds]
        for future in running:
            future.result()  # a failure the rebuild does not log itself propagates, as it did one after another


def _on_own_cursor(con, rebuild: Callable) -> None:
    """Run `rebuild(cursor)` on a new cursor of `con` (a connection of its own, with its own transaction)."""
    cursor = con.cursor()
    try:
        rebuild(cursor)
    finally:
        cursor.close()


def _import_guarded(con, path: Path, name: str, kind: str | None, source: str,
                    hashing: ThreadPoolExecutor) -> ImportResult:
    # The file is hashed on another thread while DuckDB parses it (each takes a share of a million-row import).
    # An exact repeat is therefore parsed before it is skipped: a cost only for the mistake, not every import.
    digest = hashing.submit(file_sha256, path)
    con.execute("begin transaction")
    try:
        raw = read_into(con, path)
        sha = digest.result()
        previous = con.execute("select import_id from imports where sha256 = $sha order by import_id limit 1",
                               {"sha": sha}).fetchone()
        if previous:
            con.execute("rollback")
            return ImportResult(name, "skipped", import_id=previous[0],
                                message=f"this exact file was already imported (import #{previous[0]}); "
                                        "nothing added")
        result = _import_one(con, raw, name, sha, kind, source)
        con.execute("commit")
        return result
    except Exception as exc:  # keep other files loading; the analyst gets a message, the log the trace
        con.execute("rollback")
        return _failure(name, kind, exc, digest)


def _failure(name: str, kind: str | None, exc: Exception, digest: Future) -> ImportResult:
    """The result of a file that could not be imported; called while `exc` is being handled."""
    unreadable = digest.exception()  # waits for the hash: a file that cannot be read says so first
    if isinstance(unreadable, OSError):
        return ImportResult(name, "failed", message=f"cannot read the file: {unreadable.strerror or unreadable}")
    if isinstance(exc, UnreadableFile | ImportRejected):
        return ImportResult(name, "failed", kind=kind, message=str(exc))
    log.exception("import of %s failed", name)
    return ImportResult(name, "failed", kind=kind, message=f"internal error ({type(exc).__name__}): {exc}")


def _resolve_kind(raw: RawTable, kind: str | None) -> str:
    guessed = columns.guess_kind(raw.headers)
    if kind is not None:
        if kind not in columns.KINDS:
            raise ImportRejected(f"unknown kind {kind!r}; use detections or cases")
        if guessed not in (None, kind):
            # A detection export's phone, account and report-date columns also pass for a case export's: loaded
            # as the kind asked for, it would turn posts into cases.
            markers = ", ".join(repr(h) for h in columns.marker_headers(raw.headers, guessed))
            raise ImportRejected(
                f"{kind} was asked for, but the headers look like a {KIND_NOUNS[guessed]} export ({markers}); "
                f"nothing was imported. Check the file, or let Jaring tell the kind (leave out --kind)")
        return kind
    if guessed is None:
        found = ", ".join(repr(h) for h in raw.headers[:30])
        raise ImportRejected(
            "cannot tell whether this is a detection export or a case export from its headers "
            f"({found}); pass --kind detections or --kind cases"
        )
    return guessed


def _import_one(con, raw: RawTable, name: str, sha: str, kind: str | None, source: str) -> ImportResult:
    kind = _resolve_kind(raw, kind)
    mapping = columns.map_headers(raw.headers, kind)
    if mapping.missing_required():
        raise ImportRejected(f"not a {kind} export: " + columns.describe_missing(mapping, raw.headers))
    started = now_jakarta()
    (import_id,) = con.execute(
        "insert into imports (kind, file_name, sha256, source, column_mapping, started_at) "
        "values ($kind, $name, $sha, $source, $mapping, $started) returning import_id",
        {"kind": kind, "name": name, "sha": sha, "source": source,
         "mapping": json.dumps(mapping.as_json(), ensure_ascii=False), "started": started},
    ).fetchone()
    con.execute("create or replace temp table ctx as select $id::integer as import_id, $now::timestamp as now_jakarta",
                {"id": import_id, "now": started})
    staging.build_source(con, raw, mapping)
    detections = kind == columns.DETECTIONS
    (staging.build_detection_maps if detections else staging.build_case_maps)(con, mapping)
    _collect_rejects(con, raw)
    db.run_script(con, "ingest/merge_identifiers")
    db.run_script(con, "ingest/merge_detections" if detections else "ingest/merge_cases")
    db.run_script(con, "ingest/record_outcome")
    con.execute("update imports set finished_at = $now where import_id = $id", {"now": now_jakarta(), "id": import_id})
    return _result(con, name, kind, import_id, columns.describe_unused(mapping))


def _collect_rejects(con, raw: RawTable) -> None:
    """Temp tables `all_rejects` (parser and validation rejects, each with the row as header -> text JSON)
    and `read_counts`; drops `raw`."""
    column_list = ", ".join(f"r.c{i}" for i in range(len(raw.headers)))  # generated cN names only
    rows = con.execute(
        f"select s._row, s.reason, {column_list} from stg_rejects s join raw r using (_row) order by s._row"  # noqa: S608
    ).fetchall()
    frame = pd.DataFrame(
        [(row, json.dumps(dict(zip(raw.headers, values, strict=True)), ensure_ascii=False), reason)
         for row, reason, *values in rows],
        columns=["_row", "raw", "reason"], dtype=object)
    with db.registered(con, validation_rejects=frame):
        con.execute("create or replace temp table all_rejects as select * from raw_rejects union all "
                    "select _row::integer, raw::varchar, reason::varchar from validation_rejects")
    # The raw rows are no longer needed: free their memory before the merge.
    con.execute("create or replace temp table read_counts as select "
                "(select count(*) from raw) + (select count(*) from raw_rejects) - (select rows from blank_rows) "
                "as rows_read")
    drop_raw(con)


def _result(con, name: str, kind: str, import_id: int, unused: str) -> ImportResult:
    row = con.execute(
        "select rows_read, rows_loaded, rows_rejected, new_accounts, new_detections, new_cases, status_changes, "
        "invalid_identifiers, (select coalesce(sum(rows), 0) from unresolved_regions u "
        "where u.import_id = i.import_id) from imports i where import_id = $id",
        {"id": import_id},
    ).fetchone()
    fields = ("rows_read", "rows_loaded", "rows_rejected", "new_accounts", "new_detections", "new_cases",
              "status_changes", "invalid_identifiers", "unresolved_regions")
    return ImportResult(name, "loaded", kind=kind, import_id=import_id, unused_columns=unused,
                        **dict(zip(fields, map(int, row), strict=True)))


def parse_timestamps(texts: list[str | None]) -> list[datetime | None]:
    """Parse export date texts exactly as an import does (Asia/Jakarta wall-clock time, None if unreadable)."""
    con = db.memory_connection()
    con.execute(db.load_query("setup/macros"))
    frame = pd.DataFrame({"i": range(len(texts)), "s": pd.Series(texts, dtype=object)})
    db.register_frame(con, "texts", frame)
    rows = con.execute("select jaring_timestamp(s) from texts order by i").fetchall()
    return [row[0] for row in rows]
