"""Opening a PostgreSQL server database from a workstation.

A workstation connects with what libpq finds (a URL, ``service=…`` from
``pg_service.conf``, the password from ``.pgpass`` or asked for) and checks
the schema: a database without ipguard's schema is refused (the administrator
runs ``ipguard server init``), so is one with a newer schema, and one that
needs an upgrade (``ipguard server upgrade`` backs up and migrates; a
workstation never migrates a shared database on its own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from ipguard import messages
from ipguard.errors import LOGIN_FAILED, IpguardError, StoreError
from ipguard.store import retry, schema, schema_pg, server_roles
from ipguard.store.connection import BUSY_TIMEOUT_MS
from ipguard.store.pg import PgConnection, PgDatabase, connect_raw, limit_waits

messages.register(
    {
        "server_unreachable": (
            "无法连接数据库服务器“{server}”：{detail}。请检查网络、服务器地址和账号密码，或联系系统管理员",
            "cannot connect to the database server “{server}”: {detail}. Check the network, the server address and "
            "your user name and password, or ask your administrator",
        ),
        "server_lost": (
            "与数据库服务器“{server}”的连接中断，本次修改没有保存（服务器已全部撤销）。请检查网络后重试",
            "the connection to the database server “{server}” was lost: this change was not saved (the server undid "
            "it in full). Check the network and try again",
        ),
        "server_not_initialized": (
            "服务器数据库“{server}”还没有 ipguard 的数据结构。请系统管理员先运行 ipguard server init",
            "the server database “{server}” has no ipguard schema yet; ask your administrator to run "
            "ipguard server init",
        ),
        "server_needs_upgrade": (
            "服务器数据库“{server}”的结构版本（{found}）低于本程序（{known}）。请系统管理员运行 ipguard server upgrade"
            "（会先备份）后再打开",
            "the server database “{server}” has schema {found}, this program needs {known}: ask your administrator "
            "to run ipguard server upgrade (it backs up first), then open it again",
        ),
        "server_full": (
            "数据库服务器“{server}”的磁盘已满，本次修改没有保存（已全部撤销）。请联系系统管理员",
            "the database server “{server}” is out of disk space: this change was not saved (undone in full). "
            "Ask your administrator",
        ),
        "server_signed_out": (
            "数据库服务器“{server}”不再接受您的登录：您的密码已被管理员重置，或账号已停用。请用“切换用户”重新登录",
            "the database server “{server}” no longer accepts your sign-in: your password was reset by an admin or "
            "your account was disabled. Sign in again (Switch user)",
        ),
        "server_refused": (
            "数据库服务器“{server}”拒绝了本次操作（{detail}），没有保存任何修改",
            "the database server “{server}” refused this action ({detail}); nothing was saved",
        ),
    }
)


def server_label(dsn: str) -> str:
    """Host and database of a connection string for messages, without connecting and without the password."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "?"
    if "service" in params and "host" not in params:
        return f"service={params['service']}"
    return f"{params.get('host', 'localhost')}/{params.get('dbname', params.get('user', ''))}"


def without_password(dsn: str) -> str:
    """The connection string with any password taken out (what a workstation may remember and show)."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return dsn  # not a connection string: connecting will say so
    if "password" not in params:
        return dsn
    params.pop("password")
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})


# SQLSTATEs of a refused sign-in: a wrong password (28P01), an unknown, disabled (NOLOGIN) or unlisted role (28000).
_LOGIN_REFUSED = ("28P01", "28000")


def connect(dsn: str, credentials: tuple[str, str] | None = None) -> PgDatabase:
    """Connect to the server and check its schema; a :class:`StoreError` saying what to do otherwise.

    With ``credentials`` (user name, password) the connection is that user's login role
    (:mod:`ipguard.store.server_roles`); a wrong password, an unknown or disabled user answer the app's
    own IpguardError("login_failed"), never the server's text. A connection the server closes later is
    opened again the same way, schema check included, before the next transaction or read
    (:class:`~ipguard.store.pg.PgConnection`).
    """
    return PgDatabase(PgConnection(_open_checked(dsn, credentials), reopen=reopener(dsn, credentials)), dsn)


def reopener(dsn: str, credentials: tuple[str, str] | None) -> Callable[[], psycopg.Connection[Any]]:
    """How a workstation's connection is opened again: as :func:`connect` does, except that a refused
    sign-in now means the user's password was reset or his account disabled since he signed in
    (``server_signed_out``: sign in again), not a mistyped password."""
    def open_again() -> psycopg.Connection[Any]:
        try:
            return _open_checked(dsn, credentials)
        except IpguardError as exc:
            if exc.key == LOGIN_FAILED:
                raise StoreError("server_signed_out", server=server_label(dsn)) from None
            raise

    return open_again


def _open_checked(dsn: str, credentials: tuple[str, str] | None) -> psycopg.Connection[Any]:
    """A workstation's connection with the schema checked."""
    raw = _open(dsn, credentials)
    try:
        check_schema(PgDatabase(PgConnection(raw), dsn))
    except BaseException:
        raw.close()
        raise
    return raw


def _open(dsn: str, credentials: tuple[str, str] | None) -> psycopg.Connection[Any]:
    """A workstation's connection, as the user, with its waits limited; the app's own message when refused."""
    overrides = {} if credentials is None else {"user": server_roles.login_role(credentials[0]), "password": credentials[1]}
    try:
        raw = connect_raw(dsn, **overrides)
    except psycopg.Error as exc:
        if credentials is not None and (getattr(exc, "sqlstate", None) in _LOGIN_REFUSED or _auth_refused(exc)):
            raise IpguardError(LOGIN_FAILED) from None  # the server's text may echo what was typed
        raise _unreachable(dsn, exc) from exc
    try:
        limit_waits(raw, BUSY_TIMEOUT_MS)
    except BaseException:
        raw.close()
        raise
    return raw


def connect_plain(dsn: str) -> psycopg.Connection[Any]:
    """A connection as the connection string names (the administrator's commands: no ipguard sign-in, no
    schema check), or the workstations' message for an unreachable server."""
    try:
        return connect_raw(dsn)
    except psycopg.Error as exc:
        raise _unreachable(dsn, exc) from exc


def _unreachable(dsn: str, exc: psycopg.Error) -> StoreError:
    return StoreError("server_unreachable", server=server_label(dsn), detail=error_detail(exc))


def error_detail(exc: BaseException) -> str:
    """The first line of a driver error, for a message (what follows may quote SQL or what was typed)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _auth_refused(exc: psycopg.Error) -> bool:
    """libpq reports a failed authentication at connect without a SQLSTATE; its text says so."""
    text = str(exc)
    return "authentication failed" in text or "not permitted to log in" in text or ('role "' in text and "does not exist" in text)


def check_schema(db: PgDatabase) -> None:
    applied = schema_pg.applied(db.conn)
    known = schema.known_names()
    where = db.server_label()
    if not applied:
        raise StoreError("server_not_initialized", server=where)
    unknown = set(applied) - set(known)
    if unknown:
        raise StoreError("db_newer", path=where, found=f"{len(applied)} ({', '.join(sorted(unknown))})", known=len(known))
    if len(applied) < len(known):
        raise StoreError("server_needs_upgrade", server=where, found=len(applied), known=len(known))


def server_error(exc: BaseException, where: str) -> StoreError | None:
    """The user's message for a lost connection, a full server disk or a refusal by the server; None for a bug."""
    if not isinstance(exc, psycopg.Error):
        return None
    if isinstance(exc, pg_errors.DiskFull):
        return StoreError("server_full", server=where)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreError("server_refused", server=where, detail=error_detail(exc))
    if isinstance(exc, pg_errors.LockNotAvailable):  # lock_timeout: as long as a wait for the SQLite file
        return StoreError("db_locked", seconds=BUSY_TIMEOUT_MS // 1000)
    if isinstance(exc, pg_errors.DeadlockDetected | pg_errors.SerializationFailure):
        return StoreError(retry.SERVER_CONFLICT, server=where)
    if isinstance(exc, psycopg.OperationalError | pg_errors.IdleInTransactionSessionTimeout):  # cut off when stalled
        return StoreError("server_lost", server=where)
    return None

