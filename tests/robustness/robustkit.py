"""Shared helpers for the robustness suite: synthetic articles, running ``reader``, database checks."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PEOPLE = ["Prabowo Subianto", "Anies Baswedan", "Ganjar Pranowo", "Rahmat Bagja", "Hasyim Asy'ari",
          "Gibran Rakabuming", "Muhaimin Iskandar", "Mahfud MD"]  # fmt: skip
ORGS = ["KPU", "Bawaslu", "DKPP", "Mahkamah Konstitusi", "PDIP", "Partai Golkar", "Gerindra"]
PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Denpasar", "Palu"]
WORDS = (
    "pemilu suara rekapitulasi kecurangan saksi pengawas logistik tps kotak surat calon presiden "
    "wakil kampanye relawan pemungutan penghitungan formulir sirekap laporan dugaan pelanggaran "
    "politik uang daerah pemilih tetap hasil resmi sengketa gugatan sidang putusan partai koalisi"
).split()
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
CUES = ["kata", "ujar", "ungkap", "jelas", "tegas"]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_article(index: int, seed: int = 7) -> dict[str, str]:
    """One unique, deterministic article with a dateline, quotes, actors and some boilerplate."""
    rng = random.Random(f"{seed}:{index}")
    person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
    paragraphs = [
        f"{place.upper()}, KOMPAS.com - {org} menyatakan {_sentence(rng, rng.randint(8, 16))}",
        f"“{_sentence(rng, rng.randint(6, 14))}” {rng.choice(CUES)} {person} di {place}, "
        f"{rng.choice(DAYS)} ({index}).",
        "Baca juga: " + _sentence(rng, 5),
        f"Menurut {person}, {_sentence(rng, rng.randint(10, 20)).lower()}",
        *(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 4))),
        f"Artikel nomor {index} benih {seed}.",
        "(abc/def)",
    ]
    return {
        "id": f"synthetic-{seed}-{index}",
        "title": f"{org} dan {person}: {_sentence(rng, 4)[:-1]} {index}",
        "text": "\n".join(paragraphs),
        "url": f"https://example.test/{seed}/{index}",
        "published": f"2024-02-{1 + index % 28:02d}",
        "outlet": rng.choice(["Kompas", "Detik", "Antara", "Tempo"]),
    }


def write_jsonl(path: Path, count: int, seed: int = 7, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for index in range(start, start + count):
            out.write(json.dumps(synthetic_article(index, seed), ensure_ascii=False) + "\n")
    return path


def reader_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("READER_DB", None)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def reader_cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--db", str(db), *args]


def run_reader(db: Path, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """``reader --db DB ARGS...`` in a fresh process (a real traceback would reach stderr)."""
    return subprocess.run(
        reader_cmd(db, *args), capture_output=True, text=True, timeout=timeout, env=reader_env(**env),
        cwd=REPO,
    )  # fmt: skip


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def fts_consistent(conn: sqlite3.Connection) -> bool:
    """FTS5's own check that the indexes match the article, speaker and statement tables."""
    for table in ("article_fts", "speaker_fts", "quote_fts"):
        try:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError:
            return False
    return True


def table_digest(conn: sqlite3.Connection, sql: str) -> str:
    """A digest of every row a query returns (to prove stored data did not change)."""
    digest = hashlib.sha256()
    for row in conn.execute(sql):
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


SNAPSHOT_QUERIES = {
    "article": "SELECT * FROM article ORDER BY id",
    "quote": "SELECT * FROM quote ORDER BY id",
    "mention": "SELECT * FROM mention ORDER BY article_id, actor_id",
    "actor": "SELECT * FROM actor ORDER BY id",
    "review": "SELECT * FROM review ORDER BY article_id",
    "article_tag": "SELECT * FROM article_tag ORDER BY article_id, tag_id",
    "tag": "SELECT * FROM tag ORDER BY id",
}


def snapshot(path: Path) -> dict[str, str]:
    """Row digests of every user-visible table, read through a fresh connection."""
    conn = sqlite3.connect(path)
    try:
        return {name: table_digest(conn, sql) for name, sql in SNAPSHOT_QUERIES.items()}
    finally:
        conn.close()


def one_line_error(stderr: str) -> str:
    """The single ``reader: error: ...`` line, asserting there is no traceback around it."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("reader: error: ")]
    assert len(errors) == 1, stderr
    return errors[0]


def selected(request: object, name: str) -> int:
    """How many items of the requesting module's test function ``name`` this session runs
    (a counting test then knows what the tests it counts must have done)."""
    node = request.node  # type: ignore[attr-defined]
    items = node.session.items
    return sum(
        1 for item in items
        if getattr(item, "module", None) is node.module and getattr(item, "originalname", item.name) == name
    )  # fmt: skip
