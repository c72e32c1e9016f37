"""Drawing a timeline (articles per day) as text: for ``reader timeline`` and the app.

:func:`reader.search.select.timeline` counts; this sets stray dates apart as outliers,
fills the empty days, groups by week or month, and draws sparklines and bars with block
characters.

Outliers: the core of a timeline runs from the first to the last day once the outermost
:data:`OUTLIER_SHARE` of its dated articles (at least one) is left out at each end. A day
further from the core than the core is long (at least :data:`MIN_FENCE_DAYS`) is an
outlier: drawn apart, not stretching the range (a birth date read as 1963 in a 2024 story).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from reader.search.select import Timeline

BLOCKS = " ▁▂▃▄▅▆▇█"
PERIODS = ("day", "week", "month")
OUTLIER_SHARE = 0.005  # the share of dated articles left out at each end to find the core
MIN_FENCE_DAYS = 31  # how far beyond the core a day must lie, at least, to be an outlier


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


def _period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())  # Monday
    if by == "month":
        return day.replace(day=1)
    return day


def _next(day: date, by: str) -> date:
    if by == "week":
        return day + timedelta(days=7)
    if by == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def series(line: Timeline, by: str = "day") -> list[tuple[str, int]]:
    """Counts per day, week (from Monday) or month, oldest first, with the empty periods in between."""
    counts: dict[date, int] = {}
    for day, count in line.days:
        parsed = _parse(day)
        if parsed is not None:
            start = _period_start(parsed, by)
            counts[start] = counts.get(start, 0) + count
    if not counts:
        return []
    filled: list[tuple[str, int]] = []
    current, last = min(counts), max(counts)
    while current <= last:
        label = current.isoformat()[:7] if by == "month" else current.isoformat()
        filled.append((label, counts.get(current, 0)))
        current = _next(current, by)
    return filled


def split_outliers(line: Timeline) -> tuple[Timeline, tuple[tuple[str, int], ...]]:
    """``line`` without its outlier days, and those days (see the module)."""
    dated = [(day, count, parsed) for day, count in line.days if (parsed := _parse(day)) is not None]
    total = sum(count for _day, count, _parsed in dated)
    trim = max(1, int(total * OUTLIER_SHARE))
    if total <= 2 * trim + 1:
        return line, ()
    low, high = _nth(dated, trim), _nth(list(reversed(dated)), trim)
    fence = timedelta(days=max(MIN_FENCE_DAYS, (high - low).days))
    outside = {day for day, _count, parsed in dated if parsed < low - fence or parsed > high + fence}
    if not outside:
        return line, ()
    kept = tuple(item for item in line.days if item[0] not in outside)
    return replace(line, days=kept), tuple(item for item in line.days if item[0] in outside)


def _nth(dated: list[tuple[str, int, date]], skip: int) -> date:
    """The day of the article after the first ``skip`` ones."""
    seen = 0
    for _day, count, parsed in dated:
        seen += count
        if seen > skip:
            return parsed
    return dated[-1][2]


def column_span(periods: int, width: int, by: str = "day") -> str | None:
    """How much one column of a ``width``-cell sparkline of ``periods`` days (weeks, months)
    covers when several share it (``3 days``, ``≈ 5 weeks``); None when each has its own."""
    if width <= 0 or periods <= width:
        return None
    per = periods / width
    days = per * {"day": 1, "week": 7, "month": 30.44}[by]
    if per.is_integer() and (by != "day" or days < 14):
        return f"{per:.0f} {by}s"
    if by == "day" and days < 14:
        return f"≈ {days:.1f} days"
    if by != "month" and days < 61:
        return f"≈ {days / 7:.1f} weeks".replace(".0 ", " ")
    if days < 730:
        return f"≈ {days / 30.44:.1f} months".replace(".0 ", " ")
    return f"≈ {days / 365.25:.1f} years".replace(".0 ", " ")


def outlier_note(outliers: tuple[tuple[str, int], ...], shown: int = 3) -> str:
    """``2 outside the range: 1963-05-10, 2031-01-01`` (articles), or ``""``."""
    if not outliers:
        return ""
    count = sum(c for _d, c in outliers)
    days = ", ".join(day for day, _c in outliers[:shown]) + (", …" if len(outliers) > shown else "")
    return f"{count:,} outside the range: {days}"


def sparkline(values: list[int], width: int) -> str:
    """``values`` as block characters in ``width`` cells or fewer: stretched when there are fewer
    values than cells, squeezed when there are more (a cell then shows its highest value)."""
    if not values or width <= 0:
        return ""
    if len(values) < width:  # stretched: each value as wide as it can be
        values = [value for value in values for _ in range(width // len(values))]
    size = min(width, len(values))
    cells = []
    for i in range(size):
        low = i * len(values) // size
        high = max(low + 1, (i + 1) * len(values) // size)
        cells.append(max(values[low:high]))
    top = max(cells) or 1
    return "".join(BLOCKS[0 if v == 0 else max(1, round(v / top * (len(BLOCKS) - 1)))] for v in cells)


def bar(value: int, top: int, width: int) -> str:
    """A horizontal bar of ``value`` out of ``top`` in ``width`` cells (eighths for the tip)."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def peak(line: Timeline) -> tuple[str, int] | None:
    """The busiest day (the earliest of equal ones)."""
    return max(line.days, key=lambda item: item[1]) if line.days else None


def summary(line: Timeline) -> str:
    """``first 2024-02-14 · peak 2024-02-15 (312) · last 2024-03-20 · 4 undated``."""
    if not line.days:
        return f"{line.undated:,} undated" if line.undated else "no articles"
    peak_day, most = max(line.days, key=lambda item: item[1])  # the earliest of equal peaks
    parts = [f"first {line.days[0][0]}", f"peak {peak_day} ({most:,})", f"last {line.days[-1][0]}"]
    if line.undated:
        parts.append(f"{line.undated:,} undated")
    return " · ".join(parts)
