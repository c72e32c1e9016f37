"""Names in free text: initials however dotted, and two names typed apart meaning two people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlite_utils import Database

from reader.extract.resolve import NameIndex, identities, name_words, resolve
from reader.models import RawArticle
from reader.search import SearchRequest, search

ARTICLES = {
    "mahfud": "Menko Polhukam Mahfud MD mengatakan pemilu harus jujur. Mahfud MD meminta aparat netral.",
    "denny": "Peneliti Denny JA menyebut elektabilitas calon naik. Menurut Denny JA, survei itu sahih.",
    "pair": "Pasangan Prabowo-Gibran dituding curang oleh relawan di Bekasi.",
    "both": (
        "Prabowo Subianto berkampanye di Bandung pada pagi hari. Di tempat lain, Gibran Rakabuming "
        "Raka menjawab tudingan curang dari lawan politiknya."
    ),
    "prabowo": "Prabowo Subianto menemui petani di Jawa Tengah dan membahas harga pupuk.",
}


@pytest.fixture(scope="module")
def names_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    db = open_db(tmp_path_factory.mktemp("names") / "names.db")
    records = [
        RawArticle(source=key, text=text, title=None, outlet="kompas.com", published="2024-02-01")
        for key, text in ARTICLES.items()
    ]
    import_records(db, records)
    yield db
    db.close()


def found(db: Database, query: str) -> set[str]:
    result = search(db, SearchRequest(query=query, limit=100))
    assert result.error is None, result.error
    return {hit.source for hit in result.hits}


def test_initials_are_one_name_word_however_they_are_written() -> None:
    assert name_words("Mahfud M.D.") == name_words("Mahfud M. D.") == ("mahfud", "md")
    assert name_words("mahfud md") == ("mahfud", "md")
    assert name_words("K.H. Ma'ruf Amin") == ("kh", "ma", "ruf", "amin")
    assert name_words("Susilo B. Yudhoyono") == ("susilo", "b", "yudhoyono")  # a lone initial stays
    index: NameIndex[str] = NameIndex()
    index.add("Denny JA", "Denny JA")
    assert identities(resolve("Denny J.A.", index)) == ["Denny JA"]
    assert identities(resolve("Denny J. A.", index)) == ["Denny JA"]


@pytest.mark.parametrize("typed", ["Mahfud M.D.", "Mahfud M. D.", "mahfud m.d.", "Mahfudz MD", "Mahfud"])
def test_a_catalogue_name_with_dotted_initials_finds_the_actor(names_db: Database, typed: str) -> None:
    assert found(names_db, typed) == {"mahfud"}


@pytest.mark.parametrize("typed", ["Denny J.A.", "Denny J. A.", "Denny JA", 'actor:"Denny J.A."'])
def test_any_name_with_dotted_initials_finds_its_articles(names_db: Database, typed: str) -> None:
    assert found(names_db, typed) == {"denny"}


def test_two_names_typed_apart_each_must_match(names_db: Database) -> None:
    assert found(names_db, "prabowo gibran curang") == {"pair", "both"}
    both = {"pair", "both"}
    assert found(names_db, "prabowo gibran") == found(names_db, "actor:prabowo actor:gibran") == both
    result = search(names_db, SearchRequest(query="prabowo gibran"))
    assert [str(e) for e in result.expansions] == [
        "prabowo → actor Prabowo Subianto", "gibran → actor Gibran Rakabuming Raka",
    ]  # fmt: skip


def test_only_the_written_pair_means_the_pair(names_db: Database) -> None:
    assert found(names_db, "Prabowo-Gibran curang") == {"pair"}
    assert found(names_db, '"Prabowo Gibran" curang') == {"pair"}
