"""Turning scraper records (JSON objects, CSV rows, text files) into raw articles.

Scrapers name their fields differently; each article field accepts the usual
names (English and Indonesian), matched case-insensitively.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from reader.models import RawArticle

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article", "isi", "berita", "konten", "isi_berita"),
    "title": ("title", "headline", "judul", "judul_berita"),
    "url": ("url", "link", "source_url", "tautan"),
    "published": ("date", "published", "date_publish", "published_at", "publish_date",
                  "pubdate", "datetime", "tanggal", "waktu"),
    "outlet": ("outlet", "source", "source_domain", "publisher", "media", "sumber", "portal"),
    "section": ("section", "category", "rubric", "rubrik", "kategori", "kanal"),
    "id": ("id", "article_id", "uid", "guid"),
}  # fmt: skip

MAX_ARTICLE_CHARS = 2_000_000  # 2 MB of text is far beyond any real article

# A lone surrogate (a JSON escape such as \\ud800, a file name that is not UTF-8) cannot be
# stored or printed as UTF-8; it becomes U+FFFD, the usual mark for an unreadable character.
_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(value: str) -> str:
    """``value`` with any lone surrogate replaced by U+FFFD (a no-op for ordinary text)."""
    try:
        value.encode("utf-8")  # fails only on a surrogate; much faster than scanning for one
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def find_column(names: list[str], field: str) -> str | None:
    """The first of ``names`` that is an accepted name for ``field`` (case-insensitive)."""
    by_lower = {name.strip().lower(): name for name in names if isinstance(name, str)}
    for candidate in FIELD_NAMES[field]:
        if candidate in by_lower:
            return by_lower[candidate]
    return None


@functools.lru_cache(maxsize=256)
def _columns(keys: tuple[object, ...]) -> dict[str, str | None]:
    """Article field -> the record key holding it (records of one file share their keys)."""
    names = [key for key in keys if isinstance(key, str)]
    return {field: find_column(names, field) for field in FIELD_NAMES}


def _field(record: Mapping[str, object], columns: dict[str, str | None], field: str) -> str | None:
    column = columns[field]
    value = record.get(column) if column is not None else None
    if value is None:
        return None
    if isinstance(value, (int, float)) and field == "id":
        return str(value)
    return valid_text(value.strip()) or None if isinstance(value, str) else None


def record_to_raw(record: object, origin: str) -> RawArticle | str:
    """A raw article from one scraper record, or the reason it cannot be one."""
    if not isinstance(record, Mapping):
        return f"not a JSON object (found {type(record).__name__})"
    columns = _columns(tuple(record.keys()))
    text = _field(record, columns, "text")
    if text is None:
        return "no article text (expected a field such as text, body, content or maintext)"
    if len(text) > MAX_ARTICLE_CHARS:
        return f"article text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit"
    url = _field(record, columns, "url")
    source = _field(record, columns, "id") or url or "sha1:" + hashlib.sha1(text.encode()).hexdigest()[:16]
    return RawArticle(
        source=source,
        text=text,
        title=_field(record, columns, "title"),
        url=url,
        published=_field(record, columns, "published"),
        outlet=_field(record, columns, "outlet"),
        section=_field(record, columns, "section"),
        origin=valid_text(origin),
    )


def text_file_to_raw(path: Path, text: str) -> RawArticle | str:
    """A plain-text article (rubric, title and body lines, as in ``seeds/``)."""
    if not text.strip():
        return "empty file"
    if len(text) > MAX_ARTICLE_CHARS:
        return f"article text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit"
    return RawArticle(source=valid_text(path.stem), text=valid_text(text), origin=valid_text(str(path)))
