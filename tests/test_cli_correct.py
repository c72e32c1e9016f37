"""``reader correct`` and ``reader corrections``, and quote ids in every JSON output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SEEDS


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dbfile(db_path: Path) -> str:
    code, _, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert code == 0
    return str(db_path)


# `reader quotes` adds the article's facts and the hit spans to the quote shape of `show`.
LISTING_ONLY = ("published", "outlet", "title", "spans")


def core(quote: dict) -> dict:
    return {k: v for k, v in quote.items() if k not in LISTING_ONLY}


def quotes(db: str, *args: str) -> list[dict]:
    code, out, _ = run("--db", db, "quotes", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_correcting_a_speaker_prints_the_quote_and_records_who(dbfile: str) -> None:
    quote = quotes(dbfile, "--speaker", "Anas Isfidi")[0]
    code, out, _ = run(
        "--db", dbfile, "--user", "Sari Dewi", "correct", str(quote["id"]),
        "--speaker", "Budi Santoso", "--role", "Ketua Kompak Kaltim",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].startswith(f"quote {quote['id']} · article {quote['article_id']}")
    assert "corrected by Sari Dewi" in out
    assert "Budi Santoso (Ketua Kompak Kaltim): [reported] aksi damai" in out
    listed = next(q for q in quotes(dbfile) if q["id"] == quote["id"])
    assert listed["speaker"] == "Budi Santoso" and listed["role"] == "Ketua Kompak Kaltim"
    assert listed["corrected"] is True and listed["corrected_by"] == "Sari Dewi" and listed["corrected_at"]
    assert [q["id"] for q in quotes(dbfile, "--speaker", "Budi Santoso")] == [quote["id"]]
    marked = "Budi Santoso (Ketua Kompak Kaltim) [corrected by Sari Dewi]: [reported] aksi damai"
    assert marked in run("--db", dbfile, "quotes", "--speaker", "Budi Santoso")[1]
    assert marked in run("--db", dbfile, "show", str(quote["article_id"]))[1]


def test_the_user_comes_from_the_environment_without_the_option(dbfile: str) -> None:
    quote_id = str(quotes(dbfile)[0]["id"])
    code, out, _ = run("--db", dbfile, "correct", quote_id, "--role", "Ketua", "--json",
                       env={"READER_USER": "budi"})  # fmt: skip
    assert code == 0 and json.loads(out)["corrected_by"] == "budi"


def test_not_a_quote_disappears_from_quotes_show_and_export_until_reset(dbfile: str) -> None:
    quote = quotes(dbfile, "--speaker", "Anies Baswedan")[0]
    ref = str(quote["id"])
    code, out, _ = run("--db", dbfile, "correct", ref, "--not-a-quote")
    assert code == 0 and out.startswith(f"quote {ref} is not listed any more: marked not a quote by ")
    assert f"reader correct {ref} --reset" in out
    assert quote["id"] not in [q["id"] for q in quotes(dbfile)]
    _, shown, _ = run("--db", dbfile, "show", str(quote["article_id"]), "--json")
    assert quote["text"] not in [q["text"] for q in json.loads(shown)["quotes"]]
    _, exported, _ = run("--db", dbfile, "export", "--quotes", "--format", "jsonl")
    assert quote["id"] not in [json.loads(line)["id"] for line in exported.splitlines()]
    _, listing, _ = run("--db", dbfile, "corrections", "--json")
    assert [(c["quote_id"], c["not_a_quote"], c["attached"]) for c in json.loads(listing)] == [
        (quote["id"], True, True)
    ]
    code, out, _ = run("--db", dbfile, "correct", ref, "--reset", "--json")
    assert code == 0 and json.loads(out) == {**core(quote), "not_a_quote": False}
    assert quote in quotes(dbfile)
    assert run("--db", dbfile, "corrections")[1].strip() == "no corrections"


def test_bad_input_is_one_line_and_exit_2(dbfile: str) -> None:
    quote_id = str(quotes(dbfile)[0]["id"])
    cases = {
        ("correct", "999999", "--speaker", "X"): "no quote with id 999999",
        ("correct", "abc", "--speaker", "X"): "'abc' is not a quote id",
        ("correct", quote_id): "say what to correct",
        ("correct", quote_id, "--reset"): f"quote {quote_id} has no correction to undo",
        ("correct", quote_id, "--reset", "--speaker", "X"): "--reset undoes a correction",
        ("correct", quote_id, "--not-a-quote", "--role", "X"): "no speaker or role to correct",
    }
    for args, message in cases.items():
        code, out, err = run("--db", dbfile, *args)
        assert code == 2 and out == "", args
        assert err.startswith("reader: error: ") and message in err and err.count("\n") == 1, err
    assert json.loads(run("--db", dbfile, "corrections", "--json")[1]) == []


def test_every_json_output_carries_the_same_quote_ids(dbfile: str) -> None:
    listed = quotes(dbfile)
    ids = [q["id"] for q in listed]
    assert len(set(ids)) == len(ids) and all(isinstance(i, int) for i in ids)
    shown = []
    for article_id in sorted({q["article_id"] for q in listed}):
        _, out, _ = run("--db", dbfile, "show", str(article_id), "--json")
        shown += json.loads(out)["quotes"]
    assert sorted(shown, key=lambda q: q["id"]) == sorted(map(core, listed), key=lambda q: q["id"])
    _, out, _ = run("--db", dbfile, "export", "--format", "jsonl")
    exported = [q for line in out.splitlines() for q in json.loads(line)["quotes"]]
    assert sorted(q["id"] for q in exported) == sorted(ids)
    assert all(q["corrected"] is False and q["corrected_by"] is None for q in exported)
    _, out, _ = run("--db", dbfile, "export", "--quotes", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    by_id = {int(r["id"]): r for r in rows}
    assert sorted(by_id) == sorted(ids)
    assert all(by_id[q["id"]]["text"] == q["text"] for q in listed)


def test_export_flags_a_correction(dbfile: str) -> None:
    quote_id = quotes(dbfile)[0]["id"]
    run("--db", dbfile, "--user", "ana", "correct", str(quote_id), "--speaker", "Budi Santoso")
    _, out, _ = run("--db", dbfile, "export", "--quotes", "--format", "csv")
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(out, newline=""))}
    assert (rows[quote_id]["corrected"], rows[quote_id]["corrected_by"]) == ("yes", "ana")
    assert {r["corrected"] for i, r in rows.items() if i != quote_id} == {"no"}
    _, out, _ = run("--db", dbfile, "export", "--format", "md")
    assert "> — **Budi Santoso**" in out and "corrected by ana" in out
