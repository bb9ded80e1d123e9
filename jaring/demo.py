"""Synthetic demo exports for Jaring: detection and case files that look like the real problem.

Everything is invented (tables in `jaring/demo_data.py`): every phone number holds a 0000 block, every bank
account number starts with 0000, every website and e-mail domain ends in `.example`. `jaring/demo_world.py`
generates who exists, who is linked and when accounts are reported and blocked; `jaring/demo_text.py` writes
it the messy way people do; this module assembles the export files. Same seed and same `today` give
byte-identical files: the XLSX is re-zipped with fixed timestamps because openpyxl stamps the current time
into the archive and into `docProps/core.xml`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
from openpyxl.cell import WriteOnlyCell

from jaring import demo_data as D
from jaring.demo_model import DemoModel, Post
from jaring.demo_text import case_row, fmt_day, fmt_status, post_fields
from jaring.demo_world import build_model

__all__ = ["build_demo", "write_demo_exports"]

PREFIX = "DEMO-SINTETIS"


def write_demo_exports(out_dir: Path, seed: int = 7, today: date | None = None) -> list[Path]:
    """Write the synthetic demo export files.

    Args:
        out_dir: folder to write into (created if missing).
        seed: random seed; the same seed and `today` give byte-identical files.
        today: the day the data ends; defaults to `date.today()`.

    Returns:
        The paths in the order they should be imported: the long detection CSV, the later monthly XLSX
        that overlaps it and updates statuses, then the case CSV.
    """
    model = build_model(seed=seed, today=today or date.today())
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    first, cutoff, today = model.months[0], model.cutoff, model.today
    csv_path = out_dir / f"{PREFIX}_deteksi_{first:%Y-%m}_{cutoff:%Y-%m}.csv"
    xlsx_path = out_dir / f"{PREFIX}_deteksi_{today:%Y-%m}.xlsx"
    case_path = out_dir / f"{PREFIX}_pengaduan_kasus.csv"
    csv_rows, xlsx_rows = detection_tables(model)
    _write_csv(csv_path, D.DETECTION_CSV_HEADERS, csv_rows, delimiter=";", bom=True)
    _write_xlsx(xlsx_path, D.DETECTION_XLSX_HEADERS, xlsx_rows, today)
    _write_csv(case_path, D.CASE_HEADERS, case_table(model), delimiter=",", bom=False)
    return [csv_path, xlsx_path, case_path]


def build_demo(db_path: Path, out_dir: Path, seed: int = 7, today: date | None = None, progress=None) -> list:
    """Write the demo exports and import them into the database at `db_path`, marked as demo data.

    Args:
        db_path: the DuckDB file to import into.
        out_dir: where the export files are written.
        seed: random seed for `write_demo_exports`.
        today: the day the data ends; defaults to `date.today()`.
        progress: optional callable(fraction, message), passed on to the importer.

    Returns:
        The importer's list of ImportResult, one per file.
    """
    from jaring.ingest import import_files  # imported here: the importer loads the database driver

    if progress is not None:
        progress(0.0, "Menulis file demo sintetis")
    paths = write_demo_exports(out_dir, seed=seed, today=today)
    return import_files(db_path, paths, source="demo", progress=progress)


# ---------------------------------------------------------------- detection exports


def detection_tables(model: DemoModel) -> tuple[list[dict], list[dict]]:
    """Rows of the long CSV (status as of the cutoff) and of the monthly XLSX (status as of today)."""
    rng, cutoff, today = model.rng_format, model.cutoff, model.today
    content = {p.detection_id: post_fields(rng, p) for p in model.posts}  # repeats show the same content
    csv_rows = [_status_row(rng, p, content, cutoff, text_dates=True) for p in model.posts
                if p.at.date() <= cutoff]
    overlap_from = cutoff - timedelta(days=6)
    in_xlsx = [p for p in model.posts if p.at.date() > overlap_from]
    shown = {id(p) for p in in_xlsx}
    # Accounts whose status changed after the cutoff get their latest earlier post repeated.
    latest: dict[int, Post] = {}
    for post in model.posts:
        if post.at.date() <= cutoff and any(cutoff < d <= today for d, _ in post.account.events):
            latest[id(post.account)] = post
    xlsx_rows = []
    repeats = [p for p in latest.values() if id(p) not in shown]
    for post in sorted(in_xlsx + repeats, key=lambda p: p.detection_id):
        asof = today
        restored = [d for d, s in post.account.events if s == "dipulihkan" and cutoff < d <= today]
        if restored and post is latest.get(id(post.account)):
            asof = restored[0]  # the old post carries the restoration; newer posts carry what followed
        xlsx_rows.append(_status_row(rng, post, content, asof, text_dates=rng.random() < 0.2, updated=True))
    _add_bad_rows(model, csv_rows, xlsx_rows)
    return csv_rows, xlsx_rows


def _status_row(rng, post: Post, content: dict, asof: date, text_dates: bool, updated: bool = False) -> dict:
    """A detection row with the account's status as of `asof`; CSV rows carry dates as typed text."""
    acc = post.account
    status, reported, blocked, changed = acc.state(asof)
    row = dict(content[post.detection_id], detection_id=post.detection_id, _account=acc)
    row["detected_at"] = fmt_day(rng, post.at.date(), post.at) if text_dates else post.at
    row["status"] = fmt_status(rng, status, acc.platform)
    row["reported_at"] = fmt_day(rng, reported) if reported and text_dates else reported
    row["blocked_at"] = fmt_day(rng, blocked) if blocked and text_dates else blocked
    if updated:
        row["status_changed_at"] = changed
    return row


def _add_bad_rows(model: DemoModel, csv_rows: list[dict], xlsx_rows: list[dict]) -> None:
    """Plant a few rows the importer must reject or flag: no account, impossible or unparseable dates."""
    rng, year = model.rng_format, model.today.year
    plain = [r for r in csv_rows if r["_account"].region not in model.planted_regions]
    breaks = [("no_account", csv_rows), (f"31/02/{year}", csv_rows), ("kemarin", csv_rows),
              ("no_platform", csv_rows), (f"31/04/{year - 1}", csv_rows), ("no_account", xlsx_rows)]
    next_id = len(model.posts) + 1
    for kind, target in breaks:
        row = dict(rng.choice(plain), detection_id=f"DET-{next_id:06d}")
        next_id += 1
        if kind == "no_account":
            row["account_handle"] = row["account_url"] = ""
        elif kind == "no_platform":
            row["platform"] = ""
        else:
            row["detected_at"] = kind
        target.insert(rng.randint(1, len(target) - 1), row)


# ---------------------------------------------------------------- case export


def case_table(model: DemoModel) -> list[dict]:
    """One row per complaint, with messy regions, contacts and dates; two planted bad rows."""
    rng = model.rng_format
    rows = [case_row(rng, case) for case in model.cases]
    for bad in ("kemarin", f"31/02/{model.today.year}"):
        row = dict(rng.choice(rows[: len(rows) // 2]), case_id=f"PGD/{model.today.year}/XX/{len(rows):04d}")
        row["reported_at"] = bad
        rows.insert(rng.randint(1, len(rows) - 1), row)
    return rows


# ---------------------------------------------------------------- writers


def _cell(value) -> str:
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def _write_csv(path: Path, headers: dict[str, str], rows: list[dict], delimiter: str, bom: bool) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers.values())
    for row in rows:
        writer.writerow(_cell(row.get(field)) for field in headers)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))


def _write_xlsx(path: Path, headers: dict[str, str], rows: list[dict], today: date) -> None:
    """Write the monthly export as Excel would: real date cells, text that starts with '=' kept as text."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(f"Deteksi {today:%m-%Y}")
    sheet.append(list(headers.values()))
    for row in rows:
        sheet.append([_xlsx_cell(sheet, row.get(field)) for field in headers])
    book.create_sheet("Keterangan").append(
        ["DATA DEMO SINTETIS: semua akun, nomor, rekening dan kasus di file ini rekaan."])
    stamp = datetime.combine(today, time(7, 0))
    book.properties.creator = "Jaring demo (data sintetis)"
    book.properties.created = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue(), stamp))


def _xlsx_cell(sheet, value):
    if value is None or value == "":
        return None
    if not isinstance(value, (date, str)) or (isinstance(value, str) and not value.startswith("=")):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, date):
        cell.number_format = "DD/MM/YYYY"
    else:
        cell.data_type = "s"  # an exported display name, not a formula
    return cell


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """Re-zip an XLSX with fixed entry times and core-property dates so its bytes are reproducible."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso, body)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
