"""The importer's SQL shortcut for common phone and bank-account shapes must agree with the Python normalisers."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from jaring import db, staging
from jaring.banks import BANK_ALIASES

PHONES = [
    "0812-3456-7890", "081234567890", "+62 812 3456 7890", "62812345678", "6281234567890", "+6281234567",
    "0857 0000 0847", "(0812) 3456-7890", "0812.3456.7890", "08123", "0812345678901234", "0822-1111-2222",
    "0842-1111-2222", "0212-3456-789", "021 3456789", "+60 12-345 6789", "+1 650 253 0000", "812345678",
    "8123456789012", "62 812 3456 7890", "6208123456789", "+62 0812 3456 7890", "07/03/2025", "2025-03-07",
    "12.08.2024", "3201234567890123", " 0812 3456 7890", "0812 3456 7890 ", "0812-3456-7890 / 0813-1111-2222",
    "wa.me/6281234567890", "+62-812-0000-1111", "0812–3456–7890", "０８１２３４５６７８９０", "+62+812345678",
    "085700089482", "0000-89482", "+62 813 0000 0847", "62-857-0008-9482", "0811 111 111", "08999999999999",
    "6281234567890.0", "81234567890.0", "+6281234567890.00", "0812.3456.7890.0", "6281234567890.5",
]
BANK_NUMBERS = ["0000-89482", "1234-01-000123-50-7", "123 456 7890", "1234567", "12345678", "123456789012345678",
                "1234567890123456789", "46 1234567890", "0000 00000", "1.234.567.890", "12--34567890"]
BANK_WORDS = sorted({alias.split()[0] for alias in BANK_ALIASES} | {"bank", "rek", "Mandiri", "bca", "BcA", "XYZ",
                                                                    "Jenius", "dana", "ovo"})
OTHER = ["BNI  0000-89482", "BNI: 0000-89482", "BRI0000089482", "BNI 0000-89482 a.n. Sari", "no rek 1234567890",
         "rek BCA 123 456 7890", "DANA 0813 0000 7788", "BCA 123 456 7890 / BRI 1234567890", "Bank BRI 1234567890",
         "BNI 46 1234567890", "bni46 1234567890", "BSI 7123456789 (BSI)", ""]
PIECES = PHONES + [f"{word} {number}" for word, number in itertools.product(BANK_WORDS, BANK_NUMBERS)] + OTHER
PATTERNS = staging._patterns_of("phone") + staging._patterns_of("bank_account")


def _normalised_in_sql(pieces: list[tuple[str, str]]) -> dict[int, set]:
    con = db.memory_connection()
    frame = pd.DataFrame([(i, pattern, piece) for i, (pattern, piece) in enumerate(pieces)],
                         columns=["piece_id", "pattern", "piece"])
    db.register_frame(con, "dictionary_frame", frame)
    con.execute("create temp table piece_dictionary as select piece_id::integer as piece_id, pattern, piece "
                "from dictionary_frame")
    staging._normalise_dictionary(con)
    found: dict[int, set] = {i: set() for i in range(len(pieces))}
    for piece_id, kind, value in con.execute("select piece_id, kind, value from piece_values").fetchall():
        found[piece_id].add((kind, value))
    return found


def test_the_sql_shortcut_gives_what_the_python_normalisers_give():
    pieces = [(pattern, piece) for pattern in PATTERNS for piece in PIECES if piece.strip() or pattern != "phone"]
    found = _normalised_in_sql(pieces)
    expected = {i: set(staging._normalise_found(pattern, piece)) for i, (pattern, piece) in enumerate(pieces)}
    mismatches = [(pieces[i], found[i], expected[i]) for i in found if found[i] != expected[i]]
    assert mismatches == []


def test_the_shortcut_takes_the_common_shapes(monkeypatch):
    """Not a test that cannot fail: if the SQL stopped matching, every piece would go through Python."""
    sent_to_python = []
    original = staging._normalise_found
    monkeypatch.setattr(staging, "_normalise_found",
                        lambda pattern, piece: sent_to_python.append(piece) or original(pattern, piece))
    common = [("phone", "085700089482"), ("cell:phones", "+62 813 0000 0847"), ("bank_account", "BNI 0000-89482"),
              ("cell:bank_accounts", "Mandiri 0000-39963"), ("phone", "BRI 0000-29960"),
              ("cell:phones", "0000-29960")]
    found = _normalised_in_sql(common)
    assert sent_to_python == ["0000-29960"]  # not a mobile number: only phonenumbers can tell
    assert found == {0: {("phone", "+6285700089482")}, 1: {("phone", "+6281300000847")},
                     2: {("bank_account", "BNI:000089482")}, 3: {("bank_account", "MANDIRI:000039963")},
                     4: set(), 5: {("phone", None)}}


@pytest.mark.parametrize("alias", sorted(a for a in BANK_ALIASES if " " not in a and "-" not in a))
def test_every_one_word_bank_name(alias):
    pieces = [("bank_account", f"{alias} 1234567890"), ("cell:bank_accounts", f"{alias.upper()} 1234-5678-90"),
              ("phone", f"{alias} 0812-0000-1111")]
    found = _normalised_in_sql(pieces)
    assert found == {i: set(staging._normalise_found(p, piece)) for i, (p, piece) in enumerate(pieces)}


HANDLES = ["akun_0094637", "@Kerja.Malaysia", "@@double", "@", "Kerja Malaysia", "kerja-ln_2", "UPPER.Case", "-",
           "@Loker_LN", "lowongan-ln.com", "www.lowongan-ln.co.id", "192.168.1.1", "kerja.ln.",
           "instagram.com/kerja.malaysia/", "https://www.tiktok.com/@Loker.LN", "facebook.com/profile.php?id=123",
           "t.me/LokerLN", "lowongan-ln.example", "nama\tdengan tab", "ünïcödé", "kerja/ln", "x", None]
PLATFORM_TEXTS = ["Facebook", "IG", "tiktok", "X/Twitter", "Website", "situs", "Telegram", "lainnya", None]
URLS = [None, "https://instagram.com/kerja.malaysia", "lowongan-ln.example/daftar"]


def test_the_sql_account_shortcut_gives_what_python_gives(monkeypatch):
    triples = list(itertools.product(PLATFORM_TEXTS, HANDLES, URLS))
    sent_to_python = []
    original = staging._account_identity
    monkeypatch.setattr(staging, "_account_identity", lambda *t: sent_to_python.append(t) or original(*t))
    con = db.memory_connection()
    db.register_frame(con, "triples_frame", pd.DataFrame(triples, columns=["platform", "account_handle",
                                                                            "account_url"], dtype=object))
    con.execute("create temp view src as select platform::varchar as platform, account_handle::varchar as "
                "account_handle, account_url::varchar as account_url from triples_frame")
    staging._account_map(con, staging.DistinctCells(con, [("platform",), staging.ACCOUNT_TRIPLE]))
    found = {(p, h, u): (platform, handle, url) for p, h, u, platform, handle, url
             in con.execute("select * exclude (account_key, key_no) from map_account").fetchall()}
    assert len(found) == len(triples)
    assert {t: found[t] for t in triples if found[t] != original(*t)} == {}
    # The shortcut is taken: a plain handle without a URL never reaches Python, unless a website's handle has a
    # dot (it may be the site's domain).
    assert {p for p, h, u in sent_to_python if h == "akun_0094637" and u is None} == set()
    assert {p for p, h, u in sent_to_python if h == "UPPER.Case" and u is None} == {"Website", "situs"}
