"""Errors that carry a one-line message meant for the user."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can act on; the CLI prints ``str(error)`` and exits non-zero."""

    exit_code = 1


class UsageError(ReaderError):
    """Unusable arguments (a missing path, a bad option value)."""

    exit_code = 2


class DatabaseError(ReaderError):
    """The database cannot be opened or written (damaged, newer schema, read-only, full disk)."""

    exit_code = 3
