"""The export formats: CSV and JSONL (articles or one row per quote) and a Markdown report.

Each writer gets one article record at a time (see :func:`reader.store.export.article_records`)
and writes it at once. CSV uses the ``csv`` module (minimal quoting, ``\\r\\n`` rows,
newlines inside a field kept inside its quotes), which spreadsheets read as written.
A text cell a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return first) gets a leading apostrophe, so it is read as text; ``raw_cells`` turns
that off.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from reader.errors import ReaderError

FORMATS = ("csv", "jsonl", "md")

ARTICLE_COLUMNS = (
    "id", "source", "title", "outlet", "section", "published", "url", "origin", "imported_at",
    "reviewed", "reviewed_at", "tags", "quote_count", "quotes", "body", "note",
)  # fmt: skip
QUOTE_COLUMNS = (
    "id", "article_id", "source", "title", "outlet", "published",
    "seq", "text", "speaker", "role", "cue", "kind", "start", "end",
    "corrected", "corrected_by", "corrected_at",
)  # fmt: skip
TAG_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(slots=True)
class Stats:
    articles: int = 0
    quotes: int = 0


def quote_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat dict per quote of ``record`` (``id`` is the quote's), with the article it comes from."""
    article = {
        "article_id": record["id"],
        **{k: record[k] for k in ("source", "title", "outlet", "published")},
    }
    return [{"id": quote["id"], **article, **quote} for quote in record["quotes"]]


def _cell(value: Any) -> Any:
    """A CSV cell: yes/no for flags, like the article rows' ``reviewed``."""
    return ("yes" if value else "no") if isinstance(value, bool) else value


def text_cell(value: Any) -> Any:
    """``value``, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    def __init__(self, out: TextIO, quotes_only: bool, title: str, raw_cells: bool = False) -> None:
        self.out = out
        self.quotes_only = quotes_only
        self.title = title
        self.raw_cells = raw_cells
        self.stats = Stats()

    def begin(self) -> None:
        pass

    def write(self, record: dict[str, Any]) -> None:
        self.stats.articles += 1
        self.stats.quotes += len(record["quotes"])
        self._write(record)

    def _write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def end(self) -> None:
        self.out.flush()


class CsvWriter(Writer):
    def begin(self) -> None:
        self.csv = csv.writer(self.out, quoting=csv.QUOTE_MINIMAL)
        self.csv.writerow(QUOTE_COLUMNS if self.quotes_only else ARTICLE_COLUMNS)

    def _row(self, cells: list[Any]) -> list[Any]:
        return cells if self.raw_cells else [text_cell(cell) for cell in cells]

    def _write(self, record: dict[str, Any]) -> None:
        if self.quotes_only:
            self.csv.writerows(
                self._row([_cell(row[c]) for c in QUOTE_COLUMNS]) for row in quote_rows(record)
            )
            return
        flat = {
            **record,
            "reviewed": "yes" if record["reviewed"] else "no",
            "tags": TAG_SEPARATOR.join(record["tags"]),
            "quote_count": len(record["quotes"]),
            "quotes": json.dumps(record["quotes"], ensure_ascii=False),
            "note": record["note"] or "",
        }
        self.csv.writerow(self._row([flat[c] for c in ARTICLE_COLUMNS]))


class JsonlWriter(Writer):
    def _write(self, record: dict[str, Any]) -> None:
        for item in quote_rows(record) if self.quotes_only else [record]:
            self.out.write(json.dumps(item, ensure_ascii=False) + "\n")


class MarkdownWriter(Writer):
    """A readable report: one section per article with its quotes (only quoted articles with --quotes)."""

    sections = 0

    def begin(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        what = "Quotes" if self.quotes_only else "Articles"
        self.out.write(f"# {what}: {_inline(self.title)}\n\nExported from reader on {stamp}.\n")

    def _write(self, record: dict[str, Any]) -> None:
        if self.quotes_only and not record["quotes"]:
            return
        self.sections += 1
        number = self.sections
        meta = [record["outlet"] or "outlet unknown", record["published"] or "undated", f"id {record['id']}"]
        meta.append(
            f"reviewed {record['reviewed_at'] or ''}".strip() if record["reviewed"] else "not reviewed"
        )
        lines = [
            "",
            f"## {number}. {_inline(record['title'] or '(untitled)')}",
            "",
            "*" + " · ".join(meta) + "*",
        ]
        if record["tags"]:
            lines.append(f"\nTags: {', '.join(record['tags'])}")
        if record["url"]:
            lines.append(f"\n<{record['url']}>")
        if record.get("note"):
            lines.append(f"\nNote: {_inline(record['note'])}")
        for quote in record["quotes"]:
            lines += ["", *_blockquote(quote)]
        if not record["quotes"] and not self.quotes_only:
            lines += ["", "No quotes found."]
        self.out.write("\n".join(lines) + "\n")

    def end(self) -> None:
        noun = "article" if self.sections == 1 else "articles"
        self.out.write(f"\n---\n\n{self.sections:,} {noun}, {self.stats.quotes:,} quotes.\n")
        super().end()


def _inline(text: str) -> str:
    return " ".join(str(text).split())


def _blockquote(quote: dict[str, Any]) -> list[str]:
    body = [f"> {line}" if line else ">" for line in str(quote["text"]).splitlines() or [""]]
    speaker = f"**{_inline(quote['speaker'])}**" if quote["speaker"] else "unknown speaker"
    role = f", {_inline(quote['role'])}" if quote["role"] else ""
    where = f"{quote['kind']}, characters {quote['start']}–{quote['end']}"
    if quote.get("corrected"):
        where += f"; corrected by {_inline(quote['corrected_by'])}, {quote['corrected_at']}"
    return [*body, f"> — {speaker}{role} ({where})"]


def writer_for(fmt: str, out: TextIO, quotes_only: bool, title: str, raw_cells: bool = False) -> Writer:
    writers: dict[str, type[Writer]] = {"csv": CsvWriter, "jsonl": JsonlWriter, "md": MarkdownWriter}
    if fmt not in writers:
        raise ReaderError(f"unknown export format '{fmt}' (use {', '.join(FORMATS)})")
    return writers[fmt](out, quotes_only, title, raw_cells)
