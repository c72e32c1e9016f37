"""said: searches inside statements: parsing, matching on a hand-made database, the statements list."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.models import CleanArticle, Extraction, Prepared, Quote
from reader.search import SearchRequest, search
from reader.search.query import parse_query
from reader.search.statements import search_statements
from reader.store import migrations
from reader.store.catalogue import seed_bundled
from reader.store.connect import open_db
from reader.store.migrations import steps_010
from reader.store.review import set_reviewed
from reader.store.writes import (
    ActorIds,
    insert_article,
    replace_quotes,
    statements_indexed_at_end,
    write_transaction,
)
from reader.text.stem import stem_text
from tests.postgres_server import PgServer, next_database
from tests.search_stores import tag

# source -> (outlet, published, body, [(quote text, speaker, kind)])
ARTICLES = {
    "anies-curang": ("kompas.com", "2024-02-10",
                     'Anies Baswedan berkata, "Ada kecurangan yang terstruktur di banyak daerah." '
                     "Ia lalu meninggalkan lokasi.",
                     [("Ada kecurangan yang terstruktur di banyak daerah.", "Anies Baswedan", "direct")]),
    "anies-else": ("detik.com", "2024-02-12",
                   'Anies Baswedan berkata, "Kami siap menerima hasilnya." Ganjar Pranowo menyebut, '
                   '"Rakyat dicurangi di banyak TPS."',
                   [("Kami siap menerima hasilnya.", "Anies Baswedan", "direct"),
                    ("Rakyat dicurangi di banyak TPS.", "Ganjar Pranowo", "direct")]),
    "psu": ("kompas.com", "2024-02-20",
            "Bawaslu merekomendasikan pemungutan suara ulang di dua TPS. Rahmat Bagja mengatakan "
            "pemungutan suara ulang harus digelar pekan depan.",
            [("pemungutan suara ulang harus digelar pekan depan", "Rahmat Bagja", "indirect")]),
    "body-only": ("antaranews.com", "2024-01-05",
                  "Laporan tentang kecurangan tanpa kutipan siapa pun. Kecurangan itu diselidiki.", []),
}  # fmt: skip


def _write(db: Database) -> dict[str, int]:
    """The articles, written row by row (the statements indexed by trigger)."""
    actors = ActorIds(db)
    ids: dict[str, int] = {}
    with write_transaction(db):
        for source, (outlet, published, body, quotes) in ARTICLES.items():
            found = []
            for text, speaker, kind in quotes:
                start = body.index(text)
                found.append(Quote(text, speaker, None, "kata", kind, start, start + len(text)))
            article = CleanArticle(source, body, source.title(), None, outlet, published, None, "test")
            item = Prepared(article, source, stem_text(article.title or ""), stem_text(body),
                            Extraction(tuple(found), ()))  # fmt: skip
            ids[source] = insert_article(db, item, actors)
    return ids


@pytest.fixture(scope="session")
def pg_said_template(pg_server: PgServer) -> str:
    """A database on the session's server with the articles above (read-only: copy it)."""
    name = next_database()
    db = open_db(pg_server.create_database(name))
    _write(db)
    db.close()
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def said_location(request: pytest.FixtureRequest, db_path: Path) -> str:
    """The articles above on each store in turn: a new SQLite file, the session's
    PostgreSQL database in read-only mode (a write fails the test)."""
    if request.param == "sqlite":
        db = open_db(db_path)
        _write(db)
        db.close()
        return str(db_path)
    server = request.getfixturevalue("pg_server")
    read_only = quote("-cdefault_transaction_read_only=on")
    return f"{server.database_location(request.getfixturevalue('pg_said_template'))}&options={read_only}"


@pytest.fixture
def said_db(said_location: str) -> Iterator[Database]:
    db = open_db(said_location)
    yield db
    db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def said_db_copy(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    """The articles above on each store in turn, a private copy (for tests that write)."""
    if request.param == "sqlite":
        location = str(db_path)
        writer = open_db(location)
        _write(writer)
        writer.close()
    else:
        server = request.getfixturevalue("pg_server")
        name = next_database()
        location = server.create_database(name, template=request.getfixturevalue("pg_said_template"))
        request.addfinalizer(lambda: server.drop_database(name))
    db = open_db(location)
    yield db
    db.close()


def sources(db: Database, query: str) -> set[str]:
    result = search(db, SearchRequest(query=query))
    assert result.error is None, result.error
    return {hit.source for hit in result.hits}


# -- parsing ---------------------------------------------------------------------------------


def test_said_terms_are_parsed_apart_from_the_body_words() -> None:
    parsed = parse_query('speaker:"Anies Baswedan" said:curang pemilu said:"pemungutan suara ulang"')
    assert [t.text for g in parsed.groups for t in g] == ["pemilu"]
    assert [[t.words for t in g] for g in parsed.said] == [[("curang",)], [("pemungutan", "suara", "ulang")]]
    assert parsed.said[1][0].quoted and not parsed.said[0][0].quoted
    assert parsed.filters.speaker == ("Anies Baswedan",)


def test_or_joins_said_terms_only_with_said_terms() -> None:
    parsed = parse_query("said:curang OR said:suap hoaks OR said:bohong")
    assert [[t.text for t in g] for g in parsed.said] == [["curang", "suap"], ["bohong"]]
    assert [[t.text for t in g] for g in parsed.groups] == [["hoaks"]]


def test_fts_syntax_inside_said_is_only_words() -> None:
    parsed = parse_query('said:"curang AND NOT suap*" said:kecur*')
    phrase, prefix = parsed.said[0][0], parsed.said[1][0]
    assert phrase.words == ("curang", "and", "not", "suap") and phrase.quoted and not phrase.prefix
    assert prefix.words == ("kecur",) and prefix.prefix


@pytest.mark.parametrize("query", ["said:", 'said:""', "said:*", 'said:"', "said:***", 'said:"  "'])
def test_an_empty_said_is_ignored(query: str) -> None:
    parsed = parse_query(query)
    assert parsed.said == () and parsed.groups == ()


def test_negated_said_is_explained_not_applied() -> None:
    parsed = parse_query("-said:curang pemilu")
    assert parsed.said == () and any("-said:" in p for p in parsed.problems)


# -- matching --------------------------------------------------------------------------------


def test_said_matches_any_form_of_the_word_inside_statements_only(said_db: Database) -> None:
    # kecurangan (Anies) and dicurangi (Ganjar) are statements; the body-only article is not.
    assert sources(said_db, "said:curang") == {"anies-curang", "anies-else"}
    assert sources(said_db, "curang") == {"anies-curang", "anies-else", "body-only"}


def test_said_fixes_typos_and_reports_it(said_db: Database) -> None:
    result = search(said_db, SearchRequest(query="said:kecurangn"))
    # kecurangan, and its stem as for body words: dicurangi too.
    assert {h.source for h in result.hits} == {"anies-curang", "anies-else"}
    assert ("fuzzy", "kecurangn", "kecurangan") in {(e.kind, e.term, e.target) for e in result.expansions}


def test_said_reports_the_stem_like_body_words(said_db: Database) -> None:
    result = search(said_db, SearchRequest(query="said:kecurangan"))
    assert ("stem", "kecurangan", "curang") in {(e.kind, e.term, e.target) for e in result.expansions}
    assert {h.source for h in result.hits} == {"anies-curang", "anies-else"}


def test_said_phrase_and_prefix(said_db: Database) -> None:
    assert sources(said_db, 'said:"pemungutan suara ulang"') == {"psu"}
    assert sources(said_db, 'said:"suara pemungutan"') == set()
    # "Kami siap menerima hasilnya." and "Rakyat dicurangi ...": one ends where the next begins.
    assert sources(said_db, 'said:"hasilnya rakyat"') == set()
    assert sources(said_db, 'said:"rakyat dicurangi"') == {"anies-else"}
    assert sources(said_db, "said:kecur*") == {"anies-curang"}


def test_speaker_and_said_mean_the_speakers_own_statement(said_db: Database) -> None:
    # In "anies-else" Anies said something else and Ganjar said dicurangi: not a match.
    assert sources(said_db, 'speaker:"Anies Baswedan" said:curang') == {"anies-curang"}
    assert sources(said_db, "speaker:Ganjar said:curang") == {"anies-else"}
    assert sources(said_db, "speaker:Bagja said:curang") == set()
    # Without said:, speaker: and a body word are still about the whole article.
    assert sources(said_db, 'speaker:"Anies Baswedan" curang') == {"anies-curang", "anies-else"}


def test_every_said_term_holds_in_the_same_statement(said_db: Database) -> None:
    assert sources(said_db, "said:curang said:daerah") == {"anies-curang"}
    assert sources(said_db, "said:curang said:hasil") == set()  # two statements of one article
    assert sources(said_db, "said:daerah OR said:hasil") == {"anies-curang", "anies-else"}


def test_said_composes_with_every_other_filter(said_db_copy: Database) -> None:
    said_db = said_db_copy  # it writes: a private copy
    ids = {source: i for source, i in said_db.execute("SELECT source, id FROM article")}
    assert sources(said_db, "said:curang outlet:kompas") == {"anies-curang"}
    assert sources(said_db, "said:curang from:2024-02-11") == {"anies-else"}
    assert sources(said_db, "said:curang to:2024-02-11") == {"anies-curang"}
    assert sources(said_db, "said:curang terstruktur") == {"anies-curang"}
    assert sources(said_db, "said:curang -terstruktur") == {"anies-else"}
    tag(said_db, ids["anies-else"], "sengketa")
    assert sources(said_db, "said:curang tag:sengketa") == {"anies-else"}
    set_reviewed(said_db, ids["anies-curang"], True)
    assert sources(said_db, "said:curang reviewed:yes") == {"anies-curang"}
    assert sources(said_db, "said:curang reviewed:no") == {"anies-else"}
    assert search(said_db, SearchRequest(query="said:curang", sort="date")).hits[0].source == "anies-else"


@pytest.mark.parametrize(
    "query",
    ['said:"', "said:*", "said:AND", 'said:"curang AND"', 'said:"kec*"', "said:OR said:NOT",
     'said:"(curang" said:NEAR(a', "said:-curang", 'said:"\\"', "said:^curang"],
)  # fmt: skip
def test_odd_said_values_never_fail(said_db: Database, query: str) -> None:
    result = search(said_db, SearchRequest(query=query))
    assert result.error is None or "could not run" not in result.error
    assert search_statements(said_db, query).error is None


# -- statements ------------------------------------------------------------------------------


def test_statements_of_a_said_query_are_the_matching_quotes(said_db: Database) -> None:
    found = search_statements(said_db, 'speaker:"Anies Baswedan" said:curang')
    assert found.total == 1 and found.error is None
    (quote,) = found.quotes
    row = said_db.execute("SELECT id FROM quote WHERE text LIKE 'Ada kecurangan%'").fetchone()
    assert quote["id"] == row[0] and quote["speaker"] == "Anies Baswedan"
    assert quote["outlet"] == "kompas.com" and quote["published"] == "2024-02-10"
    start, end = quote["spans"][0]
    assert quote["text"][start:end] == "kecurangan"


def test_statements_without_said_are_the_quotes_of_matching_articles(said_db: Database) -> None:
    found = search_statements(said_db, "curang")
    assert {q["text"] for q in found.quotes} == {
        "Ada kecurangan yang terstruktur di banyak daerah.", "Kami siap menerima hasilnya.",
        "Rakyat dicurangi di banyak TPS.",
    }  # fmt: skip
    assert found.total == 3
    marked = {q["text"][s:e] for q in found.quotes for s, e in q["spans"]}
    assert marked == {"kecurangan", "dicurangi"}
    by_anies = search_statements(said_db, "curang", speaker="Anies")
    assert {q["speaker"] for q in by_anies.quotes} == {"Anies Baswedan"} and by_anies.total == 2


def test_statements_are_newest_first_and_paged(said_db: Database) -> None:
    everything = search_statements(said_db, "", limit=None)
    assert everything.total == 4 and len(everything.quotes) == 4
    assert [q["published"] for q in everything.quotes] == sorted(
        (q["published"] for q in everything.quotes), reverse=True
    )
    page = search_statements(said_db, "", limit=2, offset=1)
    assert [q["id"] for q in page.quotes] == [q["id"] for q in everything.quotes[1:3]]
    assert page.total == 4


def test_statements_of_one_article_and_kind(said_db: Database) -> None:
    ids = {source: i for source, i in said_db.execute("SELECT source, id FROM article")}
    found = search_statements(said_db, "", article_id=ids["anies-else"])
    assert {q["speaker"] for q in found.quotes} == {"Anies Baswedan", "Ganjar Pranowo"}
    assert search_statements(said_db, "said:ulang", kind="direct").total == 0
    assert search_statements(said_db, "said:ulang", kind="indirect").total == 1
    assert search_statements(said_db, "", kind="fragment").error


# -- the index -------------------------------------------------------------------------------


def _fts_ok(db: Database) -> bool:
    try:
        db.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def test_the_index_follows_deleted_and_changed_quotes(db: Database) -> None:
    said_db = db  # SQLite's triggers (PostgreSQL's writer computes a statement's vector)
    _write(said_db)
    assert _fts_ok(said_db)
    with said_db.atomic():
        said_db.execute("DELETE FROM article WHERE source = 'anies-curang'")
        said_db.execute("UPDATE quote SET text = 'Rakyat ditipu.', text_stem = 'rakyat tipu' "
                        "WHERE text LIKE 'Rakyat%'")  # fmt: skip
    assert _fts_ok(said_db)
    assert sources(said_db, "said:curang") == set()
    assert sources(said_db, "said:tipu") == {"anies-else"}


def test_an_older_database_gets_the_statement_index(db_path: Path) -> None:
    db = Database(sqlite3.connect(db_path))
    migrations.migrations.apply(db, stop_before="m010_said_index")
    # Today's writer also counts the vocabulary (a later step, which refills it from the index).
    db.execute("CREATE TABLE search_term (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID")
    db.execute(steps_010.CATALOGUE_TABLE)  # and extracts with the database's catalogue
    seed_bundled(db)
    _write(db)  # as written before the statement index: no stems
    db.execute("UPDATE quote SET text_stem = ''")
    db.conn.commit()
    db.close()
    db = open_db(db_path)
    assert _fts_ok(db)
    assert sources(db, "said:curang") == {"anies-curang", "anies-else"}
    db.close()


def test_statements_written_in_one_block_are_indexed_at_its_end(db: Database) -> None:
    with write_transaction(db), statements_indexed_at_end(db):
        _write(db)
        assert db.execute("SELECT count(*) FROM quote_fts_docsize").fetchone()[0] == 0
    assert _fts_ok(db)
    assert sources(db, "said:curang") == {"anies-curang", "anies-else"}
    assert db.execute("SELECT count(*) FROM said_deferred").fetchone()[0] == 0
    # After the block, quotes written again (a re-extraction) are indexed by trigger.
    article_id, body = db.execute("SELECT id, body FROM article WHERE source = 'body-only'").fetchone()
    start = body.index("Kecurangan itu")
    with write_transaction(db):
        quote = Quote(body[start:-1], "Polisi", None, None, "indirect", start, len(body) - 1)
        replace_quotes(db, article_id, [quote])
    assert _fts_ok(db)
    assert sources(db, "said:curang") == {"anies-curang", "anies-else", "body-only"}


def test_quotes_changed_before_the_block_ends_stay_consistent(db: Database) -> None:
    with write_transaction(db), statements_indexed_at_end(db):
        ids = _write(db)
        db.execute("DELETE FROM quote WHERE article_id = ?", [ids["anies-curang"]])
        db.execute("UPDATE quote SET text = 'Rakyat ditipu.', text_stem = 'rakyat tipu' "
                   "WHERE text LIKE 'Rakyat%'")  # fmt: skip
    assert _fts_ok(db)
    assert sources(db, "said:curang") == set() and sources(db, "said:tipu") == {"anies-else"}


def test_imported_statements_are_indexed(db_path: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "one.jsonl"
    body = ('Jakarta - Ketua Bawaslu Rahmat Bagja mengatakan, "Kami menemukan kecurangan di '
            'beberapa TPS dan akan menindaklanjutinya." Ia berbicara di Jakarta.')  # fmt: skip
    corpus.write_text(json.dumps({"id": "x1", "title": "Bawaslu", "text": body}) + "\n", "utf-8")
    assert CliRunner().invoke(cli, ["--db", str(db_path), "import", str(corpus)]).exit_code == 0
    db = open_db(db_path)
    assert _fts_ok(db)
    assert sources(db, "said:dicurangi") == {"x1"}
    db.close()


# -- reader quotes QUERY ---------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_reader_quotes_takes_a_query(said_location: str) -> None:
    code, out, _ = run("--db", said_location, "quotes", "speaker:Anies Baswedan", "said:curang", "--json")
    # Unquoted on the shell, "speaker:Anies Baswedan" is speaker:Anies plus the word Baswedan.
    assert code == 0
    quotes = json.loads(out)
    assert [q["speaker"] for q in quotes] == ["Anies Baswedan"]
    assert set(quotes[0]) == {
        "id", "article_id", "source", "text", "speaker", "role", "cue", "kind", "start", "end",
        "corrected", "corrected_by", "corrected_at", "published", "outlet", "title", "spans",
    }  # fmt: skip
    code, out, _ = run("--db", said_location, "quotes", "--speaker", "Anies Baswedan", "said:curang",
                       "--json")
    assert code == 0 and [q["id"] for q in json.loads(out)] == [quotes[0]["id"]]


def test_reader_quotes_text_shows_total_and_expansions(said_location: str) -> None:
    code, out, _ = run("--db", said_location, "quotes", "said:kecurangn")
    assert code == 0
    assert out.splitlines()[0] == "2 quotes"
    assert "kecurangn → kecurangan" in out and "Anies Baswedan:" in out


def test_reader_quotes_with_a_query_that_finds_nothing(said_location: str) -> None:
    code, out, _ = run("--db", said_location, "quotes", "said:hoaks", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run("--db", said_location, "quotes", 'said:"', "-hoaks")
    assert code == 0 and "quotes" in out.splitlines()[0]


def test_said_hits_are_marked_inside_statements(said_db: Database) -> None:
    from reader.search import hit_offsets

    sql = "SELECT id, body FROM article WHERE source = ?"
    article_id, body = said_db.execute(sql, ["body-only"]).fetchone()
    assert hit_offsets(said_db, article_id, "said:curang") == []  # the word, but in no statement
    article_id, body = said_db.execute(sql, ["anies-curang"]).fetchone()
    assert [body[s:e] for s, e in hit_offsets(said_db, article_id, "said:curang")] == ["kecurangan"]
    (hit,) = search(said_db, SearchRequest(query="said:terstruktur")).hits
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["terstruktur"]


def test_a_large_match_is_paged_by_walking_the_dates(
    said_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import statements

    for query in ("", "said:curang", "curang", "speaker:Anies"):
        sorted_page = search_statements(said_db, query, limit=3, offset=1)
        monkeypatch.setattr(statements, "DATE_WALK", 0)
        walked = search_statements(said_db, query, limit=3, offset=1)
        monkeypatch.undo()
        assert walked == sorted_page and walked.quotes
