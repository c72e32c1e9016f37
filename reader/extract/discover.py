"""People the catalogue does not know, and typos of people it does.

A discovered person is a run of two or more name-like capitalised words (after
dropping a leading role: `Komisioner Bawaslu Kaltim Daini Rahmat` → `Daini Rahmat`)
that is not a catalogue alias, not an organisation or place, and not made of
ordinary dictionary words (`Pesta Demokrasi`). A capitalised word close to a
catalogue person's alias (`Prabowo-Giban`) counts for that person.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from reader.extract.actors import Catalogue
from reader.extract.cues import AFTER_CUE
from reader.extract.lexicon import ORGANISATION_WORDS, dictionary_words, is_ordinary_word
from reader.extract.mentions import Offsets
from reader.extract.name_bodies import named_as_place, needs_the_article
from reader.extract.names import is_name_word, split_role
from reader.extract.phrase_words import common_word_here, run_words

_RUN = re.compile(r"[A-Z][\w'’]*(?:[ \t]+(?:[A-Z][\w'’]*|bin|binti))+")
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'’][A-Z])[a-z]{3,}(?![\w'’])")
TYPO_CUTOFF = 90
MIN_TYPO_LENGTH = 5
MAX_NAME_WORDS = 4


def _is_person_name(name: str, catalogue: Catalogue) -> bool:
    parts = name.split()
    if not 2 <= len(parts) <= MAX_NAME_WORDS:
        return False
    if catalogue.resolve(name):
        return False
    folded = [p.casefold().rstrip(".") for p in parts]
    if any(p in ORGANISATION_WORDS for p in folded):
        return False
    if not all(is_name_word(p, catalogue) for p in parts):
        return False
    if is_ordinary_word(folded[0]) and catalogue.resolve(" ".join(parts[1:])):
        return False  # `Apalagi Prabowo`: a sentence opens on an ordinary word
    ordinary = sum(is_ordinary_word(p) for p in folded)
    return ordinary * 2 <= len(parts) and len(parts[-1].rstrip(".")) > 1


def discover_people(text: str, catalogue: Catalogue, speakers: set[str]) -> Offsets:
    """Names not in the catalogue -> offsets of their full-name mentions."""
    found: Offsets = {}
    people = catalogue.memo("people_in_runs")  # the same runs recur across articles
    for match in _RUN.finditer(text):
        run = match.group()
        name = people.get(run, _UNSEEN)
        if name is _UNSEEN:
            name = people[run] = _person_in_run(run, catalogue)
        if name and needs_the_article(name):
            # `Ketua Umum Rekabnas Jackson Kumaat` where the article also writes `Relawan Rekabnas`
            name = _person_in_run(text, catalogue, match.start(), match.end())
        elif name and named_as_place(text, name):
            name = None  # `Parigi Moutong` where the article writes `Kabupaten Parigi Moutong`
        if name and _opened_by_a_word(text, name, match.start()):
            continue  # `Lanjut Haryadi`, `Menduga Nikita`: a sentence opens on a word
        if name:
            start = text.find(name, match.start(), match.end())
            if start != -1:
                found.setdefault(name, []).append((start, start + len(name)))
    for speaker in speakers:
        if speaker in found or catalogue.resolve(speaker):
            continue
        spans = _occurrences(speaker, text)
        if spans:
            found[speaker] = spans
    return found


_UNSEEN = object()


def _opened_by_a_word(text: str, name: str, run_start: int) -> bool:
    """Does ``name`` begin with an ordinary word that only opens a sentence: one the article
    also writes in lower case, or a derived word (`Dikatakan`, `Penyebab`) at a sentence's
    start? A root word there may be a given name (`Wulan Sari mengatakan`): it opens the
    sentence only when the article names the person without it more often (`Bagi Ririn, …`
    once, `Ririn` four times)."""
    first, _, rest = name.partition(" ")
    folded = first.casefold()
    if AFTER_CUE.fullmatch(folded):
        return True  # `” Ungkap Dodiyanto, …`: the speech verb after a quote, capitalised
    if not is_ordinary_word(folded):
        return False
    if common_word_here(text, first):
        return True
    if folded in dictionary_words() and len(_occurrences(rest, text)) <= len(
        _occurrences(name, text)
    ):
        return False
    at = text.find(name, run_start)
    before = text[max(0, at - 3) : at].rstrip(" \t") if at != -1 else "x"
    return not before or before[-1] in ".!?\n\"”'‘“"


def _person_in_run(text: str, catalogue: Catalogue, start: int = 0, end: int | None = None) -> str | None:
    """The unknown person the capitalised run ``text[start:end]`` ends with (`… Kaltim Daini
    Rahmat`), if any; the text around the run is read for evidence about its words."""
    end = len(text) if end is None else end
    tail = text[start:end].rsplit(None, 2)[-2:]
    if not (is_name_word(tail[0]) and is_name_word(tail[1])):
        return None
    _role, name = split_role(text, run_words(text, start, end), catalogue)
    return name if name and _is_person_name(name, catalogue) else None


def _occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    """Every non-overlapping (start, end) of ``needle`` in ``text``, left to right."""
    spans = []
    start = text.find(needle)
    while start != -1 and needle:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def _person_aliases(catalogue: Catalogue) -> dict[str, str]:
    table = catalogue.cache.get("typo_aliases")
    if table is None:
        table = {}
        for actor in catalogue.actors:
            if actor.type != "person":
                continue
            for alias in actor.all_aliases():
                for part in alias.split():
                    if len(part) >= MIN_TYPO_LENGTH and part[0].isupper():
                        table.setdefault(part, actor.name)
        catalogue.cache["typo_aliases"] = table
        catalogue.cache["typo_memo"] = {}
    return table


def typo_mentions(text: str, catalogue: Catalogue, known: Offsets) -> Offsets:
    """Capitalised words that are near-misses of a catalogue person's alias."""
    aliases = _person_aliases(catalogue)
    memo: dict[str, str | None] = catalogue.cache["typo_memo"]
    typos = set()
    for word in set(_CAPITALISED_WORD.findall(text)):
        if len(word) < MIN_TYPO_LENGTH or word in aliases:
            continue
        if word not in memo:
            best = None
            if word.casefold() not in dictionary_words():
                near = _aliases_of_length(catalogue, aliases, len(word))
                hit = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
                best = aliases[hit[0]] if hit else None
            memo[word] = best
        if memo[word]:
            typos.add(word)
    found: Offsets = {}
    if not typos:  # the usual case: no second pass over the text
        return found
    covered = sorted(span for spans in known.values() for span in spans)
    for match in _CAPITALISED_WORD.finditer(text):
        word = match.group()
        if word in typos and not _inside(covered, match.start()):
            found.setdefault(memo[word], []).append(match.span())  # type: ignore[arg-type]
    return found


def _aliases_of_length(catalogue: Catalogue, aliases: dict[str, str], length: int) -> list[str]:
    """The aliases a word of ``length`` letters can be a typo of, in the table's order.

    ``fuzz.ratio`` is 100 × (1 − edits / (both lengths)), and the edits are at least the
    difference in length, so an alias too much longer or shorter never reaches the cutoff:
    leaving it out changes no answer and saves comparing the word with every alias.
    """
    table: dict[int, list[str]] = catalogue.cache.setdefault("typo_lengths", {})
    near = table.get(length)
    if near is None:
        slack = 100 - TYPO_CUTOFF
        near = table[length] = [
            alias for alias in aliases if 100 * abs(len(alias) - length) <= slack * (len(alias) + length)
        ]
    return near


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)
