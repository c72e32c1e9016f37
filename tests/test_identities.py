"""One person, one identity: variants fold at import, `reader speakers` lists them, merge and
split are stored and kept by later imports, and `reader actors` agrees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.ingest.pipeline import import_records
from reader.models import RawArticle
from reader.store.connect import open_db
from tests.conftest import location_of

SAID = {
    "muzani-1": ('Sekretaris Jenderal Partai Gerindra Ahmad Muzani optimistis. "Kami siap menang di '
                 'semua daerah," kata Ahmad Muzani di Jakarta, Senin.'),
    "muzani-2": '"Semua kader bekerja keras sampai hari pemungutan suara," kata Muzani di Jakarta.',
    "arsjad": '"Kampanye kami fokus pada lapangan kerja," kata Arsjad Rasjid di Jakarta, Senin.',
    "arshad": '"Pertumbuhan ekonomi harus dijaga bersama," kata Arshad di Jakarta, Rabu.',
    "awiek": '"Revisi undang-undang dibahas pekan depan," kata Awiek di Gedung DPR, Kamis.',
    "budi-s": '"Kami ingin pemilu yang jujur dan adil," kata Budi Santoso di Bandung, Jumat.',
    "budi-h": '"Harga beras terus naik sejak bulan lalu," kata Budi Hartono di Surabaya, Sabtu.',
    "budi": '"Kami akan mengawal suara sampai selesai," kata Budi di Medan, Minggu.',
    "lolly-1": '"Pengawasan diperketat di semua tempat," kata Lolly Suhenty di Jakarta, Senin.',
    "lolly-2": '"Laporan masyarakat akan kami tindak lanjuti," kata Lolly Suhentty di Jakarta.',
    "gibran": '"Kami siap mengikuti debat dengan gembira," kata Gibran Rakabuming Raka di Solo.',
    "anies": '"Kita harus adu gagasan, bukan adu caci," kata Anies di Jakarta, Rabu.',
}


def articles(*keys: str) -> list[RawArticle]:
    return [RawArticle(source=key, text=SAID[key], title=key, origin="test.jsonl") for key in keys]


@pytest.fixture
def idb(store: Database) -> Database:
    """The speakers above, on each store in turn."""
    import_records(store, articles(*SAID))
    return store


@pytest.fixture
def sqlite_idb(db: Database) -> Database:
    """The speakers above on SQLite (for what needs search, not yet on PostgreSQL)."""
    import_records(db, articles(*SAID))
    return db


def run(db: Database, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", location_of(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def identity_of(db: Database, speaker: str) -> str:
    row = db.execute(
        "SELECT a.name FROM speaker s JOIN actor a ON a.id = s.actor_id WHERE s.name = ?", [speaker]
    ).fetchone()
    return row[0]


def speakers(db: Database) -> dict[str, dict]:
    code, out, _ = run(db, "speakers", "--json")
    assert code == 0
    return {person["name"]: person for person in json.loads(out)}


def test_variants_fold_into_one_identity_and_ambiguous_names_stay_apart(idb: Database) -> None:
    assert identity_of(idb, "Muzani") == "Ahmad Muzani"  # a short form
    assert identity_of(idb, "Arshad") == "Arsjad Rasjid"  # a misspelling of a catalogue name
    assert identity_of(idb, "Achmad Baidowi") == "Achmad Baidowi"  # `Awiek`, by the catalogue
    assert identity_of(idb, "Lolly Suhentty") == "Lolly Suhenty"  # a misspelt full name
    assert identity_of(idb, "Budi") == "Budi"  # two Budis: the short name is not guessed
    # The folded names are not actors of their own any more.
    actors = {row[0] for row in idb.execute("SELECT name FROM actor")}
    assert not {"Muzani", "Arshad", "Lolly Suhentty"} & actors


def test_speakers_lists_people_with_counts_and_variants(idb: Database) -> None:
    people = speakers(idb)
    assert people["Ahmad Muzani"]["quotes"] == 2
    assert people["Ahmad Muzani"]["variants"] == [{"name": "Muzani", "quotes": 1, "decided": False}]
    assert [v["name"] for v in people["Arsjad Rasjid"]["variants"]] == ["Arshad"]
    assert people["Budi"]["quotes"] == 1 and people["Budi Santoso"]["quotes"] == 1
    code, text, _ = run(idb, "speakers")
    line = next(row for row in text.splitlines() if row.startswith("Ahmad Muzani"))
    assert line.split()[-2:] == ["Muzani", "(1)"] and " 2 " in line


def test_actors_and_speakers_agree(idb: Database) -> None:
    _, out, _ = run(idb, "actors", "--json")
    quoted = {a["name"]: a["quotes"] for a in json.loads(out) if a["quotes"]}
    assert quoted == {name: person["quotes"] for name, person in speakers(idb).items()}


def test_a_short_name_seen_first_joins_the_full_name_seen_later(store: Database) -> None:
    db = store
    import_records(db, articles("muzani-2"))
    assert identity_of(db, "Muzani") == "Muzani"
    import_records(db, articles("muzani-1"))
    assert identity_of(db, "Muzani") == "Ahmad Muzani"
    assert db.execute("SELECT count(*) FROM actor WHERE name = 'Muzani'").fetchone()[0] == 0
    assert speakers(db)["Ahmad Muzani"]["quotes"] == 2


SPEAKERS_TYPED = [
    "Muzani", "ahmad muzani", "Ahmad Muzanni", "Arshad", "Arsjad", "Awiek", "Achmad Baidowi", "Budi",
    "Budi Santoso", "Lolly", "Lolly Suhentty", "Anis Baswedan", "anies", "Giban", "Gibran", "Bu", "Zzyzx",
]


@pytest.mark.parametrize("typed", SPEAKERS_TYPED)
def test_quotes_by_speaker_and_the_speaker_filter_agree(sqlite_idb: Database, typed: str) -> None:
    idb = sqlite_idb
    _, out, _ = run(idb, "quotes", "--speaker", typed, "--json")
    by_quotes = {q["source"] for q in json.loads(out)}
    _, out, _ = run(idb, "search", "--json", "--limit", "100", f'speaker:"{typed}"')
    by_search = {hit["source"] for hit in json.loads(out)["hits"]}
    assert by_quotes == by_search
    if typed not in ("Bu", "Zzyzx"):
        assert by_quotes


def test_speaker_expansions_say_why_it_matched(sqlite_idb: Database) -> None:
    idb = sqlite_idb
    def expansions(query: str) -> list[str]:
        _, out, _ = run(idb, "search", "--json", query)
        return [e["text"] for e in json.loads(out)["expansions"]]

    assert "Giban → speaker Gibran Rakabuming Raka" in expansions("speaker:Giban")
    assert "Anis Baswedan → speaker Anies Baswedan" in expansions('speaker:"Anis Baswedan"')
    assert "Muzani → speaker Ahmad Muzani" in expansions("speaker:Muzani")
    assert "Budi → speaker Budi, Budi Hartono, Budi Santoso" in expansions("speaker:Budi")
    assert expansions('speaker:"Ahmad Muzani"') == []


def test_merge_is_stored_and_applied_to_later_imports(sqlite_idb: Database) -> None:
    idb = sqlite_idb  # quotes --speaker searches: not yet on PostgreSQL
    code, out, _ = run(idb, "speakers", "merge", "Budi Santoso", "Budi")
    assert code == 0 and out.strip() == "merged Budi into Budi Santoso"
    assert identity_of(idb, "Budi") == "Budi Santoso"
    assert "Budi" not in speakers(idb)
    import_records(idb, [RawArticle(source="budi-later", origin="t", text=(
        '"Kami tetap di lapangan sampai penghitungan selesai," kata Budi di Medan, Senin.'))])
    person = speakers(idb)["Budi Santoso"]
    assert person["quotes"] == 3 and person["variants"][0]["decided"]
    _, out, _ = run(idb, "quotes", "--speaker", "Budi Santoso", "--json")
    assert {q["source"] for q in json.loads(out)} == {"budi-s", "budi", "budi-later"}
    mentioned = idb.execute(
        "SELECT a.name FROM mention m JOIN actor a ON a.id = m.actor_id JOIN article r "
        "ON r.id = m.article_id WHERE r.source = 'budi-later'"
    ).fetchall()
    assert ("Budi",) not in mentioned


def test_split_is_stored_and_applied_to_later_imports(sqlite_idb: Database) -> None:
    idb = sqlite_idb  # quotes --speaker searches: not yet on PostgreSQL
    code, out, _ = run(idb, "speakers", "split", "Arsjad Rasjid", "arshad")
    assert code == 0 and out.strip() == "split Arshad off Arsjad Rasjid"
    import_records(idb, [RawArticle(source="arshad-later", origin="t", text=(
        '"Investasi harus masuk ke daerah," kata Arshad di Jakarta, Selasa.'))])
    people = speakers(idb)
    assert people["Arshad"]["quotes"] == 2 and people["Arsjad Rasjid"]["variants"] == []
    _, out, _ = run(idb, "quotes", "--speaker", "Arshad", "--json")
    assert {q["source"] for q in json.loads(out)} == {"arshad", "arshad-later"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("merge", "Zzyzx Qwerty", "Budi"), "no speaker or actor named 'Zzyzx Qwerty'"),
        (("merge", "Muzani", "Ahmad Muzani"), "'Muzani' and 'Ahmad Muzani' are already one identity"),
        (("split", "Ahmad Muzani", "Ahmad Muzani"), "'Ahmad Muzani' is Ahmad Muzani's own name"),
        (("split", "Ahmad Muzani", "Arshad"), "'Arshad' is not a name of Ahmad Muzani; its names are Muzani"),
        (("merge", "Lolly", "Budi Hartono"), None),  # resolved like speaker: (one identity)
    ],
)
def test_identity_edits_fail_in_one_line(idb: Database, args: tuple[str, ...], message: str | None) -> None:
    code, _, err = run(idb, "speakers", *args)
    if message is None:
        assert code == 0
        return
    assert code == 2 and err.startswith(f"reader: error: {message}") and err.count("\n") == 1


def test_an_ambiguous_name_is_not_edited(store: Database) -> None:
    db = store
    import_records(db, articles("budi-s", "budi-h"))
    code, _, err = run(db, "speakers", "merge", "Budi", "Budi Hartono")
    assert code == 2 and "'Budi' could be Budi Hartono, Budi Santoso; give the full name" in err


def test_speakers_on_an_empty_database(db_path: Path) -> None:
    open_db(db_path).close()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "speakers"])
    assert result.exit_code == 0 and result.stdout.strip() == "no speakers found"


def test_an_identity_takes_the_name_it_is_quoted_under_most(store: Database) -> None:
    db = store
    import_records(db, articles("lolly-2"))  # the misspelling first
    import_records(db, [*articles("lolly-1"), RawArticle(source="lolly-3", origin="t", text=(
        '"Semua pengawas sudah kami latih sejak awal tahun," kata Lolly Suhenty di Jakarta.'))])
    person = speakers(db)["Lolly Suhenty"]
    assert person["quotes"] == 3 and [v["name"] for v in person["variants"]] == ["Lolly Suhentty"]
    _, out, _ = run(db, "actors", "--json")
    assert "Lolly Suhentty" not in {a["name"] for a in json.loads(out)}
    assert identity_of(db, "Lolly Suhentty") == "Lolly Suhenty"


def test_a_misspelling_mentioned_then_quoted_in_one_batch_joins_the_person(store: Database) -> None:
    """New actors wait for the end of their batch; one that a later article of the same
    batch folds into someone else must still be found and merged, not left as a stray."""
    db = store
    seen = RawArticle(source="lolly-seen", origin="t", text=(
        "Rapat itu dipimpin oleh Lolly Suhentty dan berlangsung hingga malam di Jakarta."))  # fmt: skip
    import_records(db, [*articles("lolly-1"), seen, *articles("lolly-2")])
    actors = {row[0] for row in db.execute("SELECT name FROM actor")}
    assert "Lolly Suhentty" not in actors and "Lolly Suhenty" in actors
    mentioned = db.execute(
        "SELECT a.name FROM mention m JOIN actor a ON a.id = m.actor_id "
        "JOIN article r ON r.id = m.article_id WHERE r.source = 'lolly-seen'"
    ).fetchall()
    assert [row[0] for row in mentioned] == ["Lolly Suhenty"]


def test_new_actors_of_a_batch_are_written_in_one_statement(pg_location: str) -> None:
    """On PostgreSQL each statement is a round trip: a batch naming many new people must not
    pay one per person."""
    from reader.store.postgres.connect import PgDatabase

    pg_store = open_db(pg_location)

    names = ["Budi Santoso", "Rina Marlina", "Agus Salim", "Dewi Lestari", "Joko Susilo", "Siti Aminah"]
    raws = [
        RawArticle(source=f"new-{number}", origin="t", title=name, text=(
            f'"Kami ingin pemilu yang jujur dan adil di daerah ini," kata {name} di Bandung, Jumat. '
            f"Menurut {name}, pengawasan harus diperketat."))
        for number, name in enumerate(names)
    ]  # fmt: skip
    inserts: list[str] = []
    execute = PgDatabase.execute

    def counting(self: PgDatabase, sql: str, *args: object, **kwargs: object) -> object:
        if sql.lstrip().upper().startswith("INSERT INTO ACTOR"):
            inserts.append(sql)
        return execute(self, sql, *args, **kwargs)  # type: ignore[arg-type]

    PgDatabase.execute = counting  # type: ignore[method-assign]
    try:
        import_records(pg_store, raws)
    finally:
        PgDatabase.execute = execute  # type: ignore[method-assign]
    assert set(names) <= {row[0] for row in pg_store.execute("SELECT name FROM actor")}
    assert len(inserts) == 1
    pg_store.close()
