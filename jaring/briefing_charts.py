"""Plotly figures of the briefing: one builder per figure, fixed platform colours, Indonesian number formats.

Figures are assembled from plain dicts and validated once: `add_bar`/`update_layout` validate at every call and
a named template is merged into each figure, which made nine figures cost about a second per page view.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from jaring import colors
from jaring.briefing import AGE_BUCKETS, ALL_PLATFORMS, HORIZONS, Briefing, change
from jaring.briefing_text import figure_title, platform_name
from jaring.formatting import format_month, format_number, format_percent
from jaring.i18n import current_language, t

FUNNEL_STEPS = ("detected", "reported", "blocked")
GRID = "#e5e8ee"
COUNT_HOVER = "%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>"
DAYS_HOVER = "%{x}<br>%{fullData.name}: %{y:,.1f}<extra></extra>"


def label(text: object) -> str:
    """Data text for a plotly label: plotly reads a subset of HTML in labels, so tags must arrive escaped."""
    return html.escape("" if text is None else str(text))


def _figure(traces: list[dict], title: str, subtitle: str, y_axis: dict, **layout) -> go.Figure:
    """The app's common look: title with the filters below it, the language's separators, legend below."""
    text = label(title) + (f"<br><sup>{label(subtitle)}</sup>" if subtitle else "")
    axis = {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": GRID, "automargin": True}
    return go.Figure(data=traces, layout={
        "title": {"text": text, "x": 0.01, "xanchor": "left"},
        "separators": ",." if current_language() == "id" else ".,",  # decimal, then thousands
        "paper_bgcolor": "white", "plot_bgcolor": "white", "font": {"family": "Arial, sans-serif", "color": "#2a3f5f"},
        "legend": {"orientation": "h", "y": -0.15, "traceorder": "normal"}, "margin": {"t": 90, "l": 60, "r": 20},
        "height": 430, "xaxis": axis, "yaxis": axis | y_axis, **layout})


def _count_axis(title: str, top: float, headroom: float = 1.05) -> dict:
    """A y axis of whole numbers from zero (no "0,5 accounts" ticks), with room above the highest bar."""
    axis = {"title": {"text": title}, "range": [0, max(top * headroom, 1)], "tickformat": ",d"}
    return axis | ({"dtick": 1} if top < 8 else {})


def _bar(x, y, name: str, color: str | None = None, hover: str = COUNT_HOVER, **extra) -> dict:
    trace = {"type": "bar", "x": list(x), "y": list(y), "name": name, "hovertemplate": hover, **extra}
    if color:
        trace["marker"] = {"color": color}
    return trace


def _month_labels(months) -> list[str]:
    return [format_month(m) for m in months]


def _change_label(now: float, before: float) -> str:
    relative = change(now, before)
    return "" if relative is None else ("+" if relative > 0 else "") + format_percent(relative, 0)


def blocked_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Blocks per month stacked by platform, each month's total and its change against the month before."""
    x = _month_labels(b.months)
    by_platform = b.flows.groupby(["month", "platform"])["blocked"].sum().unstack("platform")
    by_platform = by_platform.reindex(index=b.months, columns=b.platforms, fill_value=0).fillna(0)
    traces = [_bar(x, by_platform[p], label(platform_name(p)), colors.platform_color(p)) for p in b.platforms]
    totals = by_platform.sum(axis=1)
    changes = [""] + [_change_label(now, before) for before, now in zip(totals[:-1], totals[1:], strict=True)]
    traces.append({"type": "scatter", "x": x, "y": list(totals), "mode": "text", "showlegend": False,
                   "textposition": "top center", "hoverinfo": "skip",
                   "text": [f"{format_number(v)}<br>{c}" if c else format_number(v)
                            for v, c in zip(totals, changes, strict=True)]})
    top = float(totals.max()) if len(totals) else 0.0
    return _figure(traces, figure_title("blocked", b), subtitle, _count_axis(t("briefing.axis.blocked"), top, 1.25),
                   barmode="stack")


def funnel_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Detected → reported → blocked per month (all selected platforms), side by side."""
    totals = b.flows.groupby("month")[list(FUNNEL_STEPS)].sum().reindex(b.months, fill_value=0)
    traces = [_bar(_month_labels(b.months), totals[step], t(f"briefing.step.{step}"), colors.STATUS_COLORS[step])
              for step in FUNNEL_STEPS]
    top = float(totals.to_numpy().max()) if totals.size else 0.0
    return _figure(traces, figure_title("funnel", b), subtitle, _count_axis(t("briefing.axis.accounts"), top),
                   barmode="group")


def speed_chart(b: Briefing, basis: str = "detection", subtitle: str = "") -> go.Figure:
    """Median days to block per month and platform (lines), with the 90th percentile of all platforms dotted."""
    x = _month_labels(b.months)
    order = [*b.platforms, ALL_PLATFORMS]
    median, p90 = _by_platform(b.speed, "month", b.months, order,
                               [f"median_days_from_{basis}", f"p90_days_from_{basis}"], float)
    traces = []
    for index, platform in enumerate(order):
        together = platform == ALL_PLATFORMS
        color = colors.ALL_COLOR if together else colors.platform_color(platform)
        traces.append({"type": "scatter", "x": x, "y": _none_for_nan(median[index]),
                       "name": label(platform_name(platform)), "mode": "lines+markers", "hovertemplate": DAYS_HOVER,
                       "line": {"color": color, "width": 4 if together else 2}})
        if together:
            traces.append({"type": "scatter", "x": x, "y": _none_for_nan(p90[index]),
                           "name": t("briefing.p90_all"), "mode": "lines", "hovertemplate": DAYS_HOVER,
                           "line": {"color": color, "dash": "dot"}})
    return _figure(traces, figure_title(f"speed_{basis}", b), subtitle,
                   {"title": {"text": t("briefing.axis.days")}, "rangemode": "tozero"})


def _by_platform(frame, column: str, values: list, platforms: list[str], fields: list[str], dtype) -> list:
    """`fields` of `frame` as arrays [platform, value of `column`] in the given orders (NaN where absent).

    Filled cell by cell from plain lists: a pandas reindex per figure cost several milliseconds.
    """
    rows, cols = {p: i for i, p in enumerate(platforms)}, {v: j for j, v in enumerate(values)}
    tables = [np.full((len(platforms), len(values)), np.nan) for _ in fields]
    columns = [frame[field].tolist() for field in fields]
    for index, (platform, value) in enumerate(zip(frame["platform"].tolist(), frame[column].tolist(), strict=True)):
        if platform in rows and value in cols:
            for table, cells in zip(tables, columns, strict=True):
                table[rows[platform], cols[value]] = cells[index]
    return [table.astype(dtype) for table in tables]


def _none_for_nan(series) -> list:
    """Plotly draws a gap for None; a month without blocks has no median (it is not zero days)."""
    return [None if value != value else float(value) for value in series]  # NaN != NaN


def durations_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Distribution of days to block for the briefing month: a box per platform, from detection and from report."""
    # One point per block (thousands on a national month): numpy arrays, which plotly validates and serialises as
    # whole arrays, where lists cost it a Python step per point (a tenth of a second per page view).
    codes, platforms = pd.factorize(b.durations["platform"])
    names = np.array([label(platform_name(p)) for p in platforms], dtype=object)[codes]
    bases, days = b.durations["basis"].to_numpy(dtype=object), b.durations["days"].to_numpy(dtype=float)
    traces = []
    for basis, step in (("detection", "detected"), ("report", "reported")):
        mine = bases == basis
        traces.append({"type": "box", "x": names[mine], "y": days[mine], "name": t(f"briefing.basis.{basis}"),
                       "boxpoints": "all", "jitter": 0.3, "marker": {"color": colors.STATUS_COLORS[step]}})
    return _figure(traces, figure_title("durations", b), subtitle,
                   {"title": {"text": t("briefing.axis.days")}, "rangemode": "tozero"}, boxmode="group")


def survival_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Share of reported accounts still not blocked 7, 30 and 90 days after the report, per platform."""
    x = [t("briefing.after_days", days=h) for h in HORIZONS]
    order = [*b.platforms, ALL_PLATFORMS]
    (share,) = _by_platform(b.survival, "horizon", list(HORIZONS), order, ["share_open"], float)
    still_open, eligible = _by_platform(b.survival, "horizon", list(HORIZONS), order, ["open", "eligible"], float)
    traces = []
    for index, platform in enumerate(order):
        color = colors.ALL_COLOR if platform == ALL_PLATFORMS else colors.platform_color(platform)
        counts = [[int(o), int(e)] for o, e in zip(np.nan_to_num(still_open[index]), np.nan_to_num(eligible[index]),
                                                    strict=True)]
        traces.append(_bar(x, _none_for_nan(share[index]), label(platform_name(platform)), color,
                           hover="%{x}<br>%{fullData.name}: %{y:.0%} (%{customdata[0]:,d} / %{customdata[1]:,d})"
                                 "<extra></extra>",
                           customdata=counts))
    return _figure(traces, figure_title("survival", b), subtitle,
                   {"title": {"text": t("briefing.axis.share_open")}, "range": [0, 1], "tickformat": ".0%"},
                   barmode="group")


def backlog_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Reported accounts still open at each month end, stacked by how long they have waited."""
    x = _month_labels(b.months)
    traces = [_bar(x, b.backlog[bucket], t(f"briefing.bucket.{bucket}"), color)
              for bucket, color in zip(AGE_BUCKETS, colors.AGE_BUCKET_COLORS, strict=True)]
    top = float(b.backlog["total"].max()) if len(b.backlog) else 0.0
    return _figure(traces, figure_title("backlog", b), subtitle, _count_axis(t("briefing.axis.accounts"), top),
                   barmode="stack")


def _stacked_cases(b: Briefing, frame, column: str, names) -> list[dict]:
    """One bar trace per value of `column` (sorted), its cases per month of the period (zeros kept)."""
    x = _month_labels(b.months)
    position = {month: index for index, month in enumerate(b.months)}
    counts: dict = {}
    # Summed from plain lists: a pandas pivot per figure cost a few milliseconds.
    for month, value, cases in zip(frame["month"].tolist(), frame[column].tolist(), frame["cases"].tolist(),
                                   strict=True):
        row = counts.setdefault(value, [0] * len(x))
        if month in position:
            row[position[month]] += int(cases)
    return [_bar(x, counts[value], label(names(value))) for value in sorted(counts)]


def cases_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Cases per month stacked by case type, with the share matching a detected account on a second axis."""
    traces = _stacked_cases(b, b.cases_by_type, "case_type", lambda v: v or t("briefing.unknown"))
    traces.append({"type": "scatter", "x": _month_labels(b.months), "y": _none_for_nan(b.cases["matched_share"]),
                   "name": t("briefing.matched_share"), "mode": "lines+markers", "yaxis": "y2",
                   "line": {"color": colors.ALL_COLOR}, "hovertemplate": "%{x}<br>%{fullData.name}: %{y:.0%}"
                                                                         "<extra></extra>"})
    top = float(b.cases["cases"].max()) if len(b.cases) else 0.0
    share_axis = {"overlaying": "y", "side": "right", "range": [0, 1.05], "tickformat": ".0%", "dtick": 0.25,
                  "showgrid": False}
    return _figure(traces, figure_title("cases", b), subtitle, _count_axis(t("briefing.axis.cases"), top),
                   barmode="stack", yaxis2=share_axis)


def destinations_chart(b: Briefing, country_names: Mapping[str, str], subtitle: str = "") -> go.Figure:
    """Cases per month stacked by destination country."""
    traces = _stacked_cases(b, b.cases_by_destination, "destination_country",
                            lambda code: country_names.get(code, code) if code else t("briefing.unknown"))
    top = float(b.cases["cases"].max()) if len(b.cases) else 0.0
    return _figure(traces, figure_title("destinations", b), subtitle, _count_axis(t("briefing.axis.cases"), top),
                   barmode="stack")


def all_charts(b: Briefing, country_names: Mapping[str, str], subtitle: str = "") -> dict[str, go.Figure]:
    """Every figure of the briefing by name, in the order of the export."""
    return {
        "blocked": blocked_chart(b, subtitle),
        "funnel": funnel_chart(b, subtitle),
        "speed_detection": speed_chart(b, "detection", subtitle),
        "speed_report": speed_chart(b, "report", subtitle),
        "durations": durations_chart(b, subtitle),
        "survival": survival_chart(b, subtitle),
        "backlog": backlog_chart(b, subtitle),
        "cases": cases_chart(b, subtitle),
        "destinations": destinations_chart(b, country_names, subtitle),
    }
