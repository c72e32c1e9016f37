"""The status line: how many articles match, how many of them are reviewed, and by you."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SORT_WORDS = {"relevance": "by relevance", "newest": "newest first", "oldest": "oldest first"}


def status_text(
    total: int,
    reviewed: int | None,
    filter_label: str,
    query: str,
    busy: bool = False,
    sort: str | None = None,
    estimated: bool = False,
    mine: int | None = None,
) -> Text:
    """``reviewed`` is ``None`` while it is still being counted (after the list is shown);
    ``filter_label`` is ``"all"`` when nothing but the query narrows the list; ``estimated``:
    the counts are estimates of a very large match, marked ≈ until the exact ones arrive;
    ``mine``: how many of the reviewed the analyst reviewed (None: not known yet)."""
    noun = "article" if total == 1 else "articles"
    about = "≈ " if estimated else ""
    text = Text()
    text.append(f"{about}{total:,} {noun}", style="bold")
    text.append(" match" if query.strip() else "")
    if reviewed is None:
        text.append(f" · counting reviewed of {total:,}…", style="dim")
    elif estimated:
        text.append(f" · ≈ {reviewed:,} reviewed")
        text.append(f" (≈ {mine:,} by you)" if reviewed and mine is not None else "")
        text.append(" · counting exactly…", style="dim")
    else:
        text.append(f" · {reviewed:,} of {total:,} reviewed")
        text.append(f" ({mine:,} by you)" if reviewed and mine is not None else "")
    if filter_label != "all":
        text.append(f" · filter: {filter_label}", style="bold italic")
        text.append(" (F clears)", style="dim")
    if sort:
        text.append(f" · {SORT_WORDS.get(sort, sort)}")
    if busy:
        text.append(" · searching…", style="dim")
    return text


class StatusBar(Static):
    def show(
        self,
        total: int,
        reviewed: int | None,
        filter_label: str,
        query: str,
        busy: bool = False,
        sort: str | None = None,
        estimated: bool = False,
        mine: int | None = None,
    ) -> None:
        # One line high (app.tcss): a new text never moves anything else, so no layout pass
        # (each would re-arrange and repaint the whole screen: several per keystroke).
        text = status_text(total, reviewed, filter_label, query, busy, sort, estimated, mine)
        self.update(text, layout=False)
