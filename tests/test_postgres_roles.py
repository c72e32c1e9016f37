"""The README's three team roles (db/team-roles.sql, db/team-grants.sql) on a real server:
a viewer reads, an analyst reviews and tags, only the admin imports; a refused write is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SEEDS
from tests.postgres_server import PgServer

REPO = Path(__file__).resolve().parents[1]
REFUSED = "reader: error: this account cannot write to the database"


def _statements(name: str) -> list[str]:
    text = "\n".join(
        line for line in (REPO / "db" / name).read_text("utf-8").splitlines() if not line.startswith("--")
    )
    return [part.strip() for part in text.split(";") if part.strip()]


def _new_article(folder: Path) -> str:
    path = folder / "baru.jsonl"
    path.write_text(json.dumps({"id": "baru-1", "title": "Rekapitulasi suara",
                                "text": "KPU memulai rekapitulasi suara tingkat nasional."}) + "\n", "utf-8")
    return str(path)  # fmt: skip


def _run(uri: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", uri, *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def team(pg_server: PgServer) -> dict[str, str]:
    import psycopg

    with psycopg.connect(pg_server.uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'reader_admin'").fetchone()
        if not exists:
            for statement in _statements("team-roles.sql"):
                conn.execute(statement)  # CREATE DATABASE cannot run inside a transaction block
    uris = {role: pg_server.uri_for(f"reader_{role}", "pemilu") for role in ("admin", "analyst", "viewer")}
    code, output = _run(uris["admin"], "import", "--quiet", str(SEEDS))
    assert code == 0, output
    with psycopg.connect(uris["admin"], autocommit=True) as conn:
        for statement in _statements("team-grants.sql"):
            conn.execute(statement)
    return uris


def test_a_viewer_reads_but_every_write_is_one_line_and_exit_3(team: dict[str, str], tmp_path: Path) -> None:
    code, output = _run(team["viewer"], "stats", "--json")
    assert code == 0 and json.loads(output)["articles"] == 2
    assert _run(team["viewer"], "show", "1")[0] == 0
    for write in (["note", "1", "dibaca"], ["import", "--quiet", _new_article(tmp_path)]):
        code, output = _run(team["viewer"], *write)
        assert code == 3, output
        assert output.startswith(REFUSED) and len(output.strip().splitlines()) == 1, output
        assert "Traceback" not in output


def test_an_analyst_writes_notes_but_cannot_import(team: dict[str, str], tmp_path: Path) -> None:
    code, output = _run(team["analyst"], "note", "1", "perlu dicek ulang")
    assert code == 0, output
    assert "perlu dicek ulang" in _run(team["viewer"], "note", "1")[1]
    code, output = _run(team["analyst"], "import", "--quiet", _new_article(tmp_path))
    assert code == 3 and output.startswith(REFUSED), output


def test_only_the_admin_loads_the_actor_catalogue(team: dict[str, str], tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps([{"name": "Tokoh Uji Peran", "aliases": ["Uji Peran"]}]), "utf-8")
    code, output = _run(team["analyst"], "actors", "load", str(extra))
    assert code == 3 and output.startswith(REFUSED) and len(output.strip().splitlines()) == 1, output
    assert "Tokoh Uji Peran" not in _run(team["viewer"], "actors", "export")[1]
    assert _run(team["admin"], "actors", "load", str(extra))[0] == 0
    assert "Tokoh Uji Peran" in _run(team["viewer"], "actors", "export")[1]
