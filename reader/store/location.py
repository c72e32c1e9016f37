"""Where the database is: a SQLite file, or a PostgreSQL server named by a libpq URI or keywords.

``--db``, ``$READER_DB`` and the config file's ``[database] location`` all take either.
A PostgreSQL location is never turned into a file name, and it is only ever shown with
its password removed (:attr:`Location.shown`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from reader.config import database_setting
from reader.paths import default_db_path

URI_SCHEMES = ("postgresql://", "postgres://")
# libpq's connection keywords: a "key=value ..." string made of these is a server location.
CONNINFO_KEYWORDS = frozenset(
    "host hostaddr port dbname user password passfile service options sslmode sslrootcert "
    "sslcert sslkey connect_timeout application_name target_session_attrs".split()
)
_KEYWORD_PAIR = re.compile(r"\s*([a-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)")


@dataclass(frozen=True, slots=True)
class Location:
    """A database location: ``path`` for SQLite, ``conninfo`` for PostgreSQL."""

    path: Path | None = None
    conninfo: str | None = None

    @property
    def is_postgres(self) -> bool:
        return self.conninfo is not None

    @property
    def shown(self) -> str:
        """The location as it may be printed: a path, or the server location without password."""
        if self.conninfo is not None:
            return redact(self.conninfo)
        return str(self.path)

    @property
    def key(self) -> str:
        """What identifies this database between runs (the app remembers its search per database)."""
        if self.conninfo is not None:
            return self.shown
        return str(Path(self.path or "").absolute())

    def __str__(self) -> str:
        return self.shown


def is_server_location(text: str) -> bool:
    """A libpq URI, or a keyword string whose every ``key=`` is a libpq keyword."""
    stripped = text.strip()
    if stripped.lower().startswith(URI_SCHEMES):
        return True
    pairs = _KEYWORD_PAIR.findall(stripped)
    if not pairs or "=" not in stripped:
        return False
    rebuilt = _KEYWORD_PAIR.sub("", stripped).strip()
    return not rebuilt and all(key in CONNINFO_KEYWORDS for key, _value in pairs)


def parse_location(text: str | os.PathLike[str]) -> Location:
    if isinstance(text, str) and is_server_location(text):
        return Location(conninfo=text.strip())
    return Location(path=Path(text).expanduser())


def redact(conninfo: str) -> str:
    """``conninfo`` with any password removed (URI user info, ``?password=``, ``password=``)."""
    if conninfo.lower().startswith(URI_SCHEMES):
        parts = urlsplit(conninfo)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            netloc = f"{userinfo.split(':', 1)[0]}@{host}"
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
        return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="/"), parts.fragment))
    kept = [f"{key}={value}" for key, value in _KEYWORD_PAIR.findall(conninfo) if key != "password"]
    return " ".join(kept)


def resolve_location(option: str | os.PathLike[str] | None) -> tuple[Location, bool]:
    """The database to use: ``--db`` > ``$READER_DB`` > the config file > the per-user default.

    Returns the location and whether it is the per-user default (only that one is
    seeded with the sample articles on first use).
    """
    for chosen in (option, os.environ.get("READER_DB"), database_setting("location")):
        if chosen:
            return parse_location(chosen), False
    return Location(path=default_db_path()), True
