"""Indonesian region gazetteer: region text to Kemendagri codes, mentions in free text, nearest regency."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from jaring import geo

_REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
_TOKEN_RE = re.compile(r"[^\W_]+")
# Separators between a regency and its province in one field ("Indramayu, Jawa Barat", "Cianjur - Jabar").
_SPLIT_RE = re.compile(r"\s*(?:[,;/|()]|\s[-–]\s)\s*")

# Aliases that are also everyday words, names or foreign places ("malang" = unlucky, "batu" = stone, "sbb" =
# "sebagai berikut", "mitra" = partner, "bima" = a first name, "malaka" = Melaka in Malaysia). In free text
# they only count after a word that announces a place ("dari Malang", "Kab. Batu" is an alias itself).
STOP_ALIASES = frozenset({
    "banjar", "batang", "batu", "batubara", "batu bara", "bima", "bone", "bungo", "buru", "kudus", "landak",
    "lebak", "loteng", "mabar", "madina", "malaka", "malang", "medan", "metro", "mitra", "padang", "palu",
    "pati", "puncak", "sabu", "sbb", "serang", "solo", "ketapang", "tanah datar",
    "tebing tinggi", "pesisir selatan", "pesisir barat", "sungai penuh",
})
_PLACE_WORDS = frozenset({"kab", "kabupaten", "kota", "kotamadya", "kodya", "wilayah", "daerah", "asal",
                          "dari", "provinsi", "prov", "propinsi", "domisili", "area", "warga", "regency"})


@dataclass(frozen=True)
class RegionMatch:
    """A resolved region: Kemendagri code, level, official name, score (0–100) and how it was found.

    `method` is "alias" (exact alias), "fuzzy" (typo-tolerant match), "context" (an ambiguous name narrowed
    to its province, or a name found inside a longer text) or "nearest" (nearest_regency; score is km).
    """

    code: str
    level: str
    name: str
    score: float
    method: str


def _key(text: str) -> str:
    return " ".join(_TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold()))


class Gazetteer:
    """Region names and aliases from data/reference (regions.csv, region_aliases.csv)."""

    def __init__(self, regions: dict[str, dict], aliases: dict[str, tuple[str, ...]]):
        self._regions = regions
        self._aliases = aliases
        self._alias_keys = list(aliases)
        self._longest = max(len(k.split()) for k in aliases)
        self._first_words = {k.split()[0] for k in aliases}
        self._regencies = pd.DataFrame(
            [(c, r["lat"], r["lon"]) for c, r in regions.items() if r["level"] == "regency"],
            columns=["code", "lat", "lon"])

    @classmethod
    def load(cls, reference_dir: Path | None = None) -> Gazetteer:
        """Read the reference CSVs (default: data/reference next to the package)."""
        folder = Path(reference_dir) if reference_dir else _REFERENCE_DIR
        with open(folder / "regions.csv", newline="", encoding="utf-8") as f:
            regions = {row["code"]: _region_row(row) for row in csv.DictReader(f)}
        grouped: dict[str, set[str]] = {}
        with open(folder / "region_aliases.csv", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                grouped.setdefault(_key(row["alias"]), set()).add(row["code"])
        grouped.pop("", None)
        return cls(regions, {k: tuple(sorted(codes)) for k, codes in grouped.items()})

    def region(self, code: str) -> dict:
        """Reference data for a code: name, level, kind, province_code, lat, lon, population, area_km2.

        Raises:
            KeyError: for an unknown code.
        """
        return dict(self._regions[code])

    def resolve(self, text: str | None, province_hint: str | None = None,
                threshold: float = 90) -> RegionMatch | None:
        """Resolve a region field to its Kemendagri code.

        Args:
            text: e.g. "Kab. Indramayu", "Indramayu, Jawa Barat", "Kab. Cianjur - Jabar", "Jatim", "Lotim".
            province_hint: province name or code used to choose between same-named regions.
            threshold: minimum rapidfuzz ratio (0–100) for a typo-tolerant match.

        Returns:
            The match; the province (method "context") when an ambiguous name ("bandung": Kab. and Kota)
            cannot be narrowed further but lies in one province; None when nothing matches well enough or
            the candidates lie in different provinces. The hint only chooses, it never overrides.
        """
        key = _key(text or "")
        if not key:
            return None
        hint = self._hint(province_hint)
        if key in self._aliases:
            return self._pick(self._aliases[key], hint, 100.0, "alias")
        parts = [p for p in _SPLIT_RE.split(text) if _key(p)]
        if len(parts) == 1 and "-" in text:
            parts = [p for p in text.split("-") if _key(p)]
        if len(parts) > 1:
            return self._resolve_parts(parts, hint, threshold)
        return self._fuzzy(key, hint, threshold) or self._inside(key, hint)

    def resolve_many(self, texts: Iterable[str], province_hint: str | None = None,
                     threshold: float = 90) -> dict[str, RegionMatch | None]:
        """resolve() for each distinct text; returns {text: match}."""
        return {t: self.resolve(t, province_hint, threshold) for t in dict.fromkeys(texts)}

    def mentions(self, text: str | None) -> list[RegionMatch]:
        """Regions named in free ad text ("khusus wilayah Indramayu", "dari Jatim"), in order, unique.

        Aliases that are everyday words (STOP_ALIASES) only count after a place word such as "dari",
        "asal", "kab." or "wilayah"; ambiguous names give their province or nothing.
        """
        return self._scan(_key(text or "").split(), None, strict=True)

    def nearest_regency(self, lat: float, lon: float) -> RegionMatch:
        """The regency/city whose reference point is nearest; score is the distance in km.

        The same rule as the region index uses for coordinates (jaring.geo.nearest_points).
        """
        nearest = geo.nearest_points([lat], [lon], self._regencies).iloc[0]
        code = nearest["code"]
        return RegionMatch(code, "regency", self._regions[code]["name"], round(float(nearest["km"]), 3), "nearest")

    def _scan(self, words: list[str], hint: str | None, strict: bool) -> list[RegionMatch]:
        """Aliases in a word list, longest first; `strict` skips STOP_ALIASES not after a place word."""
        found: dict[str, RegionMatch] = {}
        i = 0
        while i < len(words):
            size = self._alias_at(words, i, strict)
            if size:
                match = self._pick(self._aliases[" ".join(words[i:i + size])], hint, 100.0, "alias")
                if match:
                    found.setdefault(match.code, match)
            i += size or 1
        return list(found.values())

    def _alias_at(self, words: list[str], i: int, strict: bool) -> int:
        """Length of the longest usable alias starting at words[i], or 0."""
        if words[i] not in self._first_words:
            return 0
        for size in range(min(self._longest, len(words) - i), 0, -1):
            alias = " ".join(words[i:i + size])
            if alias in self._aliases:
                if strict and alias in STOP_ALIASES and (i == 0 or words[i - 1] not in _PLACE_WORDS):
                    return 0
                return size
        return 0

    def _resolve_parts(self, parts: list[str], hint: str | None, threshold: float) -> RegionMatch | None:
        matches = [self.resolve(p, hint, threshold) for p in parts]
        provinces = {m.code for m in matches if m and m.level == "province"}
        if hint is None and len(provinces) == 1:
            hint = next(iter(provinces))
            matches = [self.resolve(p, hint, threshold) for p in parts]
        regencies = [m for m in matches if m and m.level == "regency"]
        if regencies:
            return regencies[0]
        return next((m for m in matches if m), None)

    def _fuzzy(self, key: str, hint: str | None, threshold: float) -> RegionMatch | None:
        if len(key) < 4:
            return None
        best = process.extract(key, self._alias_keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=10)
        if not best:
            return None
        top = best[0][1]
        codes = sorted({c for alias, score, _ in best if score == top for c in self._aliases[alias]})
        return self._pick(tuple(codes), hint, round(top, 1), "fuzzy")

    def _inside(self, key: str, hint: str | None) -> RegionMatch | None:
        """A longer field naming exactly one region ("Kec. Losarang Kabupaten Indramayu")."""
        matches = self._scan(key.split(), hint, strict=False)
        chosen = [m for m in matches if m.level == "regency"] or matches
        if len(chosen) != 1:
            return None
        return RegionMatch(chosen[0].code, chosen[0].level, chosen[0].name, 100.0, "context")

    def _pick(self, codes: tuple[str, ...], hint: str | None, score: float,
              method: str) -> RegionMatch | None:
        if hint and len(codes) > 1:
            codes = tuple(c for c in codes if c[:2] == hint) or codes
        if len(codes) == 1:
            return self._match(codes[0], score, method)
        provinces = {c[:2] for c in codes}
        return self._match(provinces.pop(), score, "context") if len(provinces) == 1 else None

    def _match(self, code: str, score: float, method: str) -> RegionMatch:
        row = self._regions[code]
        return RegionMatch(code, row["level"], row["name"], score, method)

    def _hint(self, province_hint: str | None) -> str | None:
        """Province code from a hint given as a code ("32", "32.04") or as text ("Jawa Barat", "Jabar")."""
        if not province_hint or not province_hint.strip():
            return None
        hint = province_hint.strip()
        if re.fullmatch(r"\d{2}(?:\.\d{2})?", hint) and hint[:2] in self._regions:
            return hint[:2]
        codes = self._aliases.get(_key(hint), ())
        provinces = {c[:2] for c in codes}
        return provinces.pop() if len(provinces) == 1 else None


def _region_row(row: dict[str, str]) -> dict:
    population = row.get("population_2024") or ""
    area = row.get("area_km2") or ""
    return {
        "code": row["code"], "name": row["name"], "level": row["level"], "kind": row["kind"],
        "province_code": row["province_code"], "lat": float(row["lat"]), "lon": float(row["lon"]),
        "population": int(population) if population else None, "area_km2": float(area) if area else None,
    }


@cache
def default_gazetteer() -> Gazetteer:
    """The Gazetteer for the bundled reference data, loaded once per process."""
    return Gazetteer.load()
