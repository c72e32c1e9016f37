"""The edges of a role: what may open or close it and what belongs to the name instead.

A rank or a title before a name stands with the name (`Kapolda Jatim Irjen Pol Toni`,
`Sekjen PKS Habib Aboe`), so it never ends a role; nor does a comma and a piece of the
name (`Ketua Bawaslu Ponorogo, Muhammad`). A role opens on its post, not on a word of
the sentence before it (`Pernyataan Ketua Umum …`) or on a post of someone else
(`Kapolri Kapolda Jatim …`: the later post is the person's).
"""

from __future__ import annotations

import functools

from reader.extract.lexicon import (
    LOWER_ROLE_STARTS,
    NAME_TITLES,
    OFFICE_WORDS,
    PLACES,
    RANK_PARTS,
    RANKS,
    WHOLE_POSTS,
    is_common_word,
    is_ordinary_word,
    is_role_word,
)

_RANK_TAIL = RANKS | RANK_PARTS | NAME_TITLES


@functools.lru_cache(maxsize=16384)
def trim_role(role: str) -> str | None:
    """``role`` without a rank, title or name piece at its end or a stray word at its start."""
    parts = role.split()
    end = _tail_start(parts)
    if end < len(parts) and end > 0 and parts[end - 1].endswith(","):
        parts[end - 1] = parts[end - 1].rstrip(",")
    parts = parts[:end]
    start = _head_start(parts)
    parts = parts[start:]
    return " ".join(parts) if parts else None


def _folded(word: str) -> str:
    return word.strip(",.").casefold()


def _tail_start(parts: list[str]) -> int:
    """Where the ranks, titles or comma-cut name piece at the end of ``parts`` start."""
    end = len(parts)
    while end and _folded(parts[end - 1]) in _TAIL_OR_PARTS:
        end -= 1
    while end < len(parts) and _folded(parts[end]) in RANK_PARTS:
        end += 1  # `Calon panglima TNI Jenderal`: TNI before the rank names the force
    if end < len(parts) and end and _joined_post(parts[end - 1], parts[end]):
        end += 1  # `Sekretaris Jenderal`, `Direktur Jenderal`: the rank word is the post's
    if end == 0 and parts and _folded(parts[0]) in _POST_RANKS:
        end = len(parts)  # `Komisaris Utama`: a board post, not a rank
    tail = [_folded(p) for p in parts[end:]]
    if not any(w in RANKS or w in NAME_TITLES for w in tail):
        end = len(parts)
    if end < len(parts):
        return end
    # `Ketua Bawaslu Kabupaten Ponorogo, Muhammad`: after the last comma only a name piece
    for index in range(len(parts) - 1, 0, -1):
        if parts[index - 1].endswith(","):
            rest = parts[index:]
            if rest and len(rest) <= 2 and all(_name_piece(p) for p in rest):
                return index
            break
    return end


_TAIL_OR_PARTS = _RANK_TAIL
_POST_RANKS = frozenset({"komisaris", "inspektur"})
_JENDERAL = frozenset({"jenderal", "jendral", "jend"})
_GENERAL_POSTS = frozenset({"sekretaris", "sekertaris", "direktur", "inspektur", "wakil"})


def _joined_post(before: str, word: str) -> bool:
    return _folded(word) in _JENDERAL and _folded(before) in _GENERAL_POSTS


def _name_piece(word: str) -> bool:
    """A capitalised word that is no post, office, organisation word or place."""
    bare = word.strip(",.")
    folded = bare.casefold()
    if not bare[:1].isupper() or not bare.isalpha() or bare.isupper():
        return False
    return not (
        is_role_word(bare)
        or folded in OFFICE_WORDS
        or folded in PLACES
        or folded in LOWER_ROLE_STARTS
    )


def _head_start(parts: list[str]) -> int:
    """Where the post opens: past a word of the sentence before it or another's post."""
    start = 0
    while len(parts) - start > 1:
        first, nxt = parts[start], parts[start + 1]
        folded = _folded(first)
        if not is_role_word(nxt.strip(",.")) and _folded(nxt) not in WHOLE_POSTS:
            break
        if folded in WHOLE_POSTS:
            start += 1  # `Kapolri Kapolda Jatim`: the later post is the person's
            continue
        if _stray(first):
            start += 1  # `Pernyataan Ketua Umum PDI-P`
            continue
        break
    return start


def _stray(word: str) -> bool:
    """An ordinary capitalised word that cannot open a post (`Pernyataan`, `Sementara`)."""
    bare = word.strip(",.")
    folded = bare.casefold()
    if not bare[:1].isupper() or is_role_word(bare) or folded in OFFICE_WORDS:
        return False
    if folded in LOWER_ROLE_STARTS or folded in PLACES:
        return False
    return is_ordinary_word(folded) or is_common_word(bare)
