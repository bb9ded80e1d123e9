"""Indonesian bank and e-wallet names, and the bank-account normaliser built on them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Canonical code -> display name. Codes are stable keys in the database ("BRI:123401000123507").
BANKS: dict[str, str] = {
    "BCA": "Bank Central Asia (BCA)",
    "BCAS": "BCA Syariah",
    "BLU": "blu by BCA Digital",
    "BRI": "Bank Rakyat Indonesia (BRI)",
    "RAYA": "Bank Raya",
    "BNI": "Bank Negara Indonesia (BNI)",
    "MANDIRI": "Bank Mandiri",
    "BSI": "Bank Syariah Indonesia (BSI)",
    "BTN": "Bank Tabungan Negara (BTN)",
    "CIMB": "CIMB Niaga",
    "DANAMON": "Bank Danamon",
    "PERMATA": "Bank Permata",
    "PANIN": "Panin Bank",
    "OCBC": "OCBC NISP",
    "MAYBANK": "Maybank Indonesia",
    "MEGA": "Bank Mega",
    "BTPN": "Bank BTPN / Jenius (SMBC Indonesia)",
    "JAGO": "Bank Jago",
    "SEABANK": "SeaBank Indonesia",
    "NEO": "Bank Neo Commerce",
    "ALLO": "Allo Bank",
    "MUAMALAT": "Bank Muamalat",
    "BUKOPIN": "KB Bank (Bukopin)",
    "SINARMAS": "Bank Sinarmas",
    "HSBC": "HSBC Indonesia",
    "UOB": "UOB Indonesia",
    "DBS": "DBS Indonesia",
    "BJB": "Bank BJB (Jawa Barat dan Banten)",
    "DKI": "Bank DKI",
    "JATENG": "Bank Jateng",
    "JATIM": "Bank Jatim",
    "BPD_DIY": "BPD DIY",
    "BPD_BALI": "BPD Bali",
    "NTB_SYARIAH": "Bank NTB Syariah",
    "NTT": "Bank NTT",
    "SUMUT": "Bank Sumut",
    "NAGARI": "Bank Nagari",
    "ACEH": "Bank Aceh Syariah",
    "RIAU_KEPRI": "Bank Riau Kepri Syariah",
    "SUMSEL_BABEL": "Bank Sumsel Babel",
    "JAMBI": "Bank Jambi",
    "BENGKULU": "Bank Bengkulu",
    "LAMPUNG": "Bank Lampung",
    "BANTEN": "Bank Banten",
    "KALBAR": "Bank Kalbar",
    "KALTENG": "Bank Kalteng",
    "KALSEL": "Bank Kalsel",
    "KALTIMTARA": "Bankaltimtara",
    "SULSELBAR": "Bank Sulselbar",
    "SULTRA": "Bank Sultra",
    "SULTENG": "Bank Sulteng",
    "SULUTGO": "Bank SulutGo",
    "MALUKU_MALUT": "Bank Maluku Malut",
    "PAPUA": "Bank Papua",
}

# Lower-case alias -> code. A space in an alias matches a space, a hyphen or nothing ("sea bank" = "seabank").
# Bare words that are ordinary Indonesian ("mega", "raya", "neo") only count with "bank" in front.
# Legacy names of merged banks map to the survivor (BSM/BNI Syariah/BRI Syariah -> BSI, BII -> Maybank).
BANK_ALIASES: dict[str, str] = {
    "bca": "BCA", "bank central asia": "BCA",
    "bca syariah": "BCAS",
    "blu": "BLU", "blu by bca": "BLU", "blu bca": "BLU", "bca digital": "BLU",
    "bri": "BRI", "bank rakyat indonesia": "BRI", "britama": "BRI",
    "bank raya": "RAYA",
    "bni": "BNI", "bni 46": "BNI", "bank negara indonesia": "BNI",
    "mandiri": "MANDIRI",
    "bsi": "BSI", "bank syariah indonesia": "BSI", "bsm": "BSI", "bank syariah mandiri": "BSI",
    "mandiri syariah": "BSI", "bni syariah": "BSI", "bnis": "BSI", "bri syariah": "BSI", "bris": "BSI",
    "btn": "BTN", "bank tabungan negara": "BTN", "btn syariah": "BTN",
    "cimb": "CIMB", "cimb niaga": "CIMB", "bank niaga": "CIMB", "cimb niaga syariah": "CIMB",
    "danamon": "DANAMON",
    "permata": "PERMATA", "permata bank": "PERMATA", "permata syariah": "PERMATA",
    "panin": "PANIN", "panin bank": "PANIN",
    "ocbc": "OCBC", "ocbc nisp": "OCBC", "nisp": "OCBC",
    "maybank": "MAYBANK", "bii": "MAYBANK", "bank internasional indonesia": "MAYBANK",
    "bank mega": "MEGA",
    "btpn": "BTPN", "jenius": "BTPN", "smbc indonesia": "BTPN", "bank smbc": "BTPN",
    "jago": "JAGO",
    "sea bank": "SEABANK",
    "bank neo": "NEO", "neo commerce": "NEO", "bank neo commerce": "NEO",
    "allo bank": "ALLO",
    "muamalat": "MUAMALAT",
    "bukopin": "BUKOPIN", "kb bukopin": "BUKOPIN", "kb bank": "BUKOPIN",
    "sinarmas": "SINARMAS",
    "hsbc": "HSBC", "uob": "UOB", "dbs": "DBS", "digibank": "DBS",
    "bjb": "BJB", "bank jabar": "BJB", "bank jawa barat": "BJB", "bank jabar banten": "BJB",
    "bank dki": "DKI",
    "bank jateng": "JATENG", "bpd jateng": "JATENG",
    "bank jatim": "JATIM", "bpd jatim": "JATIM",
    "bpd diy": "BPD_DIY", "bank bpd diy": "BPD_DIY",
    "bpd bali": "BPD_BALI", "bank bpd bali": "BPD_BALI",
    "bank ntb": "NTB_SYARIAH", "bank ntb syariah": "NTB_SYARIAH",
    "bank ntt": "NTT", "bpd ntt": "NTT",
    "bank sumut": "SUMUT",
    "bank nagari": "NAGARI",
    "bank aceh": "ACEH", "bank aceh syariah": "ACEH",
    "bank riau": "RIAU_KEPRI", "bank riau kepri": "RIAU_KEPRI", "brk syariah": "RIAU_KEPRI",
    "bank sumsel": "SUMSEL_BABEL", "bank sumsel babel": "SUMSEL_BABEL",
    "bank jambi": "JAMBI",
    "bank bengkulu": "BENGKULU",
    "bank lampung": "LAMPUNG",
    "bank banten": "BANTEN",
    "bank kalbar": "KALBAR",
    "bank kalteng": "KALTENG",
    "bank kalsel": "KALSEL",
    "bank kaltimtara": "KALTIMTARA", "bank kaltim": "KALTIMTARA",
    "bank sulselbar": "SULSELBAR",
    "bank sultra": "SULTRA",
    "bank sulteng": "SULTENG",
    "bank sulutgo": "SULUTGO", "bank sulut": "SULUTGO",
    "bank maluku": "MALUKU_MALUT", "bank maluku malut": "MALUKU_MALUT",
    "bank papua": "PAPUA",
}

EWALLETS: dict[str, str] = {
    "DANA": "DANA", "OVO": "OVO", "GOPAY": "GoPay", "SHOPEEPAY": "ShopeePay", "LINKAJA": "LinkAja",
}

EWALLET_ALIASES: dict[str, str] = {
    "dana": "DANA", "ovo": "OVO", "go pay": "GOPAY", "shopee pay": "SHOPEEPAY", "spay": "SHOPEEPAY",
    "link aja": "LINKAJA",
}

# Account numbers: Indonesian banks use 10 (BCA, BNI) to 16 (BTN) digits; allow a margin either side.
MIN_DIGITS, MAX_DIGITS = 8, 18


def alias_key(text: str) -> str:
    """Key an alias or a matched name so spacing and hyphens don't matter ("Go-Pay" -> "gopay")."""
    return re.sub(r"[\s\-]+", "", text.lower())


def names_pattern(aliases: Iterable[str]) -> str:
    """RE2-compatible alternation of the aliases as a prefix tree, longer continuations tried first.

    The tree form ("b(?:ca(?:[\\s\\-]?syariah)?|ni)") matches the same names as a flat longest-first
    alternation, but Python's re and RE2 try one branch per letter instead of every name at every position.
    """
    tree: dict = {}
    for alias in aliases:
        node = tree
        for unit in [_SEPARATOR if ch == " " else re.escape(ch) for ch in alias]:
            node = node.setdefault(unit, {})
        node[""] = {}  # end of a name
    return _emit(tree)


_SEPARATOR = r"[\s\-]?"


def _emit(node: dict) -> str:
    branches = [unit + _emit(child) for unit, child in sorted(node.items(), key=lambda kv: -_depth(kv[1]))
                if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


def _depth(node: dict) -> int:
    return 1 + max((_depth(child) for child in node.values()), default=0)


BANK_KEYS = {alias_key(a): code for a, code in BANK_ALIASES.items()}
EWALLET_KEYS = {alias_key(a): code for a, code in EWALLET_ALIASES.items()}
BANK_NAMES = names_pattern(BANK_ALIASES)
EWALLET_NAMES = names_pattern(EWALLET_ALIASES)
# Words that make a nearby number a payment account rather than a phone.
PAYMENT_WORDS = rf"{BANK_NAMES}|{EWALLET_NAMES}|bank|no\.?\s*rek(?:ening)?|rek(?:ening)?|norek"

_RUN = r"[0-9](?:[ .\-]?[0-9]){7,}"
_GAP = r"[\s:.,#=\-]*(?:(?:no|nomor|nomer|norek|rek|rekening|acc|account)\.?[\s:.,#=\-]*){0,2}"
_REK = r"\b(?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek)\.?[\s:.#=\-]*"
# "BRI 1234-01-…", "rek BCA: 123…", and the bank named after the number: "no rek 123… (BSI)",
# "123… [BCA]". A bare number followed by a bank name is not taken: in "WA 0812… BCA 123…" it is a phone.
BANK_ACCOUNT_PATTERN = (
    rf"(?i)\b(?:{BANK_NAMES})\b{_GAP}{_RUN}"
    rf"|(?:{_REK})?{_RUN}\s*[(\[]\s*(?:bank\s+)?(?:{BANK_NAMES})\b"
    rf"|{_REK}{_RUN}\s+(?:bank\s+)?(?:{BANK_NAMES})\b"
)

_BANK_NAME_RE = re.compile(rf"\b(?:{BANK_NAMES})\b", re.IGNORECASE | re.ASCII)
DIGIT_RUN = r"[0-9](?:[ .\-]?[0-9])*"  # also bound by the importer's SQL shortcut
_DIGIT_RUN_RE = re.compile(DIGIT_RUN)


def bank_account(text: str | None) -> str | None:
    """Normalise a bank account mention to "BANKCODE:digits".

    Args:
        text: e.g. "BRI 1234-01-000123-50-7 a.n. Sari" or "no rek 1234567890 (BSI)".

    Returns:
        "BRI:123401000123507", or None when no bank is named (a bare number is ambiguous) or the
        account number has an implausible length.
    """
    return _bank_account(text) if text else None


# Cached: an export repeats each account in its column and again in the ad text, month after month.
@lru_cache(maxsize=1 << 18)
def _bank_account(text: str) -> str | None:
    names = list(_BANK_NAME_RE.finditer(text))
    run = next((r for r in _DIGIT_RUN_RE.finditer(text) if _digit_count(r.group()) >= MIN_DIGITS), None)
    if not names or run is None:
        return None
    digits = re.sub(r"\D", "", run.group())
    if len(digits) > MAX_DIGITS:
        return None
    # The bank name nearest to the number owns it ("BCA 123 … / BRI 456 …" pairs each with its own).
    nearest = min(names, key=lambda n: max(run.start() - n.end(), n.start() - run.end()))
    return f"{BANK_KEYS[alias_key(nearest.group())]}:{digits}"


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)
