"""A name's last word with the next word glued on: `Dimas Prasetyaingin mempercepat`,
`Rina Lestarimengatakan`, where the outlet lost the space after the name."""

from __future__ import annotations

import functools

from reader.extract.cues import SPEAKER_VERBS
from reader.extract.lexicon import NAME_LIKE_WORDS, dictionary_words, is_ordinary_word

# Words that follow a name as the sentence goes on: speech verbs, and a few auxiliaries that
# rarely end a name. Longest first, so `menyebutkan` is tried before `menyebut`.
_VERBS = tuple(sorted(SPEAKER_VERBS, key=len, reverse=True))
_AUXILIARIES = (
    "sudah", "telah", "belum", "masih", "ingin", "tidak", "juga", "akan", "seusai", "usai", "saat"
)  # fmt: skip
MIN_KEPT = 4  # letters a name word keeps before a glued auxiliary (`Aksa`, not `War`)


@functools.lru_cache(maxsize=16384)
def unglued(word: str) -> str:
    """``word`` without a speech verb or an auxiliary glued to its end, else ``word``.

    `Prasetyaingin` -> `Prasetya`, `Lestarimengatakan` -> `Lestari`. A word that is itself
    an ordinary word (`Beringin`, `Kebijakan`) or a given name stays whole, and so does one
    with capitals inside (an acronym or a brand).
    """
    if len(word) < 7 or not word[0].isupper() or not word[1:].islower() or not word.isalpha():
        return word
    folded = word.casefold()
    if folded in NAME_LIKE_WORDS or is_ordinary_word(folded):
        return word
    for verb in _VERBS:
        if folded.endswith(verb):
            return word[: -len(verb)] if len(folded) - len(verb) >= 3 else word
    for auxiliary in _AUXILIARIES:
        if folded.endswith(auxiliary) and len(folded) - len(auxiliary) >= MIN_KEPT:
            return word if _derived(folded) else word[: -len(auxiliary)]
    return word


def _derived(folded: str) -> bool:
    """A word the stemmer takes back to a dictionary root (`kebijakan` -> `bijak`)."""
    from reader.text.stem import stem  # the stemmer loads a dictionary: only when needed

    root = stem(folded)
    return root != folded and root in dictionary_words()
