"""Where the database is: a file path or a PostgreSQL location, never a file made of a URI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.store.location import Location, parse_location, redact, resolve_location


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://analyst@db.example:5432/pemilu",
        "postgres://db.example/pemilu",
        "postgresql:///pemilu?service=tim",
        "service=tim",
        "host=db.example dbname=pemilu user=analyst",
        "  dbname='pemilu 2024' port=5433 ",
    ],
)
def test_server_locations_are_recognised(text: str) -> None:
    location = parse_location(text)
    assert location.is_postgres and location.path is None


@pytest.mark.parametrize("text", ["reader.db", "~/data/pemilu.db", "a=b.db", "host=x notakey=y", "data/x"])
def test_paths_stay_paths(text: str) -> None:
    location = parse_location(text)
    assert not location.is_postgres
    assert location.path == Path(text).expanduser()


@pytest.mark.parametrize(
    ("conninfo", "shown"),
    [
        ("postgresql://rina:s3cret@db.example:5432/pemilu", "postgresql://rina@db.example:5432/pemilu"),
        ("postgresql://db.example/pemilu?password=s3cret&sslmode=require",
         "postgresql://db.example/pemilu?sslmode=require"),
        ("host=db.example password=s3cret dbname=pemilu", "host=db.example dbname=pemilu"),
        ("host=db.example password='s3 cret' dbname=pemilu", "host=db.example dbname=pemilu"),
    ],
)  # fmt: skip
def test_passwords_are_never_shown(conninfo: str, shown: str) -> None:
    assert redact(conninfo) == shown
    assert Location(conninfo=conninfo).shown == shown
    assert "s3" not in str(Location(conninfo=conninfo))


def test_option_then_environment_then_config_then_default(
    monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    location, is_default = resolve_location(None)
    assert is_default and location.path is not None and location.path.name == "reader.db"
    config = isolated_env / "config" / "reader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[database]\nlocation = "service=tim"\nuser = "rina"\n', "utf-8")
    assert resolve_location(None) == (Location(conninfo="service=tim"), False)
    monkeypatch.setenv("READER_DB", "postgresql:///pemilu")
    assert resolve_location(None)[0] == Location(conninfo="postgresql:///pemilu")
    assert resolve_location("mine.db")[0] == Location(path=Path("mine.db"))

    from reader.store.corrections import analyst_name

    monkeypatch.delenv("READER_USER", raising=False)
    assert analyst_name(None) == "rina"  # the config file's [database] user
    assert analyst_name("dewi") == "dewi"


def test_an_unreachable_server_is_one_line_without_password_and_no_file(tmp_path: Path) -> None:
    uri = f"postgresql://rina:s3cret@/pemilu?host={tmp_path}/nosocket&connect_timeout=2"
    result = CliRunner().invoke(cli, ["--db", uri, "stats"], catch_exceptions=False)
    assert result.exit_code == 3
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("reader: error: cannot connect to postgresql://rina@")
    assert "s3cret" not in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # nothing was created for the URI
    assert not any(Path.cwd().glob("postgresql*"))
