"""Direct quotes and their speakers: quote-mark styles, cues before and after, pronouns."""

from __future__ import annotations

import json

import pytest

from reader.extract import extract_article
from reader.ingest.clean import clean
from reader.models import Quote, RawArticle
from tests.conftest import SEEDS, SHARED


def direct(body: str) -> list[Quote]:
    return [q for q in extract_article(body).quotes if q.kind == "direct"]


def test_curly_quote_with_cue_after_and_name() -> None:
    body = "Anies hadir di Jakarta.\n“Kita ingin pemilu yang jujur,” kata Anies Baswedan di Jakarta."
    [quote] = direct(body)
    assert quote.text == "Kita ingin pemilu yang jujur,"
    assert body[quote.start : quote.end] == quote.text
    assert (quote.speaker, quote.cue) == ("Anies Baswedan", "kata")


def test_kompas_closing_mark_used_to_open() -> None:
    body = "Presiden Joko Widodo memimpin rapat. ”Semuanya harus jalan minggu ini,” kata Presiden."
    [quote] = direct(body)
    assert quote.text == "Semuanya harus jalan minggu ini,"
    assert quote.speaker == "Joko Widodo"  # the bare title goes to the person who holds it


def test_straight_marks_and_mixed_curly_open_straight_close() -> None:
    body = (
        'Ketua KPU Jabar, Ummi Wahyuni menjelaskan jadwal.\n"Kita siap," ujar Ummi.\n'
        '“Logistik sudah sampai," tambahnya.'
    )
    quotes = direct(body)
    assert [q.text for q in quotes] == ["Kita siap,", "Logistik sudah sampai,"]
    assert {q.speaker for q in quotes} == {"Ummi Wahyuni"}
    assert quotes[0].role == "Ketua KPU Jabar"


def test_role_prefix_is_split_from_the_name() -> None:
    body = (
        "Komisioner Bawaslu Kaltim Daini Rahmat mengatakan akan meneruskan aspirasi itu.\n"
        "“Kami akan bertindak tegas,” jelasnya."
    )
    [quote] = direct(body)
    assert quote.speaker == "Daini Rahmat"
    assert quote.role == "Komisioner Bawaslu Kaltim"
    assert quote.cue == "jelasnya"


def test_cue_before_the_quote() -> None:
    body = 'Ketua Umum Pro08, Petrus Basamima mengatakan, "Kami mendukung Prabowo."'
    [quote] = direct(body)
    assert (quote.speaker, quote.cue) == ("Petrus Basamima", "mengatakan")


def test_pronouns_and_short_names_resolve_to_the_full_name() -> None:
    body = (
        "Wakil Ketua Umum NasDem Ahmad Ali menilai klaim itu tidak penting.\n"
        '"Kita tidak masalah," kata Ali kepada wartawan.\n'
        '"Koalisi ini untuk Indonesia," ujar dia.\n'
        '"Kami yakin menang," imbuhnya.'
    )
    assert [q.speaker for q in direct(body)] == ["Ahmad Ali"] * 3


def test_catalogue_short_name_maps_to_canonical() -> None:
    [quote] = direct('"Ya tentu saling ngobrol terus ya," jelas Anies.')
    assert quote.speaker == "Anies Baswedan"


def test_bare_quote_paragraph_continues_the_last_speaker() -> None:
    body = (
        "Komisioner Bawaslu Kaltim Daini Rahmat mengatakan hal itu.\n"
        "“Berapa keadaan yang melanggar norma, kami akan lakukan tindakan secara tegas.”\n"
    )
    [quote] = direct(body)
    assert quote.speaker == "Daini Rahmat" and quote.cue is None


def test_quote_over_several_paragraphs() -> None:
    body = (
        "Ganjar Pranowo berbicara di Semarang.\n"
        "“Paragraf pertama dari kutipan panjang ini.\n"
        "“Paragraf kedua dari kutipan yang sama,” kata Ganjar."
    )
    quotes = direct(body)
    assert [q.text for q in quotes] == [
        "Paragraf pertama dari kutipan panjang ini.",
        "Paragraf kedua dari kutipan yang sama,",
    ]
    assert {q.speaker for q in quotes} == {"Ganjar Pranowo"}


def test_nested_quotes_and_editorial_brackets_stay_inside() -> None:
    body = "“(Menuntut pemilihan ulang karena) ada ‘kecurangan’ di sana,” ujar Anas Isfidi."
    [quote] = direct(body)
    assert quote.text == "(Menuntut pemilihan ulang karena) ada ‘kecurangan’ di sana,"


def test_titles_in_quotes_are_not_speech() -> None:
    body = 'Hary hadir di acara "Cek Kesehatan Gratis", di Surabaya, Sabtu.'
    assert direct(body) == []


def test_organisation_as_speaker() -> None:
    [quote] = direct('"Laporan itu kami proses," kata Bawaslu dalam keterangannya.')
    assert quote.speaker == "Bawaslu"


def test_epithet_resolves_to_the_last_speaker() -> None:
    body = (
        "Cawapres yang akrab disapa Cak Imin meresponsnya dengan menyatakan hal sebaliknya.\n"
        '"Pak Prabowo juga menyerang," ujar pria yang juga Ketum PKB itu.'
    )
    [quote] = direct(body)
    assert quote.speaker == "Muhaimin Iskandar"


def test_indirect_speech_is_a_second_kind() -> None:
    body = "Calon presiden Ganjar Pranowo mengatakan bahwa sumber daya di NTT melimpah sekali."
    [quote] = extract_article(body).quotes
    assert quote.kind == "indirect" and quote.speaker == "Ganjar Pranowo"
    assert body[quote.start : quote.end] == quote.text == "sumber daya di NTT melimpah sekali"


def _seed_body(name: str) -> str:
    raw = RawArticle(source=name, text=(SEEDS / name).read_text("utf-8"), origin=name)
    return clean(raw, detect_header=True).body


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_articles_match_their_gold_quotes(seed: str) -> None:
    gold_file = SHARED / "gold" / "seeds.jsonl"
    if not gold_file.exists():
        pytest.skip("../shared/gold is not available")
    gold = {}
    for line in gold_file.read_text("utf-8").splitlines():
        row = json.loads(line)
        gold[row["source"]] = row["quotes"]
    found = direct(_seed_body(seed))
    expected = gold[seed.removesuffix(".txt")]
    assert [q.text for q in found] == [g["text"] for g in expected]
    assert [q.speaker for q in found] == [g["speaker"] for g in expected]
    assert [q.cue for q in found] == [g["cue"] for g in expected]


def test_seed_speakers_without_the_gold_files() -> None:
    found = direct(_seed_body("000_3fa82f2a195c39de.txt"))
    assert [q.speaker for q in found] == ["Anas Isfidi"] * 2 + ["Daini Rahmat"] * 3
    assert found[0].role == "Pembina Kompak Kaltim"


def test_a_short_speaker_name_takes_the_full_name_from_the_lead() -> None:
    from reader.extract import extract_article

    body = (
        "Ketua Dewan Pakar Partai Contoh, Budi Santoso Wiryawan optimistis partainya lolos.\n\n"
        '"Kami sudah bekerja keras di semua daerah," kata Wiryawan kepada wartawan.'
    )
    extraction = extract_article(body)
    assert [q.speaker for q in extraction.quotes if q.kind == "direct"] == ["Budi Santoso Wiryawan"]
    names = [m.actor for m in extraction.mentions]
    assert "Budi Santoso Wiryawan" in names and "Wiryawan" not in names


def test_a_short_name_that_fits_two_people_is_left_alone() -> None:
    from reader.extract import extract_article

    body = (
        "Rapat dihadiri Andi Pratama Wiryawan dan Sari Lestari Wiryawan di balai desa.\n\n"
        '"Kami sepakat menunda rapat," kata Wiryawan.'
    )
    speakers = [q.speaker for q in extract_article(body).quotes if q.kind == "direct"]
    assert speakers == ["Wiryawan"]
