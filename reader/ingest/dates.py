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


# The report's own date is told in three ways: a dateline opening the body (``Jakarta, Senin
# (19/2/2024) -``), the attribution of what someone said (``kata dia di Jakarta, Senin
# (19/2/2024)``, ``kata Anies seperti dikutip dari Antara pada 19 Februari 2024``: a reporting
# verb, then the date), the lead's place and weekday (``di Gedung KPU, Jakarta, Senin
# (19/2/2024)``) and today (``hari ini, Selasa (29/1/2019)``). A bare date in the narrative is
# an event (election day, a deadline), and so is a weekday after ``pada`` with no reporting
# verb, a date inside what was said (``mengungkapkan bahwa ... lahir pada 10 Mei 1963``), a
# birth date, an anniversary or a span (``sejak``).
_WEEKDAY = r"(?i:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_PLACE_DAY = re.compile(
    rf"(?:\bdi|,)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,4}},\s*{_WEEKDAY}\W{{0,3}}$"
)
_TODAY = re.compile(rf"\bhari ini\W{{0,3}}(?:{_WEEKDAY}\W{{0,3}})?$", re.I)  # hari ini, Selasa (…)
_DATELINE = re.compile(
    rf"^\W*[A-Z][\w.'-]*(?:\s+[A-Z(][\w.'()-]*){{0,3}},\s*(?:{_WEEKDAY}\W{{0,3}})?$"
)
_REPORTING = re.compile(
    r"\b(?:kata|ujar|ungkap|jelas|tutur|pungkas|tegas|terang|dikutip|dilansir|keterangan"
    r"|dihubungi|wartawan|diterima|konferensi pers|mengatakan|menyampaikan|menjelaskan"
    r"|menegaskan|mengungkapkan|menuturkan|menerangkan|tulis|ucap|melansir|mengutip|diakses"
    r"|dirangkum|ditemui)\w*",
    re.I,
)
_REPORTED_CLAUSE = re.compile(r"\b(?:bahwa|jika|apabila|agar|supaya)\b", re.I)
_NOT_THE_REPORT = re.compile(
    r"\b(?:lahir|kelahiran|wafat|meninggal|tutup usia|ulang tahun|hut|peringatan|memperingati"
    r"|tertanggal|tanggal|sejak|hingga|sampai|dijadwalkan|akan|lalu)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|[\"“”]|\n")
REPORTING_REACH = 80  # characters between a reporting verb and the date it dates
DATELINE_REACH = 80  # a dateline's date starts this close to the top of the body
BLOCKER_REACH = 40  # characters before the date searched for a birth, anniversary, "sejak"...


def _is_reported(text: str, start: int) -> bool:
    """Does the date at ``start`` read as the report's own date (see above)?"""
    before = text[max(0, start - 200) : start]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    if _NOT_THE_REPORT.search(sentence[-BLOCKER_REACH:]):
        return False
    if start <= DATELINE_REACH and not ends and _DATELINE.search(sentence):
        return True
    reach = sentence[-REPORTING_REACH:]
    verbs = list(_REPORTING.finditer(reach))
    if verbs:
        return not _REPORTED_CLAUSE.search(reach[verbs[-1].end() :])
    return bool(_PLACE_DAY.search(sentence) or _TODAY.search(sentence))


def _candidates(text: str) -> list[tuple[int, str, bool]]:
    found = []
    for pattern in DATE_PATTERNS:
        if pattern is NUMERIC_DATE and "/" not in text:
            continue  # a quick test that saves a scan of the text
        for match in pattern.finditer(text):
            iso = _to_iso(match["year"], match["month"], match["day"])
            if iso is not None:
                found.append((match.start(), iso, _is_reported(text, match.start())))
    return sorted(found)


def find_date(text: str) -> str | None:
    """The publication date told in ``text`` as ``YYYY-MM-DD``, or None.

    Only a date the text presents as the report's own counts (see above): in a dateline
    opening the text, after a reporting verb (``kata dia, Senin (19/2/2024)``) or after the
    lead's place (``di Jakarta, Senin (19/2/2024)``); never a bare narrative date, a birth
    date, an anniversary or a date inside a reported clause (``mengungkapkan bahwa ... lahir
    pada 10 Mei 1963``).
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
