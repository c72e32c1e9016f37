"""Compose one synthetic article: metadata, title, and a body that still needs cleaning.

Every choice comes from one ``random.Random`` seeded with ``"{seed}/{index}"``, so article
``i`` is the same whatever ``n`` is (a 10k corpus is the prefix of the 100k one) and any
range of indices can be generated independently (in parallel) with identical output.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

from . import lexicon as lx
from .profile import Profile
from .vocab import Model, Vocab

T = TypeVar("T")

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
START, END = date(2023, 1, 1), date(2024, 12, 31)
PEAK_START, PEAK_END = date(2023, 10, 1), date(2024, 4, 30)  # campaign to MK ruling
VOTE_DAY = date(2024, 2, 14)
TOPICS = (("election", 85), ("economy", 9), ("sport", 6))
PAIRS = ("AMIN", "Prabowo-Gibran", "Ganjar-Mahfud", "Anies-Muhaimin", "Prabowo–Gibran")
SENTENCE_SHARE = 0.8  # sentence words / all words of a generated article (measured)
SLUG = re.compile(r"[^a-z0-9]+")


class Weighted(Generic[T]):
    """Items with cumulative weights, for O(log n) weighted draws."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(accumulate(w for _, w in pairs))

    def draw(self, rng: Random) -> T:
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


OUTLETS = Weighted([(o, o.weight) for o in lx.OUTLETS])
CITIES = Weighted(lx.CITIES)
ALIASES = Weighted(lx.ACTOR_ALIASES)
CUES_AFTER = Weighted(lx.CUES_AFTER)
CUES_BEFORE = Weighted(lx.CUES_BEFORE)
TOPIC = Weighted(TOPICS)
TermTables = dict[tuple[str, bool], "Weighted[str]"]  # (topic, after the vote) -> terms
OTHER_TERMS: TermTables = {
    ("economy", False): Weighted([(t, w) for t, w, _ in lx.ECONOMY_TERMS]),
    ("sport", False): Weighted([(t, w) for t, w, _ in lx.SPORT_TERMS]),
}
OTHER_TERMS[("economy", True)] = OTHER_TERMS[("economy", False)]
OTHER_TERMS[("sport", True)] = OTHER_TERMS[("sport", False)]
_TABLES: dict[int, tuple[Profile, TermTables]] = {}


def term_tables(profile: Profile) -> TermTables:
    """The term draws for ``profile`` (built once per profile; the profile is kept alive)."""
    entry = _TABLES.get(id(profile))
    if entry is None or entry[0] is not profile:
        tables = dict(OTHER_TERMS)
        for after in (False, True):
            tables[("election", after)] = Weighted(profile.term_weights(after))
        entry = _TABLES[id(profile)] = (profile, tables)
    return entry[1]
DATE_FORMATS = Weighted([
    ("{D} ({d}/{m}/{Y})", 40), ("{D} ({d}/{m})", 10), ("{D}, {d} {M} {Y}", 10),
    ("{D} {d} {M} {Y}", 8), ("{D} ({d}/{m}/{Y}) malam", 4), ("{D} ({d}/{m}/{Y}) pagi", 2),
    ("{d} {M} {Y}", 6), ("{D} ({d}/{m}/{Y}) pukul {h}.{mi} WIB", 3),
])


@dataclass(slots=True)
class Speaker:
    role: str
    name: str
    short: str
    introduced: bool = False


@dataclass(slots=True)
class Ctx:
    """Per-article state."""

    rng: Random
    model: Model
    topic: str
    day: date
    outlet: lx.Outlet
    open_q: str
    close_q: str
    speakers: list[Speaker] = field(default_factory=list)
    tables: TermTables = field(default_factory=dict)
    current: Speaker | None = None
    words: int = 0

    @property
    def terms(self) -> Weighted[str]:
        return self.tables[(self.topic, self.day >= VOTE_DAY)]


# --- Small pieces --------------------------------------------------------------------------


def pick_day(rng: Random) -> date:
    # Coverage is concentrated around the vote; the rest is spread over both years.
    lo, hi = (PEAK_START, PEAK_END) if rng.random() < 0.6 else (START, END)
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


def date_expr(rng: Random, day: date) -> str:
    d = day - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    dayname = DAYS[d.weekday()]
    if dayname == "Jumat" and rng.random() < 0.1:
        dayname = "Jum'at"
    return DATE_FORMATS.draw(rng).format(
        D=dayname, d=d.day, m=d.month, Y=d.year, M=MONTHS[d.month - 1],
        h=f"{rng.randrange(7, 22):02d}", mi=f"{rng.randrange(0, 60, 5):02d}")


def typo(rng: Random, word: str) -> str:
    """Drop, double or swap one inner letter: the kind of slip that reaches print."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def finish(words: list[str]) -> str:
    return cap(" ".join(words).replace(" ,", ","))


def local_name(rng: Random) -> str:
    return f"{rng.choice(lx.FIRST_NAMES)} {rng.choice(lx.LAST_NAMES)}"


def fill(rng: Random, template: str) -> str:
    return template.format(
        R=rng.choice(lx.REGIONS), U=rng.choice(lx.UNIVERSITIES), L=rng.choice(lx.INSTITUTES),
        P=rng.choice(lx.PARTIES), N=rng.randrange(1, 30), X=rng.choice(lx.LAST_NAMES))


def make_speakers(rng: Random, topic: str) -> list[Speaker]:
    famous, roles = ((lx.ELECTION_SPEAKERS, lx.ELECTION_ROLES) if topic == "election"
                     else (lx.OTHER_SPEAKERS, lx.OTHER_ROLES))
    out = []
    for _ in range(rng.randrange(1, 5)):
        if rng.random() < 0.55:
            out.append(Speaker(*rng.choice(famous)))
        else:
            name = local_name(rng)
            out.append(Speaker(fill(rng, rng.choice(roles)), name, name.split()[0]))
    return out


# --- Sentences -----------------------------------------------------------------------------


def sentence(ctx: Ctx, lo: int = 7, hi: int = 28, mention: float = 0.06, term: float = 0.15) -> str:
    rng = ctx.rng
    words = ctx.model.walk(rng, lo, hi)
    n = len(words) + 1
    if rng.random() < mention * (1 if ctx.topic == "election" else 0.2):
        words.insert(rng.randrange(n), ALIASES.draw(rng))
    if rng.random() < term:
        words.insert(rng.randrange(n), ctx.terms.draw(rng))
    if rng.random() < 0.03:
        j = rng.randrange(len(words))
        words[j] = typo(rng, words[j])
    if rng.random() < 0.08:
        words.append(("pada " if rng.random() < 0.3 else ", ") + date_expr(rng, ctx.day))
    ctx.words += len(words)
    return finish(words)


def quote_body(ctx: Ctx) -> str:
    text = " ".join(sentence(ctx, 5, 22) + "." for _ in range(ctx.rng.choice((1, 1, 2))))
    return text[:-1]  # the closing punctuation depends on the quote pattern


def speaker_for(ctx: Ctx) -> Speaker:
    if ctx.current is None or ctx.rng.random() < 0.4:
        ctx.current = ctx.rng.choice(ctx.speakers)
    return ctx.current


def full_ref(sp: Speaker, rng: Random) -> str:
    """A speaker named for the first time: role + name (sometimes with the role after)."""
    sp.introduced = True
    if rng.random() < 0.15:
        return f"{sp.name}, {sp.role[:1].lower() + sp.role[1:]},"
    return f"{sp.role} {sp.name}"


# --- Paragraph kinds -----------------------------------------------------------------------


def para_narrative(ctx: Ctx) -> str:
    return " ".join(sentence(ctx) + "." for _ in range(ctx.rng.randrange(1, 4)))


def para_quote_after(ctx: Ctx) -> str:
    rng, sp = ctx.rng, speaker_for(ctx)
    cue = CUES_AFTER.draw(rng)
    if not sp.introduced:
        who = f"{cue} {full_ref(sp, rng).rstrip(',')}"
    else:
        r = rng.random()
        who = f"{cue}nya" if r < 0.45 else f"{cue} dia" if r < 0.55 else f"{cue} {sp.short}"
    where = rng.choice(lx.CUE_CONTEXTS).format(D=date_expr(rng, ctx.day), C=CITIES.draw(rng))
    stop = "." if rng.random() < 0.08 else ","  # "….\" kata dia" occurs too
    return f"{ctx.open_q}{quote_body(ctx)}{stop}{ctx.close_q} {who}{where}."


def para_quote_before(ctx: Ctx) -> str:
    rng, sp = ctx.rng, speaker_for(ctx)
    who = sp.short if sp.introduced else full_ref(sp, rng)
    return f"{cap(who)} {CUES_BEFORE.draw(rng)}, {ctx.open_q}{quote_body(ctx)}.{ctx.close_q}"


def para_reported(ctx: Ctx) -> str:
    rng, sp = ctx.rng, speaker_for(ctx)
    if sp.introduced and rng.random() < 0.5:
        head = f"Menurut {sp.short if rng.random() < 0.6 else 'dia'},"
    else:
        who = sp.short if sp.introduced else full_ref(sp, rng)
        head = f"{cap(who)} {CUES_BEFORE.draw(rng)}{' bahwa' if rng.random() < 0.4 else ''}"
    clause = sentence(ctx, 6, 20)
    return f"{head} {clause[:1].lower()}{clause[1:]}."


def para_bare_quote(ctx: Ctx) -> str:
    if ctx.current is None:
        return para_quote_after(ctx)
    return f"{ctx.open_q}{quote_body(ctx)}.{ctx.close_q}"


PARAGRAPHS = Weighted([(para_narrative, 40), (para_quote_after, 25), (para_quote_before, 8),
                       (para_reported, 17), (para_bare_quote, 4)])


# --- Titles, boilerplate, footers ----------------------------------------------------------


def title(ctx: Ctx, topic: str) -> str:
    rng, model, day = ctx.rng, ctx.model, ctx.day
    if rng.random() < 0.6:
        templates = lx.ELECTION_TITLES if topic == "election" else lx.OTHER_TITLES
        term = ctx.tables[(topic, day >= VOTE_DAY)].draw(rng)
        speakers = lx.ELECTION_SPEAKERS if topic == "election" else lx.OTHER_SPEAKERS
        return rng.choice(templates).format(
            A=ALIASES.draw(rng), P=rng.choice(PAIRS), R=rng.choice(lx.REGIONS),
            N=rng.randrange(2, 99), T=term.title() if term.islower() else term,
            S=rng.choice(speakers)[2])
    words = [w for w in model.walk(rng, 4, 9) if w != ","]
    words.insert(rng.randrange(len(words) + 1), ALIASES.draw(rng))
    return " ".join(cap(w) for w in words)


def initials(rng: Random) -> tuple[str, str]:
    letters = "abcdefghijklmnoprstuwy"
    return tuple("".join(rng.choice(letters) for _ in range(3)) for _ in range(2))  # type: ignore


def footer(ctx: Ctx, kind: str | None, headline: str) -> list[str]:
    rng = ctx.rng
    if kind == "antara":
        return [f"Pewarta: {local_name(rng)}", f"Editor: {local_name(rng)}",
                f"COPYRIGHT © ANTARA {ctx.day.year}"]
    if kind == "jpnn" and rng.random() < 0.2:
        return ["Yuk, Simak Juga Video ini!"]
    if kind == "detik" and rng.random() < 0.3:
        return [f"Simak Video '{headline}':", "", "[Gambas:Video 20detik]"]
    if kind == "stars":
        return ["***"]
    if kind == "hashtags":
        tags = [ALIASES.draw(rng) for _ in range(rng.randrange(2, 6))]
        return ["".join(f"# {t}" for t in tags)]
    if kind == "bisnis":
        return ["Cek Berita dan Artikel yang lain di", "Google News"]
    if kind == "tribun":
        return [f"Penulis: {local_name(rng)} | Editor: {local_name(rng)}"]
    if kind == "related":
        out = []
        for _ in range(rng.randrange(3, 9)):
            ago = rng.randrange(1, 7)
            head = title(ctx, "election")
            out += ["-", f"{rng.choice(lx.RUBRICS)}{ago} hari ago", head]
        return out
    return []


def slug(text: str) -> str:
    return SLUG.sub("-", text.lower()).strip("-")[:90]


def url_for(rng: Random, outlet: lx.Outlet, day: date, head: str) -> str | None:
    if outlet.url is None or rng.random() < 0.05:
        return None
    return outlet.url.format(y=day.year, m=f"{day.month:02d}", d=f"{day.day:02d}",
                             num=rng.randrange(1_000_000, 9_999_999), slug=slug(head))


# --- The article ---------------------------------------------------------------------------


def body(ctx: Ctx, head: str, target: int) -> str:
    rng, outlet = ctx.rng, ctx.outlet
    lines: list[str] = []
    if outlet.footer == "related":  # seed-000 style page: rubric and headline inside the text
        lines += [rng.choice(lx.RUBRICS[:4]), head, ""]
    if outlet.name == "tribunnews.com" and rng.random() < 0.4:
        lines += [f"Laporan wartawan Tribunnews.com, {local_name(rng)}", ""]
    lead = sentence(ctx, 12, 30, mention=0.7, term=0.5)
    lead += f", {date_expr(rng, ctx.day)}." if rng.random() < 0.5 else "."
    if rng.random() < outlet.dateline_share:
        city = CITIES.draw(rng)
        dateline = rng.choice(outlet.datelines).format(CITY=city.upper(), City=city)
        lead = f"{dateline}{'' if dateline.endswith(' ') else ' '}{lead}"
    paras = [lead]
    while ctx.words < target:
        paras.append(PARAGRAPHS.draw(rng)(ctx))
    lines += insert_boilerplate(ctx, paras)
    end: list[str] = []
    if outlet.initials or rng.random() < 0.1:
        a, b = initials(rng)
        if rng.random() < 0.75:
            lines[-1] += " " + (outlet.initials or "({a}/{b})").format(a=a, b=b)
            if outlet.footer != "related" and rng.random() < 0.08:
                end += footer(ctx, "related", "")  # a related list scraped with the page
    end += footer(ctx, outlet.footer, title(ctx, ctx.topic))
    sep = outlet.para_sep
    if rng.random() < 0.02:
        sep = " "  # scraper lost the newlines: boilerplate runs into the prose
    return sep.join(lines) + ("\n" + "\n".join(end) if end else "")


def insert_boilerplate(ctx: Ctx, paras: list[str]) -> list[str]:
    rng, outlet = ctx.rng, ctx.outlet
    out = [paras[0]]
    baca_left = rng.randrange(0, 4) if outlet.baca else (1 if rng.random() < 0.05 else 0)
    ads = [a for a in outlet.ads if rng.random() < 0.8]
    for i, p in enumerate(paras[1:], start=1):
        if baca_left and rng.random() < 0.25:
            baca_left -= 1
            head = title(ctx, ctx.topic if rng.random() < 0.7 else "economy")
            out.append((outlet.baca or "Baca Juga: {h}").format(h=head))
        if ads and i >= 2 and rng.random() < 0.3:
            ad = ads.pop()
            out.append(ad + ("\n" * 10 if ad == "ADVERTISEMENT" and outlet.name == "beritasatu.com"
                             else ""))
        out.append(p)
    return out


def article_id(seed: int, index: int) -> str:
    return "synth-" + hashlib.sha1(f"{seed}/{index}".encode()).hexdigest()[:16]


def make_article(vocab: Vocab, seed: int, index: int) -> dict[str, str | None]:
    rng = Random(f"{seed}/{index}")
    topic = TOPIC.draw(rng)
    outlet = OUTLETS.draw(rng)
    day = pick_day(rng)
    curly = rng.random() < outlet.curly
    model = vocab.election if topic == "election" else vocab.general
    ctx = Ctx(rng, model, topic, day, outlet, "“" if curly else '"', "”" if curly else '"',
              tables=term_tables(vocab.profile))
    ctx.speakers = make_speakers(rng, topic)
    head = title(ctx, topic)
    # Lengths are lognormal like real coverage. ``target`` counts sentence words only; cue
    # verbs, speaker names, datelines and boilerplate add the rest of the real word count.
    median = vocab.profile.median_words * SENTENCE_SHARE
    target = min(2500, max(60, int(rng.lognormvariate(math.log(median), vocab.profile.log_sd))))
    text = body(ctx, head, target)
    return {
        "id": article_id(seed, index),
        "title": head if rng.random() > 0.02 else None,
        "text": text,
        "url": url_for(rng, outlet, day, head),
        "published": day.isoformat() if rng.random() > 0.06 else None,
        "outlet": outlet.name if rng.random() > 0.01 else None,
    }
