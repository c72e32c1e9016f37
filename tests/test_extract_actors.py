"""The actor catalogue, mentions (with typos) and discovered people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.extract import extract_article, load_catalogue
from reader.extract.actors import default_catalogue
from reader.models import Mention


def mentions(body: str, catalogue=None) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {m.actor: m for m in extract_article(body, catalogue=catalogue).mentions}


def test_catalogue_lists_candidates_pairs_bodies_and_parties() -> None:
    catalogue = default_catalogue()
    by_name = {actor.name: actor for actor in catalogue.actors}
    assert by_name["Anies-Muhaimin"].type == "pair"
    assert "AMIN" in by_name["Anies-Muhaimin"].aliases
    assert by_name["KPU"].type == "organisation" and by_name["PKB"].type == "party"
    assert catalogue.resolve("Cak Imin") == "Muhaimin Iskandar"
    assert catalogue.resolve("gibran") == "Gibran Rakabuming Raka"


def test_case_sensitive_aliases() -> None:
    catalogue = default_catalogue()
    assert catalogue.resolve("AMIN") == "Anies-Muhaimin"
    assert catalogue.resolve("amin") is None
    assert catalogue.resolve("PAN") == "PAN" and catalogue.resolve("pan") is None
    found = mentions("Mereka bilang amin lalu pan, tetapi PAN dan AMIN hadir di MK.")
    assert found["PAN"].count == 1 and found["Anies-Muhaimin"].count == 1
    assert "Mahkamah Konstitusi" in found


def test_mentions_carry_every_offset() -> None:
    body = "Prabowo hadir. Prabowo Subianto lalu bertemu Ganjar–Mahfud dan KPU Jabar."
    found = mentions(body)
    prabowo = found["Prabowo Subianto"]
    assert prabowo.count == 2
    assert [body[a:b] for a, b in prabowo.offsets] == ["Prabowo", "Prabowo Subianto"]
    assert found["Ganjar-Mahfud"].actor_type == "pair"
    assert "Mahfud MD" in found and "Ganjar Pranowo" in found  # a pair names its members
    assert "KPU Jawa Barat" in found and "KPU" not in found  # a regional body is its own actor


def test_typo_counts_for_the_right_person() -> None:
    found = mentions("Perolehan suara tertinggi diraih pasangan Prabowo-Giban.")
    assert "Gibran Rakabuming Raka" in found


def test_new_people_are_discovered_without_roles() -> None:
    body = (
        "Pembina Kompak Kaltim, Anas Isfidi mengungkapkan tuntutan mereka di Samarinda, "
        "Jumat. Komisioner Bawaslu Kaltim Daini Rahmat menerima mereka."
    )
    found = mentions(body)
    assert found["Anas Isfidi"].discovered and found["Anas Isfidi"].actor_type == "person"
    assert "Daini Rahmat" in found
    assert not any(
        word in name for name in found for word in ("Komisioner", "Jumat", "Samarinda", "Pembina")
    )


def test_user_catalogue_adds_and_replaces(tmp_path: Path) -> None:
    user_file = tmp_path / "actors.json"
    user_file.write_text(
        json.dumps({"actors": [
            {"name": "Daini Rahmat", "type": "person", "aliases": ["Daini"]},
            {"name": "KPU", "type": "organisation", "aliases": ["Komisi Pemilihan"]},
        ]}),
        encoding="utf-8",
    )
    catalogue = load_catalogue(user_file)
    assert catalogue.resolve("Daini") == "Daini Rahmat"
    assert catalogue.resolve("Komisi Pemilihan") == "KPU"
    assert catalogue.resolve("Komisi Pemilihan Umum") is None  # the user's entry replaced it
    found = mentions("Daini hadir.", catalogue)
    assert found["Daini Rahmat"].discovered is False


def test_a_broken_user_file_is_a_clear_error(tmp_path: Path) -> None:
    user_file = tmp_path / "actors.json"
    user_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReaderError, match="actor catalogue"):
        load_catalogue(user_file)
