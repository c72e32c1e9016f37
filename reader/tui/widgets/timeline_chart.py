"""Articles per day for the current search, as a sparkline under the list.

The counts come from a worker (:func:`reader.search.select.timeline`); this widget
only draws them to its width (more days than cells share a cell, which shows its
highest day), with the first and last day under the bars and the peak in the border.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from reader.search.timeline import peak, series, sparkline

if TYPE_CHECKING:
    from reader.search.select import Timeline


class TimelineChart(Widget):
    COMPONENT_CLASSES = {"timeline-chart--bars", "timeline-chart--summary"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.line: Timeline | None = None

    def show(self, line: Timeline | None) -> None:
        self.line = line
        busiest = peak(line) if line else None
        parts = [f"peak {busiest[0]}: {busiest[1]:,}"] if busiest else []
        if line and line.undated:
            parts.append(f"{line.undated:,} undated")
        self.border_subtitle = " · ".join(parts)
        self.refresh()

    def render(self) -> Text:
        width = self.content_size.width
        bars = self.get_component_rich_style("timeline-chart--bars")
        muted = self.get_component_rich_style("timeline-chart--summary")
        line = self.line
        if line is None:
            return Text("…", style=muted)
        if not line.days:
            return Text("no dated articles" if line.undated else "no articles", style=muted)
        text = Text(sparkline([count for _day, count in series(line)], width), style=bars, no_wrap=True)
        first, last = line.days[0][0], line.days[-1][0]
        gap = width - len(first) - len(last)
        dates = first + " " * gap + last if first != last and gap > 0 else first
        text.append("\n" + dates, style=muted)
        return text
