"""A time limit for the statements of one search: a runaway query is stopped, not waited for."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reader.store.database import Database


@contextmanager
def deadline(db: Database, seconds: float, steps: int) -> Iterator[None]:
    """Interrupt any statement still running ``seconds`` from now (checked every ``steps``
    virtual machine steps)."""
    give_up = time.monotonic() + seconds
    db.conn.set_progress_handler(lambda: int(time.monotonic() > give_up), steps)
    try:
        yield
    except sqlite3.OperationalError as error:
        # Stopped while opening the index, SQLite reports the failed step, not the interrupt.
        if time.monotonic() > give_up and "interrupted" not in str(error):
            raise sqlite3.OperationalError("interrupted") from error
        raise
    finally:
        db.conn.set_progress_handler(None, 0)
