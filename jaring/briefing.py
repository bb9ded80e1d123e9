"""The monthly briefing's numbers: blocks, takedown speed, backlog, survival, cases and KPIs under the global filters.

Everything here is pure pandas over the results of the named queries, so the page, the CLI and the tests share
it. The heavy query (`takedown_by_month`) covers every month and platform of the data: without a province or
country filter, changing the period, the platforms or the briefing month re-uses its cached result. A province or
country filter makes a new account scope at each change, so then only the months and platforms on screen are asked
(`takedown_in_view`, same figures).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd

from jaring import colors, derived_tables
from jaring import filters as flt

# query(name, **params) -> DataFrame: jaring.ui.run_query on the page, db.Reader.query in the CLI and tests.
QueryRunner = Callable[..., pd.DataFrame]

ALL_PLATFORMS = "*"  # the platform value of rows that combine every selected platform
AGE_BUCKETS = ("backlog_under_7", "backlog_7_to_29", "backlog_30_to_89", "backlog_90_plus")
HORIZONS = (7, 30, 90)
BASES = ("detection", "report")  # days to block counted from the first detection / the episode's first report
OLDEST_LIMIT = 25
_COUNTS = ("detected", "reported", "blocked", "blocked_with_report", *AGE_BUCKETS, "report_episodes",
           *(f"{kind}_{h}" for h in HORIZONS for kind in ("eligible", "open")))


@dataclass
class Kpi:
    """One KPI card: the month's value and the same figure one month and twelve months earlier.

    `value` is None when the figure cannot be computed (e.g. the networks tables are not built yet); a median of
    a month without blocks is NaN.
    """

    key: str
    value: float | None
    previous: float | None
    year_ago: float | None
    unit: str = "count"  # count | days


@dataclass
class Briefing:
    """All figures of one briefing: the period's monthly series and the selected month's detail."""

    filters: flt.Filters
    month: date
    months: list[date]
    platforms: list[str]
    flows: pd.DataFrame          # month, platform, detected, reported, blocked (period x platforms, zeros kept)
    speed: pd.DataFrame          # month, platform (ALL_PLATFORMS = together), blocks, median/p90 per basis
    durations: pd.DataFrame      # the selected month's blocks: platform, basis, days
    backlog: pd.DataFrame        # month, one column per age bucket, total
    survival: pd.DataFrame       # platform, horizon, eligible, open, share_open
    oldest: pd.DataFrame         # oldest open reports at the end of the selected month
    oldest_as_of: datetime | None
    cases: pd.DataFrame          # month, cases, victims, matched_cases, matched_share (zeros kept)
    cases_by_type: pd.DataFrame  # month, case_type, cases
    cases_by_destination: pd.DataFrame  # month, destination_country, cases
    kpis: list[Kpi] = field(default_factory=list)
    networks_available: bool = False


def scope_params(filters: flt.Filters) -> dict[str, list[str]]:
    """The province/country parameters that decide which accounts a briefing query looks at."""
    return {"provinces": list(filters.provinces), "countries": list(filters.countries)}


def account_params(filters: flt.Filters) -> dict[str, list[str]]:
    """Scope plus platforms, for queries that filter accounts themselves."""
    return {"platforms": list(filters.platforms), **scope_params(filters)}


def period_months(filters: flt.Filters) -> list[date]:
    """The months of the period, oldest first (the briefing-month picker offers these)."""
    return flt.month_range(filters.start, filters.end)


def default_month(filters: flt.Filters) -> date:
    """The month a briefing describes unless the analyst picks another: the last month of the period."""
    return flt.month_start(filters.end)


def load_briefing(query: QueryRunner, filters: flt.Filters, month: date | None = None) -> Briefing:
    """Run the briefing's queries and assemble every figure.

    Args:
        query: runs a named query with keyword parameters.
        filters: the global filters (period, platforms, provinces, destination countries).
        month: the month of the KPI cards, the distribution and the oldest-open list (default: the period's last).

    Returns:
        The briefing, with months without data present as zeros.
    """
    month = flt.month_start(month or default_month(filters))
    takedown_query, oldest_query = episode_queries(query)
    months = period_months(filters)
    kpi_months = [flt.add_months(month, -12), flt.add_months(month, -1), month]
    # The queries are independent once the month's as_of instant is known, and DuckDB releases the GIL: the
    # oldest open reports are asked at the instant the takedown grid will carry (briefing_month_ends) while the
    # takedown figures run, instead of after them.
    month_ends = _with_month_dates(query("briefing_month_ends"))
    guess = measured_at(month_ends, month)
    takedown_call = takedown_request(takedown_query, filters, kpi_months, month_ends)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="briefing") as pool:
        pending_takedown = pool.submit(query, takedown_call[0], **takedown_call[1])
        pending_oldest = None if guess is None else pool.submit(
            _oldest_at, query, filters, guess, oldest_query)
        cases = cases_in_scope(query("cases_by_month", platforms=list(filters.platforms)), filters)
        networks = _networks(query, filters)
        # The cases' figures need no takedown figures: built while that query still runs.
        cases_per_month = cases_totals(cases, months)
        cases_by_type = _cases_by(cases, months, "case_type")
        cases_by_destination = _cases_by(cases, months, "destination_country")
        kpi_cases = cases_totals(cases, kpi_months)
        takedown = _typed_takedown(pending_takedown.result())
        oldest_at_guess = None if pending_oldest is None else pending_oldest.result()
    platforms = _platforms(takedown, filters)
    takedown = takedown[takedown["platform"].isin(platforms)]
    per_month = _by_month(takedown, sorted(set(months) | set(kpi_months)), platforms)
    speed = speed_by_month(per_month, platforms)
    oldest, as_of = _oldest(query, filters, takedown, month, oldest_query, (guess, oldest_at_guess))
    in_period = per_month[per_month["month"].isin(months)]
    briefing = Briefing(
        filters=filters, month=month, months=months, platforms=platforms,
        flows=in_period[["month", "platform", "detected", "reported", "blocked"]].reset_index(drop=True),
        speed=speed[speed["month"].isin(months)].reset_index(drop=True),
        durations=durations_in_month(per_month, month),
        backlog=backlog_by_month(in_period, months),
        survival=survival(in_period, platforms),
        oldest=oldest, oldest_as_of=as_of,
        cases=cases_per_month, cases_by_type=cases_by_type, cases_by_destination=cases_by_destination,
        networks_available=networks is not None,
    )
    briefing.kpis = kpis(per_month, speed, kpi_cases, networks, month)
    return briefing


# ---------------------------------------------------------------- takedown figures


def episode_queries(query: QueryRunner) -> tuple[str, str]:
    """The (takedown, oldest open reports) query names for this database.

    They read status_episode_events, which the importer builds; a database last written by an older version
    lacks it, and then the `_from_history` twins derive the same figures from status_history, only slower.
    """
    if bool(query("status_episodes_built")["built"].iloc[0]):
        return "takedown_by_month", "oldest_open_reports"
    return "takedown_by_month_from_history", "oldest_open_reports_from_history"


def takedown_request(takedown_query: str, filters: flt.Filters, kpi_months: list[date],
                     month_ends: pd.DataFrame) -> tuple[str, dict]:
    """The takedown query to ask for these filters and its parameters.

    Without a province or country filter: every month and platform (`takedown_query`), asked once and re-used
    whatever the period, platforms or briefing month. With one, the scope is new at each change, so only what the
    page shows is asked: the selected platforms, the period's months, the KPI months of the briefing month and the
    data's last month (whose row dates a briefing month beyond the data, see measured_at). Picking another briefing
    month then asks again, for its KPI months: covering a year before every month of the period instead made each
    region, platform and period change cost about half as much again. The `_from_history` fallback of an older
    database always covers everything.
    """
    if not (filters.provinces or filters.countries) or takedown_query != "takedown_by_month":
        return takedown_query, scope_params(filters)
    wanted = {*period_months(filters), *kpi_months, *month_ends["month"].tail(1)}
    return "takedown_in_view", {**account_params(filters), "months": sorted(wanted)}


def _typed_takedown(frame: pd.DataFrame) -> pd.DataFrame:
    frame = _with_month_dates(frame)
    for column in ("days_from_detection", "days_from_report"):
        frame[column] = frame[column].map(lambda values: np.asarray(values, dtype=float))
    return frame


def _platforms(takedown: pd.DataFrame, filters: flt.Filters) -> list[str]:
    chosen = filters.platforms or tuple(takedown["platform"].dropna().unique())
    return colors.platform_order(chosen)


def _by_month(takedown: pd.DataFrame, months: list[date], platforms: list[str]) -> pd.DataFrame:
    """One row per month x platform over `months`; months the data does not reach become zeros."""
    grid = pd.MultiIndex.from_product([months, platforms], names=["month", "platform"])
    merged = takedown.set_index(["month", "platform"]).reindex(grid).reset_index()
    merged[list(_COUNTS)] = merged[list(_COUNTS)].fillna(0).astype("int64")
    for column in ("days_from_detection", "days_from_report"):
        merged[column] = merged[column].map(lambda v: v if isinstance(v, np.ndarray) else np.array([], dtype=float))
    return merged


def _quantiles(values: np.ndarray) -> tuple[float, float]:
    """(median, 90th percentile), interpolated between neighbours as SQL's quantile_cont; NaN when empty."""
    if len(values) == 0:
        return float("nan"), float("nan")
    median, p90 = np.quantile(values, [0.5, 0.9])
    return float(median), float(p90)


def speed_by_month(per_month: pd.DataFrame, platforms: list[str]) -> pd.DataFrame:
    """Median and 90th percentile of days to block per month, for each platform and all of them together."""
    wanted = ["month", "platform", "blocked", "blocked_with_report", *(f"days_from_{basis}" for basis in BASES)]
    cells = {(r[0], r[1]): r for r in per_month[wanted].itertuples(index=False, name=None)}
    rows = []
    for month in sorted(per_month["month"].unique()):
        mine = [cells[(month, p)] for p in platforms if (month, p) in cells]
        for platform in [*platforms, ALL_PLATFORMS]:
            part = mine if platform == ALL_PLATFORMS else [c for c in mine if c[1] == platform]
            row = {"month": month, "platform": platform, "blocks": sum(c[2] for c in part),
                   "blocks_with_report": sum(c[3] for c in part)}
            for index, basis in enumerate(BASES, start=4):
                values = np.concatenate([np.empty(0), *(c[index] for c in part)])
                row[f"median_days_from_{basis}"], row[f"p90_days_from_{basis}"] = _quantiles(values)
            rows.append(row)
    return pd.DataFrame(rows, columns=_SPEED_COLUMNS)


_SPEED_COLUMNS = ["month", "platform", "blocks", "blocks_with_report", "median_days_from_detection",
                  "p90_days_from_detection", "median_days_from_report", "p90_days_from_report"]


def durations_in_month(per_month: pd.DataFrame, month: date) -> pd.DataFrame:
    """Days to each block of `month`, one row per block and basis (for the distribution chart)."""
    # Whole arrays per platform and basis: a national month holds thousands of blocks.
    parts = [(row.platform, basis, getattr(row, f"days_from_{basis}"))
             for row in per_month[per_month["month"] == month].itertuples(index=False) for basis in BASES]
    parts = [part for part in parts if len(part[2])]
    if not parts:
        return pd.DataFrame([], columns=["platform", "basis", "days"])
    counts = [len(days) for _, _, days in parts]
    return pd.DataFrame({"platform": np.repeat([platform for platform, _, _ in parts], counts),
                         "basis": np.repeat([basis for _, basis, _ in parts], counts),
                         "days": np.concatenate([days for _, _, days in parts]).astype(float)})


def backlog_by_month(per_month: pd.DataFrame, months: list[date]) -> pd.DataFrame:
    """Reported-but-open accounts at each month end by age bucket, all selected platforms together."""
    frame = per_month.groupby("month")[list(AGE_BUCKETS)].sum().reindex(months, fill_value=0)
    frame["total"] = frame.sum(axis=1)
    return frame.reset_index().rename(columns={"index": "month"})


def survival(per_month: pd.DataFrame, platforms: list[str]) -> pd.DataFrame:
    """Share of report episodes (first report in the period) still not blocked after 7/30/90 days."""
    columns = [f"{kind}_{h}" for h in HORIZONS for kind in ("eligible", "open")]
    # One grouped sum: filtering the frame once per platform cost a millisecond each.
    sums = per_month.groupby("platform")[columns].sum().reindex(platforms, fill_value=0)
    sums.loc[ALL_PLATFORMS] = per_month[columns].sum()
    rows = []
    for platform in [*platforms, ALL_PLATFORMS]:
        part = sums.loc[platform]
        for horizon in HORIZONS:
            eligible, still_open = int(part[f"eligible_{horizon}"]), int(part[f"open_{horizon}"])
            share = still_open / eligible if eligible else float("nan")
            rows.append({"platform": platform, "horizon": horizon, "eligible": eligible, "open": still_open,
                         "share_open": share})
    return pd.DataFrame(rows, columns=["platform", "horizon", "eligible", "open", "share_open"])


def measured_at(takedown: pd.DataFrame, month: date) -> datetime | None:
    """The instant a month's end-of-month figures are measured at (None when the database has no events)."""
    if takedown.empty:
        return None
    known = takedown.loc[takedown["month"] == month, "measured_at"]
    if len(known):
        return pd.Timestamp(known.iloc[0]).to_pydatetime()
    last = takedown.loc[takedown["month"] == takedown["month"].max(), "measured_at"].iloc[0]
    month_end = datetime.combine(flt.add_months(month, 1), datetime.min.time())
    return min(month_end, pd.Timestamp(last).to_pydatetime())


def _with_month_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose month column holds dates (DuckDB hands back timestamps)."""
    frame = frame.copy()
    frame["month"] = pd.to_datetime(frame["month"]).dt.date
    return frame


def _oldest(query: QueryRunner, filters: flt.Filters, takedown: pd.DataFrame, month: date, name: str,
            fetched: tuple[datetime | None, pd.DataFrame | None]) -> tuple[pd.DataFrame, datetime | None]:
    """The oldest open reports at the month's measuring instant; `fetched` = (as_of, list) asked in advance."""
    as_of = measured_at(takedown, month)
    if as_of is None:  # nothing in scope: no list, whatever was fetched in advance
        return pd.DataFrame(columns=_OLDEST_COLUMNS), None
    guess, frame = fetched
    if frame is None or guess != as_of:  # cannot differ while the grid covers every month; checked anyway
        frame = _oldest_at(query, filters, as_of, name)
    return frame, as_of


def _oldest_at(query: QueryRunner, filters: flt.Filters, as_of: datetime, name: str) -> pd.DataFrame:
    frame = query(name, as_of=as_of, limit=OLDEST_LIMIT, **account_params(filters))
    frame = frame.copy()
    frame["url"] = frame["url"].map(safe_link)
    return frame[_OLDEST_COLUMNS]


_OLDEST_COLUMNS = ["account_id", "platform", "handle", "display_name", "url", "first_seen", "reported_at",
                   "last_reported_at", "waiting_days"]


def safe_link(url: object) -> str | None:
    """The URL when it is a plain http(s) link, else None: a crafted `javascript:` link must never be clickable."""
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")) and not any(
            ch in url for ch in "\"'<> \t\r\n"):
        return url
    return None


# ---------------------------------------------------------------- cases and networks


def cases_in_scope(cases: pd.DataFrame, filters: flt.Filters) -> pd.DataFrame:
    """The rows of `cases_by_month` from the selected origin provinces to the selected countries (empty = all).

    A case with an unknown origin or destination drops out once that filter is set, as in SQL.
    """
    keep = np.ones(len(cases), dtype=bool)
    for column, chosen in (("origin_province_code", filters.provinces), ("destination_country", filters.countries)):
        if chosen:
            keep &= cases[column].isin(chosen).to_numpy(dtype=bool)
    return _with_month_dates(cases[keep].drop(columns="origin_province_code"))


def cases_totals(cases: pd.DataFrame, months: list[date]) -> pd.DataFrame:
    """Cases, victims and cases matching a detected account per month (zeros kept), with the matched share."""
    frame = cases.groupby("month")[["cases", "victims", "matched_cases"]].sum().reindex(months, fill_value=0)
    frame = frame.astype("int64")
    frame["matched_share"] = (frame["matched_cases"] / frame["cases"].where(frame["cases"] > 0)).astype(float)
    return frame.reset_index().rename(columns={"index": "month"})


def _cases_by(cases: pd.DataFrame, months: list[date], column: str) -> pd.DataFrame:
    part = cases[cases["month"].isin(months)]
    frame = part.groupby(["month", part[column].fillna("")], sort=True)["cases"].sum().reset_index()
    return frame.astype({"cases": "int64"})


def _networks(query: QueryRunner, filters: flt.Filters) -> pd.DataFrame | None:
    """New networks per month, or None while the networks tables are not built in this database."""
    if not derived_tables.networks_available(query):
        return None
    return _with_month_dates(query("networks_found_by_month", **account_params(filters)))


# ---------------------------------------------------------------- KPI cards


def kpis(per_month: pd.DataFrame, speed: pd.DataFrame, cases: pd.DataFrame, networks: pd.DataFrame | None,
         month: date) -> list[Kpi]:
    """The five KPI cards for `month`, each with the previous month and the same month a year earlier."""
    months = (month, flt.add_months(month, -1), flt.add_months(month, -12))
    blocked = per_month.groupby("month")["blocked"].sum()
    backlog = per_month.groupby("month")[list(AGE_BUCKETS)].sum().sum(axis=1)
    together = speed[speed["platform"] == ALL_PLATFORMS].set_index("month")["median_days_from_detection"]
    new_cases = cases.set_index("month")["cases"]
    found = None if networks is None else networks.set_index("month")["networks"]

    def values(series: pd.Series | None, missing: float = 0.0) -> tuple:
        if series is None:
            return None, None, None
        return tuple(float(series.get(m, missing)) for m in months)

    return [Kpi("blocked", *values(blocked)),
            Kpi("median_days", *values(together, float("nan")), unit="days"),
            Kpi("backlog", *values(backlog)),
            Kpi("new_cases", *values(new_cases)),
            Kpi("new_networks", *values(found))]


def change(value: float | None, reference: float | None) -> float | None:
    """Relative change from `reference` to `value` (0.23 = +23%); None when it has no meaning (reference 0)."""
    if value is None or reference is None or pd.isna(value) or pd.isna(reference) or reference == 0:
        return None
    return (value - reference) / reference

