"""hit_offsets(): every hit in the stored body, for exact, stem, typo and actor matches."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from reader.search import hit_offsets
from reader.search.highlight import Highlighter, snippet
from reader.search.plan import Marks
from tests.test_search_corpus import ids


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


def words_at(db: Database, source: str, query: str) -> list[str]:
    article_id = ids(db)[source]
    body = db.execute("SELECT body FROM article WHERE id = ?", [article_id]).fetchone()[0]
    spans = hit_offsets(db, article_id, query)
    assert spans == sorted(spans)
    return [body[s:e] for s, e in spans]


def test_stem_hits(sdb: Database) -> None:
    assert words_at(sdb, "dicurangi", "curang") == ["dicurangi", "mencurangi"]
    assert words_at(sdb, "kecurangan", "curang") == ["kecurangan", "kecurangan"]
    assert words_at(sdb, "curang", "kecurangan") == ["curang"]


def test_fuzzy_hits(sdb: Database) -> None:
    assert words_at(sdb, "kecurangan", "kecurangn") == ["kecurangan", "kecurangan"]


def test_actor_hits_cover_aliases_and_mentions(sdb: Database) -> None:
    assert words_at(sdb, "gibran", "Giban") == ["Mas Gibran"]
    assert words_at(sdb, "putra", "Gibran") == ["Putra sulung"]  # the stored mention span
    assert words_at(sdb, "imin", "cak imn") == ["Cak Imin"]


def test_phrases_prefixes_and_several_words(sdb: Database) -> None:
    assert words_at(sdb, "politik_uang", '"politik uang"') == ["politik uang"]
    assert words_at(sdb, "dicurangi", "rekap*") == ["rekapitulasi"]
    assert words_at(sdb, "jagung", "harga jagung") == ["Harga", "jagung"]


def test_traps_are_not_highlighted(sdb: Database) -> None:
    assert words_at(sdb, "kejagung", "jagung") == []
    assert words_at(sdb, "kecurangan", "bekas") == []
    assert words_at(sdb, "kecurangan", "rawan") == []


def test_excluded_words_are_not_highlighted(sdb: Database) -> None:
    assert words_at(sdb, "kecurangan", "curang -Bekasi") == ["kecurangan", "kecurangan"]


def test_unknown_article_or_empty_query(sdb: Database) -> None:
    assert hit_offsets(sdb, 999_999, "curang") == []
    assert hit_offsets(sdb, ids(sdb)["curang"], "") == []


def test_highlighter_handles_diacritics_and_nasal_prefixes() -> None:
    marks = Marks(words={"cafe"}, stems={"kata", "pilih"})
    text = "Di café itu dia mengatakan akan memilih."
    spans = Highlighter(marks).spans(text)
    assert [text[s:e] for s, e in spans] == ["café", "mengatakan", "memilih"]
    ascii_text = "Dia mengatakan akan memilih, katanya."
    assert [ascii_text[s:e] for s, e in Highlighter(marks).spans(ascii_text)] == [
        "mengatakan", "memilih", "katanya",
    ]  # fmt: skip


def test_snippet_spans_point_at_the_hits() -> None:
    text = ("Kalimat pembuka yang panjang sekali. " * 10) + "Di sini ada kecurangan.\n" + ("Penutup. " * 40)
    start = text.index("kecurangan")
    piece, spans = snippet(text, [(start, start + 10)])
    assert [piece[s:e] for s, e in spans] == ["kecurangan"]
    assert piece.startswith("…") and piece.endswith("…") and "\n" not in piece
    assert len(piece) <= 230
