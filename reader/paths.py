"""Where reader keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"


def data_dir() -> Path:
    import platformdirs  # only when no --db or $READER_DB names the file

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
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


def user_actor_file() -> Path:
    """The user's own actor catalogue (``$READER_ACTORS`` or config dir), if they made one."""
    env = os.environ.get("READER_ACTORS")
    if env:
        return Path(env).expanduser()
    return config_dir() / "actors.json"


def seeds_dir() -> Path:
    """The bundled sample articles: inside the wheel, or ``seeds/`` in a source checkout."""
    packaged = Path(__file__).parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"
