"""Administering a PostgreSQL server database: create ipguard's schema, upgrade it.

These are an administrator's steps (``ipguard server init`` / ``upgrade``),
run with a database role that owns the database; workstations only connect
(:mod:`ipguard.store.server_connection`). After the schema steps every run
(re)applies the server's roles, GRANTs and row-level security
(:mod:`ipguard.store.server_roles`), so an upgrade's new tables are covered.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipguard import clock, messages
from ipguard.domain import Role
from ipguard.errors import StoreError
from ipguard.store import schema, schema_pg, server_roles
from ipguard.store.pg import PgConnection, PgDatabase, connect_raw

messages.register(
    {
        "server_already_initialized": (
            "服务器数据库“{server}”已经有 ipguard 的数据结构，不能再次初始化。升级请运行 ipguard server upgrade",
            "the server database “{server}” already has ipguard's schema and cannot be initialised again; "
            "to upgrade it run ipguard server upgrade",
        ),
    }
)


def migrate(dsn: str, *, roles: bool = True) -> list[str]:
    """Create or upgrade the schema in one transaction; the steps applied (none when up to date).

    With ``roles`` (always, but for the test suite's template database) the same transaction then
    creates this database's group roles and (re)applies the GRANTs and policies.
    """
    raw = connect_raw(dsn)
    try:
        conn = PgConnection(raw)
        conn.begin_write()
        try:
            ran = schema_pg.apply(conn, schema.known_names(), at=clock.now().isoformat(timespec="seconds"))
            if roles:
                server_roles.install(conn)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return ran
    finally:
        raw.close()


@dataclass(frozen=True)
class InitResult:
    database: str
    steps: list[str]
    groups: list[str]
    admin: str


def init(dsn: str, username: str, display_name: str, password: str) -> InitResult:
    """A new team database: the schema, this database's roles and GRANTs, and the first admin (an ipguard
    user and his login role), all in one transaction. Refuses a database that has ipguard's schema."""
    import psycopg

    from ipguard.store.core import Store  # the first admin is written by the same repository as on a file
    from ipguard.store.server_connection import connect_plain, error_detail

    raw = connect_plain(dsn)
    try:
        conn = PgConnection(raw)
        db = PgDatabase(conn, dsn)
        if schema_pg.applied(conn):
            raise StoreError("server_already_initialized", server=db.server_label())
        conn.begin_write()
        try:
            ran = schema_pg.apply(conn, schema.known_names(), at=clock.now().isoformat(timespec="seconds"))
            groups = server_roles.install(conn)
            store = Store(db, None, dsn=dsn)
            admin = store.repos.users.create_first_admin(username, display_name, password)
            conn.commit()
        except psycopg.Error as exc:  # e.g. a role without CREATEROLE: the server's reason, nothing created
            conn.rollback()
            raise StoreError("server_refused", server=db.server_label(), detail=error_detail(exc)) from exc
        except BaseException:
            conn.rollback()
            raise
        return InitResult(db.server_label(), ran, groups, admin.username)
    finally:
        raw.close()


@dataclass(frozen=True)
class ImportedLogins:
    """What :func:`enable_imported_logins` did: the admin who can sign in now, and the other users' logins."""

    admin: str
    others: tuple[str, ...]


def enable_imported_logins(conn: PgConnection, dsn: str, admin: str, password: str) -> ImportedLogins:
    """Inside ``ipguard server import``'s transaction: this database's roles, GRANTs and policies, and a
    login role for every imported user.

    The file's users keep their user names and roles, but their passwords cannot move: the file holds only
    argon2 hashes, the server needs its own verifier. So the one admin named on the command line, whose
    password is checked against the file's hash, gets it as his server password; every other user gets a
    login without a password (nobody can sign in as him) until that admin sets one in 用户与角色.
    """
    from ipguard.errors import LOGIN_FAILED, IpguardError
    from ipguard.passwords import verify_password
    from ipguard.store.core import Store  # the roles are kept by the users repository, as on every change

    server_roles.install(conn)
    store = Store(PgDatabase(conn, dsn), None, dsn=dsn)
    found = store.repos.users.credentials(admin)
    users = store.repos.users.all()
    chief = next((u for u in users if found is not None and u.id == found.user_id), None)
    if found is None or chief is None or not verify_password(found.password_hash, password) or not chief.active \
            or Role.ADMIN not in chief.roles:
        raise IpguardError(LOGIN_FAILED)  # the same answer for a wrong name, password or a non-admin
    others = []
    for user in users:
        server_roles.sync_user(store, user.username, password if user.id == chief.id else None)
        if user.id != chief.id:
            others.append(user.username)
    return ImportedLogins(chief.username, tuple(others))
