"""What the quote sidebar lists: statements only, with names that are names."""

from __future__ import annotations

from reader.extract import extract_article
from reader.ingest.clean import clean
from reader.models import Quote, RawArticle


def quotes(body: str, kind: str | None = None) -> list[Quote]:
    return [q for q in extract_article(body).quotes if kind is None or q.kind == kind]


# --- only statements -------------------------------------------------------------------


def test_one_and_two_word_fragments_are_not_statements() -> None:
    body = (
        'Wartawan bertanya soal koalisi. "Tentu saja," ucap Bagus Wirawan.\n'
        '"Tidak," kata Bagus Wirawan singkat.'
    )
    assert quotes(body, "direct") == []


def test_a_short_clause_with_a_subject_is_a_statement() -> None:
    [quote] = quotes('"Kami siap," kata Bagus Wirawan.', "direct")
    assert quote.text == "Kami siap," and quote.speaker == "Bagus Wirawan"


def test_a_dropped_fragment_still_names_the_speaker_for_the_next_quote() -> None:
    body = (
        '"Benar," kata Ketua Panitia Lestari Handayani.\n'
        '"Semua berkas sudah kami periksa satu per satu," ujarnya.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Lestari Handayani" and quote.role == "Ketua Panitia"


def test_a_quoted_term_after_a_noun_is_not_a_statement() -> None:
    body = 'Dodi Prasetya menyinggung istilah "pemilu yang riang gembira" dalam pidatonya.'
    assert quotes(body, "direct") == []


def test_titles_and_slogans_in_title_case_are_not_statements() -> None:
    body = 'Warga Kota Lama mengatakan "Bersatu Membangun Desa Kita Tercinta" kepada tamu.'
    assert quotes(body, "direct") == []


def test_a_statement_naming_many_places_is_still_a_statement() -> None:
    body = '"Kami sudah berkeliling ke Bogor, Depok, Bekasi dan Tangerang," kata Hendra Wijaya.'
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Hendra Wijaya"


# --- reported speech is a clause, not a noun phrase -------------------------------------


def test_topic_after_a_verb_is_not_reported_speech() -> None:
    body = (
        "Rudi Hartono menyoroti peran media dalam menangkal berita bohong.\n"
        "Partai itu menyatakan dukungannya kepada pasangan nomor urut satu.\n"
        "Rudi Hartono menyampaikan terima kasih kepada warga yang hadir."
    )
    assert quotes(body, "indirect") == []


def test_a_clause_after_a_speech_verb_is_reported_speech() -> None:
    body = (
        "Rudi Hartono mengatakan panitia sudah menyiapkan semua kotak suara.\n"
        "Rudi Hartono menyoroti bahwa jumlah petugas masih kurang di desa.\n"
        "Rudi Hartono meminta warga desa untuk datang lebih pagi."
    )
    found = quotes(body, "indirect")
    assert [q.text for q in found] == [
        "panitia sudah menyiapkan semua kotak suara",
        "jumlah petugas masih kurang di desa",
        "warga desa untuk datang lebih pagi",
    ]
    assert {q.speaker for q in found} == {"Rudi Hartono"}


# --- names are names --------------------------------------------------------------------


def test_an_ordinary_word_opening_the_sentence_is_not_part_of_the_name() -> None:
    [quote] = quotes("Apalagi Prabowo mengatakan bahwa koalisinya sudah sangat solid.")
    assert quote.speaker == "Prabowo Subianto"


def test_the_rest_of_a_place_name_belongs_to_the_role() -> None:
    body = "Sekretaris Pers Gedung Putih Linda Marlow menegaskan bahwa presiden tidak akan mundur."
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Linda Marlow", "Sekretaris Pers Gedung Putih")


def test_a_country_abbreviation_is_not_part_of_the_name() -> None:
    [quote] = quotes("Wakil Presiden AS Maria Colton mengatakan bahwa pemungutan suara berjalan baik.")
    assert (quote.speaker, quote.role) == ("Maria Colton", "Wakil Presiden AS")


def test_a_short_form_in_brackets_ends_the_organisation() -> None:
    body = (
        '"Kami siap mengawal suara sampai akhir," kata Ketua Ikatan Pemuda Tani (IPT) '
        "Joko Susilo Hadi."
    )
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Joko Susilo Hadi", "Ketua Ikatan Pemuda Tani")


def test_academic_titles_are_not_part_of_the_name() -> None:
    body = "Guru Besar Hukum Prof. Dr. Rina Kusuma mengatakan bahwa aturan itu sudah jelas."
    [quote] = quotes(body)
    assert quote.speaker == "Rina Kusuma"


def test_a_description_is_not_a_speaker() -> None:
    body = (
        "Andi Saputra hadir di ruang sidang.\n"
        'Pengacaranya mengatakan, "Klien kami tidak pernah menerima uang itu."'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker is None


def test_pihaknya_is_the_last_speaker() -> None:
    body = (
        "Ketua KPU Kota Bogor Andi Saputra mengatakan logistik sudah tiba.\n"
        "Pihaknya menegaskan bahwa semua kotak suara sudah disegel rapat."
    )
    assert {q.speaker for q in quotes(body, "indirect")} == {"Andi Saputra"}


def test_glued_words_are_split_when_cleaning() -> None:
    raw = RawArticle(
        source="x",
        text="Calon presiden nomor urut 1Bima Sakti mengatakan, menurutBima, "
        "rakyat sudah jenuh. Kata presidenSakti hal itu penting. detikNews tetap.",
        origin="x.jsonl",
    )
    body = clean(raw).body
    assert "urut 1 Bima Sakti" in body and "menurut Bima" in body
    assert "presiden Sakti" in body and "detikNews" in body


def test_a_highlight_glued_before_the_antara_dateline_is_dropped() -> None:
    raw = RawArticle(
        source="x",
        text='"Kami tidak akan mundur sedikit pun,"Semarang (ANTARA) - Ketua Tim Relawan '
        'Budi Santoso menegaskan timnya solid.\n\n"Kami tidak akan mundur sedikit pun," '
        "kata Budi.",
        origin="x.jsonl",
    )
    article = clean(raw)
    assert article.body.startswith("Ketua Tim Relawan Budi Santoso")
    assert article.outlet == "Antara"
    [quote] = quotes(article.body, "direct")
    assert quote.text == "Kami tidak akan mundur sedikit pun,"
    assert (quote.speaker, quote.role) == ("Budi Santoso", "Ketua Tim Relawan")


# --- the role given where the person is introduced ---------------------------------------


def test_the_role_at_the_first_mention_is_carried_to_later_quotes() -> None:
    body = (
        "Ketua Komisi Pemilihan Kota (KPK) Sari Wulandari meninjau gudang logistik, Senin.\n\n"
        '"Semua kotak suara sudah lengkap dan tersegel," kata Sari.'
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Sari Wulandari", "Ketua Komisi Pemilihan Kota")


def test_a_role_after_a_comma_in_a_sentence_without_a_speech_verb() -> None:
    body = (
        "Acara itu dihadiri Ketua Umum Partai Maju Bersama, Rina Kartika.\n\n"
        '"Kami siap bekerja untuk semua warga," ujar Rina.'
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Rina Kartika", "Ketua Umum Partai Maju Bersama")


def test_a_name_and_its_nickname_joined_by_atau() -> None:
    body = (
        "Ketua DPD Partai Maju, Bambang Sutrisno atau Bambang Kancil, menegaskan bahwa "
        "kadernya sudah siap."
    )
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Bambang Sutrisno", "Ketua DPD Partai Maju")


def test_a_role_with_dari_before_the_name() -> None:
    body = (
        "Bakal calon presiden dari Koalisi Rakyat Adil Dimas Prakoso mengatakan bahwa ia "
        "siap maju tahun depan."
    )
    [quote] = quotes(body)
    assert quote.speaker == "Dimas Prakoso"
    assert quote.role == "Bakal calon presiden dari Koalisi Rakyat Adil"


def test_kinship_is_not_a_role() -> None:
    body = "Putra bungsu Presiden, Raka Pratama mengatakan bahwa dirinya belum memutuskan."
    [quote] = quotes(body)
    assert quote.speaker == "Raka Pratama" and quote.role is None


def test_a_sentence_glued_to_the_previous_full_stop_keeps_its_role() -> None:
    body = (
        "Temuan itu sudah dilaporkan.Ketua Bawaslu Kota Bogor Dimas Arya mengatakan bahwa "
        "laporan itu benar adanya."
    )
    [quote] = quotes(body)
    assert (quote.speaker, quote.role) == ("Dimas Arya", "Ketua Bawaslu Kota Bogor")


# --- `ujarnya` and descriptions after the quote -----------------------------------------


def test_ujarnya_goes_to_the_person_introduced_in_the_sentence_before() -> None:
    body = (
        "Ketua Umum Partai Maju Anton Wijaya mengatakan bahwa partainya siap bertarung.\n\n"
        "Acara itu juga dihadiri Ketua Dewan Pembina Partai Maju, Sari Kusuma.\n\n"
        '"Kami siap mengikuti semua tahapan pemilu," ujarnya.'
    )
    quote = quotes(body, "direct")[-1]
    assert (quote.speaker, quote.role) == ("Sari Kusuma", "Ketua Dewan Pembina Partai Maju")


def test_ujarnya_stays_with_the_subject_of_the_sentence_before() -> None:
    body = (
        "Ketua Umum Partai Maju Anton Wijaya mengatakan bahwa partainya siap bertarung. "
        "Anton bertemu Ketua Komisi Kota Hasan Basri di balai kota.\n\n"
        '"Kami siap mengikuti semua tahapan pemilu," ujarnya.'
    )
    assert quotes(body, "direct")[-1].speaker == "Anton Wijaya"


def test_a_description_after_the_quote_names_the_person_with_that_post() -> None:
    body = (
        "Calon wakil presiden nomor urut 3 Bima Santosa berkunjung ke kampus. "
        "Rektor Universitas Kota, Dewi Anggraini menyambutnya.\n\n"
        '"Usulan itu akan merugikan hakim yang sedang menjabat," tegas calon wakil '
        "presiden (cawapres) nomor urut 3 itu."
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Bima Santosa"


def test_english_business_words_belong_to_the_organisation() -> None:
    body = (
        '"Partai itu harus segera menentukan pasangan calonnya," kata Direktur Eksekutif '
        "Sinar Strategic Consulting Budi Harjono Lubis di Jakarta."
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Budi Harjono Lubis"
    assert quote.role == "Direktur Eksekutif Sinar Strategic Consulting"


def test_a_place_the_article_names_elsewhere_belongs_to_the_role() -> None:
    body = (
        "Banjir merendam tiga desa di Wonokarto sejak Senin.\n\n"
        '"Kami sudah mengirim bantuan ke semua desa yang terdampak," kata Bupati Wonokarto '
        "Sari Dewi Lestari kepada wartawan."
    )
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Sari Dewi Lestari", "Bupati Wonokarto")


def test_a_first_name_the_article_uses_alone_stays_in_the_name() -> None:
    body = (
        "Pekan lalu Ketua Yayasan Sejahtera Hadi sudah meninjau lokasi.\n\n"
        '"Kami sudah mengirim bantuan ke semua desa yang terdampak," kata Ketua Yayasan '
        "Sejahtera Hadi Putra Santoso.\n\n"
        "Semua warga sudah aman, kata Hadi."
    )
    found = quotes(body, "direct")
    assert found[0].speaker == "Hadi Putra Santoso"


def test_a_common_noun_opening_a_sentence_is_no_speaker() -> None:
    body = (
        "Para suporter kecewa dengan hasil laga.\n\n"
        "Suporter terus menuntut manajemen untuk membangun tim pemenang.\n\n"
        "Rina Kusuma mengatakan timnya akan bangkit."
    )
    speakers = [q.speaker for q in quotes(body, "indirect")]
    assert "Suporter" not in speakers
    assert speakers[-1] == "Rina Kusuma"


def test_a_sentence_opening_word_is_not_taken_into_a_fuller_name() -> None:
    body = (
        "Pengamat politik Universitas Airlangga, Haryadi, menilai safari itu penting.\n\n"
        "Lanjut Haryadi, kampanye di Jawa Timur akan ketat. Ia menyebut lanjut atau tidaknya"
        " koalisi ditentukan bulan depan.\n\n"
        '"Besar dampaknya," kata Haryadi.'
    )
    assert {q.speaker for q in quotes(body)} == {"Haryadi"}


def test_words_after_a_bodys_organisation_word_are_no_persons_name() -> None:
    body = (
        "Sengketa pajak itu dibawa ke pengadilan tingkat banding.\n\n"
        "Pengadilan Tinggi Paris menyatakan bahwa gugatan perusahaan itu ditolak seluruhnya."
    )
    [quote] = quotes(body, "indirect")
    assert quote.speaker == "Pengadilan Tinggi Paris" and quote.role is None


def test_a_name_made_only_of_ordinary_words_is_no_speaker() -> None:
    body = (
        "Harga pupuk nasional turun. Kenaikan pajak negara ditunda.\n\n"
        '"Harga pupuk turun mulai pekan depan," kata Pajak Negara.\n\n'
        '"Kami sudah menghitungnya dengan cermat," kata Rina Kusuma.'
    )
    assert [q.speaker for q in quotes(body, "direct")] == [None, "Rina Kusuma"]


def test_a_word_opening_a_sentence_before_a_short_name_is_not_part_of_it() -> None:
    from reader.extract.actors import default_catalogue
    from reader.extract.discover import discover_people

    body = (
        "Ririn tampil di acara itu bersama suaminya.\n\n"
        "Bagi Ririn, keluarga adalah yang utama. Dikatakan Mujiyono, acara selesai.\n\n"
        "Ririn pulang sebelum malam. Wulan Sari juga hadir."
    )
    found = discover_people(body, default_catalogue(), set())
    assert "Bagi Ririn" not in found and "Dikatakan Mujiyono" not in found
    assert "Wulan Sari" in found  # a given name that is a word too, opening a sentence


def test_a_capitalised_speech_verb_after_a_quote_is_not_part_of_the_name() -> None:
    body = (
        "Produk itu diluncurkan di Sentul.\n\n"
        "“Hasil riset ban ini akan resmi diluncurkan tahun depan,” Ungkap Dodiyanto, Senior"
        " Brand Executive PT Gajah Tunggal Tbk."
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Dodiyanto" and quote.cue == "ungkap"


def test_a_bare_description_after_a_cue_is_nobody_named_not_the_last_person() -> None:
    body = (
        "Terdakwa Hendra Wijaya hadir di ruang sidang bersama istrinya, Ratna Sari.\n"
        '"Terdakwa merencanakan pembunuhan itu sejak sepekan sebelumnya," kata jaksa di persidangan.\n'
        '"Kami melihat pelaku berlari ke arah pasar," ungkap saksi.\n'
        '"Penggemar harus berhenti menyerang mereka," tambah penggemar lain.'
    )
    assert [q.speaker for q in quotes(body, "direct")] == [None, None, None]


def test_a_description_with_its_name_is_the_named_person() -> None:
    body = '"Uang itu diterima dalam tujuh tahap," kata jaksa KPK Ali Fikri di pengadilan.'
    [quote] = quotes(body, "direct")
    assert (quote.speaker, quote.role) == ("Ali Fikri", "jaksa KPK")


def test_a_description_that_points_back_is_the_person_named_before() -> None:
    body = (
        'Fico Fachriza hadir di JIExpo. "Saya pelaku komedi, jadi acara ini harus ada," '
        "jelas cowok yang kini berusia 25 tahun tersebut.\n"
        '"Kader harus patuh pada aturan partai," kata Megawati Soekarnoputri di depan kader.\n'
        '"Saya juga petugas partai, tidak ada yang istimewa," kata presiden kelima RI.'
    )
    assert [q.speaker for q in quotes(body, "direct")] == ["Fico Fachriza", *["Megawati Soekarnoputri"] * 2]


def test_a_rank_after_the_post_is_not_part_of_the_name() -> None:
    body = (
        '"Ini titik rawan pelanggaran lalu lintas," kata Kasat Lantas Polresta Barelang, '
        "Kompol I Putu Bayu Pati.\n"
        '"Kami siagakan seratus personel di setiap pos," kata Dandim 1414 Tana Toraja '
        "Letkol Czi Zaenal Arifin.\n"
        '"Pengamanan malam tahun baru sudah siap," kata Kabid Humas Polda Metro Jaya Kombes Pol Yusri Yunus.'
    )
    found = [(q.speaker, q.role) for q in quotes(body, "direct")]
    assert found == [
        ("I Putu Bayu Pati", "Kasat Lantas Polresta Barelang"),
        ("Zaenal Arifin", "Dandim 1414 Tana Toraja"),
        ("Yusri Yunus", "Kabid Humas Polda Metro Jaya"),
    ]


def test_a_year_inside_a_post_and_an_account_before_a_name() -> None:
    body = (
        '"Kami berduka atas wafatnya beliau," tulis juara Olimpiade 2016 Tontowi Ahmad di Instagram.\n'
        "Menurut penuturan Kepala Perwakilan Bank Indonesia DKI Jakarta Hamid Ponco Wibowo, "
        "kopi menjadi andalan wisata daerah itu."
    )
    found = [(q.speaker, q.role) for q in extract_article(body).quotes]
    assert found == [
        ("Tontowi Ahmad", "juara Olimpiade 2016"),
        ("Hamid Ponco Wibowo", "Kepala Perwakilan Bank Indonesia DKI Jakarta"),
    ]


def test_a_body_or_a_place_after_a_description_is_no_speaker() -> None:
    body = (
        "Reza Arya Pratama lahir dan besar di Parepare.\n"
        '"Semoga suporter tetap datang ke stadion," ucap pemain asli Parepare.\n'
        '"Pemeriksaan itu masih berjalan," ungkap sumber dari Layanan Pajak Nasional.'
    )
    assert [q.speaker for q in quotes(body, "direct")] == [None, None]


def test_a_role_keeps_no_stray_comma_or_rank_and_a_bare_description_ends_at_its_comma() -> None:
    body = (
        '"Ini titik rawan pelanggaran lalu lintas," kata Kasat Reskrim Polrestabes , AKBP Indratmoko, Rabu.\n'
        '"Pemilu harus jujur dan adil bagi semua," kata pengamat politik, Ujang Komarudin.'
    )
    found = [(q.speaker, q.role) for q in quotes(body, "direct")]
    assert found == [("Indratmoko", "Kasat Reskrim Polrestabes"), ("Ujang Komarudin", "pengamat politik")]


def test_a_relative_of_someone_named_is_the_person_talked_about() -> None:
    body = (
        '"Kami bicara soal survei," kata Bupati Kendal Dico Ganinduto di Loji Gandrung.\n\n'
        "Namun, suami Chacha Frederica ini mengaku masih fokus dengan tugasnya sebagai bupati."
    )
    assert [(q.kind, q.speaker) for q in extract_article(body).quotes] == [
        ("direct", "Dico Ganinduto"),
        ("indirect", "Dico Ganinduto"),
    ]
