"""Normalisers for identifiers and labels, and the candidate patterns the bulk importer runs in DuckDB."""

from __future__ import annotations

import re
from collections.abc import Callable

from jaring.banks import BANK_ACCOUNT_PATTERN, BANK_ALIASES, BANKS, EWALLET_ALIASES, EWALLETS, bank_account
from jaring.links import (
    EMAIL_PATTERN,
    TELEGRAM_PATTERN,
    URL_PATTERN,
    WHATSAPP_PATTERN,
    domain,
    email,
    handle,
    platform_from_url,
    telegram,
    url,
    whatsapp,
)
from jaring.phones import _WA_LINK_RE, EWALLET_PATTERN, PHONE_PATTERN, ewallet, ewallet_values, phone
from jaring.vocab import PLATFORMS, STATUSES, countries_in_text, country, platform, status, victims

__all__ = [
    "BANKS", "BANK_ALIASES", "CANDIDATE_PATTERNS", "EWALLETS", "EWALLET_ALIASES", "KINDS", "NORMALISERS",
    "PLATFORMS", "STATUSES", "bank_account", "classify", "countries_in_text", "country", "domain", "email",
    "ewallet", "ewallet_values", "extract_identifiers", "handle", "phone", "platform", "platform_from_url",
    "status", "telegram", "url", "victims", "whatsapp",
]

KINDS = ("phone", "bank_account", "ewallet", "email", "url", "domain", "telegram", "whatsapp", "handle")

# Kind -> pattern whose whole match (group 0) goes to NORMALISERS[kind]. Written for RE2 (DuckDB's
# regexp_extract_all) and Python alike: one leading (?i), no look-around, no back-references, no atomic or
# possessive groups, no \Z; \b \d \s \w are ASCII in RE2, so Python compiles them with re.ASCII. No capturing
# groups either: with one, RE2 leaves its fast DFA and the phone pattern ran 5x slower in DuckDB.
CANDIDATE_PATTERNS: dict[str, str] = {
    "phone": PHONE_PATTERN,
    "bank_account": BANK_ACCOUNT_PATTERN,
    "ewallet": EWALLET_PATTERN,
    "email": EMAIL_PATTERN,
    "url": URL_PATTERN,
    "telegram": TELEGRAM_PATTERN,
    "whatsapp": WHATSAPP_PATTERN,
}

NORMALISERS: dict[str, Callable[[str], str | None]] = {
    "phone": phone, "bank_account": bank_account, "ewallet": ewallet, "email": email, "url": url,
    "domain": domain, "telegram": telegram, "whatsapp": whatsapp, "handle": handle,
}

_COMPILED = {kind: re.compile(p, re.ASCII) for kind, p in CANDIDATE_PATTERNS.items()}
# Specific kinds claim their text first, so a bank account or an e-wallet number never also comes out as
# a phone, an e-mail never yields a URL, and wa.me / t.me / chat.whatsapp.com links are not also URLs.
_CLAIM_ORDER = ("email", "whatsapp", "telegram", "bank_account", "ewallet", "phone", "url")
_OUTPUT_ORDER = ("phone", "bank_account", "ewallet", "email", "url", "domain", "telegram", "whatsapp")
_TELEGRAM_LINK_RE = re.compile(r"(?:^|[/.\s])(?:t|telegram)\.(?:me|dog)/|^tg://", re.IGNORECASE)
_HANDLE_RE = re.compile(r"@?[\w.\-]*[^\W\d_][\w.\-]*/?")  # one word with at least one letter


def extract_identifiers(text: str | None) -> list[tuple[str, str]]:
    """Find every identifier in free text (an ad, a case chronology).

    Args:
        text: free text.

    Returns:
        Unique (kind, normalised value) pairs, ordered by kind (phone, bank_account, ewallet, email, url
        with its domain, telegram, whatsapp) and then by position in the text.
    """
    if not text:
        return []
    claimed: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, str]] = []
    for kind in _CLAIM_ORDER:
        for match in _COMPILED[kind].finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in claimed):
                continue
            piece = match.group()
            values = ewallet_values(piece) if kind == "ewallet" else [NORMALISERS[kind](piece)]
            values = [v for v in values if v]
            if values:
                claimed.append((start, end))
                found.extend((_OUTPUT_ORDER.index(kind), start, kind, v) for v in values)
                if kind == "url":
                    found.append((_OUTPUT_ORDER.index("domain"), start, "domain", domain(values[0]) or ""))
    pairs = [(kind, value) for _, _, kind, value in sorted(found) if value]
    return list(dict.fromkeys(pairs))


def classify(text: str | None) -> tuple[str, str] | None:
    """Guess what an analyst typed into the search box.

    Args:
        text: e.g. "0812 3456 7890", "BRI 1234 01 000123 50 7", "@kerja.malaysia", "t.me/x", "x@y.com".

    Returns:
        The single best (kind, normalised value), or None when the text is none of the known kinds.
    """
    text = (text or "").strip()
    if not text:
        return None
    checks: list[tuple[str, Callable[[str], str | None]]] = [
        ("whatsapp", whatsapp),
        ("phone", lambda t: phone(t) if _WA_LINK_RE.search(t) else None),
        ("telegram", lambda t: telegram(t) if _TELEGRAM_LINK_RE.search(t) else None),
        ("email", email),
        ("handle", lambda t: handle(t) if t.startswith("@") else None),
        ("ewallet", ewallet),
        ("bank_account", bank_account),
        ("phone", phone),
        ("url", url),
        ("handle", lambda t: handle(t) if _HANDLE_RE.fullmatch(t) else None),
    ]
    for kind, check in checks:
        value = check(text)
        if value:
            return kind, value
    return None
