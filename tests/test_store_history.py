"""The undo history: review all, single reviews and tags, tag all, undone newest first, exactly."""

from __future__ import annotations

from reader.search.models import SearchRequest
from reader.store.bulk import bulk_tag
from reader.store.history import last_step, review_all, toggle_review, undo_last
from reader.store.review import set_reviewed


def marks(db) -> list[tuple[int, int, str | None]]:
    return db.execute("SELECT article_id, reviewed, reviewed_at FROM review ORDER BY 1").fetchall()


def test_review_all_is_one_step_and_its_undo_restores_the_marks_exactly(seeded_db) -> None:
    set_reviewed(seeded_db, 1, True)
    seeded_db.execute("UPDATE review SET reviewed_at = '2024-01-01T00:00:00+00:00' WHERE article_id = 1")
    seeded_db.conn.commit()
    before = marks(seeded_db)
    total = seeded_db.execute("SELECT count(*) FROM article").fetchone()[0]
    result = review_all(seeded_db, SearchRequest())
    assert (result.matched, result.changed) == (total, total - 1)
    assert all(reviewed == 1 for _id, reviewed, _at in marks(seeded_db))
    step = last_step(seeded_db)
    assert step is not None and step.many
    assert step.summary == f"marked {total - 1} of {total} articles reviewed"
    assert undo_last(seeded_db) == step
    after = [m for m in marks(seeded_db) if m[1]]
    assert after == [m for m in before if m[1]]  # article 1 keeps its own reviewed_at
    assert last_step(seeded_db) is None


def test_single_reviews_and_tags_undo_newest_first(seeded_store) -> None:
    from reader.tui.data import change_tag

    db = seeded_store
    assert toggle_review(db, 1) is True
    assert change_tag(db, 2, "Cek", add=True) == ("Cek",)
    assert change_tag(db, 1, "cek", add=True) == ("Cek",)
    assert toggle_review(db, 1) is False
    summaries = []
    while (step := undo_last(db)) is not None:
        summaries.append(step.summary.split(" “")[0])
    assert summaries == ["marked", "added tag", "added tag", "marked"]
    assert [m[:2] for m in marks(db)] == [(1, 0)]
    assert db.execute("SELECT count(*) FROM article_tag").fetchone()[0] == 0


def test_steps_of_every_kind_undo_newest_first(seeded_db) -> None:
    assert toggle_review(seeded_db, 1) is True
    bulk_tag(seeded_db, SearchRequest(), "cek")
    assert toggle_review(seeded_db, 1) is False
    kinds = []
    while (step := undo_last(seeded_db)) is not None:
        kinds.append(step.kind)
    assert kinds == ["review", "bulk-tag", "review"]
    assert marks(seeded_db) == [(1, 0, None)]
    assert seeded_db.execute("SELECT count(*) FROM article_tag").fetchone()[0] == 0


def test_an_older_database_keeps_its_tag_all_undoable(db_path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from reader.store import migrations
    from reader.store.connect import open_db

    db = Database(sqlite3.connect(db_path))
    migrations.migrations.apply(db, stop_before="m011_undo_history")
    db.execute(
        "INSERT INTO bulk_action(batch, action, tag, query, matched, changed, at) "
        "VALUES ('bulk-old', 'tag', 'cek', 'kecurangan', 3, 0, '2024-03-01T00:00:00+00:00')"
    )
    db.conn.commit()
    db.close()
    db = open_db(db_path)
    step = last_step(db)
    assert step is not None and step.kind == "bulk-tag" and step.query == "kecurangan"
    assert undo_last(db) == step and last_step(db) is None
    db.close()
