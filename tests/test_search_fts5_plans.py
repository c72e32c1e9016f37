"""The planner's full-text expressions, rendered for FTS5: the exact MATCH strings SQLite gets.

Pinned on the search corpus (tests/test_search_corpus.py), whose vocabulary and actor
mentions decide the typo fixes and the actor clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlite_utils import Database

from reader.search.fts import render_fts5
from reader.search.plan import Planner
from reader.search.query import parse_query


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


@dataclass(frozen=True)
class Planned:
    query: str
    clauses: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    excluded: str = ""
    said: str = ""
    match: str = ""  # the article MATCH: every text-only clause, minus the exclusions


PLANNED = [
    Planned(
        "kecurangan",
        clauses=[('({title body}: "kecurangan" OR {title_stem body_stem}: "curang")', ())],
        match='({title body}: "kecurangan" OR {title_stem body_stem}: "curang")',
    ),
    Planned(
        "relawan",
        clauses=[('({title body}: "relawan" OR {title_stem body_stem}: "relawan")', ())],
        match='({title body}: "relawan" OR {title_stem body_stem}: "relawan")',
    ),
    Planned(
        "harga jagung",
        clauses=[
            ('({title body}: "harga" OR {title_stem body_stem}: "harga")', ()),
            ('({title body}: "jagung" OR {title_stem body_stem}: "jagung")', ()),
        ],
        match=(
            '(({title body}: "harga" OR {title_stem body_stem}: "harga") AND ({title body}: '
            '"jagung" OR {title_stem body_stem}: "jagung"))'
        ),
    ),
    Planned(
        "jagung OR Kejagung",
        clauses=[
            (
                (
                    '(({title body}: "jagung" OR {title_stem body_stem}: "jagung") OR ({title body}: '
                    '"kejagung" OR {title_stem body_stem}: "kejagung"))'
                ),
                (),
            ),
        ],
        match=(
            '(({title body}: "jagung" OR {title_stem body_stem}: "jagung") OR ({title body}: '
            '"kejagung" OR {title_stem body_stem}: "kejagung"))'
        ),
    ),
    Planned(
        'curang -Bekasi -hoaks -"politik uang"',
        clauses=[('({title body}: "curang" OR {title_stem body_stem}: "curang")', ())],
        excluded=(
            '(({title body}: "bekasi" OR {title_stem body_stem}: "bekasi") OR ({title body}: '
            '"hoaks" OR {title_stem body_stem}: "hoaks") OR {title body}: "politik uang")'
        ),
        match=(
            '({title body}: "curang" OR {title_stem body_stem}: "curang") NOT (({title body}: '
            '"bekasi" OR {title_stem body_stem}: "bekasi") OR ({title body}: "hoaks" OR '
            '{title_stem body_stem}: "hoaks") OR {title body}: "politik uang")'
        ),
    ),
    Planned(
        '"politik uang"',
        clauses=[('{title body}: "politik uang"', ())],
        match='{title body}: "politik uang"',
    ),
    Planned(
        "Prabowo-Gibran curang",
        clauses=[
            ("", ("Prabowo-Gibran",)),
            ('({title body}: "curang" OR {title_stem body_stem}: "curang")', ()),
        ],
        match='({title body}: "curang" OR {title_stem body_stem}: "curang")',
    ),
    Planned(
        "Prabowo-Giban",
        clauses=[('{title body}: "prabowo giban"', ("Prabowo-Gibran",))],
    ),
    Planned(
        "prabowo gibran",
        clauses=[("", ("Prabowo Subianto",)), ("", ("Gibran Rakabuming Raka",))],
    ),
    Planned(
        "gibran rakabumin",
        clauses=[
            ('({title body}: "gibran" AND {title body}: "rakabumin")', ("Gibran Rakabuming Raka",)),
        ],
    ),
    Planned(
        "kecur*",
        clauses=[('{title body}: "kecur" *', ())],
        match='{title body}: "kecur" *',
    ),
    Planned(
        "pemungutan suara ul*",
        clauses=[
            ('({title body}: "pemungutan" OR {title_stem body_stem}: "pungut")', ()),
            ('({title body}: "suara" OR {title_stem body_stem}: "suara")', ()),
            ('{title body}: "ul" *', ()),
        ],
        match=(
            '(({title body}: "pemungutan" OR {title_stem body_stem}: "pungut") AND ({title body}: '
            '"suara" OR {title_stem body_stem}: "suara") AND {title body}: "ul" *)'
        ),
    ),
    Planned(
        "M.D.",
        clauses=[('({title body}: "m d" OR {title body}: "md")', ())],
        match='({title body}: "m d" OR {title body}: "md")',
    ),
    Planned(
        "Gibran -pasar",
        clauses=[("", ("Gibran Rakabuming Raka",))],
        excluded='({title body}: "pasar" OR {title_stem body_stem}: "pasar")',
    ),
    Planned(
        "kecurnagan",
        clauses=[
            (
                (
                    '({title body}: "kecurnagan" OR {title_stem body_stem}: "kecurnagan" OR {title '
                    'body}: "kecurangan" OR {title_stem body_stem}: "curang")'
                ),
                (),
            ),
        ],
        match=(
            '({title body}: "kecurnagan" OR {title_stem body_stem}: "kecurnagan" OR {title body}: '
            '"kecurangan" OR {title_stem body_stem}: "curang")'
        ),
    ),
    Planned(
        'sirekap OR "surat suara" OR rekap*',
        clauses=[
            ('({title body}: "sirekap" OR {title body}: "surat suara" OR {title body}: "rekap" *)', ()),
        ],
        match='({title body}: "sirekap" OR {title body}: "surat suara" OR {title body}: "rekap" *)',
    ),
    Planned(
        "said:kecur*",
        clauses=[],
        said='{text}: "kecur" *',
    ),
    Planned(
        'said:"pemungutan suara ulang"',
        clauses=[],
        said='{text}: "pemungutan suara ulang"',
    ),
    Planned(
        "said:curang OR said:suap hoaks OR said:bohong",
        clauses=[('({title body}: "hoaks" OR {title_stem body_stem}: "hoaks")', ())],
        said=(
            '((({text}: "curang" OR {text_stem}: "curang") OR ({text}: "suap" OR {text_stem}: '
            '"suap")) AND ({text}: "bohong" OR {text_stem}: "bohong"))'
        ),
        match='({title body}: "hoaks" OR {title_stem body_stem}: "hoaks")',
    ),
    Planned(
        "said:curang -terstruktur",
        clauses=[],
        excluded='({title body}: "terstruktur" OR {title_stem body_stem}: "struktur")',
        said='({text}: "curang" OR {text_stem}: "curang")',
    ),
    Planned(
        "-jagung -hoaks",
        clauses=[],
        excluded=(
            '(({title body}: "jagung" OR {title_stem body_stem}: "jagung") OR ({title body}: '
            '"hoaks" OR {title_stem body_stem}: "hoaks"))'
        ),
    ),
    Planned(
        "curang OR suap OR curang",
        clauses=[
            (
                (
                    '(({title body}: "curang" OR {title_stem body_stem}: "curang") OR ({title body}: '
                    '"suap" OR {title_stem body_stem}: "suap"))'
                ),
                (),
            ),
        ],
        match=(
            '(({title body}: "curang" OR {title_stem body_stem}: "curang") OR ({title body}: '
            '"suap" OR {title_stem body_stem}: "suap"))'
        ),
    ),
    Planned(
        "Asy'ari",
        clauses=[('{title body}: "asy ari"', ())],
        match='{title body}: "asy ari"',
    ),
    Planned(
        "kecurangan pemilu Bekasi said:curang -hoaks",
        clauses=[
            ('({title body}: "kecurangan" OR {title_stem body_stem}: "curang")', ()),
            ('({title body}: "pemilu" OR {title_stem body_stem}: "pemilu")', ()),
            ('({title body}: "bekasi" OR {title_stem body_stem}: "bekasi")', ()),
        ],
        excluded='({title body}: "hoaks" OR {title_stem body_stem}: "hoaks")',
        said='({text}: "curang" OR {text_stem}: "curang")',
        match=(
            '(({title body}: "kecurangan" OR {title_stem body_stem}: "curang") AND ({title body}: '
            '"pemilu" OR {title_stem body_stem}: "pemilu") AND ({title body}: "bekasi" OR '
            '{title_stem body_stem}: "bekasi")) NOT ({title body}: "hoaks" OR {title_stem '
            'body_stem}: "hoaks")'
        ),
    ),
    Planned(
        "Jokowi",
        clauses=[
            (
                (
                    '({title body}: "jokowi" OR {title body}: "joko widodo" OR {title body}: "ir h '
                    'joko widodo")'
                ),
                ("Joko Widodo",),
            ),
        ],
    ),
    Planned(
        "Airlangga Hartarto",
        clauses=[
            (
                (
                    '(({title body}: "airlangga" AND {title body}: "hartarto") OR {title body}: '
                    '"airlangga hartarto" OR {title body}: "airlangga")'
                ),
                ("Airlangga Hartarto",),
            ),
        ],
    ),
    Planned(
        "kecurangan-pemilu",
        clauses=[
            ('({title body}: "kecurangan pemilu" OR {title_stem body_stem}: "curang pemilu")', ()),
        ],
        match='({title body}: "kecurangan pemilu" OR {title_stem body_stem}: "curang pemilu")',
    ),
    Planned(
        'said:kecur* said:"surat suara"',
        clauses=[],
        said='({text}: "kecur" * AND {text}: "surat suara")',
    ),
]


@pytest.mark.parametrize("case", PLANNED, ids=[case.query for case in PLANNED])
def test_planned_expressions_render_to_these_fts5_strings(sdb: Database, case: Planned) -> None:
    plan = Planner(sdb).build(parse_query(case.query))
    assert [(render_fts5(clause.fts), clause.actors) for clause in plan.clauses] == case.clauses
    assert render_fts5(plan.excluded) == case.excluded
    assert render_fts5(plan.said) == case.said
    assert render_fts5(plan.text_match()) == case.match


def test_an_actor_clause_without_text_is_empty_and_false(sdb: Database) -> None:
    plan = Planner(sdb).build(parse_query("prabowo gibran -hoaks"))
    assert [bool(clause.fts) for clause in plan.clauses] == [False, False]
    assert plan.excluded and not plan.text_match() and not plan.said
