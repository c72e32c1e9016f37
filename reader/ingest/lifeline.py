"""Tie an import's worker processes to the process that started them.

A pool worker blocked on a full result pipe never notices that its parent is
gone, so a ``kill -9`` of ``reader import`` would leave it running for ever.
Each worker therefore asks the kernel to kill it when its parent dies (Linux),
and also watches its parent id from a daemon thread, which covers the other
POSIX systems and a parent that died before the request was made.
Ctrl-C reaches the whole foreground process group: workers ignore it, so the
parent alone decides how the import ends and shuts the pool down.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

WATCH_INTERVAL = 0.5  # seconds between parent checks in a worker
_PR_SET_PDEATHSIG = 1


def _ask_kernel_to_follow(parent: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return  # the watcher thread still covers it
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)


def follow_parent(parent: int) -> None:
    """Pool initializer: end this worker when ``parent`` ends; leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ask_kernel_to_follow(parent)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
