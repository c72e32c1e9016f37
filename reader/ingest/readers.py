"""Reading each supported file format into raw articles, one record at a time.

Every reader yields ``(RawArticle | Skip, bytes_done)`` so the importer can
stream large files with constant memory and show progress by bytes.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.ingest.files import Skip, UnreadableFile, decode, read_text, sniff_encoding
from reader.ingest.records import FIELD_NAMES, find_column, record_to_raw, text_file_to_raw
from reader.models import RawArticle

Item = tuple[RawArticle | Skip, int]
JSON_LIST_KEYS = ("articles", "data", "items", "records", "results")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_file(path: Path) -> Iterator[Item]:
    """The articles in ``path``; unreadable files and bad records come out as :class:`Skip`."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path)
        elif suffix == ".json":
            yield from _read_json(path)
        elif suffix == ".csv":
            yield from _read_csv(path)
        else:
            yield _one(text_file_to_raw(path, read_text(path)), str(path), path.stat().st_size)
    except UnreadableFile as error:
        yield Skip(str(path), str(error)), _size(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _one(result: RawArticle | str, where: str, done: int) -> Item:
    return (Skip(where, result) if isinstance(result, str) else result), done


def _loads(text: str, hint: str = "") -> tuple[object, str | None]:
    """The parsed JSON, or ``(None, reason)``: every way ``json.loads`` can refuse text."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        where = hint or f" at line {error.lineno}"
        return None, f"not valid JSON ({error.msg}{where})"
    except RecursionError:
        return None, "not valid JSON for reader (too deeply nested)"
    except ValueError:  # an integer of thousands of digits (Python's int conversion limit)
        return None, "not valid JSON for reader (a number thousands of digits long)"


def _read_jsonl(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror}") from error
    with handle:
        encoding = sniff_encoding(handle.read(8192))
        handle.seek(0)
        if encoding == "utf-16":  # rare: decode whole, then split
            lines: Iterator[bytes] = iter(decode(handle.read()).encode("utf-8").splitlines(True))
        else:
            lines = iter(handle)
        done = 0
        empty = True
        for number, raw_line in enumerate(lines, start=1):
            done += len(raw_line)
            where = f"{path}:{number}"
            if not raw_line.strip():
                continue
            empty = False
            try:
                line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Skip(where, "not valid UTF-8"), done
                continue
            record, problem = _loads(line, "; truncated line?")
            if problem is not None:
                yield Skip(where, problem), done
                continue
            yield _one(record_to_raw(record, where), where, done)
        if empty:
            yield Skip(str(path), "empty file"), done


def _read_json(path: Path) -> Iterator[Item]:
    text = read_text(path)
    size = _size(path)
    if not text.strip():
        yield Skip(str(path), "empty file"), size
        return
    data, problem = _loads(text)
    if problem is not None:
        yield Skip(str(path), problem), size
        return
    if isinstance(data, dict):
        nested = next((data[k] for k in JSON_LIST_KEYS if isinstance(data.get(k), list)), None)
        data = nested if nested is not None else [data]
    if not isinstance(data, list):
        yield Skip(str(path), f"JSON must be an object or a list of objects, not {type(data).__name__}"), size
        return
    if not data:
        yield Skip(str(path), "no articles in the file (an empty JSON list)"), size
        return
    for index, record in enumerate(data):
        where = f"{path}[{index}]"
        yield _one(record_to_raw(record, where), where, size if index == len(data) - 1 else 0)


def _delimiter(text: str) -> str:
    """The separator used in the header line (csv.Sniffer guesses wrong on quoted prose)."""
    header = text.split("\n", 1)[0]
    return max(",;\t|", key=header.count)


def _read_csv(path: Path) -> Iterator[Item]:
    text = read_text(path)
    size = _size(path)
    if not text.strip():
        yield Skip(str(path), "empty file"), size
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = reader.fieldnames or []
    if find_column(list(header), "text") is None:
        expected = ", ".join(FIELD_NAMES["text"][:4])
        yield Skip(str(path), f"no text column in the header (expected one of {expected})"), size
        return
    rows = 0
    try:
        for number, row in enumerate(reader, start=2):
            rows += 1
            where = f"{path}:{number}"
            clean_row = {k: v for k, v in row.items() if isinstance(k, str)}
            yield _one(record_to_raw(clean_row, where), where, 0)
    except csv.Error as error:
        yield Skip(str(path), f"malformed CSV ({error})"), size
        return
    if not rows:
        yield Skip(str(path), "no rows under the header line"), size
        return
    yield Skip("", ""), size  # progress marker only; the importer ignores empty skips
