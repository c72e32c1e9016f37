"""Finding catalogue actors in a body with one compiled matcher.

Every alias is compiled once into a table keyed by its word sequence, so a body
is read in a single pass over its words: at each word the longest alias starting
there wins (`KPU Jabar` over `KPU`, `Prabowo-Gibran` over `Prabowo`). Words may be
joined by spaces or a dash (`Prabowo–Gibran`, `Prabowo - Gibran`). Case-sensitive
aliases (AMIN, PAN, MK) must match exactly; the rest ignore case. A pair mention
also counts for each member of the pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from reader.extract.actors import Catalogue

Offsets = dict[str, list[tuple[int, int]]]
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The next word of a mention after the one ending here: spaces, one dash or an initial's dot,
# then the word.
_NEXT_WORD = re.compile(r"(?:\s*[-–—]?\s*|\.\s*)([^\W_]+(?:['’][^\W_]+)*)")
# Bytes that are not ASCII letters or digits become spaces: splitting the result gives every
# ASCII piece of every word, a cheap way to learn which alias words a text may hold.
_NOT_ASCII_ALNUM = bytes.maketrans(
    bytes(range(256)),
    bytes(b if chr(b).isascii() and chr(b).isalnum() else 0x20 for b in range(256)),
)


def _words(alias: str) -> tuple[str, ...]:
    return tuple(WORD.findall(alias))


def _ascii_pieces(text: str) -> list[bytes]:
    return text.encode("utf-8", "replace").translate(_NOT_ASCII_ALNUM).split()


def _whole_word(word: str) -> re.Pattern[str]:
    """Matches ``word`` where it is a whole WORD match (lower case never changes that)."""
    escaped = re.escape(word)
    return re.compile(rf"(?<![^\W_])(?<![^\W_]['’]){escaped}(?![^\W_]|['’][^\W_])")


@dataclass(slots=True)
class Matcher:
    exact: dict[tuple[str, ...], str]  # case-sensitive aliases, as written
    folded: dict[tuple[str, ...], str]  # the others, case-folded
    starts: frozenset[str]  # first words (as written and folded): the only places to look
    longest: int
    members: dict[str, tuple[str, ...]]
    # Every leading part of an alias key: a run of words is only read further while it
    # can still become an alias, so most runs stop after one word.
    exact_prefixes: frozenset[tuple[str, ...]] = frozenset()
    folded_prefixes: frozenset[tuple[str, ...]] = frozenset()
    # The lower-cased first words and their whole-word tests, by their first ASCII piece
    # (b"" for none).
    starts_by_piece: dict[bytes, tuple[tuple[str, re.Pattern[str]], ...]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        by_piece: dict[bytes, list[tuple[str, re.Pattern[str]]]] = {}
        for word in sorted({start.lower() for start in self.starts}):
            pieces = _ascii_pieces(word)
            by_piece.setdefault(pieces[0] if pieces else b"", []).append((word, _whole_word(word)))
        self.starts_by_piece = {piece: tuple(words) for piece, words in by_piece.items()}

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(actor, start, end) of every mention, left to right, longest first."""
        found = []
        resume = 0  # words before this offset belong to the last mention
        for start, end in self._start_words(text):
            if start < resume:
                continue
            hit = self._longest_at(text, start, end)
            if hit is not None:
                found.append(hit)
                resume = hit[2]
        return found

    def _is_start(self, word: str) -> bool:
        return word in self.starts or word.lower() in self.starts

    def _start_words(self, text: str) -> list[tuple[int, int]]:
        """The spans of the words of ``text`` that may open an alias, in order.

        Same as testing every WORD match, but only the first words whose ASCII piece occurs
        in the text (usually a few) are searched for, in the lower-cased text: a character
        and its lower case are both letters or digits, or neither.
        """
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: test every word
            return [match.span() for match in WORD.finditer(text) if self._is_start(match.group())]
        pieces = set(_ascii_pieces(lowered))
        pieces.add(b"")
        spans = []
        for piece in self.starts_by_piece.keys() & pieces:
            for word, whole_word in self.starts_by_piece[piece]:
                start = lowered.find(word)
                while start != -1:
                    end = start + len(word)
                    if whole_word.match(lowered, start) and self._is_start(text[start:end]):
                        spans.append((start, end))
                    start = lowered.find(word, end)
        spans.sort()
        return spans

    def _longest_at(self, text: str, start: int, end: int) -> tuple[str, int, int] | None:
        first = text[start:end]
        keys: list[tuple[str, ...]] = [(first,)]
        folded_keys = [(first.casefold(),)]
        ends = [end]
        exact_prefixes, folded_prefixes = self.exact_prefixes, self.folded_prefixes
        for _ in range(self.longest - 1):
            match = _NEXT_WORD.match(text, ends[-1])
            if match is None:
                break
            word = match.group(1)
            longer = (*keys[-1], word)
            longer_folded = (*folded_keys[-1], word.casefold())
            if longer not in exact_prefixes and longer_folded not in folded_prefixes:
                break  # no alias starts with these words
            keys.append(longer)
            folded_keys.append(longer_folded)
            ends.append(match.end())
        for n in range(len(keys), 0, -1):
            actor = self.exact.get(keys[n - 1]) or self.folded.get(folded_keys[n - 1])
            if actor:
                return actor, start, ends[n - 1]
        return None


def _prefixes(keys: list[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def build_matcher(catalogue: Catalogue) -> Matcher:
    exact: dict[tuple[str, ...], str] = {}
    folded: dict[tuple[str, ...], str] = {}
    for actor in catalogue.actors:
        for alias in actor.all_aliases():
            key = _words(alias)
            if not key:
                continue
            if actor.is_case_sensitive(alias):
                exact.setdefault(key, actor.name)
            else:
                folded.setdefault(tuple(w.casefold() for w in key), actor.name)
    starts = frozenset(k[0] for k in exact) | frozenset(k[0] for k in folded)
    longest = max((len(k) for k in [*exact, *folded]), default=1)
    members = {a.name: a.members for a in catalogue.actors if a.members}
    return Matcher(
        exact, folded, starts, longest, members, _prefixes(list(exact)), _prefixes(list(folded))
    )


def matcher_for(catalogue: Catalogue) -> Matcher:
    """The compiled matcher of ``catalogue`` (built once per catalogue object)."""
    found = catalogue.cache.get("matcher")
    if found is None:
        found = catalogue.cache["matcher"] = build_matcher(catalogue)
    return found


def find_mentions(text: str, catalogue: Catalogue) -> Offsets:
    """Canonical actor -> the (start, end) of each mention, pair members included."""
    matcher = matcher_for(catalogue)
    offsets: Offsets = defaultdict(list)
    for actor, start, end in matcher.find(text):
        offsets[actor].append((start, end))
        for member in matcher.members.get(actor, ()):
            offsets[member].append((start, end))
    return offsets
