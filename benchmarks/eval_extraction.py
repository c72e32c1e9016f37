"""Measure the quote extractor against the gold annotations, and its speed.

    .venv/bin/python benchmarks/eval_extraction.py            # quality on ../shared/gold
    .venv/bin/python benchmarks/eval_extraction.py --errors   # ... and list the misses
    .venv/bin/python benchmarks/eval_extraction.py --speed    # ms/article on ../shared/corpus

Quality: every gold article goes through the real importer into a fresh temporary
database; the direct quotes are then read back from the database and compared with
the gold quotes (scoring rule of ``gold/README.md``): texts match when, lower-cased
without quote marks, outer punctuation and extra spaces, their similarity ratio is at
least 0.9 (one-to-one, in order); a speaker is right when the names are equal or the
words of one are all among the words of the other. Files with ``quotes_complete:
false`` only count towards recall and speaker accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.extract import extract_article  # noqa: E402
from reader.ingest.clean import clean  # noqa: E402
from reader.ingest.pipeline import import_paths  # noqa: E402
from reader.models import RawArticle  # noqa: E402
from reader.store.connect import open_db  # noqa: E402

SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
GOLD_FILES = ("seeds.jsonl", "election-dev.jsonl", "pfsa-id-dev.jsonl")
MATCH_RATIO = 90.0
_MARKS = re.compile(r"[\"“”„‟«»″'‘’]")


def normalise(text: str) -> str:
    text = _MARKS.sub("", text.lower())
    return " ".join(text.split()).strip(" .,;:!?-–—")


def same_quote(a: str, b: str) -> bool:
    return fuzz.ratio(normalise(a), normalise(b)) >= MATCH_RATIO


def same_speaker(gold: str, found: str | None) -> bool:
    if not found:
        return False
    a, b = normalise(gold), normalise(found)
    wa, wb = set(a.split()), set(b.split())
    return a == b or (bool(wa) and wa <= wb) or (bool(wb) and wb <= wa)


def align(gold: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """The largest one-to-one, order-preserving set of matching (gold, found) pairs."""
    n, m = len(gold), len(found)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            hit = same_quote(gold[i]["text"], found[j]["text"])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if hit else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same_quote(gold[i]["text"], found[j]["text"]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


@dataclass
class Score:
    gold: int = 0
    found: int = 0  # predicted direct quotes in articles whose gold is complete
    found_all: int = 0
    matched: int = 0
    matched_complete: int = 0
    speaker_scored: int = 0
    speaker_right: int = 0
    end_to_end: int = 0  # matched and (speaker right or speaker not scored)
    end_to_end_complete: int = 0
    complete: bool = True
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "found_all", "matched", "matched_complete",
                     "speaker_scored", "speaker_right", "end_to_end", "end_to_end_complete"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.complete = self.complete and other.complete

    def line(self, label: str) -> str:
        recall = self.matched / self.gold if self.gold else 0.0
        speaker = self.speaker_right / self.speaker_scored if self.speaker_scored else 0.0
        e2e_recall = self.end_to_end / self.gold if self.gold else 0.0
        if self.found:
            precision = self.matched_complete / self.found
            f1 = _f1(precision, self._complete_recall())
            e2e_p = self.end_to_end_complete / self.found
            e2e = f"{_f1(e2e_p, self.end_to_end_complete / self._complete_gold):.3f}"
            quality = f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
        else:
            quality, e2e = f"P   -    R {recall:.3f}  F1   -  ", f"R {e2e_recall:.3f}"
        return (f"{label:<20} gold {self.gold:>5}  found {self.found_all:>5}  {quality}  "
                f"speaker {speaker:.3f} ({self.speaker_right}/{self.speaker_scored})  "
                f"end-to-end {e2e}")

    _complete_gold: int = 0

    def _complete_recall(self) -> float:
        return self.matched_complete / self._complete_gold if self._complete_gold else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _write_inputs(rows: list[dict], folder: Path) -> None:
    records = []
    for row in rows:
        if row.get("file"):
            source = (GOLD / row["file"]).resolve()
            if not source.exists():
                source = REPO / "seeds" / Path(row["file"]).name
            (folder / source.name).write_bytes(source.read_bytes())
        else:
            records.append({"id": row["source"], "title": row.get("title"),
                            "text": row["text"], "outlet": row.get("outlet")})
    if records:
        with (folder / "gold.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _stored_quotes(db_path: Path) -> dict[str, list[dict]]:
    db = open_db(db_path)
    try:
        rows = db.execute(
            "SELECT a.source, q.text, q.speaker, q.role, q.cue FROM quote q "
            "JOIN article a ON a.id = q.article_id WHERE q.kind = 'direct' "
            "ORDER BY a.source, q.seq"
        ).fetchall()
    finally:
        db.close()
    by_source: dict[str, list[dict]] = {}
    for source, text, speaker, role, cue in rows:
        by_source.setdefault(source, []).append(
            {"text": text, "speaker": speaker, "role": role, "cue": cue})
    return by_source


def score_file(path: Path) -> Score:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    total = Score()
    for score in _score_rows(path, rows):
        total.add(score)
    return total


def score_article(row: dict, found: list[dict]) -> Score:
    gold = row["quotes"]
    complete = row.get("quotes_complete", True)
    score = Score(gold=len(gold), found_all=len(found), complete=complete)
    pairs = align(gold, found)
    score.matched = len(pairs)
    if complete:
        score.found, score.matched_complete, score._complete_gold = len(found), len(pairs), len(gold)
    matched_gold = {i for i, _ in pairs}
    for i, j in pairs:
        expected = gold[i].get("speaker")
        ok = True
        if expected:
            score.speaker_scored += 1
            ok = same_speaker(expected, found[j]["speaker"])
            score.speaker_right += ok
            if not ok:
                score.errors.append(f"  SPEAKER {row['source']}: want {expected!r} got "
                                    f"{found[j]['speaker']!r} (cue {found[j]['cue']}) "
                                    f"| {gold[i]['text'][:70]}")
        score.end_to_end += ok
        if complete:
            score.end_to_end_complete += ok
    for i, quote in enumerate(gold):
        if i not in matched_gold:
            score.errors.append(f"  MISSED  {row['source']}: {quote['text'][:110]}")
    if complete:
        matched_found = {j for _, j in pairs}
        for j, quote in enumerate(found):
            if j not in matched_found:
                score.errors.append(f"  EXTRA   {row['source']}: {quote['text'][:110]}")
    return score


def _merge(total: Score, part: Score) -> None:
    complete_gold = total._complete_gold + part._complete_gold
    total.add(part)
    total._complete_gold = complete_gold


def quality(show_errors: bool) -> None:
    overall = Score()
    for name in GOLD_FILES:
        path = GOLD / name
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        score = Score()
        for part in _score_rows(path, rows):
            _merge(score, part)
            if show_errors:
                score.errors.extend(part.errors)
        print(score.line(name))
        if show_errors:
            print("\n".join(score.errors))
        _merge(overall, score)
    print(overall.line("overall"))


def _score_rows(path: Path, rows: list[dict]) -> list[Score]:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        _write_inputs(rows, inputs)
        db_path = Path(tmp) / "gold.db"
        db = open_db(db_path)
        try:
            import_paths(db, [inputs])
        finally:
            db.close()
        stored = _stored_quotes(db_path)
    return [score_article(row, stored.get(row["source"], [])) for row in rows]


def speed(limit: int | None) -> None:
    corpus = SHARED / "corpus" / "real.jsonl"
    if not corpus.exists():
        print(f"{corpus} is missing")
        return
    bodies = []
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                break
            record = json.loads(line)
            raw = RawArticle(source=record["id"], text=record["text"], title=record.get("title"))
            bodies.append(clean(raw).body)
    extract_article("warm-up: Anies Baswedan mengatakan, \"siap,\" katanya.")
    times = []
    # CPU time of this process: other jobs on the machine do not inflate it.
    for body in bodies:
        started = time.process_time()
        extract_article(body)
        times.append((time.process_time() - started) * 1000)
    times.sort()
    chars = statistics.mean(len(b) for b in bodies)
    print(f"{len(bodies)} articles (mean {chars:.0f} characters), CPU time per article: "
          f"mean {statistics.mean(times):.2f} "
          f"ms, median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * .95)]:.2f} "
          f"ms, max {times[-1]:.1f} ms per article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list missed, extra and wrong")
    parser.add_argument("--speed", action="store_true", help="time extraction on real.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="articles for --speed")
    args = parser.parse_args()
    if args.speed:
        speed(args.limit)
    else:
        quality(args.errors)


if __name__ == "__main__":
    main()
