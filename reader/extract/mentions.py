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
from dataclasses import dataclass

from reader.extract.actors import Catalogue

Offsets = dict[str, list[tuple[int, int]]]
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What may separate the words of one mention: spaces, one dash, an initial's dot.
_GAP = re.compile(r"\s*[-–—]?\s*|\.\s*")


def _words(alias: str) -> tuple[str, ...]:
    return tuple(WORD.findall(alias))


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

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(actor, start, end) of every mention, left to right, longest first."""
        found = []
        starts = self.starts
        resume = 0  # words before this offset belong to the last mention
        matches = list(WORD.finditer(text))
        for index, match in enumerate(matches):
            word = match.group()
            if (word not in starts and word.lower() not in starts) or match.start() < resume:
                continue
            hit = self._longest_at(text, matches, index)
            if hit is not None:
                found.append(hit)
                resume = hit[2]
        return found

    def _longest_at(
        self, text: str, matches: list[re.Match[str]], index: int
    ) -> tuple[str, int, int] | None:
        first = matches[index]
        run = [first]
        key: tuple[str, ...] = (first.group(),)
        keys = [key]
        folded_keys = [(key[0].casefold(),)]
        exact_prefixes, folded_prefixes = self.exact_prefixes, self.folded_prefixes
        for match in matches[index + 1 : index + self.longest]:
            if not _GAP.fullmatch(text, run[-1].end(), match.start()):
                break
            word = match.group()
            longer = (*keys[-1], word)
            longer_folded = (*folded_keys[-1], word.casefold())
            if longer not in exact_prefixes and longer_folded not in folded_prefixes:
                break  # no alias starts with these words
            run.append(match)
            keys.append(longer)
            folded_keys.append(longer_folded)
        for n in range(len(run), 0, -1):
            actor = self.exact.get(keys[n - 1]) or self.folded.get(folded_keys[n - 1])
            if actor:
                return actor, first.start(), run[n - 1].end()
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
