"""The same articles give the same stored results on both stores (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli
from reader.ingest.pipeline import import_paths
from tests.conftest import SEEDS

ARTICLES = [
    {
        "id": "uji-1", "title": "Bawaslu temukan dugaan kecurangan di TPS",
        "source": "contoh.com", "date": "2024-02-15",
        "text": 'Ketua Bawaslu Rahmat Bagja mengatakan pihaknya menemukan dugaan kecurangan. '
                '"Kami akan menindaklanjuti setiap laporan kecurangan yang masuk," kata Rahmat Bagja '
                'di Jakarta, Kamis.',
    },
    {
        "id": "uji-2", "title": "KPU: pemungutan suara ulang di 12 TPS",
        "source": "contoh.com", "date": "2024-02-20",
        "text": 'Komisioner KPU Idham Holik menyatakan pemungutan suara ulang digelar di 12 TPS. '
                '"Pemungutan suara ulang dilakukan karena ada pemilih yang tidak berhak," ujar Idham.',
    },
]  # fmt: skip


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "uji.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8")
    return path


def test_import_is_idempotent_and_counts_the_same(store: object, tmp_path: Path) -> None:
    first = import_paths(store, [SEEDS, _write(tmp_path)])  # type: ignore[arg-type]
    again = import_paths(store, [SEEDS, _write(tmp_path)])  # type: ignore[arg-type]
    assert first.imported == 4 and again.imported == 0 and again.duplicates == 4
    counts = {
        table: store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[attr-defined]
        for table in ("article", "quote", "mention", "search_term")
    }
    assert counts["article"] == 4 and counts["quote"] >= 4 and counts["mention"] > 0
    assert counts["search_term"] > 50


def test_the_cli_reports_the_same_on_both_stores(store_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    imported = runner.invoke(cli, ["--db", store_location, "import", "--quiet", str(_write(tmp_path))])
    assert imported.exit_code == 0, imported.output
    stats = json.loads(runner.invoke(cli, ["--db", store_location, "stats", "--json"]).output)
    assert stats["articles"] == 2 and stats["quotes"] >= 2
    quotes = json.loads(runner.invoke(cli, ["--db", store_location, "quotes", "--json"]).output)
    speakers = {q["speaker"] for q in quotes}
    assert {"Rahmat Bagja", "Idham Holik"} <= speakers
    shown = runner.invoke(cli, ["--db", store_location, "show", "uji-2", "--json"])
    assert shown.exit_code == 0, shown.output
    article = json.loads(shown.output)
    assert article["title"] == "KPU: pemungutan suara ulang di 12 TPS"
    assert any(q["speaker"] == "Idham Holik" for q in article["quotes"])
    assert "s3cret" not in json.dumps(stats)


def test_two_importers_at_once_store_each_article_once(store_location: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    many = tmp_path / "many.jsonl"
    lines = []
    for n in range(120):
        article = dict(ARTICLES[n % 2], id=f"uji-{n}")
        article["text"] = f"Laporan nomor {n} masuk ke posko. " + article["text"]
        lines.append(json.dumps(article, ensure_ascii=False))
    many.write_text("\n".join(lines) + "\n", "utf-8")
    command = [sys.executable, "-m", "reader", "--db", store_location, "import", "--quiet", str(many)]
    subprocess.run([sys.executable, "-m", "reader", "--db", store_location, "stats"], check=True,
                   capture_output=True)  # the schema exists before the race  # fmt: skip
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    summaries = [out.decode() for out, _err in outputs]
    imported = sum(int(s.split("imported ")[1].split(",")[0]) for s in summaries)
    assert imported == 120, summaries
    stats = json.loads(CliRunner().invoke(cli, ["--db", store_location, "stats", "--json"]).output)
    assert stats["articles"] == 120


def test_a_batch_of_rows_is_stored_in_order_and_the_first_of_two_same_keys_wins(store: object) -> None:
    from reader.store.backend import backend_of

    backend = backend_of(store)
    with backend.write_transaction(store):
        backend.insert_rows(store, "actor", ("name", "type"), [("Stored", "person")])
        returned = backend.insert_rows(
            store, "actor", ("name", "type", "discovered"),
            [("Zulkifli", "person", 1), ("Stored", "organisation", 0), ("Anies", "person", 1),
             ("Zulkifli", "organisation", 0)],
            "ON CONFLICT DO NOTHING RETURNING id, name",
        )  # fmt: skip
    assert [name for _id, name in returned] == ["Zulkifli", "Anies"]
    assert returned[0][0] < returned[1][0]  # numbered in the order given
    rows = store.execute("SELECT name, type FROM actor ORDER BY id").fetchall()  # type: ignore[attr-defined]
    assert [tuple(row) for row in rows] == [("Stored", "person"), ("Zulkifli", "person"), ("Anies", "person")]
