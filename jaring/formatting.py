"""Numbers, months and dates as the analyst reads them: 1.234 and "Maret 2025" in Indonesian, 1,234 in English."""

from __future__ import annotations

import math
from datetime import date, datetime

from jaring.i18n import current_language, value_label

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# Brand names read the same in both languages; the catalog covers the generic ones (website, other).
PLATFORM_NAMES = {
    "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok", "twitter": "X (Twitter)",
    "x": "X (Twitter)", "youtube": "YouTube", "telegram": "Telegram", "whatsapp": "WhatsApp",
    "linkedin": "LinkedIn", "threads": "Threads", "snackvideo": "Snack Video", "line": "LINE",
}


def _separators(language: str) -> tuple[str, str]:
    """(thousands, decimal) separators."""
    return (".", ",") if language == "id" else (",", ".")


def format_number(value, decimals: int = 0, language: str | None = None) -> str:
    """A number with the language's separators: 1234567.5 -> "1.234.567,5" (id) or "1,234,567.5" (en).

    None and NaN become an empty string, so a missing value never reads as zero.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    thousands, decimal = _separators(language or current_language())
    text = f"{float(value):,.{decimals}f}" if decimals else f"{round(float(value)):,d}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_percent(share, decimals: int = 1, language: str | None = None) -> str:
    """A share 0..1 as a percentage: 0.123 -> "12,3%" (id) or "12.3%" (en)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{format_number(share * 100, decimals, language)}%"


def month_name(month: int, language: str | None = None) -> str:
    """The name of month 1..12."""
    return MONTHS[language or current_language()][month - 1]


def format_month(value: date | datetime, language: str | None = None) -> str:
    """ "Maret 2025" / "March 2025"."""
    return f"{month_name(value.month, language)} {value.year}"


def format_date(value: date | datetime | None, language: str | None = None) -> str:
    """ "7 Maret 2025" / "7 March 2025"; empty for None."""
    if value is None:
        return ""
    return f"{value.day} {month_name(value.month, language)} {value.year}"


def format_datetime(value: datetime | None, language: str | None = None) -> str:
    """ "7 Maret 2025 14:05" / "7 March 2025 14:05" (Jakarta wall-clock time, as stored)."""
    if value is None:
        return ""
    return f"{format_date(value, language)} {value:%H:%M}"


def platform_label(code: str | None, language: str | None = None) -> str:
    """Display name of a normalised platform code."""
    if code is None:
        return ""
    if code in PLATFORM_NAMES:
        return PLATFORM_NAMES[code]
    label = value_label("platform", code, language)
    return label if label != code else code.replace("_", " ").title()
