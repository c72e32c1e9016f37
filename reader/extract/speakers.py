"""Who is speaking: one article's memory of the people it has named.

`-nya`, `dia`, `ia`, `beliau` and bare quote paragraphs go to the last named
speaker; short names go to the fuller name used earlier (`Zaki` → `Ahmed Zaki
Iskandar`) or to the catalogue's canonical name (`Anies` → `Anies Baswedan`); a bare
title (`kata Presiden`) goes to the person last seen with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.extract.actors import Catalogue
from reader.extract.introductions import introduction
from reader.extract.names import (
    SpeakerPhrase,
    is_description,
    is_name_word,
    split_role,
    tidy_role,
    words,
)
from reader.extract.resolve import holds, name_words

# Two or more capitalised words in a row: candidate names for the fallback speaker.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|bin|binti))+")


def _description(role: str) -> str | None:
    """`Pengacaranya` -> `pengacara`: a one-word description of someone's relation."""
    folded = role.casefold()
    return folded[:-3] if " " not in folded and is_description(folded) else None


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None


@dataclass(slots=True)
class SpeakerMemory:
    """The names an article has used so far, in reading order."""

    catalogue: Catalogue | None
    text: str
    last: Speaker | None = None
    roles: dict[str, str | None] = field(default_factory=dict)  # name -> first role seen
    names: list[str] = field(default_factory=list)  # full names, most recent last

    def learn(self, name: str, role: str | None) -> Speaker:
        """Record a named speaker and make it the last one.

        A name first seen without a role takes the one the article gives where it
        introduces the person (`Ketua Bawaslu Rahmat Bagja` in the lead).
        """
        surface, name = name, self.canonical(name)
        role = tidy_role(role)
        if role and not self.roles.get(name):
            self.roles[name] = role
        if name not in self.roles:
            self.roles[name] = role or self.introduced_role(surface, name)
        if name in self.names:
            self.names.remove(name)
        self.names.append(name)
        self.last = Speaker(name, self.roles.get(name))
        return self.last

    def introduced_role(self, surface: str, name: str) -> str | None:
        """The role the article gives ``name`` (written ``surface`` here) at a mention."""
        for form in dict.fromkeys((surface, name)):
            found = introduction(self.text, form, self.catalogue)
            if found is not None and tidy_role(found.role):
                return found.role
        return None

    def canonical(self, name: str) -> str:
        """The catalogue's name, else the fullest earlier name that contains this one."""
        if self.catalogue is not None:
            known = self.catalogue.resolve(name)
            if known:
                return known
        parts = name_words(name)
        for earlier in reversed(self.names):
            earlier_parts = name_words(earlier)
            if len(earlier_parts) > len(parts) and holds(earlier_parts, parts):
                return earlier
        return name

    def by_role(self, role: str) -> Speaker | None:
        """The most recent person whose role includes every word of ``role``."""
        wanted = role.casefold().split()
        for name in reversed(self.names):
            known = (self.roles.get(name) or "").casefold().split()
            if known and all(w in known for w in wanted):
                return Speaker(name, self.roles.get(name))
        return None

    def resolve(self, phrase: SpeakerPhrase, before: int) -> Speaker | None:
        """The speaker ``phrase`` refers to; ``before`` is where the cue is (for fallbacks)."""
        if phrase.kind == "name" and phrase.name:
            return self.learn(phrase.name, phrase.role)
        if phrase.kind == "reference" and phrase.role:
            description = _description(phrase.role)
            found = self.by_role(description or phrase.role)
            if found:
                return self.learn(found.name, found.role)
            if description:
                return None  # `Pengacaranya`: someone's lawyer, not the last speaker
        return self.last or self.first_person(before)

    def first_person(self, before: int) -> Speaker | None:
        """No speaker yet: the first person the article names (usually the lead's subject)."""
        for match in _CAPITALISED_RUN.finditer(self.text, 0, before):
            run = words(self.text, match.start(), match.end())
            role, name = split_role(self.text, run, self.catalogue)
            if name and len(name.split()) >= 2 and all(is_name_word(w) for w in name.split()):
                return self.learn(name, role)
            if name and self.catalogue is not None:
                actor = self.catalogue.get(self.catalogue.resolve(name) or "")
                if actor is not None and actor.type == "person":
                    return self.learn(actor.name, role)
        return None
