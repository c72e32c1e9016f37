"""Posts, bodies and topics around a speaker: what is a post, what is a name, what was said."""

from __future__ import annotations

from reader.extract import extract_article


def speakers(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.kind, q.speaker, q.role) for q in extract_article(body).quotes]


def each_reports(cases: dict[str, tuple[str, str | None]]) -> None:
    """Each body holds one reported statement, by the speaker and with the role given."""
    for body, (speaker, role) in cases.items():
        assert speakers(body) == [("indirect", speaker, role)], body


def reported(body: str) -> list[str]:
    return [q.text for q in extract_article(body).quotes if q.kind == "indirect"]


def test_a_noun_for_what_was_said_is_not_the_speakers_post() -> None:
    body = (
        "Seperti diketahui, Rina Kartika memutuskan untuk mendukung pasangan itu.\n"
        "Pernyataan Rina tersebut disampaikan dalam interaksi dengan warganet di Instagram.\n"
        "Dia menanggapi pertanyaan warganet soal dukungannya.\n"
        '"Kenapa Mbak Rina pilih partai itu?" tanya akun @warga_biasa.\n'
        "Rina menegaskan, tidak akan memilih partai yang curang.\n"
    )
    assert ("indirect", "Rina Kartika", None) in speakers(body)
    # The noun goes; the post after it stays (`Pernyataan Ketua Umum … Rina Kartika`).
    lead = "Pernyataan Ketua Umum Partai Sejahtera Rina Kartika menyebut sudah tampak adanya kecurangan."
    assert speakers(lead) == [("indirect", "Rina Kartika", "Ketua Umum Partai Sejahtera")]


def test_a_story_or_an_idea_after_a_cue_verb_is_a_topic_not_a_statement() -> None:
    body = (
        "Dalam sambutan pembuka, Hendra Wijaya mengungkapkan cerita singkat soal gedung di "
        "Jalan Cemara No. 19 ini.\n\n"
        "Pasangan itu menjelaskan gagasan mereka saat mengobrol dengan seniman di M-Bloc, "
        "Kebayoran Baru, Jakarta Selatan."
    )
    assert reported(body) == []


def test_a_capitalised_place_word_is_not_the_predicate_of_a_clause() -> None:
    # `Baru` in `Kebayoran Baru` is a name's word, not the predicate word `baru`.
    body = "Hendra Wijaya menjelaskan rencana mereka di Kebayoran Baru, Jakarta Selatan, kemarin."
    assert reported(body) == []
    said = "Hendra Wijaya menjelaskan rencana mereka baru akan dibahas pekan depan."
    assert reported(said) == ["rencana mereka baru akan dibahas pekan depan"]


def test_a_unit_named_at_the_end_of_a_post_with_a_demonstrative_is_not_a_person() -> None:
    body = (
        "Penjabat Gubernur Sumatera Utara Hassanudin meminta kepala desa bersikap netral.\n\n"
        '"Sudah ada aturannya yang berlaku," sebutnya.\n\n'
        "Mantan Pangdam I Bukit Barisan ini menuturkan, ASN yang tidak netral akan diberi sanksi."
    )
    found = speakers(body)
    assert ("indirect", "Hassanudin", "Penjabat Gubernur Sumatera Utara") in found
    assert all(speaker != "Bukit Barisan" for _kind, speaker, _role in found)


def test_english_words_of_an_institute_belong_to_the_post_not_the_name() -> None:
    body = (
        "Direktur Eksekutif Indonesia Political Review Ujang Komarudin menyebut duet itu "
        "menimbulkan citra negatif.\n\n"
        '"Banyak yang menilai negatif," kata Ujang kepada wartawan.'
    )
    found = speakers(body)
    assert found and {(speaker, role) for _kind, speaker, role in found} == {
        ("Ujang Komarudin", "Direktur Eksekutif Indonesia Political Review")
    }


def test_a_foreign_body_speaks_under_its_whole_name() -> None:
    body = (
        "Harga minyak mentah naik tajam pada pekan ini.\n\n"
        "International Energy Agency menyatakan negara anggota belum perlu melepas stok minyak darurat."
    )
    assert [(s, r) for _kind, s, r in speakers(body)] == [("International Energy Agency", None)]


def test_a_body_whose_name_goes_on_before_the_run_is_not_the_speaker() -> None:
    body = (
        "Jimly Asshiddiqie menilai aturan usia itu sah.\n\n"
        '"Itu adalah syarat pekerjaan yang berbeda-beda," tutur Jimly.\n\n'
        "Pendiri Jimly School of Law And Government itu menjelaskan DPR dan MK sama-sama "
        "sebagai pembentuk undang-undang."
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Jimly Asshiddiqie"}


def test_a_reported_clause_ends_at_a_full_stop_before_a_comma() -> None:
    # A scrape that joins paragraphs on commas and empties quotes: `….,"," kata Gisel.`
    body = 'Gisel mengaku kalau anaknya juga sebelumnya menulis untuk dirinya.,"," kata Gisel.'
    assert reported(body) == ["kalau anaknya juga sebelumnya menulis untuk dirinya"]


def test_a_word_the_article_calls_the_speaker_by_belongs_to_the_name() -> None:
    # `Rasio` is an ordinary word (ratio) where a post's words stand, but the article calls
    # the man by it: it is his name's first word.
    body = (
        "Direktur Jenderal Penegakan Hukum KLHK Rasio Ridho Sani menilai udara Jakarta tercemar.\n\n"
        '"Kami akan menindak tegas setiap pelanggaran," kata Rasio.\n\n'
        "Rasio menuturkan, pengawasan dilakukan setiap hari."
    )
    found = speakers(body)
    assert found and {(speaker, role) for _kind, speaker, role in found} == {
        ("Rasio Ridho Sani", "Direktur Jenderal Penegakan Hukum KLHK")
    }


def test_a_known_actor_before_a_name_stays_in_the_post_though_it_speaks_alone() -> None:
    body = (
        "Bendahara Umum Sedulur Jokowi Dodi Iwakusumajaya mengatakan relawan bergerak besok.\n\n"
        "Jokowi mengatakan dirinya tidak ikut berkampanye."
    )
    assert ("indirect", "Dodi Iwakusumajaya", "Bendahara Umum Sedulur Jokowi") in speakers(body)


def test_a_body_the_article_names_with_an_organisation_word_leaves_the_name() -> None:
    # `NU dan Muhammadiyah adalah …` uses the word alone, but `Universitas Muhammadiyah`
    # shows it is a body's name; `soal partai, Djarot pun …` is no body (a comma between).
    body = (
        "Prabowo menghadiri dialog di Universitas Muhammadiyah Surabaya.\n\n"
        "NU dan Muhammadiyah adalah komponen penting dalam lanskap Islam.\n\n"
        "Sekretaris Umum Pimpinan Pusat Muhammadiyah Abdul Mu'ti mengaku mendapat informasi itu."
    )
    assert speakers(body) == [("indirect", "Abdul Mu'ti", "Sekretaris Umum Pimpinan Pusat Muhammadiyah")]
    person = (
        "Djarot Saiful Hidayat mengatakan dirinya gagal menjalankan tugas.\n\n"
        "Ditanya soal partai, Djarot pun menjawab singkat.\n\n"
        '"Saya gagal," kata Djarot.'
    )
    assert {speaker for _kind, speaker, _role in speakers(person)} == {"Djarot Saiful Hidayat"}


def test_a_line_break_ends_the_phrase_before_and_after_a_cue() -> None:
    # A headline without a full stop, then the lead: the post starts on the new line.
    body = (
        "Anies apresiasi warga siap kawal Pemilu 2024 aman dan damai\n\n"
        "Calon Presiden dari Koalisi Perubahan Anies Baswedan menyatakan apresiasi kepada warga.\n\n"
        '"Sebagai rasa hormat, saya datang langsung," kata Anies.'
    )
    assert {(s, r) for _kind, s, r in speakers(body)} == {
        ("Anies Baswedan", "Calon Presiden dari Koalisi Perubahan")
    }
    # `ujar Nusron` closes its paragraph without a full stop: the next one is not his name.
    after = (
        "Sekretaris TKN Nusron Wahid menjelaskan jadwal kunjungan itu.\n\n"
        '"Gibran akan bertemu para pengasuh pondok pesantren di Surakarta," ujar Nusron\n\n'
        "Selanjutnya, kata dia, Gibran akan menyambut tamu dari Jawa Tengah."
    )
    direct = [(s, r) for kind, s, r in speakers(after) if kind == "direct"]
    assert direct == [("Nusron Wahid", "Sekretaris TKN")]


def test_a_country_a_post_or_a_corps_before_a_name_is_not_the_name() -> None:
    cases = {
        "Presiden Iran Hassan Rouhani mengatakan serangan itu dilakukan kelompok lain.": (
            "Hassan Rouhani", "Presiden Iran"
        ),
        "Camat Cilincing Muhammad Alwi mengatakan total ada 365 petugas gabungan.": (
            "Muhammad Alwi", "Camat Cilincing"
        ),
        "Menteri PPN atau Kepala Bappenas Bambang Brodjonegoro mengatakan pembangunan kota "
        "mandiri memakan waktu lama.": ("Bambang Brodjonegoro", "Kepala Bappenas"),
        "Wakil Pimpinan Perum Bulog Cabang Bondowoso Nara Dhipa mengatakan stok beras medium aman.": (
            "Nara Dhipa", "Wakil Pimpinan Perum Bulog Cabang Bondowoso"
        ),
        # a post written as outlets misspell it
        "Kordinator Nasional Garda Matahari Azrul Tanjung mengatakan relawan siap bergerak.": (
            "Azrul Tanjung", "Kordinator Nasional Garda Matahari"
        ),
        "Kepala Penerangan Kodam XVII Cenderawasih, Kolonel Cpl Eko Daryanto menyebutkan, "
        "kelompok itu dalang penembakan.": ("Eko Daryanto", "Kepala Penerangan Kodam XVII Cenderawasih"),
    }
    each_reports(cases)


def test_a_post_on_social_media_is_not_part_of_the_name() -> None:
    body = 'Postingan Nikita langsung ramai dikomentari.\n\n"Sekarang belajar hemat," tulis Nikita.'
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Nikita"}


def test_a_sentence_naming_several_officials_does_not_take_the_speakers_words() -> None:
    body = (
        "Menteri Keuangan Sri Mulyani menyatakan bahwa pemerintah sepakat menaikkan cukai rokok.\n\n"
        "Usulan tersebut sudah dibahas bersama Menko PMK Puan Maharani dan Wakil Presiden "
        "Jusuf Kalla di depan Presiden Joko Widodo.\n\n"
        '"Kita semua akhirnya memutuskan kenaikan cukai rokok sebesar 23 persen," ujarnya.'
    )
    [direct] = [(s, r) for kind, s, r in speakers(body) if kind == "direct"]
    assert direct == ("Sri Mulyani", "Menteri Keuangan")


def test_a_post_runs_on_across_dan_and_english_glue_to_the_name() -> None:
    cases = {
        "Menteri Komunikasi dan Informatika Rudiantara mengatakan pemutusan kerja itu bukan "
        "sinyal gulung tikar.": ("Rudiantara", "Menteri Komunikasi dan Informatika"),
        "Direktur Eksekutif Center for Strategic and International Studies (CSIIS) Sholeh Basyari "
        "menyebutkan sejumlah peluru telah disiapkan.": (
            "Sholeh Basyari", "Direktur Eksekutif Center for Strategic and International Studies"
        ),
        "Badan Meteorologi, Klimatologi, dan Geofisika memperkirakan wilayah DKI Jakarta "
        "didominasi cuaca cerah berawan.": ("Badan Meteorologi, Klimatologi, dan Geofisika", None),
    }
    each_reports(cases)


def test_two_people_joined_by_dan_stay_two_people() -> None:
    body = (
        "Presiden Jokowi dan Ganjar Pranowo berkunjung ke Nusa Tenggara Timur.\n\n"
        '"Saya selalu menghormati, enggak apa-apa," kata Ganjar.'
    )
    assert ("direct", "Ganjar Pranowo", None) in speakers(body)


def test_the_person_after_bersama_is_not_the_subject_of_the_cue() -> None:
    body = (
        "Calon wakil presiden Gibran Rakabuming Raka mengunjungi pesantren di Tangerang.\n\n"
        "Gibran mengatakan dirinya bersama Calon Presiden Prabowo berharap agar dana abadi "
        "pesantren dimaksimalkan.\n\n"
        "Program lain juga disiapkan bagi para santri.\n\n"
        '"Santri ada di dalam generasi milenial, maka tak bisa kita lupakan," ujarnya.'
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Gibran Rakabuming Raka"}


def test_a_name_described_as_one_among_many_is_the_subject_of_the_cue() -> None:
    body = (
        "Igun Sumarno mengatakan pemilih muda akan memilih orang yang dikenal.\n\n"
        "Sementara itu, Rasya, salah satu pemilih pemula mengaku sudah memiliki satu pilihan.\n\n"
        "Prof Hardinsyah, seorang ahli gizi mengatakan susu cair dan susu bubuk sama baiknya."
    )
    found = [(q.speaker, q.text) for q in extract_article(body).quotes]
    assert ("Rasya", "sudah memiliki satu pilihan") in found
    assert ("Hardinsyah", "susu cair dan susu bubuk sama baiknya") in found


def test_a_passive_verb_opening_the_sentence_is_not_part_of_the_name() -> None:
    body = (
        "Diakui Anita, anaknya tergolong super aktif.\n\n"
        "Anita mengaku terpaksa memberikan kopi kepada anaknya karena tak mampu membeli susu."
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Anita"}


def test_a_phrase_closed_by_a_demonstrative_is_not_the_post_of_the_next_name() -> None:
    body = (
        "Jawa Timur meraih penghargaan energi dan gelar juara umum tersebut, Gubernur Khofifah "
        "Indar Parawansa menyampaikan bahwa ini bukti komitmen pemerintah provinsi.\n\n"
        "Penggagas petisi tersebut, Tunggal Pawestri menegaskan ada 11 poin yang tidak pasti."
    )
    found = {(s, r) for _kind, s, r in speakers(body)}
    assert ("Khofifah Indar Parawansa", "Gubernur") in found
    assert ("Tunggal Pawestri", "Penggagas petisi tersebut") in found


def test_a_thing_named_with_a_capitalised_word_before_it_introduces_no_speaker() -> None:
    body = (
        "Petugas komunikasi Sudin Penanggulangan Kebakaran Jakarta Selatan, Suparno mengatakan "
        "kebakaran terjadi pukul 09.55 WIB.\n\n"
        '"Kami terima laporan jam 09.55 WIB," kata Suparno.\n\n'
        "Untuk menjinakkan api, pihaknya menerjunkan 9 Unit Mobil Damkar, namun jalanan sempit.\n\n"
        '"Sumber air aman, akses jalan sempit," tutupnya.'
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Suparno"}


def test_a_person_named_beside_the_subject_introduces_no_one_for_dia() -> None:
    body = (
        "Peneliti Saiful Mujani Research and Consulting Saidiman Ahmad menilai dukungan Jokowi "
        "mengerucut kepada Ganjar Pranowo.\n\n"
        "Hal itu terlihat saat Jokowi mempertontonkan keakraban dirinya bersama dengan Ganjar dan "
        "Ketua Umum PDI Perjuangan Megawati Soekarnoputri saat Rakernas.\n\n"
        "Dia mengatakan bahwa Jokowi sempat menggandeng Mega bersama dengan Ganjar."
    )
    assert {speaker for _kind, speaker, _role in speakers(body)} == {"Saidiman Ahmad"}
