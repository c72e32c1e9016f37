"""r on an article another analyst reviewed asks before taking their mark away; the text pane
says who reviewed it and when."""

from __future__ import annotations

from conftest import SIZE, fresh_state, screen_text, settle

from reader.config import Settings
from reader.store.connect import open_db
from reader.store.review import set_reviewed
from reader.tui.app import make_app
from reader.tui.screens.dialogs import ConfirmModal
from reader.tui.widgets.article_list import ArticleList


async def test_r_asks_before_taking_away_another_analysts_mark(team_corpus: str) -> None:
    app = make_app(team_corpus, Settings(), user="rina")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = app.screen.query_one(ArticleList).current.article_id
        db = open_db(team_corpus)
        set_reviewed(db, current, True, user="dewi")  # meanwhile, on another analyst's screen
        db.close()
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "reviewed by dewi" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert fresh_state(team_corpus, current)["reviewed_by"] == "dewi"  # kept

        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert fresh_state(team_corpus, current)["reviewed"] is False

        await pilot.press("r")  # an unreviewed article: marked at once, as rina's
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        state = fresh_state(team_corpus, current)
        assert state["reviewed"] is True and state["reviewed_by"] == "rina"
        assert app.screen.article_view.article["reviewed_by"] == "rina"
        assert "✓ reviewed by" in screen_text(app)  # "rina, 14:02" wraps in the test's narrow pane

        await pilot.press("r")  # rina's own mark: no question
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        assert fresh_state(team_corpus, current)["reviewed"] is False


async def test_the_list_names_another_analysts_mark_and_the_status_counts_yours(team_corpus: str) -> None:
    db = open_db(team_corpus)
    set_reviewed(db, 2, True, user="dewi")
    db.close()
    app = make_app(team_corpus, Settings(), user="rina")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "6 articles · 1 of 6 reviewed (0 by you)" in text
        assert text.count("✓ dewi") == 1  # dewi's row; the other rows carry no name
        await pilot.press("r")  # rina's own mark: the row keeps no name
        await settle(pilot)
        text = screen_text(app)
        assert "6 articles · 2 of 6 reviewed (1 by you)" in text
        assert "✓ rina" not in text and text.count("✓ dewi") == 1
        app.screen.search_bar.input.value = "reviewer:DEWI"  # as typed in the search field
        await pilot.pause(0.05)
        await settle(pilot)
        assert "1 article match · 1 of 1 reviewed (0 by you)" in screen_text(app)
        app.screen.search_bar.input.value = "reviewed:me"
        await pilot.pause(0.05)
        await settle(pilot)
        assert "1 article match · 1 of 1 reviewed (1 by you)" in screen_text(app)
        assert app.screen.query_one(ArticleList).current.reviewed_by == "rina"
