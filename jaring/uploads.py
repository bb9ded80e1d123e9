"""The Data page's library side: import uploaded files, and tables about what was imported and understood."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from jaring import columns
from jaring.i18n import value_label
from jaring.ingest import ImportResult, Progress, import_files
from jaring.readers import SUPPORTED_SUFFIXES

# File types the uploader accepts; jaring.readers decides by the same suffixes.
UPLOAD_TYPES = tuple(sorted(suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES))  # what the reader reads
RESULT_COLUMNS = ("file_name", "status", "kind", "rows_read", "rows_loaded", "rows_rejected", "new_accounts",
                  "new_detections", "new_cases", "status_changes", "invalid_identifiers", "unresolved_regions",
                  "unused_columns", "message")


def _safe_file_name(name: str) -> str:
    """The base name of an uploaded file, without directories or characters a file system may refuse."""
    base = re.split(r"[\\/]", str(name))[-1]
    cleaned = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return cleaned or "upload"


def save_uploads(files: Iterable[tuple[str, bytes | BinaryIO]], folder: Path) -> dict[Path, str]:
    """Write uploads into `folder` (one sub-folder each, so equal names never clash); path -> original name."""
    saved: dict[Path, str] = {}
    for index, (name, content) in enumerate(files):
        target = folder / f"{index:04d}" / _safe_file_name(name)
        target.parent.mkdir(parents=True)
        with target.open("wb") as handle:
            if isinstance(content, bytes | bytearray):
                handle.write(content)
            else:
                content.seek(0)
                shutil.copyfileobj(content, handle)
        saved[target] = str(name)
    return saved


def import_uploads(db_path: str | Path, files: Iterable[tuple[str, bytes | BinaryIO]],
                   progress: Progress | None = None) -> list[ImportResult]:
    """Import uploaded files through the real importer; each file in its own transaction.

    Args:
        db_path: the database file.
        files: (original file name, content as bytes or a binary file object) per upload.
        progress: optional callback(fraction 0..1, file name).

    Returns:
        One ImportResult per file, named by its original name.
    """
    with tempfile.TemporaryDirectory(prefix="jaring-upload-") as folder:
        saved = save_uploads(files, Path(folder))
        if not saved:
            return []
        return import_files(db_path, list(saved), display_names=saved, progress=progress)


def results_frame(results: Iterable[ImportResult], language: str | None = None) -> pd.DataFrame:
    """One row per file with the summary the analyst needs; status and kind in the UI language."""
    frame = pd.DataFrame([r.as_dict() for r in results], columns=list(RESULT_COLUMNS))
    return with_value_labels(frame, language)


def count_by_status(results: Iterable[ImportResult]) -> dict[str, int]:
    """{"loaded": n, "skipped": n, "failed": n}."""
    counts = {"loaded": 0, "skipped": 0, "failed": 0}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    return counts


def alias_frame(language: str | None = None) -> pd.DataFrame:
    """The header aliases Jaring understands: one row per export kind and canonical field."""
    rows = []
    for kind, fields in columns.ALIASES.items():
        required = {f for group in columns.REQUIRED[kind] for f in group}
        for canonical, aliases in fields.items():
            rows.append({"kind": value_label("kind", kind, language), "canonical_field": canonical,
                         "required": "✓" if canonical in required else "",
                         "aliases": ", ".join(aliases)})
    return pd.DataFrame(rows, columns=["kind", "canonical_field", "required", "aliases"])


def with_value_labels(frame: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """A copy with stored codes in `kind`, `source`, `status` and `field` columns shown in the UI language."""
    labelled = frame.copy()
    for column in ("kind", "source", "status", "field"):
        if column in labelled.columns:
            labelled[column] = labelled[column].map(lambda v, c=column: value_label(c, v, language))
    return labelled
