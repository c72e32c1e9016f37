"""Who said what in the app: the statements view (w), the sidebar narrowed to the search,
and speaker identities (I): what the user sees and what the database holds."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query

from reader.tui.screens.speakers_modal import SpeakersModal
from reader.tui.screens.statements import StatementsScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.quote_sidebar import QuoteSidebar


def flat(app) -> str:
    return " ".join(screen_text(app).split())


async def test_w_lists_the_statements_of_the_search(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "said:menghormati")
        await pilot.press("escape")
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, StatementsScreen)
        shown = app.screen.quotes
        assert [q["speaker"] for q in shown] == ["Prabowo Subianto"]  # "hormati", by its stem
        text = flat(app)
        assert "1 statement for “said:menghormati”" in text
        assert "Prabowo Subianto" in text and "Warta Nusantara, 2024-02-15" in text
        assert "Kita hormati proses rekapitulasi" in text
        assert shown[0]["spans"], "the hit inside the quote is marked"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, StatementsScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article["source"] == "hand-2"
        assert view.has_focus and view.quote_span == (shown[0]["start"], shown[0]["end"])


async def test_statements_view_says_when_none_match(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, 'said:"tidak ada yang mengatakan ini"')
        await pilot.press("escape")
        await pilot.press("w")
        await settle(pilot)
        assert "No statements match" in flat(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StatementsScreen)


async def test_the_sidebar_narrows_to_the_searched_speaker_and_a_shows_all(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "speaker:Daini")
        await pilot.press("escape")
        await settle(pilot)
        sidebar = app.screen.query_one(QuoteSidebar)
        assert sidebar.all_quotes and len(sidebar.quotes) < len(sidebar.all_quotes)
        assert {q["speaker"] for q in sidebar.quotes} == {"Daini Rahmat"}
        assert f"Quotes {len(sidebar.quotes)}/{len(sidebar.all_quotes)} match" in flat(app)
        await pilot.press("Q", "a")
        await settle(pilot)
        assert len(sidebar.quotes) == len(sidebar.all_quotes)
        assert "Anas Isfidi" in {q["speaker"] for q in sidebar.quotes}


def speakers_of(path: Path) -> dict[str, list[str]]:
    from reader.store.connect import open_db
    from reader.store.quotes import list_speakers

    db = open_db(path)
    try:
        return {p["name"]: [v["name"] for v in p["variants"]] for p in list_speakers(db)}
    finally:
        db.close()


async def test_speakers_window_finds_a_person_and_merges_and_splits(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, SpeakersModal)
        await pilot.press(*"Dainy")  # a typo finds the person
        await settle(pilot)
        assert [p.name for p in app.screen.shown][:1] == ["Daini Rahmat"]
        await pilot.press("enter")  # to the list
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"Anas Isfidi", "enter")
        await settle(pilot)
        assert speakers_of(corpus)["Daini Rahmat"] == ["Anas Isfidi"]  # stored
        assert "Merged: Anas Isfidi is now part of Daini Rahmat" in " ".join(
            n.message for n in app._notifications
        )
        assert "also: Anas Isfidi" in flat(app)
        await pilot.press("x")  # its one variant is offered
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        stored = speakers_of(corpus)
        assert stored["Daini Rahmat"] == [] and "Anas Isfidi" in stored


async def test_a_large_statement_total_is_shown_as_an_estimate_then_counted(
    corpus: Path, app_factory, monkeypatch
) -> None:
    import threading

    import reader.tui.screens.statements as statements_screen

    monkeypatch.setattr("reader.search.estimate.ESTIMATE_ABOVE", 1)  # a few stand for a million
    monkeypatch.setattr("reader.search.estimate.SAMPLE_WINDOWS", 1)  # one window: all the ids
    counted = threading.Event()
    exact_count = statements_screen.count_statements

    def held_count(db, request):  # noqa: ANN001, ANN202
        counted.wait(10)  # the estimate stays on screen until the test has seen it
        return exact_count(db, request)

    monkeypatch.setattr(statements_screen, "count_statements", held_count)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "said:kami")
        await pilot.press("escape")
        await pilot.press("w")
        for _ in range(200):  # not settle(): it waits for the held count
            await pilot.pause(0.02)
            if isinstance(app.screen, StatementsScreen) and app.screen.found is not None:
                break
        await pilot.pause()
        assert isinstance(app.screen, StatementsScreen)
        shown = len(app.screen.quotes)
        assert shown > 1 and f"≈ {shown} statements for “said:kami”" in flat(app)
        counted.set()
        await settle(pilot)
        assert f"{shown} statements for “said:kami”" in flat(app) and "≈" not in flat(app)
