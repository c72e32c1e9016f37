"""A post with -nya names its organisation earlier in the sentence: `Partai Maju Sejahtera
(PMS), lewat Wakil Ketua Umumnya Bagus Hartanto` gives `Wakil Ketua Umum PMS`."""

from __future__ import annotations

import re

from reader.extract.lexicon import OFFICE_WORDS, is_role_word

OWNER_REACH = 200  # characters read back from the post for its organisation
# An organisation's short form: in brackets (`(PMS)`) or written in capitals (`PMS`, `DPP`).
_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)|(?<![\w-])([A-Z]{2,9})(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?](?=\s|[\"“”A-Z])|\n")


def owned_post(text: str, role: str | None, start: int) -> str | None:
    """``role`` with its -nya replaced by the organisation it refers to, else None.

    ``start`` is where the role begins in ``text``. Only a post word takes -nya so (`Ketua
    Umumnya`, `Sekjennya`); the organisation is the last short form before the post in the
    same sentence. Without one the post is left as it was.
    """
    if not role or start < 0:
        return None
    last = role.split()[-1]
    folded = last.casefold()
    if len(folded) < 6 or not folded.endswith("nya"):
        return None
    root = folded[:-3]
    if not is_role_word(root) and root not in OFFICE_WORDS:
        return None
    lo = max(0, start - OWNER_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    lo = ends[-1] if ends else lo
    owner = None
    for match in _SHORT_FORM.finditer(text, lo, start):
        owner = match.group(1) or match.group(2)
    if owner is None:
        return None
    return f"{role[: len(role) - 3]} {owner}"
