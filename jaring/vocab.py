"""Controlled vocabularies: platforms, account statuses, destination countries and victim counts."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from jaring.links import platform_from_url, url

_REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
_WORD_RE = re.compile(r"[^\W_]+")

PLATFORMS = ("facebook", "instagram", "tiktok", "x", "telegram", "whatsapp", "youtube", "website",
             "linkedin", "threads", "line", "kaskus", "olx", "other")
_PLATFORM_WORDS = {
    "facebook": ("facebook", "fb", "meta", "messenger", "fbook"),
    "instagram": ("instagram", "ig", "insta", "instagr"),
    "tiktok": ("tiktok", "tik tok"),
    "x": ("x", "twitter", "twiter"),
    "telegram": ("telegram", "tele", "tg"),
    "whatsapp": ("whatsapp", "whats app", "wa", "watsap", "whatsap"),
    "youtube": ("youtube", "you tube", "yt"),
    "website": ("website", "web", "situs", "blog", "site", "domain", "blogspot", "wordpress", "laman"),
    "linkedin": ("linkedin", "linked in"),
    "threads": ("threads",),
    "line": ("line",),
    "kaskus": ("kaskus",),
    "olx": ("olx",),
}
_PLATFORM_INDEX = {w: p for p, words in _PLATFORM_WORDS.items() for w in words}

STATUSES = ("detected", "reported", "blocked", "rejected", "restored")
_STATUS_WORDS = {
    # "aktif": still online, so nothing beyond the row's dates has happened to it ("tidak aktif" stays unknown).
    "detected": ("terdeteksi", "deteksi", "baru", "temuan", "ditemukan", "teridentifikasi", "detected", "new",
                 "found", "identified", "aktif", "masih aktif", "active", "still active"),
    "reported": ("dilaporkan", "lapor", "dilapor", "diajukan", "diadukan", "diproses", "dalam proses",
                 "proses", "menunggu", "pending", "reported", "submitted", "in review", "under review"),
    "blocked": ("diblokir", "blokir", "diblok", "terblokir", "takedown", "take down", "taken down",
                "di takedown", "ditakedown", "diturunkan", "dihapus", "terhapus", "blocked", "removed",
                "suspended", "deleted", "banned"),
    "rejected": ("ditolak", "tolak", "rejected", "declined", "tidak melanggar", "no violation"),
    "restored": ("dipulihkan", "pulih", "restored", "reinstated", "reactivated", "aktif kembali",
                 "kembali aktif", "aktif lagi", "diaktifkan kembali"),
}
_STATUS_INDEX = {w: s for s, words in _STATUS_WORDS.items() for w in words}
# "tidak diblokir" is a rejection; "belum diblokir" (not yet) says nothing.
_NEGATIONS = {"tidak", "tdk", "not", "gagal", "failed", "bukan", "ga", "gak", "nggak", "never"}

_NUMBER_WORDS = {"satu": 1, "seorang": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
                 "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11}
_VICTIMS_RE = re.compile(
    r"(?:[±~]|kurang lebih|sekitar|approx\.?)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,]0+)?\s*"
    r"(?:orang|org|korban|pmi|jiwa|people|persons?|victims?)?\.?"
)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def _scan(words: list[str], index: dict[str, str], longest: int = 3) -> list[tuple[int, str]]:
    """(word position, value) for each phrase of `index` in `words`, longest match first."""
    found, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            value = index.get(" ".join(words[i:i + n]))
            if value is not None:
                found.append((i, value))
                i += n
                break
        else:
            i += 1
    return found


def platform(text: str | None) -> str | None:
    """Canonical platform name ("FB" -> "facebook", "X/Twitter" -> "x", "situs" -> "website").

    Returns:
        One of PLATFORMS; "other" for unknown non-empty text; None for empty text.
    """
    text = (text or "").strip()
    if not text:
        return None
    if " " not in text and "." in text and url(text):
        return platform_from_url(text)
    found = _scan(_words(text), _PLATFORM_INDEX, longest=2)
    return found[0][1] if found else "other"


def status(text: str | None) -> str | None:
    """Canonical account status from Indonesian or English text ("sudah diblokir" -> "blocked").

    Returns:
        One of STATUSES, or None for unknown text or text naming several statuses.
    """
    words = _words((text or "").replace("-", " "))
    found = set()
    for i, value in _scan(words, _STATUS_INDEX):
        previous = words[i - 1] if i else ""
        if previous == "belum" or (previous in _NEGATIONS and value != "blocked"):
            continue
        found.add("rejected" if previous in _NEGATIONS else value)
    return found.pop() if len(found) == 1 else None


def victims(text: str | int | None) -> int | None:
    """Number of victims from "3", "3 orang", "3.0" (spreadsheet float), "tiga" or "seorang"; else None."""
    text = str(text).strip().lower() if text is not None else ""
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    words = text.split()
    if len(words) == 2 and words[0] in _NUMBER_WORDS and words[1] in ("orang", "korban", "pmi", "jiwa"):
        return _NUMBER_WORDS[words[0]]
    match = _VICTIMS_RE.fullmatch(text)
    return int(match.group(1).replace(".", "")) if match else None


@dataclass(frozen=True)
class _Countries:
    exact: dict[str, str]        # normalised alias / ISO code -> iso2
    names: list[str]             # keys of `exact`, for fuzzy matching
    free_text: dict[str, str]    # aliases safe to look for in free text, as word sequences
    longest: int


@cache
def _countries(reference_dir: Path = _REFERENCE_DIR) -> _Countries:
    exact: dict[str, str] = {}
    with open(reference_dir / "countries.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for value in (row["iso2"], row["iso3"], row["name_en"], row["name_id"], row["iso_name"]):
                exact[_key(value)] = row["iso2"]
    free_text: dict[str, str] = {}
    with open(reference_dir / "country_aliases.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            exact[_key(row["alias"])] = row["iso2"]
            if row["safe_for_free_text"] == "1":
                free_text[" ".join(_words(row["alias"]))] = row["iso2"]
    return _Countries(exact, list(exact), free_text, max(len(k.split()) for k in free_text))


def _key(text: str) -> str:
    return " ".join(_words(text))


def country(text: str | None) -> str | None:
    """ISO 3166 alpha-2 code for a destination country.

    Accepts English or Indonesian names, ISO2/ISO3 codes, aliases from country_aliases.csv ("dubai",
    "Korsel", "negara malaysia") and small typos ("Malaysiaa"); text naming exactly one country
    ("Kuala Lumpur, Malaysia") also works.

    Returns:
        e.g. "MY", or None when nothing matches closely enough or several countries are named.
    """
    key = _key(text or "")
    if not key:
        return None
    table = _countries()
    if key in table.exact:
        return table.exact[key]
    if len(key) >= 5:
        best = process.extract(key, table.names, scorer=fuzz.ratio, score_cutoff=90, limit=5)
        codes = {table.exact[alias] for alias, score, _ in best if score == best[0][1]} if best else set()
        if len(codes) == 1:
            return codes.pop()
    found = set(countries_in_text(text))
    return found.pop() if len(found) == 1 else None


def countries_in_text(text: str | None) -> list[str]:
    """ISO2 codes of countries named in free text (whole words, aliases marked safe), in order, unique."""
    table = _countries()
    found = _scan(_words(text or ""), table.free_text, table.longest)
    return list(dict.fromkeys(code for _, code in found))
