"""Claims on both stores: one analyst at a time holds an article, claims renew and expire."""

from __future__ import annotations

import threading
from typing import Any

from reader.store.claims import claim, claimed_by_others, holders, release
from reader.store.connect import open_db
from reader.store.writes import write_transaction

ARTICLES = 12


def _articles(db: Any, count: int = ARTICLES) -> list[int]:
    with write_transaction(db):
        for n in range(1, count + 1):
            db.execute(
                "INSERT INTO article(id, source, content_hash, body, imported_at) VALUES (?, ?, ?, ?, ?)",
                [n, f"s{n}", f"h{n}", "isi", "2024-01-01T00:00:00+00:00"],
            )
    return list(range(1, count + 1))


def _expire(db: Any, article_id: int) -> None:
    """The claim as it stands six minutes later: its time is up."""
    with write_transaction(db):
        db.execute(
            "UPDATE article_claim SET expires_at = '2000-01-01T00:00:00+00:00' WHERE article_id = ?",
            [article_id],
        )


def test_a_live_claim_is_never_taken_by_another_analyst(store: Any) -> None:
    _articles(store, 2)
    first = claim(store, 1, "ani")
    assert first.held_by("ani") and first.expires_at > "2024"
    second = claim(store, 1, "budi")
    assert second.analyst == "ani" and second.expires_at == first.expires_at  # left as it was
    assert claim(store, 2, "budi").held_by("budi")
    assert holders(store, [1, 2, 3]) == {1: "ani", 2: "budi"}
    assert claimed_by_others(store, "ANI") == {2: "budi"}  # names compare without case


def test_an_expired_claim_is_free_again(store: Any) -> None:
    _articles(store, 1)
    claim(store, 1, "ani")
    _expire(store, 1)
    assert holders(store, [1]) == {} and claimed_by_others(store, "budi") == {}
    assert claim(store, 1, "budi").held_by("budi")
    assert holders(store, [1]) == {1: "budi"}


def test_my_own_claim_renews(store: Any) -> None:
    _articles(store, 1)
    short = claim(store, 1, "ani", minutes=1)
    renewed = claim(store, 1, "ani", minutes=5)
    assert renewed.held_by("ani") and renewed.expires_at > short.expires_at
    _expire(store, 1)
    assert claim(store, 1, "ani").expires_at > "2024"  # an expired claim of my own: taken again


def test_release_frees_only_my_own_claim(store: Any) -> None:
    _articles(store, 2)
    claim(store, 1, "ani")
    claim(store, 2, "budi")
    assert release(store, 1, "budi") is False and holders(store, [1]) == {1: "ani"}
    assert release(store, 1, "ani") is True and holders(store, [1, 2]) == {2: "budi"}
    assert claim(store, 1, "budi").held_by("budi")


def test_two_analysts_claiming_at_once_one_wins(store_location: str, store: Any) -> None:
    ids = _articles(store)
    names = ["ani", "budi", "citra"]
    barrier = threading.Barrier(len(names))
    won: dict[str, list[int]] = {name: [] for name in names}
    seen: dict[str, dict[int, str]] = {name: {} for name in names}
    failures: list[BaseException] = []

    def analyst(name: str) -> None:
        db = open_db(store_location)  # each analyst its own connection, as two apps have
        try:
            for article_id in ids:
                barrier.wait(timeout=30)  # every analyst asks for the same article at once
                result = claim(db, article_id, name)
                seen[name][article_id] = result.analyst
                if result.held_by(name):
                    won[name].append(article_id)
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
            barrier.abort()
        finally:
            db.close()

    threads = [threading.Thread(target=analyst, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    for article_id in ids:
        winners = [name for name in names if article_id in won[name]]
        assert len(winners) == 1, (article_id, winners)
        assert {seen[name][article_id] for name in names} == set(winners)  # all agree who holds it
    assert holders(store, ids) == {i: next(n for n in names if i in won[n]) for i in ids}
