"""Fingerprints of what import preparation produces, to prove a change leaves outputs alone.

Usage::

    python benchmarks/prep_fingerprint.py [--out benchmarks/out/fingerprint] [--jobs 2]
    python benchmarks/prep_fingerprint.py --compare benchmarks/out/fingerprint

Every article of the real corpus and the first 10,000 synthetic ones goes through
:func:`reader.ingest.prepare.prepare`. Each part of the result (cleaned fields, content
hash, title and body stems, quotes, mentions, quote stems, search terms) is hashed per article; one line
per corpus and part sums them up. ``--out`` writes the per-article hashes (a TSV per
corpus) and the summary; ``--compare`` reads them back and lists the articles that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.ingest.files import Skip  # noqa: E402
from reader.ingest.prepare import prepare  # noqa: E402
from reader.ingest.readers import read_file  # noqa: E402
from reader.models import Prepared, RawArticle  # noqa: E402

CORPORA = {
    "real": (ROOT.parent / "shared" / "corpus" / "real.jsonl", None),
    "synthetic": (ROOT / "benchmarks" / "data" / "corpus-10k.jsonl", 10_000),
}
PARTS = ("article", "digest", "title_stem", "body_stem", "quotes", "mentions", "quote_stems", "terms")


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def part_values(item: Prepared | None) -> dict[str, object]:
    """The outputs of one article, part by part, as plain JSON-able values."""
    if item is None:
        return dict.fromkeys(PARTS, None)
    a = item.article
    return {
        # The origin's file name only: a tree run from another directory reads the same file.
        "article": [a.source, a.body, a.title, a.section, a.outlet, a.published, a.url, Path(a.origin).name],
        "digest": item.digest,
        "title_stem": item.title_stem,
        "body_stem": item.body_stem,
        "quotes": [
            [q.text, q.speaker, q.role, q.cue, q.kind, q.start, q.end] for q in item.extraction.quotes
        ],
        "mentions": [
            [m.actor, m.actor_type, m.count, [list(o) for o in m.offsets], m.discovered]
            for m in item.extraction.mentions
        ],
        "quote_stems": list(item.quote_stems),
        "terms": sorted(item.terms.split()),  # a set's order, which varies with the hash seed
    }


def fingerprint(raw: RawArticle) -> tuple[str, tuple[str, ...]]:
    values = part_values(prepare(raw))
    return raw.source, tuple(_digest(values[part]) for part in PARTS)


def raws(path: Path, limit: int | None) -> Iterator[RawArticle]:
    items = (item for item, _done in read_file(path))
    for item in islice(items, limit):
        if not isinstance(item, Skip):
            yield item


def run(jobs: int, most: int | None) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    results = {}
    for name, (path, limit) in CORPORA.items():
        limits = [n for n in (limit, most) if n is not None]
        articles = list(raws(path, min(limits) if limits else None))
        if jobs > 1:
            with ProcessPoolExecutor(jobs) as pool:
                results[name] = list(pool.map(fingerprint, articles, chunksize=50))
        else:
            results[name] = [fingerprint(raw) for raw in articles]
    return results


def summary(results: dict[str, list[tuple[str, tuple[str, ...]]]]) -> list[str]:
    lines = []
    for name, rows in results.items():
        for index, part in enumerate(PARTS):
            joined = "".join(hashes[index] for _source, hashes in rows)
            lines.append(f"{name}\t{part}\t{len(rows)}\t{hashlib.sha1(joined.encode()).hexdigest()}")
    return lines


def _write(out: Path, results: dict[str, list[tuple[str, tuple[str, ...]]]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in results.items():
        text = "".join(f"{source}\t{chr(9).join(hashes)}\n" for source, hashes in rows)
        (out / f"{name}.tsv").write_text(text, "utf-8")
    (out / "summary.txt").write_text("\n".join(summary(results)) + "\n", "utf-8")


def _compare(
    base: Path, results: dict[str, list[tuple[str, tuple[str, ...]]]], partial: bool, ignored: set[str]
) -> int:
    differing = 0
    for name, rows in results.items():
        before = [line.split("\t") for line in (base / f"{name}.tsv").read_text("utf-8").splitlines()]
        before = before[: len(rows)] if partial else before
        if len(before) != len(rows):
            print(f"{name}: {len(before)} articles before, {len(rows)} now")
            differing += 1
            continue
        for old, (source, hashes) in zip(before, rows, strict=True):
            pairs = zip(PARTS, old[1:], hashes, strict=True)
            changed = [part for part, a, b in pairs if a != b and part not in ignored]
            if old[0] != source or changed:
                differing += 1
                if differing <= 30:
                    print(f"{name}\t{source}\t{', '.join(changed) or 'source'}")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write per-article hashes and the summary here")
    parser.add_argument("--compare", type=Path, help="compare with hashes written by --out")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    parser.add_argument("--ignore", action="append", default=[], choices=PARTS, help="a part not compared")
    args = parser.parse_args(argv)
    results = run(args.jobs, args.limit)
    print("\n".join(summary(results)))
    if args.out:
        _write(args.out, results)
    if args.compare:
        differing = _compare(args.compare, results, args.limit is not None, set(args.ignore))
        print(f"{differing} articles differ from {args.compare}")
        return 1 if differing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
