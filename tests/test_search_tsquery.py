"""Planned queries as PostgreSQL tsquery text, and on a real server the same matches as FTS5.

The server test indexes the search corpus (tests/test_search_corpus.py) in ``tsvector``
literals built from the project's own tokens and stems as the PostgreSQL store writes them
(stems marked ``~`` at their words' positions, left out where a stem is the word; article:
title A, body B, title stems C, body stems D; statement: text A, stems B), and compares every
expression of each plan with what SQLite's FTS5 matches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from reader.search.expr import Expr
from reader.search.fts import render_fts5
from reader.search.plan import Plan, Planner
from reader.search.query import parse_query
from reader.search.tsquery import render_tsquery
from reader.store.postgres.fulltext import article_vector, statement_vector


def _plan(db: Database, query: str) -> Plan:
    return Planner(db).build(parse_query(query))


@pytest.mark.parametrize(
    ("query", "clauses", "excluded", "said"),
    [
        ("kecurangan", ["('kecurangan' | ('~curang' | 'curang'))"], "", ""),
        ('"politik uang"', ["'politik' <-> 'uang'"], "", ""),
        ("kecur*", ["'kecur':*"], "", ""),
        ("Asy'ari", ["'asy' <-> 'ari'"], "", ""),
        (
            "kecurangan-pemilu",
            ["('kecurangan' <-> 'pemilu' | ('~curang' | 'curang') <-> ('~pemilu' | 'pemilu'))"],
            "",
            "",
        ),
        (
            "pemungutan suara ul*",
            ["('pemungutan' | ('~pungut' | 'pungut'))", "('suara' | '~suara')", "'ul':*"],
            "",
            "",
        ),
        ("M.D.", ["('m' <-> 'd' | 'md')"], "", ""),
        ("Prabowo-Giban", ["'prabowo' <-> 'giban'"], "", ""),
        ("gibran rakabumin", ["('gibran' & 'rakabumin')"], "", ""),
        (
            "jagung OR Kejagung",
            ["(('jagung' | '~jagung') | ('kejagung' | '~kejagung'))"],
            "",
            "",
        ),
        (
            'curang -Bekasi -"politik uang"',
            ["('curang' | '~curang')"],  # as written and as a stem
            "(('bekasi' | '~bekasi') | 'politik' <-> 'uang')",
            "",
        ),
        ("said:kecurangan", [], "", "('kecurangan' | ('~curang' | 'curang'))"),
        ('said:kecur* said:"surat suara"', [], "", "('kecur':* & 'surat' <-> 'suara')"),
    ],
)
def test_planned_queries_as_tsquery_text(
    sdb: Database, query: str, clauses: list[str], excluded: str, said: str
) -> None:
    plan = _plan(sdb, query)
    assert [render_tsquery(clause.fts) for clause in plan.clauses] == clauses
    assert render_tsquery(plan.excluded) == excluded
    assert render_tsquery(plan.said) == said


def test_the_article_match_excludes_with_and_not(sdb: Database) -> None:
    plan = _plan(sdb, "harga jagung -Kejagung")
    assert render_tsquery(plan.text_match()) == (
        "(('harga' | '~harga') & ('jagung' | '~jagung')) & !('kejagung' | '~kejagung')"
    )


# -- against a real PostgreSQL ------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg(search_db_file: Path, pg_server: Any) -> Iterator[Any]:
    """The session's server holding the search corpus as ``article_doc`` and ``said_doc``, with
    the vectors the PostgreSQL store writes (reader.store.postgres.fulltext)."""
    import psycopg

    db = sqlite3.connect(f"file:{search_db_file}?mode=ro", uri=True)  # the template: read only
    articles = db.execute(
        "SELECT id, coalesce(title, ''), body, title_stem, body_stem FROM article"
    ).fetchall()
    statements = db.execute("SELECT said_id, text, text_stem FROM quote_said").fetchall()
    db.close()
    with psycopg.connect(pg_server.uri, autocommit=True) as conn:
        for table, rows, vector in (
            ("article_doc", articles, article_vector),
            ("said_doc", statements, statement_vector),
        ):
            conn.execute(f"CREATE TEMP TABLE {table} (id bigint PRIMARY KEY, v tsvector NOT NULL)")
            with conn.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} VALUES (%s, %s::tsvector)",
                    [(row[0], vector(*row[1:])) for row in rows],
                )
        yield conn


QUERIES = [
    "curang", "kecurangan", "dicurangi", "relawan", "jagung", "Kejagung", "harga jagung",
    "jagung OR Kejagung", "curang -Bekasi", "curang -Bekasi -hoaks", "-jagung -hoaks",
    '"politik uang"', "politik uang", '"pemungutan suara"', "pemungutan suara ul*", "rekap*", "kecur*",
    "suara ulang", "M.D.", "Mahfud M.D.", "Prabowo-Giban", "gibran rakabumin", "Jokowi", "kecurnagan",
    "kecurangan-pemilu", "sirekap OR \"surat suara\" OR rekap*", "Airlangga Hartarto",
    "said:curang", "said:kecur*", 'said:"pemilihan ulang"', "said:tuntut*", "said:kecurangan said:warga",
    "said:curang OR said:suap hoaks OR said:bohong", "said:nasional -said:curang daerah",
]  # fmt: skip


def _expressions(plan: Plan) -> list[tuple[str, Expr]]:
    """Every expression a plan hands a backend, with the index it is matched against."""
    found = [("article", clause.fts) for clause in plan.clauses]
    found += [("article", plan.excluded), ("article", plan.text_match()), ("said", plan.said)]
    return [(index, expression) for index, expression in found if expression]


def test_tsquery_matches_what_fts5_matches(sdb: Database, pg: Any) -> None:
    sqlite_table = {"article": "article_fts", "said": "quote_fts"}
    pg_table = {"article": "article_doc", "said": "said_doc"}
    compared = matched = 0
    for query in QUERIES:
        for index, expression in _expressions(_plan(sdb, query)):
            fts5 = {row[0] for row in sdb.execute(
                f"SELECT rowid FROM {sqlite_table[index]}(?)", [render_fts5(expression)]
            )}  # fmt: skip
            tsquery = render_tsquery(expression)
            postgres = {row[0] for row in pg.execute(
                f"SELECT id FROM {pg_table[index]} WHERE v @@ %s::tsquery", [tsquery]
            )}  # fmt: skip
            assert postgres == fts5, (query, tsquery)
            compared += 1
            matched += bool(fts5)
    assert compared > len(QUERIES) and matched > len(QUERIES) // 2  # the comparison is not vacuous
