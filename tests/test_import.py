"""Importing files of every accepted format, idempotently, and surviving bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.ingest.pipeline import import_paths
from reader.models import Extraction
from tests.conftest import SEEDS

BODY = (
    "JAKARTA, KOMPAS.com - Badan Pengawas Pemilu (Bawaslu) menerima laporan dugaan kecurangan "
    'di sejumlah TPS.\n"Kami akan menindaklanjuti setiap laporan," kata Ketua Bawaslu Rahmat Bagja, '
    "Senin (19/2/2024)."
)


def article_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM article").fetchone()[0]


def snapshot(db: Database) -> list[tuple]:
    return db.execute("SELECT id, source, content_hash, body FROM article ORDER BY id").fetchall()


def test_seeds_import_once(db: Database) -> None:
    first = import_paths(db, [SEEDS])
    assert (first.imported, first.duplicates, first.skipped) == (2, 0, [])
    again = import_paths(db, [SEEDS])
    assert (again.imported, again.duplicates) == (0, 2)
    sources = [row[0] for row in db.execute("SELECT source FROM article ORDER BY source")]
    assert sources == ["000_3fa82f2a195c39de", "004_eb156427ed740bc9"]


def test_imported_articles_are_full_text_searchable_by_stem(seeded_db: Database) -> None:
    rows = seeded_db.execute(
        "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'body_stem:curang'"
    ).fetchone()
    assert rows[0] == 2


def test_jsonl_with_scraper_field_names(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "scrape.jsonl"
    records = [
        {
            "id": "a1",
            "title": "Bawaslu Terima Laporan",
            "text": BODY,
            "url": "https://x/1",
            "date": "2024-02-19",
        },
        {"maintext": BODY.replace("TPS", "daerah"), "url": "https://x/2", "date_publish": "2024-02-20 10:00"},
        {"content": BODY.replace("TPS", "kota"), "source_domain": "detik.com", "published": "20/2/2024"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = import_paths(db, [path])
    assert report.imported == 3 and report.skipped == []
    rows = db.execute("SELECT source, title, outlet, published FROM article ORDER BY id").fetchall()
    assert rows[0] == ("a1", "Bawaslu Terima Laporan", "Kompas.com", "2024-02-19")
    assert rows[1][0] == "https://x/2" and rows[1][3] == "2024-02-20"
    assert rows[2][0].startswith("sha1:") and rows[2][2] == "detik.com"


def test_json_list_and_object_and_csv(db: Database, tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([{"id": "j1", "body": BODY}]), encoding="utf-8")
    (tmp_path / "wrapped.json").write_text(
        json.dumps({"articles": [{"id": "j2", "content": BODY + " Tambahan."}]}), encoding="utf-8"
    )
    with (tmp_path / "rows.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Judul", "Isi", "Tanggal", "Link"])
        writer.writerow(["Judul CSV", BODY + "\nParagraf, dengan koma.", "2024-02-21", "https://x/csv"])
    report = import_paths(db, [tmp_path])
    assert report.imported == 3, report.skipped
    row = db.execute("SELECT title, published, body FROM article WHERE source = 'https://x/csv'").fetchone()
    assert row[0] == "Judul CSV" and row[1] == "2024-02-21" and "Paragraf, dengan koma." in row[2]


def test_stored_text_is_cleaned_before_indexing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "b", "text": BODY + "\nBaca juga: Judul Lain Sekali"}) + "\n")
    import_paths(db, [path])
    body = db.execute("SELECT body FROM article").fetchone()[0]
    assert "KOMPAS.com" not in body and "Judul Lain" not in body
    hits = db.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'lain'").fetchone()[0]
    assert hits == 0


def write_bad_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "latin1.txt").write_bytes("Berita caf\xe9 yang ditulis".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "truncated.jsonl").write_text(
        json.dumps({"id": "ok", "text": BODY}) + "\n" + '{"id": "cut", "text": "Setengah', encoding="utf-8"
    )
    (folder / "notext.csv").write_text("judul,tanggal\nA,2024-01-01\n", encoding="utf-8")
    (folder / "scalar.json").write_text("42", encoding="utf-8")
    (folder / "broken.json").write_text('{"id": ', encoding="utf-8")
    utf16 = "POLITIK\nJudul Artikel Dalam UTF Enam Belas\nIsi berita pemilu."
    (folder / "utf16.txt").write_bytes(utf16.encode("utf-16"))


def test_bad_inputs_each_get_one_reason_and_the_rest_imports(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    write_bad_inputs(folder)
    report = import_paths(db, [folder])
    reasons = {Path(where.split(":")[0].split("[")[0]).name: why for where, why in report.skipped}
    assert "not valid UTF-8" in reasons["latin1.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "not valid JSON" in reasons["truncated.jsonl"]
    assert "no text column" in reasons["notext.csv"]
    assert "not int" in reasons["scalar.json"]
    assert "not valid JSON" in reasons["broken.json"]
    assert report.imported == 2  # the good JSONL line and the UTF-16 file
    assert all("\n" not in why for _, why in report.skipped)


def test_failed_batch_leaves_database_as_it_was(seeded_db: Database, tmp_path: Path) -> None:
    before = snapshot(seeded_db)
    path = tmp_path / "new.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": BODY}) + "\n", encoding="utf-8")

    def exploding_extractor(body: str, title: str | None) -> Extraction:
        raise RuntimeError("extractor failed")

    with pytest.raises(RuntimeError):
        import_paths(seeded_db, [path], extractor=exploding_extractor)
    assert snapshot(seeded_db) == before
    assert seeded_db.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 2


def test_thousands_of_files_in_nested_folders(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "many"
    for index in range(1500):
        folder = root / f"d{index % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index:05}.txt").write_text(f"Berita nomor {index} tentang pemilu di daerah.\n")
    (root / "notes.pdf").write_bytes(b"%PDF")
    report = import_paths(db, [root], extractor=lambda body, title: Extraction())
    assert report.imported == 1500 and report.skipped == []


def test_symlink_loop_is_reported_not_followed(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text("Berita tentang relawan di Bekasi.")
    (root / "again").symlink_to(root, target_is_directory=True)
    report = import_paths(db, [root])
    assert report.imported == 1
    assert any("loop" in why for _, why in report.skipped)


def test_an_import_writes_with_cheaper_syncs_and_restores_full_durability(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.ingest.pipeline as pipeline

    seen: list[int] = []
    insert = pipeline.insert_articles

    def watching_insert(db_: Database, items: object, actors: object, terms: object) -> list[int | None]:
        seen.append(db_.execute("PRAGMA synchronous").fetchone()[0])
        return insert(db_, items, actors, terms)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "insert_articles", watching_insert)
    import_paths(db, [SEEDS])
    assert seen and set(seen) == {1}  # NORMAL while batches are written (WAL keeps it consistent)
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again for review and tag writes


def test_duplicates_inside_one_file_and_one_batch_are_stored_once(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "twice.jsonl"
    records = [
        {"id": "a", "text": BODY},
        {"id": "a", "text": BODY + " Tambahan."},  # same source id
        {"id": "b", "text": BODY},  # same text under another id
        {"id": "c", "text": BODY + " Kalimat lain yang berbeda."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = import_paths(db, [path])
    assert (report.imported, report.duplicates) == (2, 2)
    assert {row[0] for row in db.execute("SELECT source FROM article")} == {"a", "c"}


class _CountingPreparer:
    """Prepares in-process, as the pool would, and records the size of every batch it is given."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.catalogue = None

    def map(self, raws: list) -> object:
        from reader.ingest.prepare import prepare

        self.sizes.append(len(raws))
        return (prepare(raw) for raw in raws)


@pytest.mark.parametrize(
    ("count", "sizes"), [(37, [10, 10, 10, 2, 2, 2, 1]), (40, [10, 10, 10, 10]), (7, [7])]
)
def test_the_last_batch_of_a_longer_import_is_prepared_in_parts_and_every_article_written_once(
    db: Database, count: int, sizes: list[int]
) -> None:
    from reader.ingest.pipeline import _Writer
    from reader.models import ImportReport, RawArticle
    from reader.store.writes import import_session

    preparer, report = _CountingPreparer(), ImportReport()
    writer = _Writer(db, report, preparer)  # type: ignore[arg-type]
    writer.batch_size = 10
    with import_session(db):
        for n in range(count):
            writer.add(RawArticle(source=f"a{n}", text=f"{BODY} Kalimat ke-{n} berbeda.", origin="x"))
        writer.flush()
    assert preparer.sizes == sizes
    assert (report.imported, report.duplicates, article_count(db)) == (count, 0, count)
    ids = [row[0] for row in db.execute("SELECT source FROM article ORDER BY id")]
    assert ids == [f"a{n}" for n in range(count)]  # in input order


def test_a_running_pool_prepares_a_small_last_part_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ingest import prepare as preparing

    class Pool:
        def map(self, function: object, raws: list, chunksize: int) -> list:
            return ["pooled"] * len(raws)

    preparer = preparing.Preparer(None)
    monkeypatch.setattr(preparing.os, "cpu_count", lambda: 2)
    assert not isinstance(preparer.map([]), list)  # no pool yet: a small batch stays in-process
    preparer._pool = Pool()  # type: ignore[assignment]
    assert list(preparer.map([object()] * 3)) == ["pooled"] * 3  # type: ignore[list-item]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt"))[:4], ids=lambda p: p.stem)
def test_the_terms_a_worker_sends_are_every_word_and_its_stem(path: Path) -> None:
    from reader.ingest.prepare import prepare, terms_with_stems
    from reader.models import RawArticle
    from reader.store.terms import article_terms, text_terms
    from reader.text.stem import stem_tokens
    from reader.text.tokenize import tokens

    title, body = "Bawaslu Terima Laporan Kecurangan Pemilu", path.read_text("utf-8")
    words = (tokens(title), tokens(body))
    sent = terms_with_stems(words, tuple(stem_tokens(w) for w in words))
    assert sorted(sent.split()) == sorted(article_terms(*words).split())
    item = prepare(RawArticle(source="s", text=body, title=title, origin=str(path)))
    assert item is not None
    assert sorted(item.terms.split()) == sorted(text_terms(item.article.title, item.article.body).split())
