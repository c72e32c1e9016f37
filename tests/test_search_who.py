"""Who reviewed what, in searches on both stores: ``reviewer:NAME``, ``reviewed:me`` and the count
of matches the searching analyst reviewed."""

from __future__ import annotations

import json

from click.testing import CliRunner

from reader.cli import cli
from reader.search import SearchRequest, parse_query, search
from reader.search.select import count_matching
from reader.store.review import set_reviewed


def run(location: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", location, *args])
    return result.exit_code, result.stdout, result.stderr


def ids(db: object, query: str, user: str = "budi") -> list[int]:
    found = search(db, SearchRequest(query=query, user=user))  # type: ignore[arg-type]
    assert found.error is None, found.error
    return sorted(hit.article_id for hit in found.hits)


def test_the_query_language_reads_reviewer_and_reviewed_me() -> None:
    assert parse_query("reviewer:Ana curang").filters.reviewer == ("Ana",)
    assert parse_query('reviewer:"Ana  Sari"').filters.reviewer == ("Ana Sari",)
    assert parse_query("reviewed:me").filters.reviewer == ("me",)
    assert parse_query("reviewed:me").filters.reviewed is None
    assert parse_query("reviewed:ME reviewer:me").filters.reviewer == ("me",)
    assert parse_query("reviewed:kemarin").problems == ("reviewed: expects yes, no or me, not 'kemarin'",)


def test_reviewer_and_reviewed_me_on_both_stores(seeded_store: object) -> None:
    db = seeded_store
    set_reviewed(db, 1, True, user="ana")  # type: ignore[arg-type]
    set_reviewed(db, 2, True, user="budi")  # type: ignore[arg-type]
    assert ids(db, "reviewer:ana curang") == [1]
    assert ids(db, "reviewer:ANA") == [1]  # names match in any case
    assert ids(db, "reviewer:budi") == [2]
    assert ids(db, "reviewer:nobody curang") == []  # an unknown analyst: no match, no error
    assert ids(db, "reviewer:ana reviewer:budi") == []  # one mark, one analyst
    assert ids(db, "reviewed:me", user="Ana") == [1]
    assert ids(db, "reviewed:me curang", user="budi") == [2]
    assert ids(db, "reviewed:me", user="dewi") == []
    set_reviewed(db, 1, False, user="ana")  # type: ignore[arg-type]
    assert ids(db, "reviewer:ana") == []  # a mark taken away is no one's


def test_the_matches_you_reviewed_are_counted_with_the_reviewed(seeded_store: object) -> None:
    db = seeded_store
    set_reviewed(db, 1, True, user="ana")  # type: ignore[arg-type]
    set_reviewed(db, 2, True, user="budi")  # type: ignore[arg-type]
    for query in ("", "curang", "reviewed:yes", "reviewer:ana", "reviewer:budi", "reviewed:no"):
        for count_reviewed in (True, False):
            request = SearchRequest(query=query, user="Ana", count_reviewed=count_reviewed)
            found = search(db, request)  # type: ignore[arg-type]
            counts = count_matching(db, request)  # type: ignore[arg-type]
            assert (counts.reviewed, counts.mine) == {
                "": (2, 1), "curang": (2, 1), "reviewed:yes": (2, 1), "reviewer:ana": (1, 1),
                "reviewer:budi": (1, 0), "reviewed:no": (0, 0),
            }[query], query  # fmt: skip
            if found.reviewed_by_you is not None:  # None: left for the app's later count
                assert (found.reviewed_total, found.reviewed_by_you) == (counts.reviewed, counts.mine)
            elif count_reviewed:
                raise AssertionError(f"{query!r} left its count out though asked for it")


def test_the_cli_searches_by_reviewer_and_says_who_reviewed(seeded_location: str) -> None:
    assert run(seeded_location, "--user", "ana", "review", "1")[0] == 0
    code, out, err = run(seeded_location, "search", "reviewer:ANA curang")
    assert code == 0 and err == ""
    assert out.startswith("1 article (1 reviewed, 0 by you)")
    assert "reviewed by ana" in out
    code, out, _ = run(seeded_location, "--user", "ana", "search", "reviewed:me")
    assert out.startswith("1 article (1 reviewed, 1 by you)")
    document = json.loads(run(seeded_location, "--user", "ana", "search", "curang", "--json")[1])
    assert (document["total"], document["reviewed_total"], document["reviewed_by_you"]) == (2, 1, 1)
    assert {hit["id"]: hit["reviewed_by"] for hit in document["hits"]} == {1: "ana", 2: None}
    code, out, err = run(seeded_location, "search", "reviewer:nobody")
    assert (code, err) == (0, "") and out.startswith("0 articles (0 reviewed)")
