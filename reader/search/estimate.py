"""Estimated totals for very large full-text matches, counted over a sample of the ids.

Counting every match of a word that three quarters of the archive holds costs about
0.3 µs a match (235 ms for 760,000 matches at 1M), and its reviewed count one review
lookup more per match. When a caller allows it (``SearchRequest.estimate``), a search
whose match may exceed :data:`ESTIMATE_ABOVE` first counts the same query over
:data:`SAMPLE_WINDOWS` windows of article ids spread over the whole range (FTS5 seeks
to a rowid range through its doclist index, so the cost follows the window, not the
archive; a subquery of the query, such as ``said:``, ``speaker:`` or a tag, reads its
part of the window too: see :func:`reader.search.sources.in_window`) and scales the counts
up. Only an estimate of at least :data:`ESTIMATE_ABOVE`
is used, and the result says so (``SearchResult.estimated``); every other total stays
exact. Articles are never deleted, so the highest id is the number of articles.
"""

from __future__ import annotations

from reader.search.sources import REVIEWED_COUNTS, Source, Sql, follows_the_window, review_join
from reader.store.database import Database

ESTIMATE_ABOVE = 100_000  # matches: below this a total is always counted exactly
SAMPLE_IDS = 20_000  # article ids counted for an estimate, over all windows
# Windows spread evenly over the id range: an archive is imported source by source, so a
# few wide windows see a few sources (17 % off on real articles), many narrow ones all of
# them (4 % at most; benchmarks/RESULTS.md).
SAMPLE_WINDOWS = 64


def windows(max_id: int) -> list[tuple[int, int]]:
    """Inclusive id ranges, one in the middle of each of :data:`SAMPLE_WINDOWS` equal parts."""
    part = max_id / SAMPLE_WINDOWS
    width = max(1, min(int(part), SAMPLE_IDS // SAMPLE_WINDOWS))
    found = []
    for index in range(SAMPLE_WINDOWS):
        low = int(part * index + (part - width) / 2) + 1
        found.append((low, min(max_id, low + width - 1)))
    return found


def rounded(value: int) -> int:
    """Two significant figures (763,211 → 760,000): what an estimate can honestly claim."""
    if value < 100:
        return value
    scale = 10 ** (len(str(value)) - 2)
    return round(value / scale) * scale


def small_so_far(index: int, counted: int, sampled: int, max_id: int) -> bool:
    """After the first quarter of the windows: whether the match looks far too small to be
    estimated (a quarter of the threshold), so the rest of the sample is not worth reading.
    Stopping is never wrong, only slower: the match is then counted exactly."""
    return index + 1 == SAMPLE_WINDOWS // 4 and counted * max_id < sampled * ESTIMATE_ABOVE // 4


def estimate(db: Database, source: Source, sql: Sql, max_id: int, user: str) -> tuple[int, int, int] | None:
    """(total, reviewed, reviewed by ``user``) scaled up from the sample, or None when the
    match is not large (or not driven by the full-text index, whose rowid ranges are cheap
    to seek)."""
    # (no match can be larger than the archive)
    if not (source.fts and source.seeks) or max_id <= ESTIMATE_ABOVE:
        return None
    if not (follows_the_window(source.count_sql or source.sql) and sql.follows_the_window()):
        return None
    counted = [0, 0, 0]
    sampled = 0
    for index, (low, high) in enumerate(windows(max_id)):
        row = db.execute(
            f"SELECT count(*), {REVIEWED_COUNTS} FROM {source.count_sql or source.sql} "
            f"{review_join(source.id)} WHERE {sql.clause(source.filter_id, (low, high))}",
            [user, *source.params, *sql.params],
        ).fetchone()
        counted = [before + int(value) for before, value in zip(counted, row, strict=True)]
        sampled += high - low + 1
        if small_so_far(index, counted[0], sampled, max_id):
            return None
    total, reviewed, mine = (value * max_id // max(sampled, 1) for value in counted)
    if total < ESTIMATE_ABOVE:
        return None
    return rounded(total), rounded(reviewed), rounded(mine)
