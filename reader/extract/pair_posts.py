"""A pair's description as a role: `Pasangan calon presiden dan wakil presiden nomor urut 1
Anies …` gives the person named first the first post, `Calon presiden nomor urut 1`."""

from __future__ import annotations

import functools

from reader.extract.lexicon import LOWER_ROLE_STARTS, is_role_word

PAIR_WORDS = frozenset("pasangan paslon".split())
_NUMBER_WORDS = frozenset("nomor no. no nomer".split())


@functools.lru_cache(maxsize=4096)
def pair_post(role: str) -> str | None:
    """The first post of a pair's description, with its number; None when it names no post.

    `Pasangan Calon Presiden dan Wakil Presiden` -> `Calon Presiden`; `pasangan capres-cawapres
    nomor urut 2` -> `Capres nomor urut 2`; `pasangan Amin` or `Pasangan dari Koalisi …` is no
    post. The person named right after the description is the first of the pair (the
    presidential candidate); a description that holds the pair's names is left out.
    """
    parts = role.split()
    rest = parts[1:]
    if not rest:
        return None
    number = next((i for i, w in enumerate(rest) if w.casefold() in _NUMBER_WORDS), len(rest))
    posts, tail = rest[:number], rest[number:]
    if any("-" in w and w[:1].isupper() and not is_role_word(w.split("-")[0]) for w in posts):
        return None  # `… RI Anies Baswedan-Muhaimin Iskandar`: the names, not a post
    if "dan" in posts:
        posts = posts[: posts.index("dan")]
    elif posts and "-" in posts[0]:
        posts = [posts[0].split("-")[0], *posts[1:]]  # `capres-cawapres`
    if not posts or not all(_post_word(w) for w in posts):
        return None
    first = " ".join(posts + tail)
    return first[:1].upper() + first[1:]


def _post_word(word: str) -> bool:
    folded = word.casefold()
    return is_role_word(folded) or folded in LOWER_ROLE_STARTS or folded in {"ri", "2024"}
