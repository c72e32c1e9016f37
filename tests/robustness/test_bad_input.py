"""``reader import`` of whatever a scraper may leave behind.

Every bad file or record gets one line in the summary naming it and saying
why; the good ones in the same run are imported; nothing already stored changes.
"""

from __future__ import annotations

import codecs
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from robustkit import integrity, run_reader, snapshot, synthetic_article

from reader.ingest.pipeline import import_paths
from reader.ingest.records import MAX_ARTICLE_CHARS
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed
from tests.conftest import SEEDS

GOOD_TEXT = synthetic_article(1)["text"]
BIG = 50 * 1024 * 1024


def _jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _good(index: int) -> dict[str, str]:
    record = synthetic_article(index, seed=99)
    return {"id": record["id"], "title": record["title"], "text": record["text"]}


def write_bad_folder(root: Path) -> tuple[dict[str, str], int]:
    """Bad inputs (file name -> expected words of its reason) and how many good articles sit among them."""
    root.mkdir()
    expect: dict[str, str] = {}
    good = 0

    def bad(name: str, data: bytes | str, reason: str) -> None:
        path = root / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = reason

    cp1252 = "POLITIK\nJudul “Kutipan” Pemilu\nIsi berita dengan kutip “pintar” — dan é.".encode("cp1252")
    bad("cp1252.txt", cp1252, "not valid UTF-8")
    bad("latin1.csv", "judul,isi\nA,Berita café dan pemilu\n".encode("latin-1"), "not valid UTF-8")
    bad("cp1252.jsonl", _jsonl({"id": "c", "text": "x"}).encode() + '{"text": "“é”"}\n'.encode("cp1252"),
        "not valid UTF-8")  # fmt: skip
    good += 1  # the first line of cp1252.jsonl is fine
    bad("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000), "binary")
    bad("zip.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(500), "binary")
    bad("random.jsonl", bytes(range(256)) * 20, "binary")
    bad("random-no-nul.csv", bytes(range(1, 256)) * 20, "not valid UTF-8")
    bad("utf16-no-bom.txt", "Berita tanpa BOM".encode("utf-16-le"), "binary")
    bad("bad-utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "not valid UTF-16")
    for suffix in ("txt", "json", "jsonl", "csv"):
        bad(f"empty.{suffix}", b"", "empty file")
    bad("blank.txt", " \n\t\r\n  \n", "empty file")
    bad("blank.jsonl", "\n\n   \n", "empty file")
    bad("only-bom.json", codecs.BOM_UTF8, "empty file")
    bad("big.txt", b"Pemilu " * (BIG // 7), "over the")
    bad("big.jsonl", b'{"id": "big", "text": "' + b"suara " * (BIG // 6) + b'"}\n', "over the")
    for name, data in {
        "number.json": "42", "string.json": '"just text"', "null.json": "null", "true.json": "true",
    }.items():  # fmt: skip
        bad(name, data, "JSON must be an object or a list")
    bad("list-of-numbers.json", "[1, 2]", "not a JSON object (found int)")
    bad("nested-lists.json", "[[{}]]", "not a JSON object (found list)")
    bad("no-text.json", '{"title": "Judul saja"}', "no article text")
    bad("text-not-string.json", '{"text": 12345}', "no article text")
    bad("articles-not-list.json", '{"articles": "none", "text": ""}', "no article text")
    bad("broken.json", '[{"id": "a", "text": "Berita"', "not valid JSON")
    bad("deep.json", "[" * 100_000 + "]" * 100_000, "too deeply nested")
    bad("huge-number.json", '{"id": ' + "9" * 5000 + ', "text": "Berita pemilu"}', "not valid JSON")
    bad("truncated.jsonl", _jsonl(_good(1)) + '{"id": "cut", "text": "Setengah', "not valid JSON")
    good += 1
    bad("middle-truncated.jsonl", _jsonl(_good(2)) + '{"id": "x", "te\n' + _jsonl(_good(3)), "not valid JSON")
    good += 2
    bad("scalar-lines.jsonl", '1\n[]\n"text"\n', "not a JSON object")
    bad("deep-line.jsonl", "[" * 50_000 + "]" * 50_000 + "\n", "too deeply nested")
    bad("no-text-column.csv", "judul,tanggal\nA,2024-01-01\n", "no text column")
    bad("header-only.csv", "judul,isi\n", "no rows under the header")
    bad("empty-list.json", "[]", "no articles in the file")
    bad("missing-cells.csv", "id,judul,isi\nm1,Judul\n", "no article text")
    good_row = _good(4)
    extra = f'id,judul,isi\n{good_row["id"]},Judul,"{good_row["text"]}",extra,"more, cells"\n'
    (root / "extra-cells.csv").write_text(extra, encoding="utf-8")
    good += 1
    row = _good(5)
    embedded = 'id,title,text\n{},"Judul\ndua baris","{}"\n'.format(row["id"], row["text"].replace('"', '""'))
    (root / "embedded-newlines.csv").write_text(embedded, encoding="utf-8")
    good += 1
    bad("unterminated-quote.csv", 'id,text\nq1,"Berita yang tidak pernah ditutup\nq2,lagi\n', "")
    expect.pop("unterminated-quote.csv")
    good += 1  # csv reads the rest of the file as one (long, valid) field
    bad("lone-surrogate.jsonl", '{"id": "s1", "text": "Berita \\ud800 pemilu di Jakarta hari ini."}\n', "")
    expect.pop("lone-surrogate.jsonl")
    good += 1  # stored with a replacement character, not a crash
    bad("nul-in-text.jsonl", '{"id": "n1", "text": "Berita \\u0000 pemilu di Surabaya."}\n', "")
    expect.pop("nul-in-text.jsonl")
    good += 1

    utf16 = "POLITIK\nJudul Artikel UTF Enam Belas\n" + GOOD_TEXT
    (root / "utf16le.txt").write_bytes(utf16.encode("utf-16"))
    (root / "utf16be.jsonl").write_bytes(codecs.BOM_UTF16_BE + _jsonl(_good(6)).encode("utf-16-be"))
    (root / "utf8-bom.json").write_bytes(codecs.BOM_UTF8 + json.dumps(_good(7)).encode())
    (root / "crlf.txt").write_bytes(("POLITIK\r\nJudul Berita Baris Windows\r\n" + _good(8)["text"]).encode())
    good += 4

    loop = root / "loop"
    loop.mkdir()
    (loop / "back").symlink_to(root, target_is_directory=True)
    expect["back"] = "symbolic link loop"
    (root / "self.txt").symlink_to(root / "self.txt")
    expect["self.txt"] = "broken symbolic link"
    (root / "dangling.jsonl").symlink_to(root / "gone.jsonl")
    expect["dangling.jsonl"] = "broken symbolic link"
    os.mkfifo(root / "pipe.txt")
    expect["pipe.txt"] = "not a regular file"
    (root / "folder.json").mkdir()  # a folder with an article suffix is walked, not read
    (root / "folder.json" / "inside.txt").write_text(_good(9)["text"], encoding="utf-8")
    good += 1
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))  # not an article type: passed over
    weird = os.fsencode(root) + b"/bad-name-\xff.txt"
    with open(weird, "wb") as handle:
        handle.write(b"\xe9t\xe9 pemilu, not UTF-8")
    expect["bad-name-"] = "not valid UTF-8"
    return expect, good


def _skip_lines(out: str) -> dict[str, str]:
    lines = [line.strip() for line in out.splitlines() if line.startswith("  skipped ")]
    return {line: line for line in lines}


def _reason_for(lines: dict[str, str], name: str) -> str:
    found = [line for line in lines if f"/{name}" in line]
    assert found, f"no summary line for {name}"
    return found[0]


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], int]:
    root = tmp_path_factory.mktemp("inputs") / "bad"
    expect, good = write_bad_folder(root)
    return root, expect, good


def test_import_of_a_bad_folder_reports_each_problem_and_keeps_the_rest(
    bad_folder: tuple[Path, dict[str, str], int], tmp_path: Path
) -> None:
    root, expect, good = bad_folder
    db_path = tmp_path / "reader.db"
    db = open_db(db_path)
    import_paths(db, [SEEDS])
    set_reviewed(db, 1, True)
    add_tag(db, 2, "dugaan kecurangan")
    db.close()
    before = snapshot(db_path)
    conn = sqlite3.connect(db_path)
    old_rows = conn.execute("SELECT * FROM article ORDER BY id").fetchall()
    conn.close()

    result = run_reader(db_path, "import", str(root))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    summary = result.stdout.splitlines()[0]
    lines = _skip_lines(result.stdout)
    for name, reason in expect.items():
        line = _reason_for(lines, name)
        assert reason in line, f"{name}: {line}"
    assert summary.startswith(f"imported {good}, duplicates 0, skipped {len(lines)}"), result.stdout
    assert len(lines) >= len(expect)

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT * FROM article WHERE id <= 2 ORDER BY id").fetchall() == old_rows
        assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 2 + good
        body = conn.execute("SELECT body FROM article WHERE source = 's1'").fetchone()[0]
        assert "\ufffd" in body and "pemilu" in body
    finally:
        conn.close()
    after = snapshot(db_path)
    assert after["review"] == before["review"] and after["article_tag"] == before["article_tag"]
    assert integrity(db_path) == "ok"

    again = run_reader(db_path, "import", "--quiet", str(root))  # idempotent, same skips
    assert again.stdout.startswith(f"imported 0, duplicates {good}, skipped {len(lines)}"), again.stdout
    print(f"bad inputs tried: {len(expect)} files (+{good} good articles among them)")


def test_a_50_mb_article_is_refused_with_its_size(bad_folder: tuple[Path, dict[str, str], int]) -> None:
    root, _expect, _good_count = bad_folder
    from reader.ingest.readers import read_file

    for name in ("big.txt", "big.jsonl"):
        items = [item for item, _done in read_file(root / name)]
        assert len(items) == 1
        assert f"over the {MAX_ARTICLE_CHARS:,} limit" in items[0].why


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root, so the permission error is simulated at the system call."""
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "a.txt").write_text(GOOD_TEXT)
    for name in ("secret.txt", "secret.jsonl", "secret.csv", "secret.json"):
        (root / name).write_text("x")
    (root / "ok.txt").write_text(GOOD_TEXT)
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202
        if "secret" in os.fsdecode(path):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    def deny_scandir(path="."):  # noqa: ANN001, ANN202
        if os.fsdecode(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    monkeypatch.setattr("io.open", _io_open_via(deny_open))
    db = open_db(tmp_path / "reader.db")
    report = import_paths(db, [root])
    db.close()
    reasons = {Path(where).name: why for where, why in report.skipped}
    assert report.imported == 1
    for name in ("secret.txt", "secret.jsonl", "secret.csv", "secret.json"):
        assert reasons[name] == "cannot read: Permission denied"
    assert reasons["locked"] == "cannot list folder: Permission denied"


def _io_open_via(deny):  # noqa: ANN001, ANN202
    import io

    real = io.open

    def opener(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN202
        if isinstance(file, (str, bytes, os.PathLike)) and "secret" in os.fsdecode(file):
            deny(file, 0)
        return real(file, mode, *args, **kwargs)

    return opener


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD_TEXT)
    path.chmod(0)
    try:
        result = run_reader(tmp_path / "reader.db", "import", str(path))
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.returncode == 0
    assert "secret.txt: cannot read: Permission denied" in result.stdout
