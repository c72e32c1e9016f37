"""How an article is named on screen when the scraper gave it no title."""

from __future__ import annotations

LEAD_LENGTH = 70


def untitled_label(text: str, length: int = LEAD_LENGTH) -> str:
    """``(untitled)`` and the opening words of ``text`` (a body or a snippet), cut at a word."""
    lead = " ".join(text.strip(" …").split())
    if not lead:
        return "(untitled)"
    if len(lead) > length:
        lead = lead[:length].rsplit(" ", 1)[0] + "…"
    return f"(untitled) {lead}"
