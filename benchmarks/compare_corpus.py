"""Compare imported corpora article by article: is the synthetic corpus shaped like real news?

Usage::

    python benchmarks/compare_corpus.py real=/tmp/election.db synthetic=benchmarks/data/search-10000.db

Each argument is ``label=path`` of a database written by ``reader import``. Prints a Markdown
table of what drives import and search cost: body length, direct and reported quotes, actor
mentions, and the share of articles that contain the words the search benchmark queries.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys

WORDS = ("pemilu", "gibran", "prabowo", "kpu", "bawaslu", "kecurangan", "rekapitulasi", "politik uang")


def profile(path: str) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    words: list[int] = []
    hits = dict.fromkeys(WORDS, 0)
    for title, body in conn.execute("SELECT coalesce(title, ''), body FROM article"):
        words.append(len(body.split()))
        text = f"{title} {body}".lower()
        for word in WORDS:
            hits[word] += word in text
    n = max(1, len(words))
    direct, reported = conn.execute(
        "SELECT sum(kind = 'direct'), sum(kind != 'direct') FROM quote").fetchone()
    mentions = conn.execute("SELECT count(*) FROM mention").fetchone()[0]
    row = {
        "articles": f"{len(words):,}",
        "body words, median (p5–p95)": (
            f"{statistics.median(words):.0f} ({sorted(words)[n // 20]}–{sorted(words)[n * 19 // 20]})"
            if words else "–"),
        "direct quotes / article": f"{(direct or 0) / n:.2f}",
        "reported speech / article": f"{(reported or 0) / n:.2f}",
        "actors mentioned / article": f"{mentions / n:.2f}",
    }
    for word in WORDS:
        row[f"articles with “{word}”"] = f"{100 * hits[word] / n:.1f} %"
    return row


def main(argv: list[str]) -> int:
    if not argv or any("=" not in arg for arg in argv):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        print("compare_corpus: give label=database pairs", file=sys.stderr)
        return 2
    columns = [arg.split("=", 1) for arg in argv]
    rows = {label: profile(path) for label, path in columns}
    labels = list(rows)
    print("| | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    for key in rows[labels[0]]:
        print(f"| {key} | " + " | ".join(rows[label][key] for label in labels) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
