"""Speaker names: stored once each on import with their identity, found by the resolver
(words, aliases, near misses); databases from before the speaker index are converted on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from reader.search import SearchRequest, search
from reader.store.connect import open_db
from reader.store.migrations import migrations
from reader.store.quotes import list_actors, speaker_names
from reader.store.speakers import resolve_speaker


def _speakers(db: Database) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM speaker")}


def test_import_stores_each_speaker_name_once(seeded_db: Database) -> None:
    quoted = {
        row[0] for row in seeded_db.execute("SELECT speaker FROM quote WHERE speaker IS NOT NULL")
    }
    assert quoted and _speakers(seeded_db) == quoted


def test_names_by_words_and_by_spelling(seeded_db: Database) -> None:
    def means(typed: str) -> tuple[tuple[str, ...], str | None]:
        found = resolve_speaker(seeded_db, typed)
        return found.names, found.rule

    assert means("anies") == (("Anies Baswedan",), "exact")  # the catalogue's alias
    assert means("Baswedan Anies") == ((), None)  # words in order
    assert means("Anis Baswedan") == (("Anies Baswedan",), "typo")
    assert means("Rahmad") == (("Daini Rahmat",), "typo")
    assert means("daini") == (("Daini Rahmat",), "words")
    assert means("Zzyzx Qwerty") == ((), None)
    assert speaker_names(seeded_db, "daini") == ["Daini Rahmat"]


def test_speaker_filter_tolerates_a_typo_and_says_so(seeded_db: Database) -> None:
    exact = search(seeded_db, SearchRequest(query="speaker:Daini"))
    typo = search(seeded_db, SearchRequest(query="speaker:Dainy"))
    assert exact.total > 0 and typo.error is None
    assert [h.article_id for h in typo.hits] == [h.article_id for h in exact.hits]
    assert "Dainy → speaker Daini Rahmat" in [str(e) for e in typo.expansions]
    nobody = search(seeded_db, SearchRequest(query="speaker:Zzyzx"))
    assert nobody.total == 0 and nobody.error is None


def test_actor_quote_counts_use_the_speaker_names(seeded_db: Database) -> None:
    quotes = {row["name"]: row["quotes"] for row in list_actors(seeded_db)}
    stored = seeded_db.execute(
        "SELECT count(*) FROM quote WHERE speaker = 'Anies Baswedan'"
    ).fetchone()[0]
    assert quotes.get("Anies Baswedan") == stored > 0


def _old_database(path: Path) -> None:
    """A database at the step before the speaker index, with one quoted article."""
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m007_speaker_names")
    db.execute(
        "INSERT INTO article(id, source, content_hash, title, body, body_stem, imported_at) "
        "VALUES (1, 'a1', 'h1', 'Debat', 'Anies Baswedan berkata pemilu harus jujur.', "
        "'anies baswedan kata pemilu harus jujur', '2024-01-01')"
    )
    db.execute(
        "INSERT INTO quote(article_id, seq, text, text_stem, speaker, kind, start, \"end\") "
        "VALUES (1, 0, 'pemilu harus jujur', 'pemilu harus jujur', 'Anies Baswedan', 'indirect', 21, 39)"
    )
    db.conn.commit()
    db.close()


def test_an_old_database_is_converted_on_open(db_path: Path) -> None:
    _old_database(db_path)
    db = open_db(db_path)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "mention_actor" not in tables
    assert _speakers(db) == {"Anies Baswedan"}
    identity = db.execute("SELECT a.name FROM speaker s JOIN actor a ON a.id = s.actor_id").fetchall()
    assert identity == [("Anies Baswedan",)]  # identities are given on conversion too
    assert search(db, SearchRequest(query="speaker:anies")).total == 1
    assert search(db, SearchRequest(query="jujur")).total == 1
    config = dict(db.execute("SELECT k, v FROM article_fts_config").fetchall())
    assert config["hashsize"] > 1024 * 1024
    # Later quotes still reach the speaker filter (the word index follows the table).
    with db.atomic():
        db.execute("INSERT INTO speaker(name) VALUES ('Gibran Rakabuming Raka')")
    rows = db.execute("SELECT name FROM speaker_fts('rakabuming')").fetchall()
    assert rows == [("Gibran Rakabuming Raka",)]
    db.close()


def test_a_catalogue_name_means_that_person_not_everyone_holding_the_word(db: Database) -> None:
    from reader.ingest.pipeline import import_records
    from reader.models import RawArticle

    texts = {
        "p1": "“Kita hormati proses rekapitulasi suara,” kata Prabowo Subianto di Jakarta.",
        "p2": "“Pengamanan TPS sudah disiapkan di seluruh wilayah,” kata Kapolri Listyo Sigit Prabowo.",
        "g1": "“Kami siap mengikuti debat berikutnya,” ujar Gibran Rakabuming Raka di Solo.",
        "g2": "“Relawan akan mengawal suara di desa,” kata Ketua Relawan Gibran Sejahtera Andi Wijaya.",
    }
    import_records(db, [RawArticle(source=s, text=t, outlet="Uji") for s, t in texts.items()])

    def sources(query: str) -> set[str]:
        found = search(db, SearchRequest(query=query))
        return {h.source for h in found.hits}

    assert sources("speaker:Prabowo") == {"p1"}  # the catalogue alias, not the Kapolri
    assert sources('speaker:"Listyo Sigit Prabowo"') == {"p2"}
    assert sources("speaker:Giban") == {"g1"}  # a typo of the catalogue name is that person
    assert "Giban → speaker Gibran Rakabuming Raka" in [
        str(e) for e in search(db, SearchRequest(query="speaker:Giban")).expansions
    ]
