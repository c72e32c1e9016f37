"""Quotes, speakers and actors from a cleaned article body.

The importer calls :func:`extract_article` once per article and stores the result.
"""

from __future__ import annotations

from typing import Any

from reader.extract.actors import Actor, Catalogue, default_catalogue, load_catalogue

__all__ = ["Actor", "Catalogue", "extract_article", "load_catalogue", "default_catalogue"]


def __getattr__(name: str) -> Any:
    # The extractor proper loads on first use: search and the app need only the catalogue.
    if name == "extract_article":
        from reader.extract.article import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
