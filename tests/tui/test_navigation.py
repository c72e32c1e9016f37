"""Moving around: the list, the text, the quote sidebar, help, quit, the mouse, paging."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.models import Extraction, RawArticle
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView, wrap_spans
from reader.tui.widgets.quote_sidebar import QuoteSidebar


def parts(app):
    screen = app.screen
    return screen.query_one(ArticleList), screen.query_one(ArticleView), screen.query_one(QuoteSidebar)


async def test_start_shows_list_text_and_status(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, _ = parts(app)
        assert app.focused is article_list
        assert article_list.total == 6
        assert view.article is not None and view.article["id"] == article_list.current.article_id
        text = screen_text(app)
        assert "6 articles · 0 of 6 reviewed" in text
        assert article_list.current.title in text.replace("\n", " ") or "…" in text
        for key in ("/ Search", "r Reviewed", "t Tags", "f Filter", "? Help", "q Quit"):
            assert key in text


async def test_j_k_and_arrows_move_and_text_and_quotes_follow(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, quotes = parts(app)
        seen = [article_list.current.article_id]
        for key in ("j", "down", "j"):
            await pilot.press(key)
            await settle(pilot)
            seen.append(article_list.current.article_id)
            assert view.article["id"] == seen[-1]
            assert len(quotes.quotes) == len(view.article["quotes"])
        assert article_list.cursor == 3 and len(set(seen)) == 4
        await pilot.press("k", "up")
        await settle(pilot)
        assert article_list.cursor == 1 and view.article["id"] == seen[1]
        await pilot.press("G")
        await settle(pilot)
        assert article_list.cursor == 5
        await pilot.press("g")
        await settle(pilot)
        assert article_list.cursor == 0


async def test_enter_focuses_text_and_escape_returns(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, _ = parts(app)
        await pilot.press("enter")
        assert app.focused is view
        await pilot.press("j")  # scrolls the text, does not move the list
        await settle(pilot)
        assert article_list.cursor == 0
        await pilot.press("escape")
        assert app.focused is article_list


async def test_s_toggles_the_quote_sidebar(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, _, quotes = parts(app)
        assert quotes.display
        await pilot.press("s")
        await pilot.pause()
        assert not quotes.display and "╭─ Quotes" not in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert quotes.display and "╭─ Quotes" in screen_text(app)


async def test_choosing_a_quote_scrolls_and_highlights_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, quotes = parts(app)
        while len(quotes.quotes) < 3:  # a seed article with several quotes
            await pilot.press("j")
            await settle(pilot)
        last = quotes.quotes[-1]
        quotes.focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        assert view.quote_span == (last["start"], last["end"])
        assert view.scroll_offset.y > 0
        first_words = " ".join(view.article["body"][last["start"] : last["end"]].split()[:2])
        assert first_words in " ".join(view.visible_text.split())


async def test_help_screen_lists_every_key_and_closes(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in (
            "Mark or unmark the article as reviewed",
            "Jump to the next unreviewed",
            "toggle-quotes",
        ):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_mouse_click_selects_and_double_click_opens(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, _ = parts(app)
        await pilot.click(ArticleList, offset=(5, 5))  # border row + two rows per article → third article
        await settle(pilot)
        assert article_list.cursor == 2 and view.article["id"] == article_list.current.article_id
        await pilot.double_click(ArticleList, offset=(5, 5))
        await settle(pilot)
        assert app.focused is view


def test_wrap_keeps_every_character_offset() -> None:
    body = "Satu dua tiga empat lima enam tujuh.\nDelapan sembilan sepuluh\n\nsebelas"
    lines = wrap_spans(body, 12)
    assert all(len(body[s:e].rstrip()) <= 12 for s, e in lines)
    text = "".join(body[s:e] for s, e in lines if e > s)
    assert text.replace(" ", "") == body.replace("\n", "").replace(" ", "")


async def test_list_pages_from_the_database(tmp_path: Path, app_factory) -> None:
    """450 articles: only the first page is loaded at start; scrolling to the end loads the last."""
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    path = tmp_path / "many.db"
    db = open_db(path)
    records = [
        RawArticle(
            source=f"s{n}",
            title=f"Artikel nomor {n}",
            published=f"2023-{1 + n % 12:02}-01",
            outlet="Uji",
            text=f"Isi berita nomor {n} tentang pemilu dan rekapitulasi suara.",
        )
        for n in range(450)
    ]
    import_records(db, records, extractor=lambda body, title: Extraction())
    db.close()
    app = app_factory(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list, view, _ = parts(app)
        assert article_list.total == 450
        assert sorted(article_list._pages) == [0]
        await pilot.press("end")
        await settle(pilot)
        assert article_list.cursor == 449
        assert article_list.current is not None and view.article["id"] == article_list.current.article_id
        assert 4 in article_list._pages and len(article_list._pages) <= 3
        assert "…" not in screen_text(app).split("╮", 1)[1].split("│")[1]
