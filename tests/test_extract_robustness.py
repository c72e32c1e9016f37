"""Malformed text must not crash the extractor or make it slow."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract import extract_article

# A guard against runaway (backtracking) patterns, not a speed target: CPU time, so that a
# busy machine cannot fail it; a runaway pattern takes minutes.
LIMIT_SECONDS = 2.0


def timed(body: str) -> float:
    """CPU seconds to extract ``body``, after checking that every offset points into it."""
    started = time.process_time()
    extraction = extract_article(body)
    for quote in extraction.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
    for mention in extraction.mentions:
        assert mention.count == len(mention.offsets)
        assert all(0 <= a < b <= len(body) for a, b in mention.offsets)
    return time.process_time() - started


@pytest.mark.parametrize(
    "body",
    [
        "",
        " ",
        "\n\n\n",
        '"',
        "“",
        "”",
        '"""""',
        "“Tidak pernah ditutup, kata Anies.",
        "Kutipan yang ditutup saja,” ujarnya.",
        "“Satu “dua “tiga “empat",
        "‘",
        "Asy’ari dan Jum’at bukan kutipan.",
        "katanya",
        "kata",
        "Menurut",
        ", kata ,",
    ],
)
def test_odd_inputs_do_not_crash(body: str) -> None:
    assert timed(body) < LIMIT_SECONDS


def test_a_quote_of_twenty_thousand_characters() -> None:
    inner = ("kata demi kata mengalir terus tanpa henti " * 500)[:20_000]
    body = f"Anies Baswedan hadir.\n“{inner},” kata Anies."
    assert timed(body) < LIMIT_SECONDS
    quotes = [q for q in extract_article(body).quotes if q.kind == "direct"]
    assert len(quotes) == 1 and len(quotes[0].text) > 19_000


def test_an_unbalanced_quote_of_twenty_thousand_characters() -> None:
    body = "“" + "Prabowo Gibran Anies " * 1000 + "tanpa tanda penutup"
    assert timed(body) < LIMIT_SECONDS


def test_no_paragraphs_long_text() -> None:
    sentence = "Ketua KPU Hasyim Asy'ari mengatakan, ”Pemilu berjalan lancar,” kata dia. "
    body = sentence * 400  # ~30,000 characters, one line
    assert timed(body) < LIMIT_SECONDS


def test_many_marks_in_a_row() -> None:
    body = "“”" * 10_000 + '"' * 10_000 + "‘’" * 5_000
    assert timed(body) < LIMIT_SECONDS


def test_long_capitalised_run_and_many_cue_words() -> None:
    body = " ".join(["Kata"] * 5_000) + " " + " ".join(["Ketua Umum Partai"] * 2_000)
    assert timed(body) < LIMIT_SECONDS


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AZ,.\n\"“”‘’'-()katujrnyMenurt")), max_size=400))
def test_random_text_with_marks_and_cues(body: str) -> None:
    assert timed(body) < LIMIT_SECONDS
