"""Publication dates from Indonesian date expressions.

Handles ``Jumat 23 Februari 2024``, ``Jumat, 23 Feb 2024``, ``Senin (19/2/2024)``,
``19/02/2024`` and ISO ``2024-02-19``; month names in full, abbreviated and old
spellings (Pebruari, Nopember). Expressions without a year (``Selasa (22/2)``)
are not used: the year would be a guess.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# Each pattern opens with a digit and looks behind only after it: `re` then jumps from digit
# to digit instead of trying the pattern at every position. `\d(?<!\w\d)` is `\b\d`, and
# `\d(?:(?<=[0-3])\d)?` is `[0-3]?\d`.
_DAY_AFTER_BOUNDARY = r"(?P<day>\d(?<!\w\d)(?:(?<=[0-3])\d)?)"
WRITTEN_DATE = re.compile(
    rf"{_DAY_AFTER_BOUNDARY}\s+(?P<month>{_MONTH_NAMES})\.?,?\s+{_YEAR}\b", re.IGNORECASE
)
NUMERIC_DATE = re.compile(rf"(?P<day>\d(?<![\d/]\d)(?:(?<=[0-3])\d)?)/(?P<month>[01]?\d)/{_YEAR}\b")
ISO_DATE = re.compile(
    r"(?P<year>(?:1(?<!\w1)9|2(?<!\w2)0)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
)
DATE_PATTERNS = (WRITTEN_DATE, NUMERIC_DATE, ISO_DATE)


def _to_iso(year: str, month: str, day: str) -> str | None:
    month_number = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
    if month_number is None:
        return None
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


# A date said with its weekday, or next to a reporting verb, is when the story was told;
# a bare date in the narrative is more often an event (election day, a deadline).
_DAY_BEFORE = re.compile(r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\W{0,3}$", re.I)
_REPORTING_BEFORE = re.compile(
    r"(?:kata|ujar|ungkap|jelas|tutur|pungkas|tegas|dikutip|dilansir|keterangan|dihubungi"
    r"|wartawan|diterima|konferensi pers)\w*\b(?:[^.\n]|\.(?=\S)){0,60}$",
    re.I,
)


def _candidates(text: str) -> list[tuple[int, str, bool]]:
    found = []
    for pattern in DATE_PATTERNS:
        if pattern is NUMERIC_DATE and "/" not in text:
            continue  # a quick test that saves a scan of the text
        for match in pattern.finditer(text):
            iso = _to_iso(match["year"], match["month"], match["day"])
            if iso is None:
                continue
            before = text[max(0, match.start() - 80) : match.start()]
            reported = bool(_DAY_BEFORE.search(before) or _REPORTING_BEFORE.search(before))
            found.append((match.start(), iso, reported))
    return sorted(found)


def find_date(text: str) -> str | None:
    """The publication date told in ``text`` as ``YYYY-MM-DD``, or None.

    Only a date with a weekday or a reporting verb before it counts: a bare date in
    the narrative is too often an event date to be shown as the publication date.
    """
    for _start, iso, reported in _candidates(text):
        if reported:
            return iso
    return None


def normalise_date(value: object) -> str | None:
    """A record's own date field (ISO, ``23 Februari 2024``, ``19/2/2024``...) as ISO, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    candidates = _candidates(value.strip())
    return candidates[0][1] if candidates else None
