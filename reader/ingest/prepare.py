"""The CPU-heavy half of an import: cleaning, hashing, stemming and extraction.

It is a pure function of one raw article, so large imports spread it over
worker processes while the main process does the writing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from reader.ingest.clean import clean, content_hash
from reader.ingest.lifeline import follow_parent
from reader.models import Extraction, Prepared, RawArticle
from reader.store.terms import article_terms
from reader.store.writes import quote_stems
from reader.text.stem import stem_tokens
from reader.text.tokenize import tokens

Extractor = Callable[[str, str | None], Extraction]
PARALLEL_THRESHOLD = 200  # below this many articles a pool costs more than it saves
CHUNK_SIZE = 25


def _default_extract(body: str, title: str | None) -> Extraction:
    from reader.extract import extract_article

    return extract_article(body, title)


def prepare(raw: RawArticle, extractor: Extractor | None = None) -> Prepared | None:
    """Everything the store needs for ``raw``; None when no text is left after cleaning."""
    article = clean(raw, detect_header=raw.origin.endswith(".txt"))
    if not article.body.strip():
        return None
    extraction = (extractor or _default_extract)(article.body, article.title)
    title_words, body_words = tokens(article.title or ""), tokens(article.body)
    title_stem, body_stem = stem_tokens(title_words), stem_tokens(body_words)
    return Prepared(
        article=article,
        digest=content_hash(article.body),
        title_stem=title_stem,
        body_stem=body_stem,
        extraction=extraction,
        quote_stems=quote_stems(extraction.quotes),
        terms=article_terms(title_words, body_words),
    )


def _warm_up() -> None:
    """Load the catalogue, its matchers and the stemmer's dictionary before the pool starts.

    Forked workers then share them instead of each building its own.
    """
    from reader.extract import extract_article
    from reader.extract.lexicon import dictionary_words
    from reader.text.stem import _table, stem

    dictionary_words()
    _table()
    extract_article("Ketua KPU Hasyim Asy'ari mengatakan, \"Pemilu berjalan baik,\" kata Hasyim.")
    stem("mengatakan")


class Preparer:
    """Prepares batches in-process, or over a process pool for large default imports."""

    def __init__(self, extractor: Extractor | None) -> None:
        self.extractor = extractor
        self._pool: ProcessPoolExecutor | None = None

    def map(self, raws: list[RawArticle]) -> Iterator[Prepared | None]:
        workers = os.cpu_count() or 1
        # A custom extractor may not survive pickling; those imports stay in-process.
        if self.extractor is not None or workers < 2 or len(raws) < PARALLEL_THRESHOLD:
            return (prepare(raw, self.extractor) for raw in raws)
        if self._pool is None:
            _warm_up()
            self._pool = ProcessPoolExecutor(
                max_workers=workers, initializer=follow_parent, initargs=(os.getpid(),)
            )
        return self._pool.map(prepare, raws, chunksize=CHUNK_SIZE)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
