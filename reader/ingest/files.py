"""Finding article files under the paths a user gives, and reading their text safely."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".json", ".csv"}
BINARY_SNIFF_BYTES = 8192
NOT_REGULAR = "not a regular file (a pipe, socket or device)"


@dataclass(frozen=True, slots=True)
class Skip:
    """Something that could not be imported, and why (one line for the summary)."""

    where: str
    why: str


class UnreadableFile(Exception):
    """A file whose bytes are not text reader can use; the message says why."""


def find_files(paths: list[Path]) -> Iterator[Path | Skip]:
    """Every supported file under ``paths`` (folders recursively), in a stable order.

    Symlinked folders are followed once: a loop is reported, not walked forever.
    """
    seen_dirs: set[str] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.is_file():
            yield path if path.suffix.lower() in SUPPORTED_SUFFIXES else Skip(
                str(path), f"unsupported file type '{path.suffix or '(none)'}'"
            )
        elif path.is_symlink():
            yield Skip(str(path), "broken symbolic link")
        elif path.exists():
            yield Skip(str(path), NOT_REGULAR)
        else:
            yield Skip(str(path), "no such file or folder")


def _walk(root: Path, seen_dirs: set[str]) -> Iterator[Path | Skip]:
    real = os.path.realpath(root)
    if real in seen_dirs:
        yield Skip(str(root), "folder already visited (symbolic link loop)")
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        yield Skip(str(root), f"cannot list folder: {error.strerror}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield _regular(path)
        # other files in a folder (images, archives) are not articles: passed over quietly


def _regular(path: Path) -> Path | Skip:
    """``path`` if it is a regular file (a pipe would block the import forever)."""
    if not path.exists():
        return Skip(str(path), "broken symbolic link")
    return path if path.is_file() else Skip(str(path), NOT_REGULAR)


def sniff_encoding(head: bytes) -> str:
    """The codec for a file starting with ``head``; raises UnreadableFile for binary data."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:BINARY_SNIFF_BYTES]:
        raise UnreadableFile("binary file, not text")
    return "utf-8"


def read_text(path: Path) -> str:
    """The whole text of ``path``: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror}") from error
    return decode(data)


def decode(data: bytes) -> str:
    encoding = sniff_encoding(data[:BINARY_SNIFF_BYTES])
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"not valid {encoding.upper().replace('-SIG', '')} text (byte 0x{data[error.start]:02x} "
            f"at offset {error.start}); save it as UTF-8 and import again"
        ) from error
