"""One article's extraction: its quotes with speakers, and the actors it mentions."""

from __future__ import annotations

from dataclasses import replace

from reader.extract.actors import Actor, Catalogue, default_catalogue
from reader.extract.discover import discover_people, typo_mentions
from reader.extract.mentions import find_mentions
from reader.extract.quotes import extract_quotes
from reader.extract.resolve import holds, name_words
from reader.models import Extraction, Mention


def extract_article(
    body: str, title: str | None = None, catalogue: Catalogue | None = None
) -> Extraction:
    """Quotes (direct and indirect, with speakers) and actor mentions in ``body``.

    Offsets index ``body``. ``title`` is accepted for callers that have one; the
    headline is not searched, so quote offsets always point into the body.
    """
    catalogue = catalogue if catalogue is not None else default_catalogue()
    quotes = extract_quotes(body, catalogue)
    known = find_mentions(body, catalogue)
    for actor, spans in typo_mentions(body, catalogue, known).items():
        known.setdefault(actor, []).extend(spans)
    speakers = {q.speaker for q in quotes if q.speaker and not catalogue.resolve(q.speaker)}
    discovered = discover_people(body, catalogue, speakers)
    fuller = _fuller_names(speakers, discovered)
    if fuller:  # `Bupati Indramayu` + `Nina Agustina`: the role already holds the extra words
        roles = {(q.speaker, q.role) for q in quotes if q.role}
        fuller = {
            short: full for short, full in fuller.items()
            if not any(who == short and _role_holds(role, short, full) for who, role in roles)
        }  # fmt: skip
    if fuller:
        quotes = [replace(q, speaker=fuller.get(q.speaker or "", q.speaker)) for q in quotes]
        for short, full in fuller.items():
            discovered[full] = discovered.get(full, []) + discovered.pop(short, [])
    mentions = [_mention(name, catalogue.get(name), spans) for name, spans in known.items()]
    mentions += [
        Mention(name, "person", len(spans), tuple(sorted(spans)), discovered=True)
        for name, spans in discovered.items()
        if name not in known
    ]
    mentions.sort(key=lambda m: m.offsets[0] if m.offsets else (0, 0))
    return Extraction(quotes=tuple(quotes), mentions=tuple(mentions))


def _fuller_names(speakers: set[str], people: dict[str, list[tuple[int, int]]]) -> dict[str, str]:
    """Short speaker names -> the one fuller name in the article that holds all their words.

    `kata Muzani` after `Sekretaris Jenderal Partai Gerindra, Ahmad Muzani optimistis ...`:
    the lead names him without a speech verb, so only the mention finder has seen the full name.
    A short name that fits two people (two Ahmads) is left as it is.
    """
    fuller = {}
    for speaker in speakers:
        parts = name_words(speaker)
        matches = [
            name for name in people
            if len(name_words(name)) > len(parts) and holds(name_words(name), parts)
        ]  # fmt: skip
        if len(matches) == 1:
            fuller[speaker] = matches[0]
    return fuller


def _role_holds(role: str, short: str, full: str) -> bool:
    """Does ``role`` end with the words ``full`` puts before ``short``?"""
    extra = full[: -len(short)].strip() if full.endswith(" " + short) else ""
    return bool(extra) and (role == extra or role.endswith((" " + extra, "-" + extra)))


def _mention(name: str, actor: Actor | None, spans: list[tuple[int, int]]) -> Mention:
    unique = tuple(sorted(set(spans)))
    return Mention(name, actor.type if actor else "person", len(unique), unique)
