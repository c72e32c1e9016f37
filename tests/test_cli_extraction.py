"""``reader quotes`` and ``reader actors`` on the sample articles."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SEEDS


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def imported(db_path: Path) -> str:
    code, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert code == 0
    return str(db_path)


QUOTE_FIELDS = {
    "id", "article_id", "source", "text", "speaker", "role", "cue", "kind", "start", "end",
    "corrected", "corrected_by", "corrected_at", "published", "outlet", "title", "spans",
}  # fmt: skip


def test_quotes_json_has_the_documented_fields(db_path: Path) -> None:
    db = imported(db_path)
    code, out = run("--db", db, "quotes", "--json")
    quotes = json.loads(out)
    assert code == 0 and quotes
    assert all(set(q) == QUOTE_FIELDS for q in quotes)
    assert {q["kind"] for q in quotes} == {"direct", "indirect"}


def test_quotes_by_short_speaker_name_and_typo(db_path: Path) -> None:
    db = imported(db_path)
    _, out = run("--db", db, "quotes", "--speaker", "Daini", "--kind", "direct", "--json")
    assert [q["speaker"] for q in json.loads(out)] == ["Daini Rahmat"] * 3
    _, out = run("--db", db, "quotes", "--speaker", "Anis Baswedan", "--kind", "direct")
    assert out.count("Anies Baswedan") == 3


def test_quotes_of_one_article_by_source(db_path: Path) -> None:
    db = imported(db_path)
    _, out = run("--db", db, "quotes", "--article", "004_eb156427ed740bc9", "--json")
    assert {q["source"] for q in json.loads(out)} == {"004_eb156427ed740bc9"}
    code, _ = run("--db", db, "quotes", "--article", "nope")
    assert code == 2


def test_actors_lists_catalogue_and_discovered(db_path: Path) -> None:
    db = imported(db_path)
    _, out = run("--db", db, "actors", "--json")
    actors = {a["name"]: a for a in json.loads(out)}
    assert actors["Anies Baswedan"]["articles"] == 2 and not actors["Anies Baswedan"]["discovered"]
    assert actors["Daini Rahmat"]["discovered"] and actors["Daini Rahmat"]["quotes"] >= 3
    assert "Sri Wahyuni" not in actors  # the related-article list is cleaned away
    _, text = run("--db", db, "actors")
    assert "Anies Baswedan" in text and "discovered" in text


def test_show_json_includes_quotes_and_actors(db_path: Path) -> None:
    db = imported(db_path)
    _, out = run("--db", db, "show", "000_3fa82f2a195c39de", "--json")
    article = json.loads(out)
    assert any(q["speaker"] == "Anas Isfidi" for q in article["quotes"])
    assert any(a["name"] == "Bawaslu" for a in article["actors"])
