"""Boilerplate in scraped Indonesian news: lines to drop, phrases to cut, where articles end.

Everything here works line by line on text whose line breaks are already
normalised to ``\\n``. Patterns are anchored and linear, so huge or hostile
input cannot make them backtrack.
"""

from __future__ import annotations

import re

# Whole lines that are never article text.
_DROP_LINE = re.compile(
    r"""^\s*(?:
        (?:baca|lihat|simak|tonton)\s+(?:juga|pula|selengkapnya).*
      | simak\s+video\b.*
      | \[gambas:[^\]]*\]\s*
      | advertisement | scroll\s+to\s+continue\s+with\s+content | iklan | loading\.*
      | (?:editor|penulis|reporter|pewarta|sumber|penyunting|fotografer|redaktur)\s*:.*
      | artikel\s+ini\s+(?:telah\s+)?tayang\s+di\b.*
      | berita\s+ini\s+telah\s+tayang\s+di\b.*
      | dapatkan\s+(?:update|informasi|berita)\b.*
      | simak\s+breaking\s+news\b.*
      | ikuti\s+(?:kami|berita|update|saluran|channel)\b.*
      | cek\s+berita\s+dan\s+artikel\b.*
      | google\s+news\s*
      | baca\s+berita\s+dengan\s+sedikit\s+iklan\b.*
      | download\s+apps?\b.*
      | copyright\s*©.* | ©\s*\d{4}.*
      | dilarang\s+keras\s+mengambil\s+konten\b.*
      | halaman\s+(?:\d+\s*)+(?:selanjutnya)?\s*
      | yuk,?\s+simak\s+juga\b.*
      | perbesar\s*
      | \#\s*\S.*\#.*              # hashtag footers: "# Gibran# Cawapres Gibran# ..."
      | [-–—*_=•]{1,}\s*           # separator lines
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Phrases that scrapers glue into running text.
_INLINE_NOISE = re.compile(
    r"\s*(?:ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT|\[Gambas:[^\]\n]{0,80}\])\s*"
    r"|(?<=[.!?\"”])Perbesar(?=\W|$)"  # Bisnis.com's image-zoom button text
)

# Editor initials such as (dmy/fth), (Ant/OL-6), (iwd/iwd), (jpnn), (*), (red): the article ends there.
# detik follows the initials with lower-case tag keywords: "(fat/fat) banjir di ponorogo".
_END_MARKER = re.compile(
    r"\((?:[A-Za-z]{1,8}(?:/[A-Za-z0-9-]{1,10}){1,3}|\*|(?i:red|jpnn|ant|antara))\)\s*(?:\*{3})?"
    r"(?:\s+[a-z0-9][a-z0-9 -]*)?\s*$"
    r"|\*{3}\s*$",
)

# A related-articles header: "NUSANTARA4 hari ago", "Berita Terkait", "Artikel Terkait".
_RELATED_HEADER = re.compile(
    r"^\s*(?:[A-Z][A-Z &]{2,40}\s*\d{1,2}\s+(?:hari|jam|menit|minggu|bulan)\s+(?:ago|lalu|yang\s+lalu)"
    r"|(?:berita|artikel|baca)\s+(?:terkait|lainnya|selanjutnya)\s*:?)\s*$",
    re.IGNORECASE,
)

# Footers glued to the last sentence (Antara, Bisnis): cut from the footer to the end. The
# pattern opens with a letter (the space before a footer is stripped after the cut), so the
# search jumps between those letters.
_GLUED_FOOTER = re.compile(
    r"(?:Pewarta\s*:|Editor\s*:|COPYRIGHT\s*©|Cek Berita dan Artikel yang lain di\s+Google"
    r"|Simak (?:[Jj]uga )?(?:[Vv]ideo\s*)?['\"‘“]|Yuk,? Simak Juga Video)",
)

# "Baca juga: Headline In Title Case" glued into a paragraph.
_INLINE_READ_ALSO = re.compile(r"(?:Baca|BACA|Lihat|LIHAT)\s+(?:[Jj]uga|JUGA)\s*:?\s*")


# Some scrapers put a whole article on one line ("Penulis: ,Saat ini masyarakat ...").
# A boilerplate line is short; a long one is article text that merely starts like one.
MAX_BOILERPLATE_LINE = 300


def drop_line(line: str) -> bool:
    return len(line) <= MAX_BOILERPLATE_LINE and bool(_DROP_LINE.match(line))


# Literal text every match of _INLINE_NOISE / _INLINE_READ_ALSO contains: most lines have
# none, and a substring test is much cheaper than running the pattern over the line.
_INLINE_NOISE_WORDS = ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "[Gambas:", "Perbesar")
_READ_ALSO_WORDS = ("Baca", "BACA", "Lihat", "LIHAT")


def strip_inline_noise(line: str) -> str:
    if any(word in line for word in _INLINE_NOISE_WORDS):
        line = _INLINE_NOISE.sub(" ", line)
    if any(word in line for word in _READ_ALSO_WORDS):
        line = _strip_inline_read_also(line)
    return line.strip()


def _strip_inline_read_also(line: str) -> str:
    """Remove ``Baca juga: <headline>`` from inside a line, keeping the text around it."""
    while True:
        match = _INLINE_READ_ALSO.search(line)
        if match is None:
            return line
        line = line[: match.start()].rstrip() + " " + _after_headline(line[match.end() :])


_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\s|$)")


def _after_headline(rest: str) -> str:
    """What follows a glued headline: after a run of spaces, or after its Title Case words."""
    gap = re.search(r"\s{2,}|\t", rest)
    if gap and gap.start() < 200:
        return rest[gap.end() :]
    if len(rest) < 200 and not _SENTENCE_END.search(rest):
        return ""  # the headline runs to the end of the line
    words = rest.split(" ")
    index = 0
    while index < len(words) and (words[index][:1].isupper() or words[index][:1].isdigit()):
        index += 1
    # The last capitalised word usually starts the next sentence ("... BBM Menanggapi hal itu").
    if 0 < index < len(words):
        index -= 1
    return " ".join(words[index:])


def end_of_article(lines: list[str]) -> int:
    """The number of leading lines that belong to the article (the rest is trailing junk)."""
    for number, line in enumerate(lines):
        if _RELATED_HEADER.match(line):
            return number
        if ("(" in line or "***" in line) and _END_MARKER.search(line):
            return number + 1
    return len(lines)


def strip_end_marker(line: str) -> str:
    return _END_MARKER.sub("", line).rstrip()


def cut_glued_footer(text: str) -> str:
    """Cut a footer glued to the final paragraph, if it is in the last 600 characters."""
    tail_start = max(0, len(text) - 600)
    match = _GLUED_FOOTER.search(text, tail_start)
    return text[: match.start()].rstrip() if match else text
