"""The core runs without the terminal app: no core module imports Textual or Rich."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import reader

CORE_PACKAGES = (
    "reader.text",
    "reader.store",
    "reader.ingest",
    "reader.extract",
    "reader.search",
    "reader.cli",
)


def core_modules() -> list[str]:
    names = ["reader", "reader.models", "reader.paths", "reader.errors", "reader.config"]
    for info in pkgutil.walk_packages([str(Path(reader.__file__).parent)], prefix="reader."):
        if info.name.startswith(CORE_PACKAGES) or info.name == "reader.__main__":
            names.append(info.name)
    return sorted(set(names) - {"reader.__main__"})


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet); returns what it printed."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_core_packages_are_all_found() -> None:
    found = core_modules()
    for package in CORE_PACKAGES:
        assert package in found
    assert not [name for name in found if name.startswith("reader.tui")]


def test_core_modules_import_without_textual_or_rich() -> None:
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "ui = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(ui))\n"
    )
    pulled_in = run_python(code)
    assert pulled_in == "", f"core modules pulled in: {pulled_in}"


def test_cli_help_does_not_start_textual() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from reader.cli import cli\n"
        "result = CliRunner().invoke(cli, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('textual' in sys.modules)\n"
    )
    assert run_python(code) == "False"


def test_opening_the_app_does_not_import_every_command() -> None:
    code = (
        "import sys\n"
        "import reader.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('reader.cli.') and m != 'reader.cli.context'))\n"
    )
    assert run_python(code) == "[]"


def test_every_command_module_is_listed() -> None:
    from click.testing import CliRunner

    from reader.cli import COMMAND_MODULES, cli

    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    for name, module in COMMAND_MODULES.items():
        assert f"\n  {name} " in result.output
        names = {c.name for c in importlib.import_module(f"reader.cli.{module}").COMMANDS}
        assert name in names
    cli_dir = Path(reader.__file__).parent / "cli"
    modules = {p.stem for p in cli_dir.glob("*_cmd*.py")} - {"app_cmd"}
    assert modules == set(COMMAND_MODULES.values())


def test_searching_an_existing_database_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils costs a short command about 45 ms to import; only schema steps need it."""
    from reader.store.connect import open_db

    db_path = tmp_path / "reader.db"
    open_db(db_path).close()  # a new file: the steps run here, in this process
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from reader.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['--db', {str(db_path)!r}, 'search', 'pemilu', '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'dateutil')))\n"
    )
    assert run_python(code) == "[]"


def test_a_new_database_is_built_by_every_step(tmp_path: Path) -> None:
    from reader.store.connect import open_db
    from reader.store.migrations import STEP_NAMES, migrations

    assert tuple(m.name for m in migrations._migrations) == STEP_NAMES
    db = open_db(tmp_path / "reader.db")
    applied = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY applied_at, rowid")]
    assert tuple(applied) == STEP_NAMES
