"""What the app remembers between runs: the layout toggles, the last search and the position.

Kept as ``state.json`` in the user's config directory (next to ``config.toml``). The search
and position belong to one database (its path is stored with them). A missing, corrupt or
unwritable file never stops the app: reading falls back to the defaults, writing gives up
and says why once.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reader.paths import config_dir


@dataclass(frozen=True, slots=True)
class UiState:
    db: str = ""  # the database the search and position below belong to
    quotes: bool | None = None  # the quote sidebar shown (None: as the width decides)
    timeline: bool = True
    query: str = ""
    sort: str = "relevance"
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    filter_kind: str = "all"
    filter_value: str | None = None
    article_id: int | None = None


TYPES: dict[str, tuple[type, ...]] = {
    "db": (str,), "quotes": (bool, type(None)), "timeline": (bool,), "query": (str,), "sort": (str,),
    "outlet": (str, type(None)), "date_from": (str, type(None)), "date_to": (str, type(None)),
    "filter_kind": (str,), "filter_value": (str, type(None)), "article_id": (int, type(None)),
}  # fmt: skip


def state_path() -> Path:
    return config_dir() / "state.json"


def load_state(path: Path) -> UiState:
    """The remembered state; the defaults for anything missing or of the wrong type."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()
    known = {f.name for f in fields(UiState)}
    kept = {
        k: v for k, v in data.items()
        if k in known and isinstance(v, TYPES[k]) and not (isinstance(v, bool) and int in TYPES[k])
    }  # fmt: skip
    return UiState(**kept)


def save_state(path: Path, state: UiState) -> str | None:
    """Write the state (atomically); returns the problem instead of raising, None when saved."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(asdict(state), out, ensure_ascii=False, indent=1)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        return f"the app's layout and position could not be saved to {path}: {error.strerror or error}"
    return None
