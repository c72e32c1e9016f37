"""The article list: a Line API view over a search result that is fetched page by page.

It never holds the whole result. It knows the total (so the scrollbar is
right), keeps a bounded set of pages, renders only the rows on screen and asks
for a missing page with :class:`ArticleList.PageWanted`; the screen fetches it in
a worker and hands it back with :meth:`add_page`.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.search import SearchHit
from reader.store.analyst import same_analyst
from reader.text.display import untitled_label
from reader.tui.bindings import LIST
from reader.tui.data import PAGE_SIZE

ROW_HEIGHT = 2
MAX_PAGES = 40  # at most 4,000 rows kept


class ArticleList(ScrollView, can_focus=True):
    BINDINGS = LIST
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--mark",
        "article-list--tag",
        "article-list--claim",
        "article-list--notice",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class Highlighted(Message):
        """The cursor is on another article (``None``: the list is empty)."""

        article_id: int | None

    @dataclass
    class PageWanted(Message):
        generation: int
        offset: int

    @dataclass
    class Opened(Message):
        article_id: int

    @dataclass
    class ClearSearch(Message):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.generation = -1
        self.total = 0
        self.notice = "Loading…"
        self._pages: OrderedDict[int, tuple[SearchHit, ...]] = OrderedDict()
        self._wanted: set[int] = set()
        self._announced: int | None = None
        self.claims: dict[int, str] = {}  # article id -> the other analyst who has it open
        self.user: str | None = None  # the analyst: another's review mark is named in the row

    # -- data in ---------------------------------------------------------------
    def reset(self, generation: int, total: int, first: tuple[SearchHit, ...], notice: str = "") -> None:
        """Show a new result: its total, its first page and a notice for an empty list."""
        self.generation, self.total, self.notice = generation, total, notice
        self._pages.clear()
        self._wanted.clear()
        self._announced = None
        self._store(0, first)
        self.virtual_size = Size(self.size.width, total * ROW_HEIGHT)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = 0
        self.refresh()

    def resize(self, total: int) -> None:
        """The exact total of the shown result (after an estimate): the list's length follows."""
        if total != self.total:
            self.total = total
            self.virtual_size = Size(self.size.width, total * ROW_HEIGHT)
            self.cursor = self.validate_cursor(self.cursor)
            self.refresh()

    def add_page(self, generation: int, offset: int, hits: tuple[SearchHit, ...]) -> None:
        self._wanted.discard(offset)
        if generation != self.generation:
            return
        self._store(offset // PAGE_SIZE, hits)
        self.refresh()
        self._announce()

    def update_hit(self, article_id: int, **changes: Any) -> None:
        """Change one row in place (a saved review mark or tag)."""
        for number, hits in self._pages.items():
            if any(h.article_id == article_id for h in hits):
                self._pages[number] = tuple(
                    replace(h, **changes) if h.article_id == article_id else h for h in hits
                )
        self.refresh()

    def show_claims(self, claims: dict[int, str]) -> None:
        """Mark the rows other analysts have open ("open by NAME"); repaints only on a change."""
        if claims != self.claims:
            self.claims = dict(claims)
            self.refresh()

    def remove_hit(self, article_id: int) -> bool:
        """Take one row out (it no longer matches); the cursor stays on the row that follows.

        Later pages shift by one, so they are dropped and fetched again when shown."""
        for number, hits in list(self._pages.items()):
            kept = tuple(h for h in hits if h.article_id != article_id)
            if len(kept) == len(hits):
                continue
            self._pages[number] = kept
            for later in [n for n in self._pages if n > number]:
                del self._pages[later]
            self._wanted = {o for o in self._wanted if o < number * PAGE_SIZE}
            self.total -= 1
            self.virtual_size = Size(self.size.width, self.total * ROW_HEIGHT)
            self.cursor = self.validate_cursor(self.cursor)
            self.refresh()
            self._announce()
            return True
        return False

    def hit_at(self, index: int) -> SearchHit | None:
        page = self._pages.get(index // PAGE_SIZE)
        if page is None or index % PAGE_SIZE >= len(page):
            return None
        self._pages.move_to_end(index // PAGE_SIZE)
        return page[index % PAGE_SIZE]

    @property
    def current(self) -> SearchHit | None:
        return self.hit_at(self.cursor) if self.total else None

    def _store(self, number: int, hits: tuple[SearchHit, ...]) -> None:
        self._pages[number] = hits
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _want(self, index: int) -> None:
        offset = index // PAGE_SIZE * PAGE_SIZE
        if offset not in self._wanted:
            self._wanted.add(offset)
            self.post_message(self.PageWanted(self.generation, offset))

    # -- cursor ----------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.total - 1)) if self.total else 0

    def watch_cursor(self, value: int) -> None:
        self.scroll_to_region(Region(0, value * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True)
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        """Tell the screen which article is under the cursor, once per change."""
        if not self.total:
            if self._announced != -1:
                self._announced = -1
                self.post_message(self.Highlighted(None))
            return
        hit = self.hit_at(self.cursor)
        if hit is None:
            self._want(self.cursor)
        elif hit.article_id != self._announced:
            self._announced = hit.article_id
            self.post_message(self.Highlighted(hit.article_id))

    @property
    def page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self.page_rows

    def action_page_up(self) -> None:
        self.cursor -= self.page_rows

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.total - 1

    def action_open(self) -> None:
        hit = self.current
        if hit is not None:
            self.post_message(self.Opened(hit.article_id))

    def action_clear_search(self) -> None:
        self.post_message(self.ClearSearch())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.total:
            return
        index = (offset.y + self.scroll_offset.y) // ROW_HEIGHT
        if index < self.total:
            self.cursor = index
            if event.chain > 1:
                self.action_open()

    # -- rendering -------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.total * ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        base = self.rich_style
        if not self.total:
            text = self._notice_line(y)
        else:
            index, part = divmod(line, ROW_HEIGHT)
            if index >= self.total:
                return Strip.blank(width, base)
            hit = self.hit_at(index)
            if hit is None:
                self._want(index)
                text = Text("  …" if part == 0 else "")
            else:
                text = self._title_line(hit) if part == 0 else self._meta_line(hit)
            if index == self.cursor:
                base = base + self.get_component_rich_style("article-list--cursor")
        text.truncate(width, overflow="ellipsis")
        return Strip(text.render(self.app.console)).adjust_cell_length(width, base).apply_style(base)

    def _notice_line(self, y: int) -> Text:
        lines = self.notice.splitlines()
        style = self.get_component_rich_style("article-list--notice")
        return Text(" " + lines[y - 1], style=style) if 0 < y <= len(lines) else Text("")

    def _title_line(self, hit: SearchHit) -> Text:
        mark_style = self.get_component_rich_style("article-list--mark")
        mark = Text("✓ " if hit.reviewed else "· ", style=mark_style if hit.reviewed else Style(dim=True))
        if hit.title:
            return Text.assemble(" ", mark, Text(hit.title, style=Style(bold=True)))
        return Text.assemble(" ", mark, Text(untitled_label(hit.lead), style=Style(italic=True)))

    def _meta_line(self, hit: SearchHit) -> Text:
        meta = self.get_component_rich_style("article-list--meta")
        tag_style = self.get_component_rich_style("article-list--tag")
        parts = [p for p in (hit.published, hit.outlet) if p]
        text = Text("   ", style=meta)
        if hit.reviewed and hit.reviewed_by and not same_analyst(hit.reviewed_by, self.user):
            # another analyst's mark, first so that a narrow column keeps it (reader show says when)
            text.append(f"✓ {hit.reviewed_by}", style=self.get_component_rich_style("article-list--mark"))
            text.append(" · ")
        text.append(" · ".join(parts or ["(no date)"]))
        holder = self.claims.get(hit.article_id)
        if holder is not None:  # before the tags, so a long tag list never hides it
            text.append("  ")
            text.append(f"open by {holder}", style=self.get_component_rich_style("article-list--claim"))
        for tag in hit.tags:
            text.append("  ")
            text.append(f"#{tag}", style=tag_style)
        return text
