"""Tests for the identifier and label normalisers in jaring.normalise."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from jaring import normalise as n
from jaring import phones

AD = (
    "LOKER MALAYSIA gaji 8jt, tanpa biaya! Hub WA 0812-0000-4455 atau wa.me/6281200004455, DP transfer BRI\n"
    " 1234-01-000123-50-7 a.n. Sari / DANA 0813 0000 7788. Info: t.me/lokerLN_resmi "
    "https://bit.ly/kerjaLN?utm_source=fb"
)


# --- phone -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("0812-3456-7890", "+6281234567890"),
    ("+62 812 3456 7890", "+6281234567890"),
    ("6281234567890", "+6281234567890"),
    ("62 812-3456-7890", "+6281234567890"),
    ("812 3456 7890", "+6281234567890"),
    ("0812.3456.7890", "+6281234567890"),
    ("(0812) 3456-7890", "+6281234567890"),
    ("+62 (0)812 3456 7890", "+6281234567890"),
    ("  081234567890 ", "+6281234567890"),
    ("０８１２３４５６７８９０", "+6281234567890"),              # full-width digits
    ("wa.me/6281234567890", "+6281234567890"),
    ("https://wa.me/6281234567890?text=Halo", "+6281234567890"),
    ("https://api.whatsapp.com/send?phone=6281234567890&text=Halo", "+6281234567890"),
    ("api.whatsapp.com/send/?text=hi&phone=%2B6281234567890", "+6281234567890"),
    ("WA: 0812-3456-7890", "+6281234567890"),
    ("0812-0000-1234", "+6281200001234"),                       # demo data: fake 0000 block is valid
    ("+62 812 0000 1234", "+6281200001234"),
    ("0813 0000 7788", "+6281300007788"),
    ("0899 1234 5678", "+6289912345678"),
    ("0811123456", "+62811123456"),
    ("(021) 1234 5678", "+622112345678"),                       # Jakarta landline
    ("+60 12-345 6789", "+60123456789"),                        # Malaysia
    ("+886 912 345 678", "+886912345678"),                      # Taiwan
    ("+852 5123 4567", "+85251234567"),                         # Hong Kong
    ("+65 8123 4567", "+6581234567"),                           # Singapore
    # A number that went through a spreadsheet or pandas as a float: the ".0" is not a digit of it.
    ("6281234567890.0", "+6281234567890"),
    ("81234567890.0", "+6281234567890"),
    ("+6281234567890.00", "+6281234567890"),
])
def test_phone_valid(text, expected):
    assert n.phone(text) == expected


@pytest.mark.parametrize("text", [
    None, "", "   ", "0811", "12345", "0812-345",
    "3201234567890001",               # 16-digit NIK
    "NIK 3201234567890001",
    "07/03/2025", "2025-03-07", "07.03.2025", "07-03-2025",
    "1234567890",                     # bare bank account number (BCA-like)
    "2211234567",                     # bare number that would be a Bandung landline: no prefix, not mobile
    "123401000123507",                # BRI account
    "BCA 0812345678",                 # a number given as a bank account
    "DANA 0813 0000 7788",            # an e-wallet, not a phone
    "0812 3456 7890 (BCA)",
    "0812-3456-7890 / 0813-1111-2222",  # two numbers: ambiguous
    "081112345678901",                # too long
    "Rp 15.000.000",
    "abc",
])
def test_phone_invalid(text):
    assert n.phone(text) is None


def test_phone_other_default_region():
    assert n.phone("012-345 6789", default_region="MY") == "+60123456789"


def test_phone_is_cached():
    phones._phone.cache_clear()
    n.phone("0812-1111-2222")
    n.phone("0812-1111-2222")
    assert phones._phone.cache_info().hits == 1


def _forms(national: str) -> list[str]:
    return ["0" + national, "+62" + national, "62" + national, national]


def _is_mobile(e164: str) -> bool:
    return phonenumbers.number_type(phonenumbers.parse(e164)) == phonenumbers.PhoneNumberType.MOBILE


def test_fast_path_agrees_with_phonenumbers():
    """The regex fast path must give exactly what phonenumbers gives, for every form it accepts."""
    rng = random.Random(42)
    nationals = [f"8{second}{third}" + "".join(rng.choice("0123456789") for _ in range(length - 3))
                 for second in "0123456789" for third in "0123456789" for length in range(7, 15)]
    nationals += ["8" + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 13)))
                  for _ in range(1500)]
    nationals += ["81200001234", "812000012345", "8130000778"]  # demo-data style 0000 blocks
    fast_hits = 0
    for national in nationals:
        for compact in _forms(national):
            fast = phones._fast(compact)
            slow = phones._slow(compact, "ID")
            if fast is not None:
                fast_hits += 1
                assert fast == slow, compact
            elif slow and not compact.startswith("62") and _is_mobile(slow):
                pytest.fail(f"fast path missed a common mobile form: {compact}")
    assert fast_hits > 3000


def test_fast_path_never_takes_landlines_or_other_countries():
    for compact in ("+622112345678", "02112345678", "+60123456789", "+6580001234", "0800123456"):
        assert phones._fast(compact) is None


# --- bank accounts and e-wallets -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("BRI 1234-01-000123-50-7", "BRI:123401000123507"),
    ("rek BCA 123 456 7890 a.n. Budi", "BCA:1234567890"),
    ("Bank Mandiri 123-00-1234567-8", "MANDIRI:1230012345678"),
    ("BNI: 0123456789", "BNI:0123456789"),
    ("no rek 1234567890 (BSI)", "BSI:1234567890"),
    ("Bank Rakyat Indonesia 1234-01-000123-50-7", "BRI:123401000123507"),
    ("Bank Syariah Mandiri 7012345678", "BSI:7012345678"),
    ("BNI Syariah 0123456789", "BSI:0123456789"),
    ("bri syariah 1012345678", "BSI:1012345678"),
    ("BCA Syariah 0123456789", "BCAS:0123456789"),
    ("CIMB Niaga 7060 1234 5678", "CIMB:706012345678"),
    ("Bank Jago 1012 3456 7890", "JAGO:101234567890"),
    ("SeaBank 9012 3456 7890", "SEABANK:901234567890"),
    ("Sea Bank 9012 3456 7890", "SEABANK:901234567890"),
    ("Jenius 90012345678", "BTPN:90012345678"),
    ("Bank BJB 0012345678901", "BJB:0012345678901"),
    ("Bank Jatim 0012345678", "JATIM:0012345678"),
    ("BPD Bali 0123456789", "BPD_BALI:0123456789"),
    ("OCBC NISP 0123 4567 8901", "OCBC:012345678901"),
    ("Maybank 2012345678", "MAYBANK:2012345678"),
    ("Bank Mega 01234567890", "MEGA:01234567890"),
    ("PERMATA 4112345678", "PERMATA:4112345678"),
    ("Danamon 003612345678", "DANAMON:003612345678"),
    ("BTN 00012-01-50-123456-7", "BTN:0001201501234567"),
])
def test_bank_account(text, expected):
    assert n.bank_account(text) == expected


@pytest.mark.parametrize("text", [
    None, "", "1234567890", "no rek 1234567890", "BCA 1234", "BRI 1234567890123456789012",
    "mega proyek 12345678", "DANA 0813 0000 7788",
])
def test_bank_account_invalid(text):
    assert n.bank_account(text) is None


def test_bank_tables_are_consistent():
    assert set(n.BANK_ALIASES.values()) <= set(n.BANKS)
    assert set(n.EWALLET_ALIASES.values()) <= set(n.EWALLETS)
    assert all(alias == alias.lower() for alias in n.BANK_ALIASES)


@pytest.mark.parametrize("text, expected", [
    ("DANA 0813 0000 7788", "DANA:+6281300007788"),
    ("OVO: +62 812 3456 7890", "OVO:+6281234567890"),
    ("Gopay 081234567890", "GOPAY:+6281234567890"),
    ("GoPay 0812-3456-7890", "GOPAY:+6281234567890"),
    ("go-pay 0812 3456 7890", "GOPAY:+6281234567890"),
    ("ShopeePay 0812 3456 7890", "SHOPEEPAY:+6281234567890"),
    ("Shopee Pay 0812 3456 7890", "SHOPEEPAY:+6281234567890"),
    ("SPay 0812 3456 7890", "SHOPEEPAY:+6281234567890"),
    ("LinkAja 0812 3456 7890", "LINKAJA:+6281234567890"),
    ("Link Aja no. 0812 3456 7890", "LINKAJA:+6281234567890"),
    ("DANA/OVO 0812 3456 7890", "DANA:+6281234567890"),
])
def test_ewallet(text, expected):
    assert n.ewallet(text) == expected


@pytest.mark.parametrize("text", [
    None, "", "DANA", "0812 3456 7890", "DANA 0811", "dana talangan Rp 5.000.000",
])
def test_ewallet_invalid(text):
    assert n.ewallet(text) is None


# --- candidate patterns ----------------------------------------------------------------------------

_RE2_INCOMPATIBLE = [r"(?=", r"(?!", r"(?<=", r"(?<!", r"(?P=", r"(?>", r"\Z", r"*+", r"++", r"?+"]


@pytest.mark.parametrize("kind", sorted(n.CANDIDATE_PATTERNS))
def test_candidate_pattern_is_re2_compatible(kind):
    pattern = n.CANDIDATE_PATTERNS[kind]
    assert kind in n.NORMALISERS
    assert pattern.startswith("(?i)")
    assert not [s for s in _RE2_INCOMPATIBLE if s in pattern]
    assert not re.search(r"\\[1-9]", pattern)                   # no back-references
    assert re.compile(pattern, re.ASCII).groups == 0            # no capturing groups: RE2 keeps its DFA


_SAMPLES = [
    AD,
    "email: HRD.Loker@Gmail.com, grup https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv Telegram: @loker_ln "
    "no rek 1234567890 (BSI) DANA/OVO 0812 3456 7890 tgl 07/03/2025 NIK 3201234567890001",
    "Kunjungi lowongan.co.id/daftar atau www.kerja-ln.xyz/?ref=ig, api.whatsapp.com/send?phone=6281234567890",
]


@pytest.mark.parametrize("kind", sorted(n.CANDIDATE_PATTERNS))
def test_candidate_patterns_match_the_same_in_duckdb(kind):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    pattern = n.CANDIDATE_PATTERNS[kind]
    for text in _SAMPLES:
        in_duckdb = con.execute("select regexp_extract_all($t, $p)", {"t": text, "p": pattern}).fetchone()[0]
        assert in_duckdb == [m.group() for m in re.finditer(pattern, text, re.ASCII)]


def test_candidates_normalise_to_the_extracted_identifiers():
    """The importer's route (pattern, then normaliser) finds what extract_identifiers finds."""
    found = set()
    for kind, pattern in n.CANDIDATE_PATTERNS.items():
        for m in re.finditer(pattern, AD, re.ASCII):
            found.add((kind, n.NORMALISERS[kind](m.group())))
    expected = {pair for pair in n.extract_identifiers(AD) if pair[0] != "domain"}
    assert expected <= found
    assert not {pair for pair in found if pair[0] == "phone" and pair[1]} - {pair for pair in expected}


# --- extract_identifiers and classify --------------------------------------------------------------

def test_extract_identifiers_from_ad():
    assert n.extract_identifiers(AD) == [
        ("phone", "+6281200004455"),
        ("bank_account", "BRI:123401000123507"),
        ("ewallet", "DANA:+6281300007788"),
        ("url", "https://bit.ly/kerjaLN"),
        ("domain", "bit.ly"),
        ("telegram", "lokerln_resmi"),
    ]


@pytest.mark.parametrize("text, expected", [
    (None, []),
    ("", []),
    ("Tanggal 07/03/2025, NIK 3201234567890001, gaji Rp 8.000.000, umur 18-40", []),
    ("email HRD@PT-Maju.co.id", [("email", "hrd@pt-maju.co.id")]),
    ("grup chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", [("whatsapp", "AbCdEfGhIjKlMnOpQrStUv")]),
    ("Telegram: @Loker_LN", [("telegram", "loker_ln")]),
    ("join t.me/+AbCdEf123", [("telegram", "+AbCdEf123")]),
    ("rek BCA 0812345678 a.n. Budi", [("bank_account", "BCA:0812345678")]),
    ("DANA/OVO 0812 3456 7890", [("ewallet", "DANA:+6281234567890"), ("ewallet", "OVO:+6281234567890")]),
    ("hub 0812-1111-2222 / 0813-3333-4444, lagi 0812-1111-2222",
     [("phone", "+6281211112222"), ("phone", "+6281333334444")]),
    ("info www.Loker-LN.com/daftar/?utm_medium=x#form",
     [("url", "https://loker-ln.com/daftar"), ("domain", "loker-ln.com")]),
])
def test_extract_identifiers(text, expected):
    assert n.extract_identifiers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("0812 3456 7890", ("phone", "+6281234567890")),
    ("+60 12-345 6789", ("phone", "+60123456789")),
    ("BRI 1234 01 000123 50 7", ("bank_account", "BRI:123401000123507")),
    ("@kerja.malaysia", ("handle", "kerja.malaysia")),
    ("@kerja.my", ("handle", "kerja.my")),
    ("wa.me/6281234567890", ("phone", "+6281234567890")),
    ("t.me/x", ("telegram", "x")),
    ("https://t.me/+AbCd123", ("telegram", "+AbCd123")),
    ("https://bit.ly/kerjaLN?utm_source=fb", ("url", "https://bit.ly/kerjaLN")),
    ("lokerln.com", ("url", "https://lokerln.com")),
    ("x@y.com", ("email", "x@y.com")),
    ("DANA 0812 3456 7890", ("ewallet", "DANA:+6281234567890")),
    ("kerja.malaysia", ("handle", "kerja.malaysia")),
    ("chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", ("whatsapp", "AbCdEfGhIjKlMnOpQrStUv")),
    ("", None),
    ("   ", None),
    ("loker kerja malaysia", None),
    ("1234567890", None),
])
def test_classify(text, expected):
    assert n.classify(text) == expected
