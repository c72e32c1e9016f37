"""The CPU-heavy half of an import: cleaning, hashing, stemming and extraction.

It is a pure function of one raw article and the import's actor catalogue (read once
from the database by the importer), so large imports spread it over worker processes,
each given the catalogue when it starts, while the main process does the writing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from reader.ingest.clean import clean, content_hash
from reader.ingest.lifeline import follow_parent
from reader.models import Extraction, Prepared, RawArticle
from reader.store.writes import quote_stems
from reader.text.stem import stem_tokens
from reader.text.tokenize import tokens

if TYPE_CHECKING:
    from reader.extract.actors import Catalogue

Extractor = Callable[[str, str | None], Extraction]
PARALLEL_THRESHOLD = 200  # below this many articles a pool costs more than it saves
CHUNK_SIZE = 25
_worker_catalogue: Catalogue | None = None  # the import's catalogue, in a worker process


def _start_worker(parent: int, catalogue: Catalogue | None) -> None:
    global _worker_catalogue
    _worker_catalogue = catalogue
    follow_parent(parent)


def prepare(
    raw: RawArticle, extractor: Extractor | None = None, catalogue: Catalogue | None = None
) -> Prepared | None:
    """Everything the store needs for ``raw``; None when no text is left after cleaning.

    Extraction uses ``extractor``, else the extractor with ``catalogue`` (in a worker: the
    catalogue it was started with; else the bundled one)."""
    article = clean(raw, detect_header=raw.origin.endswith(".txt"))
    if not article.body.strip():
        return None
    if extractor is not None:
        extraction = extractor(article.body, article.title)
    else:
        from reader.extract import extract_article

        actors = catalogue if catalogue is not None else _worker_catalogue
        extraction = extract_article(article.body, article.title, actors)
    title_words, body_words = tokens(article.title or ""), tokens(article.body)
    title_stem, body_stem = stem_tokens(title_words), stem_tokens(body_words)
    return Prepared(
        article=article,
        digest=content_hash(article.body),
        title_stem=title_stem,
        body_stem=body_stem,
        extraction=extraction,
        quote_stems=quote_stems(extraction.quotes),
        terms=terms_with_stems((title_words, body_words), (title_stem, body_stem)),
    )


def terms_with_stems(words: tuple[list[str], ...], stems: tuple[str, ...]) -> str:
    """:func:`reader.store.terms.article_terms` of ``words``, from their stems already joined
    (``stems[i]`` is :func:`stem_tokens` of ``words[i]``): no word is looked up again."""
    return " ".join(set().union(*words, *(joined.split() for joined in stems)))


def _warm_up(catalogue: Catalogue | None) -> None:
    """Load the catalogue, its matchers and the stemmer's dictionary before the pool starts.

    Forked workers then share them instead of each building its own.
    """
    from reader.extract import extract_article
    from reader.extract.lexicon import dictionary_words
    from reader.text.stem import load_table, stem

    dictionary_words()
    load_table()
    sample = "Ketua KPU Hasyim Asy'ari mengatakan, \"Pemilu berjalan baik,\" kata Hasyim."
    extract_article(sample, None, catalogue)
    stem("mengatakan")


class Preparer:
    """Prepares batches in-process, or over a process pool for large default imports."""

    def __init__(self, extractor: Extractor | None, catalogue: Catalogue | None = None) -> None:
        self.extractor, self.catalogue = extractor, catalogue
        self._pool: ProcessPoolExecutor | None = None

    def map(self, raws: list[RawArticle]) -> Iterator[Prepared | None]:
        workers = os.cpu_count() or 1
        # A custom extractor may not survive pickling; those imports stay in-process.
        small = self._pool is None and len(raws) < PARALLEL_THRESHOLD  # a running pool takes any batch
        if self.extractor is not None or workers < 2 or small:
            return (prepare(raw, self.extractor, self.catalogue) for raw in raws)
        if self._pool is None:
            _warm_up(self.catalogue)
            self._pool = ProcessPoolExecutor(
                max_workers=workers, initializer=_start_worker, initargs=(os.getpid(), self.catalogue)
            )
        return self._pool.map(prepare, raws, chunksize=CHUNK_SIZE)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
