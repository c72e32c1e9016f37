"""The store's change signal, on both stores: a connection of its own wakes when another one
commits a mark or a tag (PostgreSQL: LISTEN/NOTIFY; SQLite: PRAGMA data_version), stays
asleep otherwise, and a stop ends the wait."""

from __future__ import annotations

import threading
import time

from reader.store.changes import change_signal, changes_after, last_change
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed


def _review_elsewhere(location: str) -> None:
    """Another analyst's app: a connection of its own, in a thread of its own."""
    writer = open_db(location)
    set_reviewed(writer, 1, True, user="dewi")
    writer.close()


def test_another_connections_commit_wakes_the_signal(seeded_location: str) -> None:
    watcher = open_db(seeded_location)
    signal = change_signal(watcher)
    stop = threading.Event()
    seen = last_change(watcher)
    assert signal.wait(0.3, stop) is False  # nothing committed
    started = time.monotonic()
    threading.Timer(0.2, _review_elsewhere, [seeded_location]).start()
    assert signal.wait(5, stop) is True
    assert time.monotonic() - started < 2
    changes = changes_after(watcher, seen)  # what it woke for is read the one way
    assert changes.states[1].reviewed and changes.states[1].reviewed_by == "dewi"
    writer = open_db(seeded_location)
    add_tag(writer, 2, "cek-fakta", user="dewi")
    assert signal.wait(5, stop) is True
    assert signal.wait(0.3, stop) is False  # one wake for one commit's news
    writer.close()
    stop.set()
    started = time.monotonic()
    assert signal.wait(30, stop) is False and time.monotonic() - started < 1
    watcher.close()


def test_a_commit_in_another_schema_does_not_wake_it(pg_location: str, pg_server: object) -> None:
    from tests.postgres_server import PgServer, next_schema

    assert isinstance(pg_server, PgServer)
    from reader.ingest.pipeline import import_paths
    from tests.conftest import SEEDS

    elsewhere = pg_server.location_for(next_schema())  # another team's reader, same database
    other = open_db(elsewhere)
    import_paths(other, [SEEDS])
    watcher = open_db(pg_location)
    signal, stop = change_signal(watcher), threading.Event()
    set_reviewed(other, 1, True, user="dewi")
    assert signal.wait(0.5, stop) is False
    other.close()
    watcher.close()
