"""The quote sidebar by keyboard, and correcting a quote from it: what is shown, what is stored."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query

from reader.tui.screens.correct_modal import CorrectModal
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.quote_sidebar import QuoteSidebar


def stored_quotes(path: Path, source: str) -> list[dict[str, object]]:
    from reader.store.articles import get_article
    from reader.store.connect import open_db

    db = open_db(path)
    try:
        article_id = db.execute("SELECT id FROM article WHERE source = ?", [source]).fetchone()[0]
        article = get_article(db, article_id)
        assert article is not None
        return list(article["quotes"])
    finally:
        db.close()


async def open_sirekap_quotes(pilot) -> QuoteSidebar:
    await type_query(pilot, "Sirekap diaudit")
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("Q")
    await settle(pilot)
    sidebar = pilot.app.screen.query_one(QuoteSidebar)
    assert sidebar.has_focus
    return sidebar


async def test_the_sidebar_has_a_key_moves_with_j_k_and_esc_goes_back(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Q")
        await settle(pilot)
        sidebar = app.screen.query_one(QuoteSidebar)
        assert sidebar.has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).has_focus
        # an article with several quotes: j and k move between them
        await type_query(pilot, "Anas")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("Q")
        await settle(pilot)
        assert len(sidebar.quotes) >= 2
        first = sidebar.highlighted
        await pilot.press("j")
        assert sidebar.highlighted is not None and sidebar.highlighted > (first or 0)
        await pilot.press("k")
        assert sidebar.highlighted == first


async def test_c_corrects_the_speaker_and_the_database_keeps_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sidebar = await open_sirekap_quotes(pilot)
        assert sidebar.quotes[0]["speaker"] == "Anies Baswedan"
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CorrectModal)
        await pilot.press("tab")  # from the speaker field to the role
        await pilot.press(*"Capres nomor urut 1")
        await pilot.press("enter")
        await settle(pilot)
        stored = stored_quotes(corpus, "hand-3")
        assert stored[0]["role"] == "Capres nomor urut 1" and stored[0]["corrected"] is True
        assert stored[0]["speaker"] == "Anies Baswedan"
        assert sidebar.quotes[0]["role"] == "Capres nomor urut 1"  # read back from the database
        text = " ".join(screen_text(app).split())
        assert "Capres nomor" in text and "(corrected" in text


async def test_not_a_quote_removes_it_from_the_sidebar_and_the_database(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sidebar = await open_sirekap_quotes(pilot)
        before = len(sidebar.quotes)
        removed = sidebar.quotes[0]["text"]
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert all(q["text"] != removed for q in stored_quotes(corpus, "hand-3"))
        assert len(sidebar.quotes) == before - 1
        assert "Removed: not a quote" in " ".join(n.message for n in app._notifications)


async def test_esc_in_the_correction_dialog_changes_nothing(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_sirekap_quotes(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"Someone Else")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CorrectModal)
        assert stored_quotes(corpus, "hand-3")[0]["corrected"] is False
