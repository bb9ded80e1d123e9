"""Regions page logic: activity per region for a signal, newly active regencies (Poisson test), routes, drill-down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from scipy.stats import poisson

from jaring import derived_tables, geo
from jaring.filters import Filters, add_months, month_end, month_start
from jaring.formatting import format_number
from jaring.i18n import t

QueryFn = Callable[..., pd.DataFrame]  # (query name, **params) -> DataFrame, e.g. Reader.query or ui.run_query
SIGNALS = ("detections", "cases", "victims", "both")
NEW, SURGING = "new", "surging"
ROUTE_LEVELS = ("province", "regency")


# ---------------------------------------------------------------- periods and signals


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end]: whole months when both ends are month ends.

    >>> previous_period(date(2025, 3, 1), date(2025, 4, 30))
    (datetime.date(2025, 1, 1), datetime.date(2025, 2, 28))
    """
    if start.day == 1 and end == month_end(end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return add_months(start, -months), start - timedelta(days=1)
    prev_end = start - timedelta(days=1)
    return prev_end - (end - start), prev_end


def signal_values(frame: pd.DataFrame, signal: str, suffix: str = "") -> pd.Series:
    """The chosen signal from a frame with detections/cases/victims columns (`suffix` e.g. "_prev", "_now").

    "both" is detections plus cases: every sighting of recruitment, online or reported by a victim.
    """
    if signal not in SIGNALS:
        raise ValueError(f"unknown signal {signal!r}")
    if signal == "both":
        return (frame[f"detections{suffix}"] + frame[f"cases{suffix}"]).astype("int64")
    return frame[f"{signal}{suffix}"].astype("int64")


def with_change(frame: pd.DataFrame, signal: str) -> pd.DataFrame:
    """Add value, previous, change and change_pct (None when the previous period had nothing) for a signal."""
    out = frame.copy()
    out["value"] = signal_values(frame, signal)
    out["previous"] = signal_values(frame, signal, "_prev")
    out["change"] = out["value"] - out["previous"]
    previous = out["previous"].astype(float)
    out["change_pct"] = (out["change"] / previous.where(previous > 0)).round(3)
    return out


def region_activity(query: QueryFn, filters: Filters, signal: str, start: date, end: date) -> pd.DataFrame:
    """Every region (inside the province filter) with its signal in [start, end] and the period before.

    Returns:
        One row per region: code, level, name, province_code, lat, lon, the raw counts of both periods, and
        value, previous, change, change_pct for `signal`.
    """
    prev_start, prev_end = previous_period(start, end)
    frame = query("region_activity", **_filter_params(filters), start=start, end=end, prev_start=prev_start,
                  prev_end=prev_end)
    return with_change(frame, signal)


def unplaced_counts(query: QueryFn, filters: Filters, start: date, end: date) -> dict[str, int]:
    """Detections and cases of the period that no region could be found for (and so are not on the map)."""
    frame = query("region_unplaced_counts", start=start, end=end, platforms=list(filters.platforms),
                  countries=list(filters.countries))
    return {k: int(v) for k, v in frame.iloc[0].items()}


def index_state(query: QueryFn) -> str:
    """ "ok", "stale" (an import's automatic indexing failed) or "missing" (a database older than the index)."""
    if not derived_tables.region_index_available(query):
        return "missing"
    return "ok" if bool(query("region_index_status")["up_to_date"].iloc[0]) else "stale"


def _filter_params(filters: Filters) -> dict:
    return {"platforms": list(filters.platforms), "provinces": list(filters.provinces),
            "countries": list(filters.countries)}


# ---------------------------------------------------------------- newly active regencies


@dataclass(frozen=True)
class Thresholds:
    """When a regency counts as newly active. Stated to the analyst and adjustable in the UI.

    new: nothing in the baseline and at least `min_count` in the window.
    surging: at least `min_count` in the window, at least `min_ratio` times the count the baseline rate
    predicts for the window, and a Poisson upper-tail probability P(X >= now | baseline rate) <= `alpha`.
    """

    window_months: int = 2
    baseline_months: int = 12
    min_count: int = 3
    alpha: float = 0.01
    min_ratio: float = 2.0


@dataclass(frozen=True)
class Windows:
    """The recent window and the baseline before it (inclusive dates)."""

    window_start: date
    window_end: date
    baseline_start: date
    baseline_end: date

    @property
    def share(self) -> float:
        """Window length over baseline length, in days: the baseline count times this is the expected count."""
        return ((self.window_end - self.window_start).days + 1) / ((self.baseline_end - self.baseline_start).days + 1)


def windows_ending(end: date, thresholds: Thresholds) -> Windows:
    """The window of `window_months` whole months ending with the month of `end`, and its baseline."""
    window_start = add_months(month_start(end), 1 - thresholds.window_months)
    return Windows(window_start, month_end(end), add_months(window_start, -thresholds.baseline_months),
                   window_start - timedelta(days=1))


def flag_regions(frame: pd.DataFrame, signal: str, windows: Windows, thresholds: Thresholds) -> pd.DataFrame:
    """Regencies that are new or surging in the window; the test is the one `Thresholds` states.

    Args:
        frame: rows of query region_activity_windows.
        signal: one of SIGNALS.
        windows: the window and baseline the frame was counted over.
        thresholds: the test's settings.

    Returns:
        Flagged rows only: code, name, province_code, province_name, now, baseline, expected, ratio, p_value,
        flag ("new" or "surging"), first_seen; new ones first, then by p-value.
    """
    now, base = signal_values(frame, signal, "_now"), signal_values(frame, signal, "_base")
    expected = base * windows.share
    # P(X >= now) for X ~ Poisson(expected): sf(now - 1). A baseline of zero has no rate to test against.
    p_value = pd.Series(np.where(base > 0, poisson.sf(now - 1, expected.where(base > 0, 1.0)), np.nan),
                        index=frame.index)
    enough = now >= thresholds.min_count
    is_new = enough & (base == 0)
    surging = enough & (base > 0) & (now >= thresholds.min_ratio * expected) & (p_value <= thresholds.alpha)
    out = frame[["code", "name", "province_code", "province_name"]].assign(
        now=now, baseline=base, expected=expected.round(2), ratio=(now / expected.where(base > 0)).round(1),
        p_value=p_value, flag=np.where(is_new, NEW, np.where(surging, SURGING, "")),
        first_seen=_first_seen(frame, signal))
    out = out.loc[is_new | surging]
    return out.sort_values(["flag", "p_value", "now", "code"], ascending=[True, True, False, True],
                           na_position="first").reset_index(drop=True)


def _first_seen(frame: pd.DataFrame, signal: str) -> pd.Series:
    if signal == "detections":
        return frame["first_detection"]
    if signal in ("cases", "victims"):
        return frame["first_case"]
    return frame[["first_detection", "first_case"]].min(axis=1)


def flag_reason(row, thresholds: Thresholds, language: str | None = None) -> str:
    """Why a row was flagged, in words, with the numbers of the test."""
    if row["flag"] == NEW:
        return t("regions.reason_new", language, now=format_number(row["now"], language=language),
                 window=thresholds.window_months, baseline=thresholds.baseline_months)
    return t("regions.reason_surging", language, now=format_number(row["now"], language=language),
             expected=format_number(row["expected"], 1, language), ratio=format_number(row["ratio"], 1, language),
             p=f"{row['p_value']:.1e}", alpha=thresholds.alpha)


@dataclass
class NewlyActive:
    """The flagged regencies with who targets them, and the periods they were counted over."""

    table: pd.DataFrame
    windows: Windows
    networks_available: bool


def newly_active(query: QueryFn, filters: Filters, signal: str, thresholds: Thresholds,
                 accounts_per_region: int = 3, language: str | None = None, end: date | None = None) -> NewlyActive:
    """New and surging regencies for the window ending with the month of `end` (default: the filter's end).

    Each row gets why it was flagged, the top accounts targeting it in the window and the live networks
    those accounts belong to ("not available yet" when the networks have not been built).
    """
    windows = windows_ending(end or filters.end, thresholds)
    counts = query("region_activity_windows", **_filter_params(filters), window_start=windows.window_start,
                   window_end=windows.window_end, baseline_start=windows.baseline_start,
                   baseline_end=windows.baseline_end)
    table = flag_regions(counts, signal, windows, thresholds)
    available = derived_tables.networks_available(query)
    table["reason"] = [flag_reason(row, thresholds, language) for _, row in table.iterrows()]
    codes = table["code"].tolist()
    table["top_accounts"] = _accounts_text(query, filters, codes, windows, accounts_per_region)
    table["networks"] = (_networks_text(query, filters, codes, windows) if available
                         else t("regions.networks_not_available", language))
    return NewlyActive(table, windows, available)


def _accounts_text(query: QueryFn, filters: Filters, codes: list[str], windows: Windows, limit: int) -> list[str]:
    if not codes:
        return []
    accounts = query("region_top_accounts", codes=codes, start=windows.window_start, end=windows.window_end,
                     platforms=list(filters.platforms), countries=list(filters.countries), per_region=limit)
    labels = accounts.assign(label=accounts["platform"] + ":" + accounts["handle"] + " ("
                             + accounts["detections"].astype(str) + ")")
    joined = labels.groupby("region_code")["label"].agg(", ".join)
    return [joined.get(code, "") for code in codes]


def _networks_text(query: QueryFn, filters: Filters, codes: list[str], windows: Windows) -> list[str]:
    if not codes:
        return []
    found = query("region_networks", codes=codes, start=windows.window_start, end=windows.window_end,
                  platforms=list(filters.platforms), countries=list(filters.countries))
    labels = found.assign(label="#" + found["network_id"].astype(str) + " ("
                          + found["accounts_here"].astype(str) + "/" + found["network_accounts"].astype(str) + ")")
    joined = labels.groupby("region_code")["label"].agg(", ".join)
    return [joined.get(code, "") for code in codes]


# ---------------------------------------------------------------- routes and drill-down


def routes(query: QueryFn, filters: Filters, signal: str, level: str, start: date, end: date) -> pd.DataFrame:
    """Origin region -> destination country flows with the signal now and in the period before.

    Returns:
        Rows with a value in either period, largest first, with value, previous, change, change_pct and
        `new_route` (nothing in the period before).
    """
    if level not in ROUTE_LEVELS:
        raise ValueError(f"unknown level {level!r}")
    prev_start, prev_end = previous_period(start, end)
    frame = with_change(query("region_routes", **_filter_params(filters), level=level, start=start, end=end,
                              prev_start=prev_start, prev_end=prev_end), signal)
    frame = frame.loc[(frame["value"] > 0) | (frame["previous"] > 0)].copy()
    frame["new_route"] = (frame["previous"] == 0) & (frame["value"] > 0)
    return frame.sort_values(["value", "origin_code", "iso2"], ascending=[False, True, True]).reset_index(drop=True)


@dataclass
class DrillDown:
    """Everything the drill-down of one region shows."""

    trend: pd.DataFrame
    case_types: pd.DataFrame
    destinations: pd.DataFrame
    accounts: pd.DataFrame
    networks: pd.DataFrame | None  # None: the networks tables do not exist yet


def drill_down(query: QueryFn, filters: Filters, code: str, start: date, end: date,
               accounts: int = 10) -> DrillDown:
    """Monthly trend, case types, destinations, accounts and networks targeting region `code` in the period."""
    detections = {"platforms": list(filters.platforms), "countries": list(filters.countries)}
    period = {"code": code, "start": start, "end": end}
    networks = None
    if derived_tables.networks_available(query):
        networks = query("region_networks", codes=[code], start=start, end=end, **detections)
    return DrillDown(
        trend=query("region_monthly_trend", **period, **detections),
        case_types=query("region_case_types", **period, countries=list(filters.countries)),
        destinations=query("region_destinations", **period, **detections),
        accounts=query("region_top_accounts", codes=[code], start=start, end=end, per_region=accounts,
                       **detections),
        networks=networks)


def neighbours(activity: pd.DataFrame, code: str, km: float) -> pd.DataFrame:
    """Regencies within `km` of region `code`'s reference point, with their signal now and before.

    Args:
        activity: the frame of region_activity (all regions, with value and previous).
        code: the selected province or regency.
        km: radius in km (geodesic).
    """
    here = activity.loc[activity["code"] == code]
    reference = pd.concat([here, activity.loc[(activity["level"] == "regency") & (activity["code"] != code)]])
    reference = reference.dropna(subset=["lat", "lon"])
    found = geo.neighbours_within(code, km, reference)
    return found[["code", "name", "province_code", "distance_km", "value", "previous", "change"]]
