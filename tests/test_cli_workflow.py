"""``reader saved``, ``tag``/``untag``/``undo``, ``export`` and ``timeline`` on the command line."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.store.connect import open_db

TRICKY_TITLE = 'Saksi: "curang", katanya;\nbaris kedua — ünïcode'


@pytest.fixture
def dbfile(search_db_copy: Path) -> Path:
    return search_db_copy


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def query_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    database = open_db(db)
    try:
        return database.execute(sql).fetchall()
    finally:
        database.close()


def tag_rows(db: Path) -> list[tuple[object, ...]]:
    return query_rows(
        db,
        "SELECT article_id, tag.name, tagged_at FROM article_tag JOIN tag ON tag.id = tag_id ORDER BY 1, 2",
    )


def test_saved_add_and_list_show_progress(dbfile: Path) -> None:
    code, out, _ = run(dbfile, "saved", "add", "curang", "kecurangan", "OR", "curang")
    assert code == 0 and "0 of 5 reviewed, 0 new since you saved it" in out
    assert run(dbfile, "saved", "add", "CURANG", "x")[0] == 1
    run(dbfile, "tag", "--query", "kecurangan", "cek")  # tags are not reviews
    database = open_db(dbfile)
    database.execute(
        "INSERT INTO review(article_id, reviewed) SELECT id, 1 FROM article WHERE source = 'curang'"
    )
    database.conn.commit()
    database.close()
    code, out, _ = run(dbfile, "saved", "list")
    assert code == 0 and out.splitlines()[0] == "curang: 1 of 5 reviewed, 0 new since you saved it"
    document = json.loads(run(dbfile, "saved", "list", "--json")[1])
    assert [(d["name"], d["total"], d["reviewed"], d["new"]) for d in document] == [("curang", 5, 1, 0)]
    assert run(dbfile, "saved", "rm", "curang")[0] == 0
    assert run(dbfile, "saved", "rm", "curang")[0] == 1
    assert "No saved searches" in run(dbfile, "saved", "list")[1]


def test_tag_untag_by_query_and_undo_restore_exactly(dbfile: Path) -> None:
    run(dbfile, "tag", "-q", "suara", "awal")
    database = open_db(dbfile)
    database.execute("UPDATE article_tag SET tagged_at = '2020-01-01T00:00:00+00:00'")
    database.conn.commit()
    database.close()
    before = tag_rows(dbfile)
    code, out, _ = run(dbfile, "untag", "-q", "kecurangan", "awal")
    assert code == 0 and out.startswith("Removed tag 'awal' from ")
    code, out, _ = run(dbfile, "tag", "-q", "", "semua")
    assert out.startswith("Added tag 'semua' to 16 of 16 articles")
    assert run(dbfile, "tag", "-q", "", "semua")[1].startswith(
        "Added tag 'semua' to 0 of 16 articles (16 already"
    )
    for _ in range(3):
        assert run(dbfile, "undo")[1].startswith("Undone: ")
    assert tag_rows(dbfile) == before
    code, out, _ = run(dbfile, "search", "tag:awal", "kecurangan")
    assert code == 0 and not out.startswith("0 ")
    assert run(dbfile, "tag", "-q", "x", "   ")[0] == 1  # an empty tag name


def test_csv_round_trip_with_quotes_newlines_and_bom(dbfile: Path, tmp_path: Path) -> None:
    database = open_db(dbfile)
    database.execute("UPDATE article SET title = ? WHERE source = 'kecurangan'", [TRICKY_TITLE])
    database.conn.commit()
    database.close()
    run(dbfile, "tag", "-q", "kecurangan", "a, b")
    run(dbfile, "tag", "-q", "kecurangan", 'kata "x"')
    target = tmp_path / "out.csv"
    code, out, _ = run(dbfile, "export", "-q", "kecurangan", "--bom", "-o", str(target))
    assert code == 0 and out.strip() == f"Exported 5 articles to {target}."
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    tricky = next(row for row in rows if row["source"] == "kecurangan")
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["tags"] == 'a, b; kata "x"' and tricky["reviewed"] == "no"
    assert json.loads(tricky["quotes"]) == [] and tricky["quote_count"] == "0"
    assert "kecurangan" in tricky["body"]
    # stdout gives the same bytes (the BOM too); without --bom there is none
    stdout = (
        CliRunner().invoke(cli, ["--db", str(dbfile), "export", "-q", "kecurangan", "--bom"]).stdout_bytes
    )
    assert stdout == raw
    assert not CliRunner().invoke(cli, ["--db", str(dbfile), "export"]).stdout_bytes.startswith(b"\xef")


def test_quotes_export_has_one_row_per_quote(dbfile: Path) -> None:
    code, out, _ = run(dbfile, "export", "--quotes", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0 and len(rows) == query_rows(dbfile, "SELECT count(*) FROM quote")[0][0] > 0
    first = rows[0]
    assert list(first) == [
        "id", "article_id", "source", "title", "outlet", "published",
        "seq", "text", "speaker", "role", "cue", "kind", "start", "end",
        "corrected", "corrected_by", "corrected_at",
    ]  # fmt: skip
    assert {row["corrected"] for row in rows} == {"no"}
    body = query_rows(dbfile, f"SELECT body FROM article WHERE id = {first['article_id']}")[0][0]
    assert first["text"] in body[int(first["start"]) - 2 : int(first["end"]) + 2]
    lines = run(dbfile, "export", "--quotes", "--format", "jsonl")[1].splitlines()
    assert len(lines) == len(rows) and json.loads(lines[0])["speaker"] == first["speaker"]


def test_jsonl_and_markdown(dbfile: Path) -> None:
    run(dbfile, "tag", "-q", "rekapitulasi", "cek")
    code, out, _ = run(dbfile, "export", "--format", "jsonl", "--tag", "cek", "--reviewed", "no")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records and all(r["tags"] == ["cek"] and r["reviewed"] is False for r in records)
    assert set(records[0]) == {
        "id", "source", "title", "section", "outlet", "url", "published", "origin", "imported_at",
        "reviewed", "reviewed_at", "tags", "quotes", "body", "note",
    }  # fmt: skip
    every = [json.loads(line) for line in run(dbfile, "export", "--format", "jsonl")[1].splitlines()]
    dates = [r["published"] for r in every]
    assert len(every) == 16 and dates == sorted(dates, reverse=True)  # newest first
    quote = next(r for r in every if r["quotes"])["quotes"][0]
    assert set(quote) == {
        "id", "seq", "text", "speaker", "role", "cue", "kind", "start", "end",
        "corrected", "corrected_by", "corrected_at",
    }  # fmt: skip
    assert run(dbfile, "export", "--format", "jsonl", "--reviewed", "yes")[1] == ""
    code, md, _ = run(dbfile, "export", "-q", "pemungutan suara ulang", "--format", "md")
    assert md.startswith("# Articles: “pemungutan suara ulang”")
    assert "## 1. " in md and "\n> — **" in md and md.rstrip().endswith("quotes.")


def test_a_failed_export_leaves_no_file(
    dbfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store import export

    real = export.article_records

    def failing(db: object, ids: object) -> Iterator[dict[str, object]]:
        records = real(db, ids)  # type: ignore[arg-type]
        yield next(records)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(export, "article_records", failing)
    target = tmp_path / "out.jsonl"
    code, _, err = run(dbfile, "export", "-o", str(target))
    assert code == 3 and "disk I/O error" in err
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]
    assert run(dbfile, "export", "-o", str(tmp_path / "missing" / "x.csv"))[0] == 2


def test_timeline_text_and_json(dbfile: Path) -> None:
    code, out, _ = run(dbfile, "timeline", "kecurangan", "OR", "curang")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("5 articles matching “kecurangan OR curang” · first 2024-02-")
    assert any(line.startswith("2024-02-20 1 █") for line in lines)
    assert any(line.strip() == "2024-02-21 0" for line in lines)  # empty days are shown
    document = json.loads(run(dbfile, "timeline", "--json", "--by", "month", "")[1])
    assert document["by"] == "month" and sum(c for _, c in document["counts"]) == 16
    assert document["counts"][0] == ["2024-01", 5]


def test_the_export_benchmark_runs(dbfile: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_export.py"
    done = subprocess.run(
        [sys.executable, str(script), "--db", str(dbfile), "--formats", "md"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "| md | 16 |" in done.stdout and "| yes |" in done.stdout


def test_saved_searches_are_kept_by_name_in_any_case_on_both_stores(store) -> None:
    from reader.errors import ReaderError
    from reader.store.saved import get_saved, list_saved, mark_opened, remove_saved, rename_saved, save_search

    save_search(store, "Curang", "kecurangan")
    with pytest.raises(ReaderError, match="already a saved search named 'CURANG'"):
        save_search(store, "CURANG", "x")
    assert save_search(store, "curang", "suara", replace=True).query == "suara"
    assert [s.name for s in list_saved(store)] == ["curang"]
    assert rename_saved(store, "CURANG", "Suara Ulang").name == "Suara Ulang"
    assert get_saved(store, "suara ulang") is not None and get_saved(store, "curang") is None
    opened = mark_opened(store, "SUARA ULANG")
    assert opened is not None and opened.last_opened_at is not None
    assert remove_saved(store, "suara ulang") is True and remove_saved(store, "suara ulang") is False
