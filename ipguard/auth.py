"""Sign-in, the signed-in actor and role checks (passwords themselves: :mod:`ipguard.passwords`).

Every change in the core is made by an :class:`Actor`: a user who signed in
with his password through :func:`sign_in` on this very store. An Actor cannot
be made by hand: its session token must be one the store issued and has not
ended, and every role check re-reads the user, so a user disabled (or whose
roles changed) since signing in cannot act with the old roles.

Sign-in behaves as a bank's: unknown user names, wrong passwords and disabled
accounts cost the same (an argon2 verify against a dummy hash) and answer the
same message; repeated failures for one user name lock it for a while, with
the lock growing with each further failure; every attempt is audited.

On a team server the server checks the password first (each user is a login
role, :mod:`ipguard.store.server_roles`): a user signs in only on a connection
made as himself, so a workstation's connection string signs nobody in.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ipguard import clock, messages
from ipguard.domain import Role
from ipguard.errors import LOGIN_FAILED, IpguardError, PermissionDenied, ValidationError
from ipguard.passwords import DUMMY_HASH, verify_password
from ipguard.store.records import UserRecord

if TYPE_CHECKING:
    from ipguard.store.core import Store

# Sign-in lockout defaults; an admin changes them in settings (keys below).
LOCKOUT_DEFAULTS = {
    "signin.max_failures": 5,  # failures in a row before the name is locked
    "signin.lock_minutes": 15,  # first lock; each further failure doubles it
    "signin.max_lock_minutes": 24 * 60,
}

messages.register(
    {
        "login_locked": ("登录失败次数过多，请 {minutes} 分钟后再试", "too many failed sign-ins; try again in {minutes} minutes"),
        "user_inactive": ("该用户已停用", "this user is deactivated"),
        "not_signed_in": ("请先登录：操作必须由已登录的用户进行", "sign in first: every change is made by a signed-in user"),
        "session_ended": ("登录已失效（账号已停用或已退出），请重新登录", "the sign-in has ended (account disabled or signed out); sign in again"),
        "wrong_store": ("该登录属于另一个数据库", "this sign-in belongs to another database"),
        "role_required": ("{user} 没有“{role}”角色，不能{action}", "{user} lacks the role “{role}” needed to {action}"),
        "old_password_wrong": ("原密码不正确", "the current password is wrong"),
        "first_admin_taken": ("数据库已有用户，不能再设置首位管理员", "the database already has users; the first admin is set up already"),
    }
)


messages.register_fields(
    {
        "username": ("用户名", "user name"),
        "display_name": ("姓名", "name"),
        "old_password": ("原密码", "current password"),
    }
)


# -- the signed-in actor -----------------------------------------------------


@dataclass(frozen=True)
class Actor(UserRecord):
    """A user signed in on one store. Obtain only from :func:`sign_in`.

    It reads like a :class:`UserRecord` (id, username, display_name, roles);
    the token ties it to the sign-in the store recorded.
    """

    token: str = field(default="", repr=False, compare=False)
    store_ref: object = field(default=None, repr=False, compare=False)

    def store(self) -> Store | None:
        return self.store_ref() if callable(self.store_ref) else None


# Live sign-ins of this process: token -> (database key, user id). Process-wide,
# so a worker thread's own Store on the same file accepts the UI's Actor.
_SESSIONS: dict[str, tuple[str, int]] = {}
_LOCK = threading.Lock()


def _db_key(store: Store) -> str:
    if store.is_server:
        return f"server:{store.location()}"  # host, port and database: every connection to it alike
    return str(Path(store.path).resolve()) if store.path is not None else f"memory:{id(store)}"


def _issue(store: Store, user: UserRecord) -> Actor:
    token = secrets.token_urlsafe(32)
    with _LOCK:
        _SESSIONS[token] = (_db_key(store), user.id)
    return Actor(user.id, user.username, user.display_name, user.roles, user.active, token=token, store_ref=weakref.ref(store))


def current(user: object, store: Store | None = None) -> UserRecord:
    """The user record behind a live Actor, re-read now; refuses anything else.

    Raises PermissionDenied("not_signed_in") for anything that is not an
    Actor issued by a sign-in, ("wrong_store") when ``store`` is on another
    database than the sign-in, ("session_ended") when it was signed out or
    the user is disabled. The user is re-read through ``store`` (the caller's
    connection, any thread) or else through the store that signed him in.
    """
    if not isinstance(user, Actor):
        raise PermissionDenied("not_signed_in")
    with _LOCK:
        entry = _SESSIONS.get(user.token)
    if entry is None or entry[1] != user.id:
        raise PermissionDenied("not_signed_in")
    reader = store if store is not None else user.store()
    if reader is None:
        raise PermissionDenied("session_ended")
    if _db_key(reader) != entry[0]:
        raise PermissionDenied("wrong_store")
    try:
        fresh = reader.repos.users.get(user.id)
    except Exception as exc:
        if reader.is_server and _server_took_access(exc):  # disabled: the server took his privileges at once
            sign_out(user)
            raise PermissionDenied("session_ended") from exc
        raise
    if not fresh.active:
        sign_out(user)
        raise PermissionDenied("session_ended")
    return fresh


def refresh(actor: Actor) -> Actor:
    """The same sign-in with the user's current name and roles."""
    fresh = current(actor)
    return Actor(fresh.id, fresh.username, fresh.display_name, fresh.roles, fresh.active,
                 token=actor.token, store_ref=actor.store_ref)


def sign_out(actor: UserRecord) -> None:
    if isinstance(actor, Actor):
        with _LOCK:
            _SESSIONS.pop(actor.token, None)


def _setting(store: Store, key: str) -> int:
    try:
        return max(1, int(store.repos.settings.get(key, LOCKOUT_DEFAULTS[key])))
    except (TypeError, ValueError):
        return LOCKOUT_DEFAULTS[key]


def sign_in(store: Store, username: str, password: str) -> Actor:
    """Sign ``username`` in with his password; the Actor every change needs.

    Unknown names, wrong passwords and disabled accounts cost one argon2
    verify each and raise the same IpguardError("login_failed"); a locked
    name raises ("login_locked") whatever the password. Every attempt is
    audited (entity "sign_in").
    """
    name = (username or "").strip()[:80]
    now = clock.now()
    if store.is_server and not _server_session_is(store, name):
        raise IpguardError("login_failed")  # the server checked another user's password: not this one's
    row = store.repos.users.credentials(name)
    ok = verify_password(row.password_hash if row else DUMMY_HASH, password or "")
    ok = ok and row is not None and row.active
    attempts = store.repos.users.sign_in_attempts(name)
    locked_until = attempts.locked_until
    user_id = row.user_id if row else None
    if locked_until is not None and locked_until > now:
        store.repos.users.record_sign_in(name, user_id, outcome="locked", failures=attempts.failures, locked_until=locked_until)
        minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
        raise IpguardError("login_locked", minutes=minutes)
    if not ok or row is None:
        failures = attempts.failures + 1
        limit = _setting(store, "signin.max_failures")
        lock = None
        if failures >= limit:
            minutes = min(_setting(store, "signin.lock_minutes") * 2 ** (failures - limit), _setting(store, "signin.max_lock_minutes"))
            lock = (now + dt.timedelta(minutes=minutes)).replace(microsecond=0)
        store.repos.users.record_sign_in(name, user_id, outcome="failure", failures=failures, locked_until=lock)
        raise IpguardError(LOGIN_FAILED)
    store.repos.users.record_sign_in(name, user_id, outcome="success", failures=0, locked_until=None)
    return _issue(store, store.repos.users.get(row.user_id))


def _server_session_is(store: Store, username: str) -> bool:
    """On a server, a user signs in on a connection made with his own password (his login role); the
    database owner's connection (administration, the tests) may sign anyone in."""
    from ipguard.store import server_roles  # psycopg off the start path; loaded already on a server

    return server_roles.session_is_owner(store) or server_roles.session_is(store, username)


def _server_took_access(exc: BaseException) -> bool:
    from ipguard.store import server_roles  # loaded already on a server

    return server_roles.access_taken(exc)


def setup_first_admin(store: Store, username: str, display_name: str, password: str) -> Actor:
    """Create the first admin of an empty database and sign him in.

    The check for "no users yet" and the insert run in one write transaction
    (BEGIN IMMEDIATE), so of several clients setting up at once exactly one
    wins; the others get ConflictError("first_admin_taken").
    """
    store.repos.users.create_first_admin(username, display_name, password)
    return sign_in(store, username, password)


def change_own_password(store: Store, actor: UserRecord, old_password: str, new_password: str) -> None:
    """Self-service: the signed-in user changes his own password, knowing the old one."""
    me = current(actor, store)
    row = store.repos.users.credentials(me.username)
    if row is None or not verify_password(row.password_hash, old_password or ""):
        raise ValidationError("old_password", "old_password_wrong")
    store.repos.users.set_password(me.id, new_password, acting_user_id=me.id, user_inputs=(me.username, me.display_name))
    store.password_changed(me.username, new_password)  # on a server: reconnect with the new one


def role_text(roles: tuple[Role, ...]) -> messages.Text:
    """The names of ``roles`` joined with "/", in both languages."""
    return messages.Text("/".join(r.label for r in roles), "/".join(r.label_en for r in roles))


def require_role(user: UserRecord, role: Role, action: str | messages.Text, store: Store | None = None) -> UserRecord:
    """Raise PermissionDenied unless ``user`` is a live Actor holding ``role`` now.

    ``action`` names what the user tried, best as :class:`~ipguard.messages.Text`
    (``Text("投票", "vote")``) so the message reads whole in either language.
    Returns the user as re-read from the database.
    """
    fresh = current(user, store)
    if role not in fresh.roles:
        raise PermissionDenied("role_required", user=fresh.display_name, role=role_text((role,)), action=action)
    return fresh


def require_any_role(user: UserRecord, roles: tuple[Role, ...], action: str | messages.Text, store: Store | None = None) -> UserRecord:
    """Raise PermissionDenied unless ``user`` is a live Actor holding one of ``roles`` now."""
    fresh = current(user, store)
    if not any(r in fresh.roles for r in roles):
        raise PermissionDenied("role_required", user=fresh.display_name, role=role_text(roles), action=action)
    return fresh
