"""Running a write again when the server aborted it for another writer's sake.

PostgreSQL resolves a deadlock (or, at a stricter isolation level, a serialization
conflict) by aborting one transaction; that transaction did nothing and may simply run
again. :func:`retrying` does that inside, a few times with a short random pause, so the
user never sees the conflict. SQLite waits for its write lock instead and never asks.
A call inside the caller's transaction is not retried on its own: the outermost one is.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from reader.store.backend import backend_of

ATTEMPTS = 8
PAUSE_S = 0.02  # the first pause; it doubles with each attempt (with jitter)

P = ParamSpec("P")
T = TypeVar("T")


def run_retrying(db: Any, action: Callable[[], T]) -> T:
    """``action()``, run again while the store says its failure is worth retrying."""
    if db.conn.in_transaction:
        return action()
    backend = backend_of(db)
    for attempt in range(ATTEMPTS):
        try:
            return action()
        except Exception as error:
            if attempt == ATTEMPTS - 1 or not backend.is_retryable(error):
                raise
            time.sleep(PAUSE_S * (2**attempt) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")  # pragma: no cover


def retrying(function: Callable[Concatenate[Any, P], T]) -> Callable[Concatenate[Any, P], T]:
    """A store write ``function(db, ...)`` that is run again after a retryable conflict."""

    @functools.wraps(function)
    def wrapper(db: Any, *args: P.args, **kwargs: P.kwargs) -> T:
        return run_retrying(db, lambda: function(db, *args, **kwargs))

    return wrapper
