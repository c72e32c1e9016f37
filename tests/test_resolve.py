"""The one resolver's rules on hand-made name lists: exact, words, typo; search and fold."""

from __future__ import annotations

import pytest

from reader.extract.actors import default_catalogue
from reader.extract.resolve import NameIndex, identities, max_edits, name_words, resolve, typed_names


def index_of(*names: str, **variants: str) -> NameIndex[str]:
    """Each name its own identity; ``variants`` maps a variant (``_`` for a space) to one."""
    index: NameIndex[str] = NameIndex()
    for name in names:
        index.add(name, name)
    for variant, identity in variants.items():
        index.add(variant.replace("_", " "), identity)
    return index


PEOPLE = index_of(
    "Anies Baswedan", "Anis Hidayah", "Budi Santoso", "Budi Hartono", "Gibran Rakabuming Raka",
    "Arsjad Rasjid", "Lolly Suhenty", "Ahmad Muzani", Awiek="Achmad Baidowi",
)


def means(typed: str, fold: bool = False) -> list[str]:
    return identities(resolve(typed, PEOPLE, fold=fold))


def test_names_fold_case_diacritics_and_apostrophes() -> None:
    assert name_words("Ma’ruf AMIN") == name_words("ma'ruf amin") == ("ma", "ruf", "amin")


def test_the_typo_scale_grows_with_length() -> None:
    assert [max_edits(n) for n in (3, 4, 7, 8, 20)] == [0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("typed", "identity", "rule"),
    [
        ("anies baswedan", "Anies Baswedan", "exact"),
        ("Awiek", "Achmad Baidowi", "exact"),  # a variant folded into its identity
        ("Muzani", "Ahmad Muzani", "words"),
        ("Gibran Raka", "Gibran Rakabuming Raka", "words"),  # in order, gaps allowed
        ("Anis Baswedan", "Anies Baswedan", "typo"),
        ("Giban", "Gibran Rakabuming Raka", "typo"),  # a word inside a fuller name
        ("Lolly Suhentty", "Lolly Suhenty", "typo"),
    ],
)
def test_each_rule(typed: str, identity: str, rule: str) -> None:
    hits = resolve(typed, PEOPLE)
    assert identities(hits) == [identity] and hits[0].rule == rule


def test_an_earlier_rule_wins_and_a_short_name_may_mean_several() -> None:
    assert means("Anis") == ["Anis Hidayah"]  # a real word of a name, not a typo of Anies
    assert sorted(means("Budi")) == ["Budi Hartono", "Budi Santoso"]
    assert means("Rasjid Arsjad") == []  # words in order
    assert means("Rudi Santoso") == []  # first letters never change
    assert means("Bu") == [] and means("B.") == [] and means("") == []


def test_folding_needs_one_identity_and_long_typos() -> None:
    assert means("Muzani", fold=True) == ["Ahmad Muzani"]
    assert means("Budi", fold=True) == []  # ambiguous short names stay apart
    assert means("Lolly Suhentty", fold=True) == ["Lolly Suhenty"]
    assert means("Giban", fold=True) == []  # a search guesses, the importer does not
    assert means("Baswedan Anies", fold=True) == []
    assert means("Anies Baswedan Raka", fold=True) == []  # longer names never fold into shorter
    assert means("Anis Baswedan", fold=True) == []  # the changed word is under six letters
    assert means("Budi Santosa", fold=True) == ["Budi Santoso"]


def test_nested_names_fold_into_the_innermost() -> None:
    index = index_of("Titi Anggraini", "Demokrasi Titi Anggraini")
    assert identities(resolve("Titi", index, fold=True)) == ["Titi Anggraini"]


def test_catalogue_aliases_are_typed_names() -> None:
    names = typed_names(default_catalogue())
    assert identities(names.resolve("Jokowi")) == ["Joko Widodo"]
    assert identities(names.resolve("Awiek")) == ["Achmad Baidowi"]
    assert identities(names.resolve("AMIN")) == ["Anies-Muhaimin"]
    assert identities(names.resolve("amin", rules="exact typo")) == []  # a word in lower case
    assert identities(names.resolve("Arshad", rules="exact typo")) == ["Arsjad Rasjid"]


def test_a_misspelt_full_name_folds_whichever_of_its_words_was_seen_before() -> None:
    index = index_of("Siti Atikoh", "Siti Atiqoh Supriyanti")
    assert identities(resolve("Siti Atikoh Supriyanti", index, fold=True)) == ["Siti Atiqoh Supriyanti"]
