"""The user's settings file: ``$READER_CONFIG``, else ``config.toml`` in the config directory.

Two tables are read. ``[keys]``: binding id = key string; ``[database]``: where the
database is (a file path or a PostgreSQL URI) and who the analyst is, e.g.::

    [keys]
    toggle-reviewed = "x"
    next-unreviewed = "ctrl+u,U"

    [database]
    location = "postgresql://analyst@db.example:5432/pemilu"
    user = "rina"

A missing file means defaults. A broken file never stops the app: the problem
comes back in :attr:`Settings.problems` for the front end to show.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.paths import config_dir


@dataclass(frozen=True, slots=True)
class Settings:
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problems: tuple[str, ...] = ()


def config_path() -> Path:
    env = os.environ.get("READER_CONFIG")
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


def _read_keys(table: object, known_ids: frozenset[str] | None) -> tuple[dict[str, str], list[str]]:
    if not isinstance(table, dict):
        return {}, ['[keys] must be a table of binding-id = "key" lines']
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"[keys] {binding_id}: the key must be a non-empty string")
        elif known_ids is not None and binding_id not in known_ids:
            problems.append(f"[keys] {binding_id}: no such binding id")
        else:
            keymap[binding_id] = keys.strip()
    return keymap, problems


def load_settings(path: Path | None = None, known_ids: frozenset[str] | None = None) -> Settings:
    """Read the settings file; ``known_ids`` (if given) rejects unknown binding ids."""
    path = path or config_path()
    if not path.is_file():
        return Settings(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(path=path, problems=(f"{path}: {error}; using the default keys",))
    keymap, problems = _read_keys(data.get("keys", {}), known_ids)
    return Settings(keymap=keymap, path=path, problems=tuple(f"{path}: {p}" for p in problems))


def database_setting(key: str, path: Path | None = None) -> str | None:
    """``[database] <key>`` of the settings file (``location`` or ``user``), if it is set.

    An unreadable file or a value that is not a string counts as not set; the app
    reports the file's problems itself (:func:`load_settings`).
    """
    path = path or config_path()
    if not path.is_file():
        return None
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("database", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    value = table.get(key) if isinstance(table, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None
