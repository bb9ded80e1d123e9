"""The one place that talks to DuckDB: database location, readers, the writer, and named queries.

Connection model. DuckDB lets one process hold a file for writing, and any open connection (even read-only)
in another process blocks a writer. The dashboard must keep reading while an analyst runs `jaring load`, so:

* Readers (the app, notebooks via `jaring`) open the database file **read-only** and never write to it.
* The writer never opens the live file. It takes an exclusive lock file, copies the database to a working
  file next to it, writes there (one transaction per imported file), checkpoints, and atomically renames the
  working file over the live one. A reader that still has the old file open keeps reading a consistent old
  snapshot; the next read notices the new file (its inode/mtime changed) and reopens.
* A failure anywhere before the rename leaves the live file byte-for-byte untouched.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
from filelock import FileLock, Timeout

from jaring.derived_tables import REGION_INDEX_TABLES

T = TypeVar("T")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = PROJECT_ROOT / "queries"
DEFAULT_DB = PROJECT_ROOT / "data" / "jaring.duckdb"
WRITER_LOCK_TIMEOUT_S = 600
WRITER_MEMORY_LIMIT = os.environ.get("JARING_IMPORT_MEMORY", "1200MB")


class QueryError(RuntimeError):
    """A named query failed; the message carries the query name and its SQL."""


class WriterBusy(RuntimeError):
    """Another process kept the writer lock for longer than we were willing to wait."""


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit path, else `JARING_DB`, else `data/jaring.duckdb` in the project."""
    chosen = explicit or os.environ.get("JARING_DB") or DEFAULT_DB
    return Path(chosen).expanduser().resolve()


# ---------------------------------------------------------------- named queries


@cache
def load_query(name: str) -> str:
    """The SQL text of `queries/<name>.sql` (names may contain a sub-folder, e.g. 'ingest/upsert')."""
    if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)*", name):
        raise QueryError(f"invalid query name {name!r}")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no query file {path}")
    return path.read_text(encoding="utf-8")


def _strip_comments_and_strings(sql: str) -> str:
    """Remove comments and string literals so that `$name` inside them is not taken for a parameter."""
    sql = re.sub(r"--[^\n]*", " ", sql)
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    return re.sub(r"'(?:[^']|'')*'", "''", sql)


@cache
def query_parameters(name: str) -> frozenset[str]:
    """The `$named` parameters a query uses."""
    return frozenset(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", _strip_comments_and_strings(load_query(name))))


def execute_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Run a named query with exactly the parameters it declares; errors name the query."""
    wanted = query_parameters(name)
    missing, extra = wanted - params.keys(), params.keys() - wanted
    if missing or extra:
        raise QueryError(f"query {name}: missing parameters {sorted(missing)}, unexpected {sorted(extra)}")
    sql = load_query(name)
    try:
        return con.execute(sql, params or None)
    except duckdb.Error as exc:
        raise QueryError(f"query {name} failed: {exc}\n--- SQL ---\n{sql}") from exc


# ---------------------------------------------------------------- readers


def file_version(path: Path) -> tuple[int, int, int] | None:
    """Identity of the current database file; changes whenever the writer swaps in a new one."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class Reader:
    """Read-only access to one database file, reopened automatically when the writer replaces it.

    Safe to share between threads: each query runs on its own cursor.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._version: tuple[int, int, int] | None = None

    @property
    def version(self) -> tuple[int, int, int] | None:
        """The file identity; pass it into caches so results refresh after an import."""
        return file_version(self.path)

    def exists(self) -> bool:
        """Whether the database file exists."""
        return self.path.is_file()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        version = self.version
        if version is None:
            raise FileNotFoundError(f"no database at {self.path}")
        with self._lock:
            if self._con is None or version != self._version:
                # Not closed: a query still running on the old connection in another session finishes on the
                # old, consistent snapshot, and the connection is freed when its last cursor goes.
                self._con = _open_read_only(self.path)
                self._version = version
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor on the current file."""
        cursor = self._connection().cursor()
        # A cursor starts in the in-memory catalog: read the attached file first, then find the shared macros.
        cursor.execute("set search_path = 'jaring.main,memory.main'")
        return cursor

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run `queries/<name>.sql` with named parameters and return a DataFrame."""
        return execute_query(self.cursor(), name, **params).df()

    def sql(self, statement: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run a constant statement (tests and the CLI's info); user values only as parameters."""
        return self.cursor().execute(statement, params).df()


def _attach_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A new in-memory instance with the file attached read-only.

    `duckdb.connect(path)` would hand back the process's cached instance of the file while any connection to
    it is alive, i.e. the old file after the writer swapped in a new one: a reader would never see an import.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute("attach $path as jaring (read_only)", {"path": str(path)})
        run_script(con, "setup/reader_macros")
        # A table macro binds its tables when created, and older files lack the region index's tables (or a dropped
        # one awaits its rebuild): there the region macros are left out (the region queries run only once
        # regions.index_state found the index).
        (present,) = con.execute(
            "select count(*) from duckdb_tables() where database_name = 'jaring' and schema_name = 'main' "
            "and list_contains($tables, table_name)", {"tables": sorted(REGION_INDEX_TABLES)}
        ).fetchone()
        if present == len(REGION_INDEX_TABLES):
            run_script(con, "setup/region_macros")
    except BaseException:
        con.close()
        raise
    return con


def _open_read_only(path: Path, attempts: int = 50) -> duckdb.DuckDBPyConnection:
    """Open read-only, waiting briefly if some other tool (a notebook) holds the file for writing."""
    for attempt in range(attempts):
        try:
            return _attach_read_only(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.1)
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- the writer


def _work_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.work")


def _remove_database_files(path: Path) -> None:
    for candidate in (path, Path(f"{path}.wal")):
        candidate.unlink(missing_ok=True)
    shutil.rmtree(f"{path}.tmp", ignore_errors=True)


@contextmanager
def writer(path: str | os.PathLike, timeout_s: float = WRITER_LOCK_TIMEOUT_S) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection on a working copy that replaces the live file when the block succeeds.

    Raises:
        WriterBusy: another writer held the lock longer than `timeout_s`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(f"{path}.lock")
    try:
        lock.acquire(timeout=timeout_s)
    except Timeout as exc:
        raise WriterBusy(f"another import into {path} is still running") from exc
    work = _work_path(path)
    try:
        _remove_database_files(work)
        if path.exists():
            shutil.copyfile(path, work)
        # Imports of a million rows must fit an office laptop: DuckDB spills to disk beyond this limit.
        con = duckdb.connect(str(work), config={"memory_limit": WRITER_MEMORY_LIMIT, "preserve_insertion_order": False,
                                                "temp_directory": f"{work}.tmp"})
        # DuckDB would draw a progress bar over the CLI's output for every statement longer than 2 s.
        con.execute("set enable_progress_bar = false")
        try:
            yield con
            con.execute("checkpoint")
        finally:
            con.close()
        _replace(work, path)
    finally:
        _remove_database_files(work)
        lock.release()


def _replace(work: Path, live: Path, attempts: int = 50) -> None:
    # On Windows a file open by a reader cannot be replaced; readers hold it only briefly, so retry.
    for attempt in range(attempts):
        try:
            os.replace(work, live)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _statements(sql: str) -> list[str]:
    """Split a script of our own on statement ends (a `;` closing a line); our scripts keep that form."""
    return [part.strip() for part in re.split(r";[ \t]*(?:--[^\n]*)?\n", sql + "\n") if _has_code(part)]


def _has_code(part: str) -> bool:
    return bool(_strip_comments_and_strings(part).strip())


def run_script(con: duckdb.DuckDBPyConnection, name: str, **params) -> None:
    """Execute a multi-statement SQL file of `queries/`, giving each statement the parameters it uses."""
    for statement in _statements(load_query(name)):
        used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", _strip_comments_and_strings(statement)))
        missing = used - params.keys()
        if missing:
            raise QueryError(f"script {name}: missing parameters {sorted(missing)}")
        try:
            con.execute(statement, {k: params[k] for k in used} or None)
        except duckdb.Error as exc:
            raise QueryError(f"script {name} failed: {exc}\n--- statement ---\n{statement}") from exc


def register_frame(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """Make a DataFrame visible to SQL under `name` (a constant chosen by the caller)."""
    con.register(name, frame)


def in_transaction(con: duckdb.DuckDBPyConnection, work: Callable[[], T], *, strict: bool, failure: str,
                   logger: logging.Logger) -> T | None:
    """Run `work()` in its own transaction: committed when it returns, rolled back when it raises.

    The derived tables (episodes, region index, networks) are rebuilt this way after an import: their failure
    must not lose the import, so unless `strict` it is logged with `failure` and None is returned.
    """
    con.execute("begin transaction")
    try:
        result = work()
        con.execute("commit")
        return result
    except Exception:
        con.execute("rollback")
        if strict:
            raise
        logger.exception(failure)
        return None


def numbered_view(con: duckdb.DuckDBPyConnection, view: str, table: str, id_column: str) -> None:
    """Temp view `view`: the rows of temp table `table` with `id_column`, their place in it (1, 2, ...).

    row_number() would renumber every row on one thread (a million parsed rows, 620k distinct cell values with
    their row lists). Inside a transaction row ids start at a large offset, not at 0. Names are constants.
    """
    con.execute(f"create or replace temp view {view} as "  # noqa: S608
                f"select (t.rowid - o.first_rowid + 1)::integer as {id_column}, t.* "
                f"from {table} t cross join (select min(rowid) as first_rowid from {table}) o")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **frames) -> Iterator[None]:
    """Make DataFrames or Arrow tables visible to SQL under their keyword names (constants) inside the block."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            try:
                con.unregister(name)
            except duckdb.Error:
                # After a failed statement the transaction is aborted and even unregistering fails; the rollback
                # that follows drops the views anyway, and the original error must not be masked.
                pass


def memory_connection() -> duckdb.DuckDBPyConnection:
    """A throw-away in-memory database (benchmark data generation, parsing helpers)."""
    return duckdb.connect()
