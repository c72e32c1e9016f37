"""Indonesian stemming (Sastrawi) with a cache and an override list.

Sastrawi strips Indonesian affixes well (kecurangan, dicurangi, mencurangi ->
curang) but over-stems some election words and place names (pemilu -> milu,
relawan -> rawan, Kejagung -> jagung, Bekasi -> bekas). Those words are kept
as they are, from ``stem_overrides.txt``, so they never match unrelated words.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from reader.text.tokenize import tokens

MIN_STEM_LENGTH = 4  # words this short are function words or acronyms: keep them

# Sastrawi only ever strips these prefixes and suffixes; a word with neither is its own
# stem, and skipping the stemmer for it saves most of the cost on names and loanwords.
_MAY_HAVE_AFFIX = re.compile(r"^(?:be|me|di|ke|pe|se|te)|(?:i|an|nya|lah|kah|pun|tah|ku|mu)$")


@functools.cache
def _overrides() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("reader.text").joinpath("stem_overrides.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, target = line.partition(" ")
        table[word] = target.strip() or word
    return table


@functools.cache
def _sastrawi_stem_word():  # type: ignore[no-untyped-def]
    # Imported lazily: building the stemmer loads a 30k-word dictionary.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer.stem_word


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one folded token (use :func:`reader.text.tokenize.tokens` first)."""
    if len(word) < MIN_STEM_LENGTH or not word.isalpha() or not _MAY_HAVE_AFFIX.search(word):
        return word
    override = _overrides().get(word)
    if override is not None:
        return override
    result: str = _sastrawi_stem_word()(word)
    return result or word


def stem_text(text: str) -> str:
    """The stems of every token in ``text``, space separated (the indexed stem column)."""
    return " ".join(stem(token) for token in tokens(text))
