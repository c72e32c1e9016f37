"""Third-party modules that load on first use instead of at import.

sqlite-utils imports ``dateutil.parser`` when it is imported (for recipes reader never
calls), and building dateutil's parser and time-zone tables costs a short-lived command such
as ``reader search`` about a sixth of its start-up. :func:`defer` puts a lazily loaded module
in its place (the standard library's ``importlib.util.LazyLoader``): importing it is free
and the module runs on the first attribute anyone reads, so behaviour is unchanged.
"""

from __future__ import annotations

import importlib.util
import sys

DEFERRED = ("dateutil.parser",)


def defer(name: str) -> None:
    """Make ``name`` load on first attribute access (nothing when already imported or absent)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)


def defer_all() -> None:
    for name in DEFERRED:
        defer(name)
