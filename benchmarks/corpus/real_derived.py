"""A corpus of any size built from real articles: each one with one unique sentence added.

Issue 13's "real-derived" corpus: the articles of ``../shared/corpus/real.jsonl`` taken in
turn (again from the first once they run out), each given a unique id and url and one
sentence naming its copy number after its first paragraph, so that no article is a
duplicate of another (the importer skips a repeated source or text).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

SENTENCE = "Catatan arsip {copy} salinan nomor {n} dari naskah {origin}."


def _with_sentence(text: str, sentence: str) -> str:
    """``text`` with ``sentence`` as its second paragraph (after the first line break, else
    after the first sentence, else at the end)."""
    cut = text.find("\n")
    if cut > 0:
        mark = "\n\n" if text.startswith("\n\n", cut) else "\n"
        return f"{text[:cut]}{mark}{sentence}{mark}{text[cut + len(mark):]}"
    cut = text.find(". ")
    if cut > 0:
        return f"{text[:cut + 1]} {sentence} {text[cut + 2:]}"
    return f"{text}\n\n{sentence}"


def derived(source: Path, n: int) -> Iterator[dict[str, object]]:
    """``n`` records: the source's articles in turn, each copy made unique."""
    with source.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for index in range(n):
        record = dict(records[index % len(records)])
        copy = index // len(records)
        origin = str(record.get("id") or index % len(records))
        record["id"] = f"{origin}~{copy}"
        if record.get("url"):
            record["url"] = f"{record['url']}#copy{copy}"
        sentence = SENTENCE.format(copy=copy, n=index, origin=index % len(records))
        record["text"] = _with_sentence(str(record.get("text") or ""), sentence)
        yield record


def write_derived(source: Path, out: Path, n: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for record in derived(source, n):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
