"""One colour per platform (and per status and age bucket) for every chart of the app, so Facebook is always blue."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

# Fixed colours for the platforms the importer knows (jaring.vocab.PLATFORMS). Hues close to each brand where
# that stays readable, otherwise far apart from their neighbours; all readable on white.
PLATFORM_COLORS: dict[str, str] = {
    "facebook": "#1f5fbf",
    "instagram": "#c13584",
    "tiktok": "#00a5a8",
    "x": "#6b7b8c",
    "telegram": "#29a9eb",
    "whatsapp": "#25a244",
    "youtube": "#e02b20",
    "website": "#f08c00",
    "linkedin": "#0a4f7a",
    "threads": "#7b4bb7",
    "line": "#8cc63f",
    "kaskus": "#a0522d",
    "olx": "#556b2f",
    "other": "#b0b0b0",
}

# Platforms outside the list above still get a stable colour: the same code always picks the same entry.
_SPARE_COLORS = ("#8c564b", "#bcbd22", "#17becf", "#9467bd", "#d62728", "#2ca02c", "#ff7f0e", "#7f7f7f")

# Account lifecycle, for funnels and status charts.
STATUS_COLORS: dict[str, str] = {
    "detected": "#9aa5b1",
    "reported": "#f0a202",
    "blocked": "#2e7d32",
    "rejected": "#8e44ad",
    "restored": "#c62828",
}

# Backlog age buckets from young to old: light to dark red, so the oldest waiting reports stand out.
AGE_BUCKET_COLORS: tuple[str, ...] = ("#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")

# One colour for "all platforms together" lines drawn beside per-platform ones.
ALL_COLOR = "#333333"


def platform_color(platform: str | None) -> str:
    """The colour of a normalised platform code; unknown codes get a stable colour from a spare palette."""
    code = (platform or "other").lower()
    if code in PLATFORM_COLORS:
        return PLATFORM_COLORS[code]
    index = int(hashlib.sha1(code.encode("utf-8")).hexdigest(), 16) % len(_SPARE_COLORS)
    return _SPARE_COLORS[index]


def platform_color_map(platforms: Iterable[str]) -> dict[str, str]:
    """platform code -> colour, for plotly's `color_discrete_map` (keys as given)."""
    return {platform: platform_color(platform) for platform in platforms}


def platform_order(platforms: Iterable[str]) -> list[str]:
    """Platforms in the app's fixed order (known ones first, as listed above), so stacks and legends line up."""
    known = list(PLATFORM_COLORS)
    unique = dict.fromkeys(platforms)
    return sorted(unique, key=lambda p: (known.index(p) if p in known else len(known), p))
