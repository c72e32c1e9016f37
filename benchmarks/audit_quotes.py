"""Score the extractor against the statement audit (``benchmarks/audit/labels.jsonl``), per outlet.

    .venv/bin/python benchmarks/audit_quotes.py            # markdown table
    .venv/bin/python benchmarks/audit_quotes.py --json     # the same figures as JSON
    .venv/bin/python benchmarks/audit_quotes.py --db X.db  # reuse a database of election.jsonl
    .venv/bin/python benchmarks/audit_quotes.py --errors   # ... and list every quote scored wrong

``../shared/corpus/election.jsonl`` is imported with the current code into a temporary
database; each label is matched to an extracted quote of the same article (rules in
``benchmarks/audit/README.md``) and scored: is what is listed a statement, is its
speaker right, is its role right.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from rapidfuzz import fuzz

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_extraction import MATCH_RATIO, SHARED, normalise  # noqa: E402

from reader.extract.lexicon import HONORIFICS, PLACES, ROLE_WORDS  # noqa: E402
from reader.ingest.pipeline import import_paths  # noqa: E402
from reader.store.connect import open_db  # noqa: E402

ELECTION = SHARED / "corpus" / "election.jsonl"
LABELS = HERE / "audit" / "labels.jsonl"
KEY_CHARS = 80  # the normalised quote's head kept as its key
# Academic and religious titles beside a name: not part of it when speakers are compared.
TITLES = HONORIFICS | frozenset(
    "h hj dr drs ir prof kh k.h habib gus cak st se sh mh msi mm phd sip spd mba".split())
# Words a role may have or lack without naming another post or organisation.
LINKING = frozenset("partai dan di dari se yang sebagai republik negara periode pilpres pemilu pileg".split())
RANKS = frozenset("""jenderal jend letjen mayjen mayjend brigjen brigjend irjen komjen kombes akbp akp kompol
    iptu ipda pol polisi purn purnawirawan marsekal marsda marsdya laksamana laksda laksdya kolonel
    letkol mayor kapten""".split())
_NUMBER = re.compile(r"[\d./-]+")


def quote_key(text: str) -> dict:
    """The label key of a quote: its normalised head, length and the sha1 of the whole."""
    norm = normalise(text)
    return {"quote_key": norm[:KEY_CHARS], "quote_len": len(norm),
            "quote_sha1": hashlib.sha1(norm.encode("utf-8")).hexdigest()}


def matches(label: dict, text: str) -> bool:
    """Whether an extracted quote's text is the labelled quote, allowing small boundary changes.

    Equal normalised texts match. A key that is the whole quote matches at a similarity ratio of at
    least 0.9. A longer quote matches when the lengths are within a fifth of each other and the key
    (or its last three quarters, for a start that moved) is found near the quote's start at 0.9.
    """
    norm = normalise(text)
    if hashlib.sha1(norm.encode("utf-8")).hexdigest() == label["quote_sha1"]:
        return True
    key, length = label["quote_key"], label["quote_len"]
    if length <= KEY_CHARS:
        return fuzz.ratio(norm, key) >= MATCH_RATIO
    if min(len(norm), length) / max(len(norm), length) < 0.8:
        return False
    head = norm[: KEY_CHARS + 40]
    return max(fuzz.partial_ratio(key, head), fuzz.partial_ratio(key[KEY_CHARS // 4:], head)) >= MATCH_RATIO


def _words(text: str, drop: frozenset[str]) -> list[str]:
    cleaned = "".join(c if c.isalnum() or c in "-." else " " for c in normalise(text))
    return [w for w in (w.strip(".") for w in cleaned.split()) if w and w not in drop]


def speaker_right(label: str | None, found: str | None) -> bool:
    """The same person: every word of the found name (titles aside) is in the labelled name.

    A shorter form of the name is right; words glued on (an organisation, a place, a cue) are
    wrong. Alternatives in a label are separated by ``|``. No labelled speaker: right only if
    none is found.
    """
    if not label:
        return not found
    if not found:
        return False
    got = set(_words(found, TITLES))
    return bool(got) and any(got <= set(_words(alt, TITLES)) for alt in label.split("|"))


def _split_role(label: str) -> tuple[set[str], set[str]]:
    """Required and optional words of one labelled role: ``(…)`` and ``[…]`` parts are optional."""
    optional = set(_words(" ".join(re.findall(r"[(\[]([^)\]]*)[)\]]", label)), frozenset()))
    core = _words(re.sub(r"[(\[][^)\]]*[)\]]", " ", label), frozenset())
    required = {w for w in core if not _optional_word(w)}
    if required - PLACES - ROLE_WORDS:  # an organisation is named: the region may be missing
        required -= PLACES
    return required, optional | set(core)


def _optional_word(word: str) -> bool:
    return word in LINKING or word in RANKS or bool(_NUMBER.fullmatch(word))


def role_right(label: str | None, found: str | None, speaker: str | None = None) -> bool:
    """The same post and organisation as one of the labelled roles (``|`` separates alternatives).

    Every labelled word must be in the found role, except linking words, ranks, numbers, the
    parts in ``(…)`` or ``[…]`` (abbreviations, a region) and, where the role names an
    organisation besides its title, region words (``Ketua KPU Jabar`` ~ ``Ketua KPU``, but
    ``Gubernur Jawa Timur`` !~ ``Gubernur``). Every found word must be in the labelled role or be
    a linking word, rank, number or region: a bare title, half a name or another organisation is
    wrong. No labelled role: right only if none is found.
    """
    if not label:
        return not found
    if not found:
        return False
    got = set(_words(found, frozenset()))
    extra_ok = {w for w in got if _optional_word(w) or w in PLACES}
    name = set(_words(speaker or "", TITLES))
    for alt in label.split("|"):
        required, allowed = _split_role(alt)
        if required <= got and got - extra_ok <= allowed and not (got - allowed) & name:
            return True
    return False


@dataclass
class Tally:
    audited: int = 0
    listed: int = 0
    statements: int = 0  # listed and labelled a statement
    dropped: int = 0  # labelled non-statements no longer listed (correctly dropped)
    lost: int = 0  # labelled statements no longer listed
    speaker_ok: int = 0
    role_ok: int = 0

    def rates(self) -> dict:
        def share(n: int, d: int) -> float | None:
            return round(n / d, 3) if d else None
        return {**asdict(self), "statement_share": share(self.statements, self.listed),
                "speaker": share(self.speaker_ok, self.statements),
                "role": share(self.role_ok, self.statements)}


def pair(labels: list[dict], found: list[dict]) -> list[dict | None]:
    """One-to-one: each label gets the first unused matching quote, of its own kind if possible."""
    used: set[int] = set()
    result: list[dict | None] = []
    for label in labels:
        candidates = [i for i, q in enumerate(found) if i not in used and matches(label, q["text"])]
        candidates.sort(key=lambda i: found[i]["kind"] != label["kind"])
        if candidates:
            used.add(candidates[0])
        result.append(found[candidates[0]] if candidates else None)
    return result


def score(
    labels: list[dict], found: dict[str, list[dict]], baseline: dict[str, set[str]] | None = None
) -> tuple[dict[tuple[str, str], Tally], int]:
    """Tallies per (outlet, kind), outlet ``all`` included, and the count of new unlabelled quotes.

    A quote is new when the audited article did not have its text at labelling time
    (``baseline``: source -> sha1s of the normalised quote texts then) and no label matches it.
    """
    tallies: dict[tuple[str, str], Tally] = {}
    by_source: dict[str, list[dict]] = {}
    for label in labels:
        by_source.setdefault(label["source"], []).append(label)
    new = 0
    for source, group in by_source.items():
        quotes = found.get(source, [])
        paired = pair(group, quotes)
        seen = (baseline or {}).get(source, set())
        new += sum(quote_key(q["text"])["quote_sha1"] not in seen and q not in paired for q in quotes)
        for label, quote in zip(group, paired, strict=True):
            for outlet in (label["outlet"], "all"):
                _count(tallies.setdefault((outlet, label["kind"]), Tally()), label, quote)
    return tallies, new


def errors(labels: list[dict], found: dict[str, list[dict]]) -> list[str]:
    """One line per audited quote the extractor gets wrong: lost, listed though no statement,
    wrong speaker, wrong role (with what the label wants and what is listed)."""
    out = []
    by_source: dict[str, list[dict]] = {}
    for label in labels:
        by_source.setdefault(label["source"], []).append(label)
    for source, group in by_source.items():
        for label, quote in zip(group, pair(group, found.get(source, [])), strict=True):
            where = f"{source} {label['kind']} | {label['quote_key'][:50]}"
            if quote is None:
                out += [f"LOST     {where}"] if label["statement"] else []
            elif not label["statement"]:
                out.append(f"LISTED   {where} ({label.get('note') or 'not a statement'})")
            else:
                if not speaker_right(label["speaker"], quote["speaker"]):
                    out.append(f"SPEAKER  {where}: want {label['speaker']!r} got {quote['speaker']!r}")
                if not role_right(label["role"], quote["role"], label["speaker"]):
                    out.append(f"ROLE     {where}: want {label['role']!r} got {quote['role']!r}")
    return out


def _count(tally: Tally, label: dict, quote: dict | None) -> None:
    tally.audited += 1
    if quote is None:
        tally.lost += bool(label["statement"])
        tally.dropped += not label["statement"]
        return
    tally.listed += 1
    if label["statement"]:
        tally.statements += 1
        tally.speaker_ok += speaker_right(label["speaker"], quote["speaker"])
        tally.role_ok += role_right(label["role"], quote["role"], label["speaker"])


@contextlib.contextmanager
def imported_db(db: Path | None, corpus: Path = ELECTION) -> Iterator[Path]:
    """``db`` as it is, else ``corpus`` imported with the current code into a temporary database."""
    if db is not None:
        yield db
        return
    if not corpus.exists():
        sys.exit(f"reader: error: {corpus} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.db"
        handle = open_db(path)
        try:
            import_paths(handle, [corpus])
        finally:
            handle.close()
        yield path


def extracted(db_path: Path, sources: set[str]) -> dict[str, list[dict]]:
    """The quotes stored for each of ``sources``, in article order."""
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        rows = db.execute("SELECT a.source, q.text, q.speaker, q.role, q.kind FROM quote q "
                          "JOIN article a ON a.id = q.article_id ORDER BY a.source, q.seq").fetchall()
    found: dict[str, list[dict]] = {}
    for source, text, speaker, role, kind in rows:
        if source in sources:
            quote = {"text": text, "speaker": speaker, "role": role, "kind": kind}
            found.setdefault(source, []).append(quote)
    return found


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# Targets per kind: share of statements, speaker accuracy, role accuracy (None: no target).
TARGETS = {"direct": (0.98, 0.95, 0.85), "indirect": (0.90, 0.90, None)}
TARGET_MIN_AUDITED = 30


def misses(tallies: dict[tuple[str, str], Tally]) -> list[str]:
    """Targets missed overall or on an outlet with at least 30 audited quotes of that kind."""
    out = []
    for (outlet, kind), tally in sorted(tallies.items(), key=lambda item: (item[0][0] != "all", item[0])):
        if outlet != "all" and tally.audited < TARGET_MIN_AUDITED:
            continue
        rates = tally.rates()
        for name, target in zip(("statement_share", "speaker", "role"), TARGETS[kind], strict=True):
            value = rates[name]
            if target is not None and value is not None and value < target:
                out.append(f"{outlet} {kind} {name} {value:.3f} < {target:.2f}")
    return out


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(tallies: dict[tuple[str, str], Tally], new: int) -> str:
    lines = ["| outlet | kind | audited | listed | statement share | speaker | role | dropped non-statements "
             "| lost statements |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    order = sorted(tallies, key=lambda k: (k[0] == "all", k[0], k[1]))
    for outlet, kind in order:
        r = tallies[(outlet, kind)].rates()
        name = f"**{outlet}**" if outlet == "all" else outlet
        lines.append(f"| {name} | {kind} | {r['audited']} | {r['listed']} | {_cell(r['statement_share'])} "
                     f"| {_cell(r['speaker'])} | {_cell(r['role'])} | {r['dropped']} | {r['lost']} |")
    lines.append(f"\nNew extracted quotes in the audited articles, not labelled: {new}.")
    missed = misses(tallies)
    lines.append("Targets missed: " + ("; ".join(missed) if missed else "none") + ".")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing database of election.jsonl")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--errors", action="store_true", help="also list every quote scored wrong")
    args = parser.parse_args()
    labels = read_jsonl(args.labels)
    baseline_path = args.labels.with_name("baseline.jsonl")
    baseline = {row["source"]: set(row["quote_sha1s"]) for row in read_jsonl(baseline_path)} \
        if baseline_path.exists() else {}
    with imported_db(args.db) as db_path:
        found = extracted(db_path, {label["source"] for label in labels})
    tallies, new = score(labels, found, baseline)
    if args.json:
        rows = [{"outlet": o, "kind": k, **t.rates()} for (o, k), t in sorted(tallies.items())]
        print(json.dumps({"rows": rows, "new_unlabelled": new, "targets_missed": misses(tallies)}, indent=2))
    else:
        print(table(tallies, new))
    if args.errors:
        print("\n".join(errors(labels, found)), file=sys.stderr if args.json else sys.stdout)


if __name__ == "__main__":
    main()
