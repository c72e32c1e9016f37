"""Direct and indirect quotes with their speakers, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract.actors import Catalogue
from reader.extract.cues import AFTER_CUE, MENURUT, PASSIVE_CUE, SPEAKER_VERB
from reader.extract.marks import SENTENCE_END, QuoteSpan, find_double_quotes, find_single_quotes
from reader.extract.names import NONE, SpeakerPhrase
from reader.extract.phrase_words import is_capitalised
from reader.extract.phrases import parse_after, subject_before
from reader.extract.reported import SpeechEvent, speech_events
from reader.extract.speakers import Speaker, SpeakerMemory
from reader.extract.statements import introduces_quote, is_law_wording, is_statement
from reader.models import Quote

LOOKBACK = 160  # characters before a quote searched for `X mengatakan,`
# `X mengatakan, "` / `X menegaskan: "` / `Menurut X, "` right before the opening mark
_SKIP_AFTER = re.compile(r"[\s,.\u00a0\u200b]*")
MIN_STANDALONE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    phrase: SpeakerPhrase
    cue: str | None
    position: int  # where the cue is, for ordering and fallbacks


def _cue_after(text: str, span: QuoteSpan, catalogue: Catalogue | None) -> Attribution | None:
    """`"…," kata Anies`, `"…," ujarnya`, `"…," Kepala BPS … Kale di Kupang`."""
    pos = _SKIP_AFTER.match(text, span.close_mark + 1).end()
    if "\n" in text[span.close_mark + 1 : pos]:
        return None
    cue = AFTER_CUE.match(text, pos)
    if cue:
        word = cue.group(1).lower() + (cue.group(2) or "").lower()
        if cue.group(2):
            return Attribution(SpeakerPhrase("pronoun"), word, pos)
        return Attribution(parse_after(text, cue.end(), catalogue), word, pos)
    passive = PASSIVE_CUE.match(text, pos)
    if passive:
        return Attribution(parse_after(text, passive.end(), catalogue), passive.group(1), pos)
    if text[span.end - 1 : span.end] == "," and is_capitalised(text[pos : pos + 2]):
        # the outlet dropped the verb: `"…," Kepala BPS Provinsi NTT Matamira B Kale di …`
        phrase = parse_after(text, pos, catalogue)
        if phrase.kind == "name" and (phrase.role or len((phrase.name or "").split()) > 1):
            return Attribution(phrase, None, pos)
    return None


def _cue_before(text: str, span: QuoteSpan, catalogue: Catalogue | None) -> Attribution | None:
    """`X mengatakan, "…"`, `Menurut X, "…"` in the same paragraph, just before the mark."""
    lo = max(0, span.open_mark - LOOKBACK)
    newline = text.rfind("\n", lo, span.open_mark)
    lo = newline + 1 if newline != -1 else lo
    window = text[lo : span.open_mark]
    stripped = window.rstrip()
    ends_with_comma = stripped.endswith((",", ":"))
    if ends_with_comma:
        stripped = stripped[:-1]
    verbs = list(SPEAKER_VERB.finditer(stripped))
    if verbs:
        verb = verbs[-1]
        tail = stripped[verb.end() :]
        # `mengatakan, "` or `menegaskan kembali "`, not `menyinggung istilah "`
        if introduces_quote(tail) and not _runs_on(text, span):
            phrase = subject_before(text, lo + verb.start(), catalogue)
            return Attribution(phrase, verb.group(1).lower(), lo + verb.start())
    menurut = list(MENURUT.finditer(stripped))
    if menurut and ends_with_comma:
        found = menurut[-1]
        if found.group(1):
            return Attribution(SpeakerPhrase("pronoun"), "menurut", lo + found.start())
        phrase = parse_after(text, lo + found.end(), catalogue)
        return Attribution(phrase, "menurut", lo + found.start())
    return None


def _runs_on(text: str, span: QuoteSpan) -> bool:
    """The sentence goes on in lower case after the closing mark: a quoted term."""
    after = _SKIP_AFTER.match(text, span.close_mark + 1).end()
    nxt = text[after : after + 1]
    if text[span.close_mark + 1 : after].strip(" \t") or not nxt.islower():
        return False  # a comma or full stop closes it, or the text goes on capitalised
    return AFTER_CUE.match(text, after) is None and PASSIVE_CUE.match(text, after) is None


def _starts_sentence(text: str, span: QuoteSpan) -> bool:
    j = span.open_mark - 1
    while j >= 0 and text[j] in " \t\u00a0\u200b":
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in SENTENCE_END or text[j] in "\"”“"


def _is_speech(text: str, span: QuoteSpan) -> bool:
    """A quote with no cue still counts when it stands as its own sentence."""
    inner = text[span.start : span.end]
    return (
        _starts_sentence(text, span)
        and len(inner.split()) >= MIN_STANDALONE_WORDS
        and inner[-1] in ".,!?…"
    )


def _chains(spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Group the paragraphs of multi-paragraph quotes (all but the last are unclosed)."""
    chains: list[list[QuoteSpan]] = []
    current: list[QuoteSpan] = []
    for span in spans:
        current.append(span)
        if span.closed:
            chains.append(current)
            current = []
    if current:
        chains.append(current)
    return chains


def extract_quotes(text: str, catalogue: Catalogue | None) -> list[Quote]:
    """Every direct quote (with speaker) and reported statement in ``text``."""
    doubles = find_double_quotes(text)
    singles = find_single_quotes(text, doubles)
    quoted = [(s.open_mark, s.close_mark + 1) for s in doubles]
    events = list(speech_events(text, quoted, catalogue))
    memory = SpeakerMemory(catalogue, text)
    found: list[tuple[int, Quote]] = []
    items: list[tuple[int, int, object]] = [(e.position, 1, e) for e in events]
    items += [(chain[0].open_mark, 0, chain) for chain in _chains(doubles)]
    items += [(s.open_mark, 0, [s]) for s in singles]
    items.sort(key=lambda item: (item[0], item[1]))
    for _position, _order, item in items:
        if isinstance(item, SpeechEvent):
            speaker = _event_speaker(memory, item)
            if item.clause and speaker and item.cue != "subject":
                start, end = item.clause
                found.append((start, _quote(text, start, end, speaker, item.cue, "indirect")))
            continue
        chain: list[QuoteSpan] = item  # type: ignore[assignment]
        last = chain[-1]
        attribution = _cue_after(text, last, catalogue) or _cue_before(text, chain[0], catalogue)
        if attribution is None:
            if last.single or not _is_speech(text, chain[0]):
                continue
            attribution = Attribution(NONE, None, chain[0].open_mark)
        # a cue after the quote: `ujarnya` looks back from where the quote opens
        speaker = memory.resolve(attribution.phrase, min(attribution.position, chain[0].open_mark))
        inner = " ".join(text[s.start : s.end] for s in chain)
        if not is_statement(inner) or is_law_wording(text, chain[0].open_mark, inner):
            continue  # the speaker still counts for the `ujarnya` that follows
        for span in chain:
            quote = _quote(text, span.start, span.end, speaker, attribution.cue, "direct")
            found.append((span.start, quote))
    found.sort(key=lambda pair: pair[0])
    return [quote for _start, quote in found]


def _event_speaker(memory: SpeakerMemory, event: SpeechEvent) -> Speaker | None:
    if event.phrase.kind == "name":
        return memory.resolve(event.phrase, event.position)
    if event.phrase.kind == "pronoun":
        return memory.pronoun(event.position)
    return memory.resolve(event.phrase, event.position) if event.phrase.role else None


def _quote(
    text: str, start: int, end: int, speaker: Speaker | None, cue: str | None, kind: str
) -> Quote:
    return Quote(
        text=text[start:end],
        speaker=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        cue=cue,
        kind=kind,
        start=start,
        end=end,
    )
