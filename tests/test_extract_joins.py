"""Sentences and words that the outlet glued together: a dot after one capital letter that
ends a sentence (`Turnamen E.Musim …`), not an initial before a name (`M. Syarif`)."""

from __future__ import annotations

from reader.extract import extract_article
from reader.models import Quote

LEAD = "Ketua Panitia Budi Santoso mengatakan persiapan berjalan baik. "


def direct(body: str) -> list[Quote]:
    return [q for q in extract_article(body).quotes if q.kind == "direct"]


def test_a_sentence_glued_after_a_single_capital_letter_is_not_part_of_the_speaker() -> None:
    body = LEAD + (
        '"Laga di Surabaya ditunda karena jadwal kampanye," tulis keterangan resmi Turnamen '
        "E.Musim depan dimulai di Medan, sementara jadwal musim ini belum pasti."
    )
    [quote] = direct(body)
    assert quote.speaker == "Turnamen E"


def test_a_sentence_after_a_single_capital_letter_and_a_space_is_not_part_of_the_speaker() -> None:
    body = LEAD + (
        '"Laga di Surabaya ditunda karena jadwal kampanye," tulis keterangan resmi Turnamen E. '
        "Pasalnya kegiatan di stadion bertepatan dengan masa kampanye."
    )
    [quote] = direct(body)
    assert quote.speaker == "Turnamen E"


def test_an_initial_before_a_name_still_stands_with_the_name() -> None:
    body = '"Kami siap mengawal setiap laporan," kata Wakil Ketua Komisi, Dimas M. Syarif, di Jakarta.'
    [quote] = direct(body)
    assert (quote.speaker, quote.role) == ("Dimas M. Syarif", "Wakil Ketua Komisi")


def test_an_initial_before_a_name_that_is_also_a_word_stands_with_the_name() -> None:
    # `purba` is a word (ancient) but the article never writes it in lower case
    body = '"Semua saksi sudah kami periksa," kata Kepala Seksi Yan S. Purba di Medan.'
    [quote] = direct(body)
    assert quote.speaker == "Yan S. Purba"
