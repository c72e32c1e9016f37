"""reader: a keyboard-driven terminal reader for Indonesian news."""

from reader.lazy_imports import defer_all

__version__ = "0.1.0"

defer_all()  # before anything imports sqlite-utils (see reader.lazy_imports)
