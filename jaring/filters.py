"""The global filters every page shares: period, platforms, provinces, destination countries, and their URL form.

Pure logic, no Streamlit: parsing query parameters (bad values are ignored, never an exception), defaults,
and serialising back. `jaring.ui.current_filters()` gives the filters of the running page.

Queries take the filters as DuckDB parameters (see `Filters.as_params`); an empty list means "all":

    cast(d.detected_at as date) between $start and $end
    and (len($platforms) = 0 or list_contains($platforms, a.platform))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

# Query parameter names in the URL.
PARAM_START, PARAM_END = "from", "to"
PARAM_PLATFORMS, PARAM_PROVINCES, PARAM_COUNTRIES = "platform", "prov", "country"
PARAM_LANGUAGE = "lang"
FILTER_PARAMS = (PARAM_START, PARAM_END, PARAM_PLATFORMS, PARAM_PROVINCES, PARAM_COUNTRIES)

DEFAULT_MONTHS = 12
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
_MONTH_PATTERN = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True)
class Filters:
    """The view every page shows. `start` is the first day of the start month, `end` the last day of the end
    month (both inclusive). An empty tuple means "all"."""

    start: date
    end: date
    platforms: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()  # Kemendagri province codes, e.g. "32"
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2, e.g. "MY"

    def as_params(self) -> dict[str, object]:
        """DuckDB named parameters: $start, $end (DATE) and $platforms, $provinces, $countries (VARCHAR[])."""
        return {"start": self.start, "end": self.end, "platforms": list(self.platforms),
                "provinces": list(self.provinces), "countries": list(self.countries)}


@dataclass(frozen=True)
class FilterOptions:
    """What the database offers to filter on. Months are first-of-month dates; None when there is no data."""

    first_month: date | None = None
    last_month: date | None = None
    platforms: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


def month_start(day: date) -> date:
    """The first day of the month of `day`."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the month of `day`."""
    return add_months(month_start(day), 1) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_range(first: date, last: date) -> list[date]:
    """First days of every month from `first` to `last`, inclusive."""
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def parse_month(text: str | None) -> date | None:
    """ "2025-03" -> date(2025, 3, 1); anything else (or an implausible year) -> None."""
    match = _MONTH_PATTERN.fullmatch((text or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def format_month_param(day: date) -> str:
    """date -> "2025-03"."""
    return f"{day.year:04d}-{day.month:02d}"


def default_period(options: FilterOptions, today: date) -> tuple[date, date]:
    """The last 12 months ending with the latest month in the data (or this month when there is none)."""
    last = options.last_month or month_start(today)
    return add_months(last, 1 - DEFAULT_MONTHS), month_end(last)


def default_filters(options: FilterOptions, today: date) -> Filters:
    """Default period, everything else "all"."""
    start, end = default_period(options, today)
    return Filters(start=start, end=end)


def _values(params: Mapping[str, str | Sequence[str]], name: str) -> list[str]:
    """All values of a parameter: repeated keys and comma-separated lists both work."""
    raw = params.get(name)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [piece.strip() for item in items for piece in str(item).split(",") if piece.strip()]


def _allowed(values: Iterable[str], allowed: Sequence[str], normalise=str) -> tuple[str, ...]:
    """Values that the database offers, in the database's order, without repeats; the rest are ignored."""
    wanted = {normalise(v) for v in values}
    return tuple(option for option in allowed if option in wanted)


def parse_query_params(params: Mapping[str, str | Sequence[str]], options: FilterOptions, today: date) -> Filters:
    """Filters from URL query parameters. Unknown or malformed values are ignored, never an error.

    Args:
        params: query parameters; each value a string or a list of strings (repeated keys).
        options: what the database offers; platform, province and country values outside it are dropped.
        today: the date that anchors the default period when the database is empty.

    Returns:
        The filters; missing parts take their defaults. A start after the end is swapped.
    """
    default_start, default_end = default_period(options, today)
    starts = [m for m in map(parse_month, _values(params, PARAM_START)) if m]
    ends = [m for m in map(parse_month, _values(params, PARAM_END)) if m]
    start = starts[0] if starts else default_start
    end = month_end(ends[0]) if ends else default_end
    if start > end:
        start, end = month_start(end), month_end(start)
    return Filters(
        start=start,
        end=end,
        platforms=_allowed(_values(params, PARAM_PLATFORMS), options.platforms, str.lower),
        provinces=_allowed(_values(params, PARAM_PROVINCES), options.provinces),
        countries=_allowed(_values(params, PARAM_COUNTRIES), options.countries, str.upper),
    )


def to_query_params(filters: Filters) -> dict[str, str]:
    """Filters -> URL query parameters (lists comma-separated; "all" is left out)."""
    params = {PARAM_START: format_month_param(filters.start), PARAM_END: format_month_param(filters.end)}
    for name, values in ((PARAM_PLATFORMS, filters.platforms), (PARAM_PROVINCES, filters.provinces),
                         (PARAM_COUNTRIES, filters.countries)):
        if values:
            params[name] = ",".join(values)
    return params


def period_explicit(params: Mapping[str, str | Sequence[str]]) -> bool:
    """Whether the URL fixes the period (then it stays put when new data moves the default)."""
    return any(parse_month(v) for name in (PARAM_START, PARAM_END) for v in _values(params, name))


def from_selection(start_month: date, end_month: date, platforms: Iterable[str], provinces: Iterable[str],
                   countries: Iterable[str], options: FilterOptions) -> tuple[Filters, bool]:
    """Filters from widget values; returns (filters, swapped) where swapped says start and end were reversed."""
    swapped = start_month > end_month
    if swapped:
        start_month, end_month = end_month, start_month
    return Filters(
        start=month_start(start_month),
        end=month_end(end_month),
        platforms=_allowed(platforms, options.platforms),
        provinces=_allowed(provinces, options.provinces),
        countries=_allowed(countries, options.countries),
    ), swapped


def month_choices(options: FilterOptions, filters: Filters) -> list[date]:
    """Months offered in the period pickers: the data's months, widened to include the current selection."""
    first = min(d for d in (options.first_month, month_start(filters.start)) if d)
    last = max(d for d in (options.last_month, month_start(filters.end)) if d)
    return month_range(first, last)


def _month_or_none(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def options_from_frames(months: pd.DataFrame, platforms: pd.DataFrame, provinces: pd.DataFrame,
                        countries: pd.DataFrame, language: str) -> tuple[FilterOptions, dict[str, dict[str, str]]]:
    """FilterOptions and display labels from the results of the option queries.

    Args:
        months: `data_months` (one row: first_month, last_month).
        platforms: `platforms_present` (platform, accounts).
        provinces: `province_names` (code, name).
        countries: `destination_countries_present` (iso2, name_id, name_en, ...).
        language: "id" or "en", for the country names.

    Returns:
        (options, {"provinces": code -> name, "countries": ISO2 -> name}).
    """
    first, last = (months.iloc[0]["first_month"], months.iloc[0]["last_month"]) if len(months) else (None, None)
    options = FilterOptions(first_month=_month_or_none(first), last_month=_month_or_none(last),
                            platforms=tuple(platforms["platform"]), provinces=tuple(provinces["code"]),
                            countries=tuple(countries["iso2"]))
    return options, name_labels(provinces, countries, language)


def name_labels(provinces: pd.DataFrame, countries: pd.DataFrame, language: str) -> dict[str, dict[str, str]]:
    """{"provinces": code -> name, "countries": ISO2 -> name in `language`} from `province_names` and
    `destination_countries_present`."""
    name_column = "name_id" if language == "id" else "name_en"
    return {"provinces": dict(zip(provinces["code"], provinces["name"], strict=True)),
            "countries": dict(zip(countries["iso2"], countries[name_column], strict=True))}
