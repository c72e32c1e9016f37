"""reader note: set, show, clear; note: in search; the note in reader show and every export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.store.export_formats import ARTICLE_COLUMNS


def run(db_path: Path | str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args])
    return result.exit_code, result.stdout, result.stderr


def test_note_set_show_search_export_clear(seeded_db: Database, db_path: Path) -> None:
    first, second = (row[0] for row in seeded_db.execute("SELECT id FROM article ORDER BY id"))
    code, out, _ = run(db_path, "note", str(first), "telepon", "narasumber  lagi")
    assert code == 0 and out.strip() == "Note saved: telepon narasumber lagi"
    stored = seeded_db.execute("SELECT text FROM article_note WHERE article_id = ?", [first]).fetchall()
    assert stored == [("telepon narasumber lagi",)]
    assert run(db_path, "note", str(first))[1].strip() == "telepon narasumber lagi"
    assert json.loads(run(db_path, "note", str(first), "--json")[1])["note"] == "telepon narasumber lagi"
    assert "note: telepon narasumber lagi" in run(db_path, "show", str(first))[1]
    assert json.loads(run(db_path, "show", str(first), "--json")[1])["note"] == "telepon narasumber lagi"
    assert json.loads(run(db_path, "show", str(second), "--json")[1])["note"] is None

    hits = json.loads(run(db_path, "search", "note:narasumber", "--json")[1])
    assert hits["total"] == 1 and hits["hits"][0]["id"] == first
    assert json.loads(run(db_path, "search", 'note:"TELEPON narasumber"', "--json")[1])["total"] == 1
    assert json.loads(run(db_path, "search", "note:*", "--json")[1])["total"] == 1
    assert json.loads(run(db_path, "search", "note:%", "--json")[1])["total"] == 0  # LIKE is escaped

    assert ARTICLE_COLUMNS[-1] == "note"
    rows = list(csv.reader(io.StringIO(run(db_path, "export")[1], newline="")))
    assert rows[0][-1] == "note"
    notes = {row[0]: row[-1] for row in rows[1:]}
    assert notes == {str(first): "telepon narasumber lagi", str(second): ""}
    records = [json.loads(line) for line in run(db_path, "export", "--format", "jsonl")[1].splitlines()]
    assert {r["id"]: r["note"] for r in records} == {first: "telepon narasumber lagi", second: None}
    assert "Note: telepon narasumber lagi" in run(db_path, "export", "--format", "md")[1]

    code, out, _ = run(db_path, "note", str(first), "--clear")
    assert code == 0 and out.strip() == "Note removed."
    assert seeded_db.execute("SELECT count(*) FROM article_note").fetchone()[0] == 0
    assert run(db_path, "note", str(first))[1].strip() == "No note."


def test_note_errors_are_one_line(seeded_db: Database, db_path: Path) -> None:
    code, _, err = run(db_path, "note", "9999", "x")
    assert code == 2 and err.strip() == "reader: error: no article with id or source '9999'"
    code, _, err = run(db_path, "note", "1", "x" * 1_001)
    assert code == 1 and "at most 1,000 characters" in err and "Traceback" not in err
    assert run(db_path, "note", "1", "   ")[0] == 2


def test_note_set_show_and_clear_on_both_stores(seeded_store: Database, seeded_location: str) -> None:
    first = seeded_store.execute("SELECT min(id) FROM article").fetchone()[0]
    code, out, _ = run(seeded_location, "note", str(first), "telepon", "narasumber  lagi")
    assert code == 0 and out.strip() == "Note saved: telepon narasumber lagi"
    assert run(seeded_location, "note", str(first))[1].strip() == "telepon narasumber lagi"
    assert "note: telepon narasumber lagi" in run(seeded_location, "show", str(first))[1]
    assert run(seeded_location, "note", str(first), "lagi")[0] == 0  # replaced, not added
    assert seeded_store.execute("SELECT text FROM article_note").fetchall() == [("lagi",)]
    assert run(seeded_location, "note", str(first), "--clear")[1].strip() == "Note removed."
    assert run(seeded_location, "note", str(first))[1].strip() == "No note."
    code, _, err = run(seeded_location, "note", "9999", "x")
    assert code == 2 and err.strip() == "reader: error: no article with id or source '9999'"
