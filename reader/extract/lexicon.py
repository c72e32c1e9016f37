"""Word lists for telling names from roles, places, dates and ordinary words."""

from __future__ import annotations

import functools
import re

# Titles and offices that precede a name: kept as the speaker's role.
ROLE_WORDS = frozenset(
    """ketua umum wakil sekretaris jenderal sekjen bendahara anggota komisioner kepala direktur
    presiden wapres menteri menko gubernur wagub bupati wabup wali walikota camat lurah
    pembina koordinator juru bicara jubir pengamat peneliti dosen guru besar rektor dekan
    pakar ahli analis politikus politisi kader caleg capres cawapres bacapres bacawapres
    calon pasangan ketum waketum wakapolri kapolri kapolda kapolres kapolsek kasat kabid
    kasubdit dirjen direktorat deputi staf asisten kabag kadis kepala kabareskrim panglima
    pangdam danrem dandim kasad jaksa hakim panitera advokat pengacara kuasa hukum
    inspektur komisaris besar ajun brigadir jenderal mayor kolonel letnan kapten sersan
    laksamana marsekal irjen brigjen kombes akbp akp iptu ipda mayjen mayjend letjen
    brigjend pol purn purnawirawan tni polri dan pimpinan pendiri founder ceo chief
    manajer manager head founder owner pemilik pengurus relawan simpatisan pendukung
    tokoh ulama kiai kyai habib ustaz ustadz pendeta romo uskup syekh senior ketua-ketua
    sekretariat humas kasubbag kabiro kepala-kepala ketuanya pejabat plt plh pj penjabat
    mantan eks bakal petahana deklarator inisiator penggagas warga petugas anggotanya
    legislator senator dpr dprd mpr dpd fraksi komisi badan dewan majelis tim divisi bidang
    bagian biro seksi subbagian pusat kantor sekretaris-jenderal ketuplak kaur kades sekda
    sekdes kalak kalaksa panitia
    perwakilan utusan koordinator-lapangan korlap direktur-jenderal pelaksana harian
    tugas presidium dirut komut komisaris-utama direktur-utama utama eksekutif
    wakil-ketua managing director chief officer president head executive senior analyst
    economist researcher pengasuh komandan danjen presenter chairman penasihat pelatih
    pemimpin jendral sekertaris kordinator vice deputy lead specialist coordinator spokesperson
    manager""".split()
)

# Words that make a run an organisation, a place or an event, not a person.
ORGANISATION_WORDS = frozenset(
    """universitas institut sekolah rumah sakit hotel jalan jl gedung kantor masjid gereja
    kementerian kemenko partai komisi komite badan dinas direktorat biro dewan majelis lembaga
    yayasan perkumpulan
    forum aliansi gerakan koalisi tim relawan komunitas asosiasi ikatan persatuan
    perhimpunan bank pt cv tbk grup group media stasiun bandara pelabuhan pasar taman
    lapangan stadion pengadilan kejaksaan kepolisian polda polres polresta polrestabes
    polsek kodam korem kodim lanal lanud lantamal koramil pemerintah pemprov pemkab pemkot
    kabupaten kota provinsi desa kelurahan
    kecamatan pulau gunung sungai danau selat laut teluk operasi program festival cabang
    perum perumda
    piala liga undang peraturan keputusan pasal apel debat pilpres pemilu pilkada
    covid pesantren ponpes pondok
    muhammadiyah muhamadiyah aisyiyah nahdlatul ulama ansor banser fatayat muslimat""".split()
)

# English business and institution vocabulary (`Voxpol Center Research & Consulting`,
# `Citra Institute`) and a supporters' group's word after a person's name (`Budi Mania`,
# `Rina Lovers`): part of a body's name, never of a person's. Unlike the words above they
# close a body's name, so the name word after one is not taken into the body.
FOREIGN_BODY_WORDS = frozenset(
    """consulting consultant research center centre institute foundation international
    united corporation corp company capital holdings holding partners network studies
    strategic strategy policy watch school government energy resources solutions services
    technologies technology industries industry systems global mania lovers fans political
    politics review public survey indicator democracy democratic governance society
    initiative analytics insight forum institution community election elections economic
    economics development affairs legal rights human transparency corruption ethical ethics
    digital communication communications management agency council association alliance
    coalition marketing sales research operations finance product business relations
    engineering investment""".split()
)

# Polite forms of address: dropped from a speaker's name.
HONORIFICS = frozenset(
    "pak bu bapak ibu mas mbak bang kak sdr saudara saudari tuan nyonya".split()
)

# Kinship: `putra bungsu Presiden …` says whose son someone is, not a post.
KINSHIP_WORDS = frozenset(
    "putra putri istri suami anak adik kakak ayah ibunda ayahanda menantu cucu keponakan".split()
)

# Nouns for what someone said (`hal itu`, `pernyataan Yenny tersebut`): they point back
# at words, never name a post.
SAID_NOUNS = frozenset(
    """hal pernyataan ucapan perkataan kata-kata kalimat keterangan komentar penjelasan
    jawaban tanggapan pesan pendapat penegasan postingan unggahan cuitan kicauan""".split()
)

# Demonstratives: a phrase ending on one points back at someone or something named before
# (`calon presiden itu`, `hal tersebut`).
DEMONSTRATIVES = frozenset("itu ini tersebut".split())
# English function words inside the name of a body or a post (`Center for Strategic and
# International Studies`, `Director of …`).
ENGLISH_GLUE = frozenset("of for on and the".split())
# Words joining two parts of one post or one body's name (`Komunikasi dan Informatika`).
COORDINATORS = frozenset("dan serta and &".split())

# Academic and religious titles before a name (`Prof. Dr. Ir.`, `KH`): never part of it.
TITLES = frozenset("prof dr drs dra ir kh hj ust".split())

# Words that start a role but are lower-case in running text (`calon presiden …`).
LOWER_ROLE_STARTS = frozenset(
    """calon bakal mantan pengamat peneliti dosen politikus politisi ketua anggota kader
    juru pakar ahli analis warga petugas putra putri istri suami anak relawan pendiri
    pengacara kuasa tokoh wakil kepala koordinator pengajar guru pimpinan direktur
    sekretaris pemerhati aktivis pegiat praktisi akademisi ekonom capres cawapres bacapres
    bacawapres psikolog pengasuh komandan presenter komisioner bendahara menteri gubernur
    bupati pengurus pemimpin peneliti deklarator inisiator penggagas perwakilan pembina
    penasihat""".split()
)

# Words for a person that, after a cue, refer back to someone the article named (`ujar pria
# kelahiran 1966 itu`, `kata politikus PDIP tersebut`).
PERSON_WORDS = frozenset("pria wanita perempuan lelaki sosok orang politikus".split())

# Military and police ranks (`Irjen Pol`, `Mayor Jenderal TNI`, `Marsda TNI`): they stand
# with a name, never end a role. RANK_PARTS may follow a rank (`Laksamana Muda`, `Kombes Pol`).
RANKS = frozenset(
    """jenderal jendral jend letjen mayjen mayjend brigjen brigjend irjen komjen kombes akbp
    akp kompol iptu ipda aiptu aipda bripka brigpol briptu bripda marsekal marsda marsdya
    marsma laksamana laksda laksdya laksma kolonel letkol mayor kapten lettu letda serma
    serka sertu serda kopral inspektur komisaris brigadir ajun""".split()
)
RANK_PARTS = frozenset(
    """muda madya pertama besar utama tni pol polisi polri purn (purn) inf czi kav arh cpm chk
    ckm cba cpl chb cku caj cpn mar pnb tek kes lek adm sus psk pom""".split()
)  # the corps after an army rank too: `Letkol Czi`, `Kolonel Inf`, `Kolonel Pnb`

# Titles that open a person's name (`Habib Aboe Bakar`, `Lalu Darmawan`, `KH Ma'ruf`).
NAME_TITLES = frozenset(
    """habib lalu gus kh k.h hj h haji ustaz ustadz kiai kyai syekh raden ratu andi teuku
    prof profesor dr drs dra ir""".split()
)

# One-word posts that name their organisation too (`Kapolri`, `Kapolda`): a post word right
# after one opens another person's post (`… dipimpin Kapolri Kapolda Jatim X`).
WHOLE_POSTS = frozenset(
    """kapolri wakapolri kapolda wakapolda kapolres kapolresta kapolsek kasad kasal kasau
    menkopolhukam mendagri menhan menkeu kabareskrim""".split()
)

DAYS = frozenset("senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad".split())
MONTHS = frozenset(
    """januari februari pebruari maret april mei juni juli agustus september oktober
    november nopember desember jan feb mar apr jun jul agu agt ags sep sept okt nov des""".split()
)
FULL_MONTHS = frozenset(word for word in MONTHS if len(word) > 4 or word in {"mei", "juni", "juli"})

# Places that show up in roles and datelines (`Gubernur Jawa Timur`, `KPU Jabar`).
PLACES = frozenset(
    """indonesia ri nkri jakarta dki jawa barat tengah timur utara selatan tenggara daya
    sumatera sumatra kalimantan sulawesi papua maluku bali nusa tenggara aceh riau jambi
    bengkulu lampung banten yogyakarta diy gorontalo bangka belitung kepulauan jabar
    jateng jatim kaltim kalbar kalsel kalteng kaltara sulsel sulut sulteng sultra sulbar
    sumut sumbar sumsel kepri babel ntb ntt malut pabar surabaya bandung semarang medan
    makassar samarinda balikpapan palembang padang pekanbaru denpasar malang solo
    surakarta bogor depok tangerang bekasi kupang manado ambon jayapura mataram pontianak
    banjarmasin kendari palu mamuju ternate sorong merauke batam kediri cirebon tegal
    pekalongan magelang klaten sleman bantul jember banyuwangi madiun blitar tasikmalaya
    garut sukabumi karawang serang cilegon kota kabupaten provinsi kecamatan kelurahan
    desa dusun pusat metro raya selatan jaya istana merdeka senayan menteng kebayoran
    kuningan as amerika serikat ue uk inggris eropa tiongkok china rusia ukraina israel
    palestina jepang korea malaysia singapura australia arab saudi jakbar jaksel jaktim
    jakut jakpus jabodetabek iran irak turki prancis jerman italia spanyol belanda belgia
    swiss austria swedia norwegia denmark finlandia polandia yunani portugal kanada meksiko
    brasil argentina mesir suriah yordania lebanon libanon qatar kuwait yaman afghanistan
    pakistan bangladesh filipina thailand vietnam kamboja myanmar brunei taiwan""".split()
)

PRONOUN_WORDS = frozenset(
    "dia ia beliau dirinya pihaknya mereka kami kita saya aku anda".split()
)

# Capitalised words that open sentences but are never names.
SENTENCE_STARTERS = frozenset(
    """ini itu namun tetapi tapi sementara selain dalam untuk dengan karena sehingga
    meski meskipun walaupun jika kalau bila apabila saat ketika setelah sebelum sejak
    hingga sampai adapun bahkan lalu kemudian selanjutnya menurut terkait soal mengenai
    sebelumnya sedangkan padahal oleh pada di ke dari akan sudah telah masih juga ada
    tidak bukan sebagai seperti yang para sejumlah beberapa banyak semua seluruh setiap
    tak tiap kini kemarin besok hari tahun bulan pekan pukul sekitar lebih kurang baca
    simak lihat tonton editor penulis reporter pewarta sumber foto video berita artikel
    kompas antara tempo detik the of and a an in on hal apalagi bagaimana mengapa
    kenapa siapa kapan secara pertama kedua ketiga keempat kelima satu dua tiga empat lima""".split()
)


@functools.cache
def dictionary_words() -> frozenset[str]:
    """Sastrawi's ~30k Indonesian root words (lower case): ordinary words, not names."""
    from importlib import resources  # not at import: it loads tempfile and zipfile (9 ms)

    try:
        text = (
            resources.files("Sastrawi.Stemmer")
            .joinpath("data/kata-dasar.txt")
            .read_text("utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


# Given names that are also ordinary words: never stripped as common words.
NAME_LIKE_WORDS = frozenset(
    """sri putra putri bagus rahmat surya dewi indah budi ali amin agung adi arya bayu
    cahya dian eka dwi tri wahyu rizki fajar intan mulia setia teguh ratna ayu sinta
    bunga mawar melati permata guntur bintang angga alam jaya kurnia rahayu lestari sari
    hidayat taufik hakim iman imam rahman salim karim aziz amir harapan bakti budiman
    cinta damai gita hadi halim hasan husein ikhsan ilham jamal kasih laksana mahmud
    mulyadi murni nur nurul prima rahim rasyid saleh santoso sehat setiawan slamet
    sugeng suci syukur tegar tirta utama wibowo wijaya yakin yusuf zaman muhammad ragil
    kim adik gilang bambang agus ujang arif aris bagas candra endang fitri galih gatot haris
    indra jaka kartika kusuma nanang puji rudi sandi satria siti nyoman putu gede daeng""".split()
)


# Capitalised words of office and ministry names (`Menteri Dalam Negeri Tito`).
OFFICE_WORDS = frozenset(
    """negara sosial dalam luar negeri agama hukum politik ekonomi riset teknologi
    informasi komunikasi energi sumber daya mineral lingkungan hidup tenaga kerja
    koperasi usaha kecil menengah pariwisata kreatif pemuda olahraga perempuan anak
    maritim agraria tata ruang nasional umum daerah teknis protokol pasar tradisional
    bandara pelabuhan pemerintah investasi perencanaan keuangan kesehatan pendidikan
    kebudayaan perhubungan perdagangan perindustrian kelautan perikanan pertanian
    kehutanan pembangunan pemberdayaan kependudukan kepolisian kejaksaan pertahanan
    keamanan kemiskinan penanggulangan percepatan penanganan satuan tugas gugus
    pelaksana harian operasional strategis kebijakan pengawasan pelayanan publik
    pusat statistik bencana darurat aparatur reformasi birokrasi sekretariat kabinet
    kantor staf kepresidenan rakyat perwakilan dewan bidang hubungan masyarakat""".split()
)
_NOMINALISATION = re.compile(r"^(?:ke|pe|per|pen|pem|peng|peny)[a-z]{3,}an$")


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """An office or ordinary noun that can precede a name (`Keuangan`), not a name."""
    folded = word.casefold()
    if folded in NAME_LIKE_WORDS or not folded.isalpha():
        return False
    if folded in OFFICE_WORDS:
        return True
    if _NOMINALISATION.match(folded):
        from reader.text.stem import stem  # the stemmer loads a dictionary: only when needed

        root = stem(folded)
        return root != folded and root in dictionary_words()
    return False


# Prepositions before someone the sentence is about, not its subject (`bertemu dengan X`).
OBJECT_MARKS = frozenset("kepada untuk dengan oleh pada bagi terhadap".split())

# Numbers written out, as in `nomor urut tiga`.
NUMBER_WORDS = frozenset("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split())


def is_number(word: str) -> bool:
    """`3` or `tiga`: a candidate's number in `calon presiden nomor urut tiga`."""
    return word.isdigit() or word.casefold() in NUMBER_WORDS


def is_role_word(word: str) -> bool:
    return word.casefold() in ROLE_WORDS


def is_place(word: str) -> bool:
    return word.casefold() in PLACES


def is_date_word(word: str) -> bool:
    return word.casefold() in DAYS or word.casefold() in MONTHS


_AFFIXES = re.compile(
    r"^(?:di|me|mem|men|meng|meny|ber|ter|ke|pe|pem|pen|peng|per|se)?(.+?)"
    r"(?:kan|an|i|nya)?$"
)


@functools.lru_cache(maxsize=65536)
def is_ordinary_word(folded: str) -> bool:
    """A dictionary word or, roughly, one derived from it (`diprediksi`, `kuasai`).

    A cheap affix strip instead of the stemmer: this runs on every capitalised run.
    """
    if folded in NAME_LIKE_WORDS:
        return False
    words = dictionary_words()
    if folded in words:
        return True
    match = _AFFIXES.match(folded)
    if not match or match.group(1) not in words:
        return False
    # A short root only with a prefix and a suffix around it (`diakui`, `diisi`): a name
    # rarely has both (`Dimas`, `Mena` have one).
    both = match.start(1) > 0 and match.end(1) < len(folded)
    return len(match.group(1)) >= 4 or both and len(match.group(1)) == 3
