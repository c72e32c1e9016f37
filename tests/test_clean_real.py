"""Cleaning real scraped articles from ../shared/corpus (skipped when it is absent).

The expected values were written down by reading each raw article.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from reader.ingest.clean import clean
from reader.ingest.records import record_to_raw
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "real.jsonl"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not here")


@cache
def records() -> dict[str, dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle)}


def cleaned(record_id: str):
    raw = record_to_raw(records()[record_id], record_id)
    assert not isinstance(raw, str)
    return clean(raw)


CASES = [
    # Antara: dateline, footer "Pewarta/Editor/COPYRIGHT" glued to the last sentence.
    ("razzaaq38-e570b25806e11611", "Kemendagri dan OJKbangun sinergi perkuat perekonomian daerah", None,
     ["Kementerian Dalam Negeri (Kemendagri) bersinergi"], ["Kupang (ANTARA)", "Pewarta", "COPYRIGHT"],
     "pungkas Maurits."),
    # Antara in a coursework CSV: space runs as paragraph breaks, two glued "Baca juga" headlines.
    ("aderisadyta-f274ff5677b32738", "Menpora pastikan bonus untuk atlet Asian Games segera diserahkan",
     "2023-11-22", ["Dito Ariotedjo memastikan bonus"],
     ["Baca juga", "Menpora siap evaluasi", "Tujuh emas", "Arnidhya"], "kata Menpora Dito."),
    # jpnn: lower-case dateline, newline paragraphs.
    ("faridghozali-68dc3f5957975ae8", "Puan Maharani: Jelang Pemilu Kawan Bisa jadi Lawan", "2023-10-21",
     ["Ketua DPP PDI Perjuangan Puan Maharani menyatakan"], ["jpnn.com, SURABAYA"],
     "juru kampanye Ganjar-Mahfud."),
    # Bisnis: dateline and the Google News footer split over two lines.
    ("arbilshofiyurrahman-c1f7ac9e552651e3",
     "Israel-Palestina Memanas, UEFA Tunda Laga Kualifikasi Piala Eropa 2024", "2023-10-09",
     ["Konfederasi Sepak Bola Eropa (UEFA) resmi menunda"], ["Bisnis.com, SOLO", "Cek Berita", "News"],
     "pada 11-17 Oktober 2023."),
    # detik Jawa Timur: place dateline, editor initials followed by tag keywords.
    ("putracode3-720c73116974f563", "Tanggul Jebol dan Sungai Meluap, 22 Desa di Ponorogo Banjir",
     "2018-03-12", ["22 Desa dari 5 kecamatan banjir"], ["Ponorogo - 22", "(fat/fat)", "banjir di ponorogo"],
     "pungkasnya."),
    # CLICK-ID wowkeren: a lone "-" where the dateline link was dropped.
    ("andikawilliam-296b659d38df2830",
     "Katy Perry Ungkap Siapa Sosok di Balik Berakhirnya Perseteruannya dengan Taylor Swift", "2019-09-19",
     ["Jika bicara soal perseteruan antara selebriti Hollywood"], [], "terangnya."),
]  # fmt: skip


@pytest.mark.parametrize(("record_id", "title", "published", "contains", "absent", "ending"), CASES)
def test_real_article_is_cleaned(
    record_id: str, title: str, published: str | None, contains: list[str], absent: list[str], ending: str
) -> None:
    article = cleaned(record_id)
    assert article.title == title
    assert article.published == published
    for text in contains:
        assert text in article.body
    for text in absent:
        assert text not in article.body
    assert article.body.endswith(ending)
    assert not article.body.startswith(("-", ","))


def test_a_one_line_article_starting_like_a_credit_is_kept() -> None:
    article = cleaned("andikawilliam-fc09dc8b1aeeab6a")  # "Penulis: ,Saat ini masyarakat ..."
    assert "Aliansi Masyarakat untuk Keadilan Demokrasi" in article.body
    assert len(article.body) > 1000
