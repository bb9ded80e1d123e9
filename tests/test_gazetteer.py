"""Tests for the region gazetteer (jaring.gazetteer)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jaring.gazetteer import STOP_ALIASES, Gazetteer, RegionMatch, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_default_gazetteer_is_cached(gaz):
    assert default_gazetteer() is gaz


@pytest.mark.parametrize("text, code, level", [
    ("Kabupaten Indramayu", "32.12", "regency"),
    ("Kab. Indramayu", "32.12", "regency"),
    ("KAB INDRAMAYU", "32.12", "regency"),
    ("Indramayu", "32.12", "regency"),
    ("Kota Bandung", "32.73", "regency"),
    ("Kab. Bandung", "32.04", "regency"),
    ("Bandung Barat", "32.17", "regency"),
    ("Jakarta Selatan", "31.74", "regency"),
    ("Jaksel", "31.74", "regency"),
    ("Lotim", "52.03", "regency"),
    ("KBB", "32.17", "regency"),
    ("Solo", "33.72", "regency"),
    ("Bau-Bau", "74.72", "regency"),
    ("Jabar", "32", "province"),
    ("Jatim", "35", "province"),
    ("NTB", "52", "province"),
    ("Jawa Barat", "32", "province"),
    ("Provinsi Jawa Tengah", "33", "province"),
    ("DKI Jakarta", "31", "province"),
])
def test_resolve_exact(gaz, text, code, level):
    match = gaz.resolve(text)
    assert (match.code, match.level, match.method, match.score) == (code, level, "alias", 100.0)


@pytest.mark.parametrize("text, code", [
    ("Indramayu, Jawa Barat", "32.12"),
    ("Kab. Cianjur - Jabar", "32.03"),
    ("Cianjur-Jabar", "32.03"),
    ("Lombok Timur / NTB", "52.03"),
    ("Kec. Losarang Kabupaten Indramayu", "32.12"),
    ("Indramayu Jawa Barat", "32.12"),
])
def test_resolve_compound_fields(gaz, text, code):
    assert gaz.resolve(text).code == code


def test_ambiguous_name_in_one_province_gives_the_province(gaz):
    # "bandung" is both Kab. Bandung (32.04) and Kota Bandung (32.73): never guess the regency.
    match = gaz.resolve("bandung")
    assert match == RegionMatch("32", "province", "Jawa Barat", 100.0, "context")
    assert gaz.resolve("Bandung", province_hint="Jawa Barat").code == "32"
    assert gaz.resolve("Malang, Jatim").code == "35"


def test_ambiguous_name_across_provinces_needs_a_hint(gaz):
    # "banjar" is Kota Banjar (Jawa Barat, 32.79) and Kabupaten Banjar (Kalimantan Selatan, 63.03).
    assert gaz.resolve("banjar") is None
    assert gaz.resolve("banjar", province_hint="Kalsel").code == "63.03"
    assert gaz.resolve("banjar", province_hint="63").code == "63.03"
    assert gaz.resolve("banjar", province_hint="32.79").code == "32.79"
    assert gaz.resolve("Banjar, Jawa Barat").code == "32.79"


def test_hint_only_chooses(gaz):
    assert gaz.resolve("Indramayu", province_hint="Jawa Timur").code == "32.12"
    assert gaz.resolve("Indramayu", province_hint="no such province").code == "32.12"


@pytest.mark.parametrize("text, code", [
    ("Kab Indramayuu", "32.12"),
    ("Lombok Timurr", "52.03"),
    ("Surabya", "35.78"),
    ("Bandung Baratt", "32.17"),
    ("Kabupaten Cianjurr", "32.03"),
])
def test_resolve_fuzzy(gaz, text, code):
    match = gaz.resolve(text)
    assert (match.code, match.method) == (code, "fuzzy")
    assert 90 <= match.score < 100


@pytest.mark.parametrize("text", [
    None, "", "   ", "asdfgh qwerty", "Malaysia", "Jabr", "xx", "-", "Indramxyz",
])
def test_resolve_never_guesses(gaz, text):
    assert gaz.resolve(text) is None


def test_threshold_is_respected(gaz):
    assert gaz.resolve("Indramyau") is None or gaz.resolve("Indramyau").score >= 90
    assert gaz.resolve("Indramyau", threshold=99) is None


def test_resolve_many(gaz):
    result = gaz.resolve_many(["Jatim", "Jatim", "asdf", "Kab. Indramayu"])
    assert list(result) == ["Jatim", "asdf", "Kab. Indramayu"]
    assert result["Jatim"].code == "35" and result["asdf"] is None


@pytest.mark.parametrize("text, codes", [
    ("khusus wilayah Indramayu dan sekitarnya", ["32.12"]),
    ("dibutuhkan dari Jatim", ["35"]),
    ("pendaftar asal Kab. Lombok Timur", ["52.03"]),
    ("terbuka untuk warga Jabar, Jateng dan NTB", ["32", "33", "52"]),
    ("pendaftar dari Malang dan Kota Batu", ["35", "35.79"]),    # ambiguous "malang" -> its province
    ("lowongan Kota Bandung", ["32.73"]),
    # Words that only look like region names:
    ("nasib malang sekali, rumah batu bata", []),
    ("syarat sbb: mitra kerja di medan perang, pati singkong", []),
    ("Sabu-sabu dilarang keras, serang balik", []),
    ("LOKER MALAYSIA gaji 8jt Hub WA 0812", []),
    ("", []),
])
def test_mentions(gaz, text, codes):
    assert [m.code for m in gaz.mentions(text)] == codes


def test_stop_aliases_exist_in_reference_data(gaz):
    assert all(alias in gaz._aliases for alias in STOP_ALIASES)


def test_mentions_is_fast(gaz):
    text = ("Dibutuhkan segera pekerja kebun sawit Malaysia, khusus wilayah Indramayu dan sekitarnya, "
            "pendaftar asal Kab. Lombok Timur, syarat sbb: umur 18-40 tahun. Hub WA 0812-0000-4455 ") * 2
    start = time.perf_counter()
    for i in range(2000):
        gaz.mentions(text + str(i))
    assert time.perf_counter() - start < 1.0       # ~10k texts per second needs < 0.2 s here


def test_region(gaz):
    row = gaz.region("32.12")
    assert row["name"] == "Kabupaten Indramayu" and row["level"] == "regency"
    assert row["province_code"] == "32" and row["population"] > 1_000_000
    assert -7 < row["lat"] < -6 and 107 < row["lon"] < 109
    assert gaz.region("32")["level"] == "province"
    with pytest.raises(KeyError):
        gaz.region("99.99")


@pytest.mark.parametrize("lat, lon, code, max_km", [
    (-6.3264, 108.3200, "32.12", 30),     # Indramayu town
    (-6.9175, 107.6191, "32.73", 5),      # Bandung city centre
    (-8.6500, 116.5300, "52.03", 20),     # Selong, Lombok Timur
    (-6.2088, 106.8456, "31.71", 10),     # central Jakarta
])
def test_nearest_regency(gaz, lat, lon, code, max_km):
    match = gaz.nearest_regency(lat, lon)
    assert (match.code, match.level, match.method) == (code, "regency", "nearest")
    assert 0 <= match.score < max_km


def test_load_from_explicit_directory():
    other = Gazetteer.load(Path(__file__).resolve().parents[1] / "data" / "reference")
    assert other.resolve("Jatim").code == "35"
