"""Word and bigram frequencies learned from real text, and fast sampling from them.

Two models share one word list:

* ``general``: unigrams and bigrams of every article (``seeds/`` plus ``real.jsonl`` when
  present). Non-election articles are written from it.
* ``election``: bigrams of the election subset (``election.jsonl`` plus the seeds, which are
  weighted up) over a unigram mixture of both corpora. Election articles are written from it.

Sentences are bigram walks: "." marks a sentence boundary, so the bigram (".", w) gives the
sentence starters, and "," is a token too, so commas land where real text puts them. Each
step falls back to a unigram draw with a small probability; that keeps the rare-word tail of
the Zipf curve alive and stops the walk from looping in a few frequent phrases.

The learned counts are cached as JSON in ``benchmarks/data/`` (gitignored): learning from
the 66 MB shared corpus takes about 15 s, loading the cache about 1 s.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from random import Random

from . import lexicon
from .profile import Profile, learn_profile

CACHE_VERSION = 7
BENCH_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = BENCH_DIR.parent
SEEDS_DIR = REPO_DIR / "seeds"
SHARED_CORPUS_DIR = REPO_DIR.parent / "shared" / "corpus"
DATA_DIR = BENCH_DIR / "data"

EOS, COMMA = 0, 1  # fixed word ids
MAX_WORDS = 60_000
BACKOFF_SHARED, BACKOFF_SEEDS = 0.08, 0.7
SEED_WEIGHT = 20  # the two seed articles are tiny but the most on-topic text we have
# Beside the 1,274 real election articles the seeds only add their phrases: weighted 20x they
# made "kecurangan" ten times as common as in real coverage.
SEED_WEIGHT_SHARED = 2

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*|[,.!?\n]")
BOILERPLATE_LINE = re.compile(r"^\s*(baca juga|advertisement|scroll to continue|simak|-\s*$)", re.I)
RUBRIC_LINE = re.compile(r"^[A-Z0-9 ]+$")  # "POLITIK", "SEPUTAR KALTIM"
# Editor initials end the article; what follows is a related-headline list, not body text.
END_MARK = re.compile(r"\((?:[a-z]{2,4}/[a-z]{2,4}|\*)\)")
# Most of real.jsonl is from 2019; move its years into the 2023-2024 window of the corpus.
YEAR_SHIFT = {"2018": "2023", "2019": "2024", "2020": "2024"}


@dataclass(slots=True)
class Dist:
    """A discrete distribution, sampled by inverse CDF.

    ``cells`` splits [0, 1) into equal cells; a cell that lies inside one outcome's interval
    stores that outcome's position, so most draws are one list lookup instead of a bisect
    over thousands of boxed ints (generation runs about 2x faster). Mixed cells hold -1
    and fall back to the bisect, so the result is exactly the inverse-CDF draw either way.
    """

    ids: list[int]
    cum: list[int]
    cells: list[int]

    @classmethod
    def build(cls, ids: list[int], cum: list[int], max_cells: int = 16384) -> Dist:
        # 16 cells per outcome send ~90% of real-corpus draws through the table (4 -> ~65%).
        total, m = cum[-1], max(1, min(max_cells, 16 * len(ids)))
        cells = [-1] * m
        lo = 0
        for pos, hi in enumerate(cum):
            first, stop = -(-lo * m // total), hi * m // total  # cells wholly in [lo, hi)
            if stop > first:
                cells[first:stop] = [pos] * (stop - first)
            lo = hi
        return cls(ids, cum, cells)

    def draw(self, r: float) -> int:
        """The outcome for a uniform ``r`` in [0, 1)."""
        pos = self.cells[int(r * len(self.cells))]
        if pos < 0:
            pos = bisect(self.cum, r * self.cum[-1])
        return self.ids[pos]


@dataclass(slots=True)
class Model:
    """A bigram model with unigram fallback over a shared ``words`` list."""

    words: list[str]
    uni: Dist  # unigram draws ("." and "," have zero weight)
    succ: list[Dist | None]  # per word id: its successors
    backoff: float  # chance of a unigram draw instead of a bigram step

    @classmethod
    def build(cls, words: list[str], uni_cum: list[int], succ: list, backoff: float) -> Model:
        uni = Dist.build(list(range(len(words))), uni_cum, max_cells=1 << 16)
        dists = [None if s is None else Dist.build(s[0], s[1]) for s in succ]
        return cls(words, uni, dists, backoff)

    def walk(self, rng: Random, min_len: int, max_len: int) -> list[str]:
        """One sentence as a list of words (commas included, no final full stop).

        This loop is the generator's hot spot (about 2 µs per word), hence the inlined
        :meth:`Dist.draw` and the single random number for "back off or not" and the draw.
        """
        words, succ, rand, uni = self.words, self.succ, rng.random, self.uni.draw
        keep = 1.0 - self.backoff
        out: list[str] = []
        n, prev = 0, EOS
        while n < max_len:
            dist = succ[prev]
            r = rand()
            if dist is None or r >= keep:
                nxt = uni(rand())
            else:
                r /= keep
                cells = dist.cells
                pos = cells[int(r * len(cells))]
                if pos < 0:
                    pos = bisect(dist.cum, r * dist.cum[-1])
                nxt = dist.ids[pos]
            if nxt <= COMMA:
                if nxt == EOS:
                    if n >= min_len:
                        break
                    nxt = uni(rand())
                elif not n or prev == COMMA:
                    continue  # no leading or doubled comma
            out.append(words[nxt])
            n += 1
            prev = nxt
        if out and out[-1] == ",":
            out.pop()
        return out


@dataclass(slots=True)
class Vocab:
    general: Model
    election: Model
    sources: tuple[str, ...]  # what it was learned from, for the report
    profile: Profile = field(default_factory=Profile)  # article lengths, term frequencies

    @property
    def size(self) -> int:
        return len(self.general.words)


# --- Learning ------------------------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Surface tokens with sentence ends folded into "."."""
    end = END_MARK.search(text)
    if end:
        text = text[: end.start()]
    out = []
    for line in text.split("\n"):
        if BOILERPLATE_LINE.match(line) or RUBRIC_LINE.match(line):
            continue
        for tok in TOKEN.findall(line):
            if tok in ".!?\n":
                tok = "."
            out.append(YEAR_SHIFT.get(tok, tok))
        out.append(".")
    return out


@dataclass(slots=True)
class Counts:
    surface: Counter[str]
    bigrams: Counter[tuple[str, str]]

    @classmethod
    def learn(cls, texts: Iterable[str], weight: int = 1) -> Counts:
        surface: Counter[str] = Counter()
        bigrams: Counter[tuple[str, str]] = Counter()
        for text in texts:
            toks = ["."] + tokenize(text)
            surface.update(toks)
            low = [t.lower() for t in toks]
            bigrams.update(zip(low, low[1:], strict=False))
        if weight != 1:
            surface = Counter({k: v * weight for k, v in surface.items()})
            bigrams = Counter({k: v * weight for k, v in bigrams.items()})
        return cls(surface, bigrams)

    def __iadd__(self, other: Counts) -> Counts:
        self.surface.update(other.surface)
        self.bigrams.update(other.bigrams)
        return self


def seed_texts(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def jsonl_texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line).get("text") or ""


def meN(root: str, prefix: str) -> str:
    """Indonesian nasal assimilation for me-/pe- (pilih -> memilih, curang -> mencurang)."""
    head = root[0]
    if head in "aeiou" or head in "gh":
        return prefix + "ng" + root
    if head == "k":
        return prefix + "ng" + root[1:]
    if head in "pb":
        return prefix + "m" + (root[1:] if head == "p" else root)
    if head == "t":
        return prefix + "n" + root[1:]
    if head == "s":
        return prefix + "ny" + root[1:]
    if head in "cdj":
        return prefix + "n" + root
    return prefix + root


def builtin_counts() -> Counter[str]:
    """A Zipf-weighted fallback vocabulary: common words plus a tail of derived forms."""
    counts: Counter[str] = Counter()
    for rank, word in enumerate(lexicon.BUILTIN_WORDS, start=1):
        counts[word] += 200_000 // rank
    rank = len(lexicon.BUILTIN_WORDS)
    for root in lexicon.ROOTS:
        for pre, suf in lexicon.AFFIXES:
            rank += 1
            form = (meN(root, pre) if pre in ("me", "pe") else pre + root) + suf
            counts[form] += max(1, 200_000 // rank)
    return counts


# --- Building the models -------------------------------------------------------------------


def _word_list(general: Counts) -> tuple[list[str], dict[str, int]]:
    """The MAX_WORDS most frequent lower-cased forms, each shown in its most common casing."""
    by_lower: dict[str, Counter[str]] = {}
    for form, n in general.surface.items():
        by_lower.setdefault(form.lower(), Counter())[form] += n
    totals = sorted(((sum(c.values()), low) for low, c in by_lower.items() if low not in ".,"),
                    key=lambda t: (-t[0], t[1]))
    words = [".", ","]
    for _, low in totals[: MAX_WORDS - 2]:
        forms = by_lower[low]
        words.append(min(forms, key=lambda f: (-forms[f], f)))
    index = {w.lower(): i for i, w in enumerate(words)}
    return words, index


def _unigram_counts(counts: Counts, index: dict[str, int], size: int) -> list[int]:
    uni = [0] * size
    for form, n in counts.surface.items():
        i = index.get(form.lower())
        if i is not None and i > COMMA:
            uni[i] += n
    return uni


def _successors(counts: Counts, index: dict[str, int], size: int, min_count: int) -> list:
    pairs: dict[int, list[tuple[int, int]]] = {}
    for (a, b), n in counts.bigrams.items():
        if n < min_count:
            continue
        ia, ib = index.get(a), index.get(b)
        if ia is not None and ib is not None:
            pairs.setdefault(ia, []).append((ib, n))
    succ: list[tuple[list[int], list[int]] | None] = [None] * size
    for ia, lst in pairs.items():
        # Most frequent first (ties by id: independent of Counter order), so that the cell
        # table of Dist covers the head of the distribution.
        lst.sort(key=lambda t: (-t[1], t[0]))
        succ[ia] = ([b for b, _ in lst], list(accumulate(n for _, n in lst)))
    return succ


def _models(general: Counts, election: Counts, min_count: int, backoff: float,
            election_share: float) -> tuple[Model, Model]:
    words, index = _word_list(general)
    size = len(words)
    uni_g = _unigram_counts(general, index, size)
    uni_e = _unigram_counts(election, index, size)
    # Scale the election counts to ``election_share`` of the mixture's total mass.
    boost = election_share / (1 - election_share) * sum(uni_g) / max(1, sum(uni_e))
    uni_mix = [g + round(e * boost) for g, e in zip(uni_g, uni_e, strict=True)]
    gen_succ = _successors(general, index, size, min_count)
    gen = Model.build(words, list(accumulate(uni_g)), gen_succ, backoff)
    ele = Model.build(words, list(accumulate(uni_mix)), _successors(election, index, size, 1), backoff)
    return gen, ele


def learn_counts(use_shared: bool, seeds_dir: Path = SEEDS_DIR,
                 shared_dir: Path = SHARED_CORPUS_DIR) -> tuple[Counts, Counts, list[str], Profile]:
    real, subset = shared_dir / "real.jsonl", shared_dir / "election.jsonl"
    use_shared = use_shared and real.is_file()
    seeds = Counts.learn(seed_texts(seeds_dir), weight=SEED_WEIGHT_SHARED if use_shared else SEED_WEIGHT)
    election = Counts(Counter(seeds.surface), Counter(seeds.bigrams))
    general = Counts(Counter(seeds.surface), Counter(seeds.bigrams))
    sources = [f"seeds ({len(seed_texts(seeds_dir))} files)"]
    profile = Profile()
    if use_shared:
        general += Counts.learn(jsonl_texts(real))
        sources.append(str(real))
        if subset.is_file():
            election += Counts.learn(jsonl_texts(subset))
            profile = learn_profile(jsonl_texts(subset), str(subset))
            sources.append(str(subset))
    else:
        general.surface.update(builtin_counts())
        sources.append("built-in word list")
    return general, election, sources, profile


# --- Cache ---------------------------------------------------------------------------------


def _fingerprint(use_shared: bool, seeds_dir: Path, shared_dir: Path) -> str:
    parts = [f"v{CACHE_VERSION}", f"max{MAX_WORDS}"]
    files = sorted(seeds_dir.glob("*.txt"))
    if use_shared:
        files += [shared_dir / "real.jsonl", shared_dir / "election.jsonl"]
    for p in files:
        if p.is_file():
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{int(st.st_mtime)}")
    parts.append(hashlib.sha1("".join(seed_texts(seeds_dir)).encode()).hexdigest())
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _dump(model: Model) -> dict:
    succ = [None if s is None else [s.ids, s.cum] for s in model.succ]
    return {"uni_cum": model.uni.cum, "succ": succ}


def _load(words: list[str], data: dict, backoff: float) -> Model:
    return Model.build(words, data["uni_cum"], data["succ"], backoff)


def build_vocab(use_shared: bool = True, cache_dir: Path | None = DATA_DIR,
                seeds_dir: Path = SEEDS_DIR, shared_dir: Path = SHARED_CORPUS_DIR) -> Vocab:
    """Learn (or load from the cache) the vocabulary models.

    ``use_shared=False`` or a missing shared folder gives the seeds-only models.
    ``cache_dir=None`` disables the cache.
    """
    use_shared = use_shared and (shared_dir / "real.jsonl").is_file()
    # Seeds alone give bigrams for ~700 words: walking them would repeat the two seed
    # articles' phrases in every article, so lean on the (Zipf) unigram table much more.
    backoff = BACKOFF_SHARED if use_shared else BACKOFF_SEEDS
    cache = None
    if cache_dir is not None:
        cache = cache_dir / f"vocab-{_fingerprint(use_shared, seeds_dir, shared_dir)}.json"
        if cache.is_file():
            data = json.loads(cache.read_text(encoding="utf-8"))
            words = data["words"]
            return Vocab(_load(words, data["general"], backoff),
                         _load(words, data["election"], backoff), tuple(data["sources"]),
                         Profile.from_json(data["profile"]))
    general, election, sources, profile = learn_counts(use_shared, seeds_dir, shared_dir)
    # Pairs seen once in the big corpus are mostly noise and would double the cache size.
    # With seeds only, the "election" text is two articles: keep their words from
    # dominating (else "kecurangan" would be in every article and useless as a query).
    gen, ele = _models(general, election, 2 if use_shared else 1, backoff, 0.35 if use_shared else 0.1)
    vocab = Vocab(gen, ele, tuple(sources), profile)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        payload = {"words": gen.words, "sources": sources, "profile": profile.to_json(),
                   "general": _dump(gen), "election": _dump(ele)}
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), "utf-8")
        tmp.replace(cache)
    return vocab
