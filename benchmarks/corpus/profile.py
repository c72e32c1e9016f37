"""Article-level statistics of real election coverage that the generator reproduces.

Word and bigram frequencies (``vocab.py``) make sentences look real; this module makes whole
articles look real in the ways that cost an importer and a search engine work: how long an
article is, and how often the election terms appear. Both are learned from
``election.jsonl`` when it is present; otherwise the built-in figures below are used (they
were measured on that file: 1,274 articles, median 242 words, log-sd 0.39).

Term weights are occurrence counts, so a term like "kecurangan" is as rare in the synthetic
corpus as in real coverage, while "pemilu" (in about half of the real articles) stays dense:
the search benchmark keeps both kinds of query.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import lexicon

DEFAULT_MEDIAN_WORDS = 242.0
DEFAULT_LOG_SD = 0.39
WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Profile:
    """What an article of the corpus looks like, beyond its words."""

    median_words: float = DEFAULT_MEDIAN_WORDS
    log_sd: float = DEFAULT_LOG_SD
    term_counts: dict[str, int] = field(default_factory=dict)  # empty: lexicon weights
    source: str = "built-in figures"

    def to_json(self) -> dict:
        return {"median_words": self.median_words, "log_sd": self.log_sd,
                "term_counts": self.term_counts, "source": self.source}

    @classmethod
    def from_json(cls, data: dict) -> Profile:
        return cls(data["median_words"], data["log_sd"], dict(data["term_counts"]), data["source"])

    def term_weights(self, after_vote: bool) -> list[tuple[str, float]]:
        """Election terms with draw weights: the real counts, tilted before/after the vote.

        The lexicon's pre/post figures only say how a term's use shifts around 14 February
        2024 (the real file is mostly from another election year); the level comes from the
        counts. Every term keeps a small weight so that each one still occurs.
        """
        out = []
        for term, pre, post in lexicon.ELECTION_TERMS:
            tilt = post if after_vote else pre
            if not tilt:
                continue
            if not self.term_counts:
                out.append((term, float(tilt)))
                continue
            level = self.term_counts.get(term, 0) + 1
            out.append((term, level * tilt / ((pre + post) / 2)))
        return out


def learn_profile(texts: Iterable[str], source: str) -> Profile:
    """Length distribution and election-term counts of ``texts`` (raw scraped articles)."""
    lengths: list[int] = []
    counts = dict.fromkeys((t for t, _, _ in lexicon.ELECTION_TERMS), 0)
    patterns = {t: re.compile(rf"(?<!\w){re.escape(t.lower())}(?!\w)") for t in counts}
    for text in texts:
        words = len(WORD.findall(text))
        if words:
            lengths.append(words)
        low = text.lower()
        for term, pattern in patterns.items():
            counts[term] += len(pattern.findall(low))
    if len(lengths) < 20:
        return Profile()
    logs = [math.log(n) for n in lengths]
    return Profile(float(statistics.median(lengths)), statistics.pstdev(logs), counts, source)
