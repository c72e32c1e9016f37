"""Reported speech: `X mengatakan bahwa …`, `Menurut X, …`, `disampaikan X`.

Each finding is a speech event: it names (or refers to) a speaker at a position,
which later `-nya`/`dia` quotes resolve to, and it may carry an indirect quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.extract.actors import Catalogue
from reader.extract.clauses import is_reported_clause, is_unsaid
from reader.extract.cues import (
    INLINE_CUE,
    MENURUT_IN_TEXT,
    PASSIVE_CUE_IN_TEXT,
    SPEAKER_VERB_IN_TEXT,
)
from reader.extract.introductions import only_described
from reader.extract.lexicon import COORDINATORS, DEMONSTRATIVES, is_ordinary_word, is_role_word
from reader.extract.name_bodies import named_as_place, needs_the_article
from reader.extract.names import SpeakerPhrase, split_role
from reader.extract.phrase_parts import post_then_demonstrative
from reader.extract.phrase_words import run_words
from reader.extract.phrases import parse_after, subject_before

# Capitalised words opening a sentence (at the start, after a line break or after `. `) and
# followed by a lower-case word (a verb). The first capital comes before the lookbehinds so
# the scan can jump from capital to capital.
_SUBJECT = re.compile(
    r"[A-Z](?:(?<=\n[A-Z])|(?<=[.!?”\"]\s[A-Z])|(?<![\s\S]{2}))"
    r"(?:[\w'’]*[ \t]+[A-Z]){1,8}?[\w'’]*(?=[ \t]+[a-z])"
)
# Where a reported clause ends: a sentence end or a line break, not the full stop of an
# abbreviated title or an initial before a name (`Dr. Ari`, `dr. Rina`, `H. Ahmad`); a
# full stop before a comma (`berhasil.,","`) is the end of a paragraph a scrape joined on.
# The mark comes first so the scan jumps from mark to mark; the lookbehinds include it.
_CLAUSE_END = re.compile(
    r"[.!?](?<![\s(][A-Z].)(?<![\s(](?:Dr|dr|Ir|Hj|KH|St|Ny|Tn).)(?<![\s(](?:Drs|Dra|Sdr).)"
    r"(?<![\s(]Prof.)(?=[\s\"“”]*(?:[A-Z\n]|$))|[.!?](?=,)|\n"
)
# `Menurut UU Pemilu`, `Menurut Perbawaslu Nomor 7 Tahun 2022`: what a law or regulation
# says, not speech.
_LAW_WORDS = frozenset(
    """uu undang-undang uud konstitusi pasal ayat peraturan perbawaslu pkpu perpres perppu
    perpu permendagri permenkominfo perda perma perkap perkada qanun aturan ketentuan
    regulasi""".split()
)
_LAW_NUMBER = re.compile(r"(?:Nomor|No\.?)\s*\d+\s+(?:Tahun|/)\s*\d{4}")
# A body that speaks for itself when it opens the sentence (`Majelis Pemeriksa Bawaslu
# mengatakan …`), unlike a reference to a person (`calon presiden itu mengatakan …`).
_BODY_WORDS = frozenset(
    """majelis komisi badan dewan lembaga tim panitia kementerian mahkamah pengadilan
    kejaksaan kepolisian pemerintah koalisi aliansi forum gerakan yayasan""".split()
)
MAX_CLAUSE = 600
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True, slots=True)
class SpeechEvent:
    position: int  # where the cue is
    phrase: SpeakerPhrase
    cue: str
    clause: tuple[int, int] | None  # the reported clause, if any


def _clause(text: str, start: int, verb: str | None = None) -> tuple[int, int] | None:
    """The clause from ``start`` to the end of its sentence, if it is not a direct quote.

    After a speech ``verb`` the span must read as a reported clause, not a topic.
    """
    begin = start
    while start < len(text) and text[start] in " ,:\t\u00a0":
        start += 1
    introduced = verb is None or "," in text[begin:start] or ":" in text[begin:start]
    if text.startswith("bahwa", start):
        introduced = True
        start += len("bahwa")
        while start < len(text) and text[start] in " ,\t":
            start += 1
    if start >= len(text) or text[start] in "\"“”„'‘\n":
        return None
    found = _CLAUSE_END.search(text, start, min(len(text), start + MAX_CLAUSE))
    end = found.start() if found else min(len(text), start + MAX_CLAUSE)
    if len(text[start:end].split(None, MIN_CLAUSE_WORDS)) < MIN_CLAUSE_WORDS:
        return None
    if verb is not None and not is_reported_clause(verb, text[start:end], introduced):
        return None
    return start, end


def speech_events(
    text: str, inside_quote: list[tuple[int, int]], catalogue: Catalogue | None
) -> Iterator[SpeechEvent]:
    """Every reported-speech cue outside the direct quotes, in text order."""
    spans = sorted(inside_quote)
    starts = [a for a, _ in spans]

    def quoted(pos: int) -> bool:
        index = bisect.bisect_right(starts, pos) - 1
        return index >= 0 and pos < spans[index][1]

    events: list[SpeechEvent] = []
    for match in SPEAKER_VERB_IN_TEXT.finditer(text):
        verb = match.group().lower()
        if quoted(match.start()):
            continue
        phrase = _body_speaks(subject_before(text, match.start(), catalogue))
        if phrase.kind in ("name", "pronoun", "reference"):
            unsaid = is_unsaid(text[max(0, match.start() - 80) : match.start()])
            clause = None if unsaid else _clause(text, match.end(), verb)
            events.append(SpeechEvent(match.start(), phrase, verb, clause))
    for match in PASSIVE_CUE_IN_TEXT.finditer(text):
        cue = match.group().split()[0]
        if not quoted(match.start()):
            phrase = parse_after(text, match.end(), catalogue)
            if phrase.kind == "name":
                events.append(SpeechEvent(match.start(), phrase, cue, None))
    for match in MENURUT_IN_TEXT.finditer(text):
        start = match.start() - 1  # the `M`
        if quoted(start):
            continue
        comma = text.find(",", match.end(), match.end() + 120)
        if match.group(1):
            phrase = SpeakerPhrase("pronoun", start=start, end=match.end())
        elif _cites_a_law(text[match.end() : comma if comma != -1 else match.end() + 120]):
            continue
        else:
            phrase = parse_after(text, match.end(), catalogue)
        clause = _clause(text, comma + 1) if comma != -1 else None
        if phrase.kind != "none":
            events.append(SpeechEvent(start, phrase, "menurut", clause))
    for match in INLINE_CUE.finditer(text):
        if not quoted(match.start()):
            phrase = parse_after(text, match.start(2), catalogue)
            if phrase.kind in ("name", "pronoun"):
                events.append(SpeechEvent(match.start(), phrase, match.group(1).lower(), None))
    events.extend(_sentence_subjects(text, quoted, catalogue))
    events.sort(key=lambda event: event.position)
    return iter(events)


def _cites_a_law(after_menurut: str) -> bool:
    """`Menurut UU Pemilu`, `Menurut Perbawaslu Nomor 7 Tahun 2022`: a law, not a speaker."""
    words = after_menurut.split()
    if words and words[0].casefold().strip(",.") in _LAW_WORDS:
        return True
    return _LAW_NUMBER.search(after_menurut) is not None


def _body_speaks(phrase: SpeakerPhrase) -> SpeakerPhrase:
    """A capitalised body's name read as a reference to someone is the body itself."""
    role = phrase.role
    if phrase.kind != "reference" or not role or role.split()[-1].casefold() in DEMONSTRATIVES:
        return phrase
    words = role.split()
    if words[0].casefold() in _BODY_WORDS and all(w[:1].isupper() or w in COORDINATORS for w in words):
        return SpeakerPhrase("name", role, None, phrase.start, phrase.end)
    return phrase




def _sentence_subjects(
    text: str, quoted: Callable[[int], bool], catalogue: Catalogue | None
) -> Iterator[SpeechEvent]:
    """People who open a sentence (`Hanna Keraf juga blusukan …`): later `-nya` may be them."""
    subjects = catalogue.memo("sentence_subjects") if catalogue is not None else {}
    for match in _SUBJECT.finditer(text):
        if quoted(match.start()):
            continue
        run = match.group()
        found = subjects.get(run, _UNSEEN)
        if found is _UNSEEN:
            found = subjects[run] = _subject(run, catalogue)
        if found is not None and needs_the_article(found[1]):  # as in `discover_people`
            found = _subject(text, catalogue, match.start(), match.end())
        elif found is not None and named_as_place(text, found[1]):
            found = None  # as in `discover_people`
        if found is not None and post_then_demonstrative(text, *found, match.end(), catalogue):
            found = None  # `Mantan Pangdam I Bukit Barisan ini …`: someone named before
        if found is not None and not only_described(text, match.end()):
            role, name = found
            yield SpeechEvent(match.start(), SpeakerPhrase("name", name, role), "subject", None)


_UNSEEN = object()


def _subject(
    text: str, catalogue: Catalogue | None, start: int = 0, end: int | None = None
) -> tuple[str | None, str] | None:
    """(role, name) of the person the sentence-opening run ``text[start:end]`` names, if it
    names one; the text around the run is read for evidence about its words."""
    words = run_words(text, start, len(text) if end is None else end)
    if is_ordinary_word(words[0].text.casefold()) and not is_role_word(words[0].text):
        words = words[1:]  # `Termasuk Cak Imin yang …`: an ordinary word opens the sentence
    role, name = split_role(text, words, catalogue)
    if name is None:
        return None
    known = catalogue.get(catalogue.resolve(name) or "") if catalogue is not None else None
    if len(name.split()) >= 2 or (known is not None and known.type == "person"):
        return role, name
    return None
