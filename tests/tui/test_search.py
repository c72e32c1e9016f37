"""Searching as you type: results, expansions, newest query wins, Esc, n/N and the friendly states."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query

from reader.search import SearchResult
from reader.tui import messages as msg
from reader.tui.widgets import search_bar
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView


async def test_slash_and_typing_filters_the_list_and_shows_expansions(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await type_query(pilot, "kecurangn")  # a typo
        assert app.focused.id == "query"
        assert 0 < article_list.total < 6
        titles = [article_list.hit_at(i).title or "" for i in range(article_list.total)]
        assert any("Kecurangan" in t for t in titles)
        text = screen_text(app)
        assert "kecurangn → kecurangan" in text
        assert f"{article_list.total} articles match" in text or "1 article match" in text


async def test_fast_typing_shows_only_the_last_query(corpus: Path, app_factory, monkeypatch) -> None:
    monkeypatch.setattr(search_bar, "DEBOUNCE_SECONDS", 1.0)  # long, so a slow CI still types a burst
    seen: list[object] = []
    app = app_factory(corpus)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"formulir")
        await pilot.pause(1.2)
        await settle(pilot)
        changes = {id(m): m.query for m in seen if isinstance(m, search_bar.SearchBar.Changed)}
        # the first key searches at once, the rest of the burst once typing pauses
        sent = list(changes.values())
        assert sent == ["f", "formulir"]
        shown = {id(m): m.result.request.query for m in seen if isinstance(m, msg.SearchFinished)}
        assert list(shown.values())[-1] == "formulir" and len(shown) <= 3
        article_list = app.screen.query_one(ArticleList)
        assert article_list.total == 1 and "Sirekap" in article_list.current.title
        assert app.screen.request.query == "formulir"


async def test_a_stale_result_is_dropped(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "formulir")
        stale = SearchResult(screen.request, (), total=0, reviewed_total=0, expansions=())
        screen.post_message(msg.SearchFinished(screen.generation - 1, stale))
        await settle(pilot)
        assert screen.query_one(ArticleList).total == 1


async def test_escape_leaves_the_search_then_clears_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await type_query(pilot, "formulir")
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is article_list and article_list.total == 1  # results stay
        await pilot.press("j")  # keys act on the list again, not the field
        assert app.screen.search_bar.value == "formulir"
        await pilot.press("escape")  # in the list: drop the search
        await settle(pilot)
        assert app.screen.search_bar.value == "" and article_list.total == 6


async def test_n_and_N_move_between_hits(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape")
        article_list = app.screen.query_one(ArticleList)
        while len(view.hits) < 3:  # the seed article with several hits
            await pilot.press("j")
            await settle(pilot)
        assert article_list.current.article_id == view.article["id"]
        await pilot.press("n")
        assert view.hit_index == 0
        await pilot.press("n", "n")
        assert view.hit_index == 2
        start, end = view.hits[2]
        assert view.article["body"][start:end].casefold().startswith("kecurangan")
        assert view.line_of(start) in range(view.scroll_offset.y, view.scroll_offset.y + view.size.height)
        await pilot.press("N")
        assert view.hit_index == 1
        await pilot.press("N", "N")
        assert view.hit_index == len(view.hits) - 1  # wraps round


async def test_no_results_state(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "zzzqqqxx")
        text = screen_text(app)
        assert "No articles match “zzzqqqxx”" in text
        assert "0 articles match · 0 of 0 reviewed" in text
        assert "No article selected." in text


async def test_query_problem_is_shown_next_to_results(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "from:kemarin")
        text = screen_text(app)
        assert "⚠ from: expects a date as YYYY-MM-DD" in text
        assert app.screen.query_one(ArticleList).total == 6  # the rest of the query still runs


async def test_query_error_state(corpus: Path, app_factory, monkeypatch) -> None:
    import reader.tui.data as data

    def failing(db, request):
        return SearchResult(request, (), 0, 0, (), error="the search took too long; add words or filters")

    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(data, "search", failing)
        await type_query(pilot, "pemilu")
        text = screen_text(app)
        assert "This search could not run:" in text and "⚠ the search took too long" in text
        assert app.is_running


async def test_empty_database_state(tmp_path: Path, app_factory) -> None:
    app = app_factory(tmp_path / "empty.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No articles yet." in text and "reader import PATH" in text
        assert "0 articles · 0 of 0 reviewed" in text
        await pilot.press("r")  # nothing to review: a hint, no crash
        await settle(pilot)
        assert app.is_running


async def test_unreadable_database_state(tmp_path: Path, app_factory) -> None:
    path = tmp_path / "not-a-db.db"
    path.write_bytes(b"this is not sqlite" * 100)
    app = app_factory(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "The database could not be read:" in screen_text(app)
        assert app.is_running


async def test_a_slow_search_never_blocks_typing_and_never_wins(
    corpus: Path, app_factory, monkeypatch
) -> None:
    import threading

    import reader.tui.data as data

    gate = threading.Event()
    real = data.search

    def slow_for_audit(db, request):
        if request.query == "audit":
            gate.wait(10)
        return real(db, request)

    monkeypatch.setattr(data, "search", slow_for_audit)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"audit")
        await pilot.pause(0.1)  # "audit" is now stuck in its worker
        await pilot.press(*["backspace"] * 5, *"hasyim")
        for _ in range(20):
            await pilot.pause(0.05)
            if article_list.total == 1:
                break
        assert "Hasyim" in app.screen.query_one(ArticleView).article["body"]
        gate.set()  # the old search finishes last...
        await settle(pilot)
        assert app.screen.request.query == "hasyim"  # ...and is ignored
        assert article_list.total == 1 and "KPU" in article_list.current.title


async def test_the_expansion_line_says_which_speaker_a_name_was_taken_for(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "speaker:Bagya")  # a typo of the speaker's name
        article_list = app.screen.query_one(ArticleList)
        assert article_list.total == 1 and "Bawaslu" in article_list.current.title
        assert "Bagya → speaker Rahmat Bagja" in screen_text(app)


async def test_the_list_stays_in_place_as_the_explanation_line_comes_and_goes(
    corpus: Path, app_factory
) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        top = article_list.region.y
        await type_query(pilot, "kecurangn")  # "also matching: kecurangn → kecurangan"
        assert "kecurangn → kecurangan" in screen_text(app)
        assert article_list.region.y == top
        await pilot.press("escape", "escape")  # out of the field, then the query cleared
        await settle(pilot)
        assert "also matching" not in screen_text(app)
        assert article_list.region.y == top


def test_the_text_pane_cuts_its_lines_as_slices_would() -> None:
    from rich.text import Text

    from reader.tui.widgets.article_view import _pieces, wrap_spans

    body = ("Ketua KPU berkata, \"Tidak ada kecurangan.\"\n\n" + "kata demi kata " * 40
            + "\nsuperpanjangsekalikatayangtidakmuatdalamsatubaris")  # fmt: skip
    text = Text(body)
    for number, (start, end) in enumerate([(0, 9), (20, 60), (70, 400), (400, 401)]):
        text.stylize("bold" if number % 2 else "red", start, end)
    for width in (8, 21, 37, 80):
        spans = wrap_spans(body, width)
        expected = [text[start:end] for start, end in spans]
        got = _pieces(text, spans)
        assert [(line.plain, line.spans) for line in got] == [(line.plain, line.spans) for line in expected]
    assert _pieces(text, []) == []
