"""Posts written before a body's name, bodies glued to names, and posts written out in words.

Found on the second statement audit (`benchmarks/audit/fresh/`): the faults are general, so
the texts here are written for the tests, with invented people.
"""

from __future__ import annotations

from reader.extract import extract_article
from reader.ingest.glue import unglue


def speakers(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.kind, q.speaker, q.role) for q in extract_article(body).quotes]


def direct(body: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_article(body).quotes if q.kind == "direct"]


def test_lower_case_words_of_a_post_before_a_body_stay_in_the_role() -> None:
    cases = {
        "Pengamat politik Lingkar Institute Sarwono menilai koalisi itu rapuh.":
            "Pengamat politik Lingkar Institute",
        "Pakar hukum tata negara Universitas Nusa Cendana Rini Astuti mengatakan aturan itu harus direvisi.":
            "Pakar hukum tata negara Universitas Nusa Cendana",
        "Menurut pengamat kebijakan publik Universitas Merdeka Yoga Pratama, program itu perlu diuji.":
            "pengamat kebijakan publik Universitas Merdeka",
    }
    for lead, role in cases.items():
        quote = ' "Kami akan terus mengawasi jalannya pemilu," katanya.'
        assert {r for _, r in direct(lead + quote)} == {role}, lead


def test_a_post_of_someone_else_is_not_joined_to_the_persons_own() -> None:
    # `Politikus kepercayaan Ketua Umum …`: the confidant's post, not the chairwoman's
    body = (
        "Politikus kepercayaan Ketua Umum Partai Sejahtera Ratna Dewi mengatakan koalisi itu solid.\n\n"
        '"Kami sudah siap," kata Ratna Dewi.'
    )
    assert direct(body) == [("Ratna Dewi", "Ketua Umum Partai Sejahtera")]
    # `Dan`, opening a sentence, is not a commander's title with `dibuka` as its modifier
    body = (
        "Rapat itu berlangsung tiga hari. Dan dibuka Direktur Jenderal Prasarana dan Sarana Pertanian (PSP) "
        'Haryo Wibisono.\n\n"Rapat ini agenda rutin tahunan," kata Haryo Wibisono.'
    )
    assert direct(body) == [("Haryo Wibisono", "Direktur Jenderal Prasarana dan Sarana Pertanian")]


def test_a_body_glued_before_a_name_is_not_part_of_it() -> None:
    body = (
        "Direktur Eksekutif Indonusantara Bambang Wiryawan Putra menjelaskan mesin partai itu solid.\n\n"
        '"Mesin partai harus menyapa pemilih," tuturnya.'
    )
    assert direct(body) == [("Bambang Wiryawan Putra", "Direktur Eksekutif Indonusantara")]
    body = (
        "Ketua Pimpinan Wilayah Muhammadiyah Jawa Tengah Tafsir Hidayat mengatakan warga harus memilih.\n\n"
        '"Jangan golput, datanglah ke tempat pemungutan suara," katanya.'
    )
    assert direct(body) == [("Tafsir Hidayat", "Ketua Pimpinan Wilayah Muhammadiyah Jawa Tengah")]


def test_a_candidates_number_written_out_is_part_of_the_post() -> None:
    body = (
        "Calon presiden nomor urut tiga Surya Darmawan mencanangkan program satu desa satu dokter.\n\n"
        '"Layanan kesehatan harus dekat dengan warga," ujar Surya dalam keterangannya.'
    )
    assert direct(body) == [("Surya Darmawan", "Calon presiden nomor urut tiga")]


def test_a_post_held_at_that_time_is_the_role() -> None:
    body = (
        "Lima pelaku diamankan. Hal itu dinyatakan oleh Kapolda Sulsel saat itu, Irjen Bayu Santosa."
        '"Berkat kepedulian warga, pelaku berhasil kami amankan," kata Bayu.'
    )
    assert direct(body) == [("Bayu Santosa", "Kapolda Sulsel")]


def test_a_demonstrative_after_a_bodys_name_refers_back_to_the_speaker() -> None:
    body = (
        "Pengamat politik Universitas Tanjungpura Dimas Aryo menilai putusan itu keliru. "
        '"Putusan itu tidak adil," tuturnya. Pengamat yang juga dosen tetap Universitas '
        "Tanjungpura itu sangat menyayangkan putusan tersebut. Dia mengatakan hakim seharusnya bisa adil."
    )
    found = speakers(body)
    assert ("indirect", "Dimas Aryo", "Pengamat politik Universitas Tanjungpura") in found
    assert all(speaker == "Dimas Aryo" for _, speaker, _ in found)


def test_a_call_name_after_a_form_of_address_takes_the_persons_post() -> None:
    body = (
        "Ketua Dewan Kehormatan Partai Sejahtera Hardiman Sitompul menyebut keanggotaan itu berakhir.\n\n"
        '"Kader baru akan terus bergabung," kata Bung Hardi, panggilan akrabnya.'
    )
    assert direct(body) == [("Bung Hardi", "Ketua Dewan Kehormatan Partai Sejahtera")]


def test_a_style_before_a_name_does_not_end_the_post() -> None:
    body = 'Bupati Lebak Ratu Sari Kencana berjanji menjaga pelajar. "Mereka aman di sini," kata Sari.'
    assert direct(body) == [("Sari Kencana", "Bupati Lebak")]


def test_a_topic_verb_before_a_negated_verb_made_a_noun_reports_no_statement() -> None:
    lead = '"Kami keberatan," kata Juru Bicara Fraksi Rakyat Wahyu Adi. '
    topic = lead + "Dia lantas menyinggung tidak disertainya naskah akademis dalam revisi itu."
    assert [s for s in speakers(topic) if s[0] == "indirect"] == []
    said = lead + "Dia mengatakan tidak akan ada pembahasan tanpa naskah akademis."
    assert ("indirect", "Wahyu Adi", "Juru Bicara Fraksi Rakyat") in speakers(said)


def test_an_acronym_glued_to_the_next_word_is_split_when_both_stand_alone_elsewhere() -> None:
    assert unglue("Kata PSBJuru Bicara PSB Andi menyambut survei itu.") == (
        "Kata PSB Juru Bicara PSB Andi menyambut survei itu."
    )
    # not brand names, nor an acronym with a suffix, nor one the text never writes alone
    kept = ("Acara TVOne malam ini di TVOne.", "Pihak KPUDnya belum. KPU siap.", "Warga DKIJakarta memilih.")
    for text in kept:
        assert unglue(text) == text


def test_a_post_given_to_someone_met_or_named_by_the_subject_is_carried_to_their_quotes() -> None:
    body = (
        "Ketua Partai Maju Budi Hartono makan siang bersama dengan Ketua Umum Partai Sejahtera "
        'Wulan Sari (WS). "Yang jelas masakan Indonesia," kata Wulan Sari di kantor partai.'
    )
    assert direct(body) == [("Wulan Sari", "Ketua Umum Partai Sejahtera")]
    # `dengan` before a name is still no place for a post after it (`…, dan pertemuannya …`)
    body = (
        'Tim itu bertemu dengan Bawaslu, dan pertemuannya sangat positif. "Kami minta Bawaslu '
        'tegas," kata Deputi Hukum Tim Rakyat Doni Saputra.'
    )
    assert direct(body) == [("Doni Saputra", "Deputi Hukum Tim Rakyat")]


def test_a_known_person_with_a_post_before_a_comma_is_someone_else() -> None:
    body = (
        "Rapat juga dihadiri bakal cawapres Mahfud MD, Ketua DPP Partai Sejahtera Wulan Sari, dan "
        'Sekjen Partai Sejahtera Doni. "Menteri itu orang yang membantu presiden," kata Wulan Sari.'
    )
    assert direct(body) == [("Wulan Sari", "Ketua DPP Partai Sejahtera")]
    # the name after `Juru Bicara` is whose spokesman the person is
    body = 'Juru Bicara Mahfud MD, Doni Saputra mengatakan timnya akan siap.'
    assert speakers(body) == [("indirect", "Doni Saputra", "Juru Bicara Mahfud MD")]


def test_a_military_units_number_and_area_stay_in_the_post() -> None:
    body = (
        "Komandan Kodim 0712/Tanjungsari Letkol Inf Bagus Wirawan menyebut spanduk itu fitnah. "
        '"Spanduk itu fitnah yang ditujukan kepada saya," ujar Bagus.'
    )
    assert direct(body) == [("Bagus Wirawan", "Komandan Kodim 0712/Tanjungsari")]


def test_a_verdict_after_a_judging_verb_is_no_statement() -> None:
    body = "Direktur Eksekutif Lembaga Hukum Rakyat Doni Saputra menilai positif putusan MK itu."
    assert speakers(body) == []


def test_a_pair_is_not_a_person_named_after_its_second_half() -> None:
    body = (
        "Tim Nasional Pemenangan Wulan Sari-Doni Saputra mengatakan format debat harus diubah."
    )
    assert all(speaker != "Saputra" for _, speaker, _ in speakers(body))


def test_a_pairs_description_before_the_first_name_gives_the_first_post() -> None:
    body = (
        "Tim pasangan calon presiden Surya Darmawan dan calon wakil presiden Rini Astuti akan "
        'memulai kampanye dari Papua. "Kita sudah siap semuanya," kata Surya.'
    )
    assert direct(body) == [("Surya Darmawan", "Calon presiden")]
    # a pair word with no post after it is no description (`menambah suara pasangan …`)
    body = (
        "Politikus Senayan itu mengatakan akan menambah suara pasangan Surya Darmawan dan Rini "
        'Astuti. "Kami akan fokus," kata Doni Saputra.'
    )
    assert direct(body) == [("Doni Saputra", None)]


def test_the_second_half_of_a_pair_is_no_person() -> None:
    body = "Tim Pemenangan Wulan Sari-Doni Saputra Wibowo mengatakan debat harus diubah."
    assert all(speaker != "Saputra Wibowo" for _, speaker, _ in speakers(body))


def test_a_public_bodys_name_is_part_of_the_post_before_a_name() -> None:
    body = "Kepala Dinas Pendidikan Agus Salim mengatakan sekolah akan dibuka pekan depan."
    assert speakers(body) == [("indirect", "Agus Salim", "Kepala Dinas Pendidikan")]


def test_the_first_person_named_takes_the_post_the_article_gives_not_a_place_before_the_name() -> None:
    body = (
        "Spanduk dengan foto paslon nomor urut 02, Surya Darmawan-Rini Astuti, dengan Komandan Kodim "
        "(Dandim) 0712/Tanjungsari Letkol Inf Bagus Wirawan ditemukan di Tanjungsari. "
        '"Saya tidak pernah memerintahkan siapapun memasang spanduk itu," jelasnya.'
    )
    assert direct(body) == [("Bagus Wirawan", "Komandan Kodim (Dandim) 0712/Tanjungsari")]


def test_two_candidates_posts_give_the_first_named_the_first_post() -> None:
    body = (
        "Capres dan cawapres nomor urut dua, Surya Darmawan dan Rini Astuti menghadiri rapat. "
        'Pada kesempatan itu, Surya menyampaikan pemilu harus adil. "Kami siap," kata Surya.'
    )
    assert ("Surya Darmawan", "Capres nomor urut dua") in direct(body)
