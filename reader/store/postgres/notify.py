"""Waiting for other analysts' changes on PostgreSQL: LISTEN on a connection of its own.

Every commit that writes change-log lines sends a notification (the ``p006_change_notify``
trigger) whose payload is the writer's schema; :class:`Notifications` wakes when one for its
own schema arrives. The server delivers them at the commit, so waiting costs nothing and the
news comes at once. A connection that was lost missed what came meanwhile: the error goes to
the caller, who connects again and reads the log once (see :mod:`reader.store.changes`).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from reader.store.postgres.connect import PgDatabase

CHANNEL = "reader_changes"  # the trigger's channel (schema_steps.P006_CHANGE_NOTIFY)
STOP_CHECK_S = 0.25  # how long a wait goes without looking at the stop event


class Notifications:
    """The store's change signal on PostgreSQL (see :class:`reader.store.changes.ChangeSignal`)."""

    def __init__(self, db: PgDatabase) -> None:
        self.db = db
        self.schema = str(db.execute("SELECT current_schema()").fetchone()[0])
        db.execute(f"LISTEN {CHANNEL}")
        self._conn: Any = db.raw_connection()  # LISTEN holds on this connection only

    def wait(self, timeout: float, stop: threading.Event) -> bool:
        """Wait up to ``timeout`` seconds (less once ``stop`` is set) for a commit on this
        schema; True when one came."""
        if self.db.raw_connection() is not self._conn:
            raise ConnectionError("the connection was opened again; LISTEN is lost")
        deadline = time.monotonic() + timeout
        while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
            # What the first packet brought: a burst of commits is one piece of news.
            notes = list(self._conn.notifies(timeout=min(left, STOP_CHECK_S), stop_after=1))
            if any(note.payload == self.schema for note in notes):
                return True
        return False
