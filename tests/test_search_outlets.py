"""outlet: is as forgiving as actor: (case, domain endings, spacing, a typo) and says what it took."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from reader.search import SearchRequest, search
from reader.search.outlets import outlet_key, resolve_outlet


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


STORED = ["kompas", "detik", "tempo", "posmetro-medan", "cnbcindonesia", "okezone"]


@pytest.mark.parametrize(
    ("typed", "names", "rule"),
    [
        ("kompas", ("kompas",), "exact"),
        ("Kompas.com", ("kompas",), "exact"),
        ("KOMPAS.CO.ID", ("kompas",), "exact"),
        ("www.kompas.com", ("kompas",), "exact"),
        ("kompas com", ("kompas",), "exact"),
        ("Pos Metro Medan", ("posmetro-medan",), "exact"),
        ("CNBC Indonesia", ("cnbcindonesia",), "exact"),
        ("okez", ("okezone",), "prefix"),
        ("Kompass", ("kompas",), "typo"),
        ("detk.com", ("detik",), "typo"),
        ("zzz", (), None),
        ("Rompas", (), None),  # a typo keeps the first letter
    ],
)
def test_outlet_names_resolve_forgivingly(typed: str, names: tuple[str, ...], rule: str | None) -> None:
    found = resolve_outlet(typed, STORED)
    assert (found.names, found.rule) == (names, rule)


def test_outlet_keys_drop_domains_and_spacing() -> None:
    assert outlet_key("Kompas.com") == outlet_key("kompas.co.id") == outlet_key("KOMPAS") == "kompas"
    assert outlet_key("tempo.co") == "tempo" and outlet_key("Pos Metro-Medan") == "posmetromedan"


def sources(db: Database, query: str) -> set[str]:
    return {h.source for h in search(db, SearchRequest(query=query, limit=100)).hits}


@pytest.mark.parametrize("typed", ["Kompas.com", "kompas", "KOMPAS.CO.ID", "kompass", '"Kompas com"'])
def test_outlet_filter_finds_the_outlet_however_typed(sdb: Database, typed: str) -> None:
    assert sources(sdb, f"curang outlet:{typed}") == {"kecurangan"}


def test_outlet_expansion_is_reported(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="outlet:Kompass"))
    assert "Kompass → outlet kompas.com" in [str(e) for e in result.expansions]
    assert result.total > 0 and all(h.outlet == "kompas.com" for h in result.hits)
    exact = search(sdb, SearchRequest(query="outlet:kompas.com"))
    assert not [e for e in exact.expansions if e.kind == "outlet"]  # nothing to explain


def test_an_unknown_outlet_is_explained(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="outlet:xyzzy"))
    assert result.total == 0 and result.error == "no outlet matches 'xyzzy'"


def test_stored_outlets_lists_each_spelling_once_whatever_its_case(store: Database) -> None:
    from reader.ingest.pipeline import import_records
    from reader.models import RawArticle
    from reader.search.outlets import stored_outlets

    db = store
    outlets = ["Kompas", "kompas", "KOMPAS", "Detik", None, "", "antara", "Tempo.co"]
    import_records(db, [
        RawArticle(source=f"a{i}", text=f"Artikel {i} tentang pemilu di daerah {i}.", outlet=outlet,
                   origin="x.jsonl")
        for i, outlet in enumerate(outlets)
    ])  # fmt: skip
    found = sorted(name.lower() for name in stored_outlets(db))
    assert found == ["antara", "detik", "kompas", "tempo.co"]
