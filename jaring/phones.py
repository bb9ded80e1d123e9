"""Phone numbers in E.164, and the e-wallet accounts that are keyed on a phone number."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import phonenumbers
from phonenumbers import CountryCodeSource, NumberParseException, PhoneNumberFormat, PhoneNumberType

from jaring.banks import EWALLET_KEYS, EWALLET_NAMES, PAYMENT_WORDS, alias_key

# wa.me/<number> and …whatsapp.com/send?phone=<number> always carry the international number without "+".
_WA_PREFIX = (
    r"(?:https?://)?(?:wa\.me/|(?:api\.|web\.)?whatsapp\.com/send/?\?(?:[a-z_]+=[^&\s]*&)*phone="
    r"|whatsapp://send/?\?(?:[a-z_]+=[^&\s]*&)*phone=)(?:\+|%2b)?"
)
_NUMBER = r"\+?\(?[0-9](?:[ .\-()]{0,2}[0-9]){6,}"
# A bank or e-wallet word in front of (or a bank name in brackets after) a number is swallowed into the
# phone candidate on purpose: phone() then rejects it, so a bank account never becomes a phone, even in
# the importer, which runs each pattern on its own.
PHONE_PATTERN = (
    rf"(?i){_WA_PREFIX}[0-9]{{6,15}}"
    rf"|(?:\b(?:{PAYMENT_WORDS})\b[\s:.,#=\-]*)?{_NUMBER}(?:\s*[(\[]\s*(?:{PAYMENT_WORDS})\b)?"
)
EWALLET_PATTERN = (
    rf"(?i)\b(?:{EWALLET_NAMES})\b(?:\s*[/,&]\s*(?:{EWALLET_NAMES})\b)*"
    rf"[\s:.,#=\-]*(?:(?:no|nomor|nomer|hp)\.?[\s:.]*)?{_NUMBER}"
)

_WA_LINK_RE = re.compile(_WA_PREFIX + "([0-9]{6,15})", re.IGNORECASE)
_RUN_RE = re.compile(r"\+?\(?[0-9](?:[ .\-()]{0,2}[0-9])*")
_PAYMENT_RE = re.compile(rf"\b(?:{PAYMENT_WORDS})\b", re.IGNORECASE | re.ASCII)
_EWALLET_RE = re.compile(rf"\b(?:{EWALLET_NAMES})\b", re.IGNORECASE | re.ASCII)
# Patterns written for Python and RE2 alike: the importer's SQL shortcut (queries/ingest/fast_piece_values.sql)
# binds these same texts.
DATE_SHAPE = r"[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}"
PLAIN_NUMBER = r"\+?[0-9 .\-()]+"
# A number that went through a spreadsheet or pandas as a float ("6281234567890.0"): group 1 is the number.
FLOAT_NUMBER = r"(\+?[0-9]{6,15})\.0+"
_DATE_RE = re.compile(DATE_SHAPE)
_NOT_DIGIT_OR_PLUS = re.compile(r"[^0-9+]")
_PLAIN_RE = re.compile(PLAIN_NUMBER)
_FLOAT_RE = re.compile(FLOAT_NUMBER)
_LETTER_RE = re.compile(r"[a-z]", re.IGNORECASE)
# Indonesian mobile numbers as phonenumbers 9.x defines them (national number 8[1-35-9]\d{7,10}).
INDONESIAN_MOBILE = r"(\+62|62|0)?(8[1-35-9][0-9]{7,10})"
_FAST_RE = re.compile(INDONESIAN_MOBILE)
_BARE_OK = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def phone(text: str | None, default_region: str = "ID") -> str | None:
    """Normalise one phone number (or a wa.me / api.whatsapp.com link) to E.164.

    Without "+", "00" or a trunk "0", a number is only taken when it is a mobile number: bare digit strings
    such as bank account numbers are otherwise often valid landlines.

    Args:
        text: e.g. "0812-3456-7890", "+60 12-345 6789", "wa.me/6281234567890".
        default_region: region for numbers written without a country code.

    Returns:
        "+6281234567890", or None for anything that is not exactly one valid number (dates, NIK numbers,
        bank account numbers, several numbers).
    """
    if text is None:
        return None
    text = str(text).strip()
    return _phone(text, default_region) if text else None


@lru_cache(maxsize=1 << 18)
def _phone(text: str, region: str) -> str | None:
    text = unicodedata.normalize("NFKC", text)
    if as_float := _FLOAT_RE.fullmatch(text):
        text = as_float.group(1)  # its ".0" would otherwise be read as one more digit
    if _PLAIN_RE.fullmatch(text):  # the common case: the text is nothing but the number
        number = None if _DATE_RE.fullmatch(text) else text
    elif link := _WA_LINK_RE.search(text):
        digits = link.group(1)
        number = digits if digits.startswith("0") else "+" + digits
    else:
        number = _single_number(text)
    if number is None:
        return None
    compact = _NOT_DIGIT_OR_PLUS.sub("", number)
    return (_fast(compact) if region == "ID" else None) or _slow(compact, region)


def _single_number(text: str) -> str | None:
    runs = [r.group() for r in _RUN_RE.finditer(text) if sum(c.isdigit() for c in r.group()) >= 6]
    if len(runs) != 1 or _DATE_RE.fullmatch(runs[0].strip("() ")):
        return None
    if _LETTER_RE.search(text) and _PAYMENT_RE.search(text):
        return None
    return runs[0]


def _fast(compact: str) -> str | None:
    """E.164 for the common Indonesian mobile forms without calling phonenumbers (tested to agree)."""
    match = _FAST_RE.fullmatch(compact)
    if match is None:
        return None
    prefix, national = match.groups()
    # phonenumbers reads a short "62…" string as a national number, not as a country code.
    if prefix == "62" and len(national) < 10:
        return None
    return "+62" + national


def _slow(compact: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(compact, region, keep_raw_input=True)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    bare = not compact.startswith(("+", "0"))
    if (bare and number.country_code_source == CountryCodeSource.FROM_DEFAULT_COUNTRY
            and phonenumbers.number_type(number) not in _BARE_OK):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def ewallet(text: str | None) -> str | None:
    """Normalise an e-wallet account to "WALLET:+62…".

    Args:
        text: e.g. "DANA 0813 0000 7788", "Go-Pay: +62 812 3456 7890".

    Returns:
        "DANA:+6281300007788", or None without a wallet name or a valid phone number after it.
    """
    values = ewallet_values(text)
    return values[0] if values else None


def ewallet_values(text: str | None) -> list[str]:
    """All wallets named before one number ("DANA/OVO 0813…" gives a DANA and an OVO value)."""
    if not text:
        return []
    first = _EWALLET_RE.search(text)
    runs = _RUN_RE.finditer(text, first.end()) if first else ()
    run = next((r for r in runs if sum(c.isdigit() for c in r.group()) >= 7), None)
    number = phone(run.group()) if run else None
    if number is None:
        return []
    codes = dict.fromkeys(EWALLET_KEYS[alias_key(m.group())]
                          for m in _EWALLET_RE.finditer(text, first.start(), run.start()))
    return [f"{code}:{number}" for code in codes]
