"""Who is acting: the analyst's name recorded with every review mark, tag, note, undo step and
correction."""

from __future__ import annotations

import getpass
import os

USER_ENV = "READER_USER"


def analyst_name(option: str | None = None) -> str:
    """Who is acting: ``--user`` > ``$READER_USER`` > the config file's ``[database] user`` > the
    login name."""
    from reader.config import database_setting

    for name in (option, os.environ.get(USER_ENV), database_setting("user")):
        if name and name.strip():
            return " ".join(name.split())
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


def same_analyst(one: str | None, other: str | None) -> bool:
    """Two names of one analyst (names compare without regard to case, like tags)."""
    return one is not None and other is not None and one.casefold() == other.casefold()
