"""The monthly briefing as files: self-contained HTML, a PPTX deck, every chart as PNG and SVG, tables as CSV/XLSX."""

from __future__ import annotations

import contextvars
import io
import re
import zipfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from jaring import briefing_charts, exports, startup
from jaring.briefing import Briefing, QueryRunner
from jaring.briefing_html import briefing_html
from jaring.briefing_slides import briefing_deck
from jaring.briefing_tables import briefing_tables, column_labels
from jaring.briefing_text import filters_text
from jaring.figure_images import figure_bytes
from jaring.filters import name_labels
from jaring.i18n import t

IMAGE_WIDTH, IMAGE_HEIGHT = 1200, 600
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an XLSX cell cannot hold


@dataclass
class ExportLabels:
    """Display names the export needs besides the briefing itself."""

    province_names: Mapping[str, str] = field(default_factory=dict)
    country_names: Mapping[str, str] = field(default_factory=dict)
    note: str = ""  # e.g. the demo-data warning, printed on the cover


@dataclass
class ExportResult:
    """Where the files went."""

    out_dir: Path
    html: Path
    pptx: Path
    images: list[Path]
    tables: list[Path]

    def all_files(self) -> list[Path]:
        """Every written file."""
        return [self.html, self.pptx, *self.images, *self.tables]


def subtitle(b: Briefing, labels: ExportLabels) -> str:
    """The line under every title (which already names the period): the filters in words."""
    return filters_text(b.filters, labels.province_names, labels.country_names) or t("briefing.no_filters")


def export_labels(query: QueryRunner, language: str) -> ExportLabels:
    """Province and country names in `language`, and the demo/sample-data note when the data is not real."""
    names = name_labels(query("province_names"), query("destination_countries_present"), language)
    kind = startup.banner_kind(query("import_sources")["source"])
    return ExportLabels(names["provinces"], names["countries"], t(f"banner.{kind}") if kind else "")


def export_briefing(b: Briefing, out_dir: str | Path, labels: ExportLabels | None = None,
                    generated_at: datetime | None = None) -> ExportResult:
    """Write the briefing of `b.month` into `out_dir` (created when missing).

    Args:
        b: the assembled briefing (jaring.briefing.load_briefing).
        out_dir: target folder; existing files of the same names are replaced.
        labels: province and country names for titles, and an optional cover note.
        generated_at: the time printed on the cover (default: now).

    Returns:
        The paths written: HTML, PPTX, charts/*.png|svg, tables/*.csv|xlsx.
    """
    labels = labels or ExportLabels()
    out = Path(out_dir)
    (out / "charts").mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    stem = f"briefing_{b.month:%Y-%m}"
    charts = briefing_charts.all_charts(b, labels.country_names, subtitle(b, labels))
    tables = briefing_tables(b, labels.country_names)
    # Chromium draws the images in its own process; meanwhile this thread writes the tables and the HTML.
    with ThreadPoolExecutor(max_workers=1) as pool:
        # (with this thread's context: the UI language lives in a context variable)
        rendering = pool.submit(contextvars.copy_context().run, render_images, charts, out / "charts")
        table_paths = write_tables(tables, out / "tables")
        generated = generated_at or datetime.now()
        html_path = out / f"{stem}.html"
        html_path.write_text(briefing_html(b, charts, tables, subtitle(b, labels), labels.note, generated),
                             encoding="utf-8")
        pngs = rendering.result()
    pptx_path = out / f"{stem}.pptx"
    briefing_deck(b, {name: path for name, path in pngs.items() if path.suffix == ".png"},
                  subtitle(b, labels), labels.note, generated).save(pptx_path)
    images = [p for name in charts for p in (out / "charts" / f"{name}.png", out / "charts" / f"{name}.svg")]
    return ExportResult(out, html_path, pptx_path, images, table_paths)


def render_images(charts: Mapping[str, go.Figure], folder: Path) -> dict[str, Path]:
    """Write each chart as PNG and SVG through the process's one kaleido browser (jaring.figure_images)."""
    written: dict[str, Path] = {}
    for name, fig in charts.items():
        for fmt, scale in (("png", 2), ("svg", 1)):
            path = folder / f"{name}.{fmt}"
            path.write_bytes(figure_bytes(fig, fmt, IMAGE_WIDTH, IMAGE_HEIGHT, scale))
            written[name if fmt == "png" else f"{name}.svg"] = path
    return written


def write_tables(tables: Mapping[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Each table as CSV and XLSX with column labels in the UI language and formula text neutralised."""
    paths = []
    for name, frame in tables.items():
        labelled = frame.rename(columns=column_labels(frame.columns))
        csv_path, xlsx_path = folder / f"{name}.csv", folder / f"{name}.xlsx"
        csv_path.write_bytes(exports.to_csv_bytes(labelled))
        xlsx_path.write_bytes(to_xlsx_bytes(labelled, sheet=name))
        paths += [csv_path, xlsx_path]
    return paths


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """XLSX bytes of `frame`: formula text neutralised, characters XLSX cannot store removed."""
    safe = exports.safe_for_spreadsheet(frame)
    for column in safe.columns:
        if pd.api.types.is_object_dtype(safe[column]) or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: _XLSX_ILLEGAL.sub("", v) if isinstance(v, str) else v)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()


def export_month(db_path: str | Path, month: date, out_dir: str | Path, months: int = 12,
                 platforms: tuple[str, ...] = (), provinces: tuple[str, ...] = (), countries: tuple[str, ...] = (),
                 language: str = "id") -> ExportResult:
    """The CLI's briefing: read the database file, build the briefing of `month` and write its files.

    Args:
        db_path: the database file (read-only).
        month: any day of the briefing month.
        out_dir: target folder.
        months: length of the period that ends with `month` (the monthly charts' x-axis).
        platforms, provinces, countries: the global filters (empty = all).
        language: "id" or "en".
    """
    from jaring import db
    from jaring.briefing import load_briefing
    from jaring.filters import Filters, add_months, month_end
    from jaring.i18n import set_language

    set_language(language)
    reader = db.Reader(db_path)
    if not reader.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    filters = Filters(add_months(month, 1 - months), month_end(month), tuple(platforms), tuple(provinces),
                      tuple(countries))
    return export_briefing(load_briefing(reader.query, filters, month), out_dir, export_labels(reader.query, language))


def zip_export(result: ExportResult) -> bytes:
    """All files of an export in one ZIP (for the page's download button), paths relative to its folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in result.all_files():
            archive.write(path, path.relative_to(result.out_dir).as_posix())
    return buffer.getvalue()
