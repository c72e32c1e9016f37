"""Who is speaking: one article's memory of the people it has named.

`-nya`, `dia`, `ia`, `beliau` and bare quote paragraphs go to the last named
speaker; short names go to the fuller name used earlier (`Zaki` → `Ahmed Zaki
Iskandar`) or to the catalogue's canonical name (`Anies` → `Anies Baswedan`); a bare
title (`kata Presiden`) goes to the person last seen with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.extract.actors import Catalogue
from reader.extract.appositives import called_from, full_name_for
from reader.extract.introductions import (
    described,
    introduced_in,
    introduction,
    names_a_post,
    previous_sentence,
    role_words,
)
from reader.extract.lexicon import LOWER_ROLE_STARTS, ORGANISATION_WORDS, PERSON_WORDS, is_role_word
from reader.extract.names import SpeakerPhrase, is_name_word, split_role, tidy_role
from reader.extract.phrase_parts import REFERENCE_ENDS
from reader.extract.phrase_words import common_word_here, is_description, words
from reader.extract.resolve import holds, name_words

_SENTENCE_END = re.compile(r"[.!?\n“”\"]")
_OTHERS = frozenset("lain lainnya setempat".split())  # `penggemar lain`: someone else

# Two or more capitalised words in a row: candidate names for the fallback speaker.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|bin|binti))+")


def _names_with(text: str, word: str) -> list[str]:
    """The runs of name words around each mention of ``word`` (`Mardani Ali Sera`)."""
    found = []
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        run = [word]
        for piece in text[match.end() : match.end() + 60].split()[:3]:
            bare = piece.rstrip(",.")
            if not _capitalised_word(bare):
                break
            run.append(bare)
            if bare != piece:
                break  # the name ends at the comma or full stop
        before = text[max(0, match.start() - 60) : match.start()].split()[-3:]
        for piece in reversed(before):
            if not _capitalised_word(piece):
                break
            run.insert(0, piece)
        found.append(" ".join(run))
    return found


def _capitalised_word(word: str) -> bool:
    """`Hakim` in `Chico Hakim`: a name word here, though a role word elsewhere."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _description(role: str) -> str | None:
    """`Pengacaranya` -> `pengacara`: a one-word description of someone's relation."""
    folded = role.casefold()
    return folded[:-3] if " " not in folded and is_description(folded) else None


def _after_a_body(role: str | None) -> bool:
    """Does ``role`` end on a body's word (`Jalan Tol`, `Pengadilan Tindak`), so that the
    capitalised words after it name the body, not a person?"""
    return bool(role) and role.split()[-1].casefold() in ORGANISATION_WORDS


def _mentions(text: str, window: tuple[int, int], name: str) -> bool:
    """Does ``text[window]`` name ``name`` by any of its capitalised words?"""
    found = set(re.findall(r"[A-Z][\w'’-]+", text[window[0] : window[1]]))
    return any(part in found for part in name.split() if len(part) > 2)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None


@dataclass(slots=True)
class SpeakerMemory:
    """The names an article has used so far, in reading order."""

    catalogue: Catalogue | None
    text: str
    last: Speaker | None = None
    roles: dict[str, str | None] = field(default_factory=dict)  # name -> first role seen
    names: list[str] = field(default_factory=list)  # full names, most recent last
    last_at: int = -1  # where the last speaker was named or referred to
    sought: set[tuple[str, str]] = field(default_factory=set)  # (name, form) looked up

    def learn(self, name: str, role: str | None) -> Speaker:
        """Record a named speaker and make it the last one.

        A name first seen without a role takes the one the article gives where it
        introduces the person (`Ketua Bawaslu Rahmat Bagja` in the lead).
        """
        surface, name = name, self.canonical(name)
        role = tidy_role(role)
        if role and " " not in role and not self.roles.get(name):
            role = self._fuller_post(surface, name, role)  # `Kapolres Wisnu`: a bare title
        if role and not self.roles.get(name):
            self.roles[name] = role
        if not self.roles.get(name) and (name, surface) not in self.sought:
            # each new form of the name is looked up once (`Hasyim Asy'ari`, then `Hasyim`)
            self.sought.add((name, surface))
            self.roles[name] = role or self.introduced_role(surface, name)
        if name in self.names:
            self.names.remove(name)
        self.names.append(name)
        self.last = Speaker(name, self.roles.get(name))
        return self.last

    def _fuller_post(self, surface: str, name: str, title: str) -> str:
        """The post the article introduces the person with, when it opens with ``title``
        (`Kapolres Sumber, Jawa Timur, AKBP Wisnu` for a later `Kapolres Wisnu`)."""
        self.sought.add((name, surface))
        found = self.introduced_role(surface, name)
        if found and " " in found and found.split()[0].casefold() == title.casefold():
            return found
        return title

    def introduced_role(self, surface: str, name: str) -> str | None:
        """The role the article gives ``name`` (written ``surface`` here) at a mention."""
        tried: set[str] = set()
        for fuller in (None, full_name_for, called_from):
            # `Effendy Choirie atau Gus Choi`, `Amin` for `Aminuddin Ma'ruf`: only when needed
            forms = (surface, name) if fuller is None else (fuller(self.text, surface),)
            for form in forms:
                if not form or form in tried:
                    continue
                tried.add(form)
                found = introduction(self.text, form, self.catalogue)
                role = tidy_role(found.role) if found is not None else None
                if role:
                    return role
        return None

    def canonical(self, name: str) -> str:
        """The catalogue's name, else the fullest earlier name that contains this one."""
        if self.catalogue is not None:
            known = self.catalogue.resolve(name)
            if known:
                return known
        parts = name_words(name)
        for earlier in reversed(self.names):
            earlier_parts = name_words(earlier)
            if len(earlier_parts) > len(parts) and holds(earlier_parts, parts):
                return earlier
        return name

    def by_role(self, role: str) -> Speaker | None:
        """The most recent person whose role includes every word of ``role``.

        Short forms count as spelt out (`cawapres` = `calon wakil presiden`). Else the
        person the article names right after that role (`… nomor urut 3 Mahfud MD`).
        """
        wanted = role_words(role)
        if not wanted:
            return None
        for name in reversed(self.names):
            known = role_words(self.roles.get(name) or "")
            if known and all(w in known for w in wanted):
                return Speaker(name, self.roles.get(name))
        found = described(self.text, role, self.catalogue)
        if found is not None and found.name:
            return self.learn(found.name, found.role)
        return None

    def post_holder(self, body: str, role: str | None) -> Speaker | None:
        """`calon panglima TNI menerangkan`: the person named earlier with that post, not TNI.

        Only a lower-case post before an organisation (an acronym or a catalogue body) is read
        so, and only when someone already holds the post in the article.
        """
        if not role or not role[:1].islower() or not self._organisation(body):
            return None
        wanted = role_words(f"{role} {body}")
        for name in reversed(self.names):
            known = role_words(self.roles.get(name) or "")
            if name != body and known and all(w in known for w in wanted):
                return self.learn(name, self.roles.get(name))
        return None

    def _organisation(self, name: str) -> bool:
        actor = self.catalogue.get(self.catalogue.resolve(name) or "") if self.catalogue else None
        if actor is not None:
            return actor.type != "person"
        return name.isupper() and " " not in name

    def resolve(self, phrase: SpeakerPhrase, before: int) -> Speaker | None:
        """The speaker ``phrase`` refers to; ``before`` is where the cue is (for fallbacks)."""
        if phrase.kind == "unnamed":
            return None  # `seru para santri`: a group the article does not name
        if phrase.kind == "name" and phrase.name and self._words_only(phrase.name):
            return None  # `Pajak Nasional`, `Lautan Api`: the tail of a body's or a place's name
        if phrase.kind == "name" and phrase.name:
            self.last_at = max(self.last_at, before)
            holder = self.post_holder(phrase.name, phrase.role)
            return holder or self.learn(phrase.name, phrase.role)
        if phrase.kind == "reference" and phrase.role:
            description = _description(phrase.role)
            found = self.by_role(description or phrase.role)
            if found:
                self.last_at = max(self.last_at, before)
                return self.learn(found.name, found.role)
            if description:
                return None  # `Pengacaranya`: someone's lawyer, not the last speaker
            if phrase.role[:1].islower() and not self._refers_back(phrase):
                return None  # `kata jaksa`: a prosecutor the article does not name, not the last person
            person = self.last_person()  # `tegas calon wakil presiden itu`: a person
            if person is not None:
                return person
        return self.pronoun(before) or self.first_person(before)

    def _refers_back(self, phrase: SpeakerPhrase) -> bool:
        """Whether a lower-case description after a cue means someone the article named: a
        post or a word for a person (`kata calon wakil presiden`, `ujar pria kelahiran Solo`),
        a demonstrative before the sentence ends (`jelas cowok yang kini berusia 25 tahun
        tersebut`) or a post with more words (`kata presiden kelima RI`); not a bare
        description (`kata jaksa`, `tambah penggemar lain`)."""
        words = [word.strip(",;:") for word in (phrase.role or "").split()]
        if words[0] in LOWER_ROLE_STARTS or words[0] in PERSON_WORDS:
            return True
        end = _SENTENCE_END.search(self.text, max(phrase.end, 0))
        rest = self.text[max(phrase.start, 0) : end.start() if end else len(self.text)].split()[:16]
        if any(word.casefold().strip(",;") in REFERENCE_ENDS for word in rest):
            return True
        return len(words) > 1 and any(is_role_word(word) for word in words) and words[-1] not in _OTHERS

    def pronoun(self, at: int) -> Speaker | None:
        """Who `ujarnya` or `dia` at ``at`` refers to.

        The last speaker, unless the sentence before ``at`` introduces someone else by
        post and name and no one has spoken since (`Acara itu dihadiri Ketua Umum X,
        Nama.` then `Ia mengatakan …`).
        """
        introduced = self.introduced_before(at)
        self.last_at = max(self.last_at, at)
        if introduced is not None:
            return self.learn(introduced.name or "", introduced.role)
        return self.last

    def introduced_before(self, at: int) -> SpeakerPhrase | None:
        text, since = self.text, max(self.last_at, 0)
        breaks = sum(text.count(mark, since, at) for mark in ".!?\n")
        if self.last_at >= 0 and breaks < 2:
            return None  # no whole sentence since the last speaker: nothing to look at
        window = previous_sentence(self.text, at)
        if window is None or window[0] <= self.last_at:
            return None
        if self.last is not None and _mentions(self.text, window, self.last.name):
            return None  # `Anton bertemu Ketua KPU Hasyim …`: still about Anton
        found = introduced_in(self.text, window, self.catalogue)
        if found is None or not found.name:
            return None
        if self._words_only(found.name):
            return None
        if " " not in found.name and not found.role and not self._known_person(found.name):
            return None  # `Support sangat dibutuhkan …`, `Pembeli …`: a word, not someone
        if self.last is not None and self.canonical(found.name) == self.last.name:
            return None
        return found

    def _words_only(self, name: str) -> bool:
        """A name of two or more words that are all ordinary words the article also writes
        in lower case (`Kecelakaan Udara`, `Milik Negara`) names no person; a person's name
        made of words (`Ratu Dewa`, `Abu Bakar`) has at least one the article does not."""
        parts = name.replace("-", " ").split()
        if len(parts) < 2 or self.catalogue is not None and self.catalogue.resolve(name):
            return False  # `Partai Demokrat`: a body the catalogue knows
        return all(common_word_here(self.text, part) for part in parts)

    def _known_person(self, word: str) -> bool:
        """A one-word subject is someone the article or the catalogue knows by that name: a
        speaker so far, a catalogue person, or a longer name the article writes with it."""
        if common_word_here(self.text, word):
            return False
        if self.canonical(word) in self.names:
            return True
        if self.catalogue is not None:
            actor = self.catalogue.get(self.catalogue.resolve(word) or "")
            if actor is not None:
                return actor.type == "person"
        return any(len(name.split()) > 1 for name in _names_with(self.text, word))

    def last_person(self) -> Speaker | None:
        """The most recent speaker who is a person, not an organisation."""
        for name in reversed(self.names):
            actor = self.catalogue.get(name) if self.catalogue is not None else None
            if actor is not None and actor.type != "person":
                continue
            if actor is None and (name.isupper() or len(name.split()) == 1 and name[0].isupper()
                                  and name[1:2].isupper()):  # fmt: skip
                continue  # `KPU`, `BPS`: an acronym
            return self.learn(name, self.roles.get(name))
        return None

    def first_person(self, before: int) -> Speaker | None:
        """No speaker yet: the first person the article names (usually the lead's subject)."""
        for match in _CAPITALISED_RUN.finditer(self.text, 0, before):
            run = words(self.text, match.start(), match.end())
            role, name = split_role(self.text, run, self.catalogue)
            if name and (self._words_only(name) or _after_a_body(role)):
                continue  # `Dinas Lingkungan Hidup`, `Instalasi Rawat Darurat`: a body's name
            if role and not names_a_post(role):
                role = None  # `0726/Sukoharjo Letkol … Slamet`: a place cut from a post, no post
            if name and len(name.split()) >= 2 and all(is_name_word(w) for w in name.split()):
                return self.learn(name, role)
            if name and self.catalogue is not None:
                actor = self.catalogue.get(self.catalogue.resolve(name) or "")
                if actor is not None and actor.type == "person":
                    return self.learn(actor.name, role)
        return None
