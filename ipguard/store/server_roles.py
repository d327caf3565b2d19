"""Who may do what on a team server: PostgreSQL roles, GRANTs and row-level security (issue 20).

The server, not the workstation, enforces identity (docs/security.md, "On a
team server"):

* every ipguard user is a PostgreSQL LOGIN role named as his user name in
  lower case (user names are case-insensitive, role names are not:
  :func:`login_role`); the server checks his password (SCRAM), so a
  workstation's connection string alone lets nobody in;
* the app's roles are NOLOGIN group roles of this database only
  (``ipguard_<database>_<role>``; roles are cluster-wide, so a training
  database beside production shares nothing with it), plus
  ``ipguard_<database>_user`` (the active users: CONNECT and the table
  privileges) and ``ipguard_<database>_login`` (every login this database
  made: how the server tells its own users from other roles);
* every user reads the tables and writes those the workflow writes; the
  user, role and settings tables are written by admins only; ``audit_log``
  (and ``product_versions``) take INSERT and SELECT only, and row-level security lets an entry in
  only when its user is the signed-in session's user; a user updates only
  his own row of ``users`` (his password hash) unless he is an admin, and
  reads only his own password hash;
* roles are created and changed by ``ipguard_user_sync``, a SECURITY DEFINER
  function of the database's owner that only admins may run: it checks that
  the caller is an admin, refuses a role name that exists and is not this
  database's user, and makes the role match the ``users``/``user_roles``
  rows (LOGIN only while active, group memberships, the password as a SCRAM
  verifier computed on the workstation — a password never travels or lands
  in a server log in clear).

Connections of the database's owner (``server init``, import, the tests) are
exempt from row-level security, as PostgreSQL makes a table's owner; what that
leaves open, and how the audit anchors catch it, is in docs/security.md.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from psycopg import errors as pg_errors
from psycopg import sql

from ipguard import messages
from ipguard.domain import Role
from ipguard.errors import ConflictError
from ipguard.store.pg import PgConnection

if TYPE_CHECKING:
    from ipguard.store.core import Store

messages.register(
    {
        "db_role_taken": (
            "数据库服务器上已有名为“{name}”的角色，且不是本数据库的用户（例如服务器的管理账号或另一个数据库的用户），"
            "不能用作用户名。请换一个用户名",
            "the database server already has a role named “{name}” that is not a user of this database (the server's "
            "own administrator, say, or a user of another database); choose another user name",
        ),
    }
)

#: The group of this database's active users and the marker group of every login it created.
USER_GROUP = "user"
LOGIN_GROUP = "login"
GROUPS = (USER_GROUP, LOGIN_GROUP, *(r.value for r in Role))

#: Tables only an admin writes (through the admin services); every user reads them.
ADMIN_WRITES = ("users", "user_roles", "banks", "referrers", "settings", "holiday_overrides", "guarantor_figures")
#: Tables every user only appends to: the audit trail, and the product versions (a case opened under the
#: built-in parameters records their text; a recorded version is never changed).
APPEND_ONLY = ("audit_log", "product_versions")
#: Tables nobody but the owner writes.
OWNER_WRITES = ("ipguard_migrations",)
#: The columns of ``users`` every user reads (not the password hash) and those an admin may change.
USER_COLUMNS = ("id", "username", "display_name", "active", "created_at")
ADMIN_CHANGES = ("display_name", "password_hash", "active")


def login_role(username: str) -> str:
    """The login role of a user name, as the server names it (``ipguard_user_sync``: lower())."""
    return username.strip().lower()


def group_name(dbname: str, group: str) -> str:
    """The cluster-wide name of this database's group role ``group`` (PostgreSQL allows 63 bytes)."""
    name = f"ipguard_{dbname}_{group}"
    if len(name.encode()) > 63:
        name = f"ipguard_{hashlib.sha1(dbname.encode()).hexdigest()[:12]}_{group}"
    return name


def group_names(dbname: str) -> dict[str, str]:
    return {g: group_name(dbname, g) for g in GROUPS}


# The functions the policies and the user management use; {placeholders} are filled with quoted literals.
# Built-in functions are named with pg_catalog. so that no function a role might create in a schema on the
# search path (PostgreSQL 14 lets every role create in "public") can be chosen as a better match.
_FUNCTIONS = """
CREATE OR REPLACE FUNCTION ipguard_session_user_id() RETURNS bigint
    LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT id FROM users WHERE pg_catalog.lower(username::text) = session_user::text $$;
CREATE OR REPLACE FUNCTION ipguard_session_is_owner() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT pg_catalog.pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = {users_table}::regclass), 'MEMBER') $$;
CREATE OR REPLACE FUNCTION ipguard_session_is_admin() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT ipguard_session_is_owner() OR pg_catalog.pg_has_role(session_user, {admin}, 'MEMBER') $$;
CREATE OR REPLACE FUNCTION ipguard_password_hash(p_username text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema}, pg_temp AS $$
    SELECT password_hash FROM users WHERE username = p_username::citext
       AND (pg_catalog.lower(username::text) = session_user::text OR ipguard_session_is_owner()) $$;
CREATE OR REPLACE FUNCTION ipguard_user_sync(p_username text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {schema}, pg_temp AS $$
DECLARE
    u record;
    ours boolean;
BEGIN
    IF NOT ipguard_session_is_admin() THEN
        RAISE EXCEPTION 'ipguard: only an administrator manages users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id, pg_catalog.lower(username::text) AS name, active INTO u FROM users WHERE username = p_username::citext;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ipguard: no user %', p_username USING ERRCODE = 'no_data_found';
    END IF;
    IF p_verifier IS NOT NULL AND p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'ipguard: a password is given as a SCRAM verifier' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = u.name) THEN
        -- Only a plain login this database made may be changed: never the owner, a superuser or a stranger.
        SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = {login} AND r.rolname = u.name)
           AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls)
          INTO ours FROM pg_roles r WHERE r.rolname = u.name;
        IF NOT ours THEN
            RAISE EXCEPTION 'ipguard: the database role % exists and is not a user of this database', u.name
                USING ERRCODE = 'duplicate_object';
        END IF;
    ELSE
        EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', u.name);
        EXECUTE pg_catalog.format('GRANT %I TO %I', {login}, u.name);
    END IF;
    IF p_verifier IS NOT NULL THEN
        EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', u.name, p_verifier);
    END IF;
    IF u.active = 1 THEN
        EXECUTE pg_catalog.format('ALTER ROLE %I LOGIN', u.name);
        EXECUTE pg_catalog.format('GRANT %I TO %I', {user}, u.name);
    ELSE
        EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', u.name);
        EXECUTE pg_catalog.format('REVOKE %I FROM %I', {user}, u.name);
    END IF;
{role_grants}
END $$;
"""

_ROLE_GRANT = """    IF u.active = 1 AND EXISTS (SELECT 1 FROM user_roles WHERE user_id = u.id AND role = {value}) THEN
        EXECUTE pg_catalog.format('GRANT %I TO %I', {group}, u.name);
    ELSIF pg_catalog.pg_has_role(u.name, {group}, 'MEMBER') THEN
        EXECUTE pg_catalog.format('REVOKE %I FROM %I', {group}, u.name);
    END IF;"""

_POLICIES = """
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ipguard_read ON audit_log;
DROP POLICY IF EXISTS ipguard_append ON audit_log;
CREATE POLICY ipguard_read ON audit_log FOR SELECT TO {user} USING (true);
CREATE POLICY ipguard_append ON audit_log FOR INSERT TO {user} WITH CHECK (user_id = ipguard_session_user_id());
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ipguard_read ON users;
DROP POLICY IF EXISTS ipguard_add ON users;
DROP POLICY IF EXISTS ipguard_change ON users;
CREATE POLICY ipguard_read ON users FOR SELECT TO {user} USING (true);
CREATE POLICY ipguard_add ON users FOR INSERT TO {admin} WITH CHECK (true);
CREATE POLICY ipguard_change ON users FOR UPDATE TO {user}
    USING (lower(username::text) = session_user::text OR ipguard_session_is_admin())
    WITH CHECK (lower(username::text) = session_user::text OR ipguard_session_is_admin());
ALTER TABLE sign_in_attempts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ipguard_read ON sign_in_attempts;
DROP POLICY IF EXISTS ipguard_own ON sign_in_attempts;
CREATE POLICY ipguard_read ON sign_in_attempts FOR SELECT TO {user} USING (true);
CREATE POLICY ipguard_own ON sign_in_attempts FOR ALL TO {user}
    USING (lower(username) = lower(session_user::text) OR ipguard_session_is_admin())
    WITH CHECK (lower(username) = lower(session_user::text) OR ipguard_session_is_admin());
"""


def _ident(conn: PgConnection, name: str) -> str:
    return sql.Identifier(name).as_string(conn.raw)


def _literal(conn: PgConnection, value: str) -> str:
    return sql.Literal(value).as_string(conn.raw)


def _run(conn: PgConnection, text: str) -> None:
    conn.raw.execute(text.encode())  # a parameterless script: several statements, dollar quotes intact


def install(conn: PgConnection) -> list[str]:
    """Create this database's group roles (when missing) and (re)apply the GRANTs, policies and functions;
    the group roles created. Run by the database's owner (CREATEROLE) inside the migration's transaction,
    after the schema steps, so new tables are covered."""
    dbname = str(conn.raw.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    schema = str(conn.raw.execute("SELECT current_schema()").fetchone()[0])  # type: ignore[index]
    names = group_names(dbname)
    made: list[str] = []
    for name in names.values():
        if conn.raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() is None:
            conn.raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            made.append(name)
    q = {g: _ident(conn, n) for g, n in names.items()}
    lit = {g: _literal(conn, n) for g, n in names.items()}
    role_grants = "\n".join(_ROLE_GRANT.format(value=_literal(conn, r.value), group=lit[r.value]) for r in Role)
    _run(conn, _FUNCTIONS.format(schema=_ident(conn, schema), users_table=_literal(conn, f"{schema}.users"),
                                 admin=lit[Role.ADMIN.value], login=lit[LOGIN_GROUP], user=lit[USER_GROUP],
                                 role_grants=role_grants))
    user, admin = q[USER_GROUP], q[Role.ADMIN.value]
    db, sch = _ident(conn, dbname), _ident(conn, schema)
    lines = [
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {user}",
        f"GRANT USAGE ON SCHEMA {sch} TO {user}",
        # PostgreSQL 14 lets every role create objects in "public"; the owner of the schema takes it back.
        "DO $$ BEGIN EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema()); "
        "EXCEPTION WHEN insufficient_privilege THEN NULL; END $$",
    ]
    tables = [str(r[0]) for r in conn.raw.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1").fetchall()]
    every_group = ", ".join(q.values())
    for table in tables:
        t = _ident(conn, table)
        lines.append(f"REVOKE ALL ON {t} FROM PUBLIC, {every_group}")
        if table == "users":
            lines.append(f"GRANT SELECT ({', '.join(USER_COLUMNS)}) ON users TO {user}")
            lines.append(f"GRANT UPDATE (password_hash) ON users TO {user}")
            lines.append(f"GRANT INSERT, UPDATE ({', '.join(ADMIN_CHANGES)}) ON users TO {admin}")
            continue
        lines.append(f"GRANT SELECT ON {t} TO {user}")
        if table in APPEND_ONLY:
            lines.append(f"GRANT INSERT ON {t} TO {user}")  # never UPDATE, DELETE or TRUNCATE: for nobody
        elif table in ADMIN_WRITES:
            lines.append(f"GRANT INSERT, UPDATE, DELETE ON {t} TO {admin}")
        elif table not in OWNER_WRITES:
            lines.append(f"GRANT INSERT, UPDATE, DELETE ON {t} TO {user}")
    lines += [
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {sch} TO {user}",
        "REVOKE ALL ON FUNCTION ipguard_user_sync(text, text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION ipguard_user_sync(text, text) TO {admin}",
        "REVOKE ALL ON FUNCTION ipguard_password_hash(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION ipguard_password_hash(text) TO {user}",
    ]
    _run(conn, ";\n".join(lines) + ";\n" + _POLICIES.format(user=user, admin=admin))
    return made


# -- what the store calls on a server -------------------------------------------------


def verifier(store: Store, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for the role ``username``, computed here (libpq)."""
    raw = store.db.conn.raw
    return bytes(raw.pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256")).decode()


def sync_user(store: Store, username: str, password: str | None = None) -> None:
    """Make the user's login role match his ``users``/``user_roles`` rows (and set his password);
    inside the caller's transaction, as an admin or the database's owner."""
    secret = None if password is None else verifier(store, username, password)
    try:
        store.db.execute("SELECT ipguard_user_sync(?, ?)", [username, secret])
    except pg_errors.DuplicateObject as exc:
        raise ConflictError("db_role_taken", name=username) from exc


def set_own_password(store: Store, username: str, password: str) -> None:
    """The signed-in user's new password for his own login role (PostgreSQL lets a role change its own)."""
    raw = store.db.conn.raw
    raw.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(verifier(store, username, password))))


def session_is_owner(store: Store) -> bool:
    """Whether this connection is the database owner's (or a superuser's): exempt from the per-user checks."""
    return bool(store.scalar("SELECT ipguard_session_is_owner()"))


def session_is(store: Store, username: str) -> bool:
    """Whether this connection's login role is the user ``username``'s."""
    return bool(store.scalar("SELECT lower(session_user::text) = lower(?)", [username]))


def access_taken(exc: BaseException) -> bool:
    """Whether the server refused a statement for lack of privilege (a user disabled while connected)."""
    return isinstance(exc, pg_errors.InsufficientPrivilege)


def password_hash(store: Store, username: str) -> str | None:
    """The app's password hash of ``username``: the session's own only (every hash for the owner)."""
    return store.scalar_str("SELECT ipguard_password_hash(?)", [username])


def drop_database(conn: Any, dbname: str) -> None:
    """Drop database ``dbname`` and every role it made (its users' logins, then its group roles), nothing
    else on the cluster: a scratch or test database leaves no login behind. ``conn``: a superuser's,
    autocommit, connected to another database."""
    roles = database_roles(conn, dbname)
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
    for role in roles:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def database_roles(conn: Any, dbname: str) -> list[str]:
    """The login roles database ``dbname`` made, then its group roles (see :func:`drop_database`)."""
    names = group_names(dbname)
    logins = [str(r[0]) for r in conn.execute(
        "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member"
        " WHERE g.rolname = %s ORDER BY 1", [names[LOGIN_GROUP]]).fetchall()]
    groups = [str(r[0]) for r in conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) ORDER BY 1", [list(names.values())]).fetchall()]
    return logins + groups
