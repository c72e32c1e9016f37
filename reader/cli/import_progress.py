"""What ``reader import`` shows while it runs and when it ends.

The progress line (on stderr, redrawn in place) gives the share of bytes read, the articles read
so far and their rate; the summary gives the counts with thousands separators (as ``reader stats``
does), the elapsed time and the rate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from reader.models import ImportReport

REDRAW_SECONDS = 0.2  # a 30,000-article import redraws the line a few times a second, not per article
RATE_AFTER_SECONDS = 1.0  # a rate over the first instants means nothing


def elapsed_text(seconds: float) -> str:
    """``0.8 s``, ``12.3 s``, ``3 min 05 s``, ``1 h 02 min``."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def rate_text(articles: int, seconds: float) -> str:
    return f"{articles / seconds:,.0f} articles/s" if seconds > 0 else "– articles/s"


def summary_line(report: ImportReport, seconds: float) -> str:
    """``imported 12,345, duplicates 5, skipped 3 in 41.2 s (300 articles/s)``."""
    read = report.imported + report.duplicates
    return (
        f"imported {report.imported:,}, duplicates {report.duplicates:,}, skipped {len(report.skipped):,}"
        f" in {elapsed_text(seconds)} ({rate_text(read, seconds)})"
    )


class ProgressLine:
    """A one-line progress display: ``Importing  45%  12,345 articles  1,234 articles/s  0:12``."""

    def __init__(self, total_bytes: int, out: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = max(total_bytes, 1)
        self.out, self.clock = out, clock
        self.started = clock()
        self.done = 0
        self.articles = 0
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, done_bytes: int, articles: int) -> None:
        self.done += done_bytes
        self.articles = articles
        now = self.clock()
        if self.drawn_at is None or now - self.drawn_at >= REDRAW_SECONDS:
            self.draw(now)

    def text(self, now: float) -> str:
        seconds = now - self.started
        share = min(self.done / self.total, 1.0)
        minutes, secs = divmod(int(seconds), 60)
        noun = "article" if self.articles == 1 else "articles"
        rate = rate_text(self.articles, seconds) if seconds >= RATE_AFTER_SECONDS else "– articles/s"
        return f"Importing {share:4.0%}  {self.articles:,} {noun}  {rate}  {minutes}:{secs:02d}"

    def draw(self, now: float) -> None:
        line = self.text(now)
        self.out.write("\r" + line + " " * max(self.width - len(line), 0))
        self.out.flush()
        self.width, self.drawn_at = len(line), now

    def finish(self) -> None:
        """The final state, and the line ended so the summary starts on its own."""
        self.draw(self.clock())
        self.out.write("\n")
        self.out.flush()
