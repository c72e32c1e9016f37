"""The view keys: sort (O), outlet (p), dates (d), clear filters (F), saving with the filter (S);
the article's source: open it (b) and copy the text, a quote or the URL (y)."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query

from reader.store.connect import open_db
from reader.tui.screens.copy_modal import CopyModal
from reader.tui.screens.dialogs import PromptModal
from reader.tui.screens.filter_modal import FilterModal
from reader.tui.screens.pickers import DatesModal, OutletModal
from reader.tui.widgets.article_list import ArticleList

URL = "https://example.org/pemilu/bawaslu-temukan"


def notified(app, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


def listed(app) -> list[tuple[str | None, str | None]]:
    article_list = app.screen.query_one(ArticleList)
    return [(h.published, h.outlet) for h in (article_list.hit_at(i) for i in range(article_list.total))]


async def test_o_cycles_the_sort_and_the_status_line_names_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape")
        assert "by relevance" in screen_text(app)
        await pilot.press("O")
        await settle(pilot)
        dates = [d for d, _ in listed(app)]
        assert "newest first" in screen_text(app) and dates == sorted(dates, reverse=True)
        await pilot.press("O")
        await settle(pilot)
        dates = [d for d, _ in listed(app)]
        assert "oldest first" in screen_text(app) and dates == sorted(dates)
        await pilot.press("O")
        await settle(pilot)
        assert "by relevance" in screen_text(app)


async def test_p_picks_an_outlet_from_the_list_with_counts(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, OutletModal)
        text = screen_text(app)
        assert "Every outlet" in text and "Kabar Pemilu  2" in text and "Warta Nusantara  2" in text
        await pilot.press(*"warta", "enter")
        await settle(pilot)
        assert {o for _, o in listed(app)} == {"Warta Nusantara"} and len(listed(app)) == 2
        assert "filter: outlet: Warta Nusantara" in screen_text(app)
        await type_query(pilot, "kecurangan")  # the outlet narrows every new query too
        assert {o for _, o in listed(app)} == {"Warta Nusantara"}
        await pilot.press("escape", "p", "enter")  # Every outlet
        await settle(pilot)
        assert "outlet:" not in screen_text(app)


async def test_d_takes_a_date_range_and_refuses_bad_dates(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DatesModal)
        await pilot.press(*"2024-13-01", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DatesModal)
        assert "“2024-13-01” is not a date" in screen_text(app)
        for _ in range(10):
            await pilot.press("backspace")
        await pilot.press(*"2024-02-25", "tab", *"2024-02-16", "enter")
        await settle(pilot)
        assert "“From” is after “To”" in screen_text(app)
        await pilot.press("shift+tab", *["backspace"] * 10, *"2024-02-16", "tab", *["backspace"] * 10)
        await pilot.press(*"2024-02-22", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, DatesModal)
        dates = {d for d, _ in listed(app)}
        assert {"2024-02-20", "2024-02-22"} <= dates and all("2024-02-16" <= d <= "2024-02-22" for d in dates)
        assert "filter: 2024-02-16 to 2024-02-22" in screen_text(app)
        await pilot.press("F")  # clears filter, outlet and dates
        await settle(pilot)
        assert len(listed(app)) == 6 and "filter:" not in screen_text(app)


async def test_the_filter_is_on_the_search_field_and_saving_keeps_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterModal)
        await pilot.press(*"unrev", "enter")
        await settle(pilot)
        await pilot.press("p", *"kabar", "enter")
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        assert "only unreviewed, outlet: Kabar Pemilu · F clears" in screen_text(app)
        await pilot.press("escape", "S")
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        await pilot.press(*"kabar", "enter")
        await settle(pilot)
        db = open_db(app.db_path)
        try:
            saved = db.execute("SELECT query FROM saved_search").fetchone()[0]
        finally:
            db.close()
        assert saved == 'kecurangan reviewed:no outlet:"Kabar Pemilu"'
        await pilot.press("F")
        await settle(pilot)
        assert "F clears" not in screen_text(app)


async def test_b_opens_the_source_and_y_copies_text_quote_and_url(corpus: Path, app_factory) -> None:
    db = open_db(corpus)
    db.execute("UPDATE article SET url = ? WHERE source = 'hand-1'", [URL])
    db.conn.commit()
    db.close()
    app = app_factory(corpus)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.open_url = lambda url, new_tab=True: opened.append(url)
        await settle(pilot)
        await type_query(pilot, '"surat suara yang sudah tercoblos"')
        await pilot.press("escape")
        await settle(pilot)
        assert URL in screen_text(app)  # shown in the text pane
        await pilot.press("b")
        assert opened == [URL]

        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CopyModal)
        await pilot.press("u")
        await settle(pilot)
        assert app.clipboard == URL and notified(app, f"Copied the URL: {URL}")

        await pilot.press("y", "t")
        await settle(pilot)
        assert app.clipboard.startswith("Bawaslu Temukan Dugaan Kecurangan")
        assert "Sentra Gakkumdu" in app.clipboard and notified(app, "Copied the text of")

        await pilot.press("y", "c")  # no quote highlighted yet
        await settle(pilot)
        assert notified(app, "No quote is highlighted")
        await pilot.press("Q", "y", "c")
        await settle(pilot)
        assert app.clipboard.startswith("“Kami menemukan surat suara")
        assert notified(app, "Copied the quote: “Kami menemukan")


async def test_b_says_so_when_there_is_no_url(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert notified(app, "This article has no source URL.")
