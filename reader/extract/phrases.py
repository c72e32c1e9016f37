"""Reading the speaker phrase next to a cue: forwards (`kata X`) or backwards (`X mengatakan`).

The readers live in :mod:`phrase_after` and :mod:`phrase_before`; what they share in
:mod:`phrase_parts`, the role cut off by a comma in :mod:`role_before`.
"""

from __future__ import annotations

from reader.extract.phrase_after import parse_after
from reader.extract.phrase_before import parse_before, subject_before

__all__ = ["parse_after", "parse_before", "subject_before"]
