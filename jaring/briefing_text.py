"""Words of the briefing: figure titles that state period and filters, KPI changes, and generated sentences."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from jaring import filters as flt
from jaring.briefing import ALL_PLATFORMS, Briefing, Kpi, change
from jaring.formatting import format_month, format_number, format_percent, platform_label
from jaring.i18n import t


def platform_name(code: str) -> str:
    """Display name of a platform, with the 'all platforms' marker translated."""
    return t("briefing.all_platforms") if code == ALL_PLATFORMS else platform_label(code)


def period_text(filters: flt.Filters) -> str:
    """ "Januari 2025 – Juni 2025" (or one month name when the period is a single month)."""
    start, end = flt.month_start(filters.start), flt.month_start(filters.end)
    return format_month(start) if start == end else f"{format_month(start)} – {format_month(end)}"


def filters_text(filters: flt.Filters, province_names: Mapping[str, str] | None = None,
                 country_names: Mapping[str, str] | None = None) -> str:
    """The non-default filters in words, e.g. "Platform: Facebook · Provinsi: Jawa Barat"; "" when none."""
    parts = []
    if filters.platforms:
        parts.append(t("briefing.filter_platforms", names=", ".join(map(platform_label, filters.platforms))))
    if filters.provinces:
        names = (province_names or {}).get
        parts.append(t("briefing.filter_provinces", names=", ".join(names(c) or c for c in filters.provinces)))
    if filters.countries:
        names = (country_names or {}).get
        parts.append(t("briefing.filter_countries", names=", ".join(names(c) or c for c in filters.countries)))
    return " · ".join(parts)


def figure_title(figure: str, briefing: Briefing) -> str:
    """A figure's title: what it shows and for which period or month (the subtitle names the filters)."""
    when = format_month(briefing.month) if figure == "durations" else period_text(briefing.filters)
    return t(f"briefing.fig.{figure}", when=when)


def format_value(value: float | None, unit: str = "count") -> str:
    """A KPI value: "1.234", "12 hari", or "—" when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "days":
        return t("briefing.days_value", days=format_number(value, 1 if value % 1 else 0))
    return format_number(value)


def change_text(kpi: Kpi, reference: float | None, month: date) -> str | None:
    """ "+23% dibanding Februari 2025", "+4 dibanding …" when the reference is zero, None when unknowable."""
    if kpi.value is None or reference is None or _missing(kpi.value) or _missing(reference):
        return None
    relative = change(kpi.value, reference)
    if kpi.unit == "days":
        amount = t("briefing.days_value", days=_signed(kpi.value - reference, 1))
    elif relative is None:
        amount = _signed(kpi.value - reference, 0)
    else:
        amount = ("+" if relative > 0 else "") + format_percent(relative, 0)
    return t("briefing.change_vs", amount=amount, month=format_month(month))


def kpi_changes(b: Briefing, kpi: Kpi) -> tuple[str | None, str | None]:
    """The KPI's change against the month before and against the same month a year earlier, in words."""
    return (change_text(kpi, kpi.previous, flt.add_months(b.month, -1)),
            change_text(kpi, kpi.year_ago, flt.add_months(b.month, -12)))


def _missing(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _signed(value: float, decimals: int) -> str:
    rounded = round(value, decimals)
    text = format_number(abs(rounded), decimals if rounded % 1 else 0)
    # ASCII minus: Streamlit's metric reads a leading "-" as a fall.
    return ("+" if rounded > 0 else "-" if rounded < 0 else "±") + text


def trend_sentence(subject_key: str, value: float, reference: float, reference_month: date) -> str:
    """ "Pemblokiran naik 23% dibanding Februari 2025" / turun / sama / from zero."""
    subject, month = t(subject_key), format_month(reference_month)
    if reference == 0:
        if value == 0:
            return t("briefing.sentence.none", subject=subject, month=month)
        return t("briefing.sentence.from_zero", subject=subject, value=format_number(value), month=month)
    relative = (value - reference) / reference
    if round(relative * 100) == 0:
        return t("briefing.sentence.same", subject=subject, month=month)
    key = "briefing.sentence.up" if relative > 0 else "briefing.sentence.down"
    return t(key, subject=subject, percent=format_percent(abs(relative), 0), month=month,
             value=format_number(value), reference=format_number(reference))


def key_numbers(briefing: Briefing) -> dict[str, str]:
    """The one number each figure's slide shows in large type."""
    kpi = {k.key: k for k in briefing.kpis}
    month_survival = briefing.survival[(briefing.survival["platform"] == ALL_PLATFORMS)
                                       & (briefing.survival["horizon"] == 30)]
    share = month_survival["share_open"].iloc[0] if len(month_survival) else float("nan")
    month_cases = briefing.cases[briefing.cases["month"] == briefing.month]
    return {
        "blocked": format_value(kpi["blocked"].value),
        "speed": format_value(kpi["median_days"].value, "days"),
        "backlog": format_value(kpi["backlog"].value),
        "survival": format_percent(share, 0) or "—",
        "cases": format_value(float(month_cases["cases"].sum()) if len(month_cases) else 0.0),
    }


def sentences(briefing: Briefing) -> dict[str, str]:
    """One short generated sentence per figure, about the briefing month."""
    kpi = {k.key: k for k in briefing.kpis}
    previous = flt.add_months(briefing.month, -1)
    month = format_month(briefing.month)
    blocked, days, backlog = kpi["blocked"], kpi["median_days"], kpi["backlog"]
    speed = (t("briefing.sentence.speed", month=month, days=format_value(days.value, "days"))
             if not _missing(days.value) else t("briefing.sentence.no_blocks", month=month))
    old = briefing.backlog.loc[briefing.backlog["month"] == briefing.month, "backlog_90_plus"]
    surv = briefing.survival[(briefing.survival["platform"] == ALL_PLATFORMS)]
    shares = {int(r.horizon): r for r in surv.itertuples(index=False)}
    cases = briefing.cases[briefing.cases["month"] == briefing.month]
    n_cases = int(cases["cases"].sum()) if len(cases) else 0
    matched = int(cases["matched_cases"].sum()) if len(cases) else 0
    return {
        "blocked": trend_sentence("briefing.subject.blocked", blocked.value, blocked.previous, previous),
        "speed": speed,
        "backlog": t("briefing.sentence.backlog", month=month, value=format_value(backlog.value),
                     old=format_number(int(old.sum()) if len(old) else 0)),
        "survival": _survival_sentence(shares),
        "cases": t("briefing.sentence.cases", month=month, value=format_number(n_cases),
                   matched=format_number(matched),
                   share=format_percent(matched / n_cases, 0) if n_cases else "0%"),
    }


def _survival_sentence(shares: Mapping[int, object]) -> str:
    row = shares.get(30)
    if row is None or not row.eligible:
        return t("briefing.sentence.survival_none")
    return t("briefing.sentence.survival", share=format_percent(row.share_open, 0),
             eligible=format_number(row.eligible))
