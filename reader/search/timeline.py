"""Drawing a timeline (articles per day) as text: for ``reader timeline`` and the app.

:func:`reader.search.select.timeline` counts; this fills the empty days, groups
by week or month, and draws sparklines and bars with block characters.
"""

from __future__ import annotations

from datetime import date, timedelta

from reader.search.select import Timeline

BLOCKS = " ▁▂▃▄▅▆▇█"
PERIODS = ("day", "week", "month")


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
