"""Finding the spans between quote marks, in every style Indonesian outlets use.

One left-to-right pass over the marks, so the time is linear in the text:

* “ „ « always open; » always closes; ” and straight " open or close depending on
  what is around them (Kompas opens with ”, some CMSs close “…," with a straight mark).
* A quote that is still open at a paragraph break continues when the next paragraph
  opens a quote again (each paragraph opens, only the last closes); otherwise it
  was unbalanced and is dropped.
* Without paragraph breaks (tokenised text), a new opening mark right after a full
  stop inside an open quote starts the next paragraph of the same quote.
* Any other opening mark inside an open quote is a nested quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "\"“”„‟«»″〝〞＂"
ALWAYS_OPEN = "“„‟«〝"
ALWAYS_CLOSE = "»〞"
# A quote mark, or a line break with the spaces after it. Both patterns open with a set of
# characters and look behind only after it, so the search jumps between those characters.
_MARK_OR_BREAK = re.compile(r"[\n\"“”„‟«»″〝〞＂](?:(?<=\n)\s*)?")
# ’ as an apostrophe (Asy’ari, Jum’at) is not a quote mark, so single quotes
# only count when they open after a space (or at the start) and close before a non-letter.
_SINGLE_QUOTE = re.compile(r"[‘'](?<![^\s(\[][‘'])([^‘’'\n]{2,400}?)[’'](?![^\W\d_])")
_OPENER_BEFORE = set(" \t\n([{—–-:;/\u00a0\u200b") | {""}
_CLOSER_AFTER = set(" \t\n.,;:!?)]}—–-\u00a0\u200b") | {""}
SENTENCE_END = ".!?…"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The text between two marks: ``start``/``end`` index the inner text (stripped)."""

    start: int
    end: int
    open_mark: int  # index of the opening mark
    close_mark: int  # index of the closing mark, or where the paragraph ended
    closed: bool  # False for the leading paragraphs of a multi-paragraph quote
    single: bool = False  # between ‘ ’ (only kept when a cue attributes it)


def _role(text: str, i: int, in_quote: bool) -> str:
    """'open' or 'close' for the mark at ``i``."""
    mark = text[i]
    if mark in ALWAYS_OPEN:
        before = text[i - 1] if i else ""
        # "“…,“" : a “ glued to the end of a quote closes it
        if in_quote and before and before in ",.!?" and _after(text, i) in _CLOSER_AFTER:
            return "close"
        return "open"
    if mark in ALWAYS_CLOSE:
        return "close"
    before = text[i - 1] if i else ""
    after = _after(text, i)
    opens = (before in _OPENER_BEFORE or before in ",.!?") and after not in _CLOSER_AFTER
    closes = after in _CLOSER_AFTER and before not in _OPENER_BEFORE
    if opens and not closes:
        # `tinggi."Kita` opens; `katanya."` (after = end) was caught by closes
        return "open"
    if closes and not opens:
        return "close"
    return "close" if in_quote else "open"


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else ""


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text: str, open_mark: int, end: int, closed: bool) -> QuoteSpan | None:
    start, stop = _trimmed(text, open_mark + 1, end)
    if stop <= start:
        return None
    return QuoteSpan(start, stop, open_mark, end, closed)


def _prev_visible(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return text[j] if j >= 0 else ""


def find_double_quotes(text: str) -> list[QuoteSpan]:
    """Every span between double quote marks, in order."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    depth = 0  # nested quotes inside the open one
    for match in _MARK_OR_BREAK.finditer(text):
        i = match.start()
        if text[i] == "\n":
            if open_at is not None:
                nxt = text[match.end()] if match.end() < len(text) else ""
                if nxt and nxt in DOUBLE_MARKS and _role(text, match.end(), False) == "open":
                    span = _span(text, open_at, i, closed=False)
                    if span:
                        spans.append(span)
                open_at, depth = None, 0
            continue
        role = _role(text, i, open_at is not None)
        if open_at is None:
            if role == "open":
                open_at, depth = i, 0
            continue
        if role == "close":
            if depth:
                depth -= 1
                continue
            span = _span(text, open_at, i, closed=True)
            if span:
                spans.append(span)
            open_at = None
        elif _prev_visible(text, i) in SENTENCE_END and text[i - 1 : i].isspace() and not depth:
            # paragraphs joined without a break: `”Satu. ”Dua,” kata X`
            span = _span(text, open_at, i, closed=False)
            if span:
                spans.append(span)
            open_at = i
        else:
            depth += 1
    return spans


def find_single_quotes(text: str, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Spans between single marks that lie outside every double-quoted span."""
    found: list[QuoteSpan] = []
    if "‘" not in text and "'" not in text:
        return found
    for match in _SINGLE_QUOTE.finditer(text):
        if any(s.open_mark <= match.start() <= s.close_mark for s in taken):
            continue
        start, end = _trimmed(text, match.start(1), match.end(1))
        if end > start:
            found.append(QuoteSpan(start, end, match.start(), match.end() - 1, True, single=True))
    return found
