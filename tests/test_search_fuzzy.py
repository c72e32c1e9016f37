"""Typo tolerance: vocabulary corrections, actor aliases, and the expansions shown to the user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.extract.actors import default_catalogue
from reader.search import Expansion, SearchRequest, search
from reader.search.fuzzy import Vocabulary, actor_index, vocabulary
from tests.search_stores import commit
from tests.test_search_corpus import ids

SEED_004 = "004_eb156427ed740bc9"  # contains the typo "Prabowo-Giban"


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


def expansions(db: Database, query: str) -> list[str]:
    return [str(e) for e in search(db, SearchRequest(query=query)).expansions]


def sources(db: Database, query: str) -> set[str]:
    return {h.source for h in search(db, SearchRequest(query=query, limit=100)).hits}


# -- words ----------------------------------------------------------------------------------


def test_an_unknown_word_is_expanded_to_its_closest_indexed_word(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="kecurangn"))
    assert Expansion("fuzzy", "kecurangn", "kecurangan") in result.expansions
    assert "kecurangn → kecurangan" in [str(e) for e in result.expansions]
    assert {"kecurangan", "dicurangi", "curang"} <= {h.source for h in result.hits}


def test_only_the_nearest_candidates_are_used(sdb: Database) -> None:
    # "kekurangan" is two edits away from "kecurangn"; "kecurangan" only one.
    assert [e for e in expansions(sdb, "kecurangn") if "kekurangan" in e] == []


def test_known_words_are_not_expanded(sdb: Database) -> None:
    kinds = {e.kind for e in search(sdb, SearchRequest(query="rekapitulasi jagung")).expansions}
    assert "fuzzy" not in kinds


def test_typos_of_other_words(sdb: Database) -> None:
    assert "rekapitulsi → rekapitulasi" in expansions(sdb, "rekapitulsi")
    assert "dicurangi" in sources(sdb, "rekapitulsi")
    assert "pengadiln → pengadilan" in expansions(sdb, "pengadiln")


def test_short_words_are_never_guessed(sdb: Database) -> None:
    assert search(sdb, SearchRequest(query="xyz")).expansions == ()


def test_a_rare_word_gains_its_much_more_frequent_neighbour() -> None:
    vocab = Vocabulary.from_rows([("giban", 1), ("gibran", 400), ("gibah", 2)], articles=10_000)
    assert vocab.corrections("giban") == ["gibran"]
    assert vocab.corrections("gibran") == []


def _stored_terms(db: Database) -> dict[str, int]:
    return dict(db.execute("SELECT term, doc FROM search_term").fetchall())


def _index_terms(db: Database) -> dict[str, int]:
    """Every term of the store's full-text index with the number of articles holding it."""
    from reader.store.backend import backend_of

    if backend_of(db).name == "sqlite":
        return dict(db.execute("SELECT term, doc FROM article_fts_vocab").fetchall())
    # A stem is its own lexeme there (marked "~"); the vocabulary counts a term's articles
    # whether it stands in them as written or as a stem.
    return dict(db.execute(
        "SELECT term, count(DISTINCT id) FROM (SELECT a.id, CASE WHEN left(v.lexeme, 1) = '~' "
        "THEN substr(v.lexeme, 2) ELSE v.lexeme END AS term FROM article a, unnest(a.search) v) t "
        "GROUP BY term"
    ).fetchall())  # fmt: skip


def test_the_writer_keeps_the_vocabulary_equal_to_the_index(search_store_copy: Database) -> None:
    sdb = search_store_copy  # it writes: a private copy
    from reader.ingest.pipeline import import_records
    from reader.models import RawArticle

    index = _index_terms(sdb)
    assert _stored_terms(sdb) == index
    assert "zonasi" not in vocabulary(sdb)
    import_records(sdb, [RawArticle(source="baru", text="Sistem zonasi dibahas DPR.", origin="x.jsonl")])
    assert "zonasi" in vocabulary(sdb)
    assert _stored_terms(sdb) == _index_terms(sdb)
    assert _stored_terms(sdb)["sistem"] == index.get("sistem", 0) + 1


@pytest.fixture
def sqlite_sdb(search_db_copy: Path) -> Iterator[Database]:
    from reader.store.connect import open_db

    db = open_db(search_db_copy)
    yield db
    db.close()


def test_a_search_never_reads_the_whole_index_vocabulary(sqlite_sdb: Database) -> None:
    sdb = sqlite_sdb  # SQLite's statement trace
    statements: list[str] = []
    sdb.conn.set_trace_callback(statements.append)
    try:
        for query in ("kecurangn", "giban", "rekap*", "Mahfud pengadiln"):
            search(sdb, SearchRequest(query=query))
    finally:
        sdb.conn.set_trace_callback(None)
    assert statements and not [s for s in statements if "fts_vocab" in s]


# -- actors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "actor"),
    [
        ("Giban", "Gibran Rakabuming Raka"),
        ("gibran rakabumin", "Gibran Rakabuming Raka"),
        ("cak imn", "Muhaimin Iskandar"),
        ("Jokowie", "Joko Widodo"),
        ("anis baswedan", "Anies Baswedan"),
        ("Prabowo-Giban", "Prabowo-Gibran"),
    ],
)
def test_names_reach_actors_through_their_aliases(typed: str, actor: str) -> None:
    match = actor_index(default_catalogue()).resolve(typed)
    assert match is not None and match.actor.name == actor


def test_an_alias_expands_to_its_actor_and_is_explained(sdb: Database) -> None:
    assert "Gibran → actor Gibran Rakabuming Raka" in expansions(sdb, "Gibran")
    assert "Giban → actor Gibran Rakabuming Raka" in expansions(sdb, "Giban")
    assert "cak imn → actor Muhaimin Iskandar" in expansions(sdb, "cak imn")


def test_an_actor_finds_articles_whatever_alias_they_use(sdb: Database) -> None:
    found = sources(sdb, "Giban")
    assert "gibran" in found  # says "Mas Gibran"
    assert "putra" in found  # names nobody: linked by a mention row only
    assert SEED_004 in found  # the typo itself, as text
    assert "imin" in sources(sdb, "cak imn")
    assert "imin" in sources(sdb, "Muhaimin")


def test_actor_filter_uses_mention_rows_only(sdb: Database) -> None:
    found = sources(sdb, "actor:Gibran")
    assert {"gibran", "putra"} <= found
    assert SEED_004 not in found or _mentions(sdb, SEED_004, "Gibran Rakabuming Raka")
    assert sources(sdb, 'actor:"gibran rakabumin"') == found
    assert search(sdb, SearchRequest(actor="Gibran Rakabuming Raka", limit=100)).total == len(found)


def test_an_unknown_actor_filter_is_explained(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="actor:Zzyzx"))
    assert result.total == 0 and result.error and "Zzyzx" in result.error


def test_words_combine_with_actors(sdb: Database) -> None:
    assert sources(sdb, "Gibran pasar") == {"gibran"}
    assert sources(sdb, "Gibran -pasar") >= {"putra"}
    assert "gibran" not in sources(sdb, "Gibran -pasar")


def test_ordinary_words_do_not_become_actors(sdb: Database) -> None:
    for word in ("kecurangan", "jagung", "pasar", "rawan", "pemilu"):
        assert not [e for e in search(sdb, SearchRequest(query=word)).expansions if e.kind == "actor"]


def test_a_lower_case_short_alias_is_a_word_not_an_actor(sdb: Database) -> None:
    assert not [e for e in search(sdb, SearchRequest(query="amin")).expansions if e.kind == "actor"]
    assert [e.target for e in search(sdb, SearchRequest(query="AMIN")).expansions] == ["Anies-Muhaimin"]


def _mentions(db: Database, source: str, actor: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM mention m JOIN actor ac ON ac.id = m.actor_id WHERE m.article_id = ? "
            "AND ac.name = ?",
            [ids(db)[source], actor],
        ).fetchone()
    )


def test_typo_fixing_reads_the_stored_vocabulary(search_store_copy: Database) -> None:
    sdb = search_store_copy  # it writes: a private copy
    assert "kecurangn → kecurangan" in expansions(sdb, "kecurangn")
    sdb.execute("UPDATE search_term SET term = 'kecuranganx' WHERE term = 'kecurangan'")
    commit(sdb)
    try:
        assert "kecurangn → kecurangan" not in expansions(sdb, "kecurangn")  # no copy in memory
    finally:
        sdb.execute("UPDATE search_term SET term = 'kecurangan' WHERE term = 'kecuranganx'")
        commit(sdb)


def test_an_old_database_gets_its_vocabulary_when_it_is_upgraded(tmp_path) -> None:
    from reader.ingest.pipeline import import_records
    from reader.models import RawArticle
    from reader.store import migrations as steps
    from reader.store.connect import open_db

    path = tmp_path / "old.db"
    db = open_db(path)
    import_records(db, [RawArticle(source="a", text="Dugaan kecurangan pemilu dilaporkan.", origin="a.txt")])
    # As a database from before the writer kept the vocabulary: no search_term table yet.
    db.execute("DROP TABLE search_term")
    db.execute("CREATE TABLE search_vocab (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("CREATE TABLE search_vocab_stamp (id INTEGER PRIMARY KEY, max_id INTEGER, articles INTEGER)")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_search_terms'")
    db.conn.commit()
    db.close()
    db = open_db(path)
    try:
        assert "m013_search_terms" in steps.known_migration_names()
        assert _stored_terms(db) == dict(db.execute("SELECT term, doc FROM article_fts_vocab").fetchall())
        assert "kecurangan" in vocabulary(db)
    finally:
        db.close()


def test_a_rare_real_word_keeps_its_meaning() -> None:
    vocab = Vocabulary.from_rows(
        [("jagung", 1), ("agung", 300), ("bekas", 2), ("bebas", 500), ("gibran", 400), ("giban", 1)],
        articles=1_000,
    )
    assert vocab.corrections("jagung") == []
    assert vocab.corrections("bekas") == []
    assert vocab.corrections("giban") == ["gibran"]
