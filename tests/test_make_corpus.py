"""The synthetic benchmark corpus generator (benchmarks/make_corpus.py), seeds-only vocabulary."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"id", "title", "text", "url", "published", "outlet"}
N = 200


def _load_script() -> ModuleType:
    # benchmarks/ is not a package: load the script from its file, as run.py would.
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mc = _load_script()


@pytest.fixture(scope="module")
def vocab():
    return mc.build_vocab(use_shared=False, cache_dir=None)


@pytest.fixture(scope="module")
def records(vocab) -> list[dict]:
    return list(mc.generate(N, seed=7, vocab=vocab))


def share(records: list[dict], pattern: str, flags: int = 0) -> float:
    rx = re.compile(pattern, flags)
    return sum(1 for r in records if rx.search(r["text"])) / len(records)


def test_count_keys_and_values(records):
    assert len(records) == N
    assert len({r["id"] for r in records}) == N
    for r in records:
        assert set(r) == KEYS
        assert isinstance(r["text"], str) and r["text"].strip()
        assert r["published"] is None or "2023-01-01" <= r["published"] <= "2024-12-31"
        assert r["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"])
        assert r["url"] is None or r["url"].startswith("https://")
    assert any(r["published"] is None for r in mc.generate(300, seed=3, vocab=mc.build_vocab(
        use_shared=False, cache_dir=None)))


def test_deterministic_and_seed_dependent(vocab, records):
    again = list(mc.generate(N, seed=7, vocab=mc.build_vocab(use_shared=False, cache_dir=None)))
    assert json.dumps(again, ensure_ascii=False) == json.dumps(records, ensure_ascii=False)
    other = list(mc.generate(20, seed=8, vocab=vocab))
    assert [r["text"] for r in other] != [r["text"] for r in records[:20]]


def test_articles_do_not_depend_on_n(vocab, records):
    assert list(mc.generate(50, seed=7, vocab=vocab)) == records[:50]
    assert list(mc.generate(20, seed=7, vocab=vocab, start=100)) == records[100:120]


def test_text_needs_cleaning(records):
    datelines = r"^(\w+, KOMPAS\.com -|\w+ \(ANTARA\) [-–]|jpnn\.com, \w+ -|INFOSEMARANG\.COM ?-|\w+ - )"
    assert share(records, datelines, re.M) > 0.2
    assert share(records, r"^Baca [Jj]uga", re.M) > 0.1
    assert share(records, r"^(ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT)$", re.M) > 0.05
    assert share(records, r"\([a-z]{3}/(?:[a-z]{3}|jpnn)\)") > 0.1
    assert share(records, r"hari ago\n") > 0  # related-headline list after the end marker
    assert share(records, r"\n") > 0.9  # paragraphs separated by newlines


def test_quotes_cues_dates_and_actors(records):
    assert share(records, r"“[^”]+[,.]” (kata|ujar|ungkap|jelas|tutur|tegas)") > 0.2
    assert share(records, r'"[^"]+[,.]" \w+') > 0.2
    assert share(records, r"\b(ujarnya|katanya|jelasnya|pungkasnya|ungkapnya|tegasnya)\b") > 0.3
    assert share(records, r"\b(mengatakan|menegaskan|menjelaskan|menyampaikan), [“\"]") > 0.1
    assert share(records, r"(Ketua|Komisioner) (KPU|Bawaslu)") > 0.1
    days = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu"
    assert share(records, rf"({days}) \(\d{{1,2}}/\d{{1,2}}/202[34]\)") > 0.5
    assert share(records, r"\b(Prabowo|Gibran|Anies|Cak Imin|AMIN|KPU|Bawaslu|PDIP)\b") > 0.8
    typos = r"Prabowo-Giban|\bAnis\b|Gibran Rakabumin\b|Cak Imim|Prabowo Subiyanto|Jokowie|Bawslu"
    assert share(records, typos) > 0.02


def test_topics_mix(records):
    assert share(records, r"\b(pemilu|pilpres|capres|kecurangan)\b", re.I) > 0.6
    assert share(records, r"\b(inflasi|rupiah|IHSG|Timnas Indonesia|Liga 1|pertandingan)\b") > 0.03


def test_write_corpus_same_bytes_for_any_jobs(vocab, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    size = mc.write_corpus(one, 120, seed=5, vocab=vocab, jobs=1)
    # small chunks: several tasks, so the process pool is really used
    mc.write_corpus(two, 120, seed=5, vocab=vocab, jobs=2, chunk=25)
    assert one.read_bytes() == two.read_bytes()
    assert size == len(one.read_text(encoding="utf-8"))
    lines = one.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 120
    assert [json.loads(line) for line in lines] == list(mc.generate(120, seed=5, vocab=vocab))


def test_cli_seeds_only(tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    assert mc.main(["--n", "30", "--seed", "2", "--no-shared", "--no-cache", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30
    assert "articles/s" in capsys.readouterr().err


def test_vocab_cache_round_trip(tmp_path, vocab):
    first = mc.build_vocab(use_shared=False, cache_dir=tmp_path)
    assert list(tmp_path.glob("vocab-*.json"))
    cached = mc.build_vocab(use_shared=False, cache_dir=tmp_path)
    assert list(mc.generate(30, 1, cached)) == list(mc.generate(30, 1, first))
    assert list(mc.generate(30, 1, cached)) == list(mc.generate(30, 1, vocab))


def test_article_lengths_follow_the_profile(vocab):
    from dataclasses import replace

    from benchmarks.corpus.profile import Profile

    def median_words(median: float) -> float:
        shaped = replace(vocab, profile=Profile(median_words=median, log_sd=0.2))
        counts = sorted(len(r["text"].split()) for r in mc.generate(120, seed=5, vocab=shaped))
        return counts[len(counts) // 2]

    short, long = median_words(120), median_words(600)
    assert 2.5 < long / short < 7


def test_profile_is_learned_from_real_articles():
    from benchmarks.corpus.profile import Profile, learn_profile

    texts = ["Pemilu digelar. " * 50 + "Dugaan kecurangan dilaporkan."] * 20 + ["Pemilu. " * 10] * 20
    profile = learn_profile(texts, "test")
    assert profile.median_words == (103 + 10) / 2  # 20 articles of 103 words, 20 of 10
    assert profile.term_counts["pemilu"] == 20 * 50 + 20 * 10
    assert profile.term_counts["kecurangan"] == 20
    weights = dict(profile.term_weights(after_vote=False))
    assert weights["pemilu"] > 10 * weights["kecurangan"]
    assert learn_profile(texts[:5], "too few").source == Profile().source  # falls back
