"""A regular expression for "one of these words", shaped as a trie.

``re`` tries the branches of ``a|b|c`` one after another at every position; with
hundreds of words sharing prefixes (`menyatakan`, `menyampaikan`, `menyebut`) a
trie-shaped pattern (`meny(?:atakan|ampaikan|ebut)`) decides after a few characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks a word ending at this node


def word_alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly the given words (longest alternatives first)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(root)


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    ends_here = _END in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group
