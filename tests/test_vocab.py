"""Tests for the platform, status, country and victim-count vocabularies (jaring.vocab)."""

from __future__ import annotations

import pytest

from jaring import normalise as n


@pytest.mark.parametrize("text, expected", [
    ("Facebook", "facebook"), ("FB", "facebook"), ("fb", "facebook"), ("Facebook Page", "facebook"),
    ("meta", "facebook"), ("Instagram", "instagram"), ("ig", "instagram"), ("Insta", "instagram"),
    ("TikTok", "tiktok"), ("Tik Tok", "tiktok"), ("X", "x"), ("twitter", "x"), ("X/Twitter", "x"),
    ("Telegram", "telegram"), ("WhatsApp", "whatsapp"), ("wa", "whatsapp"), ("WhatsApp Group", "whatsapp"),
    ("YouTube", "youtube"), ("yt", "youtube"), ("Website", "website"), ("web", "website"),
    ("situs", "website"), ("Blog", "website"), ("site", "website"), ("domain", "website"),
    ("LinkedIn", "linkedin"), ("Threads", "threads"), ("LINE", "line"), ("Kaskus", "kaskus"), ("OLX", "olx"),
    ("facebook.com", "facebook"), ("lokerln.com", "website"),
    ("MySpace", "other"), ("lainnya", "other"), ("", None), ("  ", None), (None, None),
])
def test_platform(text, expected):
    assert n.platform(text) == expected
    assert expected is None or expected in n.PLATFORMS


def test_statuses_order():
    assert n.STATUSES == ("detected", "reported", "blocked", "rejected", "restored")


@pytest.mark.parametrize("text, expected", [
    ("Terdeteksi", "detected"), ("baru", "detected"), ("temuan", "detected"), ("detected", "detected"),
    ("NEW", "detected"),
    ("dilaporkan", "reported"), ("Sudah dilaporkan", "reported"), ("lapor", "reported"),
    ("diajukan", "reported"), ("reported", "reported"), ("submitted", "reported"),
    ("diblokir", "blocked"), ("Sudah Diblokir", "blocked"), ("blokir", "blocked"), ("di-takedown", "blocked"),
    ("takedown", "blocked"), ("take down", "blocked"), ("Taken Down", "blocked"), ("diturunkan", "blocked"),
    ("blocked", "blocked"), ("removed", "blocked"), ("suspended", "blocked"),
    ("Blocked (2025-03-01)", "blocked"),
    ("ditolak", "rejected"), ("tolak", "rejected"), ("rejected", "rejected"), ("declined", "rejected"),
    ("tidak diblokir", "rejected"), ("Tidak Diblokir", "rejected"),
    ("dipulihkan", "restored"), ("pulih", "restored"), ("restored", "restored"), ("reinstated", "restored"),
    ("aktif kembali", "restored"), ("kembali aktif", "restored"), ("Aktif lagi", "restored"),
    # An account still online: nothing beyond its dates has happened to it yet.
    ("Aktif", "detected"), ("masih aktif", "detected"), ("active", "detected"), ("Still active", "detected"),
    ("tidak aktif", None),                    # taken down, or only dormant: not said
    ("belum diblokir", None),                 # "not yet" says nothing
    ("dilaporkan, lalu diblokir", None),      # two statuses: ambiguous
    ("xyz", None), ("", None), (None, None),
])
def test_status(text, expected):
    assert n.status(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Malaysia", "MY"), ("malaysia", "MY"), ("NEGARA  MALAYSIA", "MY"), ("negara malaysia", "MY"),
    ("MYS", "MY"), ("my", "MY"), ("dubai", "AE"), ("UEA", "AE"), ("Arab Saudi", "SA"), ("Saudi Arabia", "SA"),
    ("Korsel", "KR"), ("Korea Selatan", "KR"), ("Kamboja", "KH"), ("Jepang", "JP"), ("Hong Kong", "HK"),
    ("hongkong", "HK"), ("Taiwan, Province of China", "TW"), ("Timor-Leste", "TL"),
    ("Malaysiaa", "MY"), ("Malysia", "MY"), ("Saudi Arabiah", "SA"),              # typos
    ("Kuala Lumpur, Malaysia", "MY"),
    ("Malaysia / Singapura", None), ("Narnia", None), ("Omen", None), ("", None), (None, None),
])
def test_country(text, expected):
    assert n.country(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dibutuhkan TKI ke Malaysia dan Singapura, juga Dubai", ["MY", "SG", "AE"]),
    ("kerja di KK Park, Myawaddy", ["MM"]),
    ("berangkat ke Arab Saudi via Jeddah", ["SA"]),
    ("male model wanted as admin", []),        # "male", "as" are not safe in free text
    ("tidak ada", []),
    (None, []),
])
def test_countries_in_text(text, expected):
    assert n.countries_in_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("3", 3), ("3 orang", 3), ("10 korban", 10), ("3.0", 3), (7, 7), ("1.000", 1000),
    ("tiga", 3), ("Tiga orang", 3), ("seorang", 1), ("sepuluh", 10),
    ("", None), (None, None), ("abc", None), ("3-5", None),
])
def test_victims(text, expected):
    assert n.victims(text) == expected
