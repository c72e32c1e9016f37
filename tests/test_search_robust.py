"""search() and hit_offsets() never raise, whatever the user types (property-based)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from reader.search import SearchRequest, SearchResult, hit_offsets, parse_query, search

NASTY = [
    '"',
    '""',
    '"unclosed phrase',
    "AND",
    "OR",
    "NOT",
    "OR OR AND NOT",
    "*",
    "**",
    ":",
    "actor:",
    "from:",
    "-",
    "--",
    "- -",
    "Prabowo-Gibran",
    "Asy'ari",
    "Asy’ari",
    "19/2/2024",
    "😀 🗳️",
    "kecurangan😀",
    "NEAR(a b)",
    "title:curang",
    "body_stem:curang",
    "{title}: x",
    "a^b",
    "(curang",
    "curang)",
    "'; DROP TABLE article; --",
    "\x00",
    "\u200b",
    "é" * 50,
    "x" * 10_000,
    "kecurangan " * 2_000,
    "Giban " * 200,
    "from:9999-99-99 to:0000-00-00",
    "reviewed:yes reviewed:no",
    'speaker:"" tag:"" outlet:%_',
]

@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


# Query-language characters are over-represented so the parser is really exercised.
QUERY_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("\"*:-()^{}'’/ ORANDNOTacdegiknprsu"), st.characters()),
    max_size=80,
)


def check(db: Database, text: str) -> SearchResult:
    result = search(db, SearchRequest(query=text, limit=5))
    assert isinstance(result, SearchResult)
    assert result.error is None or not result.error.startswith("the search could not run"), result.error
    assert result.total >= len(result.hits)
    assert 0 <= result.reviewed_total <= result.total
    for hit in result.hits:
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.snippet_spans)
    article_id = result.hits[0].article_id if result.hits else 1
    spans = hit_offsets(db, article_id, text)
    assert spans == sorted(spans)
    return result


@pytest.mark.parametrize("text", NASTY)
def test_nasty_inputs(sdb: Database, text: str) -> None:
    check(sdb, text)
    parse_query(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=QUERY_TEXT)
@example(text='"')
@example(text="Prabowo-Gibran")
def test_any_text_gives_a_result(sdb: Database, text: str) -> None:
    check(sdb, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=QUERY_TEXT,
    sort=st.sampled_from(["relevance", "date", "sideways"]),
    limit=st.integers(-5, 2_000),
    offset=st.integers(-5, 50),
    reviewed=st.sampled_from([None, True, False]),
    tag=st.one_of(st.none(), st.text(max_size=10)),
    actor=st.one_of(st.none(), st.text(max_size=20)),
)
def test_any_request_gives_a_result(
    sdb: Database, text: str, sort: str, limit: int, offset: int, reviewed: bool | None,
    tag: str | None, actor: str | None,
) -> None:  # fmt: skip
    request = SearchRequest(text, sort, limit, offset, reviewed, tag, actor)
    result = search(sdb, request)
    assert isinstance(result, SearchResult)
    assert result.error is None or not result.error.startswith("the search could not run"), result.error


def test_a_runaway_query_is_stopped_not_hung(
    search_store_copy: Database, search_store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import service, sqlite_sql
    from reader.store.backend import backend_of
    from reader.store.connect import open_db

    sdb = search_store_copy
    with contextlib.ExitStack() as stack:
        if backend_of(sdb).name == "sqlite":
            monkeypatch.setattr(service, "DEADLINE_SECONDS", -1.0)
            monkeypatch.setattr(sqlite_sql, "PROGRESS_STEPS", 1)
        else:  # a query held up by another session's lock runs into the statement timeout
            monkeypatch.setattr(service, "DEADLINE_SECONDS", 0.2)
            other = open_db(search_store_location)
            stack.callback(other.close)
            stack.enter_context(other.atomic())  # type: ignore[attr-defined]
            other.execute("LOCK TABLE review IN ACCESS EXCLUSIVE MODE")
        result = search(sdb, SearchRequest(query="kecurangan"))
    assert result.error and "too long" in result.error and result.hits == ()
    monkeypatch.undo()
    assert search(sdb, SearchRequest(query="kecurangan")).total > 0  # the connection still works
