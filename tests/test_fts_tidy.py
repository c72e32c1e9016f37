"""After an import, the full-text indexes are merged in proportion to what it added."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.models import RawArticle
from reader.search import SearchRequest, search
from reader.store.fts_tidy import TABLES, merge_budget, segments


def _articles(first: int, count: int) -> list[RawArticle]:
    return [
        RawArticle(
            source=f"tidy-{n}",
            title=f"Rekapitulasi suara kecamatan {n}",
            published="2024-02-20",
            text=f'Panitia menghitung suara di kecamatan {n}. "Kami menemukan kecurangan di TPS {n}," '
            "kata Budi Santoso, Ketua Bawaslu setempat.",
        )
        for n in range(first, first + count)
    ]


def test_an_import_of_many_batches_ends_with_one_segment_per_index(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    monkeypatch.setenv("READER_IMPORT_BATCH", "20")  # a transaction, and so a segment, per 20
    db = open_db(db_path)
    monkeypatch.setattr("reader.ingest.pipeline.after_import", lambda db, added: None)
    import_records(db, _articles(0, 200))
    assert segments(db, "article_fts") > 5 and segments(db, "quote_fts") > 5  # as FTS5 left them
    monkeypatch.undo()
    monkeypatch.setenv("READER_IMPORT_BATCH", "20")
    report = import_records(db, _articles(200, 200))  # as much again: merged to the end
    assert report.imported == 200
    assert all(segments(db, table) == 1 for table in TABLES)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("article_fts", "quote_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    found = search(db, SearchRequest(query='said:kecurangan "kecamatan 399"'))
    assert found.total == 1 and found.error is None
    db.close()


def test_the_merge_a_small_import_owes_follows_its_size_not_the_archive() -> None:
    assert merge_budget(pages=50_000, added=100_000, articles=100_000) == 75_000  # a whole archive
    assert merge_budget(pages=500_000, added=1_000, articles=1_000_000) == 750  # a day's articles
    assert merge_budget(pages=500_000, added=0, articles=1_000_000) == 0
