"""Reported speech lists what someone said, not why they spoke, what they did not say,
the thing they talked about, or the wording of a law."""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.extract.statements import is_statement
from reader.models import Quote


def quotes(body: str, kind: str | None = None) -> list[Quote]:
    return [q for q in extract_article(body).quotes if kind is None or q.kind == kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "Wulan Sari mengatakan hal itu untuk merespons keluhan para pedagang pasar.",
        "Wulan Sari menyampaikan hal ini sebagai respons terhadap pertanyaan wartawan.",
        "Wulan Sari menyampaikan pernyataannya itu sebagai tanggapan atas kritik mahasiswa.",
        "Wulan Sari menyampaikan itu untuk menanggapi tudingan lawan politiknya.",
        "Wulan Sari mengatakan hal tersebut saat ditemui di kantornya di Bandung.",
    ],
)
def test_why_or_when_someone_spoke_is_not_what_was_said(sentence: str) -> None:
    assert quotes(sentence, "indirect") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Wulan Sari tidak menyebut siapa calon yang akan didukung partainya.",
        "Tim Pemenangan Wulan Sari tidak pernah mengusulkan debat tanpa moderator sama sekali.",
        "Wulan Sari belum bersedia menyebutkan nama-nama calon pendampingnya di pilkada.",
        "Wulan Sari belum bisa memastikan jadwal kampanye di kota itu akan diubah atau tidak.",
        "Wulan Sari enggan menjelaskan alasan partainya pindah koalisi pekan lalu.",
        "Bupati Wulan Sari menginginkan mengajak Rina Lestari dan Budi Santoso bergabung ke tim.",
    ],
)
def test_what_someone_did_not_say_or_only_wants_is_not_reported_speech(sentence: str) -> None:
    assert quotes(sentence, "indirect") == []


def test_the_speaker_who_did_not_say_it_is_still_the_last_speaker() -> None:
    body = (
        "Wulan Sari belum bersedia menyebutkan nama-nama calon pendampingnya.\n\n"
        '"Kami masih menunggu keputusan partai," ujarnya.'
    )
    [quote] = quotes(body)
    assert quote.kind == "direct" and quote.speaker == "Wulan Sari"


LEAD = (
    "Pakar komunikasi politik dari Universitas Contoh Rudi Hartono menilai pilihan partai itu "
    "tepat. Menurut Rudi, partai memilih dengan jeli karena calon berasal dari kalangan muda. "
)


@pytest.mark.parametrize(
    "description",
    [
        "Sinta Maharani merupakan gambaran pemimpin yang dibutuhkan daerah itu.",
        "Sinta Maharani adalah representasi generasi muda di partai tersebut.",
    ],
)
def test_a_sentence_that_only_describes_someone_does_not_make_them_the_speaker(
    description: str,
) -> None:
    body = LEAD + description + ' "Dia punya rekam jejak yang jelas dan lengkap," jelasnya.'
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Rudi Hartono"


def test_a_sentence_giving_someone_a_post_still_brings_them_in() -> None:
    body = LEAD + (
        "Sinta Maharani merupakan ketua panitia kampanye di daerah itu. "
        '"Kami siap memenangkan pasangan ini," jelasnya.'
    )
    [quote] = quotes(body, "direct")
    assert quote.speaker == "Sinta Maharani"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wulan Sari menyampaikan ucapan selamat kepada para pemenang lomba desa.",
        "Wulan Sari mengungkapkan janjinya jika terpilih sebagai bupati tahun depan.",
        "Wulan Sari menekankan potensi bahaya jika data pemilih bocor ke pihak lain.",
        "Wulan Sari mengungkapkan situasi sulit kala itu, hingga banyak warga mengungsi.",
        "Wulan Sari menyampaikan rencana mereka mendaftar ke KPU pada pekan depan.",
        "Wulan Sari mengusulkan pasangan calon bupati Rina Lestari dan Budi Santoso di pilkada.",
        "Wulan Sari meminta maaf karena wakilnya tidak dapat hadir dalam acara itu.",
    ],
)
def test_a_noun_phrase_after_the_verb_is_not_reported_speech(sentence: str) -> None:
    assert quotes(sentence, "indirect") == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Wulan Sari mengimbau warga untuk datang ke TPS lebih pagi.",
            "warga untuk datang ke TPS lebih pagi",
        ),
        ("Wulan Sari berpesan agar petugas bekerja jujur.", "agar petugas bekerja jujur"),
        (
            "Wulan Sari meminta KPU segera mengumumkan hasil rekapitulasi.",
            "KPU segera mengumumkan hasil rekapitulasi",
        ),
        ("Wulan Sari mengatakan bahwa hal itu tidak benar.", "hal itu tidak benar"),
        ("Wulan Sari mengatakan itu bukan urusan partainya.", "itu bukan urusan partainya"),
        (
            "Wulan Sari mengatakan situasi di desa itu sudah aman.",
            "situasi di desa itu sudah aman",
        ),
        (
            "Wulan Sari mengatakan pasangan calon nomor urut dua sudah siap berdebat.",
            "pasangan calon nomor urut dua sudah siap berdebat",
        ),
        (
            "Wulan Sari tidak hanya mengatakan partainya siap, tetapi juga solid.",
            "partainya siap, tetapi juga solid",
        ),
    ],
)
def test_appeals_bahwa_clauses_and_clauses_with_a_subject_are_speech(
    sentence: str, said: str
) -> None:
    [quote] = quotes(sentence, "indirect")
    assert quote.text == said and quote.speaker == "Wulan Sari"


@pytest.mark.parametrize("title", ["Dr.", "dr.", "H.", "Prof."])
def test_a_reported_clause_runs_on_past_an_abbreviated_title(title: str) -> None:
    body = (
        f"Menurut Ketua Panitia Budi Santoso, sesuai arahan Ketua Umum {title} Rina Lestari, "
        "acara itu digelar untuk melatih para saksi."
    )
    [quote] = quotes(body, "indirect")
    assert quote.text.endswith("untuk melatih para saksi")
    assert quote.speaker == "Budi Santoso"


@pytest.mark.parametrize(
    "sentence",
    [
        "Menurut Perbawaslu Nomor 7 Tahun 2022, ada dua cara untuk melaporkan pelanggaran.",
        "Menurut UU Pemilu, kampanye dilarang digelar di tempat ibadah dan sekolah.",
        "Menurut Pasal 280, peserta kampanye dilarang membawa atribut partai lain.",
    ],
)
def test_what_a_law_or_regulation_says_is_not_speech(sentence: str) -> None:
    body = "Ketua Bawaslu Rina Lestari mengatakan pihaknya siap menerima laporan warga.\n\n"
    found = quotes(body + sentence)
    assert [q.text for q in found] == ["pihaknya siap menerima laporan warga"]


def test_the_wording_of_a_law_article_in_quote_marks_is_not_a_statement() -> None:
    body = (
        "Ancaman pidana bagi perusak surat suara diatur dalam Pasal 99."
        "“Setiap orang yang dengan sengaja merusak surat suara sebagaimana dimaksud dalam "
        "Pasal 12 dipidana dengan penjara paling lama dua tahun.” Demikian bunyi pasal itu.\n\n"
        "Hal itu juga diatur dalam pasal berikutnya yang berbunyi, “Setiap orang yang "
        "mengacaukan jalannya pemungutan suara dipidana dengan penjara paling lama satu tahun.”"
    )
    assert quotes(body, "direct") == []


def test_a_crowd_cheering_a_name_is_not_a_statement() -> None:
    assert not is_statement("Bu Wulan…., Bu Wulan…,")
    assert not is_statement("Pak Budi! Pak Budi! Pak Budi!")
    assert is_statement("Hidup petani! Hidup petani!")
    assert is_statement("Hidup Wulan! Hidup Wulan!")
    body = "Warga berkerumun di depan balai desa.\n\n“Bu Wulan…., Bu Wulan…,” sorak warga."
    assert quotes(body, "direct") == []


def test_a_named_body_speaks_for_itself() -> None:
    body = (
        "Dalam sidang itu, Ketua Koalisi Warga Rina Lestari mengatakan bahwa KPU telah "
        "melanggar aturan pencalonan.\n\n"
        "Sementara itu, Majelis Pemeriksa Bawaslu mengatakan bahwa ketidakhadiran anggota "
        "KPU akan menjadi catatan bagi majelis."
    )
    said = {q.text: q.speaker for q in quotes(body, "indirect")}
    assert said["ketidakhadiran anggota KPU akan menjadi catatan bagi majelis"] == (
        "Majelis Pemeriksa Bawaslu"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketua Forum Pendekar Sunda, Rizal Fahmi Akbar, di Garut, Jawa Barat, Minggu, "
        "mengatakan bahwa para pendekar mendukung penuh langkah itu.",
        "Ketua Forum Pendekar Sunda, Rizal Fahmi Akbar di Garut, Minggu, mengatakan bahwa para "
        "pendekar mendukung penuh langkah itu.",
    ],
)
def test_where_the_speaker_spoke_between_name_and_verb_is_not_the_subject(sentence: str) -> None:
    [quote] = quotes(sentence)
    assert (quote.speaker, quote.role) == ("Rizal Fahmi Akbar", "Ketua Forum Pendekar Sunda")


def test_a_name_of_ordinary_words_set_off_by_commas_before_the_place_is_the_subject() -> None:
    sentence = (
        "Ketua Forum Pendekar Sunda, Karya Bumi Insan, di Garut, Minggu, mengatakan bahwa para "
        "pendekar mendukung penuh langkah itu."
    )
    [quote] = quotes(sentence)
    assert quote.speaker is not None and quote.speaker.endswith("Bumi Insan")
    assert quote.role is not None and quote.role.startswith("Ketua Forum Pendekar Sunda")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tim di Sugapa akan mengungkapkan bahwa situasi aman terkendali.",
        "Warga di Desa Sukamaju mengatakan bahwa situasi aman terkendali.",
        "Harga Cabai Melonjak di Pasar Induk Rina mengatakan bahwa pasokan sedang berkurang.",
        "Badan Cuaca Nasional di Makassar mengatakan bahwa hujan turun sepanjang pekan.",
    ],
)
def test_a_place_after_a_word_that_is_no_name_stays_out_of_the_subject(sentence: str) -> None:
    assert all(q.speaker is None for q in quotes(sentence))


def test_a_name_after_bersama_before_a_place_is_not_the_subject() -> None:
    body = (
        "Wakil Ketua Relawan Tim Maju Roy Edison Maningkas hadir. Roy yang menemui wartawan usai "
        "acara bersama Gibran di Penjaringan, Jakarta Utara, Jumat, menjelaskan dana untuk "
        "menjalankan program tersebut akan digunakan untuk menghidupkan ekonomi desa."
    )
    [quote] = quotes(body)
    assert quote.speaker == "Roy Edison Maningkas"
