"""The full-text expression tree: its builders, and both renderers on hand-made trees."""

from __future__ import annotations

import dataclasses

import pytest

from reader.search.expr import (
    ANY,
    EMPTY,
    RAW,
    SAID_RAW,
    SAID_STEM,
    STEM,
    AllOf,
    AnyOf,
    Excluding,
    Expr,
    Phrase,
    all_of,
    any_of,
    excluding,
    phrase,
)
from reader.search.fts import render_fts5
from reader.search.tsquery import render_tsquery

CURANG = phrase(RAW, ["kecurangan"])
CURANG_STEM = phrase(STEM, ["curang"])
ULANG = phrase(RAW, ["suara", "ulang"])


# -- builders -----------------------------------------------------------------------------


def test_a_group_of_one_part_is_that_part() -> None:
    assert any_of([CURANG]) is CURANG
    assert all_of([EMPTY, CURANG, EMPTY]) is CURANG


def test_empty_and_repeated_parts_are_dropped_in_order() -> None:
    group = any_of([CURANG, EMPTY, CURANG_STEM, phrase(RAW, ("kecurangan",))])
    assert group == AnyOf((CURANG, CURANG_STEM))
    assert all_of([ULANG, CURANG, ULANG]) == AllOf((ULANG, CURANG))


def test_groups_of_nothing_are_the_empty_expression() -> None:
    assert any_of([]) is EMPTY and all_of([EMPTY, any_of([])]) is EMPTY


def test_nested_groups_stay_nested() -> None:
    inner = any_of([CURANG, CURANG_STEM])
    assert any_of([inner, ULANG]) == AnyOf((inner, ULANG))


def test_excluding_nothing_is_the_positive_part() -> None:
    assert excluding(CURANG, EMPTY) is CURANG
    assert excluding(CURANG, ULANG) == Excluding(CURANG, ULANG)


def test_only_the_empty_expression_is_false() -> None:
    assert not EMPTY
    assert CURANG and any_of([CURANG, ULANG]) and all_of([CURANG, ULANG]) and excluding(CURANG, ULANG)


def test_nodes_are_immutable_and_hashable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        CURANG.words = ("x",)  # type: ignore[misc]
    assert phrase(RAW, ["suara", "ulang"]) == ULANG and hash(phrase(RAW, ("suara", "ulang"))) == hash(ULANG)
    assert phrase(RAW, ["kecur"], prefix=True) != phrase(RAW, ["kecur"])


# -- FTS5 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (EMPTY, ""),
        (CURANG, '{title body}: "kecurangan"'),
        (CURANG_STEM, '{title_stem body_stem}: "curang"'),
        (phrase(ANY, ["curang"]), '{title body title_stem body_stem}: "curang"'),
        (phrase(SAID_RAW, ["kecur"], prefix=True), '{text}: "kecur" *'),
        (phrase(SAID_STEM, ["curang"]), '{text_stem}: "curang"'),
        (ULANG, '{title body}: "suara ulang"'),
        (phrase(RAW, ['a"b']), '{title body}: "a""b"'),
        (any_of([CURANG, CURANG_STEM]), '({title body}: "kecurangan" OR {title_stem body_stem}: "curang")'),
        (all_of([CURANG, ULANG]), '({title body}: "kecurangan" AND {title body}: "suara ulang")'),
        (excluding(CURANG, ULANG), '{title body}: "kecurangan" NOT {title body}: "suara ulang"'),
        (
            excluding(
                all_of([any_of([CURANG, CURANG_STEM]), ULANG]), any_of([phrase(RAW, ["hoaks"]), ULANG])
            ),
            '(({title body}: "kecurangan" OR {title_stem body_stem}: "curang") AND '
            '{title body}: "suara ulang") NOT ({title body}: "hoaks" OR {title body}: "suara ulang")',
        ),
    ],
)
def test_render_fts5(expression: Expr, expected: str) -> None:
    assert render_fts5(expression) == expected


# -- PostgreSQL tsquery ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (EMPTY, ""),
        (CURANG, "'kecurangan'"),
        # A stem is a lexeme of its own (no weight to check), asked for as written too where the
        # vectors leave it out (a word that is its own stem).
        (CURANG_STEM, "('~curang' | 'curang')"),
        (phrase(STEM, ["curangi"]), "'~curangi'"),
        (phrase(ANY, ["curang"]), "('curang' | '~curang')"),
        (phrase(SAID_RAW, ["curang"]), "'curang'"),
        (phrase(SAID_STEM, ["curang"]), "('~curang' | 'curang')"),
        (phrase(RAW, ["kecur"], prefix=True), "'kecur':*"),
        (phrase(ANY, ["kecur"], prefix=True), "('kecur':* | '~kecur':*)"),
        (ULANG, "'suara' <-> 'ulang'"),
        (phrase(RAW, ["suara", "ul"], prefix=True), "'suara' <-> 'ul':*"),
        (phrase(SAID_RAW, ["surat", "suara"]), "'surat' <-> 'suara'"),
        (phrase(STEM, ["suara", "ulang"]), "('~suara' | 'suara') <-> ('~ulang' | 'ulang')"),
        (phrase(RAW, ["jum'at", "a\\b"]), "'jum''at' <-> 'a\\\\b'"),
        (any_of([CURANG, CURANG_STEM]), "('kecurangan' | ('~curang' | 'curang'))"),
        (any_of([phrase(RAW, ["curang"]), CURANG_STEM]), "('curang' | '~curang')"),  # each lexeme once
        (all_of([CURANG, ULANG]), "('kecurangan' & 'suara' <-> 'ulang')"),
        (excluding(CURANG, phrase(RAW, ["hoaks"])), "'kecurangan' & !'hoaks'"),
        (excluding(CURANG, ULANG), "'kecurangan' & !('suara' <-> 'ulang')"),
        (
            excluding(any_of([CURANG, CURANG_STEM]), any_of([phrase(RAW, ["hoaks"]), ULANG])),
            "('kecurangan' | ('~curang' | 'curang')) & !('hoaks' | 'suara' <-> 'ulang')",
        ),
        (Excluding(EMPTY, phrase(RAW, ["hoaks"])), "!'hoaks'"),
        (
            excluding(CURANG, excluding(phrase(RAW, ["hoaks"]), ULANG)),
            "'kecurangan' & !('hoaks' & !('suara' <-> 'ulang'))",
        ),
    ],
)
def test_render_tsquery(expression: Expr, expected: str) -> None:
    assert render_tsquery(expression) == expected


def test_an_empty_phrase_has_no_tsquery() -> None:
    with pytest.raises(ValueError, match="at least one word"):
        render_tsquery(Phrase(RAW, ()))
