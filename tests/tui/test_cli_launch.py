"""Plain ``reader`` opens the app on the chosen database."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli
from reader.store.location import Location


def test_plain_reader_runs_the_app_on_the_db_as_the_user(tmp_path: Path, monkeypatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr("reader.tui.app.run_app", lambda location, user: opened.append((location, user)))
    monkeypatch.setenv("READER_USER", "rina")
    path = tmp_path / "mine.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "--user", " rina "])
    assert result.exit_code == 0, result.output
    assert opened == [(Location(path=path), "rina")] and path.exists()
    assert CliRunner().invoke(cli, ["--db", str(path), "--user", "budi"]).exit_code == 0
    assert opened[-1] == (Location(path=path), "budi")  # the analyst the app claims articles for


def test_plain_reader_on_a_server_location_creates_no_file(tmp_path: Path, monkeypatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr("reader.tui.app.run_app", lambda location, user: opened.append(location))
    monkeypatch.chdir(tmp_path)
    uri = f"postgresql://rina:s3cret@/pemilu?host={tmp_path}/none&connect_timeout=1"
    result = CliRunner().invoke(cli, ["--db", uri])
    assert result.exit_code == 3 and "s3cret" not in result.output
    assert opened == [] and list(tmp_path.iterdir()) == []
