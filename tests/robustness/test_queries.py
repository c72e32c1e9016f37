"""Whatever a user types into ``reader search`` or the app's search bar: results or a clear note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robustkit import run_reader, selected, write_jsonl

from reader.cli import cli
from reader.ingest.pipeline import import_paths
from reader.store.connect import open_db
from tests.conftest import SEEDS

NASTY = [
    "", " ", '"', '""', '"unclosed phrase', "AND", "OR", "NOT", "OR OR AND NOT", "*", "**", "kecur*",
    ":", "actor:", "speaker:", "tag:", "outlet:", "from:", "to:", "reviewed:", "reviewed:maybe",
    "from:2024-13-45", "from:9999-99-99 to:0000-00-00", "-", "--", "- -", "-pemilu", '-"surat suara"',
    "Prabowo-Gibran", "Asy'ari", "Asy’ari", "19/2/2024", "😀 🗳️", "kecurangan😀", "NEAR(a b)", "title:curang",
    "body_stem:curang", "{title}: x", "a^b", "(curang", "curang)", "'; DROP TABLE article; --",
    "\x00", "\u200b", "\ufeff", "\u202e terbalik", "e\u0301", "é" * 50, "x" * 10_000,
    "kecurangan " * 2_000, "Giban " * 200, 'speaker:"" tag:"" outlet:%_', "actor:\"Cak Imin",
    "\\", "\\\\", "%", "_", "[", "]", "{", "}", "$", "\t\n", "\r\n", "\udcff",
]  # fmt: skip
APP_QUERIES = [t for t in NASTY[::2] if len(t) < 5000] + ['"', "actor:", "\x00", "kecurangan " * 200]
TRIED = {"cli": 0, "app": 0}
GENERATED = 40  # hypothesis examples of test_any_words_as_separate_arguments
QUERY_CHARS = st.one_of(st.sampled_from("\"*:-()^'’ ORANDNOTkecurgpmil"), st.characters())


def _build_search(path: Path) -> None:
    db = open_db(path)
    import_paths(db, [SEEDS, write_jsonl(path.parent / "more.jsonl", 30)])
    db.close()


@pytest.fixture
def search_db(templates) -> Path:  # noqa: ANN001  (tests/conftest.py's Templates)
    """The seeds and 30 synthetic articles (a shared template: only read it)."""
    return templates.path("queries", _build_search)


def _cli_search(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "search", *args], catch_exceptions=False)
    TRIED["cli"] += 1
    return result.exit_code, result.stdout, result.stderr


def _assert_answer(code: int, out: str, err: str, as_json: bool) -> None:
    assert "Traceback" not in err
    assert code == 0, err
    if as_json:
        document = json.loads(out)
        assert document["total"] >= len(document["hits"])
    else:
        assert out.splitlines()[0].split()[1] in ("article", "articles")
    for line in err.splitlines():
        assert line.startswith("reader: note: "), err


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_queries_on_the_command_line(search_db: Path, text: str) -> None:
    for as_json in (False, True):
        args = ["--json"] if as_json else []
        code, out, err = _cli_search(search_db, *args, "--", text)
        _assert_answer(code, out, err, as_json)


@settings(max_examples=GENERATED, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.text(alphabet=QUERY_CHARS, max_size=20), max_size=4),
    sort=st.sampled_from(["relevance", "date"]),
    offset=st.integers(0, 50),
)
def test_any_words_as_separate_arguments(search_db: Path, words: list[str], sort: str, offset: int) -> None:
    code, out, err = _cli_search(search_db, "--sort", sort, "--offset", str(offset), "--json", "--", *words)
    _assert_answer(code, out, err, as_json=True)


def test_a_query_that_looks_like_an_option_is_a_usage_message(search_db: Path) -> None:
    """``reader search -hoaks`` without ``--``: click reads it as options; a message, not a crash."""
    result = run_reader(search_db, "search", "-hoaks")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 2)
    if result.returncode == 2:
        assert "Error:" in result.stderr
    real = run_reader(search_db, "search", "--json", "--", "-hoaks", "\u202e", "😀")
    assert real.returncode == 0 and "Traceback" not in real.stderr
    json.loads(real.stdout)


@pytest.mark.slow
async def test_nasty_queries_in_the_app_search_bar(templates, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.config import Settings
    from reader.tui.app import make_app
    from reader.tui.widgets.article_list import ArticleList

    path = templates.copy("queries", _build_search, tmp_path / "reader.db")
    app = make_app(path, Settings())

    async def settle() -> None:
        for _ in range(2):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(120, 36)) as pilot:
        await settle()
        article_list = app.screen.query_one(ArticleList)
        everything = article_list.total
        assert everything == 32
        await pilot.press("slash")
        for text in APP_QUERIES:
            app.screen.search_bar.input.focus()  # Enter submits at once (no debounce timer to wait for)
            app.screen.search_bar.input.value = text
            await pilot.press("enter")
            await settle()
            TRIED["app"] += 1
            assert app.is_running
            assert 0 <= article_list.total <= everything
        app.screen.search_bar.input.focus()
        app.screen.search_bar.input.value = "kecurangan"  # still answering ordinary queries afterwards
        await pilot.press("enter")
        await settle()
        assert 0 < article_list.total < everything
        problems = [n.message for n in app._notifications if n.severity == "error"]
        assert problems == []


def test_counts_are_reported(request: pytest.FixtureRequest) -> None:
    """The tests above tried every query they list (and enough generated ones); it runs last."""
    print(f"queries tried: {TRIED['cli']} on the command line, {TRIED['app']} in the app")
    nasty = selected(request, "test_nasty_queries_on_the_command_line")
    generated = selected(request, "test_any_words_as_separate_arguments")
    app = selected(request, "test_nasty_queries_in_the_app_search_bar")
    assert TRIED["cli"] >= 2 * nasty + GENERATED // 2 * generated  # text and --json for each
    assert TRIED["app"] == len(APP_QUERIES) * app
