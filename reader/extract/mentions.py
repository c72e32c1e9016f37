"""Finding catalogue actors in a body with one compiled pattern.

All aliases go into a single alternation, longest first, so `KPU Jabar` wins over
`KPU` and `Prabowo-Gibran` over `Prabowo`. Case-insensitive aliases sit in a
`(?i:…)` group; case-sensitive ones (AMIN, PAN, MK) must match exactly. A pair
mention also counts for each member of the pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from reader.extract.actors import Catalogue

Offsets = dict[str, list[tuple[int, int]]]


def _alias_pattern(alias: str) -> str:
    """An alias as a regex: hyphens also match dashes, spaced dashes or a space."""
    parts = [re.escape(part) for part in re.split(r"\s*[-–—]\s*", alias)]
    joined = r"(?:\s*[-–—]\s*|\s+)".join(parts)
    return re.sub(r"\\ ", r"\\s+", joined)


@dataclass(slots=True)
class Matcher:
    pattern: re.Pattern[str]
    exact: dict[str, str]  # alias as written -> canonical (case-sensitive aliases)
    folded: dict[str, str]  # casefolded alias -> canonical
    members: dict[str, tuple[str, ...]]

    def actor_for(self, matched: str) -> str | None:
        key = " ".join(re.split(r"\s*[-–—]\s*|\s+", matched))
        return self.exact.get(key) or self.folded.get(key.casefold())


def _key(alias: str) -> str:
    return " ".join(re.split(r"\s*[-–—]\s*|\s+", alias))


def build_matcher(catalogue: Catalogue) -> Matcher:
    sensitive: dict[str, str] = {}
    insensitive: dict[str, str] = {}
    for actor in catalogue.actors:
        for alias in actor.all_aliases():
            if actor.is_case_sensitive(alias):
                sensitive.setdefault(_key(alias), actor.name)
            else:
                insensitive.setdefault(_key(alias).casefold(), actor.name)
    pieces = [(k, False) for k in sensitive] + [(k, True) for k in insensitive]
    pieces.sort(key=lambda piece: len(piece[0]), reverse=True)
    alternatives = [
        f"(?i:{_alias_pattern(alias)})" if folded else _alias_pattern(alias)
        for alias, folded in pieces
    ]
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’])")
    members = {a.name: a.members for a in catalogue.actors if a.members}
    return Matcher(pattern, sensitive, insensitive, members)


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
    for match in matcher.pattern.finditer(text):
        actor = matcher.actor_for(match.group())
        if actor is None:
            continue
        offsets[actor].append(match.span())
        for member in matcher.members.get(actor, ()):
            offsets[member].append(match.span())
    return offsets
