"""One quote as a line of text, the same in every command that prints quotes."""

from __future__ import annotations

from typing import Any


def quote_line(quote: dict[str, Any], text: str | None = None, correction: bool = True) -> str:
    """``Speaker (role): “text”`` for a direct quote, ``Speaker (role): [reported] text`` for
    reported speech; ``text`` replaces the quote's own (with its hits marked, say), and
    ``correction`` adds who corrected it."""
    who = quote["speaker"] or "unknown speaker"
    if quote["role"]:
        who += f" ({quote['role']})"
    if correction and quote.get("corrected"):
        who += f" [corrected by {quote['corrected_by']}]"
    said = quote["text"] if text is None else text
    return f"{who}: “{said}”" if quote["kind"] == "direct" else f"{who}: [reported] {said}"
