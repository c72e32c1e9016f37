"""The rubric and title lines that open a plain-text article (``POLITIK`` then the headline)."""

from __future__ import annotations

import re

from reader.ingest.dateline import split_dateline

_RUBRIC = re.compile(r"^[A-Z][A-Z &/]{1,38}$")
MAX_TITLE_LENGTH = 200


def _looks_like_rubric(line: str) -> bool:
    return bool(_RUBRIC.match(line)) and len(line.split()) <= 4


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > MAX_TITLE_LENGTH:
        return False
    if line.endswith((".", ",", ";")) or split_dateline(line)[0] is not None:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised / len(words) >= 0.5


def split_header(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """``(section, title, remaining lines)`` for the non-empty lines of a plain-text article."""
    section = title = None
    rest = list(lines)
    if len(rest) > 1 and _looks_like_rubric(rest[0]):
        section = rest.pop(0)
    if len(rest) > 1 and _looks_like_title(rest[0]):
        title = rest.pop(0)
    return section, title, rest
