"""Where SQLite and PostgreSQL differ, for the statements the repositories write.

The repositories write one SQL text, in SQLite's spelling (``?`` parameters,
``INSERT OR IGNORE``, a few of SQLite's functions). On a PostgreSQL store that
text passes through :func:`to_postgres` once (cached): parameters become
``%s``, ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``, an INSERT into
a table with a generated key says ``RETURNING`` it (SQLite's ``lastrowid``).
SQLite's functions that PostgreSQL lacks (``group_concat``, ``total``,
``julianday``, ``json_extract``, ``json_each``) exist on the server as SQL
functions of the same meaning, created by the PostgreSQL schema
(:mod:`ipguard.store.schema_pg`). The few statements that cannot be one text
(full-text search) ask :attr:`Store.dialect` and say both.

Nothing else in ipguard knows which database it talks to.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any


class Dialect(enum.Enum):
    SQLITE = "sqlite"
    POSTGRES = "postgres"


# Tables whose rows get a generated integer key, and its column: an INSERT into them returns it.
GENERATED_KEYS: dict[str, str] = {
    table: "id"
    for table in (
        "users", "banks", "referrers", "companies", "controllers", "ip_assets", "cases", "checklist_items",
        "stage_events", "assessments", "intent_letters", "contracts", "recoveries", "documents",
        "guarantor_figures", "case_amendments", "blobs", "attachments", "case_reversals",
    )
} | {"audit_log": "seq"}

_INSERT = re.compile(r"^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def is_postgres_target(target: object) -> bool:
    """Whether ``--db`` names a PostgreSQL server rather than an SQLite file.

    A URL (``postgresql://…``, ``postgres://…``) or a libpq keyword string (``service=ipguard``,
    ``host=… dbname=…``); anything else is a file path.
    """
    if not isinstance(target, str):
        return False
    text = target.strip()
    if text.startswith(("postgresql://", "postgres://")):
        return True
    return bool(re.match(r"^(service|host|dbname|user|port|hostaddr|passfile|sslmode)\s*=", text))


_QUOTED = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*")""")
_LIKE = re.compile(r"\bLIKE\b", re.IGNORECASE)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")  # SQLite's :name parameters (not PostgreSQL's ::casts)
_IS_NOT_PARAM = re.compile(r"\bIS\s+NOT\s+%s", re.IGNORECASE)
_IS_PARAM = re.compile(r"\bIS\s+%s", re.IGNORECASE)


def _unquoted(part: str) -> str:
    text = _NAMED.sub(r"%(\1)s", part.replace("%", "%%").replace("?", "%s"))
    # SQLite's "IS ?" compares NULLs too: PostgreSQL's IS [NOT] DISTINCT FROM.
    text = _IS_PARAM.sub("IS NOT DISTINCT FROM %s", _IS_NOT_PARAM.sub("IS DISTINCT FROM %s", text))
    # SQLite's LIKE ignores the case of Latin letters; PostgreSQL's ILIKE does the same.
    return _LIKE.sub("ILIKE", text)


@functools.lru_cache(maxsize=2048)
def to_postgres(sql: str) -> tuple[str, str | None]:
    """The statement in PostgreSQL's spelling, and the generated key it returns (or None)."""
    text = "".join(
        part.replace("%", "%%") if i % 2 else _unquoted(part) for i, part in enumerate(_QUOTED.split(sql))
    )
    returning: str | None = None
    match = _INSERT.match(text)
    if match:
        ignore, table = match.group(1), match.group(2)
        if ignore:
            text = text[: match.start(1)] + text[match.end(1):]
            text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
        key = GENERATED_KEYS.get(table.lower())
        # INSERT … VALUES writes one row whose key the caller may ask for; INSERT … SELECT may write many.
        if key and re.search(r"\bVALUES\b", text, re.IGNORECASE) and not re.search(r"\bRETURNING\b", text, re.IGNORECASE):
            text = text.rstrip().rstrip(";") + f" RETURNING {key}"
            returning = key
    return text, returning


def fragment_search(dialect: Dialect, table: str, text: str) -> tuple[str, str]:
    """A sub-SELECT of the rowids of a trigram search table (``case_search``, ``blob_text``) whose body
    contains ``text`` (three characters or more, any case), and its one parameter.

    SQLite: FTS5's trigram MATCH of the quoted phrase. PostgreSQL: ILIKE, which pg_trgm's GIN index answers.
    """
    if dialect is Dialect.POSTGRES:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"SELECT rowid FROM {table} WHERE body ILIKE ?", f"%{escaped}%"
    return f"SELECT rowid FROM {table} WHERE {table} MATCH ?", '"' + text.replace('"', '""') + '"'


def adapt_param(value: object) -> object:
    """A parameter as SQLite would have stored it: booleans as 0/1, dates as ISO text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def adapt_params(params: Any) -> Any:
    if params is None:
        return ()
    if isinstance(params, dict):
        return {k: adapt_param(v) for k, v in params.items()}
    return [adapt_param(v) for v in params]


def from_server(value: object) -> object:
    """A result value as SQLite would have returned it: sums of integers as int, memoryview as bytes."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return value.tobytes()
    if isinstance(value, bool):
        return int(value)
    return value


def row_from_server(row: Sequence[object] | None) -> tuple[Any, ...] | None:
    return None if row is None else tuple(from_server(v) for v in row)


def rows_from_server(rows: Iterable[Sequence[object]]) -> list[tuple[Any, ...]]:
    return [tuple(from_server(v) for v in row) for row in rows]
