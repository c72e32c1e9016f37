"""Hand-written word lists for the synthetic corpus.

Everything here is made up or public knowledge (names of outlets, candidates, institutions,
Indonesian function words); no article text. Weights are rough relative frequencies: the
generator draws with ``random.choices``-style cumulative weights, so only ratios matter.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Outlets -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outlet:
    """How one outlet's scraped pages look. ``{CITY}``/``{City}`` are filled in per article."""

    name: str
    weight: int
    datelines: tuple[str, ...]
    url: str | None  # format string with {y} {m} {d} {num} {slug}; None = scraper kept no URL
    curly: float  # share of articles quoting with “ ” instead of "
    baca: str | None  # related-headline line, e.g. "Baca Juga: {h}"
    ads: tuple[str, ...] = ()  # lines dropped between paragraphs
    initials: str | None = None  # end marker, e.g. "({a}/{b})"
    footer: str | None = None  # name of a footer style in article.FOOTERS
    dateline_share: float = 0.8
    para_sep: str = "\n"


OUTLETS: tuple[Outlet, ...] = (
    Outlet("kompas.com", 16, ("{CITY}, KOMPAS.com -", "{CITY}, KOMPAS.com —"),
           "https://nasional.kompas.com/read/{y}/{m}/{d}/{num}/{slug}", 0.7, "Baca juga: {h}",
           dateline_share=0.5, para_sep="\n\n"),
    Outlet("antaranews.com", 14, ("{City} (ANTARA) -", "{City} (ANTARA) –"),
           "https://www.antaranews.com/berita/{num}/{slug}", 0.2, "Baca juga: {h}",
           footer="antara", dateline_share=0.95),
    Outlet("jpnn.com", 10, ("jpnn.com, {CITY} -",), "https://www.jpnn.com/news/{slug}", 0.5,
           None, initials="({a}/jpnn)", footer="jpnn", dateline_share=0.95),
    Outlet("detik.com", 14, ("{City} - ",), "https://news.detik.com/berita/d-{num}/{slug}", 0.05,
           None, ads=("SCROLL TO CONTINUE WITH CONTENT",), initials="({a}/{b})",
           footer="detik", dateline_share=0.7),
    Outlet("infosemarang.com", 3, ("INFOSEMARANG.COM-", "INFOSEMARANG.COM -"),
           "https://www.infosemarang.com/{y}/{m}/{slug}", 0.3, "Baca Juga: {h}",
           footer="stars"),
    Outlet("beritasatu.com", 6, ("{City}, Beritasatu.com -",),
           "https://www.beritasatu.com/nasional/{num}/{slug}", 0.3, "BACA JUGA{h}",
           ads=("ADVERTISEMENT",), footer="hashtags", dateline_share=0.9),
    Outlet("bisnis.com", 6, ("Bisnis.com, {CITY} -",), "https://kabar24.bisnis.com/read/{y}{m}{d}/15/{num}/{slug}",
           0.5, "Baca Juga : {h}", footer="bisnis", dateline_share=0.9),
    Outlet("liputan6.com", 7, ("Liputan6.com, {City} -",),
           "https://www.liputan6.com/pemilu/read/{num}/{slug}", 0.4, "Baca Juga", dateline_share=0.8),
    Outlet("tribunnews.com", 8, ("TRIBUNNEWS.COM, {CITY} -",),
           "https://www.tribunnews.com/mata-lokal-memilih/{y}/{m}/{d}/{slug}", 0.3, "Baca juga: {h}",
           ads=("ADVERTISEMENT",), footer="tribun"),
    Outlet("tempo.co", 5, ("TEMPO.CO, {City} -",), "https://nasional.tempo.co/read/{num}/{slug}",
           0.6, "Pilihan Editor: {h}", dateline_share=0.3),
    Outlet("cnnindonesia.com", 5, ("{City}, CNN Indonesia --",),
           "https://www.cnnindonesia.com/nasional/{y}{m}{d}000000-617-{num}/{slug}", 0.2, None,
           ads=("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"), initials="({a}/{b})"),
    Outlet("republika.co.id", 4, ("REPUBLIKA.CO.ID, {CITY} --",),
           "https://news.republika.co.id/berita/{slug}", 0.5, "Baca Juga: {h}"),
    Outlet("kaltimtoday.co", 3, ("",), None, 0.9, None, initials="({a}/{b})",
           footer="related", dateline_share=0.0),
)

CITIES = (("Jakarta", 30), ("Surabaya", 4), ("Semarang", 4), ("Bandung", 4), ("Medan", 3),
          ("Makassar", 3), ("Yogyakarta", 3), ("Samarinda", 2), ("Solo", 3), ("Denpasar", 2),
          ("Palembang", 2), ("Padang", 1), ("Pontianak", 1), ("Kupang", 1), ("Jayapura", 1),
          ("Balikpapan", 1), ("Bogor", 2), ("Bekasi", 1), ("Tangerang", 1), ("Malang", 1))

REGIONS = ("Kaltim", "Jateng", "Jatim", "Jabar", "DKI Jakarta", "Sumut", "Sulsel", "Bali", "NTT",
           "Papua", "Riau", "Banten", "Sumbar", "Kalbar", "Lampung", "Aceh", "DIY", "Kota Semarang",
           "Kabupaten Bogor", "Kota Medan", "Kabupaten Malang", "Kota Surabaya")

RUBRICS = ("POLITIK", "NASIONAL", "PEMILU 2024", "HUKUM", "SEPUTAR KALTIM", "NUSANTARA",
           "EKONOMI DAN PARIWISATA", "OLAHRAGA")

# --- Actors, as they are mentioned (alias, weight); the typo'd forms are rarer on purpose -----

ACTOR_ALIASES: tuple[tuple[str, int], ...] = (
    ("Prabowo", 40), ("Prabowo Subianto", 20), ("Gibran", 30), ("Gibran Rakabuming Raka", 8),
    ("Gibran Rakabuming", 6), ("Anies", 30), ("Anies Baswedan", 18), ("Cak Imin", 12),
    ("Muhaimin Iskandar", 10), ("Muhaimin", 6), ("Gus Imin", 2), ("Ganjar", 25),
    ("Ganjar Pranowo", 15), ("Mahfud MD", 14), ("Mahfud", 8), ("Mahfud Md", 3), ("Jokowi", 25),
    ("Presiden Joko Widodo", 10), ("Megawati Soekarnoputri", 5), ("Megawati", 4),
    ("Kaesang Pangarep", 3), ("Prabowo-Gibran", 22), ("Prabowo–Gibran", 3), ("Anies-Muhaimin", 10),
    ("AMIN", 10), ("Anies-Cak Imin", 3), ("Ganjar-Mahfud", 12), ("KPU", 45),
    ("Komisi Pemilihan Umum (KPU)", 8), ("KPU RI", 5), ("Bawaslu", 25),
    ("Badan Pengawas Pemilu (Bawaslu)", 5), ("DKPP", 4), ("Mahkamah Konstitusi (MK)", 6), ("MK", 10),
    ("TKN Prabowo-Gibran", 6), ("TPN Ganjar-Mahfud", 6), ("Timnas AMIN", 5), ("PDIP", 12),
    ("PDI-P", 5), ("PDI Perjuangan", 5), ("Gerindra", 8), ("Golkar", 6), ("PKB", 5), ("NasDem", 5),
    ("PKS", 5), ("PAN", 3), ("Demokrat", 3), ("PSI", 4), ("Perindo", 2), ("PPP", 2),
    ("Hasyim Asy'ari", 5), ("Rahmat Bagja", 3), ("Sirekap", 6), ("KPPS", 5),
    # occasional typos as they really occur in scraped text
    ("Prabowo-Giban", 1), ("Anis", 1), ("Anis Baswedan", 1), ("Gibran Rakabumin", 1),
    ("Cak Imim", 1), ("Prabowo Subiyanto", 1), ("Mahfud M.D.", 1), ("Ganjar Pranowi", 1),
    ("Jokowie", 1), ("Megawati Sukarnoputri", 1), ("Hasyim Asyari", 1), ("Bawslu", 1),
)

# (role, full name, short name); well-known speakers of the 2024 election coverage
ELECTION_SPEAKERS: tuple[tuple[str, str, str], ...] = (
    ("Ketua KPU", "Hasyim Asy'ari", "Hasyim"), ("Ketua Bawaslu", "Rahmat Bagja", "Bagja"),
    ("Ketua DKPP", "Heddy Lugito", "Heddy"), ("Ketua MK", "Suhartoyo", "Suhartoyo"),
    ("Komisioner KPU", "Idham Holik", "Idham"), ("Anggota Bawaslu", "Lolly Suhenty", "Lolly"),
    ("Capres nomor urut 1", "Anies Baswedan", "Anies"),
    ("Cawapres nomor urut 1", "Muhaimin Iskandar", "Cak Imin"),
    ("Capres nomor urut 2", "Prabowo Subianto", "Prabowo"),
    ("Cawapres nomor urut 2", "Gibran Rakabuming Raka", "Gibran"),
    ("Calon presiden nomor urut 3", "Ganjar Pranowo", "Ganjar"),
    ("Calon wakil presiden nomor urut 3", "Mahfud MD", "Mahfud"),
    ("Ketua TKN Prabowo-Gibran", "Rosan Roeslani", "Rosan"),
    ("Ketua TPN Ganjar-Mahfud", "Arsjad Rasjid", "Arsjad"),
    ("Co-Captain Timnas AMIN", "Thomas Lembong", "Tom Lembong"),
    ("Presiden", "Joko Widodo", "Jokowi"), ("Ketua Umum PDIP", "Megawati Soekarnoputri", "Megawati"),
    ("Sekjen PDIP", "Hasto Kristiyanto", "Hasto"), ("Ketua Umum PSI", "Kaesang Pangarep", "Kaesang"),
)

OTHER_SPEAKERS: tuple[tuple[str, str, str], ...] = (
    ("Gubernur Bank Indonesia", "Perry Warjiyo", "Perry"),
    ("Menteri Keuangan", "Sri Mulyani Indrawati", "Sri Mulyani"),
    ("Ketua Umum PSSI", "Erick Thohir", "Erick"),
    ("Pelatih Timnas Indonesia", "Shin Tae-yong", "Shin Tae-yong"),
    ("Menteri Perdagangan", "Zulkifli Hasan", "Zulhas"),
)

# Templates for invented local speakers; {R} region, {U} university, {L} institute, {P} party
ELECTION_ROLES = ("Komisioner KPU {R}", "Ketua KPU {R}", "Ketua Bawaslu {R}", "Komisioner Bawaslu {R}",
                  "Pengamat politik Universitas {U}", "Direktur Eksekutif {L}", "Peneliti {L}",
                  "Anggota DPR Fraksi {P}", "Juru bicara TKN", "Juru bicara Timnas AMIN",
                  "Wakil Ketua TPN", "Ketua DPD {P} {R}", "Ketua KPPS TPS {N}", "Pembina relawan {R}")
OTHER_ROLES = ("Ekonom {L}", "Kepala BPS {R}", "Kepala Dinas Perdagangan {R}", "Pelatih klub {R}",
               "Ketua Asprov PSSI {R}", "Direktur Utama PT {X}", "Analis pasar {L}")
UNIVERSITIES = ("Indonesia", "Gadjah Mada", "Airlangga", "Padjadjaran", "Diponegoro", "Mulawarman",
                "Hasanuddin", "Brawijaya", "Andalas", "Trunojoyo")
INSTITUTES = ("Indikator Politik Indonesia", "Perludem", "LSI Denny JA", "Litbang Kompas", "CSIS",
              "Indef", "Celios", "Lingkar Madani", "Netgrit", "Charta Politika", "KoDe Inisiatif")
PARTIES = ("PDIP", "Gerindra", "Golkar", "PKB", "NasDem", "PKS", "PAN", "Demokrat", "PPP")
FIRST_NAMES = ("Anas", "Daini", "Siti", "Budi", "Agus", "Dewi", "Rizky", "Ahmad", "Nur", "Yusuf",
               "Indah", "Hendra", "Fajar", "Ratna", "Wahyu", "Eko", "Dian", "Arief", "Lestari", "Teguh",
               "Bambang", "Sri", "Putri", "Iwan", "Nurul", "Hadi", "Retno", "Ilham", "Yanti", "Andi")
LAST_NAMES = ("Isfidi", "Rahmat", "Santoso", "Wibowo", "Hidayat", "Saputra", "Lubis", "Siregar",
              "Nugroho", "Kurniawan", "Setiawan", "Pratama", "Harahap", "Susanto", "Hakim", "Syahputra",
              "Maulana", "Ramadhan", "Wijaya", "Gunawan", "Purnomo", "Fauzi", "Rangkuti", "Tanjung")

# --- Quote attribution ---------------------------------------------------------------------

CUES_AFTER: tuple[tuple[str, int], ...] = (
    ("kata", 30), ("ujar", 16), ("ucap", 5), ("ungkap", 7), ("jelas", 8), ("tutur", 5),
    ("tegas", 5), ("sebut", 3), ("imbuh", 3), ("tambah", 4), ("terang", 3), ("papar", 2),
    ("pungkas", 3), ("lanjut", 3), ("klaim", 1), ("aku", 1), ("beber", 1), ("tandas", 1),
    ("sambung", 1), ("tukas", 1),
)
CUES_BEFORE: tuple[tuple[str, int], ...] = (
    ("mengatakan", 30), ("menyatakan", 8), ("menegaskan", 8), ("menjelaskan", 8),
    ("mengungkapkan", 7), ("menuturkan", 4), ("menambahkan", 4), ("menyampaikan", 6),
    ("menilai", 5), ("memastikan", 3), ("mengingatkan", 2), ("menekankan", 2), ("berharap", 2),
)
CUE_CONTEXTS = ("", "", "", " saat dihubungi, {D}", " kepada wartawan di {C}, {D}",
                " dalam keterangan tertulisnya, {D}", " seperti dikutip dari Antara, {D}",
                " di Gedung KPU, Jakarta Pusat, {D}", " saat ditemui di {C}, {D}", ", {D}")

# --- Topic terms: (term, weight before the 14 Feb 2024 vote, weight after) -------------------
# A Zipf-like spread so that both common (pemilu) and rare (hak angket, PHPU) queries hit.

ELECTION_TERMS: tuple[tuple[str, int, int], ...] = (
    ("pemilu", 100, 80), ("Pemilu 2024", 40, 40), ("pilpres", 60, 50), ("capres", 60, 25),
    ("cawapres", 45, 20), ("kampanye", 50, 5), ("suara", 40, 70), ("TPS", 15, 35),
    ("pasangan calon", 25, 20), ("paslon", 20, 15), ("debat capres", 15, 1), ("relawan", 15, 8),
    ("surat suara", 10, 15), ("daftar pemilih tetap (DPT)", 8, 4), ("netralitas", 10, 6),
    ("bansos", 8, 8), ("politik uang", 6, 5), ("quick count", 3, 20), ("hitung cepat", 2, 15),
    ("rekapitulasi", 3, 30), ("real count", 1, 8), ("kecurangan", 5, 30), ("dugaan kecurangan", 2, 15),
    ("dicurangi", 1, 5), ("curang", 1, 5), ("Sirekap", 1, 18), ("hak angket", 1, 10),
    ("pemungutan suara ulang", 1, 8), ("PSU", 1, 5), ("gugatan", 3, 10), ("sengketa hasil pemilu", 1, 6),
    ("PHPU", 0, 3), ("DKPP", 2, 4), ("pelanggaran etik", 2, 4), ("penggelembungan suara", 0, 4),
    ("KPPS", 4, 10), ("presidential threshold", 2, 1), ("dinasti politik", 4, 2),
    ("putusan MK", 5, 4), ("pilkada", 6, 8), ("golput", 3, 2), ("koalisi", 15, 8),
)
ECONOMY_TERMS: tuple[tuple[str, int, int], ...] = (
    ("inflasi", 30, 30), ("rupiah", 25, 25), ("IHSG", 20, 20), ("suku bunga", 15, 15),
    ("harga beras", 12, 12), ("ekspor", 12, 12), ("investasi", 15, 15), ("APBN", 10, 10),
    ("Bank Indonesia", 12, 12), ("pertumbuhan ekonomi", 15, 15), ("UMKM", 10, 10), ("saham", 15, 15),
)
SPORT_TERMS: tuple[tuple[str, int, int], ...] = (
    ("Timnas Indonesia", 25, 25), ("PSSI", 12, 12), ("Liga 1", 15, 15), ("gol", 25, 25),
    ("pertandingan", 20, 20), ("pelatih", 15, 15), ("Piala Asia", 8, 8), ("bulu tangkis", 6, 6),
    ("klasemen", 8, 8), ("Persib", 6, 6), ("Persija", 6, 6), ("suporter", 6, 6),
)

# --- Titles ----------------------------------------------------------------------------------
# {A} actor, {P} pair, {R} region, {N} number, {T} election term, {S} short speaker name.

ELECTION_TITLES = (
    "Tolak Hasil Pilpres, Pendukung {P} di {R} Desak Pemungutan Suara Ulang",
    "{A} Tanggapi Dugaan Kecurangan Pemilu 2024", "KPU {R} Rampungkan Rekapitulasi Suara Pilpres",
    "Bawaslu Temukan {N} Dugaan Pelanggaran Kampanye di {R}", "Sirekap Bermasalah, {A} Minta KPU Berbenah",
    "{S}: Kami Siap Hadapi Gugatan di MK", "Hak Angket Kecurangan Pemilu, {A} Beri Sinyal Dukungan",
    "Debat Capres, {A} Singgung Soal {T}", "{P} Unggul di {R} Versi Quick Count",
    "Relawan {P} Gelar Deklarasi di {R}", "{N} Petugas KPPS di {R} Meninggal Dunia",
    "Tragis! {N} Petugas Pemilu di {R} Meninggal, Mayoritas KPPS", "{A} Blak-blakan soal {T}",
    "Soal {T}, {S} Minta Semua Pihak Menahan Diri", "DKPP Periksa Ketua KPU soal Pencalonan Gibran",
    "Anies Ungkap Timnya Kumpulkan Bukti Kecurangan", "{A} Bertemu {A}, Bahas Koalisi?",
    "Hasil Survei: Elektabilitas {P} Naik di {R}", "Pengamat: {T} Jadi Ujian Netralitas Aparat",
    "Ribuan Surat Suara Rusak Ditemukan di Gudang KPU {R}", "PSU Digelar di {N} TPS di {R}",
    "MK Tolak Gugatan Sengketa Pilpres", "{A} Hadiri Kampanye Akbar di {R}", "{S} Bantah Tudingan {T}",
    "Erick Thohir Tanggapi Rencana Program Makan Siang Gratis {P}",
    "PDIP Masih Gagah di {R}, Diprediksi Kuasai {N} Kursi DPRD", "Bawaslu {R} Proses Laporan {T}",
)
OTHER_TITLES = (
    "Inflasi {R} Terkendali, Harga Beras Mulai Turun", "Rupiah Ditutup Melemah ke Level Rp{N}.{N}0",
    "IHSG Menguat di Awal Pekan, Saham Bank Jadi Penopang", "{S} Optimistis Ekonomi Tumbuh 5 Persen",
    "Timnas Indonesia Menang {N}-1, Shin Tae-yong Puji Mental Pemain", "Persib Kalahkan Persija di Liga 1",
    "Harga Cabai di {R} Naik Jelang Ramadan", "UMKM {R} Didorong Masuk Pasar Ekspor",
    "Jadwal Lengkap Piala Asia, Indonesia di Grup D", "{S}: Suku Bunga BI Tetap Dipertahankan",
)

# --- Built-in vocabulary for seeds-only runs (common Indonesian news words, rank order) ------

BUILTIN_WORDS = """
yang dan di ini dengan untuk itu dari pada dalam juga akan tidak tersebut ke Indonesia ada bisa
menjadi saat sudah kata oleh Jakarta atau karena tahun sebagai lebih telah adalah satu mereka bahwa
dia kami kita hal masih hanya orang bagi hingga namun para warga pihak seperti baru harus lalu jika
agar serta setelah sejak antara tak dapat kembali secara terkait bersama melalui sehingga ketika
masyarakat pemerintah presiden calon nomor urut pasangan daerah kota provinsi kabupaten nasional
partai politik pemilihan umum suara hasil data laporan petugas tempat kegiatan acara program
mengatakan menyampaikan menjelaskan menurut terhadap kepada tentang mulai sekitar beberapa
sejumlah banyak semua setiap berbagai pertama kedua ketiga hari pekan bulan lalu kemarin besok
pagi siang malam waktu pukul WIB rapat sidang gedung kantor ketua anggota komisi badan dewan
wakil menteri kepala direktur pengamat peneliti juru bicara tim kampanye relawan pendukung massa
aksi demo tuntutan aturan undang hukum putusan gugatan sengketa bukti saksi proses tahapan
rekapitulasi penghitungan pemungutan penetapan pelantikan pendaftaran logistik kotak surat
distribusi wilayah kecamatan desa kelurahan pusat Senin Selasa Rabu Kamis Jumat Sabtu Minggu
Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember persen
juta miliar triliun rupiah harga ekonomi pasar bank saham investasi ekspor impor inflasi pajak
anggaran dana bantuan sosial pangan beras minyak listrik jalan tol pembangunan infrastruktur
pendidikan kesehatan sekolah rumah sakit pasien dokter guru siswa mahasiswa universitas kampus
tim pemain pelatih pertandingan laga gol menit babak kemenangan kekalahan juara liga klub stadion
suporter timnas sepak bola final turnamen
""".split()

# Roots and affixes used to grow a long tail of rare derived forms in seeds-only runs.
ROOTS = ("curang", "pilih", "hitung", "awas", "ubah", "tolak", "dukung", "kawal", "tuntut",
         "ungkap", "lapor", "periksa", "catat", "tetap", "umum", "sebar", "kumpul", "bagi",
         "langgar", "selidik", "gugat", "putus", "atur", "jamin", "bantah", "tuding", "sahkan",
         "ikut", "tunda", "rusak", "cetak", "kirim", "salur", "jual", "beli", "bangun", "tanam")
AFFIXES = (("me", ""), ("di", ""), ("ke", "an"), ("pe", "an"), ("ber", ""), ("ter", ""),
           ("me", "kan"), ("di", "kan"), ("me", "i"), ("di", "i"), ("", "an"), ("", "nya"))
