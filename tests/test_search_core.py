"""search(): Indonesian morphology, ranking, traps, the query language, filters, sorting, totals."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from reader.search import SearchRequest, SearchResult, search
from reader.store.review import set_reviewed
from tests.conftest import rank_all_up_to
from tests.search_stores import tag
from tests.test_search_corpus import ARTICLES, ids

SEED_004 = "004_eb156427ed740bc9"  # published 2024-02-19


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


def run(db: Database, query: str, **options: object) -> SearchResult:
    result = search(db, SearchRequest(query=query, **options))  # type: ignore[arg-type]
    assert result.error is None, result.error
    return result


def found(db: Database, query: str, **options: object) -> list[str]:
    """The sources of every match, in result order."""
    result = run(db, query, limit=100, **options)
    assert result.total == len(result.hits)
    return [hit.source for hit in result.hits]


# -- Indonesian morphology ------------------------------------------------------------------


def test_a_root_finds_every_affixed_form(sdb: Database) -> None:
    assert {"kecurangan", "dicurangi", "curang"} <= set(found(sdb, "curang"))


@pytest.mark.parametrize("form", ["kecurangan", "dicurangi", "mencurangi"])
def test_an_affixed_form_finds_the_root_and_its_siblings(sdb: Database, form: str) -> None:
    assert {"kecurangan", "dicurangi", "curang"} <= set(found(sdb, form))


def test_exact_forms_rank_above_stem_only_matches(sdb: Database) -> None:
    assert found(sdb, "curang")[0] == "curang"
    order = found(sdb, "kecurangan")
    exact = {"kecurangan", "004_eb156427ed740bc9", "000_3fa82f2a195c39de"}  # the seeds say kecurangan too
    assert set(order[: len(exact)]) == exact
    assert order.index("dicurangi") > max(order.index(s) for s in exact)
    assert found(sdb, "dicurangi")[0] == "dicurangi"


def test_a_title_hit_outranks_a_body_hit(sdb: Database) -> None:
    assert found(sdb, "gugatan") == ["gugatan_judul", "gugatan_isi"]


def test_stem_hits_are_explained(sdb: Database) -> None:
    result = run(sdb, "kecurangan")
    assert "kecurangan → stem curang" in [str(e) for e in result.expansions]


@pytest.mark.parametrize(
    ("query", "wanted", "trap"),
    [
        ("jagung", "jagung", "kejagung"),
        ("bekas", "bekas", "kecurangan"),  # Bekasi is not bekas
        ("rawan", "rawan", "kecurangan"),  # relawan is not rawan
    ],
)
def test_over_stemming_traps_give_no_false_hits(sdb: Database, query: str, wanted: str, trap: str) -> None:
    sources = found(sdb, query)
    assert wanted in sources
    assert trap not in sources


def test_trap_words_find_themselves(sdb: Database) -> None:
    assert found(sdb, "Kejagung") == ["kejagung"]
    assert found(sdb, "Bekasi") == ["kecurangan"]
    assert found(sdb, "relawan") == ["kecurangan"] or "kecurangan" in found(sdb, "relawan")
    assert found(sdb, "milu") == []
    assert "jagung" not in found(sdb, "Kejagung")


# -- the query language ---------------------------------------------------------------------


def test_every_word_must_match(sdb: Database) -> None:
    assert found(sdb, "harga jagung") == ["jagung"]
    assert found(sdb, "harga kejagung") == []


def test_a_quoted_phrase_matches_only_adjacent_words(sdb: Database) -> None:
    assert set(found(sdb, "politik uang")) == {"politik_uang", "uang_politik"}
    assert found(sdb, '"politik uang"') == ["politik_uang"]


def test_a_quoted_word_is_exact(sdb: Database) -> None:
    assert "dicurangi" not in found(sdb, '"kecurangan"')
    assert "kecurangan" in found(sdb, '"kecurangan"')


def test_or_between_terms(sdb: Database) -> None:
    assert set(found(sdb, "jagung OR Kejagung")) == {"jagung", "kejagung"}
    assert found(sdb, "jagung or Kejagung") == []  # lower-case "or" is a word


def test_minus_excludes(sdb: Database) -> None:
    with_bekasi = set(found(sdb, "curang"))
    assert "kecurangan" in with_bekasi
    assert set(found(sdb, "curang -Bekasi")) == with_bekasi - {"kecurangan"}
    assert set(found(sdb, 'curang -"media sosial"')) == with_bekasi - {"curang"}


def test_exclusion_alone_lists_everything_else(sdb: Database) -> None:
    everything = set(ids(sdb))
    assert set(found(sdb, "-jagung")) == everything - {"jagung"}


def test_prefix(sdb: Database) -> None:
    result = run(sdb, "rekap*")
    assert {h.source for h in result.hits} == {"dicurangi", "000_3fa82f2a195c39de"}
    assert [e.kind for e in result.expansions] == ["prefix"]
    assert "rekapitulasi" in result.expansions[0].target


def test_hyphenated_words_are_a_phrase(sdb: Database) -> None:
    assert found(sdb, "Prabowo-Giban") == ["004_eb156427ed740bc9"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet:detik", {"dicurangi", "bekas", "gibran"}),
        ("outlet:TEMPO.CO", {"curang", "politik_uang", "uang_politik", "gugatan_judul", "gugatan_isi"}),
        ("from:2024-02-12 to:2024-02-20", {"kecurangan", "dicurangi", "politik_uang", SEED_004}),
        ("from:2024-03", {"curang", "gugatan_judul", "gugatan_isi"}),
        ("to:2024-01-12", {"kejagung", "jagung"}),
        ("curang outlet:kompas.com", {"kecurangan"}),
    ],
)
def test_filters(sdb: Database, query: str, expected: set[str]) -> None:
    assert set(found(sdb, query)) == expected


def test_reviewed_and_tag_filters_from_the_query_and_the_request(search_store_copy: Database) -> None:
    sdb = search_store_copy  # it writes: a private copy
    book = ids(sdb)
    set_reviewed(sdb, book["kecurangan"], True)
    set_reviewed(sdb, book["curang"], True)
    tag(sdb, book["curang"], "sengketa")
    tag(sdb, book["dicurangi"], "sengketa")
    assert set(found(sdb, "curang reviewed:yes")) == {"kecurangan", "curang"}
    assert "kecurangan" not in found(sdb, "curang reviewed:no")
    assert set(found(sdb, "tag:sengketa")) == {"curang", "dicurangi"}
    assert set(found(sdb, "tag:SENGKETA reviewed:yes")) == {"curang"}
    assert set(found(sdb, "", tag="sengketa", reviewed=False)) == {"dicurangi"}
    result = run(sdb, "curang")
    assert (result.total, result.reviewed_total) == (len(result.hits), 2)
    hit = next(h for h in result.hits if h.source == "curang")
    assert hit.reviewed and hit.tags == ("sengketa",)


def test_speaker_filter(sdb: Database) -> None:
    speakers = {
        row[0]
        for row in sdb.execute("SELECT a.source FROM quote q JOIN article a ON a.id = q.article_id "
                               "WHERE q.speaker LIKE '%Anies%'")
    }  # fmt: skip
    assert speakers, "the seeds quote Anies"
    assert set(found(sdb, "speaker:Anies")) == speakers
    assert set(found(sdb, "speaker:anies kecurangan")) <= speakers


def test_bad_filter_values_are_explained_not_raised(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="curang from:kemarin reviewed:mungkin"))
    assert result.error and "from:" in result.error and "reviewed:" in result.error
    assert result.total > 0  # the rest of the query still ran


# -- listing, sorting, paging, totals -------------------------------------------------------


def test_empty_query_lists_everything_newest_first(sdb: Database) -> None:
    result = run(sdb, "", limit=100)
    assert result.total == len(ids(sdb))
    dates = [h.published for h in result.hits]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_date(sdb: Database) -> None:
    result = run(sdb, "curang", sort="date")
    dates = [h.published for h in result.hits]
    assert dates == sorted(dates, reverse=True)
    assert result.hits[0].source == "curang"  # 2024-03-01, the newest with curang


@pytest.mark.parametrize("query", ["", "curang", "actor:prabowo"])
def test_sort_oldest_is_newest_reversed(sdb: Database, query: str) -> None:
    oldest = run(sdb, query, sort="oldest", limit=100)
    newest = run(sdb, query, sort="newest", limit=100)
    dated = [h.published for h in oldest.hits if h.published]
    assert dated and dated == sorted(dated)
    assert oldest.total == newest.total and oldest.error is None
    by_date = run(sdb, query, sort="date", limit=100)
    assert [h.published for h in newest.hits] == [h.published for h in by_date.hits]
    assert {h.article_id for h in oldest.hits} == {h.article_id for h in newest.hits}


def test_paging_keeps_the_total(sdb: Database) -> None:
    first = run(sdb, "", limit=5)
    second = run(sdb, "", limit=5, offset=5)
    assert first.total == second.total == len(ids(sdb))
    assert len(first.hits) == len(second.hits) == 5
    assert not {h.article_id for h in first.hits} & {h.article_id for h in second.hits}
    assert run(sdb, "", limit=0).hits == ()


def test_a_hit_carries_the_article_metadata(sdb: Database) -> None:
    hit = run(sdb, "jagung").hits[0]
    title, _, outlet, published = ARTICLES["jagung"]
    assert (hit.title, hit.outlet, hit.published) == (title, outlet, published)
    assert hit.score > 0 and not hit.reviewed and hit.tags == ()


# -- snippets -------------------------------------------------------------------------------


def test_snippet_spans_mark_exact_and_stem_hits(sdb: Database) -> None:
    hit = next(h for h in run(sdb, "curang").hits if h.source == "dicurangi")
    marked = [hit.snippet[s:e] for s, e in hit.snippet_spans]
    assert marked == ["dicurangi", "mencurangi"]
    assert "\n" not in hit.snippet


def test_snippet_of_a_long_article_is_short_and_centred_on_a_hit(sdb: Database) -> None:
    hit = next(h for h in run(sdb, "Sirekap").hits)
    assert len(hit.snippet) <= 230
    assert [hit.snippet[s:e].lower() for s, e in hit.snippet_spans][0] == "sirekap"


def test_the_ranking_window_keeps_totals_and_pages_whole(
    search_store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import service

    sdb = search_store  # on both stores: each finds the window's lowest id its own way
    everything = found(sdb, "curang")
    monkeypatch.setattr(service, "RANK_WINDOW", 2)
    rank_all_up_to(monkeypatch, 2)  # and the window is used past it
    pages = [run(sdb, "curang", limit=2, offset=offset) for offset in range(0, len(everything), 2)]
    assert {p.total for p in pages} == {len(everything)}
    paged = [h.source for p in pages for h in p.hits]
    assert sorted(paged) == sorted(everything) and len(set(paged)) == len(paged)
    assert run(sdb, "curang", limit=50).total == len(everything)


def test_a_one_letter_prefix_is_refused_politely(sdb: Database) -> None:
    result = search(sdb, SearchRequest(query="k*"))
    assert result.error and "at least 2 letters" in result.error


def test_date_order_of_a_large_match_walks_the_date_index(
    sdb: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import service

    expected = [h.article_id for h in run(sdb, "curang -Bekasi to:2024-02-28", sort="date").hits]
    monkeypatch.setattr(service, "RANK_WINDOW", 1)
    rank_all_up_to(monkeypatch, 1)
    again = [h.article_id for h in run(sdb, "curang -Bekasi to:2024-02-28", sort="date").hits]
    assert again == expected and len(expected) > 1
    paged = [h.article_id for h in run(sdb, "curang", sort="date", limit=2, offset=1).hits]
    assert paged == [h.article_id for h in run(sdb, "curang", sort="date").hits][1:3]


@pytest.mark.parametrize("query", ["curang", "", "curang outlet:kompas.com", "curang reviewed:yes"])
def test_the_reviewed_count_can_be_left_to_a_second_query(search_store_copy: Database, query: str) -> None:
    sdb = search_store_copy  # it writes: a private copy
    from reader.search.select import count_matching

    set_reviewed(sdb, ids(sdb)["kecurangan"], True)
    full = run(sdb, query)
    quick = run(sdb, query, count_reviewed=False)
    assert quick.total == full.total
    assert [h.article_id for h in quick.hits] == [h.article_id for h in full.hits]
    # reviewed:yes decides the count by itself and the whole collection's is cheap; else it is left out
    decided = query.endswith("reviewed:yes") or query == ""
    assert quick.reviewed_total == (full.reviewed_total if decided else None)
    counts = count_matching(sdb, SearchRequest(query=query))
    assert (counts.total, counts.reviewed) == (full.total, full.reviewed_total)
    if query in ("curang", ""):
        assert full.reviewed_total == 1
