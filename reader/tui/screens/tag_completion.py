"""Tag completion shared by the tag dialogs: what the field shows is what Enter takes.

The completion is the first known tag (most used first) that starts with the typed text,
ignoring case; a tag typed in full is itself. A space typed at the end turns completion
off: Enter then takes exactly the typed name (to create ``baw`` while ``bawaslu-curang``
exists).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


def completion(typed: str, known: Iterable[str]) -> str | None:
    """The known tag ``typed`` completes to (None: no completion, or a trailing space)."""
    if not typed.strip() or typed[-1].isspace():
        return None
    needle = " ".join(typed.split()).casefold()
    names = list(known)
    for name in names:
        if name.casefold() == needle:
            return name
    return next((name for name in names if name.casefold().startswith(needle)), None)


def chosen_name(typed: str, known: Iterable[str]) -> str:
    """The tag Enter means: the completion shown, else the typed text (spaces tidied)."""
    return completion(typed, known) or " ".join(typed.split())


class TagSuggester(Suggester):
    """Shows :func:`completion` in the field (nothing for an exact name or after a space)."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        found = completion(value, self.known)
        if found is None or found.casefold() == value.casefold():
            return None
        return value + found[len(value) :]
