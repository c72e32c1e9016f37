"""The claim on the article this app has open (reader.store.claims), kept in workers.

The highlighted article is claimed for the analyst; moving to another article releases
the previous claim in the same step, so the others' ``u`` can hand it out at once; a
timer renews the claim while the article stays open; quitting releases it (a claim left
by an app that was killed expires by itself). The requests are numbered and run one at
a time under a lock, and only the newest one is carried out: a quick run of the cursor
over twenty rows writes once, and no older request can undo a newer one.
"""

from __future__ import annotations

import threading
from typing import Any

from reader.store.claims import CLAIM_MINUTES, claim, release
from reader.store.worker_connections import ThreadConnections
from reader.tui.screens.workers import ScreenJobs, db_errors

RENEW_SECONDS = CLAIM_MINUTES * 60 / 5  # renewed four times before it could expire


class ClaimWorkers(ScreenJobs):
    """Holds at most one claim: on the article the screen shows."""

    def __init__(self, screen: Any, connections: ThreadConnections) -> None:
        super().__init__(screen, connections)
        self._lock = threading.Lock()
        self._asked = 0  # the newest request's number (written by the UI thread only)
        self.held: int | None = None  # the article claimed (written under the lock only)

    def keep(self, article_id: int | None, user: str) -> None:
        """Claim ``article_id`` (None: nothing) for ``user`` and release the one held before;
        asked again for the same article, renew it."""
        self._asked += 1
        self._run(self._keep, self._asked, article_id, user, group="claims")

    def _keep(self, number: int, article_id: int | None, user: str) -> None:
        with self._lock:
            if number != self._asked:
                return  # a newer request follows and decides
            try:
                db = self.connections.get()
                if self.held is not None and self.held != article_id:
                    release(db, self.held, user)
                    self.held = None
                if article_id is not None and claim(db, article_id, user).held_by(user):
                    self.held = article_id
            except db_errors():
                return  # a claim is a courtesy to the others: the next request tries again

    def drop(self, article_id: int, user: str) -> None:
        """Release a claim ``u`` took for a move the screen did not make (unless it is shown)."""
        self._run(self._drop, article_id, user, group="claims")

    def _drop(self, article_id: int, user: str) -> None:
        with self._lock:
            if self.held == article_id:
                return
            try:
                release(self.connections.get(), article_id, user)
            except db_errors():
                return  # it expires by itself

    def release_at_exit(self, user: str) -> None:
        """Quitting: give the claim back from a thread of its own (the app does not wait), which
        the process lets finish before it ends."""
        self._asked += 1  # no request still queued may claim again
        threading.Thread(target=self._release_all, args=(user,), name="release-claim").start()

    def _release_all(self, user: str) -> None:
        with self._lock:
            held, self.held = self.held, None
            if held is None:
                return
            try:
                db = self.connections.get()  # this thread's own connection
                release(db, held, user)
                db.close()
            except db_errors():
                return
