"""The server restarting under an open connection: reads carry on, a cut write is never done."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.store.connect import open_db
from reader.store.errors import database_errors, is_connection_lost
from reader.store.notes import get_note, set_note
from reader.store.review import set_reviewed
from tests.conftest import SEEDS
from tests.postgres_server import RestartableServer, start_restartable


@pytest.fixture(scope="module")
def server() -> Iterator[RestartableServer]:
    started = start_restartable()
    yield started
    started._server.cleanup()


def test_a_restart_is_survived_and_a_cut_write_is_not_done(server: RestartableServer) -> None:
    from reader.ingest.pipeline import import_paths

    location = server.location_for("restart")
    db = open_db(location)
    import_paths(db, [SEEDS])
    server.stop()
    with pytest.raises(database_errors()) as failed:  # the server is away: the write fails, loudly
        set_note(db, 1, "ditulis saat server mati")
    assert is_connection_lost(failed.value)
    server.start()
    # The next statements reconnect by themselves; the failed write left nothing behind.
    assert get_note(db, 1) is None
    set_reviewed(db, 1, True)
    assert db.execute("SELECT reviewed FROM review WHERE article_id = 1").fetchone()[0] == 1
    server.stop()
    server.start()
    with db.atomic():  # a transaction after a restart also reconnects before it begins
        set_note(db, 2, "sesudah restart")
    assert get_note(db, 2) == "sesudah restart"
    db.close()
