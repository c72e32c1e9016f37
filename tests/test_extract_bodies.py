"""Where a person's name starts when a body, a place or a month stands beside it."""

from __future__ import annotations

from reader.extract import extract_article
from reader.models import Quote


def speakers(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.kind, q.speaker, q.role) for q in extract_article(body).quotes]


def quotes(body: str) -> list[Quote]:
    return list(extract_article(body).quotes)


def test_a_body_the_article_names_elsewhere_stays_in_the_role_for_every_statement() -> None:
    # The sentence that opens with the person and the later `-nya` quotes read the whole
    # article too, not the run of capitalised words alone.
    body = (
        "Sejumlah warga membentuk Forum Relawan Nusantara (Ferantara) untuk pemilu.\n\n"
        "Ketua Umum Ferantara Hendra Wijanarko menegaskan bahwa pihaknya solid mendukung calon itu.\n\n"
        '"Para Relawan Ferantara akan turun ke setiap desa," tegas Hendra Wijanarko di Jakarta.\n\n'
        "Menurut Hendra, relawan dapat menggaet pemilih muda di daerah.\n\n"
        '"Kami bekerja tanpa dibayar sepeser pun," ujarnya.'
    )
    found = speakers(body)
    assert found and {speaker for _kind, speaker, _role in found} == {"Hendra Wijanarko"}
    assert {role for kind, _speaker, role in found if kind == "indirect"} == {"Ketua Umum Ferantara"}


def test_a_short_form_in_brackets_marks_a_body_even_when_it_speaks_alone() -> None:
    body = (
        "Pimpinan Pusat Persatuan Tani (Pertani) menegaskan sikap netral dalam pemilu.\n\n"
        "Wakil Ketua Umum PP Pertani Danu Sasmita menegaskan organisasinya tidak berafiliasi.\n\n"
        "Danu mengatakan Pertani mengharapkan para calon menjaga kampanye yang damai.\n\n"
        '"Kami tidak menjadi bagian dari partai mana pun," kata Danu.'
    )
    found = speakers(body)
    assert found and {speaker for _kind, speaker, _role in found} == {"Danu Sasmita"}
    assert "Wakil Ketua Umum PP Pertani" in {role for _kind, _speaker, role in found}


def test_a_month_between_name_words_belongs_to_the_name() -> None:
    body = (
        '"Kami akan mempercepat sertifikasi tanah rakyat," kata Sekjen Partai Contoh Raden Juli '
        "Hartanto di Jakarta.\n\n"
        'Pada Juli 2023 program itu dimulai. "Semua berjalan baik sampai sekarang," ujar Juli Hartanto.'
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} <= {"Raden Juli Hartanto", "Juli Hartanto"}
    assert all(speaker != "Hartanto" for _kind, speaker, _role in speakers(body))


def test_a_one_word_name_with_a_word_glued_on_is_cut_where_the_article_writes_it_alone() -> None:
    body = (
        '"Ada 33 laporan yang kami proses dalam sidang ajudikasi," kata anggota Bawaslu Puadimanusai '
        "konferensi pers di Jakarta.\n\n"
        '"Semuanya berkaitan dengan pelanggaran administrasi," kata Puadiman.'
    )
    assert [speaker for _kind, speaker, _role in speakers(body)] == ["Puadiman", "Puadiman"]


def test_a_place_the_article_writes_after_a_place_type_is_no_speaker() -> None:
    body = (
        "Komisi Pemilihan Umum Kabupaten Parigi Tomini membutuhkan ribuan petugas.\n\n"
        '"Kebutuhan itu disesuaikan dengan jumlah tempat pemungutan suara," kata Ketua KPU Parigi '
        "Tomini Darman Kurniadi di sela rapat.\n\n"
        "Pada rapat ini, KPU Parigi Tomini mengundang 115 anggota panitia kecamatan, 23 sekretaris "
        "dan 283 ketua panitia.\n\n"
        '"Panitia harus menguasai materi kampanye agar bisa menjelaskan," ujarnya.'
    )
    assert [speaker for _kind, speaker, _role in speakers(body)] == ["Darman Kurniadi", "Darman Kurniadi"]


def test_a_mayor_is_named_after_wali_kota() -> None:
    body = (
        "Ketua partai itu, Rina Maharani, hadir bersama kader. Rina yang juga Wali Kota Rina Maharani "
        "meyakini kader akan solid.\n\n"
        '"Doakan semua pengurus partai berjalan dalam politik yang lebih baik," ucap Rina.'
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Rina Maharani"}
