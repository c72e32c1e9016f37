"""Indonesian stemming (Sastrawi) with a cache and an override list.

Sastrawi strips Indonesian affixes well (kecurangan, dicurangi, mencurangi ->
curang) but over-stems some election words and place names (pemilu -> milu,
relawan -> rawan, Kejagung -> jagung, Bekasi -> bekas). Those words are kept
as they are, from ``stem_overrides.txt``, so they never match unrelated words.

Sastrawi takes about 0.1 ms on a word it has not seen, so a fresh process (each import
worker) would spend most of its first articles there. ``stem_table.txt`` holds Sastrawi's
own result for the most frequent affixed words of real news; it is generated, never edited:
``python -m reader.text.stem CORPUS.jsonl`` rebuilds it after a Sastrawi upgrade.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from reader.text.tokenize import tokens

MIN_STEM_LENGTH = 4  # words this short are function words or acronyms: keep them

# Sastrawi only ever strips these prefixes and suffixes; a word with neither is its own
# stem, and skipping the stemmer for it saves most of the cost on names and loanwords.
_MAY_HAVE_AFFIX = re.compile(r"^(?:be|me|di|ke|pe|se|te)|(?:i|an|nya|lah|kah|pun|tah|ku|mu)$")


@functools.cache
def _overrides() -> dict[str, str]:
    table: dict[str, str] = {}
    text = Path(__file__).with_name("stem_overrides.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, target = line.partition(" ")
        table[word] = target.strip() or word
    return table


class _StemTable:
    """Sastrawi's stems of frequent words, read from ``stem_table.txt`` (``word stem``, or
    ``word`` for its own stem; sorted).

    Reading the whole file into a dict costs about 17 ms, most of a short command's
    stemming: ``reader search`` stems a few words. The first :data:`FOUND_IN_TEXT` words (up to 0.2 ms each)
    are therefore found in the file's text; a process that asks for more (an import, the
    app) builds the dict then.
    """

    def __init__(self) -> None:
        self._text: str | None = None
        self._table: dict[str, str] | None = None
        self._asked = 0

    def get(self, word: str) -> str | None:
        if self._table is None:
            self._asked += 1
            if self._asked <= FOUND_IN_TEXT:
                return self._find_in_text(word)
            self.load()
        return self._table.get(word)  # type: ignore[union-attr]

    def load(self) -> None:
        if self._table is None:
            self._table = self._parse()

    def _file_text(self) -> str:
        if self._text is None:
            self._text = Path(__file__).with_name(TABLE_FILE).read_text("utf-8")
        return self._text

    def _find_in_text(self, word: str) -> str | None:
        text = self._file_text()
        at = text.find("\n" + word)
        while at != -1:
            end = at + 1 + len(word)
            follows = text[end] if end < len(text) else "\n"
            if follows == "\n":
                return word
            if follows == " ":
                return text[end + 1 : text.find("\n", end)]
            at = text.find("\n" + word, end)  # a longer word with the same beginning
        return None

    def _parse(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for line in self._file_text().splitlines():
            if line and not line.startswith("#"):
                word, _, target = line.partition(" ")
                table[word] = target or word
        return table


FOUND_IN_TEXT = 16
_TABLE = _StemTable()


def load_table() -> None:
    """Read the whole stem table now (before forking workers, which then share it)."""
    _TABLE.load()
TABLE_FILE = "stem_table.txt"


@functools.cache
def _sastrawi_stem_word():  # type: ignore[no-untyped-def]
    # Imported lazily: building the stemmer loads a 30k-word dictionary.
    from reader.text.sastrawi import word_stemmer

    return word_stemmer()


class _Stems(dict[str, str]):
    """Folded token -> stem, each word stemmed once (up to :data:`MAX_CACHED` words, then
    the cache starts again). Looking a token up is a plain ``dict`` read."""

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_CACHED:
            self.clear()
        found = self[word] = _stem(word)
        return found


MAX_CACHED = 200_000
_STEMS = _Stems()


def stem(word: str) -> str:
    """The stem of one folded token (use :func:`reader.text.tokenize.tokens` first)."""
    return _STEMS[word]


def _stem(word: str) -> str:
    if len(word) < MIN_STEM_LENGTH or not word.isalpha() or not _MAY_HAVE_AFFIX.search(word):
        return word
    override = _overrides().get(word)
    if override is not None:
        return override
    return _TABLE.get(word) or _sastrawi(word)


def _sastrawi(word: str) -> str:
    result: str = _sastrawi_stem_word()(word)
    return result or word


def stem_text(text: str) -> str:
    """The stems of every token in ``text``, space separated (the indexed stem column)."""
    return stem_tokens(tokens(text))


def stem_tokens(words: list[str]) -> str:
    """The stems of already tokenised ``words``, space separated, as :func:`stem_text` gives."""
    return " ".join(map(_STEMS.__getitem__, words))


def _needs_sastrawi(word: str) -> bool:
    return (
        len(word) >= MIN_STEM_LENGTH
        and word.isalpha()
        and bool(_MAY_HAVE_AFFIX.search(word))
        and word not in _overrides()
    )


def build_table(corpus: str, size: int) -> str:
    """The text of ``stem_table.txt``: the ``size`` most frequent affixed words of ``corpus``."""
    import json
    from collections import Counter

    counts: Counter[str] = Counter()
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            counts.update(token for token in tokens(text) if _needs_sastrawi(token))
    lines = [
        "# Sastrawi's stems of the most frequent affixed words in real news (generated by",
        "# `python -m reader.text.stem CORPUS.jsonl`; do not edit). `word stem`, or `word`",
        "# when Sastrawi leaves it as it is.",
    ]
    for word in sorted(word for word, _count in counts.most_common(size)):
        target = _sastrawi(word)
        lines.append(word if target == word else f"{word} {target}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description="Rebuild the bundled stem table.")
    parser.add_argument("corpus", help="JSONL with title and text fields")
    parser.add_argument("--size", type=int, default=20_000)
    args = parser.parse_args()
    Path(__file__).with_name(TABLE_FILE).write_text(build_table(args.corpus, args.size), "utf-8")
