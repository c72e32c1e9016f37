"""Typo tolerance: words fixed from the index vocabulary, names resolved to catalogue actors.

* :class:`Vocabulary` is the indexed term list with document frequencies, kept by
  the writer (:mod:`reader.store.terms`) and read a bucket at a time. A query word
  that is not indexed (nor is its stem) is expanded to its closest indexed words;
  a rare indexed word with a much more frequent close neighbour (a typo in the
  source text, such as ``giban``) is expanded to that neighbour too.
* :class:`ActorIndex` maps names to catalogue actors through their aliases, by the
  rules of :mod:`reader.extract.resolve` (the one resolver).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from reader.extract.actors import Actor, Catalogue
from reader.extract.resolve import typed_names
from reader.store.database import Database
from reader.store.terms import PREFIX_SCAN, StoredTerms
from reader.text.stem import stem
from reader.text.tokenize import tokens

MIN_FUZZY_LENGTH = 4  # shorter words have too many neighbours to guess from
MAX_EXPANSIONS = 3
NEIGHBOUR_FACTOR = 20  # a rare word's neighbour must be this much more frequent


def max_edits(word: str) -> int:
    """How many edits a typo of ``word`` may have: 1 up to 5 letters, then 2."""
    return 1 if len(word) <= 5 else 2


class TermSource(Protocol):
    """Where a :class:`Vocabulary` reads terms: the database, or a list in tests."""

    def articles(self) -> int: ...
    def count(self, term: str) -> int: ...
    def bucket(self, first: str, length: int, min_doc: int) -> list[tuple[str, int]]: ...
    def prefixed(self, prefix: str) -> list[tuple[str, int]]: ...


class MemoryTerms:
    """A term list held in memory (tests and small tools)."""

    def __init__(self, rows: list[tuple[str, int]], articles: int) -> None:
        self.doc = dict(rows)
        self._articles = articles
        self._sorted = sorted(self.doc)

    def articles(self) -> int:
        return self._articles

    def count(self, term: str) -> int:
        return self.doc.get(term, 0)

    def bucket(self, first: str, length: int, min_doc: int) -> list[tuple[str, int]]:
        return [
            (t, d) for t, d in self.doc.items() if t[:1] == first and len(t) == length and d >= min_doc
        ]

    def prefixed(self, prefix: str) -> list[tuple[str, int]]:
        start = bisect.bisect_left(self._sorted, prefix)
        found = []
        for term in self._sorted[start : start + PREFIX_SCAN]:
            if not term.startswith(prefix):
                break
            found.append((term, self.doc[term]))
        return found


class Vocabulary:
    """Indexed terms with their document frequencies, read a few at a time."""

    def __init__(self, source: TermSource) -> None:
        self.source = source

    @classmethod
    def from_rows(cls, rows: list[tuple[str, int]], articles: int) -> Vocabulary:
        return cls(MemoryTerms(rows, articles))

    def count(self, term: str) -> int:
        """How many articles hold ``term`` (0 when it is not indexed)."""
        return self.source.count(term)

    def __contains__(self, term: str) -> bool:
        return self.count(term) > 0

    def rare_limit(self) -> int:
        return max(3, self.source.articles() // 5_000)

    def corrections(self, word: str) -> list[str]:
        """Indexed words the user probably meant by ``word`` (empty when it looks fine)."""
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return []
        count = self.count(word)
        if count == 0 and self.count(stem(word)) == 0:
            return self._closest(word, min_doc=1)
        if count <= self.rare_limit():
            # A real but rare word (jagung, bekas) must not turn into a frequent look-alike
            # (agung, bebas): only a letter dropped from a frequent word counts (giban, gibran).
            found = self._closest(word, min_doc=max(count, 1) * NEIGHBOUR_FACTOR, lengths=(len(word) + 1,))
            return [t for t in found if _is_subsequence(word, t)]
        return []

    def _closest(self, word: str, min_doc: int, lengths: tuple[int, ...] | None = None) -> list[str]:
        edits = max_edits(word)
        doc: dict[str, int] = {}
        # Typos rarely hit the first letter; holding it fixed also drops many false friends.
        for length in lengths or range(len(word) - edits, len(word) + edits + 1):
            doc.update(self.source.bucket(word[0], length, min_doc))
        choices = [t for t in doc if t.isalpha() and t != word]
        found = process.extract(word, choices, scorer=Levenshtein.distance, score_cutoff=edits, limit=25)
        if not found:
            return []
        # Only the nearest candidates (kecurangn -> kecurangan, not kekurangan), the
        # more frequent first.
        nearest = min(d for _, d, _ in found)
        ranked = [(fuzz.ratio(word, t) * math.log(math.e + doc[t]), t) for t, d, _ in found if d == nearest]
        ranked.sort(reverse=True)
        return [term for _, term in ranked[:MAX_EXPANSIONS]]

    def with_prefix(self, prefix: str, limit: int = MAX_EXPANSIONS) -> list[str]:
        """The most frequent indexed words starting with ``prefix``."""
        found = self.source.prefixed(prefix)
        found.sort(key=lambda row: -row[1])
        return [term for term, _ in found[:limit]]


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def vocabulary(db: Database) -> Vocabulary:
    """The vocabulary of ``db``'s article index, read through its indexes as it is used."""
    return Vocabulary(StoredTerms(db))


@dataclass(frozen=True, slots=True)
class ActorMatch:
    actor: Actor
    exact: bool


class ActorIndex:
    """Typed names to catalogue actors, by the resolver's rules (:mod:`reader.extract.resolve`)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.names = typed_names(catalogue)
        self.name_words: set[str] = set()  # words never stemmed: they are names
        for actor in catalogue.actors:
            for alias in actor.all_aliases():
                words = tokens(alias)
                if actor.type == "person" or len(words) == 1:
                    self.name_words.update(w for w in words if len(w) >= MIN_FUZZY_LENGTH)

    def is_name_word(self, word: str) -> bool:
        return word in self.name_words

    def resolve(self, text: str, fuzzy: bool = True, separate: bool = False) -> ActorMatch | None:
        """The actor ``text`` names: an alias, or (when ``fuzzy``) a typo of a whole alias.

        Free text never takes a word for a fuller name (``pemilu`` is not Bawaslu's
        ``Badan Pengawas Pemilu``). With ``separate`` (words typed apart: ``prabowo gibran``)
        the hyphenated name of a pair is not matched: each word means its own person, and
        only ``Prabowo-Gibran`` as written (or another of the pair's names) means the pair."""
        hits = self.names.resolve(text, rules="exact typo" if fuzzy else "exact")
        if separate:
            hits = [hit for hit in hits if not self._joins_names(hit.identity, hit.name)]
        actor = self.catalogue.get(hits[0].identity) if hits else None
        return ActorMatch(actor, hits[0].rule == "exact") if actor is not None else None

    def _joins_names(self, identity: str, written: str) -> bool:
        """Is ``written`` a pair's names joined by a hyphen (``Prabowo Subianto-Gibran Rakabuming``)?"""
        actor = self.catalogue.get(identity)
        return actor is not None and actor.type == "pair" and "-" in written

    def aliases_of(self, actor: Actor) -> list[tuple[str, ...]]:
        """The word sequences of ``actor``'s aliases that are safe to search as text."""
        found: list[tuple[str, ...]] = []
        for alias in actor.all_aliases():
            words = tuple(tokens(alias))
            if words and not (actor.is_case_sensitive(alias) and len(alias) < 5):
                found.append(words)
        return list(dict.fromkeys(found))


_indexes: dict[int, tuple[Catalogue, ActorIndex]] = {}


def actor_index(catalogue: Catalogue) -> ActorIndex:
    """The (cached) alias index of ``catalogue``."""
    cached = _indexes.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, ActorIndex(catalogue))
        _indexes[id(catalogue)] = cached
    return cached[1]
