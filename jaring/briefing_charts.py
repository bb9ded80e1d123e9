"""Plotly figures of the briefing: one builder per figure, fixed platform colours, Indonesian number formats."""

from __future__ import annotations

import html
from collections.abc import Mapping

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from jaring import colors
from jaring.briefing import AGE_BUCKETS, ALL_PLATFORMS, HORIZONS, Briefing
from jaring.briefing_text import figure_title, platform_name
from jaring.formatting import format_month, format_number, format_percent
from jaring.i18n import current_language, t

FUNNEL_STEPS = ("detected", "reported", "blocked")


def label(text: object) -> str:
    """Data text for a plotly label: plotly reads a subset of HTML in labels, so tags must arrive escaped."""
    return html.escape("" if text is None else str(text))


def _layout(fig: go.Figure, title: str, subtitle: str = "", y_title: str = "", barmode: str | None = None) -> go.Figure:
    """The app's common look: title with the filters below it, the language's separators, legend on top."""
    text = label(title) + (f"<br><sup>{label(subtitle)}</sup>" if subtitle else "")
    fig.update_layout(
        title={"text": text, "x": 0.0, "xanchor": "left"},
        separators=",." if current_language() == "id" else ".,",  # decimal, then thousands
        template="plotly_white", legend={"orientation": "h", "y": -0.15, "traceorder": "normal"},
        margin={"t": 90, "l": 60, "r": 20},
        yaxis_title=y_title, font={"family": "Arial, sans-serif"}, height=430,
    )
    if barmode:
        fig.update_layout(barmode=barmode)
    return fig


def _month_labels(months) -> list[str]:
    return [format_month(m) for m in months]


def blocked_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Blocks per month stacked by platform, each month's total and its change against the month before."""
    fig = go.Figure()
    x = _month_labels(b.months)
    for platform in b.platforms:
        part = b.flows[b.flows["platform"] == platform].set_index("month").reindex(b.months, fill_value=0)
        fig.add_bar(x=x, y=part["blocked"], name=label(platform_name(platform)),
                    marker_color=colors.platform_color(platform),
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>")
    totals = b.flows.groupby("month")["blocked"].sum().reindex(b.months, fill_value=0)
    changes = [""] + [_change_label(now, before) for before, now in zip(totals[:-1], totals[1:], strict=True)]
    fig.add_scatter(x=x, y=totals, mode="text", showlegend=False, textposition="top center", hoverinfo="skip",
                    text=[f"{format_number(v)}<br>{c}" if c else format_number(v) for v, c in zip(totals, changes,
                                                                                                  strict=True)])
    _count_axis(fig, float(totals.max()) if len(totals) else 0.0, headroom=1.25)
    return _layout(fig, figure_title("blocked", b), subtitle, t("briefing.axis.blocked"), barmode="stack")


def _count_axis(fig: go.Figure, top: float, headroom: float = 1.05, **where) -> None:
    """A y axis of whole numbers from zero (no "0,5 accounts" ticks), with room above the highest bar."""
    fig.update_yaxes(range=[0, max(top * headroom, 1)], tickformat=",d", **where)
    if top < 8:
        fig.update_yaxes(dtick=1, **where)


def _change_label(now: float, before: float) -> str:
    if before == 0:
        return ""
    relative = (now - before) / before
    return ("+" if relative > 0 else "") + format_percent(relative, 0)


def funnel_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Detected → reported → blocked per month (all selected platforms), side by side."""
    fig = go.Figure()
    totals = b.flows.groupby("month")[list(FUNNEL_STEPS)].sum().reindex(b.months, fill_value=0)
    for step in FUNNEL_STEPS:
        fig.add_bar(x=_month_labels(b.months), y=totals[step], name=t(f"briefing.step.{step}"),
                    marker_color=colors.STATUS_COLORS[step],
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>")
    _count_axis(fig, float(totals.to_numpy().max()) if totals.size else 0.0)
    return _layout(fig, figure_title("funnel", b), subtitle, t("briefing.axis.accounts"), barmode="group")


def speed_chart(b: Briefing, basis: str = "detection", subtitle: str = "") -> go.Figure:
    """Median days to block per month and platform (lines), with the 90th percentile of all platforms dotted."""
    fig = go.Figure()
    x = _month_labels(b.months)
    for platform in [*b.platforms, ALL_PLATFORMS]:
        part = b.speed[b.speed["platform"] == platform].set_index("month").reindex(b.months)
        together = platform == ALL_PLATFORMS
        color = colors.ALL_COLOR if together else colors.platform_color(platform)
        fig.add_scatter(x=x, y=part[f"median_days_from_{basis}"], name=label(platform_name(platform)),
                        mode="lines+markers", line={"color": color, "width": 4 if together else 2},
                        connectgaps=False, hovertemplate="%{x}<br>%{fullData.name}: %{y:,.1f}<extra></extra>")
        if together:
            fig.add_scatter(x=x, y=part[f"p90_days_from_{basis}"], name=t("briefing.p90_all"), mode="lines",
                            line={"color": color, "dash": "dot"},
                            hovertemplate="%{x}<br>%{fullData.name}: %{y:,.1f}<extra></extra>")
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, figure_title(f"speed_{basis}", b), subtitle, t("briefing.axis.days"))


def durations_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Distribution of days to block for the briefing month: a box per platform, from detection and from report."""
    fig = go.Figure()
    for basis in ("detection", "report"):
        part = b.durations[b.durations["basis"] == basis]
        fig.add_box(x=[label(platform_name(p)) for p in part["platform"]], y=part["days"],
                    name=t(f"briefing.basis.{basis}"), boxpoints="all", jitter=0.3,
                    marker_color=colors.STATUS_COLORS["detected" if basis == "detection" else "reported"])
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, figure_title("durations", b), subtitle, t("briefing.axis.days"), barmode=None).update_layout(
        boxmode="group")


def survival_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Share of reported accounts still not blocked 7, 30 and 90 days after the report, per platform."""
    fig = go.Figure()
    x = [t("briefing.after_days", days=h) for h in HORIZONS]
    for platform in [*b.platforms, ALL_PLATFORMS]:
        part = b.survival[b.survival["platform"] == platform].set_index("horizon").reindex(HORIZONS)
        color = colors.ALL_COLOR if platform == ALL_PLATFORMS else colors.platform_color(platform)
        fig.add_bar(x=x, y=part["share_open"], name=label(platform_name(platform)), marker_color=color,
                    customdata=part[["open", "eligible"]].fillna(0).to_numpy(),
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:.0%} (%{customdata[0]:,d} / %{customdata[1]:,d})"
                                  "<extra></extra>")
    fig.update_yaxes(range=[0, 1], tickformat=".0%")
    return _layout(fig, figure_title("survival", b), subtitle, t("briefing.axis.share_open"), barmode="group")


def backlog_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Reported accounts still open at each month end, stacked by how long they have waited."""
    fig = go.Figure()
    x = _month_labels(b.months)
    for bucket, color in zip(AGE_BUCKETS, colors.AGE_BUCKET_COLORS, strict=True):
        fig.add_bar(x=x, y=b.backlog[bucket], name=t(f"briefing.bucket.{bucket}"), marker_color=color,
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>")
    _count_axis(fig, float(b.backlog["total"].max()) if len(b.backlog) else 0.0)
    return _layout(fig, figure_title("backlog", b), subtitle, t("briefing.axis.accounts"), barmode="stack")


def cases_chart(b: Briefing, subtitle: str = "") -> go.Figure:
    """Cases per month stacked by case type, with the share matching a detected account on a second axis."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = _month_labels(b.months)
    for case_type, part in b.cases_by_type.groupby("case_type", sort=True):
        counts = part.set_index("month")["cases"].reindex(b.months, fill_value=0)
        fig.add_bar(x=x, y=counts, name=label(case_type or t("briefing.unknown")),
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>")
    fig.add_scatter(x=x, y=b.cases["matched_share"], name=t("briefing.matched_share"), mode="lines+markers",
                    line={"color": colors.ALL_COLOR}, secondary_y=True,
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:.0%}<extra></extra>")
    fig.update_yaxes(range=[0, 1.05], tickformat=".0%", dtick=0.25, secondary_y=True)
    _count_axis(fig, float(b.cases["cases"].max()) if len(b.cases) else 0.0, secondary_y=False)
    return _layout(fig, figure_title("cases", b), subtitle, t("briefing.axis.cases"), barmode="stack")


def destinations_chart(b: Briefing, country_names: Mapping[str, str], subtitle: str = "") -> go.Figure:
    """Cases per month stacked by destination country."""
    fig = go.Figure()
    x = _month_labels(b.months)
    for code, part in b.cases_by_destination.groupby("destination_country", sort=True):
        counts = part.set_index("month")["cases"].reindex(b.months, fill_value=0)
        fig.add_bar(x=x, y=counts, name=label(country_names.get(code, code) if code else t("briefing.unknown")),
                    hovertemplate="%{x}<br>%{fullData.name}: %{y:,d}<extra></extra>")
    _count_axis(fig, float(b.cases["cases"].max()) if len(b.cases) else 0.0)
    return _layout(fig, figure_title("destinations", b), subtitle, t("briefing.axis.cases"), barmode="stack")


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

