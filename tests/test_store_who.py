"""Who and when on both stores: each mark, tag, note and undo step records its analyst, undo
is one's own, ``reader review`` and ``reader show`` say who holds the mark."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.store.connect import open_db
from reader.store.history import toggle_review, undo_last
from reader.store.marks import Mark, MarkHeld, when_text
from reader.store.notes import set_note
from reader.store.review import add_tag


def run(location: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", location, *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_analysts_on_one_database(seeded_location: str) -> None:
    code, out, _ = run(seeded_location, "review", "1", "--user", "rina")
    assert code == 0 and out.startswith("1: reviewed by rina, ")
    assert run(seeded_location, "--user", "dewi", "review", "2")[1].startswith("2: reviewed by dewi, ")
    code, out, _ = run(seeded_location, "review", "1", "2", "--user", "dewi")  # 1 stays rina's
    assert out.splitlines()[0].startswith("1: already reviewed by rina, ")
    assert out.splitlines()[1].startswith("2: already reviewed by dewi, ")

    shown = json.loads(run(seeded_location, "show", "1", "--json")[1])
    assert (shown["reviewed"], shown["reviewed_by"]) == (True, "rina")
    assert shown["reviewed_at"].endswith("+00:00")
    assert "reviewed by rina, " in run(seeded_location, "show", "1")[1]

    code, out, _ = run(seeded_location, "undo", "--user", "dewi")  # dewi's mark on 2, not rina's
    assert code == 0 and out.startswith("Undone: marked “")
    assert json.loads(run(seeded_location, "show", "2", "--json")[1])["reviewed"] is False
    assert json.loads(run(seeded_location, "show", "1", "--json")[1])["reviewed_by"] == "rina"
    assert run(seeded_location, "undo", "--user", "dewi")[1].strip() == (
        "Nothing to undo: no action of dewi's is left."
    )

    code, out, _ = run(seeded_location, "review", "1", "--off", "--user", "dewi")
    assert code == 0 and out.startswith("1: not reviewed (was reviewed by rina, ")
    assert run(seeded_location, "undo", "--user", "dewi")[0] == 0  # the mark is rina's again
    shown = json.loads(run(seeded_location, "show", "1", "--json")[1])
    assert (shown["reviewed"], shown["reviewed_by"]) == (True, "rina")
    assert run(seeded_location, "undo", "--user", "RINA")[1].startswith("Undone: ")  # names: any case
    assert json.loads(run(seeded_location, "show", "1", "--json")[1])["reviewed"] is False


def test_review_errors_are_one_line_and_change_nothing(seeded_location: str) -> None:
    code, _, err = run(seeded_location, "review", "1", "nope")
    assert code == 2
    assert err.strip() == "reader: error: no article with id or source 'nope'; nothing was marked"
    assert json.loads(run(seeded_location, "show", "1", "--json")[1])["reviewed"] is False
    assert run(seeded_location, "review")[0] == 2  # an id is needed


def test_tags_notes_log_and_steps_record_their_analyst(seeded_store) -> None:
    db = seeded_store
    assert add_tag(db, 1, "cek", user="rina") and add_tag(db, 2, "Cek", user="dewi")
    set_note(db, 1, "telepon lagi", user="dewi")
    toggle_review(db, 1, "rina")
    rows = db.execute("SELECT article_id, tagged_by FROM article_tag ORDER BY 1").fetchall()
    assert rows == [(1, "rina"), (2, "dewi")]
    assert db.execute("SELECT written_by FROM article_note").fetchall() == [("dewi",)]
    log = db.execute("SELECT action, done_by FROM review_log ORDER BY id").fetchall()
    assert log == [("tag", "rina"), ("tag", "dewi"), ("review", "rina")]
    assert db.execute("SELECT done_by FROM undo_step").fetchall() == [("rina",)]
    with pytest.raises(MarkHeld, match="reviewed by rina"):
        toggle_review(db, 1, "dewi", take_others=False)
    assert toggle_review(db, 1, "dewi") is False  # taken away when asked to
    assert undo_last(db, "dewi") is not None and undo_last(db, "dewi") is None
    assert db.execute("SELECT reviewed, reviewed_by FROM review").fetchall() == [(1, "rina")]


def test_marks_say_who_and_when() -> None:
    now = datetime(2024, 2, 15, 20, 0, tzinfo=UTC).astimezone()
    today = datetime(2024, 2, 15, 14, 2, tzinfo=UTC).isoformat()
    assert when_text(today, now) == datetime.fromisoformat(today).astimezone().strftime("%H:%M")
    assert when_text("2024-01-03T09:30:00+00:00", now).startswith("2024-01-0")
    assert Mark(True, "rina", today).text(now).startswith("reviewed by rina, ")
    assert Mark(True, None, today).text(now).startswith("reviewed ")  # from before names were kept
    assert Mark(True, "rina").text(now) == "reviewed by rina" and Mark(False).text() == "not reviewed"
    assert Mark(True, "Rina").held_by_other("rina") is False and Mark(True, None).held_by_other("x") is False


def test_two_analysts_toggling_one_article_lose_no_change(seeded_location: str) -> None:
    toggles, errors = 25, []

    def analyst(name: str) -> None:
        db = open_db(seeded_location)
        try:
            for _ in range(toggles):
                toggle_review(db, 1, name)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=analyst, args=(name,)) for name in ("rina", "dewi")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    db = open_db(seeded_location)
    log = db.execute("SELECT action FROM review_log WHERE article_id = 1 ORDER BY id").fetchall()
    assert len(log) == 2 * toggles
    assert [a for (a,) in log] == ["review", "unreview"] * toggles  # each flip saw the one before
    assert db.execute("SELECT reviewed FROM review WHERE article_id = 1").fetchone()[0] == 0
    db.close()


def test_a_bulk_tag_while_another_untags_loses_no_change(
    seeded_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search.models import SearchRequest
    from reader.store.bulk import bulk_tag
    from reader.store.review import remove_tag

    # Every article, without the search (on PostgreSQL the search is not built yet).
    monkeypatch.setattr(
        "reader.store.bulk.matching_ids",
        lambda db, request, order="id": iter(r[0] for r in db.execute("SELECT id FROM article ORDER BY id")),
    )
    rounds, errors = 15, []

    def tagger() -> None:
        db = open_db(seeded_location)
        try:
            for n in range(rounds):
                bulk_tag(db, SearchRequest(), "cek", add=n % 2 == 0, user="rina")
        except Exception as error:  # pragma: no cover
            errors.append(error)
        finally:
            db.close()

    def untagger() -> None:
        db = open_db(seeded_location)
        try:
            for _ in range(rounds):
                remove_tag(db, 1, "cek", user="dewi")
        except Exception as error:  # pragma: no cover
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=tagger), threading.Thread(target=untagger)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    db = open_db(seeded_location)
    for article_id in (1, 2):  # every logged change happened, once: the log replays to the state
        actions = [a for (a,) in db.execute(
            "SELECT action FROM review_log WHERE article_id = ? ORDER BY id", [article_id]
        )]  # fmt: skip
        assert all(a != b for a, b in zip(actions, actions[1:], strict=False))  # tag, untag, tag...
        tagged = db.execute(
            "SELECT count(*) FROM article_tag WHERE article_id = ?", [article_id]
        ).fetchone()[0]
        assert tagged == (1 if actions and actions[-1] == "tag" else 0)
    changed = db.execute("SELECT sum(changed) FROM bulk_action").fetchone()[0]
    bulk_lines = db.execute("SELECT count(*) FROM review_log WHERE batch LIKE 'bulk-%'").fetchone()[0]
    assert changed == bulk_lines
    db.close()
