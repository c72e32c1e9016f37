"""Many rows in one statement: ``INSERT ... SELECT FROM unnest(arrays)``.

One array a column, whatever the number of rows: the server parses and plans the
statement once and the client sends it in one round trip, where a statement a row
(``executemany``, even pipelined) costs both sides per row. The rows are inserted in
the order given (``WITH ORDINALITY ... ORDER BY``), so identity columns number them as
row-by-row inserts would, and a conflict clause behaves as it does row by row: with
``ON CONFLICT DO NOTHING`` the first of two rows with the same key wins, and a row that
another importer's transaction holds waits for its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.store.postgres.connect import PgDatabase

_TYPES: dict[tuple[str, str], dict[str, str]] = {}  # (database key, table) -> column -> SQL type


def column_types(db: PgDatabase, table: str, columns: Sequence[str]) -> dict[str, str]:
    """The SQL type of each column of ``table`` (in the connection's search path), read once."""
    key = (db.location.key, table)
    types = _TYPES.get(key)
    if types is None or not types.keys() >= set(columns):  # new, or migrated since
        rows = db.execute(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped",
            [table],
        ).fetchall()
        types = _TYPES[key] = {str(name): str(kind) for name, kind in rows}
    return types


def insert_rows(
    db: PgDatabase, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], tail: str = ""
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (values of ``columns``, in order) in one statement; ``tail`` follows it
    (``ON CONFLICT ...``, ``RETURNING ...``). Returns what ``RETURNING`` gives, else []."""
    if not rows:
        return []
    types = column_types(db, table, columns)
    names = ", ".join(f'"{column}"' for column in columns)
    arrays = ", ".join(f"?::{types[column]}[]" for column in columns)
    sql = (
        f"INSERT INTO {table}({names}) SELECT {names} FROM unnest({arrays}) WITH ORDINALITY "
        f"AS given({names}, row_number) ORDER BY row_number {tail}"
    )
    # In binary: a text array in text form is escaped in Python, value by value (ten times slower).
    cursor = db.execute(sql, [list(values) for values in zip(*rows, strict=True)], binary=True)
    return [tuple(row) for row in cursor.fetchall()] if cursor.description else []
