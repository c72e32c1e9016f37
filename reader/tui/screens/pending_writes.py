"""Writes a screen has asked for and its workers have not finished yet.

A read that must see the user's last change (``u`` right after ``r`` looks for the next
unreviewed article) waits for them: both are thread workers, and the read could otherwise
run first and find the article still unmarked.
"""

from __future__ import annotations

import threading
from typing import Any
from weakref import WeakKeyDictionary

WAIT_LIMIT_S = 5.0  # a write stuck on an unreachable server must not hold the read for ever


class PendingWrites:
    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def started(self) -> None:
        """Called on the UI thread when a write is handed to a worker, before it runs."""
        with self._changed:
            self._count += 1

    def finished(self) -> None:
        with self._changed:
            self._count -= 1
            self._changed.notify_all()

    def wait(self, limit: float = WAIT_LIMIT_S) -> bool:
        """Wait (in a worker, never the UI thread) until no write is pending; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._count <= 0, limit)


_of_screen: WeakKeyDictionary[Any, PendingWrites] = WeakKeyDictionary()


def pending_writes(screen: Any) -> PendingWrites:
    """The one record of ``screen``'s pending writes, shared by all its workers."""
    found = _of_screen.get(screen)
    if found is None:
        found = _of_screen[screen] = PendingWrites()
    return found
