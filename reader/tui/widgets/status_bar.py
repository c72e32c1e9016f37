"""The status line: how many articles match and how many of them are reviewed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def status_text(
    total: int, reviewed: int | None, filter_label: str, query: str, busy: bool = False
) -> Text:
    """``reviewed`` is ``None`` while it is still being counted (after the list is shown)."""
    noun = "article" if total == 1 else "articles"
    text = Text()
    text.append(f"{total:,} {noun}", style="bold")
    text.append(" match" if query.strip() else "")
    if reviewed is None:
        text.append(f" · counting reviewed of {total:,}…", style="dim")
    else:
        text.append(f" · {reviewed:,} of {total:,} reviewed")
    if filter_label != "all":
        text.append(f" · filter: {filter_label}", style="italic")
    if busy:
        text.append(" · searching…", style="dim")
    return text


class StatusBar(Static):
    def show(
        self, total: int, reviewed: int | None, filter_label: str, query: str, busy: bool = False
    ) -> None:
        self.update(status_text(total, reviewed, filter_label, query, busy))
