"""Admin writes as core services: users, roles, passwords, banks, referrers,
settings (letterhead, guarantor figures, sign-in lockout, backups) and holidays.

Each takes the signed-in :class:`~ipguard.auth.Actor`, checks in the core that
he is an admin *now* (re-read from the database), then writes through the
store, which audits the change under his id. Product parameters go through
:func:`ipguard.catalog.save_edited_version`, which checks the same role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ipguard import auth, messages
from ipguard.domain import Role
from ipguard.errors import ConflictError, PermissionDenied, ValidationError
from ipguard.messages import Text
from ipguard.store.records import BankRecord, GuarantorFigures, ReferrerRecord, UserRecord
from ipguard.store.repos.settings import DEFAULTS, VERSIONED_KEYS
from ipguard.validators import check_bool, check_date, check_int, check_text
from ipguard.workflow.dates import not_after_today

if TYPE_CHECKING:
    from ipguard.store.core import Store

messages.register(
    {
        "last_admin": ("不能取消最后一位在用管理员的管理员角色或停用他", "the last active admin cannot lose the admin role or be disabled"),
        "not_own_account": ("不能停用自己的账号", "you cannot disable your own account"),
        "setting_unknown": ("未知的设置项：{name}", "unknown setting: {name}"),
        "stale_roles": (
            "用户“{name}”的角色已被其他管理员修改，您的修改没有保存；请关闭后重新打开再改",
            "the roles of “{name}” were changed by another admin; your change was not saved: reopen the user and try again",
        ),
        "guarantor_figures_dated": (
            "担保公司净资产和“主要服务小微企业”按生效日期登记（设置 → 担保公司），不作为普通设置保存",
            "the guarantor's net assets and small/micro flag are recorded with an effective date (settings → guarantor), not saved as a setting",
        ),
    }
)
messages.register_fields(
    {
        "settings": ("系统设置", "settings"),
        "guarantor.net_assets_fen": ("担保公司净资产", "guarantor's net assets"),
        "guarantor.effective_date": ("生效日期", "effective date"),
        "guarantor.note": ("依据", "basis"),
        "mainly_small_micro": ("主要服务小微企业", "mainly serves small and micro firms"),
    }
)


def _admin(store: Store, actor: UserRecord, zh: str, en: str) -> UserRecord:
    return auth.require_role(actor, Role.ADMIN, Text(zh, en), store)


def _keep_an_admin(store: Store, user_id: int, *, losing: bool) -> None:
    if not losing:
        return
    others = [u for u in store.repos.users.with_role(Role.ADMIN) if u.id != user_id]
    if not others:
        raise PermissionDenied("last_admin")


def create_user(store: Store, actor: UserRecord, username: str, display_name: str, password: str,
                roles: set[Role] | frozenset[Role]) -> UserRecord:
    me = _admin(store, actor, "添加用户", "add a user")
    with store.transaction():
        return store.repos.users.create(username, display_name, password, roles, acting_user_id=me.id)


def set_roles(store: Store, actor: UserRecord, user_id: int, roles: set[Role], *, read: frozenset[Role] | set[Role]) -> UserRecord:
    """Change a user's roles (admins only; the last admin keeps his).

    ``read``: the roles the form showed; when another admin changed them since, the change is refused
    (``stale_roles``), never saved over his (no default, as ``expected_version`` for a case)."""
    me = _admin(store, actor, "修改用户角色", "change a user's roles")
    with store.transaction():
        now = store.repos.users.get(user_id)
        if set(now.roles) != set(read) and set(now.roles) != set(roles):
            raise ConflictError("stale_roles", name=now.display_name)
        _keep_an_admin(store, user_id, losing=Role.ADMIN not in roles and now.has(Role.ADMIN))
        return store.repos.users.set_roles(user_id, set(roles), acting_user_id=me.id)


def set_active(store: Store, actor: UserRecord, user_id: int, active: bool) -> None:
    """Enable or disable a user; a disabled user's open sign-ins stop working at once."""
    me = _admin(store, actor, "启用或停用用户", "enable or disable a user")
    if not active and user_id == me.id:
        raise PermissionDenied("not_own_account")
    with store.transaction():
        _keep_an_admin(store, user_id, losing=not active and store.repos.users.get(user_id).has(Role.ADMIN))
        store.repos.users.set_active(user_id, active, acting_user_id=me.id)


def reset_password(store: Store, actor: UserRecord, user_id: int, password: str) -> None:
    """An admin sets another user's password (a user changes his own with auth.change_own_password)."""
    me = _admin(store, actor, "重置密码", "reset a password")
    target = store.repos.users.get(user_id)
    store.repos.users.set_password(user_id, password, acting_user_id=me.id, user_inputs=(target.username, target.display_name))
    store.password_changed(target.username, password)  # an admin's own, on a server: reconnect with the new one


def save_bank(store: Store, actor: UserRecord, bank: BankRecord, *, expected_version: int | None) -> BankRecord:
    """Add a bank (``bank.id == 0``, ``expected_version=None``) or update one: ``expected_version`` is the
    version it was read at (``bank.version`` of the record shown); a stale one is refused (``stale_record``)."""
    me = _admin(store, actor, "修改合作银行", "change a partner bank")
    _version_for(bank.id, expected_version)
    return store.repos.banks.save(bank, acting_user_id=me.id, expected_version=expected_version)


def save_referrer(store: Store, actor: UserRecord, referrer: ReferrerRecord, *, expected_version: int | None) -> ReferrerRecord:
    """Add (``expected_version=None``) or update a referrer (the version it was read at), as for banks."""
    me = _admin(store, actor, "修改推荐机构", "change a referrer")
    _version_for(referrer.id, expected_version)
    return store.repos.referrers.save(referrer, acting_user_id=me.id, expected_version=expected_version)


def _version_for(record_id: int, expected_version: int | None) -> None:
    """A new record has no version yet; an existing one is saved only with the version it was read at."""
    if record_id and expected_version is None:
        raise TypeError("updating a record needs expected_version: the version it was read at")
    if not record_id and expected_version is not None:
        raise TypeError("a new record has no version yet: pass expected_version=None")


def save_settings(store: Store, actor: UserRecord, values: dict[str, Any], *, read: Mapping[str, Any]) -> None:
    """Letterhead, guarantor figures, sign-in lockout, backup settings (admins only).

    ``read``: the settings as the form showed them (``store.repos.settings.all()`` when it was loaded); a
    value another admin changed since is refused, not overwritten (no default: a save must say what it
    was based on, as ``expected_version`` does for a case)."""
    me = _admin(store, actor, "修改系统设置", "change the settings")
    for key in values:
        if key in VERSIONED_KEYS:
            raise ValidationError(key, "guarantor_figures_dated")
        if key not in DEFAULTS and key not in auth.LOCKOUT_DEFAULTS:
            raise ValidationError("settings", "setting_unknown", name=key)
    store.repos.settings.set_many(values, acting_user_id=me.id, read=read)


def set_holiday_override(store: Store, actor: UserRecord, day: dt.date, is_workday: bool | None, note: str = "") -> None:
    me = _admin(store, actor, "修改节假日调整", "change the holiday calendar")
    store.repos.settings.set_holiday_override(day, is_workday, note, acting_user_id=me.id)


# -- the guarantor's own figures, by effective date ---------------------------------

# The effective date of the figures carried over from the former settings (valid for every earlier day).
SINCE_ALWAYS = dt.date(1900, 1, 1)


def record_guarantor_figures(store: Store, actor: UserRecord, *, net_assets_fen: int, mainly_small_micro: bool,
                             effective_date: dt.date, note: str = "") -> GuarantorFigures:
    """Record the guarantor's net assets (fen) and whether it mainly serves small and micro firms, valid from
    ``effective_date`` (admins only; audited).

    The regulatory limits of a case use the figures valid today
    (:mod:`ipguard.workflow.limits`); a monthly report uses those valid at its
    month's end (:func:`ipguard.reports.terms.net_assets_at`), so recording a
    new figure changes no closed month. The date may not be in the future; a
    record back-dated into a closed month is a correction and that month's
    figures follow it when regenerated (the history and the audit trail show
    it). A second record for the same date supersedes the first.
    """
    me = _admin(store, actor, "登记担保公司净资产", "record the guarantor's net assets")
    net_assets_fen = check_int(net_assets_fen, "guarantor.net_assets_fen", low=1, high=10**17)
    mainly_small_micro = check_bool(mainly_small_micro, "mainly_small_micro")
    day = not_after_today(check_date(effective_date, "guarantor.effective_date"), "guarantor.effective_date")  # type: ignore[arg-type]
    note = check_text(note, "guarantor.note", max_len=500, required=False)
    return store.repos.guarantor.record(day, net_assets_fen, mainly_small_micro, note, acting_user_id=me.id)


def guarantor_figures_at(store: Store, day: dt.date) -> GuarantorFigures | None:
    """The figures valid at the end of ``day``."""
    return store.repos.guarantor.at(day)


def guarantor_history(store: Store) -> list[GuarantorFigures]:
    """Every record of the guarantor's figures, newest effective date first."""
    return store.repos.guarantor.history()
