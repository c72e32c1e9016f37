"""Finding stored speaker names from what a user types: words, aliases, near misses.

Every distinct speaker name is stored once in ``speaker`` with a word index
(``speaker_fts``, the same tokenizer as the articles); quotes lead from a name to
their articles through the ``quote_speaker`` index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process, utils
from sqlite_utils import Database

from reader.text.tokenize import tokens

SPEAKER_CUTOFF = 85  # whole names (rapidfuzz WRatio)
PIECE_CUTOFF = 80  # words inside names (ratio): one wrong letter in five
MIN_PIECE_LENGTH = 4


def _phrase(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def names_with_words(db: Database, phrases: Iterable[Sequence[str]]) -> list[str]:
    """The stored speaker names that contain any of ``phrases`` (folded word sequences)."""
    expression = " OR ".join(dict.fromkeys(_phrase(words) for words in phrases if words))
    if not expression:
        return []
    rows = db.execute(
        "SELECT name FROM speaker WHERE id IN (SELECT rowid FROM speaker_fts(?)) ORDER BY name",
        [expression],
    ).fetchall()
    return [row[0] for row in rows]


def closest_names(db: Database, wanted: str) -> tuple[str, list[str]] | None:
    """A near miss of ``wanted`` (a typo): what it was taken for and the names it means.

    First the word sequence in the stored names closest in spelling (`Giban` →
    every name with `gibran`), then the closest whole name.
    """
    names = [row[0] for row in db.execute("SELECT name FROM speaker")]
    words = tokens(wanted)
    if words:
        size = len(words)
        pieces = {
            " ".join(name_words[i : i + size])
            for name in names
            for name_words in (tokens(name),)
            for i in range(len(name_words) - size + 1)
        }
        best = process.extractOne(" ".join(words), pieces, scorer=fuzz.ratio, score_cutoff=PIECE_CUTOFF)
        if best is not None and len(best[0]) >= MIN_PIECE_LENGTH:
            found = names_with_words(db, [best[0].split()])
            return (found[0] if len(found) == 1 else best[0]), found
    whole = process.extractOne(
        wanted, names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=SPEAKER_CUTOFF
    )
    return (whole[0], [whole[0]]) if whole else None
