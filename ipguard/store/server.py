"""Administering a PostgreSQL server database: create ipguard's schema, upgrade it.

These are an administrator's steps (``ipguard server init`` / ``upgrade``),
run with a database role that owns the database; workstations only connect
(:mod:`ipguard.store.server_connection`).
"""

from __future__ import annotations

from ipguard import clock
from ipguard.store import schema, schema_pg
from ipguard.store.pg import PgConnection, connect_raw


def migrate(dsn: str) -> list[str]:
    """Create or upgrade the schema in one transaction; the steps applied (none when up to date)."""
    raw = connect_raw(dsn)
    try:
        conn = PgConnection(raw)
        conn.begin_write()
        try:
            ran = schema_pg.apply(conn, schema.known_names(), at=clock.now().isoformat(timespec="seconds"))
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return ran
    finally:
        raw.close()
