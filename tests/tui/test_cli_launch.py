"""Plain ``reader`` opens the app on the chosen database."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli


def test_plain_reader_runs_the_app_on_the_db(tmp_path: Path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("reader.tui.app.run_app", opened.append)
    path = tmp_path / "mine.db"
    result = CliRunner().invoke(cli, ["--db", str(path)])
    assert result.exit_code == 0, result.output
    assert opened == [str(path)] and path.exists()
