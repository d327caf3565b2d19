"""Users and their roles."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ipguard.domain import Role
from ipguard.errors import ConflictError, NotFoundError, ValidationError
from ipguard.passwords import hash_password
from ipguard.store.records import Credentials, SignInAttempts, UserRecord
from ipguard.validators import check_text

if TYPE_CHECKING:
    from ipguard.store.core import Store

# The columns of a user every reader sees (never the password hash: on a server a user reads only his own,
# ipguard.store.server_roles).
_COLUMNS = "id, username, display_name, active"


class UserRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _record(self, row: dict[str, Any]) -> UserRecord:
        roles = frozenset(
            Role(r["role"]) for r in self.store.db.query("SELECT role FROM user_roles WHERE user_id = ?", [row["id"]])
        )
        return UserRecord(row["id"], row["username"], row["display_name"], roles, bool(row["active"]))

    def get(self, user_id: int) -> UserRecord:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM users WHERE id = ?", [user_id])
        if not rows:
            raise NotFoundError("not_found", what="用户", ident=user_id)
        return self._record(rows[0])

    def display_name(self, user_id: int | None) -> str | None:
        """The user's display name, or None when there is no such user."""
        return self.store.scalar_str("SELECT display_name FROM users WHERE id = ?", [user_id])

    def by_username(self, username: str) -> UserRecord | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM users WHERE username = ?", [username.strip()])
        return self._record(rows[0]) if rows else None

    def all(self, *, active_only: bool = False) -> list[UserRecord]:
        sql = f"SELECT {_COLUMNS} FROM users" + (" WHERE active = 1" if active_only else "") + " ORDER BY id"
        return [self._record(r) for r in self.store.query(sql)]

    def with_role(self, role: Role) -> list[UserRecord]:
        rows = self.store.query(
            "SELECT u.id, u.username, u.display_name, u.active FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? AND u.active = 1 ORDER BY u.id",
            [role.value],
        )
        return [self._record(r) for r in rows]

    def count(self) -> int:
        return self.store.count("SELECT COUNT(*) FROM users")

    def create(
        self,
        username: str,
        display_name: str,
        password: str,
        roles: set[Role] | frozenset[Role],
        *,
        acting_user_id: int | None = None,
        password_hash: str | None = None,
    ) -> UserRecord:
        """Create a user. ``password_hash`` lets bulk tools reuse one hash."""
        username = check_text(username, "username", max_len=40)
        display_name = check_text(display_name, "display_name", max_len=40)
        if not roles:
            raise ValidationError("roles", "required")
        hashed = password_hash or hash_password(password, user_inputs=(username, display_name))
        with self.store.transaction() as db:
            if self.by_username(username):
                raise ConflictError("duplicate", field="username", value=username)
            cur = db.execute(
                "INSERT INTO users (username, display_name, password_hash, created_at) VALUES (?,?,?,?)",
                [username, display_name, hashed, self.store.now()],
            )
            user_id = self.store.inserted_id(cur)
            for role in sorted(roles):
                db.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", [user_id, Role(role).value])
            self._sync_login(username, password or None)
            self.store.audit(
                user_id=acting_user_id,
                entity="user",
                entity_id=user_id,
                action="create",
                after={"username": username, "display_name": display_name, "roles": sorted(r.value for r in roles)},
            )
        return self.get(user_id)

    def set_roles(self, user_id: int, roles: set[Role], *, acting_user_id: int | None) -> UserRecord:
        if not roles:
            raise ValidationError("roles", "required")
        before = self.get(user_id)
        with self.store.transaction() as db:
            db.execute("DELETE FROM user_roles WHERE user_id = ?", [user_id])
            for role in sorted(roles):
                db.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", [user_id, role.value])
            self._sync_login(before.username)
            self.store.audit(
                user_id=acting_user_id,
                entity="user",
                entity_id=user_id,
                action="set_roles",
                before=sorted(r.value for r in before.roles),
                after=sorted(r.value for r in roles),
            )
        return self.get(user_id)

    def set_active(self, user_id: int, active: bool, *, acting_user_id: int | None) -> None:
        with self.store.transaction() as db:
            db.execute("UPDATE users SET active = ? WHERE id = ?", [int(active), user_id])
            self._sync_login(self.get(user_id).username)
            self.store.audit(user_id=acting_user_id, entity="user", entity_id=user_id, action="set_active", after=active)

    def set_password(self, user_id: int, password: str, *, acting_user_id: int | None, user_inputs: tuple[str, ...] = ()) -> None:
        hashed = hash_password(password, user_inputs=user_inputs)
        with self.store.transaction() as db:
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [hashed, user_id])
            self._set_login_password(user_id, password, acting_user_id)
            self.store.audit(user_id=acting_user_id, entity="user", entity_id=user_id, action="set_password")

    # -- the login roles of a team server (ipguard.store.server_roles) ------------------

    def _sync_login(self, username: str, password: str | None = None) -> None:
        """On a server, make the user's login role match his rows (inside the caller's transaction)."""
        if self.store.is_server:
            from ipguard.store import server_roles  # psycopg off the start path

            server_roles.sync_user(self.store, username, password)

    def _set_login_password(self, user_id: int, password: str, acting_user_id: int | None) -> None:
        """On a server, the new password of the user's login role: his own change is his own ALTER ROLE,
        anyone else's goes through the admin's function."""
        if not self.store.is_server:
            return
        from ipguard.store import server_roles  # psycopg off the start path

        username = self.get(user_id).username
        if acting_user_id == user_id and server_roles.session_is(self.store, username):
            server_roles.set_own_password(self.store, username, password)
        else:
            server_roles.sync_user(self.store, username, password)

    # -- sign-in bookkeeping (used by ipguard.auth) ------------------------------

    def credentials(self, username: str) -> Credentials | None:
        """The user's id, password hash and active flag for a user name, or None."""
        if self.store.is_server:  # a user reads his own hash only (ipguard.store.server_roles)
            from ipguard.store import server_roles

            rows = self.store.query("SELECT id, active FROM users WHERE username = ?", [username])
            hashed = server_roles.password_hash(self.store, username) if rows else None
            return Credentials(rows[0]["id"], hashed, bool(rows[0]["active"])) if rows and hashed else None
        rows = self.store.query("SELECT id, password_hash, active FROM users WHERE username = ?", [username])
        return Credentials(rows[0]["id"], rows[0]["password_hash"], bool(rows[0]["active"])) if rows else None

    def sign_in_attempts(self, username: str) -> SignInAttempts:
        """The user name's failures so far and its lock (none for a name never tried)."""
        rows = self.store.query("SELECT failures, locked_until FROM sign_in_attempts WHERE username = ?", [username])
        if not rows:
            return SignInAttempts(0, None)
        until = rows[0]["locked_until"]
        return SignInAttempts(rows[0]["failures"], dt.datetime.fromisoformat(until) if until else None)

    def record_sign_in(
        self, username: str, user_id: int | None, *, outcome: str, failures: int, locked_until: dt.datetime | None
    ) -> None:
        """Count the failures of a user name (known or not) and audit the attempt."""
        lock = locked_until.isoformat(timespec="seconds") if locked_until else None
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO sign_in_attempts (username, failures, locked_until, last_at) VALUES (?,?,?,?) "
                "ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, "
                "locked_until = excluded.locked_until, last_at = excluded.last_at",
                [username, failures, lock, self.store.now()],
            )
            self.store.audit(user_id=user_id, entity="sign_in", entity_id=username, action=outcome,
                             after={"failures": failures, "locked_until": lock})

    def create_first_admin(self, username: str, display_name: str, password: str) -> UserRecord:
        """The first user, an admin; refused once any user exists (checked inside the write lock)."""
        username = check_text(username, "username", max_len=40)
        display_name = check_text(display_name, "display_name", max_len=40)
        hashed = hash_password(password, user_inputs=(username, display_name))
        with self.store.transaction():
            if self.count():
                raise ConflictError("first_admin_taken")
            return self.create(username, display_name, password, {Role.ADMIN}, password_hash=hashed)
