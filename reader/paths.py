"""Where reader keeps its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "reader"


def data_dir() -> Path:
    import platformdirs  # only when no --db or $READER_DB names the file

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies here, without importing it (about 9 ms): every
        # command reads the config file, most name the database with --db or $READER_DB.
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def export_dir() -> Path:
    """Where the app suggests writing exports: ``reader-exports`` in the user's documents folder
    when there is one (``~/Documents`` on most desktops), else ``exports`` in the data directory;
    never the current folder (it may be a git checkout)."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    if documents.is_dir() and documents != Path.home():
        return documents / "reader-exports"
    return data_dir() / "exports"


def default_db_path() -> Path:
    return data_dir() / "reader.db"


def old_actor_file() -> Path | None:
    """The actor file earlier versions merged into the bundled catalogue (``$READER_ACTORS``,
    else ``actors.json`` in the config dir), when one is set up. It is no longer read: the
    catalogue is the database's (``reader actors load``)."""
    env = os.environ.get("READER_ACTORS")
    path = Path(env).expanduser() if env else config_dir() / "actors.json"
    return path if env or path.is_file() else None


def seeds_dir() -> Path:
    """The bundled sample articles: inside the wheel, or ``seeds/`` in a source checkout."""
    packaged = Path(__file__).parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"
