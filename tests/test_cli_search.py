"""``reader search``: the text listing and the --json document."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli


def run(db: Path | str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "search", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_output_lists_hits_with_expansions(search_location: str) -> None:
    code, out, _ = run(search_location, "kecurangn")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("5 articles (0 reviewed)") and "sorted by relevance" in first
    assert "Matched: kecurangn → kecurangan" in out
    assert "Bawaslu temukan dugaan pelanggaran di TPS" in out
    assert "kecurangan" in out and "id " in out


def test_words_may_be_given_as_separate_arguments(search_location: str) -> None:
    _, joined, _ = run(search_location, "harga jagung")
    _, separate, _ = run(search_location, "harga", "jagung")
    assert joined == separate and joined.startswith("1 article ")


def test_json_document(search_location: str) -> None:
    code, out, _ = run(search_location, "--json", "--limit", "2", "Giban")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {
        "query", "sort", "limit", "offset", "total", "reviewed_total", "reviewed_by_you", "estimated",
        "expansions", "error", "hits",
    }  # fmt: skip
    assert document["estimated"] is False
    assert document["query"] == "Giban" and document["limit"] == 2
    assert document["total"] >= 3 and len(document["hits"]) == 2
    assert {
        "kind": "actor",
        "term": "Giban",
        "target": "Gibran Rakabuming Raka",
        "text": "Giban → actor Gibran Rakabuming Raka",
    } in document["expansions"]
    hit = document["hits"][0]
    assert set(hit) == {
        "id", "source", "title", "outlet", "published", "reviewed", "reviewed_by", "tags", "score", "lead",
        "snippet", "snippet_spans", "hit_offsets",
    }  # fmt: skip
    assert hit["hit_offsets"] and all(len(span) == 2 for span in hit["hit_offsets"])
    assert all(hit["snippet"][s:e] for s, e in hit["snippet_spans"])


def test_json_hit_offsets_cover_stem_hits(search_location: str) -> None:
    _, out, _ = run(search_location, "--json", "curang outlet:detik")
    document = json.loads(out)
    assert [h["source"] for h in document["hits"]] == ["dicurangi"]
    assert len(document["hits"][0]["hit_offsets"]) == 2  # dicurangi, mencurangi


def test_sort_by_date_and_paging(search_location: str) -> None:
    _, out, _ = run(search_location, "--json", "--sort", "date", "--limit", "3", "--offset", "1")
    document = json.loads(out)
    dates = [h["published"] for h in document["hits"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    assert document["offset"] == 1 and document["sort"] == "date"


def test_sort_oldest_and_newest(search_location: str) -> None:
    _, out, _ = run(search_location, "--json", "--sort", "oldest", "--limit", "3")
    document = json.loads(out)
    dates = [h["published"] for h in document["hits"]]
    assert dates == sorted(dates) and len(dates) == 3 and document["sort"] == "oldest"
    _, out, _ = run(search_location, "--json", "--sort", "newest", "--limit", "3")
    newest = [h["published"] for h in json.loads(out)["hits"]]
    assert newest == sorted(newest, reverse=True) and newest[0] > dates[-1]


def test_query_problems_go_to_stderr(search_location: str) -> None:
    code, out, err = run(search_location, "curang", "from:kemarin")
    assert code == 0
    assert "note: from: expects a date" in err
    assert out.startswith("5 articles")


def test_no_match(search_location: str) -> None:
    code, out, _ = run(search_location, '"tidak ada frasa seperti ini"')
    assert code == 0 and out.startswith("0 articles")


def test_help_documents_the_query_language() -> None:
    result = CliRunner().invoke(cli, ["search", "--help"])
    assert result.exit_code == 0
    for piece in (
        '"politik uang"',
        "OR",
        "-hoaks",
        "kecur*",
        "actor:NAME",
        "reviewed:yes|no",
        "from:YYYY-MM-DD",
    ):
        assert piece in result.output


def test_a_dash_word_excludes_instead_of_being_an_option(store_location: str) -> None:
    from click.testing import CliRunner

    from reader.cli import cli
    from tests.conftest import SEEDS

    db = store_location
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "import", str(SEEDS)], catch_exceptions=False)
    everything = runner.invoke(cli, ["--db", db, "search", "kecurangan", "--json"])
    without = runner.invoke(cli, ["--db", db, "search", "kecurangan", "-Kaltim", "-hoaks", "--json"])
    assert everything.exit_code == 0 and without.exit_code == 0, without.output
    import json

    assert json.loads(everything.stdout)["total"] == 2
    assert json.loads(without.stdout)["total"] == 1


def test_an_untitled_article_is_listed_by_its_opening_words(store_location: str) -> None:
    import json

    from click.testing import CliRunner

    from reader.cli import cli
    from tests.conftest import SEEDS

    db = store_location
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "import", str(SEEDS)], catch_exceptions=False)
    text = runner.invoke(cli, ["--db", db, "search", "Giban"]).stdout
    assert "(untitled) Pemilihan presiden (pilpres) 2024 sudah terlaksana" in text
    hits = json.loads(runner.invoke(cli, ["--db", db, "search", "kecurangan", "--json"]).stdout)["hits"]
    leads = {hit["source"]: hit["lead"] for hit in hits}
    assert leads["004_eb156427ed740bc9"].startswith("Pemilihan presiden (pilpres) 2024")
    assert leads["000_3fa82f2a195c39de"] == ""  # titled articles carry no lead


def test_json_plans_the_query_once_for_all_hit_offsets(search_db_file: Path, monkeypatch) -> None:  # noqa: ANN001
    from reader.search import hit_offsets
    from reader.search.plan import Planner
    from reader.store.connect import open_db

    built = []
    build = Planner.build
    monkeypatch.setattr(Planner, "build", lambda self, parsed: built.append(1) or build(self, parsed))
    code, out, _ = run(search_db_file, "--json", "kecurangn")
    document = json.loads(out)
    assert code == 0 and len(document["hits"]) == 5
    assert len(built) == 2  # the search, then the offsets of every hit (not one plan per hit)
    db = open_db(search_db_file)
    for hit in document["hits"]:  # the same offsets as asked for one article at a time
        assert hit["hit_offsets"] == [list(span) for span in hit_offsets(db, hit["id"], "kecurangn")]
    db.close()
