"""Sastrawi's word stemmer, with the regular expressions it calls compiled once.

Sastrawi calls ``re.match(pattern, word)`` with one of its fixed patterns about 170 times
per word it stems, and ``re.sub(part, "", word, count=1)`` with the part it removes as
the pattern, which ``re`` compiles anew for most words. That overhead is half of its cost
on a word it has not seen, which every import worker pays for each rare word. The
stemmer's modules are given :class:`CompiledOnce` as their ``re``: the same calls with
the same results (a pattern of letters only is plain text, so removing it is
``str.replace``), and the dictionary's membership test is the word table's own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

MAX_PATTERNS = 512  # Sastrawi's fixed patterns number about 80; other patterns are not kept


class CompiledOnce:
    """The part of :mod:`re` Sastrawi uses (``match`` and ``sub``), compiling each pattern once."""

    def __init__(self) -> None:
        self.patterns: dict[str | tuple[str, int], re.Pattern[str]] = {}

    def compiled(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, flags) if flags else pattern
        found = self.patterns.get(key)
        if found is None:
            found = re.compile(pattern, flags)
            if len(self.patterns) < MAX_PATTERNS:
                self.patterns[key] = found
        return found

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        found = None if flags else self.patterns.get(pattern)
        return (found or self.compiled(pattern, flags)).match(string)

    def sub(self, pattern: str, repl: str, string: str, count: int = 0, flags: int = 0) -> str:
        if not flags and pattern.isalpha() and "\\" not in repl:
            return string.replace(pattern, repl, count or -1)  # letters match only themselves
        return self.compiled(pattern, flags).sub(repl, string, count)


def word_stemmer() -> Callable[[str], str]:
    """Sastrawi's ``stem_word`` for one lower-case word (it loads a 30k-word dictionary)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    shim = CompiledOnce()
    for name, module in list(sys.modules.items()):
        if name.startswith("Sastrawi.") and getattr(module, "re", None) is re:
            module.re = shim  # type: ignore[attr-defined]
    stemmer.dictionary.contains = stemmer.dictionary.words.__contains__
    return stemmer.stem_word  # type: ignore[no-any-return]
