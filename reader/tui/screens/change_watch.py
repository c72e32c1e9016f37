"""Other analysts' changes, noticed at once: a thread that waits on the store's change signal.

The thread is the screen's own (not a Textual worker, which the app would wait for while
it runs as long as the screen does) and holds a connection of its own, on which it waits
the way the store says (:func:`reader.store.changes.change_signal`: LISTEN/NOTIFY on
PostgreSQL, ``PRAGMA data_version`` on SQLite). It reads nothing itself: each time the store
may have changed it posts :class:`~reader.tui.messages.ChangesWaiting`, and the screen reads
what changed in a worker, from where it last read (:func:`reader.store.changes.changes_after`).
A connection that fails is opened again a second later, and the log read once more then.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import Any

from reader.store.changes import ChangeSignal, change_signal
from reader.store.worker_connections import ThreadConnections
from reader.tui.messages import ChangesWaiting
from reader.tui.screens.workers import db_errors

WAIT_SECONDS = 5.0  # one wait; the stop event ends it sooner
RETRY_SECONDS = 1.0  # after a failed connection or wait


class ChangeWatch:
    def __init__(self, screen: Any, connections: ThreadConnections) -> None:
        self.screen = screen
        self.connections = connections
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="watch-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ends the wait (a quarter of a second at most) and closes the thread's connection."""
        self._stop.set()

    def _watch(self) -> None:
        signal: ChangeSignal | None = None
        while not self._stop.is_set():
            try:
                if signal is None:
                    signal = change_signal(self.connections.get())
                    self._post()  # what came before the signal was set up is read once
                if signal.wait(WAIT_SECONDS, self._stop):
                    self._post()
            except db_errors():
                signal = None
                self._close()
                self._stop.wait(RETRY_SECONDS)
        self._close()

    def _close(self) -> None:
        with suppress(*db_errors()):
            self.connections.close_current()

    def _post(self) -> None:
        if not self._stop.is_set():
            with suppress(RuntimeError):  # the app closed its event loop a moment ago
                self.screen.post_message(ChangesWaiting())
