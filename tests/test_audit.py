"""The statement audit: its matching and scoring rules, and the committed labels."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_quotes", ROOT / "benchmarks" / "audit_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


audit = _load()

LONG = ("Kami akan terus mengawal seluruh tahapan pemilu agar berjalan jujur dan adil, "
        "tanpa intimidasi dari pihak mana pun di seluruh daerah")


def _label(text: str, **fields: object) -> dict:
    row = {"source": "a1", "outlet": "x", "kind": "direct", "statement": True,
           "speaker": "Rahmat Bagja", "role": "Ketua Bawaslu", **audit.quote_key(text)}
    row.update(fields)
    return row


def test_the_key_keeps_only_the_head_of_a_long_quote() -> None:
    key = audit.quote_key("“" + LONG + ",”")
    assert key["quote_key"] == LONG.lower()[:80]
    assert key["quote_len"] == len(LONG)
    assert len(key["quote_sha1"]) == 40


def test_a_label_matches_its_quote_after_boundary_changes_only() -> None:
    label = _label(LONG)
    assert audit.matches(label, f'"{LONG},"')  # marks and outer punctuation do not count
    assert audit.matches(label, "bahwa " + LONG)  # a start that moved by a word
    assert audit.matches(label, LONG[:-12])  # an end cut a little shorter
    assert not audit.matches(label, LONG[:60])  # a fragment of it
    assert not audit.matches(label, "Pemilu harus berjalan damai, " + LONG[60:])
    short = _label("Belum tahu kapan")
    assert audit.matches(short, "belum tahu kapan.")
    assert not audit.matches(short, "Belum tahu")


def test_a_speaker_is_right_in_a_shorter_form_and_wrong_with_words_glued_on() -> None:
    assert audit.speaker_right("Rahmat Bagja", "Bagja")
    assert audit.speaker_right("Rahmat Bagja", "Pak Rahmat Bagja")  # a form of address aside
    assert audit.speaker_right("Achmad Baidowi|Awiek", "Awiek")  # an alternative the article gives
    assert not audit.speaker_right("Rahmat Bagja", "Bawaslu Rahmat Bagja")
    assert not audit.speaker_right("Rahmat Bagja", None)
    assert not audit.speaker_right("Rahmat Bagja", "Pak")
    assert audit.speaker_right(None, None)  # the article names nobody, and nobody is listed
    assert not audit.speaker_right(None, "Warganet")


def test_a_role_is_right_with_the_same_post_and_organisation() -> None:
    assert audit.role_right("Ketua Bawaslu RI", "Ketua Bawaslu")  # the region may be missing
    assert audit.role_right("Ketua KPU Jabar", "Ketua KPU Provinsi Jawa Barat")
    assert audit.role_right("Ketua Tim Kampanye Nasional (TKN) Prabowo-Gibran",
                            "Ketua Tim Kampanye Nasional Prabowo-Gibran")
    assert audit.role_right("Kapolri", "Kapolri Jenderal")  # a rank is not another post
    assert audit.role_right("Menteri Investasi|Kepala BKPM", "Kepala BKPM")
    assert audit.role_right(None, None)


def test_a_bare_title_half_a_name_or_an_invented_role_is_wrong() -> None:
    assert not audit.role_right("Ketua Bawaslu RI", "Ketua")
    assert not audit.role_right("Bupati Indramayu", "Bupati")
    assert not audit.role_right("Gubernur Jawa Timur", "Gubernur")  # here the region is the post
    assert not audit.role_right("Ketua KPU RI", "KPU RI")
    assert not audit.role_right("Ketua Bawaslu", "Ketua Bawaslu Rahmat", speaker="Rahmat Bagja")
    assert not audit.role_right("Juru Bicara Partai Ummat", "Juru Bicara Partai")
    assert not audit.role_right(None, "warga setempat")
    assert not audit.role_right("Ketua Bawaslu", None)


def test_scores_count_dropped_fragments_lost_statements_and_new_quotes() -> None:
    labels = [
        _label(LONG),  # still listed, speaker and role right
        _label("Belum tahu kapan", speaker="Rahmat Bagja", role="Ketua Bawaslu"),  # lost
        _label("tidak", statement=False, speaker=None, role=None),  # dropped: correct
        _label("menyoroti peran partai", kind="indirect", statement=False, speaker=None, role=None),
    ]
    found = {"a1": [
        {"text": LONG, "speaker": "Bagja", "role": "Ketua", "kind": "direct"},
        {"text": "menyoroti peran partai", "speaker": "Bagja", "role": None, "kind": "indirect"},
        {"text": "Kalimat yang baru ditemukan sekarang", "speaker": None, "role": None, "kind": "direct"},
    ]}
    tallies, new = audit.score(labels, found, {"a1": set()})
    direct, indirect = tallies[("all", "direct")].rates(), tallies[("x", "indirect")].rates()
    assert (direct["audited"], direct["listed"], direct["dropped"], direct["lost"]) == (3, 1, 1, 1)
    assert (direct["statement_share"], direct["speaker"], direct["role"]) == (1.0, 1.0, 0.0)
    assert (indirect["listed"], indirect["statement_share"], indirect["speaker"]) == (1, 0.0, None)
    assert new == 1
    assert "| **all** | direct | 3 | 1 | 1.000 | 1.000 | 0.000 | 1 | 1 |" in audit.table(tallies, new)


def test_each_label_takes_its_own_quote() -> None:
    labels = [_label("Belum tahu kapan"), _label("Belum tahu kapan")]
    found = [{"text": "Belum tahu kapan", "speaker": None, "role": None, "kind": "direct"}]
    assert audit.pair(labels, found) == [found[0], None]


def test_the_committed_labels_are_well_formed() -> None:
    path = ROOT / "benchmarks" / "audit" / "labels.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 200
    outlets = Counter(row["outlet"] for row in rows if row["kind"] == "direct")
    assert len(outlets) >= 6 and min(outlets.values()) >= 30
    assert sum(row["kind"] == "indirect" for row in rows) >= 60
    keys = set()
    for row in rows:
        assert row["kind"] in ("direct", "indirect")
        assert isinstance(row["statement"], bool)
        assert len(row["quote_key"]) <= audit.KEY_CHARS and len(row["quote_sha1"]) == 40
        assert row["quote_len"] >= len(row["quote_key"])
        if not row["statement"]:
            assert row["speaker"] is None and row["role"] is None
        for field in ("speaker", "role", "note", "extracted_speaker", "extracted_role"):
            assert row[field] is None or isinstance(row[field], str)
        keys.add((row["source"], row["quote_sha1"], row["kind"]))
    assert len(keys) == len(rows), "a quote is labelled twice"


@pytest.mark.parametrize("text", ["", "  ", "“”"])
def test_empty_text_never_matches_a_label(text: str) -> None:
    assert not audit.matches(_label(LONG), text)


def test_errors_name_each_wrong_quote_with_what_is_wanted() -> None:
    labels = [_label(LONG), _label("Belum tahu kapan"),
              _label("tidak", statement=False, speaker=None, role=None)]
    found = {"a1": [
        {"text": LONG, "speaker": "Bawaslu Rahmat Bagja", "role": "Ketua Bawaslu", "kind": "direct"},
        {"text": "tidak", "speaker": None, "role": None, "kind": "direct"},
    ]}
    lines = audit.errors(labels, found)
    assert [line.split()[0] for line in lines] == ["SPEAKER", "LOST", "LISTED"]
    assert "want 'Rahmat Bagja' got 'Bawaslu Rahmat Bagja'" in lines[0]
