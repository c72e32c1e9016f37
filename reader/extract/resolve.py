"""The one resolver: which identity a typed or written name means.

Every place that turns a name into an actor or a speaker (extraction, the importer's
identities, ``actor:`` and ``speaker:`` in search, ``reader quotes --speaker``,
``reader speakers`` and the app's picker) goes through :func:`resolve` with one set of
rules, tried in order until one finds something:

1. **exact**: the name, folded (case, diacritics, punctuation), is a name the identity
   goes by: its own, a catalogue alias or a variant folded into it;
2. **words**: the name's words are some of a fuller name's words, in order
   (``Anies`` → ``Anies Baswedan``, ``Gibran Raka`` → ``Gibran Rakabuming Raka``);
3. **typo**: a name (or a run of words inside one) is within :func:`max_edits` of it,
   with the same first letter in every word (``Giban`` → ``Gibran``).

A typed name may mean several identities (``Budi``); a name being *folded* into an
identity (``fold=True``, at import) needs exactly one, and a typo is folded only when
the changed words have at least :data:`FOLD_MIN_LETTERS` letters: the importer commits
to its answer, a search only shows it (and says why).

This module is pure: :class:`NameIndex` holds names in memory; the store builds one
from the database and the catalogue supplies its aliases.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader.text.tokenize import tokens

if TYPE_CHECKING:
    from reader.extract.actors import Catalogue

Id = TypeVar("Id")
FOLD_MIN_LETTERS = 6  # a typo is folded at import only in words this long


@functools.lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name: ``Ma’ruf Amin`` and ``MA'RUF AMIN`` give the same.

    Initials are one word however they are written: ``Mahfud M.D.``, ``Mahfud M. D.`` and
    ``Mahfud MD`` all give ``mahfud md`` (a run of two or more single letters is joined).
    """
    return join_initials(tokens(name))


def join_initials(words: Sequence[str]) -> tuple[str, ...]:
    """``words`` with each run of two or more single letters joined: ``k h ma ruf`` → ``kh ma ruf``."""
    joined: list[str] = []
    run: list[str] = []
    for word in (*words, ""):
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if word:
            joined.append(word)
    return tuple(joined)


def max_edits(letters: int) -> int:
    """The typo scale: how many edits a name of ``letters`` letters may be off by.

    None below 4 letters (too many neighbours), 1 up to 7 (``Giban``, ``cak imn``), then 2.
    """
    return 0 if letters < 4 else 1 if letters <= 7 else 2


def holds(full: Sequence[str], short: Sequence[str]) -> bool:
    """Are ``short``'s words among ``full``'s, in order (not necessarily side by side)?"""
    words = iter(full)
    return all(word in words for word in short)


def typo_distance(typed: Sequence[str], name: Sequence[str]) -> int | None:
    """Edits between two word runs of equal length, or None when beyond the scale (or a
    first letter differs: typos rarely hit it, and ``Rudi`` is not ``Budi``)."""
    if len(typed) != len(name) or any(a[0] != b[0] for a, b in zip(typed, name, strict=True)):
        return None
    budget = max_edits(sum(len(w) for w in typed))
    if budget == 0:
        return None
    distance = Levenshtein.distance(" ".join(typed), " ".join(name), score_cutoff=budget)
    return distance if distance <= budget else None


@dataclass(frozen=True, slots=True)
class Hit(Generic[Id]):
    """One identity a name means: through which written name, by which rule."""

    identity: Id
    name: str  # the written name that matched
    rule: str  # "exact", "words" or "typo"


@dataclass(slots=True)
class NameIndex(Generic[Id]):
    """Written names, each belonging to one identity, looked up by the rules above."""

    _names: dict[str, tuple[tuple[str, ...], Id]] = field(default_factory=dict)
    _by_words: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    _by_word: dict[str, set[str]] = field(default_factory=dict)
    _by_start: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # (letter, length)
    _of: dict[Id, set[str]] = field(default_factory=dict)  # identity -> its names

    def add(self, name: str, identity: Id) -> None:
        """Add (or move) ``name``; an identity's own name should be added too."""
        words = name_words(name)
        if not words:
            return
        self.remove(name)
        self._names[name] = (words, identity)
        self._of.setdefault(identity, set()).add(name)
        self._by_words.setdefault(words, []).append(name)
        for word in set(words):
            if word not in self._by_word:
                self._by_word[word] = set()
                self._by_start.setdefault((word[0], len(word)), []).append(word)
            self._by_word[word].add(name)

    def remove(self, name: str) -> None:
        known = self._names.pop(name, None)
        if known is None:
            return
        self._by_words[known[0]].remove(name)
        self._of[known[1]].discard(name)
        for word in set(known[0]):
            self._by_word[word].discard(name)

    def identity_of(self, name: str) -> Id | None:
        known = self._names.get(name)
        return known[1] if known else None

    def names(self) -> Iterable[tuple[str, Id]]:
        return ((name, known[1]) for name, known in self._names.items())

    def names_of(self, identity: Id) -> list[str]:
        return sorted(self._of.get(identity, ()))

    def __len__(self) -> int:
        return len(self._names)

    def exact(self, words: tuple[str, ...]) -> list[Hit[Id]]:
        return [Hit(self._names[n][1], n, "exact") for n in self._by_words.get(words, ())]

    def holding(self, words: tuple[str, ...]) -> list[Hit[Id]]:
        """Fuller names holding every one of ``words``, in order."""
        sets = [self._by_word.get(word, set()) for word in dict.fromkeys(words)]
        if not sets or not all(sets):
            return []
        found = set.intersection(*sorted(sets, key=len))
        return [
            Hit(self._names[n][1], n, "words")
            for n in sorted(found)
            if len(self._names[n][0]) > len(words) and holds(self._names[n][0], words)
        ]

    def typos(self, words: tuple[str, ...], whole_only: bool = False) -> list[Hit[Id]]:
        """Names within the typo scale of ``words``: whole names first, else word runs
        inside longer names (``Giban`` in ``Gibran Rakabuming Raka``)."""
        budget = max_edits(sum(len(w) for w in words))
        if budget == 0:
            return []
        # Names are gathered through one typed word: the first (a run inside a longer name
        # starts with it), or for whole names the longest (the fewest names share it).
        first = max(words, key=len) if whole_only else words[0]
        similar = [
            word
            for length in range(len(first) - budget, len(first) + budget + 1)
            for word, _, _ in process.extract(
                first, self._by_start.get((first[0], length), ()),
                scorer=Levenshtein.distance, score_cutoff=budget, limit=None,
            )
        ]  # fmt: skip
        whole: list[tuple[int, str]] = []
        inside: list[tuple[int, str]] = []
        for name in sorted({n for w in similar for n in self._by_word[w]}):
            name_ws = self._names[name][0]
            if len(name_ws) == len(words):
                distance = typo_distance(words, name_ws)
                if distance is not None:
                    whole.append((distance, name))
            elif not whole_only and len(name_ws) > len(words):
                runs = (name_ws[i : i + len(words)] for i in range(len(name_ws) - len(words) + 1))
                best = min((d for run in runs if (d := typo_distance(words, run)) is not None), default=None)
                if best is not None:
                    inside.append((best, name))
        found = whole or inside
        if not found:
            return []
        nearest = min(d for d, _ in found)
        return [Hit(self._names[n][1], n, "typo") for d, n in found if d == nearest]


    def typos_beside(self, words: tuple[str, ...]) -> list[Hit[Id]]:
        """Whole names within the typo scale that share at least one word with ``words``
        exactly (a misspelt full name keeps most of its words; cheap enough for every
        new name an import sees)."""
        known = [w for w in dict.fromkeys(words) if self._by_word.get(w)]
        if not known or max_edits(sum(len(w) for w in words)) == 0:
            return []
        found: list[tuple[int, str]] = []
        for name in sorted(set().union(*(self._by_word[w] for w in known))):
            name_ws = self._names[name][0]
            if len(name_ws) == len(words) and name_ws != words:
                distance = typo_distance(words, name_ws)
                if distance is not None:
                    found.append((distance, name))
        if not found:
            return []
        nearest = min(d for d, _ in found)
        return [Hit(self._names[n][1], n, "typo") for d, n in found if d == nearest]

def resolve(
    typed: str,
    index: NameIndex[Id],
    fold: bool = False,
    rules: str = "exact words typo",
    one_word_typos: bool = False,
) -> list[Hit[Id]]:
    """The identities ``typed`` means under the first rule that finds any (see the module).

    ``rules`` may leave rules out (free search text uses ``"exact typo"``, whole names only).
    With ``fold`` (the importer commits to the answer) only an unambiguous answer counts,
    the words rule takes one-word names only (short forms: ``Muzani``, not a fuller
    ``Titi Anggraini`` into ``Demokrasi Titi Anggraini``), and a typo must be of a whole
    name of two or more words (``one_word_typos`` allows one-word names: catalogue
    aliases), every changed word at least :data:`FOLD_MIN_LETTERS` long.
    """
    words = name_words(typed)
    if not words or all(len(w) <= 1 for w in words):
        return []
    for rule in rules.split():
        if rule == "exact":
            hits = index.exact(words)
        elif rule == "words":
            hits = index.holding(words) if not fold or len(words) == 1 else []
        elif fold:
            if len(words) > 1:
                hits = index.typos_beside(words)
            else:
                hits = index.typos(words, whole_only=True) if one_word_typos else []
            hits = [hit for hit in hits if _foldable_typo(words, hit.name)]
        else:
            hits = index.typos(words, whole_only="words" not in rules)
        if hits:
            return _unique(hits) if fold else hits
    return []


def identities(hits: Iterable[Hit[Id]]) -> list[Id]:
    """The distinct identities of ``hits``, in order."""
    return list(dict.fromkeys(hit.identity for hit in hits))


def _unique(hits: list[Hit[Id]]) -> list[Hit[Id]]:
    """One identity, or none. The same written name twice: the first identity it was given.
    Names nested in one another (``Rosan Roeslani`` inside ``Tim Rosan Roeslani``) are one
    person under the shortest of them."""
    if hits[0].rule == "exact" or len(identities(hits)) == 1:
        return hits[:1]
    words = [name_words(hit.name) for hit in hits]
    inner = min(range(len(hits)), key=lambda i: len(words[i]))
    if all(holds(other, words[inner]) for other in words):
        return [hits[inner]]
    return []


def _foldable_typo(words: tuple[str, ...], name: str) -> bool:
    """A typo worth committing to: every word that differs is a long one."""
    other = name_words(name)
    return all(a == b or len(a) >= FOLD_MIN_LETTERS for a, b in zip(words, other, strict=True))


@dataclass(slots=True)
class TypedNames:
    """A catalogue's aliases for typed names: short capitalised ones (``AMIN``, ``PAN``,
    ``Mega``: ordinary words in lower case) only as typed, the rest through the rules."""

    exact_case: dict[str, str]
    index: NameIndex[str]

    def resolve(self, typed: str, rules: str = "exact words typo") -> list[Hit[str]]:
        canonical = self.exact_case.get(" ".join(typed.split()))
        if canonical is not None:
            return [Hit(canonical, typed, "exact")]
        return resolve(typed, self.index, rules=rules)


def typed_names(catalogue: Catalogue) -> TypedNames:
    """The (cached) :class:`TypedNames` of ``catalogue``."""
    found: TypedNames | None = catalogue.cache.get("typed_names")
    if found is None:
        exact_case: dict[str, str] = {}
        index: NameIndex[str] = NameIndex()
        for actor in catalogue.actors:
            for alias in actor.all_aliases():
                if actor.is_case_sensitive(alias) and len("".join(name_words(alias))) < 5:
                    exact_case.setdefault(" ".join(alias.split()), actor.name)
                elif index.identity_of(alias) is None:
                    index.add(alias, actor.name)
        found = catalogue.cache["typed_names"] = TypedNames(exact_case, index)
    return found
