"""Cleaning a scraped article before anything is stored or indexed.

Order matters: cut the trailing junk (related-article lists after the editor
initials) first, then drop boilerplate lines, then strip the dateline, so that
no headline from another story reaches the body, the quotes or the actors.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from reader.ingest import boilerplate
from reader.ingest.dateline import split_dateline
from reader.ingest.dates import find_date, normalise_date
from reader.ingest.glue import unglue
from reader.ingest.header import split_header
from reader.models import CleanArticle, RawArticle

# zero-width spaces and joiners, direction marks (`\u200ekata`), BOM, soft hyphen
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
_SPACE_RUN_AS_BREAK = re.compile(r"[ \t]{3,}")  # Antara dumps use space runs as paragraph breaks
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u3000]")
# Paragraphs joined by a comma, as a list of paragraphs written out as one CSV field comes
# out (`… Kepulauan Riau.,Penangkapan …`, `… 2019.,"Keduanya …`, `… KPK., Ada …`): a
# sentence's end, a comma (or two) and, after at most one space, the next paragraph's
# capitalised word or opening quote (after a closing quote: no space, `"…", Anies
# menambahkan` is one paragraph). Degrees and initials (`S.H.,M.H.`, `M.Si.,Ph.D.`) have
# a dot two characters before the comma, or a capital and a dot after it. A straight quote
# after the comma opens the next paragraph only when a word follows it at once: in
# `… UU?," tanya Fahri` it closes the question.
_COMMA_JOINED_PARAGRAPH = re.compile(
    r"(?:(?<=[A-Za-z0-9)]{2}[.!?]),+ ?|(?<=[.!?,][\"”]),)" + r"(?=“|\"(?=[^\s,.])|[A-Z][a-z]+\b(?!\.))"
)


def _spaces_to_fix(line: str) -> bool:
    """Would _SPACES change ``line``: two spaces, a tab, or any other kind of space?"""
    return "  " in line or "\t" in line or (not line.isascii() and bool(_ODD_SPACE.search(line)))

DATE_SEARCH_CHARS = 3000


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if not text.isascii() and any(chr(code) in text for code in _INVISIBLE):
        text = text.translate(_INVISIBLE)  # slow on long text: only when there is one
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if "   " not in text and "\t" not in text:
        return text  # no run of three spaces or tabs: skip the scan
    return _SPACE_RUN_AS_BREAK.sub("\n", text)


def _split_comma_joined(text: str) -> str:
    if ".," not in text and '",' not in text and "”," not in text:
        return text  # the usual case: no scan
    return _COMMA_JOINED_PARAGRAPH.sub("\n", text)


def _paragraphs(lines: list[str]) -> list[str]:
    kept = lines[: boilerplate.end_of_article(lines)]
    if kept:
        kept[-1] = boilerplate.strip_end_marker(kept[-1])
    paragraphs = []
    for line in kept:
        if boilerplate.drop_line(line):
            continue
        line = boilerplate.strip_inline_noise(line)
        if _spaces_to_fix(line):
            line = _SPACES.sub(" ", line).strip()
        if line and not boilerplate.drop_line(line):
            paragraphs.append(line)
    return paragraphs


def clean(raw: RawArticle, *, detect_header: bool = False) -> CleanArticle:
    """The stored form of ``raw``: body without boilerplate, plus detected metadata.

    ``detect_header`` reads a rubric and title line from the top of the text
    (plain-text articles, which have no separate title field).
    """
    text = boilerplate.cut_glued_footer(_split_comma_joined(normalise_text(raw.text)))
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    section, title = raw.section, raw.title
    if detect_header:
        found_section, found_title, lines = split_header(lines)
        section, title = section or found_section, title or found_title
    paragraphs = _paragraphs(lines)
    dateline_outlet = None
    while paragraphs:
        found, paragraphs[0] = split_dateline(paragraphs[0], paragraphs[1:])
        dateline_outlet = dateline_outlet or found
        if paragraphs[0] and not boilerplate.drop_line(paragraphs[0]):  # "... - ADVERTISEMENT"
            break
        # Nothing was left of the opening paragraph (a dateline alone on its line): the
        # report begins in the next one, which is read as an opening too, as a second
        # cleaning of the stored body would read it.
        paragraphs.pop(0)
    paragraphs = [p for p in paragraphs if p]
    body = unglue(boilerplate.cut_glued_footer("\n\n".join(paragraphs)))
    return CleanArticle(
        source=raw.source,
        body=body,
        title=_clean_field(title),
        section=_clean_field(section),
        outlet=_clean_field(raw.outlet) or dateline_outlet,
        published=normalise_date(raw.published) or find_date(body[:DATE_SEARCH_CHARS]),
        url=_clean_field(raw.url),
        origin=raw.origin,
    )


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", normalise_text(value).replace("\n", " ")).strip()
    return value or None


def content_hash(body: str) -> str:
    """Identity of an article's text: the same words in any spacing or case are one article."""
    canonical = " ".join(body.lower().split())
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()
