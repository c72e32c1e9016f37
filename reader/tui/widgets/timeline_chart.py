"""Articles per day for the current search, as a sparkline under the list.

The counts come from a worker (:func:`reader.search.select.timeline`); this widget
only draws them to its width (more days than cells share a cell, which shows its
highest day, and the title says how much a column covers), with the first and last
day under the bars and the peak in the border. Stray dates far from the rest are not
drawn: the border names them as outliers (:func:`reader.search.timeline.split_outliers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.widget import Widget

from reader.search.timeline import column_span, outlier_note, peak, series, sparkline, split_outliers

TITLE = "Articles per day"  # one column a day; else "Busiest day per 3 days"

if TYPE_CHECKING:
    from reader.search.select import Timeline


class TimelineChart(Widget):
    COMPONENT_CLASSES = {"timeline-chart--bars", "timeline-chart--summary"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.line: Timeline | None = None  # without its outliers
        self.border_title = TITLE

    def show(self, line: Timeline | None) -> None:
        outliers: tuple[tuple[str, int], ...] = ()
        if line is not None:
            line, outliers = split_outliers(line)
        self.line = line
        busiest = peak(line) if line else None
        parts = [f"peak {busiest[0]}: {busiest[1]:,}"] if busiest else []
        if line and line.undated:
            parts.append(f"{line.undated:,} undated")
        if outliers:
            parts.append(outlier_note(outliers, shown=2))
        self.border_subtitle = " · ".join(parts)
        self._retitle()
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._retitle()

    def _retitle(self) -> None:
        """The title says what a column is: one day, or the busiest of the days sharing it."""
        days = len(series(self.line)) if self.line and self.line.days else 0
        span = column_span(days, self.content_size.width)
        self.border_title = f"Busiest day per {span}" if span else TITLE

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
