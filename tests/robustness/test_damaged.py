"""Damaged and foreign database files, read-only files, a full disk, a SQLite without FTS5.

Each gives one clear ``reader: error:`` line and a non-zero exit where the
command cannot go on, never a traceback, and never loses what was stored.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from robustkit import integrity, one_line_error, run_reader, snapshot, write_jsonl

from reader.cli import cli
from reader.errors import DatabaseError
from reader.ingest.pipeline import import_paths
from reader.store import connect
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed
from tests.conftest import SEEDS

READ_COMMANDS = [["stats"], ["search", "pemilu"], ["show", "1"], ["quotes"], ["actors"]]
ALL_COMMANDS = [*READ_COMMANDS, ["import", str(SEEDS)]]


def _build_template(path: Path) -> None:
    db = open_db(path)
    import_paths(db, [SEEDS, write_jsonl(path.parent / "more.jsonl", 40)])
    set_reviewed(db, 1, True)
    add_tag(db, 3, "bukti")
    db.close()


@pytest.fixture
def stored(templates, tmp_path: Path) -> Path:  # noqa: ANN001  (tests/conftest.py's Templates)
    """A private copy of a database with seeds, 40 synthetic articles, a review and a tag."""
    return templates.copy("damaged", _build_template, tmp_path / "reader.db")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _damaged_variants(good: Path, folder: Path) -> dict[str, Path]:
    data = good.read_bytes()
    rng = random.Random(5)
    variants = {
        "random bytes": rng.randbytes(len(data)),
        "zero bytes only": bytes(len(data)),
        "a text file": b"id,text\n1,Berita pemilu\n" * 50,
        "cut to 100 bytes": data[:100],
        "cut in half": data[: len(data) // 2],
        "cut one page short": data[:-4096],
        "pages overwritten": data[:8192] + rng.randbytes(len(data) - 16384) + data[-8192:],
    }
    paths = {}
    for name, content in variants.items():
        path = folder / (name.replace(" ", "-") + ".db")
        path.write_bytes(content)
        paths[name] = path
    return paths


def test_damaged_files_give_one_line_and_stay_as_they_were(stored: Path, tmp_path: Path) -> None:
    tried = 0
    for name, path in _damaged_variants(stored, tmp_path).items():
        before = path.read_bytes()
        result = run_reader(path, "stats")  # one real process: its stderr would show a traceback
        assert result.returncode == 3 and "Traceback" not in result.stderr, (name, result.stderr)
        for command in ALL_COMMANDS:
            code, _out, err = invoke("--db", str(path), *command)
            tried += 1
            if code == 0:  # the damage may miss every page this command reads
                continue
            line = one_line_error(err)
            assert code == 3, (name, command, err)
            assert "damaged" in line or "not a usable reader database" in line, (name, line)
        if name != "cut one page short":  # that one is a whole file to SQLite and may be written to
            assert path.read_bytes() == before, f"{name}: the damaged file was changed"
    print(f"damaged database runs: {tried}")


def test_a_database_from_a_newer_reader_is_refused_by_every_command(stored: Path) -> None:
    db = open_db(stored)
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
            "VALUES ('reader', 'm900_x', 'later')"
        )
    db.close()
    before = snapshot(stored)
    for command in ALL_COMMANDS:
        code, _out, err = invoke("--db", str(stored), *command)
        assert code == 3
        assert "newer version of reader" in one_line_error(err)
    assert snapshot(stored) == before


def test_a_read_only_database_can_be_browsed_and_says_why_it_cannot_be_written(
    stored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, who may write anything: the file is declared not writable instead.
    monkeypatch.setattr(connect, "_is_writable", lambda path: False)
    before = snapshot(stored)
    for command in READ_COMMANDS:
        code, out, err = invoke("--db", str(stored), *command)
        assert code == 0 and err == "", (command, err)
        assert out
    new = write_jsonl(tmp_path / "new.jsonl", 3, seed=11)
    code, out, err = invoke("--db", str(stored), "import", str(new))
    assert code == 3
    line = one_line_error(err)
    assert "read-only" in line and "nothing was changed" in line
    db = open_db(stored)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            set_reviewed(db, 2, True)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            add_tag(db, 2, "x")
    finally:
        db.close()
    assert snapshot(stored) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a file whatever its mode")
def test_a_read_only_file_for_real(stored: Path) -> None:
    stored.chmod(0o444)
    try:
        assert run_reader(stored, "stats").returncode == 0
        result = run_reader(stored, "import", str(SEEDS))
        assert result.returncode == 3 and "read-only" in one_line_error(result.stderr)
    finally:
        stored.chmod(0o644)


async def test_the_app_on_a_read_only_database_browses_and_explains_failed_writes(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.config import Settings
    from reader.tui.app import make_app
    from reader.tui.widgets.article_list import ArticleList

    monkeypatch.setattr(connect, "_is_writable", lambda path: False)
    before = snapshot(stored)
    app = make_app(stored, Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(4):
            await pilot.pause()
            await app.workers.wait_for_complete()
        article_list = app.screen.query_one(ArticleList)
        assert article_list.total == 42
        await pilot.press("j", "r")
        for _ in range(4):
            await pilot.pause()
            await app.workers.wait_for_complete()
        messages = [n.message for n in app._notifications]
        assert any("Could not save" in m and "readonly" in m for m in messages), messages
        assert not article_list.current.reviewed
    assert snapshot(stored) == before


def _limit_pages(monkeypatch: pytest.MonkeyPatch, spare_pages: int) -> None:
    """Every connection the CLI opens may grow the file by only ``spare_pages`` pages (SQLITE_FULL)."""
    real_open = connect.open_db

    def open_small(path, **kwargs):  # noqa: ANN001, ANN202
        db = real_open(path, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
        return db

    monkeypatch.setattr(connect, "open_db", open_small)


def test_a_full_disk_during_import_stops_with_a_message_and_keeps_every_earlier_batch(
    stored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_IMPORT_BATCH", "10")
    _limit_pages(monkeypatch, spare_pages=40)
    before = snapshot(stored)
    conn = sqlite3.connect(stored)
    old_articles = conn.execute("SELECT * FROM article ORDER BY id").fetchall()
    conn.close()
    corpus = write_jsonl(tmp_path / "big.jsonl", 400, seed=3)
    code, out, err = invoke("--db", str(stored), "import", str(corpus))
    assert code == 3, out
    line = one_line_error(err)
    assert "disk is full" in line and "kept" in line
    assert integrity(stored) == "ok"
    conn = sqlite3.connect(stored)
    try:
        assert conn.execute("SELECT * FROM article WHERE id <= 42 ORDER BY id").fetchall() == old_articles
        added = conn.execute("SELECT count(*) FROM article").fetchone()[0] - 42
        assert added % 10 == 0 and 0 < added < 400  # whole batches, then the one that did not fit
        assert conn.execute("SELECT count(*) FROM article_fts_docsize").fetchone()[0] == 42 + added
        beyond = conn.execute("SELECT count(*) FROM quote WHERE article_id > 42 + ?", [added]).fetchone()
        assert beyond[0] == 0
    finally:
        conn.close()
    after = snapshot(stored)
    assert after["review"] == before["review"] and after["article_tag"] == before["article_tag"]

    # With room again, the same import picks up where it stopped.
    monkeypatch.undo()
    code, out, _err = invoke("--db", str(stored), "import", "--quiet", str(corpus))
    assert code == 0 and out.startswith(f"imported {400 - added}, duplicates {added}"), out


def test_a_full_disk_while_reviewing_keeps_earlier_marks(stored: Path) -> None:
    db = open_db(stored)
    try:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        written = []
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for step in range(5000):
                article_id = 1 + step % 42
                add_tag(db, article_id, f"catatan {step} " + "x" * 50)
                set_reviewed(db, article_id, True)
                written.append(article_id)
    finally:
        db.close()
    check = open_db(stored)
    try:
        reviewed = {row[0] for row in check.execute("SELECT article_id FROM review WHERE reviewed = 1")}
        assert set(written) | {1} <= reviewed
    finally:
        check.close()
    assert integrity(stored) == "ok"


@pytest.mark.parametrize("command", [[], *ALL_COMMANDS], ids=lambda c: " ".join(c[:1]) or "app")
def test_a_sqlite_without_fts5_is_named_at_start(
    command: list[str], stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect, "sqlite_compile_options", lambda: {"THREADSAFE=1"})
    with pytest.raises(DatabaseError, match="without FTS5"):
        connect.require_fts5()
    code, out, err = invoke("--db", str(stored), *command)
    assert code == 3 and out == ""
    line = one_line_error(err)
    assert "built without FTS5" in line and "install a Python whose sqlite3 has FTS5" in line
