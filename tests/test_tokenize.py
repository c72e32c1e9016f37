"""One tokenizer: Python's tokens() splits and folds text exactly as the FTS5 index does."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.schema_facts import FTS_TOKENIZER
from reader.text.tokenize import tokens

TRICKY = [
    "Hasyim Asy’ari “menang” – kata KPU… (2024)",
    "Kecurangan Pemilu™ di Jakarta®: 100% “TIDAK”",
    "suhu 23º, luas 5 km² dan 3 m³; dosis 5 µg",
    "Café Déjà-vu naïve façade Ångström",
    "veriﬁkasi ½ ¼ ẞ ß İstanbul",
    "Prabowo-Gibran_02 #AMIN @kpu_ri",
]


def fts_tokens(text: str) -> list[str]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{FTS_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn.execute("INSERT INTO t(x) VALUES (?)", [text])
        return [row[0] for row in conn.execute("SELECT term FROM v ORDER BY offset")]
    finally:
        conn.close()


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_agree_with_the_index(text: str) -> None:
    assert tokens(text) == fts_tokens(text)


# Eleven rare letters (the long s, and letters with two marks such as Ǡ) fold differently in
# FTS5; none appears in Indonesian news.
RARE = "\u017f\u01e0\u01e1\u01e2\u01e3\u01ee\u01ef\u01fc\u01fd\u01fe\u01ff"
LATIN_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F, blacklist_characters=RARE), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(LATIN_TEXT)
def test_tokens_agree_with_the_index_on_latin_text(text: str) -> None:
    assert tokens(text) == fts_tokens(text)
