"""The importer's shortcuts must never lose an identifier the full candidate patterns would find."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd
import pytest
from test_normalise import AD

from jaring import normalise
from jaring.demo import write_demo_exports
from jaring.staging import ANY_CANDIDATE_HINT, CANDIDATE_HINTS

EXTRA_TEXTS = [
    "Gabung t.me/lokerLN_resmi atau telegram.dog/joinchat/AbC123, tg://resolve?domain=kerja_ln",
    "Grup: https://chat.whatsapp.com/AbCdEfGhIjK12345 / WA.ME/6281200004455",
    "Kirim CV ke rekrut.ln@mail.example atau HRD@Loker.Example",
    "DP via ShopeePay 0812-0000-1111, GoPay 0813 0000 2222, LinkAja: 0857-0000-3333, OVO/DANA 0821-0000-4444",
    "Daftar di www.lowongan-ln.example/daftar atau bit.ly/kerjaLN, HTTPS://Kerja.Example/a?b=c",
]


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("demo_texts")
    found = [AD, *EXTRA_TEXTS]
    for path in write_demo_exports(folder, seed=3, today=date(2026, 11, 27)):
        if path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig")
            for column in frame.columns:
                if any(k in column.lower() for k in ("iklan", "kronologi", "akun", "hp", "rek", "wallet")):
                    found.extend(frame[column].dropna().tolist())
    return found


@pytest.mark.parametrize("kind", sorted(CANDIDATE_HINTS))
def test_every_candidate_match_passes_its_hint(texts, kind):
    pattern = re.compile(normalise.CANDIDATE_PATTERNS[kind])
    hint = re.compile(CANDIDATE_HINTS[kind])
    matches = [m.group(0) for text in texts for m in pattern.finditer(text)]
    assert matches, f"no sample text exercises the {kind} pattern"
    assert [m for m in matches if not hint.search(m)] == []


def test_a_text_passes_the_joined_hint_exactly_when_it_passes_one_hint(texts):
    # DuckDB's RE2 evaluates the joined hint; each hint's (?i) must stay inside its own group.
    con = duckdb.connect()
    rows = con.execute(
        "select t, regexp_matches(t, $joined), list_bool_or([regexp_matches(t, h) for h in $hints]) "
        "from unnest($texts) u(t)",
        {"joined": ANY_CANDIDATE_HINT, "hints": list(CANDIDATE_HINTS.values()),
         "texts": [*texts, "WWW.KERJA.EXAMPLE", "CHAT.WHATSAPP.COM/x", "TELEGRAM", "no hint at all 0812"]},
    ).fetchall()
    assert [text for text, joined, any_one in rows if joined != any_one] == []
    assert any(joined for _, joined, _ in rows) and not all(joined for _, joined, _ in rows)
