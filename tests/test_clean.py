"""Cleaning real-looking scraped text: boilerplate, end markers, datelines, titles, dates."""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.ingest.clean import clean, content_hash
from reader.ingest.dates import find_date, normalise_date
from reader.models import RawArticle
from tests.conftest import SEEDS


def clean_seed(stem: str):
    path = SEEDS / f"{stem}.txt"
    return clean(RawArticle(source=stem, text=path.read_text("utf-8"), origin=str(path)), detect_header=True)


def test_seed_000_metadata_and_no_related_list() -> None:
    article = clean_seed("000_3fa82f2a195c39de")
    assert article.title == "Tolak Hasil Pilpres, Pendukung AMIN di Kaltim Desak Pemungutan Suara Ulang"
    assert article.section == "POLITIK"
    assert article.published == "2024-02-23"
    assert article.body.startswith("Sejumlah pendukung capres 01")
    assert article.body.endswith("pungkasnya.")
    for junk in ("hari ago", "Sukses di Palembang", "Sri Wahyuni", "NUSANTARA", "(dmy/fth)"):
        assert junk not in article.body


def test_seed_004_dateline_outlet_and_boilerplate() -> None:
    article = clean_seed("004_eb156427ed740bc9")
    assert article.title is None
    assert article.outlet == "Infosemarang.com"
    assert article.published == "2024-02-19"
    assert article.body.startswith("Pemilihan presiden (pilpres) 2024")
    for junk in ("Baca Juga", "***", "Erick Thohir", "12 Petugas Pemilu", "INFOSEMARANG.COM"):
        assert junk not in article.body


@pytest.mark.parametrize(
    ("text", "outlet", "start"),
    [
        ("JAKARTA, KOMPAS.com - Ketua KPU berkata.", "Kompas.com", "Ketua KPU"),
        ("Jakarta (ANTARA) - Calon presiden nomor urut 3.", "Antara", "Calon presiden"),
        ("jpnn.com, JAKARTA - Kelompok relawan Pro08.", "Jpnn.com", "Kelompok"),
        ("Bisnis.com, SURABAYA - Gubernur Jawa Timur.", "Bisnis.com", "Gubernur"),
        ("REPUBLIKA.CO.ID, JAKARTA -- Partai itu menang.", "Republika.co.id", "Partai"),
        ("Jakarta, CNN Indonesia -- Bawaslu menerima laporan.", "CNN Indonesia", "Bawaslu"),
        ("JAKARTA - Calon Presiden Prabowo Subianto dinilai.", None, "Calon Presiden"),
        ("Surabaya - Banjir melanda.", None, "Banjir melanda."),
        ("ANTARA - Pj Gubernur Sulawesi Tenggara dilantik.", "Antara", "Pj Gubernur"),
    ],
)
def test_datelines_are_removed_and_give_the_outlet(text: str, outlet: str, start: str) -> None:
    article = clean(RawArticle(source="x", text=text))
    assert article.outlet == outlet
    assert article.body.startswith(start)


def test_record_outlet_wins_over_dateline() -> None:
    article = clean(RawArticle(source="x", text="JAKARTA, KOMPAS.com - Isi berita.", outlet="Kompas"))
    assert article.outlet == "Kompas"


def test_boilerplate_lines_and_inline_noise_are_dropped() -> None:
    text = "\n".join(
        [
            "Paragraf pertama tentang pemilu.",
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Baca juga: Judul Berita Lain Yang Tidak Relevan",
            "BACA JUGAPengamat: Pemilih Muda Masih Moody",
            "Paragraf kedua. Simak Video 'Sesuatu': [Gambas:Video 20detik]",
            "# Gibran# Cawapres Gibran# Pemilu 2024",
            "Editor: Seseorang",
        ]
    )
    body = clean(RawArticle(source="x", text=text)).body
    assert body == "Paragraf pertama tentang pemilu.\n\nParagraf kedua."


def test_glued_read_also_headline_is_cut_but_sentence_kept() -> None:
    text = "Kalimat awal. Baca Juga: Erick Thohir Tanggapi Program Makan Siang Menanggapi hal itu, ia diam."
    body = clean(RawArticle(source="x", text=text)).body
    assert "Erick" not in body
    assert body.endswith("Menanggapi hal itu, ia diam.")


def test_antara_footer_glued_to_last_sentence_is_cut() -> None:
    text = (
        "Jakarta (ANTARA) - Isi berita yang cukup panjang."
        "Pewarta: Nama OrangEditor: Lain  COPYRIGHT © ANTARA 2023"
    )
    article = clean(RawArticle(source="x", text=text))
    assert article.body == "Isi berita yang cukup panjang."


def test_end_marker_cuts_trailing_related_headlines() -> None:
    text = "Isi berita.\nKalimat terakhir. (whn/whn)\nJudul lain satu\nJudul lain dua"
    assert clean(RawArticle(source="x", text=text)).body == "Isi berita.\n\nKalimat terakhir."


def test_invisible_characters_and_nbsp_are_normalised() -> None:
    text = "Kata\u200b pertama\u00a0dan kedua.\r\n\r\nParagraf\u00a0baru."
    assert clean(RawArticle(source="x", text=text)).body == "Kata pertama dan kedua.\n\nParagraf baru."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ungkapnya, Jumat 23 Februari 2024.", "2024-02-23"),
        ("kata dia, Senin (19/2/2024).", "2024-02-19"),
        ("ujarnya, Rabu (14/2/2024) malam.", "2024-02-14"),
        ("kata dia, Jum'at, 5 Agt 2023.", "2023-08-05"),
        ("ujarnya, Sabtu (4 Nopember 2023).", "2023-11-04"),
        ("kata dia, Selasa (22/2).", None),  # no year: not guessed
        ("Pemilu digelar pada 14 Februari 2024.", None),  # an event date, not a reporting date
        ("kata dia, Senin (31/2/2024).", None),  # impossible date
        # the report's own date: a dateline, the attribution of a statement, the lead's place
        ("Jakarta, Senin (19/2/2024) - KPU memulai rekapitulasi.", "2024-02-19"),
        ("kata Ketua KPU Hasyim Asy'ari di Jakarta, Senin (19/2/2024).", "2024-02-19"),
        ("KPU menggelar rapat pleno di Gedung KPU, Jakarta, Senin (19/2/2024).", "2024-02-19"),
        ("Rupiah melemah pada perdagangan hari ini, Selasa (29/1/2019).", "2019-01-29"),
        # never a birth date, an anniversary, a span or a date inside what was said
        ("Egy mengungkapkan bahwa Kepala BNPB periode 2019-2021 itu lahir pada 10 Mei 1963.", None),
        ("Ia lahir di Solo, Senin (10/5/1963).", None),
        ("kata dia saat peringatan HUT ke-78 RI, Kamis (17/8/2023).", None),
        ("kata Bagja bahwa pemungutan suara ulang digelar Sabtu (24/2/2024).", None),
        ("Jalan itu ditutup sejak Sabtu (17/3/2018).", None),
        ("Rapat pleno dimulai pada Senin (19/2/2024).", None),  # an event: no reporting verb
    ],
)
def test_reporting_dates(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_an_obituary_is_dated_by_its_report_not_the_birth_date() -> None:
    text = (
        "Egy mengungkapkan bahwa Kepala BNPB periode 2019-2021 itu lahir pada 10 Mei 1963. "
        "Ia turut menyampaikan duka. \"Beliau orang baik,\" kata Egy di Jakarta, Minggu (3/12/2023)."
    )
    assert find_date(text) == "2023-12-03"
    assert clean(RawArticle(source="x", text=text)).published == "2023-12-03"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-19", "2024-02-19"),
        ("2024-02-19T10:00:00+07:00", "2024-02-19"),
        (" 11 Jan 2024 20:22 ", "2024-01-11"),
        ("19/2/2024", "2024-02-19"),
        ("kemarin", None),
        (None, None),
        (1708300000, None),
    ],
)
def test_record_dates(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("Satu  dua\n\nTiga") == content_hash("satu dua tiga")
    assert content_hash("satu dua") != content_hash("satu tiga")


@pytest.mark.parametrize(
    "text", ["Jakarta (ANTARA) - Ketua KPU, 12/3!", "".join(map(chr, range(128))), "Ibu Négara ² Ünal ﬁ", ""]
)
def test_the_letters_compared_for_a_copied_highlight_are_every_letter_and_digit(text: str) -> None:
    from reader.ingest.dateline import _letters

    assert _letters(text) == "".join(char for char in text.casefold() if char.isalnum())


def test_paragraphs_joined_by_commas_are_split_again() -> None:
    # a list of paragraphs written out as one CSV field: `….,Next paragraph`
    raw = RawArticle(
        source="joined",
        text=(
            "Polisi mengamankan dua orang di Tanjungpinang, Kepulauan Riau.,Penangkapan itu hasil"
            ' pengembangan kasus.,"Keduanya diduga pemasok," kata Zulmi, Selasa (10/9/2019).,Ia'
            " menjelaskan awal kasusnya. Gelar Budi Santoso, S.H.,M.H. tetap utuh."
        ),
    )
    paragraphs = clean(raw).body.split("\n\n")
    assert paragraphs == [
        "Polisi mengamankan dua orang di Tanjungpinang, Kepulauan Riau.",
        "Penangkapan itu hasil pengembangan kasus.",
        '"Keduanya diduga pemasok," kata Zulmi, Selasa (10/9/2019).',
        "Ia menjelaskan awal kasusnya. Gelar Budi Santoso, S.H.,M.H. tetap utuh.",
    ]


def test_paragraphs_joined_by_two_commas_or_a_comma_and_a_space_are_split_again() -> None:
    # The same scrape written `.,,Next` or `., Next`; a closing quote, a comma and a space
    # before a capital (`"…", Anies menambahkan`) is one sentence and stays together.
    raw = RawArticle(
        source="joined-spaced",
        text=(
            "Zulfadhli menyebut ada capim yang diduga melemahkan KPK., Ada pula capim yang "
            'melanggar kode etik.,,"Ada poin yang penting," kata Zulfadhli.,,Untuk itu DPR '
            'diminta teliti. "Kami siap", Anies menambahkan.,"Apakah dapat disetujui menjadi UU?," '
            "tanya Fahri."
        ),
    )
    paragraphs = clean(raw).body.split("\n\n")
    assert paragraphs == [
        "Zulfadhli menyebut ada capim yang diduga melemahkan KPK.",
        "Ada pula capim yang melanggar kode etik.",
        '"Ada poin yang penting," kata Zulfadhli.',
        'Untuk itu DPR diminta teliti. "Kami siap", Anies menambahkan.',
        '"Apakah dapat disetujui menjadi UU?," tanya Fahri.',
    ]
    [reported] = [q for q in extract_article(clean(raw).body).quotes if q.kind == "indirect"]
    assert reported.text == "ada capim yang diduga melemahkan KPK"


def test_direction_marks_are_removed_so_a_cue_after_them_is_read() -> None:
    raw = RawArticle(source="lrm", text='"Hari ini diserahkan ke pimpinan DPR," \u200ekata Desmond J Mahesa.')
    article = clean(raw)
    assert "\u200e" not in article.body
    [quote] = extract_article(article.body).quotes
    assert quote.speaker == "Desmond J Mahesa"
