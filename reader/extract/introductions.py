"""Where an article introduces a person: the role it gives before the name.

`Ketua Bawaslu Rahmat Bagja mengatakan …` or only `… dihadiri Ketua Bawaslu Rahmat
Bagja.`: later quotes (`"…," kata Bagja`) carry that role even when their cue names no
role. The introduction is read backwards from a mention of the name, with the same
phrase reader the cues use, so the role ends where a cue's role would.
"""

from __future__ import annotations

import re

from reader.extract.actors import Catalogue
from reader.extract.names import SpeakerPhrase
from reader.extract.phrases import parse_before
from reader.extract.resolve import holds, name_words

MAX_MENTIONS = 6  # mentions of a name read for its introduction


def introduction(text: str, name: str, catalogue: Catalogue | None) -> SpeakerPhrase | None:
    """The first mention of ``name`` (or a fuller form of it) that comes with a role."""
    wanted = name_words(name)
    if not wanted:
        return None
    surface = name.split()[-1]
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(surface)}(?![\w'’-])")
    for count, match in enumerate(pattern.finditer(text)):
        if count >= MAX_MENTIONS:
            break
        phrase = parse_before(text, match.end(), catalogue)
        if phrase.kind != "name" or not phrase.role or not phrase.name:
            continue
        found = name_words(phrase.name)
        if holds(found, wanted) or holds(wanted, found) or _same_actor(phrase.name, name, catalogue):
            return phrase
    return None


def _same_actor(a: str, b: str, catalogue: Catalogue | None) -> bool:
    if catalogue is None:
        return False
    known = catalogue.resolve(a)
    return known is not None and known == catalogue.resolve(b)
