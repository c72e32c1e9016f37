"""The command line, driven with click's CliRunner: import, show, stats, errors, db location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SEEDS


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_prints_a_summary_and_is_idempotent(db_path: Path) -> None:
    code, out, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert code == 0 and out.startswith("imported 2, duplicates 0, skipped 0")
    code, out, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert out.startswith("imported 0, duplicates 2, skipped 0")


def test_import_reports_each_skipped_file(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_text("")
    (tmp_path / "rusak.jsonl").write_text('{"id": 1, "text": "pot')
    code, out, _ = run("--db", str(db_path), "import", str(tmp_path))
    assert code == 0
    assert "skipped 2" in out.splitlines()[0]
    assert "kosong.txt: empty file" in out
    assert "rusak.jsonl:1: not valid JSON" in out


def test_import_of_a_missing_path_is_a_usage_error(db_path: Path) -> None:
    code, out, err = run("--db", str(db_path), "import", "/no/such/folder")
    assert code == 2
    assert err.strip() == "reader: error: no such file or folder: /no/such/folder"
    assert "Traceback" not in out + err


def test_show_json_has_metadata_body_tags_and_review(db_path: Path) -> None:
    run("--db", str(db_path), "import", str(SEEDS))
    code, out, _ = run("--db", str(db_path), "show", "000_3fa82f2a195c39de", "--json")
    assert code == 0
    article = json.loads(out)
    assert article["title"].startswith("Tolak Hasil Pilpres")
    assert article["section"] == "POLITIK" and article["published"] == "2024-02-23"
    assert article["tags"] == [] and article["reviewed"] is False
    assert "Sukses di Palembang" not in article["body"]
    assert {"quotes", "actors", "id", "source", "outlet", "url"} <= set(article)


def test_show_text_and_unknown_id(db_path: Path) -> None:
    run("--db", str(db_path), "import", str(SEEDS))
    code, out, _ = run("--db", str(db_path), "show", "2")
    assert code == 0 and "Infosemarang.com" in out and "not reviewed" in out
    code, _, err = run("--db", str(db_path), "show", "999")
    assert code == 2 and "no article with id or source '999'" in err


def test_show_prints_the_source_url(db_path: Path, tmp_path: Path) -> None:
    record = {"id": "u1", "text": "Bawaslu menerima laporan dugaan kecurangan.", "url": "https://example.test/a/1"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run("--db", str(db_path), "import", str(path))
    code, out, _ = run("--db", str(db_path), "show", "u1")
    assert code == 0 and "source: https://example.test/a/1" in out.splitlines()


def test_stats_json(db_path: Path) -> None:
    run("--db", str(db_path), "import", str(SEEDS))
    code, out, _ = run("--db", str(db_path), "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 2 and stats["reviewed"] == 0
    assert stats["first_date"] == "2024-02-19" and stats["last_date"] == "2024-02-23"


def test_db_option_beats_environment(tmp_path: Path) -> None:
    env_db, option_db = tmp_path / "env.db", tmp_path / "option.db"
    run("--db", str(option_db), "import", str(SEEDS), env={"READER_DB": str(env_db)})
    assert option_db.exists() and not env_db.exists()
    run("import", str(SEEDS), env={"READER_DB": str(env_db)})
    assert env_db.exists()


def test_default_database_is_seeded_on_first_use(isolated_env: Path) -> None:
    code, out, _ = run("stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 2
    assert Path(stats["database"]).is_relative_to(isolated_env)


def test_damaged_database_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"\x00garbage" * 512)
    code, out, err = run("--db", str(path), "stats")
    assert code == 3 and err.count("\n") == 1 and "not a usable reader database" in err
    assert path.read_bytes() == b"\x00garbage" * 512  # left untouched


@pytest.mark.parametrize("command", ["import", "show", "stats"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and len(out.splitlines()) > 3
