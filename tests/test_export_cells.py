"""CSV exports never hand a spreadsheet a formula (unless asked to with --raw-cells)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.store.export_formats import text_cell

FORMULAS = ["=HYPERLINK(\"http://x\")", "+62 812", "-hoaks", "@SUM(A1)", "\t=1"]


def _export(db_path: Path, *args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


@pytest.fixture
def formula_db(seeded_db: Database, db_path: Path) -> Path:
    first, second = (row[0] for row in seeded_db.execute("SELECT id FROM article ORDER BY id"))
    seeded_db.execute(
        "UPDATE article SET title = ?, outlet = ? WHERE id = ?", [FORMULAS[0], "@kompas", first]
    )
    seeded_db.execute("UPDATE article SET title = ? WHERE id = ?", ["Biasa = aman", second])
    seeded_db.execute("UPDATE quote SET speaker = '=cmd|calc', role = '-' WHERE article_id = ?", [first])
    seeded_db.conn.commit()
    return db_path


def test_cells_starting_like_a_formula_are_text(formula_db: Path) -> None:
    rows = {row["id"]: row for row in _export(formula_db)}
    first, second = sorted(rows, key=int)
    assert rows[first]["title"] == "'" + FORMULAS[0]
    assert rows[first]["outlet"] == "'@kompas"
    assert rows[second]["title"] == "Biasa = aman"  # only the first character counts
    assert rows[first]["id"] == first  # numbers stay numbers
    quotes = _export(formula_db, "--quotes", "-q", "outlet:@kompas")
    assert quotes and all(q["speaker"] == "'=cmd|calc" and q["role"] == "'-" for q in quotes)


def test_raw_cells_writes_them_as_stored(formula_db: Path) -> None:
    rows = _export(formula_db, "--raw-cells")
    assert FORMULAS[0] in [row["title"] for row in rows]
    quotes = _export(formula_db, "--quotes", "--raw-cells")
    assert "=cmd|calc" in [q["speaker"] for q in quotes]


def test_jsonl_is_not_changed(formula_db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(formula_db), "export", "--format", "jsonl"])
    assert f'"title": "{FORMULAS[0]}"'.replace('"http://x"', '\\"http://x\\"') in result.stdout


@pytest.mark.parametrize("value", FORMULAS)
def test_text_cell_guards_every_formula_start(value: str) -> None:
    assert text_cell(value) == "'" + value
    assert text_cell(7) == 7 and text_cell(None) is None and text_cell("Bawaslu") == "Bawaslu"
