"""The full text of one article: search hits and actor names marked, scrollable to any offset.

The body is wrapped here (greedy, on spaces) so every screen line knows which
characters of the body it shows; that is what lets ``n``/``N`` and the quote
sidebar scroll to an exact character offset. Only visible lines are rendered.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.store.marks import Mark
from reader.text.display import untitled_label
from reader.tui.bindings import TEXT

WORD = re.compile(r"\S+\s*")


def wrap_spans(body: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each screen line of ``body`` at ``width`` cells; a blank line after paragraphs."""
    width = max(width, 8)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in body.split("\n"):
        start, used = position, 0
        for match in WORD.finditer(paragraph):
            word_start = position + match.start()
            word = match.group().rstrip()
            if used and used + cell_len(word) > width:
                lines.append((start, word_start))
                start, used = word_start, 0
            while cell_len(word) > width:  # a word longer than the line: hard breaks
                lines.append((word_start, word_start + width))
                word_start, word = word_start + width, word[width:]
                start = word_start
            used += cell_len(word) + len(match.group()) - len(match.group().rstrip())
        if paragraph.strip():
            lines.append((start, position + len(paragraph)))
            lines.append((position + len(paragraph), position + len(paragraph)))
        position += len(paragraph) + 1
    return lines


def _pieces(text: Text, spans: list[tuple[int, int]]) -> list[Text]:
    """``text[start:end]`` for each of ``spans`` (in order, none overlapping), cut in one pass:
    a slice of a ``Text`` reads all its styles and copies the rest, so slicing line by line
    took a long article 40 ms on the app's thread, at every article shown."""
    if not spans:
        return []
    parts = text.divide([offset for span in spans for offset in span])
    return [parts[2 * index + 1] for index in range(len(spans))]


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = TEXT
    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--hit",
        "article-view--current-hit",
        "article-view--actor",
        "article-view--quote",
        "article-view--notice",
        "article-view--tag",
    }

    hit_index: reactive[int | None] = reactive(None, init=False)

    class Back(Message):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article: dict[str, Any] | None = None
        self.hits: tuple[tuple[int, int], ...] = ()
        self.quote_span: tuple[int, int] | None = None
        self.notice = "No article selected."
        self._lines: list[Text] = []
        self._starts: list[int] = []
        self._header = 0

    def show(self, article: dict[str, Any] | None, hits: tuple[tuple[int, int], ...] = ()) -> None:
        self.article, self.hits, self.quote_span = article, hits, None
        self.set_reactive(ArticleView.hit_index, None)
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def show_notice(self, notice: str) -> None:
        self.notice = notice
        self.show(None)

    def show_quote(self, start: int, end: int) -> None:
        self.quote_span = (start, end)
        self._layout()
        self.scroll_to_offset(start)

    def update_article(self, **changes: Any) -> None:
        if self.article is not None:
            self.article = {**self.article, **changes}
            self._layout()

    def next_hit(self, step: int) -> bool:
        if not self.hits:
            return False
        if self.hit_index is None:
            self.hit_index = 0 if step > 0 else len(self.hits) - 1
        else:
            self.hit_index = (self.hit_index + step) % len(self.hits)
        return True

    def watch_hit_index(self, index: int | None) -> None:
        self._layout()
        if index is not None:
            self.scroll_to_offset(self.hits[index][0])

    def line_of(self, offset: int) -> int:
        return self._header + max(0, bisect_right(self._starts, offset) - 1)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding body character ``offset`` into view, a third of the way down."""
        target = self.line_of(offset) - self.scrollable_content_region.height // 3
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    @property
    def visible_text(self) -> str:
        top = self.scroll_offset.y
        return "\n".join(line.plain for line in self._lines[top : top + self.size.height])

    def action_back(self) -> None:
        self.post_message(self.Back())

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    # -- layout and rendering --------------------------------------------------
    def _styled_body(self, body: str) -> Text:
        assert self.article is not None
        text = Text(body)
        actor = self.get_component_rich_style("article-view--actor")
        for mention in self.article.get("actors", []):
            for start, end in mention.get("offsets", []):
                text.stylize(actor, start, end)
        if self.quote_span:
            text.stylize(self.get_component_rich_style("article-view--quote"), *self.quote_span)
        hit, current = (self.get_component_rich_style(f"article-view--{n}") for n in ("hit", "current-hit"))
        for number, (start, end) in enumerate(self.hits):
            text.stylize(current if number == self.hit_index else hit, start, end)
        return text

    def _layout(self) -> None:
        width = max(self.scrollable_content_region.width - 1, 8)
        if self.article is None:
            self._lines = [
                Text(""),
                Text(" " + self.notice, style=self.get_component_rich_style("article-view--notice")),
            ]
            self._starts, self._header = [], 0
        else:
            header = self._header_lines(width)
            body = self.article.get("body") or ""
            spans = wrap_spans(body, width)
            self._lines = header + _pieces(self._styled_body(body), spans)
            self._starts = [start for start, _end in spans]
            self._header = len(header)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self.refresh()

    def _header_lines(self, width: int) -> list[Text]:
        assert self.article is not None
        article, console = self.article, self.app.console
        title = Text(
            article.get("title") or untitled_label(article.get("body") or ""), style=self._style("title")
        )
        meta_style = self._style("meta")
        facts = [str(article[k]) for k in ("published", "outlet", "section") if article.get(k)]
        mark = Mark(bool(article.get("reviewed")), article.get("reviewed_by"), article.get("reviewed_at"))
        facts.append(f"✓ {mark.text()}" if mark.reviewed else "not reviewed")
        lines = [*title.wrap(console, width), *Text(" · ".join(facts), style=meta_style).wrap(console, width)]
        if article.get("tags"):
            tags = Text("tags: " + "  ".join(f"#{t}" for t in article["tags"]), style=self._style("tag"))
            lines += list(tags.wrap(console, width))
        if article.get("url"):
            url = Text(f"{article['url']}  (b opens, y copies)", style=meta_style)
            lines += list(url.wrap(console, width))
        if article.get("note"):
            note = Text(f"note: {article['note']}", style=self._style("tag"))
            lines += list(note.wrap(console, width))
        return [*lines, Text("")]

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = Strip(self._lines[index].render(self.app.console))
        return strip.adjust_cell_length(width, base).apply_style(base + Style())
