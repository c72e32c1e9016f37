"""The README's set-up commands work as written when pasted into a shell on a fresh machine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _setup_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_exactly_two_setup_commands_run_and_test() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    run, test = commands
    assert "\n" not in run and "\n" not in test
    assert test == "bash .ci/run"
    assert "[test]" not in run  # the user's set-up does not install the test tools
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "-e '.[test]'" in ci  # the test command installs its own extras


@pytest.mark.slow
def test_setup_command_puts_reader_on_path(tmp_path: Path) -> None:
    """The set-up chain as pasted, in a copy of the checkout, then a later README example as typed."""
    checkout = tmp_path / "checkout"
    shutil.copytree(REPO, checkout, ignore=shutil.ignore_patterns(".venv*", ".git", "__pycache__", "*.db"))
    run = _setup_commands()[0]
    assert run.endswith("&& reader")
    # The app needs a terminal; `reader import` (the README's next step) shows the same PATH at work.
    script = run.removesuffix("&& reader") + "&& reader import seeds && reader stats && pip show pytest"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    env["READER_DB"] = str(tmp_path / "reader.db")
    done = subprocess.run(
        ["bash", "-c", script], cwd=checkout, env=env, capture_output=True, text=True, timeout=600
    )
    assert "imported 2" in done.stdout, done.stderr
    assert "articles" in done.stdout
    assert done.returncode != 0 and "not found" in done.stderr.lower()  # pytest was not installed
