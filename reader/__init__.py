"""reader: a keyboard-driven terminal reader for Indonesian news."""

__version__ = "0.1.0"
