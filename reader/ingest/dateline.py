"""Datelines at the start of an article body: ``JAKARTA, KOMPAS.com -``, ``Jakarta (ANTARA) -``.

The dateline is removed from the body and its outlet is kept as metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SEP = r"\s*(?:--|[-–—])\s*"
_DOMAIN = r"(?P<outlet>[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,4}){1,2})"
_PLACE = r"(?P<place>[A-Za-z][A-Za-z .'-]{1,40}?)"

_DATELINES = [
    # JAKARTA, KOMPAS.com -   /   Bandung, Beritasatu.com -
    re.compile(rf"^{_PLACE},\s*{_DOMAIN}{_SEP}"),
    # jpnn.com, JAKARTA -  /  Liputan6.com, Jakarta -  /  REPUBLIKA.CO.ID, JAKARTA --
    re.compile(rf"^{_DOMAIN},\s*{_PLACE}{_SEP}"),
    # KONTAN.CO.ID - JAKARTA.
    re.compile(rf"^{_DOMAIN}{_SEP}(?P<place>[A-Z]{{3,20}})\.\s*"),
    # INFOSEMARANG.COM-  /  TRIBUNNEWS.COM -
    re.compile(rf"^{_DOMAIN}{_SEP}"),
    # Jakarta (ANTARA) -
    re.compile(rf"^{_PLACE}\s*\((?P<outlet>ANTARA|Antara|ANTARA News)\){_SEP}"),
    # Jakarta, CNN Indonesia --  /  JAKARTA, KOMPAS —
    re.compile(rf"^{_PLACE},\s*(?P<outlet>CNN Indonesia|KOMPAS|Kompas|TEMPO|Tempo){_SEP}"),
    # detik: "Jakarta - "; jpnn without its link: "JAKARTA - " (a place, a spaced dash)
    re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{3,}(?: [A-Z]{3,})?)\s+[-–—]\s+"),
]

# Antara dumps glue a highlight (a quote copied from further down) in front of the dateline:
# `…tidak usahJakarta (ANTARA) - `. The place is the capitalised words right before the tag
# (`Bethlehem, Palestina/Istanbul`).
# Only a copy is dropped: text before the tag that the article does not repeat is article
# text, and a tag with nothing after it begins no report, so neither is a dateline.
_GLUED_ANTARA = re.compile(r"\((?:ANTARA|Antara)\)\s*[-–—]\s*")
_PLACE_BEFORE = re.compile(r"[A-Z][A-Za-z]+(?:[ ,/]+[A-Z][A-Za-z]+){0,4}[ ,]*$")
GLUED_REACH = 1200  # characters searched for a glued Antara dateline
COPY_CHUNK = 10  # a highlight is compared with the text after it in pieces of this many letters
COPY_SHARE = 0.5  # ... and is a copy when at least this share of its pieces recurs there

_KNOWN_NAMES = {"antara": "Antara", "antara news": "Antara", "cnn indonesia": "CNN Indonesia"}


def outlet_name(raw: str) -> str:
    """``INFOSEMARANG.COM`` -> ``Infosemarang.com``; ``KOMPAS.com`` -> ``Kompas.com``."""
    lowered = raw.strip().lower()
    if lowered in _KNOWN_NAMES:
        return _KNOWN_NAMES[lowered]
    return lowered[:1].upper() + lowered[1:]


def split_dateline(paragraph: str, later: Sequence[str] = ()) -> tuple[str | None, str]:
    """``(outlet or None, paragraph without its dateline)``; unchanged when there is none.

    ``later`` is the rest of the body: a highlight glued before an Antara dateline is dropped
    only when it is a copy of text after the dateline. Applying it twice changes nothing more.
    """
    outlet, paragraph = _split_start(paragraph)
    while True:
        found, rest = _after_glued_antara(paragraph, later)
        if found is None:
            return outlet, paragraph
        outlet, paragraph = outlet or found, rest


def _split_start(paragraph: str) -> tuple[str | None, str]:
    head = paragraph[:160]
    for pattern in _DATELINES:
        match = pattern.match(head)
        if match is None:
            continue
        outlet = match.groupdict().get("outlet")
        place = match.groupdict().get("place") or ""
        if outlet is None and place.lower() in _KNOWN_NAMES:
            outlet = place  # "ANTARA - ..." names the agency, not a place
        return (outlet_name(outlet) if outlet else None), paragraph[match.end() :].lstrip()
    return None, paragraph


def _after_glued_antara(paragraph: str, later: Sequence[str]) -> tuple[str | None, str]:
    """Drop a highlight glued before `Place (ANTARA) -`, with the dateline itself."""
    tag = _GLUED_ANTARA.search(paragraph, 0, GLUED_REACH)
    if tag is None:
        return None, paragraph
    place = _PLACE_BEFORE.search(paragraph, 0, tag.start())
    report = paragraph[tag.end() :].lstrip()
    if place is None or not (report or any(later)):
        return None, paragraph  # nothing after the tag: no report begins there
    highlight = paragraph[: place.start()]
    if highlight.strip() and not _is_copy(highlight, [report, *later]):
        return None, paragraph
    return "Antara", report  # `Kabupaten Bandung, Jawa Barat (ANTARA) -` opening the body, too


def _letters(text: str) -> str:
    """Letters and digits only, case-folded: spacing, glue and punctuation do not count."""
    if text.isascii():  # the ASCII letters and digits are what isalnum keeps of it
        return text.casefold().encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return "".join(char for char in text.casefold() if char.isalnum())


_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _is_copy(highlight: str, after: Sequence[str]) -> bool:
    """Does most of ``highlight`` recur in ``after``?"""
    letters, text = _letters(highlight), _letters(" ".join(after))
    if not letters:
        return True  # only marks and spaces before the place
    starts = range(0, max(1, len(letters) - COPY_CHUNK + 1), COPY_CHUNK)
    pieces = [letters[i : i + COPY_CHUNK] for i in starts]
    return sum(piece in text for piece in pieces) >= COPY_SHARE * len(pieces)
