"""Where a role ends and the name begins: ranks, titles, long posts, stray words."""

from __future__ import annotations

from reader.extract import extract_article
from reader.ingest.clean import clean
from reader.models import Quote, RawArticle

SAID = '"Kami siap bekerja keras untuk rakyat."'


def quotes(body: str, kind: str | None = None) -> list[Quote]:
    return [q for q in extract_article(body).quotes if kind is None or q.kind == kind]


def said(speaker_phrase: str) -> tuple[str | None, str | None]:
    [quote] = quotes(f"{speaker_phrase} mengatakan, {SAID}")
    return quote.speaker, quote.role


# --- ranks and titles stand with the name ------------------------------------------------


def test_a_police_rank_does_not_end_the_role() -> None:
    body = '"Apel berjalan lancar dan tertib," kata Kapolda Sumsel Irjen Pol Andi Rahman.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Andi Rahman", "Kapolda Sumsel")


def test_a_military_rank_after_the_force_does_not_end_the_role() -> None:
    phrase = "Komandan Pasukan Khusus TNI AD Mayor Jenderal TNI Budi Hartono"
    assert said(phrase) == ("Budi Hartono", "Komandan Pasukan Khusus TNI AD")


def test_the_force_before_a_rank_stays_in_the_role() -> None:
    assert said("Calon panglima TNI Jenderal Bagas Wiranto") == (
        "Bagas Wiranto",
        "Calon panglima TNI",
    )


def test_sekretaris_jenderal_is_a_post_not_a_rank() -> None:
    assert said("Sekretaris Jenderal Partai Maju Habib Salim Alatas")[1] == (
        "Sekretaris Jenderal Partai Maju"
    )


def test_a_title_opening_the_name_is_not_role() -> None:
    speaker, role = said("Pelaksana Harian Sekretaris Daerah NTB Lalu Gita Ariadi")
    assert role == "Pelaksana Harian Sekretaris Daerah NTB"
    assert speaker is not None and speaker.endswith("Gita Ariadi")


# --- the name after a comma, given names that are words ----------------------------------


def test_a_name_after_a_comma_is_whole() -> None:
    body = '"Kami awasi semua TPS," kata Ketua Bawaslu Kabupaten Sumber, Muhammad Rizal Fahmi.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Muhammad Rizal Fahmi", "Ketua Bawaslu Kabupaten Sumber")


def test_a_given_name_that_is_also_a_word_opens_the_name() -> None:
    speaker, role = said("Koordinator Nasional Jaringan Pemuda Bersatu Ragil Pamungkas Aji")
    assert (speaker, role) == ("Ragil Pamungkas Aji", "Koordinator Nasional Jaringan Pemuda Bersatu")


# --- a post that runs on across small words ----------------------------------------------


def test_a_post_with_a_list_of_fields() -> None:
    speaker, role = said("Menteri Koordinator Bidang Pangan, Energi, dan Lingkungan Arief Setiawan")
    assert speaker == "Arief Setiawan"
    assert role == "Menteri Koordinator Bidang Pangan, Energi, dan Lingkungan"


def test_a_lower_case_post_with_dari() -> None:
    speaker, role = said("Pengamat politik dari Universitas Nusantara Dedi Kurniawan")
    assert (speaker, role) == ("Dedi Kurniawan", "Pengamat politik dari Universitas Nusantara")


def test_an_ordinal_inside_a_post() -> None:
    speaker, role = said("Wakil Presiden ke-9 Republik Indonesia Hamzah Fansuri")
    assert (speaker, role) == ("Hamzah Fansuri", "Wakil Presiden ke-9 Republik Indonesia")


def test_two_posts_joined_by_a_slash() -> None:
    speaker, role = said("Menteri Pariwisata/Kepala Badan Ekonomi Kreatif (Bekraf) Andi Pratama")
    assert (speaker, role) == ("Andi Pratama", "Menteri Pariwisata/Kepala Badan Ekonomi Kreatif")


def test_a_number_inside_the_name_of_a_school() -> None:
    body = "Pengasuh Pesantren Al-Hikmah 2 Brebes KH Masruri menilai santri siap memilih."
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Masruri", "Pengasuh Pesantren Al-Hikmah 2 Brebes")


def test_two_people_joined_by_dan_keep_their_own_posts() -> None:
    assert said("Ketua KPU Hasyim Wibowo dan Anggota KPU Idham Rahman") == (
        "Idham Rahman",
        "Anggota KPU",
    )


def test_kinship_before_a_post_is_not_the_speakers_role() -> None:
    body = (
        "Istri calon presiden nomor urut 3 Bima Sakti, Sinta Dewi, mengingatkan agar "
        "pembangunan tidak melupakan kaum difabel.\n\n"
        '"Semua warga punya hak yang sama atas jalan dan sekolah," ujar Bima Sakti.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Bima Sakti" and quote.role is None


# --- nothing before the post -------------------------------------------------------------


def test_an_ordinary_word_before_the_post_is_dropped() -> None:
    body = "Pernyataan Ketua Umum Partai Maju Rina Kartika menegaskan bahwa partainya tetap solid."
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Rina Kartika", "Ketua Umum Partai Maju")


def test_the_later_of_two_posts_is_the_persons() -> None:
    body = "Kapolri Kapolda Banten Irjen Pol Dedi Kurnia mengatakan bahwa apel berjalan lancar."
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Dedi Kurnia", "Kapolda Banten")


def test_a_sentence_glued_after_an_acronym() -> None:
    body = f"Rapat itu dihadiri kader PKS.Sekretaris Jenderal Partai Maju Rudi Hartanto mengatakan, {SAID}"
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Rudi Hartanto", "Sekretaris Jenderal Partai Maju")


def test_a_name_glued_to_a_capitalised_word_is_split_when_cleaning() -> None:
    raw = RawArticle(
        source="x",
        text="Direktur Jenderal Kementerian AgamaRusli Hakim menegaskan bahwa kampus netral. "
        "Survei BeritaSatu dan WhatsApp tetap.",
        origin="x.jsonl",
    )
    body = clean(raw).body
    assert "Agama Rusli Hakim" in body and "BeritaSatu" in body and "WhatsApp" in body


# --- what is not part of a speaker's name ------------------------------------------------


def test_a_social_media_handle_after_the_name_ends_it() -> None:
    body = (
        "Unggahan itu ramai ditanggapi warganet.\n\n"
        '"Keren banget, ini baru namanya negarawan," kata Dimas Saputra @dimas_sap.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Dimas Saputra"


def test_the_short_form_of_an_organisation_is_not_a_given_name() -> None:
    body = (
        "Ketua Umum Relawan Maju KM Budi Gustaf Hartono menolak tuduhan itu.\n\n"
        '"Rakyat yang menentukan pilihan mereka sendiri," kata Budi.'
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Budi Gustaf Hartono", "Ketua Umum Relawan Maju KM")


def test_a_quote_glued_to_the_speakers_name_is_not_part_of_it() -> None:
    body = (
        'Ketua DPP Partai Maju Andi Wirawan atau Wiwin mengatakan partainya siap. '
        '"Belum ada nama yang diumumkan," jelas Wiwin."Kalau Pak Rudi memang dekat dengan '
        'partai kami sejak lama," sambungnya.'
    )
    found = quotes(body, "direct")
    assert [(q.speaker, q.role) for q in found] == [("Wiwin", "Ketua DPP Partai Maju")] * 2


def test_a_reduplicated_word_opening_a_sentence_is_not_a_speaker() -> None:
    body = (
        "Tiba-tiba, seorang pria berbicara di depan batu nisan.\n\n"
        '"Maaf, petugas datang hendak bertanya soal data pemilih," kata salah seorang keluarga.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker is None


def test_a_lower_case_post_before_a_name_with_a_hyphenated_word() -> None:
    body = (
        "Ia salat bersama pengasuh Ponpes Nurul Al-Hidayah Karim Abdul Salam.\n\n"
        '"Kami mendoakan semua calon agar pemilu damai," kata Karim Abdul Salam.'
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Karim Abdul Salam", "pengasuh Ponpes Nurul Al-Hidayah")


# --- a post written after the name or under a fuller name --------------------------------


def test_a_post_after_the_name_following_the_cue() -> None:
    body = '"Kami kumpulkan per kecamatan," kata Suparno, koordinator relawan Kota Lumajang.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Suparno", "koordinator relawan Kota Lumajang")


def test_a_description_after_the_name_is_not_a_post() -> None:
    body = '"Semoga pemilu damai dan lancar," kata Erna Wati, warga setempat.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Erna Wati", None)


def test_a_post_in_apposition_is_carried_to_later_quotes() -> None:
    body = (
        "Suryo Hadinoto, Pakar komunikasi politik dari Universitas Tirtayasa, menilai "
        "pilihan itu cerdas.\n\n"
        '"Sosok itu punya pengalaman panjang di pemerintahan," kata Suryo.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Suryo Hadinoto"
    assert quote.role == "Pakar komunikasi politik dari Universitas Tirtayasa"


def test_a_post_after_sebagai_is_carried_to_later_quotes() -> None:
    body = (
        "Presiden melantik Jenderal TNI Bayu Marpaung sebagai Kepala Staf Angkatan Darat "
        "di Istana Negara.\n\n"
        '"Kami tidak akan berpihak dalam pemilu ini," kata Bayu.'
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Bayu Marpaung", "Kepala Staf Angkatan Darat")


def test_the_post_of_the_full_name_goes_to_its_nickname() -> None:
    body = (
        "Ketua DPP Partai Maju Effendi Karim atau Gus Karim menanggapi hasil survei itu.\n\n"
        '"Pendukung kami tidak tertangkap oleh lembaga survei," kata Gus Karim.'
    )
    [quote] = quotes(body, "direct")
    assert quote.role == "Ketua DPP Partai Maju"


def test_the_post_of_the_full_name_goes_to_its_bracketed_nickname() -> None:
    body = (
        "Ketua Umum Partai Maju Abdul Wahid Hasyim (Gus Wahid) ingin seniman dilibatkan.\n\n"
        '"Seniman daerah hidupnya sulit dan harus dibantu," kata Gus Wahid.'
    )
    [quote] = quotes(body, "direct")
    assert quote.role == "Ketua Umum Partai Maju"


def test_a_term_of_office_inside_a_post() -> None:
    body = (
        "Ketua Umum Pengurus Pusat Muhammadiyah periode 2005-2015 Din Syamsul mengemukakan "
        "bahwa dialog publik perlu diperbanyak."
    )
    [quote] = quotes(body)
    assert quote.role == "Ketua Umum Pengurus Pusat Muhammadiyah periode 2005-2015"


def test_a_call_name_cut_from_the_given_name_takes_its_post() -> None:
    body = (
        "Wakil Sekretaris Tim Pemenangan Maju, Syamsuddin Haris menyebut kampanye dimulai sore.\n\n"
        '"Kami hanya menyapa warga di pasar," ujar Syam saat dihubungi.'
    )
    [quote] = quotes(body, "direct")
    assert quote.role == "Wakil Sekretaris Tim Pemenangan Maju"


def test_a_later_form_of_the_name_finds_the_post_the_first_form_missed() -> None:
    body = (
        "Todung menegaskan Ketua KPU Hasan Asyari bertanggung jawab atas aturan itu.\n\n"
        "Hasan Asy'ari menjelaskan bahwa ketentuan itu berlaku bagi semua pasangan.\n\n"
        '"Publik makin yakin dengan kerja sama kedua calon," kata Hasan kepada wartawan.'
    )
    direct = quotes(body, "direct")
    assert [q.role for q in direct] == ["Ketua KPU"]


def test_a_post_before_an_organisation_refers_to_its_holder() -> None:
    body = (
        "Calon panglima TNI Jenderal Bagas Wiranto mengatakan, "
        '"Kami bantu distribusi logistik pemilu sampai ke pelosok."\n\n'
        "Selanjutnya, calon panglima TNI menerangkan, "
        '"Kami akan bekerja sama dengan Polri dan KPU daerah."'
    )
    direct = quotes(body, "direct")
    assert [(q.speaker, q.role) for q in direct] == [("Bagas Wiranto", "Calon panglima TNI")] * 2


def test_warga_setempat_is_not_a_post() -> None:
    body = '"Semoga perjuangan Pak Bima diridai," kata warga setempat, Erna Wati.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Erna Wati", None)


# --- who speaks when the cue names no person ---------------------------------------------


def test_a_social_media_account_after_the_cue_is_the_speaker() -> None:
    body = (
        "Rina Kartika menanggapi pertanyaan warganet di Instagram.\n\n"
        '"Kenapa pilih partai yang dulu melawan kita?" tanya akun @budi_sant.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "@budi_sant"


def test_a_group_after_the_cue_is_no_one_by_name() -> None:
    body = (
        '"Semoga Pak Bima jadi presiden," ujar Kiai Ahmad Fauzi saat menyerahkan cendera mata.\n\n'
        '"Yakin menang, yakin menang, insyaallah menang," seru para ustaz dan santri.'
    )
    found = quotes(body, "direct")
    assert [q.speaker for q in found] == ["Ahmad Fauzi", None]


def test_a_written_statement_of_a_body() -> None:
    body = (
        '"Balapan di Jakarta ditunda karena bertepatan dengan pemilu," '
        "tulis keterangan resmi Formula Nusantara."
    )
    [quote] = quotes(body)
    assert quote.speaker == "Formula Nusantara"


def test_a_lower_case_slip_inside_a_post_after_the_cue() -> None:
    body = (
        '"Besok beliau kembali bekerja," kata Sekretaris Tim kampanye Nasional (TKN) '
        "Maju Bersama, Rudi Hartanto, ketika dikonfirmasi."
    )
    [quote] = quotes(body)
    assert quote.speaker == "Rudi Hartanto"
    assert quote.role == "Sekretaris Tim kampanye Nasional (TKN) Maju Bersama"


def test_a_common_word_glued_to_a_name_is_split_when_cleaning() -> None:
    raw = RawArticle(
        source="x",
        text="Wakil Ketua Partai Maju Erwin Saksaingin mempercepat kaderisasi. "
        "Menurut Erwin Saksa, anak muda penting. Olahraga paralayang dan Paralayang tetap.",
        origin="x.jsonl",
    )
    body = clean(raw).body
    assert "Erwin Saksa ingin mempercepat" in body and "Paralayang tetap" in body


# --- bodies named after a person, lower-case posts, titles and regions -------------------


def test_a_volunteer_body_named_after_a_known_person() -> None:
    body = '"Kami bergerak ke titik lemah," kata Bendahara Umum Sedulur Jokowi Dodi Iwakusumo.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Dodi Iwakusumo", "Bendahara Umum Sedulur Jokowi")


def test_a_known_persons_full_name_is_not_cut() -> None:
    [quote] = quotes('"Saya bicara apa adanya soal ini," kata Anies Rasyid Baswedan.')
    assert quote.speaker == "Anies Baswedan"


def test_a_lower_case_commissioner_before_the_name() -> None:
    [quote] = quotes('"Rapatnya pukul 14.00 WIB di kantor KPU," kata komisioner KPU, Agus Mellas.')
    assert (quote.speaker, quote.role) == ("Agus Mellas", "komisioner KPU")


def test_an_academic_title_is_no_post_and_selaku_gives_the_post() -> None:
    body = (
        "Panelis termasuk Profesor Rina Zuhra selaku Peneliti Utama Badan Riset dan Inovasi "
        "Daerah (BRIDA).\n\n"
        '"Kami sudah menyiapkan tema soal ekonomi," kata Prof Rina Zuhra.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Rina Zuhra"
    assert quote.role == "Peneliti Utama Badan Riset dan Inovasi Daerah (BRIDA)"


def test_a_city_abbreviation_is_no_given_name() -> None:
    body = '"Itu yang sering terjadi," kata Koordinator Divisi Pelanggaran Bawaslu Jaksel Akhi Riyanto.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Akhi Riyanto", "Koordinator Divisi Pelanggaran Bawaslu Jaksel")


def test_a_dotted_kh_does_not_end_the_sentence() -> None:
    body = (
        "Koordinator Kiai Jawa Barat K.H. Ahmad Zaini Kasman menjelaskan bahwa dukungan itu "
        "diberikan dengan tulus."
    )
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Ahmad Zaini Kasman", "Koordinator Kiai Jawa Barat")


def test_a_lower_case_deklarator_before_the_name() -> None:
    body = '"Keputusan itu tepat," kata deklarator Sahabat Maju, Irfan Ahmad Fauzan dalam siaran pers.'
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Irfan Ahmad Fauzan", "deklarator Sahabat Maju")


# --- a post with -nya names the organisation before it -----------------------------------


def test_a_post_with_nya_takes_the_organisation_named_before_it() -> None:
    body = (
        "Semua partai menyiapkan rencana untuk tahun depan. Partai Maju Sejahtera (PMS), lewat "
        "Wakil Ketua Umumnya Bagus Hartanto, menyampaikan rencananya untuk tahun depan. "
        '"Kami siap bekerja keras untuk rakyat," kata Bagus saat dihubungi.'
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert (quote.speaker, quote.role) == ("Bagus Hartanto", "Wakil Ketua Umum PMS")


def test_a_post_with_nya_and_no_organisation_before_it_is_no_role() -> None:
    body = (
        "Semua partai menyiapkan rencana. Lewat Wakil Ketua Umumnya Bagus Hartanto, partai itu "
        'menyampaikan rencananya. "Kami siap bekerja keras untuk rakyat," kata Bagus.'
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert (quote.speaker, quote.role) == ("Bagus Hartanto", None)


# --- a pair's description gives the first person the first post ----------------------------


def test_a_pair_description_gives_the_first_person_the_first_post() -> None:
    body = (
        "Pasangan calon presiden dan wakil presiden nomor urut 4 Budi Santoso dan Rina Lestari "
        'menghadiri acara relawan di Bandung. "Kami tidak perlu memberi arahan panjang," kata '
        "Budi di Bandung."
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert (quote.speaker, quote.role) == ("Budi Santoso", "Calon presiden nomor urut 4")


def test_a_pair_named_by_its_short_name_is_no_post() -> None:
    body = (
        'Pasangan Budi Santoso-Rina Lestari resmi mendaftar ke KPU. "Hari ini kita berkumpul di '
        'sini," tegas Budi di hadapan pendukungnya. Hari ini, lanjut Budi, pasangan Burin, partai '
        "pengusung, dan massa pendukung telah membantah pandangan sinis itu."
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert (quote.speaker, quote.role) == ("Budi Santoso", None)


def test_a_pair_description_that_names_no_post_is_no_role() -> None:
    assert said("Pasangan dari Koalisi Rakyat Maju Budi Santoso") == ("Budi Santoso", None)


# --- a call name carries the post of the full name it stands for -------------------------

EXPERT = "Pakar hukum tata negara dari Universitas Contoh Bandung"


def test_a_call_name_followed_by_sapaan_akrab_takes_the_full_names_post() -> None:
    body = (
        f"{EXPERT} Rudi Hartono menilai putusan itu tepat. "
        '"Putusan ini cerdas dan tepat," kata Rudiho, sapaan akrab Rudi Hartono, di Bandung.'
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert quote.role == EXPERT


def test_a_call_name_after_yang_akrab_disapa_takes_the_full_names_post() -> None:
    body = (
        f"{EXPERT} Rudi Hartono yang akrab disapa Rudiho menilai putusan itu tepat. Sidang "
        'berlangsung lama. Hakim membacakan putusan. "Putusan ini cerdas dan tepat," kata '
        "Rudiho di Bandung."
    )
    [quote] = [q for q in quotes(body) if q.kind == "direct"]
    assert quote.role == EXPERT


# --- a post written with its field or area keeps the word after it -------------------------


def test_a_coordinating_ministers_field_is_part_of_the_post() -> None:
    assert said("Menko Polhukam Budi Santoso") == ("Budi Santoso", "Menko Polhukam")


def test_a_police_chiefs_area_is_part_of_the_post() -> None:
    assert said("Kapolres Sumberjaya Wisnu Wardana") == ("Wisnu Wardana", "Kapolres Sumberjaya")


def test_a_two_word_name_after_such_a_post_stays_whole() -> None:
    assert said("Kapolres Budi Santoso") == ("Budi Santoso", "Kapolres")


def test_a_bare_title_at_a_later_mention_takes_the_fuller_post_of_the_introduction() -> None:
    body = (
        "Kapolres Sumberjaya, Jawa Timur, AKBP Wisnu Wardana akan menindak tegas anggotanya yang "
        "tidak netral. Kapolres Wisnu menegaskan, apabila ditemukan ada anggotanya yang tidak "
        "netral, pihaknya tidak akan ragu memberi sanksi."
    )
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Wisnu Wardana", "Kapolres Sumberjaya, Jawa Timur")


def test_an_arabic_article_joined_to_a_name_word_is_part_of_the_name() -> None:
    assert said("Ketua Fraksi Budi Al-Hakim") == ("Budi Al-Hakim", "Ketua Fraksi")


def test_an_arabic_article_inside_a_bodys_name_stays_in_the_role() -> None:
    assert said("Ketua Umum Yayasan Al-Ikhlas Budi Santoso") == (
        "Budi Santoso",
        "Ketua Umum Yayasan Al-Ikhlas",
    )
