"""Quote corrections: every reader sees them, undo restores extraction, and they survive
re-extraction and re-import even when offsets move."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.errors import UsageError
from reader.extract import extract_article
from reader.ingest.pipeline import import_paths
from reader.models import Quote
from reader.search import SearchRequest, search
from reader.store.articles import get_article, stats
from reader.store.connect import open_db
from reader.store.correction_apply import text_key
from reader.store.corrections import (
    QuoteNotFound,
    analyst_name,
    correct_quote,
    list_corrections,
    reset_quote,
)
from reader.store.export import article_records, export
from reader.store.quotes import list_actors, list_quotes
from reader.store.writes import replace_quotes, write_transaction
from tests.conftest import SEEDS
from tests.search_stores import assert_statements_on_rows

KALTIM = "000_3fa82f2a195c39de"  # the sample article quoting Anas Isfidi and Daini Rahmat


def _quotes_of(db: Database, speaker: str) -> list[dict]:
    return [q for q in list_quotes(db) if q["speaker"] == speaker]


def _article_id(db: Database, source: str = KALTIM) -> int:
    return int(db.execute("SELECT id FROM article WHERE source = ?", [source]).fetchone()[0])


def _speaker_hits(db: Database, name: str) -> list[int]:
    result = search(db, SearchRequest(query=f'speaker:"{name}"'))
    assert result.error is None
    return [hit.article_id for hit in result.hits]


def _reextract(db: Database, article_id: int, body: str) -> None:
    """What a re-extraction does: a new body, its quotes extracted afresh, the old rows replaced."""
    with write_transaction(db):
        db.execute("UPDATE article SET body = ? WHERE id = ?", [body, article_id])
        replace_quotes(db, article_id, extract_article(body).quotes)


def test_a_corrected_speaker_and_role_is_what_every_reader_sees(seeded_store: Database) -> None:
    quote = _quotes_of(seeded_store, "Anas Isfidi")[0]
    before = {a["name"]: a["quotes"] for a in list_actors(seeded_store)}
    fixed = correct_quote(seeded_store, quote["id"], speaker="Budi Santoso", role="Ketua Kompak", user="ana")
    assert fixed["speaker"] == "Budi Santoso" and fixed["role"] == "Ketua Kompak"
    assert fixed["corrected"] and fixed["corrected_by"] == "ana" and fixed["corrected_at"]
    listed = next(q for q in list_quotes(seeded_store) if q["id"] == quote["id"])
    assert listed == {k: v for k, v in fixed.items() if k != "not_a_quote"}
    article = get_article(seeded_store, quote["article_id"])
    shown = next(q for q in article["quotes"] if q["id"] == quote["id"])
    assert shown["speaker"] == "Budi Santoso" and shown["corrected_by"] == "ana"
    exported = next(r for r in article_records(seeded_store, [quote["article_id"]]))
    flagged = [q for q in exported["quotes"] if q["corrected"]]
    assert [(q["id"], q["speaker"], q["role"]) for q in flagged] == [
        (quote["id"], "Budi Santoso", "Ketua Kompak")
    ]
    after = {a["name"]: a["quotes"] for a in list_actors(seeded_store)}
    assert after["Anas Isfidi"] == before["Anas Isfidi"] - 1
    # The others are untouched and say so.
    assert not any(q["corrected"] for q in list_quotes(seeded_store) if q["id"] != quote["id"])


def test_a_role_alone_and_then_a_speaker_add_up(seeded_store: Database) -> None:
    quote = _quotes_of(seeded_store, "Daini Rahmat")[0]
    correct_quote(seeded_store, quote["id"], role="Anggota Bawaslu Kaltim", user="ana")
    fixed = correct_quote(seeded_store, quote["id"], speaker="Daini Rahmat", user="budi")
    assert (fixed["speaker"], fixed["role"], fixed["corrected_by"]) == (
        "Daini Rahmat", "Anggota Bawaslu Kaltim", "budi",
    )  # fmt: skip
    cleared = correct_quote(seeded_store, quote["id"], role="", user="ana")
    assert cleared["role"] is None and cleared["speaker"] == "Daini Rahmat"


def test_speaker_search_finds_the_new_name_and_not_the_old(seeded_db: Database) -> None:
    daini = _quotes_of(seeded_db, "Daini Rahmat")
    article_id = daini[0]["article_id"]
    assert _speaker_hits(seeded_db, "Daini Rahmat") == [article_id]
    assert _speaker_hits(seeded_db, "Rahmat Bagja") == []
    for quote in daini:
        correct_quote(seeded_db, quote["id"], speaker="Rahmat Bagja", user="ana")
    assert _speaker_hits(seeded_db, "Rahmat Bagja") == [article_id]
    assert _speaker_hits(seeded_db, "Bagja") == [article_id]  # a short form, like any speaker
    assert _speaker_hits(seeded_db, "Daini Rahmat") == []
    assert [q["id"] for q in list_quotes(seeded_db, speakers=["Rahmat Bagja"])] == [q["id"] for q in daini]


def test_not_a_quote_is_listed_nowhere_and_reset_brings_it_back(seeded_store: Database) -> None:
    quote = _quotes_of(seeded_store, "Anies Baswedan")[0]
    count = stats(seeded_store)["quotes"]
    removed = correct_quote(seeded_store, quote["id"], not_a_quote=True, user="ana")
    assert removed["not_a_quote"] and removed["id"] == quote["id"] and removed["text"] == quote["text"]
    assert quote["id"] not in {q["id"] for q in list_quotes(seeded_store)}
    assert quote["id"] not in {q["id"] for q in get_article(seeded_store, quote["article_id"])["quotes"]}
    exported = next(r for r in article_records(seeded_store, [quote["article_id"]]))
    assert quote["text"] not in [q["text"] for q in exported["quotes"]]
    assert stats(seeded_store)["quotes"] == count - 1
    with pytest.raises(UsageError, match="no correction"):
        reset_quote(seeded_store, _quotes_of(seeded_store, "Anies Baswedan")[0]["id"])
    back = reset_quote(seeded_store, quote["id"])
    assert back["id"] == quote["id"] and not back["corrected"] and not back["not_a_quote"]
    assert next(q for q in list_quotes(seeded_store) if q["id"] == quote["id"]) == quote
    assert list_corrections(seeded_store) == []


def test_reset_gives_back_the_extracted_speaker(seeded_db: Database) -> None:
    quote = _quotes_of(seeded_db, "Anas Isfidi")[0]
    correct_quote(seeded_db, quote["id"], speaker="Orang Lain", user="ana")
    assert reset_quote(seeded_db, quote["id"])["speaker"] == "Anas Isfidi"
    assert next(q for q in list_quotes(seeded_db) if q["id"] == quote["id"]) == quote
    assert _speaker_hits(seeded_db, "Orang Lain") == []


def test_bad_requests_and_unknown_ids(seeded_store: Database) -> None:
    quote_id = list_quotes(seeded_store)[0]["id"]
    with pytest.raises(QuoteNotFound):
        correct_quote(seeded_store, 999_999, speaker="X", user="ana")
    with pytest.raises(QuoteNotFound):
        reset_quote(seeded_store, 999_999)
    with pytest.raises(UsageError, match="say what"):
        correct_quote(seeded_store, quote_id, user="ana")
    with pytest.raises(UsageError):
        correct_quote(seeded_store, quote_id, speaker="X", not_a_quote=True, user="ana")
    assert list_corrections(seeded_store) == []


def test_a_correction_is_committed_before_it_returns(seeded_db: Database, db_path: Path) -> None:
    quote = _quotes_of(seeded_db, "Anas Isfidi")[0]
    correct_quote(seeded_db, quote["id"], speaker="Budi Santoso", user="ana")
    assert not seeded_db.conn.in_transaction
    assert seeded_db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    other = open_db(db_path)
    try:
        assert other.execute("SELECT speaker FROM quote WHERE id = ?", [quote["id"]]).fetchone()[0] == (
            "Budi Santoso"
        )
    finally:
        other.close()


def test_corrections_survive_reextraction_with_moved_offsets(seeded_store: Database) -> None:
    article_id = _article_id(seeded_store)
    anas = _quotes_of(seeded_store, "Anas Isfidi")[0]
    daini = _quotes_of(seeded_store, "Daini Rahmat")[1]
    correct_quote(seeded_store, anas["id"], speaker="Budi Santoso", role="Ketua Kompak", user="ana")
    correct_quote(seeded_store, daini["id"], not_a_quote=True, user="ana")
    body = seeded_store.execute("SELECT body FROM article WHERE id = ?", [article_id]).fetchone()[0]
    prefix = "Paragraf pembuka yang baru ditambahkan oleh redaksi.\n\n"
    _reextract(seeded_store, article_id, prefix + body)
    assert_statements_on_rows(seeded_store)

    quotes = list_quotes(seeded_store, article_id=article_id)
    assert anas["id"] not in {q["id"] for q in quotes}  # every row is new
    fixed = next(q for q in quotes if q["text"] == anas["text"])
    assert (fixed["speaker"], fixed["role"], fixed["corrected_by"]) == ("Budi Santoso", "Ketua Kompak", "ana")
    assert fixed["start"] == anas["start"] + len(prefix)
    assert daini["text"] not in [q["text"] for q in quotes]
    assert sum(q["corrected"] for q in quotes) == 1
    assert all(c["attached"] for c in list_corrections(seeded_store))
    # Undoing after the re-extraction restores the new extraction (new offsets), under its new id.
    back = reset_quote(seeded_store, fixed["id"])
    assert (back["speaker"], back["start"]) == ("Anas Isfidi", fixed["start"])


def test_a_correction_waits_for_its_quote_when_an_extraction_misses_it(seeded_store: Database) -> None:
    article_id = _article_id(seeded_store)
    quote = _quotes_of(seeded_store, "Anas Isfidi")[0]
    correct_quote(seeded_store, quote["id"], speaker="Budi Santoso", user="ana")
    body = seeded_store.execute("SELECT body FROM article WHERE id = ?", [article_id]).fetchone()[0]
    start, end = quote["start"], quote["end"]
    _reextract(seeded_store, article_id, body[:start] + "(kalimat ini dihapus)" + body[end:])
    assert [c["attached"] for c in list_corrections(seeded_store)] == [False]
    assert _quotes_of(seeded_store, "Budi Santoso") == []
    _reextract(seeded_store, article_id, body)
    assert [q["text"] for q in _quotes_of(seeded_store, "Budi Santoso")] == [quote["text"]]
    assert [c["attached"] for c in list_corrections(seeded_store)] == [True]


def test_a_lightly_edited_quote_still_finds_its_correction(seeded_store: Database) -> None:
    article_id = _article_id(seeded_store)
    extracted = list_quotes(seeded_store, article_id=article_id)
    quote = max(extracted, key=lambda q: len(q["text"]))
    correct_quote(seeded_store, quote["id"], speaker="Budi Santoso", user="ana")
    rows = [
        Quote(q["text"], q["speaker"], q["role"], q["cue"], q["kind"], q["start"] + 7, q["end"] + 7)
        for q in extracted
    ]
    edited = [replace(q, text=q.text.replace(" ", "  ", 1) + " ya") if q.text == quote["text"] else q
              for q in rows]  # fmt: skip
    with write_transaction(seeded_store):
        replace_quotes(seeded_store, article_id, edited)
    fixed = _quotes_of(seeded_store, "Budi Santoso")
    assert len(fixed) == 1 and fixed[0]["text"].endswith(" ya") and fixed[0]["start"] == quote["start"] + 7


def test_the_same_text_twice_keeps_each_correction_on_its_own_occurrence(seeded_store: Database) -> None:
    article_id = _article_id(seeded_store)
    body = "x" * 400

    def twice(shift: int) -> list[Quote]:
        text = "Kami menolak hasil rekapitulasi suara"
        return [
            Quote(text, "Anas Isfidi", None, "kata", "direct", 10 + shift, 47 + shift),
            Quote("Kalimat lain di antaranya", "Anas Isfidi", None, "kata", "direct", 60 + shift, 85 + shift),
            Quote(text, "Anas Isfidi", None, "kata", "direct", 100 + shift, 137 + shift),
        ]

    with write_transaction(seeded_store):
        seeded_store.execute("UPDATE article SET body = ? WHERE id = ?", [body, article_id])
        replace_quotes(seeded_store, article_id, twice(0))
    first, _, second = list_quotes(seeded_store, article_id=article_id)
    correct_quote(seeded_store, first["id"], speaker="Budi Santoso", user="ana")
    correct_quote(seeded_store, second["id"], not_a_quote=True, user="ana")
    with write_transaction(seeded_store):
        replace_quotes(seeded_store, article_id, twice(30))
    quotes = list_quotes(seeded_store, article_id=article_id)
    assert [(q["speaker"], q["start"]) for q in quotes] == [("Budi Santoso", 40), ("Anas Isfidi", 90)]


def test_corrections_survive_deleting_and_reimporting_the_article(store: Database, tmp_path: Path) -> None:
    db = store
    folder = tmp_path / "in"
    folder.mkdir()
    original = SEEDS / f"{KALTIM}.txt"
    shutil.copy(original, folder / original.name)
    import_paths(db, [folder])
    quote = _quotes_of(db, "Daini Rahmat")[0]
    removed = _quotes_of(db, "Anas Isfidi")[1]
    correct_quote(db, quote["id"], speaker="Rahmat Bagja", role="Ketua Bawaslu", user="ana")
    correct_quote(db, removed["id"], not_a_quote=True, user="ana")
    # The article is deleted and imported again from an edited file: a new paragraph first.
    with write_transaction(db):
        db.execute("DELETE FROM article WHERE source = ?", [KALTIM])
    assert [c["attached"] for c in list_corrections(db)] == [False, False]
    section, title, blank, *body = original.read_text(encoding="utf-8").split("\n")
    added = "Catatan redaksi: artikel ini diperbarui dengan keterangan tambahan."
    (folder / original.name).write_text("\n".join([section, title, blank, added, *body]), encoding="utf-8")
    report = import_paths(db, [folder])
    assert report.imported == 1
    fixed = _quotes_of(db, "Rahmat Bagja")
    assert [q["text"] for q in fixed] == [quote["text"]]
    assert fixed[0]["start"] > quote["start"] and fixed[0]["role"] == "Ketua Bawaslu"
    assert removed["text"] not in [q["text"] for q in list_quotes(db)]
    assert [c["attached"] for c in list_corrections(db)] == [True, True]
    assert_statements_on_rows(db)  # the re-import wrote the row, then its corrections changed it
    assert search(db, SearchRequest(query=f'said:"{removed["text"]}"')).total == 0


def test_export_flags_corrected_quotes_in_every_format(seeded_db: Database) -> None:
    quote = _quotes_of(seeded_db, "Anas Isfidi")[0]
    correct_quote(seeded_db, quote["id"], speaker="Budi Santoso", user="ana")
    request = SearchRequest(query="")
    lines = io.StringIO()
    export(seeded_db, request, lines, "jsonl", quotes_only=True)
    rows = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert all({"id", "article_id", "corrected", "corrected_by", "corrected_at"} <= set(r) for r in rows)
    assert [(r["id"], r["speaker"], r["corrected_by"]) for r in rows if r["corrected"]] == [
        (quote["id"], "Budi Santoso", "ana")
    ]
    report = io.StringIO()
    export(seeded_db, request, report, "md")
    assert "**Budi Santoso**" in report.getvalue() and "corrected by ana" in report.getvalue()


def test_the_analyst_name_comes_from_the_option_the_environment_or_the_login(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READER_USER", "  Sari   Dewi ")
    assert analyst_name("budi") == "budi"
    assert analyst_name(None) == "Sari Dewi"
    monkeypatch.delenv("READER_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert analyst_name(None) == "login"


def test_a_new_correction_takes_over_an_unattached_one_with_the_same_key(seeded_store: Database) -> None:
    quote = _quotes_of(seeded_store, "Anas Isfidi")[0]
    with write_transaction(seeded_store):  # left over from an extraction that had lost the quote
        seeded_store.execute(
            "INSERT INTO quote_correction(source, text_key, occurrence, speaker, extracted, corrected_by, "
            "corrected_at) VALUES (?, ?, 0, 'Orang Lama', '{}', 'ana', '2024-01-01T00:00:00+00:00')",
            [KALTIM, text_key(quote["text"])],
        )
    assert [c["attached"] for c in list_corrections(seeded_store)] == [False]
    fixed = correct_quote(seeded_store, quote["id"], role="Ketua Kompak", user="budi")
    assert (fixed["speaker"], fixed["role"], fixed["corrected_by"]) == ("Anas Isfidi", "Ketua Kompak", "budi")
    assert [(c["attached"], c["role"]) for c in list_corrections(seeded_store)] == [(True, "Ketua Kompak")]


def test_said_search_follows_not_a_quote_and_its_undo(seeded_store: Database) -> None:
    from reader.search.statements import search_statements

    db = seeded_store

    def said(query: str) -> list[dict]:
        found = search_statements(db, query, limit=None)
        assert found.error is None
        return list(found.quotes)

    assert assert_statements_on_rows(db) in (0, 2)  # 2 on PostgreSQL: both seeds quote someone
    quote = next(q for q in _quotes_of(db, "Anies Baswedan") if "kualitas demokrasi" in q["text"])
    assert quote["id"] in [q["id"] for q in said('said:"kualitas demokrasi"')]
    correct_quote(db, quote["id"], speaker="Budi Santoso", user="ana")
    [found] = [q for q in said('speaker:"Budi Santoso" said:demokrasi') if q["id"] == quote["id"]]
    assert found["corrected"] and found["corrected_by"] == "ana"
    correct_quote(db, quote["id"], not_a_quote=True, user="ana")
    assert_statements_on_rows(db)
    assert quote["id"] not in [q["id"] for q in said('said:"kualitas demokrasi"')]
    assert search(db, SearchRequest(query='said:"kualitas demokrasi"')).total == 0
    assert search(db, SearchRequest(query="said:kualitas")).total == 0
    reset_quote(db, quote["id"])
    assert_statements_on_rows(db)
    assert quote["id"] in [q["id"] for q in said('said:"kualitas demokrasi"')]
    assert search(db, SearchRequest(query='said:"kualitas demokrasi"')).total == 1
    assert search(db, SearchRequest(query="said:kualitas")).total == 1
