"""Draw the statement audit: a seeded sample of the quotes `reader` extracts from election coverage.

    .venv/bin/python benchmarks/audit/sample.py draw  --out /tmp/audit/skeleton.jsonl  # + baseline.jsonl
    .venv/bin/python benchmarks/audit/sample.py sheet --skeleton /tmp/audit/skeleton.jsonl > /tmp/sheet.txt

The second audit (``fresh/``) was drawn from articles the first one does not hold:

    .venv/bin/python benchmarks/audit/sample.py draw --seed 2026 --direct 10 --indirect 5 \
        --exclude benchmarks/audit/labels.jsonl --out /tmp/fresh/skeleton.jsonl

``draw`` imports ``../shared/corpus/election.jsonl`` with the real importer into a
temporary database (or reads ``--db``), takes a fixed number of direct and reported
quotes per outlet with a seeded random generator, and writes one skeleton row per
quote: its key (see ``audit_quotes.quote_key``) and what the extractor said. ``sheet``
prints, for whoever labels, each sampled quote in its cleaned article context. The
sheet holds article text: it is for reading, never for the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit_quotes import ELECTION, imported_db, quote_key  # noqa: E402

SEED = 12
# Quotes per outlet and kind: at least 30 direct quotes on each outlet, reported speech
# on every outlet (at least 30 per outlet where the outlet has enough).
QUOTA = {"direct": 31, "indirect": 30}
OUTLETS = ("jpnn", "antara", "beritasatu", "detik", "kompas", "bisnis")
PER_ARTICLE = 2  # at most this many sampled quotes from one article and kind


def _rows(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT a.source, a.outlet, q.kind, q.seq, q.text, q.speaker, q.role, q.start, q.\"end\" "
            "FROM quote q JOIN article a ON a.id = q.article_id ORDER BY a.source, q.seq"
        ).fetchall()


def draw(db_path: Path, seed: int = SEED, quota_of: dict[str, int] = QUOTA,
         exclude: frozenset[str] = frozenset()) -> list[dict]:
    """The sample: ``quota_of[kind]`` quotes per outlet and kind, none from the ``exclude`` articles."""
    rows = [row for row in _rows(db_path) if row[0] not in exclude]
    rng = random.Random(seed)
    sample: list[dict] = []
    for outlet in OUTLETS:
        for kind, quota in quota_of.items():
            pool = [row for row in rows if row[1] == outlet and row[2] == kind]
            rng.shuffle(pool)
            taken: dict[str, int] = {}
            for source, _, _, seq, text, speaker, role, start, end in pool:
                if len([1 for row in sample if row["outlet"] == outlet and row["kind"] == kind]) >= quota:
                    break
                if taken.get(source, 0) >= PER_ARTICLE:
                    continue
                taken[source] = taken.get(source, 0) + 1
                sample.append({"source": source, "outlet": outlet, "kind": kind, **quote_key(text),
                               "start": start, "end": end, "seq": seq,
                               "extracted_speaker": speaker, "extracted_role": role})
    return sample


def baseline(db_path: Path, sample: list[dict]) -> str:
    """For each audited article, the sha1s of all its quotes' texts at labelling time (no text)."""
    sources = {row["source"] for row in sample}
    sha1s: dict[str, list[str]] = {}
    for source, _, _, _, text, *_ in _rows(db_path):
        if source in sources:
            sha1s.setdefault(source, []).append(quote_key(text)["quote_sha1"])
    return "".join(json.dumps({"source": s, "quote_sha1s": sha1s[s]}) + "\n" for s in sorted(sha1s))


def sheet(db_path: Path, skeleton: list[dict]) -> str:
    out = []
    with sqlite3.connect(db_path) as db:
        for number, row in enumerate(skeleton):
            body = db.execute("SELECT body FROM article WHERE source = ?", (row["source"],)).fetchone()[0]
            start, end = row["start"], row["end"]
            before = body[max(0, start - 900):start]
            after = body[end:end + 250]
            first = ""
            name = (row["extracted_speaker"] or "").split()
            if name:
                at = body.find(name[-1])
                first = body[max(0, at - 200):at + 80].replace("\n", " / ") if at >= 0 else ""
            out.append(f"=== #{number} {row['source']} {row['outlet']} {row['kind']} "
                       f"-> speaker={row['extracted_speaker']!r} role={row['extracted_role']!r}\n"
                       f"FIRST: ...{first}...\n"
                       f"{before}⟦{body[start:end]}⟧{after}\n")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("draw", "sheet"))
    parser.add_argument("--db", type=Path, help="an existing database of election.jsonl")
    parser.add_argument("--out", type=Path, default=Path("skeleton.jsonl"),
                        help="skeleton to write (draw); baseline.jsonl is written beside it")
    parser.add_argument("--skeleton", type=Path, help="skeleton to read (sheet)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--direct", type=int, default=QUOTA["direct"], help="direct quotes per outlet")
    parser.add_argument("--indirect", type=int, default=QUOTA["indirect"], help="reported per outlet")
    parser.add_argument("--exclude", type=Path, help="a labels file whose articles are left out")
    args = parser.parse_args()
    with imported_db(args.db, ELECTION) as db_path:
        if args.action == "draw":
            exclude = frozenset(
                json.loads(line)["source"] for line in args.exclude.read_text("utf-8").splitlines() if line
            ) if args.exclude else frozenset()
            sample = draw(db_path, args.seed, {"direct": args.direct, "indirect": args.indirect}, exclude)
            lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in sample)
            args.out.write_text("".join(lines), "utf-8")
            args.out.with_name("baseline.jsonl").write_text(baseline(db_path, sample), "utf-8")
        else:
            rows = [json.loads(line) for line in args.skeleton.read_text("utf-8").splitlines() if line]
            sys.stdout.write(sheet(db_path, rows))


if __name__ == "__main__":
    main()
