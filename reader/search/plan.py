"""From a parsed query to what the database runs and what the reader highlights.

Each query group becomes a :class:`Clause`: a full-text expression for its text
alternatives plus, when a term names an actor, the actors whose ``mention`` rows also
satisfy it. ``said:`` groups become one expression over a statement's text, built by
the same word rules (stems, typo fixes, prefixes, phrases) with their own marks. The
expressions (:mod:`reader.search.expr`) name column groups, not a backend's columns:
each backend renders them. Every expansion that widened the match (stems, typo fixes,
actors, prefixes) is recorded so the user can see why an article matched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.extract.actors import Actor, Catalogue
from reader.search import expr
from reader.search.expr import EMPTY, Columns, Expr
from reader.search.fuzzy import ActorIndex, ActorMatch, Vocabulary, actor_index, vocabulary
from reader.search.models import Expansion
from reader.search.query import ParsedQuery, Term
from reader.store.catalogue import catalogue_of
from reader.store.database import Database
from reader.text.stem import stem

MAX_NGRAM = 4  # longest run of typed words tried as one actor name
MAX_FUZZY_WORDS = 6  # typo fixing is skipped for the words after this many


@dataclass(slots=True)
class Marks:
    """What to highlight in an article: exact forms, stems, phrases, prefixes, actors."""

    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)

    def is_empty(self) -> bool:
        return not (self.words or self.stems or self.phrases or self.prefixes or self.actors)

    def union(self, other: Marks) -> Marks:
        return Marks(
            self.words | other.words, self.stems | other.stems, self.phrases | other.phrases,
            self.prefixes | other.prefixes, self.actors | other.actors,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Clause:
    """One AND-ed group: matches text ``fts`` or a mention of any of ``actors``."""

    fts: Expr
    actors: tuple[str, ...] = ()


@dataclass(slots=True)
class Plan:
    clauses: list[Clause] = field(default_factory=list)
    excluded: Expr = EMPTY  # the expression of everything excluded
    expansions: list[Expansion] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    said: Expr = EMPTY  # the expression over a statement's text that one statement must match
    said_marks: Marks = field(default_factory=Marks)  # what to highlight in statements

    def add_expansion(self, kind: str, term: str, target: str) -> None:
        expansion = Expansion(kind, term, target)
        if expansion not in self.expansions:
            self.expansions.append(expansion)

    def text_match(self) -> Expr:
        """What an article's text must match: every clause without actors, none of the
        exclusions (:data:`EMPTY` when no clause is text alone; exclusions are then a
        separate condition)."""
        text = [clause.fts for clause in self.clauses if not clause.actors]
        return expr.excluding(expr.all_of(text), self.excluded) if text else EMPTY


class Planner:
    """Builds a :class:`Plan`; the vocabulary is only loaded when a word needs checking."""

    def __init__(self, db: Database, catalogue: Catalogue | None = None) -> None:
        self.db = db
        self.catalogue = catalogue if catalogue is not None else catalogue_of(db)
        self.actors: ActorIndex = actor_index(self.catalogue)
        self._vocab: Vocabulary | None = None
        self._fuzzy_budget = MAX_FUZZY_WORDS

    @property
    def vocab(self) -> Vocabulary:
        if self._vocab is None:
            self._vocab = vocabulary(self.db)
        return self._vocab

    def build(self, query: ParsedQuery) -> Plan:
        plan = Plan()
        for group in _with_actor_runs(query.groups, self._resolve_run):
            parts: list[Expr] = []
            actors: list[str] = []
            for item in group:
                expression, actor = self._item(plan, item)
                parts.append(expression)
                if actor is not None:
                    actors.append(actor.name)
            plan.clauses.append(Clause(expr.any_of(parts), tuple(dict.fromkeys(actors))))
        plan.excluded = expr.any_of(self._text(Plan(), term) for term in query.excluded)
        said = _Into(expr.SAID_RAW, expr.SAID_STEM, plan.said_marks)
        plan.said = expr.all_of(expr.any_of(self._text(plan, t, into=said) for t in g) for g in query.said)
        return plan

    # -- actors -------------------------------------------------------------------------

    def _resolve_run(self, terms: Sequence[Term]) -> ActorMatch | None:
        """The actor a run of typed words names, if any (single words need care)."""
        text = " ".join(term.text for term in terms)
        if len(terms) > 1:
            return self.actors.resolve(text, separate=True)  # prabowo gibran: two people
        match = self.actors.resolve(text)
        if match is None or match.exact:
            return match
        # A fuzzy single word: only when it is rare in the articles, so that an ordinary
        # word that happens to look like a name ("rosa" ~ Rosan) stays an ordinary word.
        word = terms[0].words[0] if terms[0].words else ""
        return match if self.vocab.count(word) <= self.vocab.rare_limit() else None

    def _item(self, plan: Plan, item: Term | _ActorRun) -> tuple[Expr, Actor | None]:
        if isinstance(item, _ActorRun):
            return self._actor_text(plan, item), item.match.actor
        if not item.quoted and len(item.words) > 1 and not item.prefix:
            match = self.actors.resolve(item.text)
            if match is not None:
                return self._actor_text(plan, _ActorRun((item,), match)), match.actor
        return self._text(plan, item), None

    def _actor_text(self, plan: Plan, run: _ActorRun) -> Expr:
        actor = run.match.actor
        typed = " ".join(term.text for term in run.terms)
        plan.add_expansion("actor", typed, actor.name)
        plan.marks.actors.add(actor.name)
        own = expr.all_of(self._text(plan, term, names=True) for term in run.terms)
        aliases: list[Expr] = []
        for words in self.actors.aliases_of(actor):
            aliases.append(expr.phrase(expr.RAW, words))
            if len(words) == 1:
                plan.marks.words.add(words[0])
            else:
                plan.marks.phrases.add(words)
        if self._has_mentions(actor.name):
            # The extractor already linked every alias it found to the actor, so its mention
            # rows are the match; a near miss also matches the typed words as written (the
            # typo may be in the article). Quote a name to match only the text: "Gibran".
            return EMPTY if run.match.exact else own
        return expr.any_of([own, *aliases])

    def _has_mentions(self, name: str) -> bool:
        row = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM mention WHERE actor_id = (SELECT id FROM actor WHERE name = ?))",
            [name],
        ).fetchone()
        return bool(row and row[0])

    # -- words --------------------------------------------------------------------------

    def _text(self, plan: Plan, term: Term, names: bool = False, into: _Into | None = None) -> Expr:
        """The expression for one term's own text (exact, stems, typo fixes), over the
        article columns unless ``into`` names others (and the marks they feed)."""
        into = into or _Into(expr.RAW, expr.STEM, plan.marks)
        if term.quoted:
            if len(term.words) > 1:
                into.marks.phrases.add(term.words)
            else:
                into.marks.words.add(term.words[0])
            return expr.phrase(into.raw, term.words)
        if term.prefix:
            return self._prefix(plan, term, into)
        if len(term.words) > 1:
            return self._compound(term, names, into)
        return self._word(plan, term, names, into)

    def _word(self, plan: Plan, term: Term, names: bool, into: _Into) -> Expr:
        word, marks = term.words[0], into.marks
        marks.words.add(word)
        parts: list[Expr] = [expr.phrase(into.raw, [word])]
        use_stem = not names and not self.actors.is_name_word(word)
        if use_stem:
            root = stem(word)
            parts.append(expr.phrase(into.stem, [root]))
            marks.stems.add(root)
            if root != word:
                plan.add_expansion("stem", term.text, root)
        if not names and self._fuzzy_budget > 0:
            self._fuzzy_budget -= 1
            for fixed in self.vocab.corrections(word):
                plan.add_expansion("fuzzy", term.text, fixed)
                marks.words.add(fixed)
                parts.append(expr.phrase(into.raw, [fixed]))
                if use_stem:
                    marks.stems.add(stem(fixed))
                    parts.append(expr.phrase(into.stem, [stem(fixed)]))
        return expr.any_of(parts)

    def _compound(self, term: Term, names: bool, into: _Into) -> Expr:
        into.marks.phrases.add(term.words)
        parts: list[Expr] = [expr.phrase(into.raw, term.words)]
        if term.initials:  # M.D. is also written MD
            joined = "".join(term.words)
            into.marks.words.add(joined)
            parts.append(expr.phrase(into.raw, [joined]))
        if not names:
            roots = [stem(w) for w in term.words]
            if roots != list(term.words):
                parts.append(expr.phrase(into.stem, roots))
        return expr.any_of(parts)

    def _prefix(self, plan: Plan, term: Term, into: _Into) -> Expr:
        head, last = term.words[:-1], term.words[-1]
        if head:
            into.marks.phrases.add(head)
        into.marks.prefixes.add(last)
        found = self.vocab.with_prefix(last, limit=4)
        if found:
            shown = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
            plan.add_expansion("prefix", term.text + "*", shown)
        return expr.phrase(into.raw, term.words, prefix=True)


@dataclass(frozen=True, slots=True)
class _Into:
    """Where a term's expression goes: the raw and stem columns, and the marks it adds to."""

    raw: Columns
    stem: Columns
    marks: Marks


@dataclass(frozen=True, slots=True)
class _ActorRun:
    terms: tuple[Term, ...]
    match: ActorMatch


def _is_plain_word(group: tuple[Term, ...]) -> bool:
    """A lone unquoted word, or initials (``M.D.``): what a typed name is made of."""
    if len(group) != 1 or group[0].quoted or group[0].prefix:
        return False
    return len(group[0].words) == 1 or group[0].initials


def _with_actor_runs(
    groups: Sequence[tuple[Term, ...]], resolve: Callable[[Sequence[Term]], ActorMatch | None]
) -> list[tuple[Term | _ActorRun, ...]]:
    """Replace runs of plain words that name an actor (``cak imn``, ``Giban``) by one item."""
    result: list[tuple[Term | _ActorRun, ...]] = []
    i = 0
    while i < len(groups):
        if not _is_plain_word(groups[i]):
            result.append(groups[i])
            i += 1
            continue
        run_end = i
        while run_end < len(groups) and run_end - i < MAX_NGRAM and _is_plain_word(groups[run_end]):
            run_end += 1
        for n in range(run_end - i, 0, -1):
            terms = tuple(group[0] for group in groups[i : i + n])
            match = resolve(terms)
            if match is not None:
                result.append((_ActorRun(terms, match),))
                i += n
                break
        else:
            result.append(groups[i])
            i += 1
    return result
