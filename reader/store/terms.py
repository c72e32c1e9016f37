"""The search vocabulary: every indexed term with the number of articles holding it.

Typo fixing and prefix hints read it through its indexes, one bucket of look-alike
words at a time (same first letter, about the same length), so no query loads or
rebuilds the vocabulary and their cost hardly grows with the archive. The writer keeps
it current: an import batch adds the distinct terms of its articles in its own
transaction, so the table always agrees with the full-text index it describes
(``article_fts``, whose four columns are the title and body as written and stemmed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reader.store.backend import backend_of
from reader.store.database import Database
from reader.text.stem import stem
from reader.text.tokenize import tokens

PREFIX_SCAN = 5_000  # terms read at most for one prefix hint


def article_terms(*words: Iterable[str]) -> str:
    """The distinct terms the full-text index holds for an article whose title and body have
    the tokens ``words``: each token as written and its stem (the ``*_stem`` columns hold
    the stems of the same tokens). Space separated: one string is far cheaper to carry
    from a pool worker to the writer than a set of words."""
    written = set().union(*words)
    return " ".join(written.union(map(stem, written)))


def text_terms(*texts: str | None) -> str:
    return article_terms(*(tokens(text or "") for text in texts))


class TermCounts:
    """The terms of the articles written in one transaction, added to the table at its end."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, terms: str) -> None:
        """Count the terms of one article (as :func:`article_terms` gives them)."""
        self.counts.update(terms.split())

    def flush(self, db: Database) -> None:
        if self.counts:
            add_terms(db, self.counts)
            self.counts = Counter()


def add_terms(db: Database, counts: Counter[str] | dict[str, int]) -> None:
    """Add article counts to the vocabulary, inside the caller's transaction."""
    backend_of(db).insert_rows(
        db, "search_term", ("term", "doc"), sorted(counts.items()),  # in key order: each B-tree page once
        "ON CONFLICT(term) DO UPDATE SET doc = search_term.doc + excluded.doc",
    )  # fmt: skip


def rebuild_terms(db: Database) -> None:
    """Refill the vocabulary from the full-text index (a migration, a repair: seconds at 100k)."""
    db.execute("DELETE FROM search_term")
    db.execute("INSERT INTO search_term(term, doc) SELECT term, doc FROM article_fts_vocab")


class StoredTerms:
    """Read access to the vocabulary of one database, through its indexes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._articles: int | None = None

    def articles(self) -> int:
        # Articles are never deleted, so the highest id is their number (an index lookup,
        # where count(*) reads a whole index).
        if self._articles is None:
            row = self.db.execute("SELECT coalesce(max(id), 0) FROM article").fetchone()
            self._articles = int(row[0])
        return self._articles

    def count(self, term: str) -> int:
        row = self.db.execute("SELECT doc FROM search_term WHERE term = ?", [term]).fetchone()
        return int(row[0]) if row else 0

    def bucket(self, first: str, length: int, min_doc: int) -> list[tuple[str, int]]:
        """Terms that start with ``first``, have ``length`` characters and ``min_doc`` articles."""
        return self.db.execute(
            "SELECT term, doc FROM search_term WHERE substr(term, 1, 1) = ? AND length(term) = ? "
            "AND doc >= ?",
            [first, length, min_doc],
        ).fetchall()

    def prefixed(self, prefix: str) -> list[tuple[str, int]]:
        """Up to :data:`PREFIX_SCAN` terms starting with ``prefix``, in term order."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return self.db.execute(
            "SELECT term, doc FROM search_term WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            [prefix, upper, PREFIX_SCAN],
        ).fetchall()
