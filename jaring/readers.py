"""Read an export file of any supported format into a DuckDB table of text columns, losing nothing.

Every value is read as text (dates, phone numbers and "500.000" are parsed later by Jaring, never guessed by
a sniffer). The rows are the view `raw`, with columns `c0..cN` plus `_row`, the 1-based data row in the file;
lines the CSV parser cannot split go to `raw_rejects(_row, raw, reason)` instead of being dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import python_calamine

from jaring import db
from jaring.columns import guess_kind

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
SUPPORTED_SUFFIXES = CSV_SUFFIXES | EXCEL_SUFFIXES | JSON_SUFFIXES | PARQUET_SUFFIXES
FORMATS = "CSV, TSV, XLS, XLSX, JSON, JSONL or Parquet"  # for messages
DELIMITERS = ",;\t|"
MAX_LINE_BYTES = 8_000_000
HEADER_SEARCH_ROWS = 10  # a spreadsheet report's title and blank rows come before its header row


class UnreadableFile(ValueError):
    """The file cannot be read as an export at all; the message says why, for the analyst."""


@dataclass
class RawTable:
    """What was read: the original headers, in column order."""

    headers: list[str]

    def column(self, header: str) -> str:
        """The `cN` column that holds `header`."""
        return f"c{self.headers.index(header)}"


def read_into(con, path: Path) -> RawTable:
    """Create temp view `raw` (free it with `drop_raw`) and table `raw_rejects` on `con` from the file at `path`.

    Raises:
        UnreadableFile: unsupported type, binary content, no header, or no rows.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(
            f"unsupported file type '{suffix or path.name}'; use {FORMATS}"
        )
    if path.stat().st_size == 0:
        raise UnreadableFile("the file is empty")
    con.execute("create or replace temp table raw_rejects (_row integer, raw varchar, reason varchar)")
    if suffix in CSV_SUFFIXES:
        table = _read_csv(con, path)
    else:
        frame = _read_frame(path, suffix)
        table = _load_frame(con, frame)
    (rows,) = con.execute("select count(*) from raw").fetchone()
    (bad,) = con.execute("select count(*) from raw_rejects").fetchone()
    if rows + bad == 0:
        raise UnreadableFile("the file has a header but no data rows")
    return table


# ---------------------------------------------------------------- CSV


def _decode_to_utf8(path: Path) -> Path:
    """A BOM-less UTF-8 file to read: the original when it already is one, else a decoded temporary copy."""
    with path.open("rb") as handle:
        start = handle.read(65536)
    # Excel's "Unicode Text" export is UTF-16 with a byte order mark: its NUL bytes are text, not binary.
    utf16 = start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in start and not utf16:
        raise UnreadableFile("the file contains binary data, not text; is it really a CSV export?")
    has_bom = start.startswith(codecs.BOM_UTF8)
    if not has_bom and not utf16 and _is_utf8(path):
        return path  # the common case, checked without holding the whole file in memory
    data = path.read_bytes()
    if utf16:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile("the file starts as UTF-16 text but is not: is it damaged?") from exc
        return _utf8_copy(text)
    try:
        text = data[3 if has_bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        # Windows Excel saves CSV as cp1252; bytes cp1252 leaves undefined fall back to latin-1.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _utf8_copy(text)


def _utf8_copy(text: str) -> Path:
    tmp = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="")
    with tmp:
        tmp.write(text)
    return Path(tmp.name)


def _is_utf8(path: Path, block_bytes: int = 1 << 20) -> bool:
    """Whether the file's bytes are valid UTF-8, read block by block; ASCII blocks are not decoded."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while block := handle.read(block_bytes):
                # A block of ASCII after a complete character needs no decoding (bytes.isascii is ~20x faster).
                if decoder.getstate()[0] or not block.isascii():
                    decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _header_and_delimiter(path: Path) -> tuple[list[str], str, int]:
    """The header's column names, the delimiter, and the header's line: the first of the first lines that is a
    detection or case export's header (a spreadsheet report saved as CSV keeps its title lines), else the first."""
    with path.open(encoding="utf-8", newline="") as handle:
        sample = handle.read(65536)
    lines = sample.splitlines()[:HEADER_SEARCH_ROWS]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # One column, or too few lines for the sniffer: pick the delimiter that splits the first line most.
        delimiter = max(DELIMITERS, key=(lines or [""])[0].count)
    for index, line in enumerate(lines):
        for candidate in (delimiter, *(d for d in DELIMITERS if d != delimiter)):
            names = _cells(line, candidate)
            if len(names) >= 2 and guess_kind(names):
                return _unique_names(names), candidate, index
    first_line = lines[0] if lines else ""
    if not first_line.strip():
        raise UnreadableFile("the first line is empty: the file must start with a header row")
    headers = _unique_names(_cells(first_line, delimiter))
    if len(headers) < 2:
        raise UnreadableFile(
            f"could not find a column delimiter in the header line {first_line[:200]!r}; "
            "expected columns separated by , ; tab or |"
        )
    return headers, delimiter, 0


def _cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader(io.StringIO(line), delimiter=delimiter), [])]


def _read_csv(con, path: Path) -> RawTable:
    readable = _decode_to_utf8(path)
    try:
        headers, delimiter, header_line = _header_and_delimiter(readable)
        columns = {f"c{i}": "VARCHAR" for i in range(len(headers))}
        # read_csv appends to its rejects tables: without this, a load of several files counted the lines an
        # earlier file's parser rejected as this file's rejects too.
        con.execute("drop table if exists csv_errors; drop table if exists csv_scans")
        with _file_order(con):
            con.execute(
                """
                create or replace temp table raw_parsed as
                select * from read_csv($path, delim=$delim, header=false, skip=$skip, auto_detect=false,
                                       columns=$columns, quote='"', escape='"', all_varchar=true,
                                       store_rejects=true, rejects_table='csv_errors', rejects_scan='csv_scans',
                                       max_line_size=$max_line)
                """,
                {"path": str(readable), "delim": delimiter, "columns": columns, "max_line": MAX_LINE_BYTES,
                 "skip": header_line + 1},
            )
        _number_csv_rows(con, header_line)
    except Exception as exc:  # DuckDB's own parse failure: report it as an unreadable file
        if isinstance(exc, UnreadableFile):
            raise
        raise UnreadableFile(f"could not parse the CSV: {str(exc).splitlines()[0]}") from exc
    finally:
        if readable != path:
            readable.unlink(missing_ok=True)
    return RawTable(headers=headers)


@contextmanager
def _file_order(con) -> Iterator[None]:
    """Keep insertion order inside the block, even on a connection that does not (the import writer).

    Rows are numbered by their place in `raw_parsed`, and DuckDB parses a large file on several threads at
    once: without this, a million-row export came out numbered in a shuffled order.
    """
    (keeps_order,) = con.execute("select current_setting('preserve_insertion_order')").fetchone()
    con.execute("set preserve_insertion_order = true")
    try:
        yield
    finally:
        con.execute("set preserve_insertion_order = true" if keeps_order else "set preserve_insertion_order = false")


def _number_csv_rows(con, header_line: int) -> None:
    """Temp view `raw`: the parsed rows with their data-row number, counting the lines the parser rejected.

    `header_line`: the header's line index (0: the first line); the parser names a rejected line by its line in
    the file, and its row number counts from the line after the header.
    """
    con.execute(
        """
        create or replace temp table raw_rejects as
        select distinct on (line) (line - 1 - $header_line)::integer as _row, csv_line as raw,
               'line ' || line || ': ' || error_message as reason
        from csv_errors
        order by line, byte_position, error_message  -- a line with several errors: always the first one named
        """,
        {"header_line": header_line},
    )
    # A view, not a copy of a million wide rows: a row's place among the parsed rows.
    db.numbered_view(con, "raw", "raw_parsed", "_row")
    (rejected,) = con.execute("select count(*) from raw_rejects").fetchone()
    if rejected:
        # The k-th parsed row is the k-th data row number not taken by a rejected line. Rare: numbered once,
        # in a copy, rather than in the view every later step scans.
        con.execute(
            """
            create or replace temp table raw_numbered as
            with gaps as (
                select _row - row_number() over (order by _row) + 1 as good_before from raw_rejects
            )
            select (r._row + (select count(*) from gaps where good_before <= r._row))::integer as _row,
                   r.* exclude (_row)
            from raw r
            """
        )
        con.execute("drop view raw")
        con.execute("drop table raw_parsed")
        con.execute("alter table raw_numbered rename to raw_parsed")
        con.execute("create or replace temp view raw as select * from raw_parsed")


def drop_raw(con) -> None:
    """Free the rows `read_into` created (the `raw` view and the table behind it)."""
    con.execute("drop view raw")
    con.execute("drop table raw_parsed")


# ---------------------------------------------------------------- other formats


def _read_frame(path: Path, suffix: str) -> pd.DataFrame:
    try:
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(path)
        if suffix in JSON_SUFFIXES:
            return _read_json(path, lines=suffix != ".json")
        return pd.read_parquet(path)
    except UnreadableFile:
        raise
    except Exception as exc:  # any parser error of a corrupt file becomes a clear message
        raise UnreadableFile(f"could not read the {suffix.lstrip('.').upper()} file: {exc}") from exc


def _read_excel(path: Path) -> pd.DataFrame:
    """The workbook's export: on the first sheet with a detection or case export's header row among its first
    rows (a summary or cover sheet often comes first, a report's title rows above the header), else the first
    sheet with at least two columns, its first row the header.

    Read with python-calamine (.xls, still common in offices, and .xlsx), cell values as they are stored (text,
    numbers, dates): _as_text turns them into the text a CSV would hold.
    """
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    sheets = [rows for name in workbook.sheet_names
              if (rows := _sheet_rows(workbook.get_sheet_by_name(name))) and len(rows[0]) >= 2]
    if not sheets:
        raise UnreadableFile("no sheet in the workbook has a header row with at least two columns")
    for rows in sheets:
        for row in range(min(len(rows), HEADER_SEARCH_ROWS)):
            if guess_kind(_header_names(rows[row])):
                return _below_header(rows, row)
    return _below_header(sheets[0], 0)


def _sheet_rows(sheet) -> list[list]:
    """A sheet's used area, row by row, a cell merged down a column repeated in every row it covers: a report
    groups rows under one platform or date that way. (A cell merged across columns, a title, stays in its first.)"""
    rows = sheet.to_python()
    top, left = sheet.start or (0, 0)
    for (first_row, column), (last_row, last_column) in sheet.merged_cell_ranges or ():
        if column != last_column or not 0 <= first_row - top < len(rows):
            continue
        value = rows[first_row - top][column - left]
        for row in range(first_row - top + 1, min(last_row - top + 1, len(rows))):
            rows[row][column - left] = value
    return rows


def _header_names(cells: list) -> list[str]:
    """Column names from a spreadsheet header row's cells (see _unique_names)."""
    return _unique_names(["" if cell is None else str(cell) for cell in cells])


def _unique_names(names: list[str]) -> list[str]:
    """Header names as pandas makes them: "Unnamed: i" for an empty one, ".1", ".2" after a repeated one. Two
    "No HP" columns are then two phone columns, and a rejected row's raw text keeps both cells."""
    unique, seen = [], {}
    for i, name in enumerate(names):
        name = name.strip() or f"Unnamed: {i}"
        unique.append(f"{name}.{seen[name]}" if name in seen else name)
        seen[name] = seen.get(name, 0) + 1
    return unique


def _below_header(rows: list[list], header: int) -> pd.DataFrame:
    return pd.DataFrame(rows[header + 1:], columns=_header_names(rows[header]), dtype=object)


def _read_json(path: Path, lines: bool) -> pd.DataFrame:
    text = path.read_text(encoding="utf-8-sig")
    if lines or not text.lstrip().startswith(("[", "{")):
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        records = json.loads(text)
        if isinstance(records, dict):
            # Common wrappers: {"data": [...]}, {"records": [...]}, {"rows": [...]}
            records = next((v for v in records.values() if isinstance(v, list)), [records])
    if not all(isinstance(r, dict) for r in records):
        raise UnreadableFile("the JSON must be a list of objects (one per row)")
    return pd.DataFrame.from_records(records)


def _as_text(value) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        # A whole number stored as float (a pandas column with a gap): the text a CSV of it would hold, so the
        # id 1001, the phone 6281234567890 or the victims 3 read the same in every format.
        return str(int(value))
    if isinstance(value, list | tuple):
        return "; ".join(t for v in value if (t := _as_text(v)))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _load_frame(con, frame: pd.DataFrame) -> RawTable:
    headers = [str(c).strip() for c in frame.columns]
    text = pd.DataFrame(
        {f"c{i}": frame.iloc[:, i].map(_as_text).astype(object) for i in range(len(headers))}
    )
    text.insert(0, "_row", range(1, len(text) + 1))
    column_casts = ", ".join(f"c{i}::varchar as c{i}" for i in range(len(headers)))
    with db.registered(con, raw_frame=text):
        con.execute(f"create or replace temp table raw_parsed as select _row::integer as _row, {column_casts} "  # noqa: S608
                    "from raw_frame")  # generated cN names only
    con.execute("create or replace temp view raw as select * from raw_parsed")
    return RawTable(headers=headers)
