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

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(actor, start, end) of every mention, left to right, longest first."""
        found = []
        starts = self.starts
        resume = 0  # words before this offset belong to the last mention
        for match in WORD.finditer(text):
            word = match.group()
            if match.start() < resume or (word not in starts and word.lower() not in starts):
                continue
            hit = self._longest_at(text, match)
            if hit is not None:
                found.append(hit)
                resume = hit[2]
        return found

    def _longest_at(self, text: str, first: re.Match[str]) -> tuple[str, int, int] | None:
        run = [first]
        if self.longest > 1:
            for match in WORD.finditer(text, first.end()):
                if len(run) >= self.longest or not _GAP.fullmatch(text, run[-1].end(), match.start()):
                    break
                run.append(match)
        for n in range(len(run), 0, -1):
            key = tuple(m.group() for m in run[:n])
            actor = self.exact.get(key) or self.folded.get(tuple(w.casefold() for w in key))
            if actor:
                return actor, first.start(), run[n - 1].end()
        return None


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
    return Matcher(exact, folded, starts, longest, members)


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
