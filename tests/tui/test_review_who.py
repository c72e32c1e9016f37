"""r on an article another analyst reviewed asks before taking their mark away; the text pane
says who reviewed it and when."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle

from reader.config import Settings
from reader.store.connect import open_db
from reader.store.review import set_reviewed
from reader.tui.app import make_app
from reader.tui.screens.dialogs import ConfirmModal
from reader.tui.widgets.article_list import ArticleList


async def test_r_asks_before_taking_away_another_analysts_mark(corpus: Path) -> None:
    app = make_app(corpus, Settings(), user="rina")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = app.screen.query_one(ArticleList).current.article_id
        db = open_db(corpus)
        set_reviewed(db, current, True, user="dewi")  # meanwhile, on another analyst's screen
        db.close()
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "reviewed by dewi" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert fresh_state(corpus, current)["reviewed_by"] == "dewi"  # kept

        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert fresh_state(corpus, current)["reviewed"] is False

        await pilot.press("r")  # an unreviewed article: marked at once, as rina's
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        state = fresh_state(corpus, current)
        assert state["reviewed"] is True and state["reviewed_by"] == "rina"
        assert app.screen.article_view.article["reviewed_by"] == "rina"
        assert "✓ reviewed by" in screen_text(app)  # "rina, 14:02" wraps in the test's narrow pane

        await pilot.press("r")  # rina's own mark: no question
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        assert fresh_state(corpus, current)["reviewed"] is False
