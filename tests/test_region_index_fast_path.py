"""The region index's candidate texts (queries/regions/index_todo.sql) keep every text the gazetteer names.

The index reads the detections where they lie and tests ad texts without lowering a copy of each: a text with
more bytes than characters always goes to the gazetteer, an ASCII one when the case-insensitive first-word
pattern matches it. That must keep at least every text the previous test (lowered text against the pattern, any
character outside \\x01-\\x7f) kept, so no mention is ever lost; tests/test_regions.py checks the resulting index.
"""

from __future__ import annotations

import csv

import pandas as pd

from jaring import db
from jaring.gazetteer import default_gazetteer
from jaring.region_index import ALIASES_CSV, first_word_pattern
from tests.region_support import candidate_texts

STYLED = ["𝗜𝗻𝗱𝗿𝗮𝗺𝗮𝘆𝘂 dan sekitarnya", "ＩＮＤＲＡＭＡＹＵ", "Kérja di Cianjur", "ᴊᴀᴛɪᴍ", "LOKER\u00a0MALAYSIA"]
PLAIN = ["LOKER MALAYSIA gaji besar tanpa biaya, hub WA 0812", "transfer DP ke BCA 0000-21636", ""]


def texts() -> list[str]:
    with open(ALIASES_CSV, encoding="utf-8") as handle:
        aliases = [row["alias"] for row in csv.DictReader(handle)]
    forms = ("dari {}", "LOKER KHUSUS {}!", "wilayah({})", "{}", "Asal{}")
    return [form.format(a) for a in aliases for form in forms] + STYLED + PLAIN


def kept_before(ad_texts: list[str]) -> set[str]:
    """The texts the earlier prefilter kept (the lowered text against the pattern)."""
    con = db.memory_connection()
    db.register_frame(con, "texts", pd.DataFrame({"content_text": pd.Series(ad_texts, dtype=object)}))
    kept = con.execute("select content_text from texts where regexp_matches(content_text, '[^\\x01-\\x7f]') "
                       "or regexp_matches(lower(content_text), $p)", {"p": first_word_pattern()}).fetchall()
    return {row[0] for row in kept}


def test_candidates_keep_every_text_the_gazetteer_names_and_all_the_earlier_prefilter_kept(tmp_path):
    ad_texts = texts()
    kept = candidate_texts(tmp_path, ad_texts)
    named = {text for text in ad_texts if default_gazetteer().mentions(text)}
    assert len(named) > 5000
    assert named <= kept
    assert kept_before(ad_texts) <= kept
    # styled and accented text always goes to the gazetteer; plain text without an alias word does not
    assert set(STYLED) <= kept
    assert not set(PLAIN) & kept
