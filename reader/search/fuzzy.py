"""Typo tolerance: words fixed from the index vocabulary, names resolved to catalogue actors.

* :class:`Vocabulary` is the ``article_fts_vocab`` term list with document
  frequencies, cached per database and reloaded when articles are added or
  removed. A query word that is not indexed (nor is its stem) is expanded to
  its closest indexed words; a rare indexed word with a much more frequent
  close neighbour (a typo in the source text, such as ``giban``) is expanded
  to that neighbour too.
* :class:`ActorIndex` maps names to catalogue actors through their aliases, by the
  rules of :mod:`reader.extract.resolve` (the one resolver).
"""

from __future__ import annotations

import bisect
import math
import sqlite3
import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlite_utils import Database

from reader.extract.actors import Actor, Catalogue
from reader.extract.resolve import typed_names
from reader.store.connect import BUSY_TIMEOUT_MS
from reader.text.stem import stem
from reader.text.tokenize import tokens

MIN_FUZZY_LENGTH = 4  # shorter words have too many neighbours to guess from
MAX_EXPANSIONS = 3
NEIGHBOUR_FACTOR = 20  # a rare word's neighbour must be this much more frequent


def max_edits(word: str) -> int:
    """How many edits a typo of ``word`` may have: 1 up to 5 letters, then 2."""
    return 1 if len(word) <= 5 else 2


@dataclass(slots=True)
class Vocabulary:
    """Indexed terms with their document frequencies."""

    doc: dict[str, int]
    articles: int  # how many articles the index holds
    _sorted: list[str]
    _by_start: dict[tuple[str, int], list[str]]  # (first letter, length) -> terms

    @classmethod
    def from_rows(cls, rows: list[tuple[str, int]], articles: int) -> Vocabulary:
        doc = {term: count for term, count in rows}
        by_start: dict[tuple[str, int], list[str]] = {}
        for term in doc:
            if term.isalpha():
                by_start.setdefault((term[0], len(term)), []).append(term)
        return cls(doc, articles, sorted(doc), by_start)

    def __contains__(self, term: str) -> bool:
        return term in self.doc

    def rare_limit(self) -> int:
        return max(3, self.articles // 5_000)

    def corrections(self, word: str) -> list[str]:
        """Indexed words the user probably meant by ``word`` (empty when it looks fine)."""
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return []
        count = self.doc.get(word, 0)
        if count == 0 and self.doc.get(stem(word), 0) == 0:
            return self._closest(word, min_doc=1)
        if count <= self.rare_limit():
            # A real but rare word (jagung, bekas) must not turn into a frequent look-alike
            # (agung, bebas): only a letter dropped from a frequent word counts (giban, gibran).
            found = self._closest(word, min_doc=max(count, 1) * NEIGHBOUR_FACTOR)
            return [t for t in found if len(t) == len(word) + 1 and _is_subsequence(word, t)]
        return []

    def _closest(self, word: str, min_doc: int) -> list[str]:
        edits = max_edits(word)
        choices: list[str] = []
        # Typos rarely hit the first letter; holding it fixed also drops many false friends.
        for length in range(len(word) - edits, len(word) + edits + 1):
            choices.extend(self._by_start.get((word[0], length), ()))
        found = process.extract(word, choices, scorer=Levenshtein.distance, score_cutoff=edits, limit=25)
        found = [(t, d) for t, d, _ in found if t != word and self.doc.get(t, 0) >= min_doc]
        if not found:
            return []
        # Only the nearest candidates (kecurangn -> kecurangan, not kekurangan), the
        # more frequent first.
        nearest = min(d for _, d in found)
        ranked = [(fuzz.ratio(word, t) * math.log(math.e + self.doc[t]), t) for t, d in found if d == nearest]
        ranked.sort(reverse=True)
        return [term for _, term in ranked[:MAX_EXPANSIONS]]

    def with_prefix(self, prefix: str, limit: int = MAX_EXPANSIONS) -> list[str]:
        """The most frequent indexed words starting with ``prefix``."""
        start = bisect.bisect_left(self._sorted, prefix)
        found: list[str] = []
        for term in self._sorted[start : start + 5_000]:
            if not term.startswith(prefix):
                break
            found.append(term)
        found.sort(key=lambda t: -self.doc[t])
        return found[:limit]


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


_cache: dict[str, tuple[tuple[int, int], Vocabulary]] = {}
_cache_lock = threading.Lock()


def _db_key(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    filename = row[2] if row else ""
    return filename or f"memory:{id(db.conn)}"


def vocabulary(db: Database) -> Vocabulary:
    """The cached vocabulary of ``db``'s article index (reloaded when the articles change)."""
    key = _db_key(db)
    stamp = _article_stamp(db, key)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    rows = _stored_rows(db, stamp)
    if rows is None:
        # Reading fts5vocab walks the whole index (seconds at 100k articles): keep the
        # result in the database so the next process (a CLI call) reads it back quickly.
        rows = db.execute("SELECT term, doc FROM article_fts_vocab").fetchall()
        _store_rows(db, stamp, rows)
    vocab = Vocabulary.from_rows(rows, stamp[1])
    with _cache_lock:
        _cache[key] = (stamp, vocab)
    return vocab


# Per database file: the connection that last counted the articles, its data_version and
# total_changes then, and the (max id, count) it found.
_stamps: dict[str, tuple[sqlite3.Connection, int, int, tuple[int, int]]] = {}


def _article_stamp(db: Database, key: str) -> tuple[int, int]:
    """The highest article id and the article count, recounted only when the database
    may have changed: ``count(*)`` reads a whole index (tens of ms at 100k articles)."""
    conn = db.conn
    version = int(conn.execute("PRAGMA data_version").fetchone()[0])
    changes = conn.total_changes
    with _cache_lock:
        known = _stamps.get(key)
    if known is not None and known[0] is conn and known[1:3] == (version, changes):
        return known[3]
    max_id, count = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM article").fetchone()
    stamp = (int(max_id), int(count))
    with _cache_lock:
        _stamps[key] = (conn, version, changes, stamp)
    return stamp


def _stored_rows(db: Database, stamp: tuple[int, int]) -> list[tuple[str, int]] | None:
    try:
        row = db.execute("SELECT max_id, articles FROM search_vocab_stamp WHERE id = 1").fetchone()
        if row is None or (int(row[0]), int(row[1])) != stamp:
            return None
        return db.execute("SELECT term, doc FROM search_vocab").fetchall()
    except sqlite3.Error:
        return None


def _store_rows(db: Database, stamp: tuple[int, int], rows: list[tuple[str, int]]) -> None:
    """Save the vocabulary; skipped when the database is busy, read-only or mid-transaction."""
    conn = db.conn
    if conn.in_transaction:
        return
    conn.execute("PRAGMA busy_timeout = 50")  # never make a search wait for the importer
    try:
        with conn:
            conn.execute("DELETE FROM search_vocab")
            conn.executemany("INSERT INTO search_vocab(term, doc) VALUES (?, ?)", rows)
            conn.execute(
                "INSERT OR REPLACE INTO search_vocab_stamp(id, max_id, articles) VALUES (1, ?, ?)", stamp
            )
    except sqlite3.Error:
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


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
