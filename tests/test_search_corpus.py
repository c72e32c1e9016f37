"""A small hand-written Indonesian corpus for the search tests (plus the two seeds).

Each article is short and exists to test one thing: the ``curang`` family,
over-stemming traps, phrases, names and aliases, dates and outlets.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from reader.models import RawArticle
from tests.conftest import SEEDS

# key -> (title, body, outlet, published)
ARTICLES: dict[str, tuple[str, str, str, str]] = {
    "kecurangan": (
        "Bawaslu temukan dugaan pelanggaran di TPS",
        "Bawaslu menemukan kecurangan dalam pemungutan suara di Bekasi. Laporan kecurangan itu "
        "disampaikan oleh seorang relawan kepada pengawas.",
        "kompas.com",
        "2024-02-15",
    ),
    "dicurangi": (
        "Saksi protes saat rekapitulasi",
        "Saksi partai mengaku dicurangi saat rekapitulasi suara. Petugas dituduh mencurangi hasil "
        "penghitungan di tingkat kecamatan.",
        "detik.com",
        "2024-02-20",
    ),
    "curang": (
        "Pengamat: tuduhan harus dibuktikan",
        "Pengamat menilai tuduhan curang harus dibuktikan dengan bukti yang kuat di Mahkamah "
        "Konstitusi, bukan hanya di media sosial.",
        "tempo.co",
        "2024-03-01",
    ),
    "kejagung": (
        "Kejagung periksa pejabat daerah",
        "Kejagung memeriksa tiga pejabat daerah terkait kasus korupsi dana hibah.",
        "antaranews.com",
        "2024-01-10",
    ),
    "jagung": (
        "Harga pangan naik menjelang panen",
        "Harga jagung dan beras naik menjelang musim panen di Jawa Tengah.",
        "antaranews.com",
        "2024-01-12",
    ),
    "rawan": (
        "Aparat jaga daerah rawan",
        "Aparat keamanan menjaga daerah rawan konflik selama masa tenang.",
        "kompas.com",
        "2024-02-11",
    ),
    "bekas": (
        "Gudang logistik lama dipakai lagi",
        "Gudang bekas pabrik dipakai untuk menyimpan kotak suara.",
        "detik.com",
        "2024-02-05",
    ),
    "gibran": (
        "Mas Gibran menyapa warga",
        "Mas Gibran menyapa warga di pasar tradisional dan berbincang dengan para pedagang.",
        "detik.com",
        "2024-01-25",
    ),
    "imin": (
        "Kampanye di Jawa Timur",
        "Cak Imin berkampanye di Jawa Timur bersama kader PKB dan para kiai.",
        "kompas.com",
        "2024-01-28",
    ),
    "politik_uang": (
        "Politik uang marak",
        "Praktik politik uang marak menjelang pencoblosan, kata peneliti.",
        "tempo.co",
        "2024-02-12",
    ),
    "uang_politik": (
        "Biaya kampanye",
        "Politik bukan hanya soal uang, ujar seorang calon legislatif.",
        "tempo.co",
        "2024-02-09",
    ),
    "gugatan_judul": (
        "Gugatan sengketa dibawa ke pengadilan",
        "Tim hukum mendaftarkan berkas ke pengadilan negeri pada Senin pagi.",
        "tempo.co",
        "2024-03-05",
    ),
    "gugatan_isi": (
        "Berkas didaftarkan ke pengadilan",
        "Tim hukum mendaftarkan gugatan ke pengadilan negeri pada Senin pagi.",
        "tempo.co",
        "2024-03-04",
    ),
    "putra": (
        "Putra sulung presiden hadir di debat",
        "Putra sulung presiden hadir di lokasi debat dan menyalami para pendukung.",
        "kompas.com",
        "2024-01-22",
    ),
}


def build(path: Path | str) -> Database:
    """A database with the seeds and :data:`ARTICLES`, imported by the real importer
    (``path``: a SQLite file or a PostgreSQL location)."""
    from reader.ingest.pipeline import import_paths, import_records
    from reader.store.connect import open_db

    db = open_db(path)
    import_paths(db, [SEEDS])
    records = [
        RawArticle(source=key, text=body, title=title, outlet=outlet, published=published, origin="t.jsonl")
        for key, (title, body, outlet, published) in ARTICLES.items()
    ]
    import_records(db, records)
    # An article that names Gibran only by description: linked through a mention row.
    actor = db.execute("SELECT id FROM actor WHERE name = 'Gibran Rakabuming Raka'").fetchone()[0]
    db.execute(
        "INSERT INTO mention(article_id, actor_id, count, offsets) VALUES (?, ?, 1, '[[0, 12]]')",
        [ids(db)["putra"], actor],
    )
    if db.conn.in_transaction:  # SQLite opened one for the INSERT
        db.conn.commit()
    return db


def ids(db: Database) -> dict[str, int]:
    return {source: article_id for article_id, source in db.execute("SELECT id, source FROM article")}


def test_the_corpus_is_imported_whole(sdb: Database) -> None:
    found = ids(sdb)
    assert set(ARTICLES) <= set(found)
    assert len(found) == len(ARTICLES) + 2


def test_the_extractor_links_aliases_to_actors(sdb: Database) -> None:
    rows = sdb.execute(
        "SELECT a.source FROM mention m JOIN actor ac ON ac.id = m.actor_id JOIN article a "
        "ON a.id = m.article_id WHERE ac.name = 'Gibran Rakabuming Raka'"
    ).fetchall()
    assert {"gibran", "putra"} <= {r[0] for r in rows}
