"""reader tags: list with counts, rename (merging into an existing tag), rm (undoable)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.store.review import add_tag, all_tags, remove_tag, set_reviewed


def run(db_path: Path | str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args])
    return result.exit_code, result.stdout, result.stderr


def tag_rows(db: Database) -> list[tuple[object, ...]]:
    return db.execute(
        "SELECT article_id, tag.name, tagged_at FROM article_tag JOIN tag ON tag.id = tag_id ORDER BY 1, 2"
    ).fetchall()


def listed(db_path: Path | str) -> list[tuple[str, int, int]]:
    return [(t["name"], t["articles"], t["reviewed"]) for t in json.loads(run(db_path, "tags", "--json")[1])]


def test_tags_list_rename_merge_and_rm_with_undo(seeded_db: Database, db_path: Path) -> None:
    _rename_and_merge(seeded_db, db_path)
    before = tag_rows(seeded_db)
    code, out, _ = run(db_path, "tags", "rm", "BAWASLU-curang")
    assert code == 0
    assert out.strip() == "Removed tag 'bawaslu-curang' from 2 articles; reader undo puts it back."
    assert tag_rows(seeded_db) == [] and listed(db_path) == []
    assert "No tags yet" in run(db_path, "tags")[1]
    assert run(db_path, "undo")[0] == 0
    assert tag_rows(seeded_db) == before  # the same articles, with their tagging times


def test_tags_list_rename_and_merge_on_both_stores(seeded_store: Database, seeded_location: str) -> None:
    _rename_and_merge(seeded_store, seeded_location)  # rm selects by search: SQLite above


def _rename_and_merge(seeded_db: Database, db_path: Path | str) -> None:
    first, second = (row[0] for row in seeded_db.execute("SELECT id FROM article ORDER BY id"))
    add_tag(seeded_db, first, "bawaslu-curang")
    add_tag(seeded_db, second, "bawaslu-curang")
    add_tag(seeded_db, first, "cek")
    add_tag(seeded_db, second, "lama")
    set_reviewed(seeded_db, first, True)
    assert listed(db_path) == [("bawaslu-curang", 2, 1), ("cek", 1, 1), ("lama", 1, 0)]
    code, out, _ = run(db_path, "tags")
    assert code == 0 and out.splitlines()[1].split() == ["bawaslu-curang", "2", "1"]

    code, out, _ = run(db_path, "tags", "rename", "lama", "arsip")
    assert code == 0 and out.strip() == "Renamed tag 'lama' to 'arsip' on 1 article."
    code, out, _ = run(db_path, "tags", "rename", "cek", "Bawaslu-Curang")  # merge, any case
    assert out.strip() == "Merged tag 'cek' into 'bawaslu-curang' (0 articles gained it)."
    code, out, _ = run(db_path, "tags", "rename", "arsip", "bawaslu-curang")
    assert out.strip() == "Merged tag 'arsip' into 'bawaslu-curang' (0 articles gained it)."
    assert listed(db_path) == [("bawaslu-curang", 2, 1)]
    assert [r[1] for r in tag_rows(seeded_db)] == ["bawaslu-curang", "bawaslu-curang"]


def test_unknown_tags_are_one_line_errors(seeded_store: Database, seeded_location: str) -> None:
    for args in (("tags", "rm", "nope"), ("tags", "rename", "nope", "x")):
        code, _, err = run(seeded_location, *args)
        assert code == 2 and err.startswith("reader: error: no article has the tag 'nope'")
    add_tag(seeded_store, 1, "x")
    assert run(seeded_location, "tags", "rename", "x", "   ")[0] == 1


def test_a_tag_no_article_carries_is_not_offered(seeded_store: Database) -> None:
    add_tag(seeded_store, 1, "sementara")
    add_tag(seeded_store, 2, "tetap")
    remove_tag(seeded_store, 1, "sementara")
    assert all_tags(seeded_store) == [("tetap", 1)]
