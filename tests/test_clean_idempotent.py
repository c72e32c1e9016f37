"""Cleaning a cleaned body again keeps every sentence: a dateline only opens a report."""

from __future__ import annotations

from reader.ingest.clean import clean
from reader.models import RawArticle


def _body(text: str) -> str:
    return clean(RawArticle(source="x", text=text, origin="x.jsonl")).body


def test_an_antara_tag_after_the_last_sentence_is_not_a_dateline() -> None:
    once = _body("JAKARTA, KOMPAS.com - Petugas KPU menghitung ulang surat suara di gudang logistik. "
                 "Jakarta (ANTARA) - ")
    assert once.startswith("Petugas KPU menghitung ulang surat suara di gudang logistik.")
    assert _body(once) == once


def test_a_sentence_before_a_glued_antara_dateline_is_kept_unless_it_is_a_copy() -> None:
    text = (
        "JAKARTA, KOMPAS.com - Saksi partai meminta rekapitulasi ditunda sampai Senin.Jakarta (ANTARA) - "
        "Ketua KPU Hasyim Asyari menolak permintaan itu."
    )
    once = _body(text)
    assert "Saksi partai meminta rekapitulasi ditunda sampai Senin." in once
    assert _body(once) == once


def test_an_antara_dateline_with_a_place_in_parts_opens_the_body() -> None:
    for place in ("Kabupaten Bandung, Jawa Barat", "Bethlehem, Palestina/Istanbul"):
        article = clean(RawArticle(source="x", text=f"{place} (ANTARA) - Ketua KPU hadir.", origin="x.jsonl"))
        assert (article.body, article.outlet) == ("Ketua KPU hadir.", "Antara")


def test_a_dateline_alone_on_its_line_lets_the_next_paragraph_open_the_report() -> None:
    # The highlight before the glued Antara dateline is a copy of the report after it: it goes
    # in the first cleaning, as it would if the dateline were not on a line of its own.
    text = (
        "JAKARTA, KOMPAS.com - \r\nMenurut Ganjar, Petugas KPU memeriksa logistik. "
        "Jakarta (ANTARA) - Petugas KPU memeriksa logistik."
    )
    once = _body(text)
    assert once == "Petugas KPU memeriksa logistik."
    assert _body(once) == once
    assert _body("ADVERTISEMENT\nJAKARTA, KOMPAS.com - Saksi partai meminta rekapitulasi ditunda.") == (
        "Saksi partai meminta rekapitulasi ditunda."
    )
