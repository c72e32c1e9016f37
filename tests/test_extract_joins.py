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


# --- a cue written twice, a supporters' group named after a person ----------------------


def test_a_cue_written_twice_still_names_the_speaker_after_it() -> None:
    body = (
        "Rombongan relawan Sahabat Desa resmi mendukung pasangan itu. "
        '"Saya ucapkan selamat kepada teman-teman yang sudah mengambil sikap," kata kata '
        "Ketua Panitia Forum Relawan, Dodi Hasibuan di Jakarta."
    )
    [quote] = direct(body)
    assert (quote.speaker, quote.role) == ("Dodi Hasibuan", "Ketua Panitia Forum Relawan")


def test_a_supporters_group_named_after_a_person_is_not_a_speaker() -> None:
    body = (
        "Rombongan relawan Budi Mania (BuMan) resmi mendukung pasangan Rina Lestari. "
        '"Kami sudah mengambil sikap untuk mendukung pasangan ini," tegas dia.'
    )
    [quote] = direct(body)
    assert quote.speaker != "Budi Mania"


def test_the_person_after_a_supporters_group_is_the_speaker() -> None:
    body = 'Ketua Umum Rina Lovers Joko Santoso mengatakan, "Kami siap mengawal pasangan ini."'
    [quote] = direct(body)
    assert (quote.speaker, quote.role) == ("Joko Santoso", "Ketua Umum Rina Lovers")


# --- a word glued to the end of a name ----------------------------------------------------


def test_an_auxiliary_glued_to_the_end_of_a_name_is_not_part_of_it() -> None:
    body = (
        "Wakil Ketua Umum Partai Maju Bersama Dimas Prasetyaingin mempercepat kaderisasi di "
        'kalangan anak muda.\n\n"Kami mau ceritakan temuan kami di daerah," tutur Dimas.'
    )
    [quote] = direct(body)
    assert (quote.speaker, quote.role) == ("Dimas Prasetya", "Wakil Ketua Umum Partai Maju Bersama")


def test_a_speech_verb_glued_to_the_end_of_a_name_is_not_part_of_it() -> None:
    body = (
        "Ketua Dewan Pakar Partai Maju Rina Lestarimenilai pemilu tahun ini berjalan damai. "
        '"Kami siap bekerja keras untuk rakyat," ujarnya.'
    )
    [quote] = direct(body)
    assert quote.speaker == "Rina Lestari"


def test_a_name_that_ends_like_a_word_stays_whole_when_the_article_repeats_it() -> None:
    body = (
        "Sekretaris Daerah Hadi Nuryakin meninjau gudang logistik. "
        '"Semua kotak suara sudah kami periksa," kata Hadi Nuryakin. '
        '"Tinggal dikirim ke kecamatan," ujar Nuryakin.'
    )
    assert {q.speaker for q in direct(body)} == {"Hadi Nuryakin"}
