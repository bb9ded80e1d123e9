"""The tables behind the briefing's figures, shaped for reading in a spreadsheet (one frame per figure)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from jaring.briefing import Briefing
from jaring.briefing_text import format_value, platform_name
from jaring.formatting import format_month
from jaring.i18n import has_key, t


def column_labels(columns) -> dict[str, str]:
    """Display labels for the briefing tables' columns in the UI language (others stay as they are)."""
    return {name: t(f"briefing.col.{name}") for name in columns if has_key(f"briefing.col.{name}")}


def _platform_names(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["platform"] = frame["platform"].map(platform_name)
    return frame


def _with_month_name(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame.insert(frame.columns.get_loc("month") + 1, "month_name", frame["month"].map(format_month))
    return frame


def blocked_table(b: Briefing) -> pd.DataFrame:
    """Blocks per month: one column per platform, the total and its change against the month before."""
    pivot = (b.flows.pivot_table(index="month", columns="platform", values="blocked", aggfunc="sum", fill_value=0)
             .reindex(index=b.months, columns=b.platforms, fill_value=0))
    pivot.columns = [platform_name(p) for p in pivot.columns]
    pivot["total"] = pivot.sum(axis=1)
    before = pivot["total"].shift(1)
    pivot["change_vs_previous"] = ((pivot["total"] - before) / before.where(before > 0)).astype(float)
    return _with_month_name(pivot.rename_axis("month").reset_index())


def funnel_table(b: Briefing) -> pd.DataFrame:
    """Detected, reported and blocked per month, all selected platforms together."""
    frame = b.flows.groupby("month")[["detected", "reported", "blocked"]].sum().reindex(b.months, fill_value=0)
    return _with_month_name(frame.rename_axis("month").reset_index())


def kpi_table(b: Briefing) -> pd.DataFrame:
    """The KPI cards as rows: value, previous month, same month last year (missing values shown as "—")."""
    rows = [{"kpi": t(f"briefing.kpi.{k.key}"), "value": format_value(k.value, k.unit),
             "previous": format_value(k.previous, k.unit), "year_ago": format_value(k.year_ago, k.unit)}
            for k in b.kpis]
    return pd.DataFrame(rows, columns=["kpi", "value", "previous", "year_ago"])


def briefing_tables(b: Briefing, country_names: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """Every table of the briefing by name (the export writes each as CSV and XLSX)."""
    destinations = b.cases_by_destination.copy()
    destinations.insert(2, "country_name", destinations["destination_country"].map(
        lambda code: country_names.get(code, code) if code else t("briefing.unknown")))
    oldest = _platform_names(b.oldest)
    return {
        "kpis": kpi_table(b),
        "blocked": blocked_table(b),
        "funnel": funnel_table(b),
        "speed": _with_month_name(_platform_names(b.speed)),
        "durations": _platform_names(b.durations).assign(basis=lambda f: f["basis"].map(
            lambda basis: t(f"briefing.basis.{basis}"))),
        "survival": _platform_names(b.survival),
        "backlog": _with_month_name(b.backlog),
        "oldest_open": oldest,
        "cases": _with_month_name(b.cases),
        "cases_by_type": _with_month_name(b.cases_by_type),
        "cases_by_destination": _with_month_name(destinations),
    }
