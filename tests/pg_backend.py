"""The test suite against a PostgreSQL server (issue 20): on when ``IPGUARD_TEST_PG`` is set.

``IPGUARD_TEST_PG`` is a libpq connection string of a role that may create
databases (scripts/pg_cluster.sh starts a throwaway cluster and sets it). A
template database is migrated once per run; each test gets a clone of it
(CREATE DATABASE … TEMPLATE, a file copy) and drops it afterwards.

Roles are cluster-wide: the template has none; each clone gets its own group
roles and GRANTs (ipguard.store.server_roles, named after the clone), and
dropping a clone drops exactly the roles it made — its group roles and the
login roles of the users its test created — so the next test can create the
same user names again. Login roles are named after the users, cluster-wide:
two runs that create the same user names at once need two clusters (each
helper and CI start their own, scripts/pg_cluster.sh).
"""

from __future__ import annotations

import hashlib
import os

import psycopg
import pytest
from psycopg import sql

DSN = os.environ.get("IPGUARD_TEST_PG", "")
ACTIVE = bool(DSN)
_TEMPLATE = f"ipguard_test_template_{os.getpid()}"  # runs side by side on one cluster keep apart
_made_template = False


def label() -> str:
    return "PostgreSQL (IPGUARD_TEST_PG)" if ACTIVE else "SQLite"


def _admin() -> psycopg.Connection:
    return psycopg.connect(DSN, autocommit=True)


def _with_db(dbname: str) -> str:
    params = psycopg.conninfo.conninfo_to_dict(DSN)
    params["dbname"] = dbname
    return psycopg.conninfo.make_conninfo(**params)


def _ensure_template() -> None:
    global _made_template
    if _made_template:
        return
    from ipguard.store import server

    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_TEMPLATE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_TEMPLATE)))
    server.migrate(_with_db(_TEMPLATE), roles=False)  # each clone gets its own roles
    _made_template = True


def drop_template() -> None:
    """Drop this run's template, if it made one (at the end of the run)."""
    global _made_template
    if not _made_template:
        return
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_TEMPLATE)))
    _made_template = False


def fresh_database(nodeid: str) -> str:
    """A new database with the latest schema for one test; its connection string."""
    _ensure_template()
    name = "t_" + hashlib.sha1(f"{nodeid}:{os.getpid()}".encode()).hexdigest()[:20]
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
            sql.Identifier(name), sql.Identifier(_TEMPLATE)))
    dsn = _with_db(name)
    _install_roles(dsn)
    return dsn


def _install_roles(dsn: str) -> None:
    from ipguard.store import server_roles
    from ipguard.store.pg import PgConnection, connect_raw

    conn = PgConnection(connect_raw(dsn))
    try:
        conn.begin_write()
        server_roles.install(conn)
        conn.commit()
    finally:
        conn.close()


def drop_database(dsn: str | None) -> None:
    if not dsn:
        return
    from ipguard.store import server_roles

    name = str(psycopg.conninfo.conninfo_to_dict(dsn)["dbname"])
    with _admin() as conn:
        server_roles.drop_database(conn, name)


def empty_database(nodeid: str) -> str:
    """A new, empty database (no schema) for one test; its connection string (drop with :func:`drop_database`)."""
    name = "e_" + hashlib.sha1(f"{nodeid}:{os.getpid()}".encode()).hexdigest()[:20]
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _with_db(name)


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the SQLite run, leave out the tests of the server itself (``server_only``); on the server run,
    keep only those and the tests on the ``store`` fixture that are not about the SQLite file."""
    keep, drop = [], []
    for item in items:
        server_only = item.get_closest_marker("server_only") is not None
        if not ACTIVE:
            (drop if server_only else keep).append(item)
            continue
        uses_store = "store" in getattr(item, "fixturenames", ())
        wanted = server_only or (uses_store and item.get_closest_marker("sqlite_only") is None)
        (keep if wanted else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
