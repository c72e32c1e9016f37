"""Property-based tests of the file readers and the cleaner: any input, no exception, sane output."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robustkit import selected

from reader.ingest import boilerplate
from reader.ingest.clean import clean, content_hash
from reader.ingest.files import Skip
from reader.ingest.readers import read_file
from reader.ingest.records import FIELD_NAMES, MAX_ARTICLE_CHARS
from reader.models import RawArticle

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".csv")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TRIED = {"files": 0, "texts": 0}


def _check_items(path: Path) -> list[RawArticle | Skip]:
    items = []
    last = 0
    for item, done in read_file(path):
        assert isinstance(item, (RawArticle, Skip))
        assert isinstance(done, int) and done >= 0
        last = max(last, done)
        if isinstance(item, Skip):
            assert "\n" not in item.why and "\n" not in item.where.split(str(path), 1)[-1]
        else:
            assert item.text.strip() and len(item.text) <= MAX_ARTICLE_CHARS
            for value in (item.text, item.source, item.title, item.url, item.origin):
                if value is not None:
                    value.encode("utf-8")  # storable: no lone surrogates
        items.append(item)
    assert last <= max(path.stat().st_size, 1) * 4  # progress never runs past the file (UTF-16 re-encode)
    TRIED["files"] += 1
    return items


# -- bytes and text in every supported file type --------------------------------------------------


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_file_type(tmp_path_factory, data: bytes, suffix: str) -> None:  # noqa: ANN001
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    _check_items(path)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


@FAST
@given(text=st.text(max_size=2000), suffix=st.sampled_from(SUFFIXES), encoding=ENCODINGS)
def test_any_text_in_any_encoding(tmp_path_factory, text: str, suffix: str, encoding: str) -> None:  # noqa: ANN001
    path = tmp_path_factory.mktemp("text") / f"input{suffix}"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(text.encode(encoding, "replace"))
    _check_items(path)


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
ARTICLE_KEYS = st.sampled_from([name for names in FIELD_NAMES.values() for name in names] + ["TEXT", " Isi "])
RECORDS = st.dictionaries(ARTICLE_KEYS, JSON_SCALARS | st.text(min_size=1, max_size=300), max_size=6)


@FAST
@given(records=st.lists(RECORDS | JSON_VALUES, max_size=8), cut=st.integers(0, 40))
def test_json_and_jsonl_of_any_shape(tmp_path_factory, records: list, cut: int) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("json")
    whole = folder / "list.json"
    whole.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = _check_items(whole)
    assert len(items) >= 1
    lines = folder / "lines.jsonl"
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    lines.write_text(text[: max(0, len(text) - cut)], encoding="utf-8")  # maybe a truncated last line
    items = _check_items(lines)
    good = [i for i in items if isinstance(i, RawArticle)]
    assert len(good) <= len(records)
    single = folder / "one.json"
    single.write_text(json.dumps(records[0] if records else {}, ensure_ascii=False), encoding="utf-8")
    _check_items(single)


CELLS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=120)


@FAST
@given(
    header=st.lists(ARTICLE_KEYS | st.text(max_size=10), min_size=0, max_size=6),
    rows=st.lists(st.lists(CELLS, max_size=8), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    cut=st.integers(0, 30),
)
def test_csv_with_missing_and_extra_cells(tmp_path_factory, header, rows, delimiter, cut) -> None:  # noqa: ANN001
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)  # rows shorter and longer than the header, embedded newlines and quotes
    text = buffer.getvalue()
    path = tmp_path_factory.mktemp("csv") / "rows.csv"
    path.write_text(text[: max(0, len(text) - cut)], encoding="utf-8")
    items = _check_items(path)
    plain = all(not set(',;\t|"\r\n') & set(name) for name in header)
    if len(header) >= 2 and plain:  # otherwise the separator cannot be told from the header line
        assert len([i for i in items if isinstance(i, RawArticle)]) <= len(rows)


# -- the cleaner --------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "SURABAYA, detikNews -- ", "Baca juga: ",
        "Baca Juga: Prabowo Temui Relawan di Bandung", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT",
        "Editor: Rina", "Penulis: Budi", "Pewarta: Andi\nEditor: Sari", "(abc/def)", "(ant)", "(*)",
        "***", "Berita Terkait", "NUSANTARA4 hari ago", "[Gambas:Video CNN]", "Simak Video 'Debat'",
        "COPYRIGHT © 2024", "Halaman 2 Selanjutnya", "---", "#Pemilu# Gibran#",
        "“Kami menolak hasil itu,” kata Ketua Bawaslu Rahmat Bagja.", '"Kita tunggu," ujar Anies.',
        "Menurut Ganjar, ", "Petugas KPU menghitung ulang surat suara di gudang logistik. ",
        "Saksi partai meminta rekapitulasi ditunda sampai Senin! ", "Senin (19/2/2024)",
        "14 Februari 2024", "2024-02-14", "\u200b", "\u00ad", "\u00a0", "\r\n", "\n", "\n\n", "   ", "\t",
        "KPU", "pemilu", "kecurangan", "suara", ".", ",", "“", "”",
    ]
)  # fmt: skip
ARTICLE_TEXT = st.lists(FRAGMENTS | st.text(max_size=30), max_size=40).map("".join)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A sentence: at least four words of letters, ending in . ! or ? (a bare dateline is not one).
SENTENCE = re.compile(r"(?:[A-Za-z]{2,}[,;:]? +){3,}[A-Za-z]{2,}[.!?]")
ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _raw(text: str, **fields: str | None) -> RawArticle:
    return RawArticle(source="p", text=text, origin="prop.jsonl", **fields)


@settings(max_examples=150, deadline=None)
@given(
    text=ARTICLE_TEXT,
    title=st.none() | ARTICLE_TEXT,
    published=st.none() | st.sampled_from(["2024-02-14", "14/02/2024", "Rabu, 14 Feb 2024", "kemarin", ""]),
    header=st.booleans(),
)
def test_clean_never_fails_and_leaves_no_boilerplate(text: str, title, published, header: bool) -> None:  # noqa: ANN001
    article = clean(_raw(text, title=title, published=published), detect_header=header)
    TRIED["texts"] += 1
    assert isinstance(article.body, str)
    paragraphs = article.body.split("\n\n") if article.body else []
    for paragraph in paragraphs:
        assert paragraph == paragraph.strip() and paragraph
        assert "\n" not in paragraph
        assert not boilerplate.drop_line(paragraph), paragraph
    assert "\u200b" not in article.body and "\r" not in article.body
    for value in (article.title, article.section, article.outlet, article.url):
        assert value is None or (value.strip() == value and value and "\n" not in value)
    if article.published is not None:
        assert ISO_DATE.match(article.published)
        date.fromisoformat(article.published)


@settings(max_examples=150, deadline=None)
@given(text=ARTICLE_TEXT)
def test_cleaning_a_cleaned_body_keeps_its_sentences(text: str) -> None:
    once = clean(_raw(text)).body
    twice = clean(_raw(once)).body
    assert content_hash(once) == content_hash(once.translate(ASCII_UPPER).replace("\n\n", "  \n "))
    kept = set(SENTENCE.findall(twice))
    lost = [s for s in SENTENCE.findall(once) if s not in kept and s not in twice]
    assert not lost, (once, twice)


FILE_TESTS = (
    "test_any_bytes_in_any_file_type", "test_any_text_in_any_encoding",
    "test_json_and_jsonl_of_any_shape", "test_csv_with_missing_and_extra_cells",
)  # fmt: skip


def test_counts_are_reported(request: pytest.FixtureRequest) -> None:
    """The property tests above ran (at least half their examples each); it runs last."""
    print(f"property examples: {TRIED['files']} files read, {TRIED['texts']} texts cleaned")
    file_tests = sum(selected(request, name) for name in FILE_TESTS)
    assert TRIED["files"] >= FAST.max_examples // 2 * file_tests
    cleaning = selected(request, "test_clean_never_fails_and_leaves_no_boilerplate")
    assert TRIED["texts"] >= 150 // 2 * cleaning
