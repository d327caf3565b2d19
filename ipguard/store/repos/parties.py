"""Cooperating banks (with risk-sharing terms) and referrers (推荐机构)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from ipguard import messages
from ipguard.errors import ConflictError, NotFoundError, ValidationError
from ipguard.messages import Text
from ipguard.store.records import BankRecord, ReferrerRecord
from ipguard.validators import check_int, check_phone, check_text

if TYPE_CHECKING:
    from ipguard.store.core import Store

messages.register_fields(
    {
        "bank.name": ("银行名称", "bank name"),
        "bank.branch": ("支行", "branch"),
        "bank_share_bp": ("银行分担比例", "bank's loss share"),
        "reguarantor_share_bp": ("再担保分担比例", "re-guarantor's share"),
        "referrer.name": ("推荐机构名称", "referrer name"),
    }
)

_BANK_COLUMNS = tuple(f for f in BankRecord.__dataclass_fields__ if f not in ("id", "version"))

messages.register(
    {
        "stale_record": (
            "{what}“{name}”已被其他人修改（当前版本 {current}，您的版本 {yours}），您的修改没有保存；请关闭后重新打开再改",
            "{what} “{name}” was changed by someone else (version {current}, yours {yours}); your change was not saved: "
            "reopen it and try again",
        ),
    }
)


def _check_version(store: Store, table: str, row_id: int, expected_version: int | None, what: Text, name: str) -> None:
    """An update names the version it was read at; a stale one is refused (issue 14, safe defaults)."""
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise TypeError(f"updating {table} #{row_id} needs the version it was read at, got {expected_version!r}")
    current = store.scalar(f"SELECT version FROM {table} WHERE id = ?", [row_id])
    if current != expected_version:
        raise ConflictError("stale_record", what=what, name=name, current=current, yours=expected_version)


def _check_bank(bank: BankRecord) -> BankRecord:
    return replace(
        bank,
        name=check_text(bank.name, "bank.name", max_len=60),
        branch=check_text(bank.branch, "bank.branch", max_len=60),
        contact_name=check_text(bank.contact_name, "contact_name", max_len=40, required=False),
        contact_phone=check_phone(bank.contact_phone, "contact_phone"),
        address=check_text(bank.address, "address", max_len=200, required=False),
        bank_share_bp=check_int(bank.bank_share_bp, "bank_share_bp", low=0, high=10000),
        reguarantor_share_bp=check_int(bank.reguarantor_share_bp, "reguarantor_share_bp", low=0, high=10000),
    )


class BankRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self, *, active_only: bool = False) -> list[BankRecord]:
        sql = "SELECT * FROM banks" + (" WHERE active = 1" if active_only else "") + " ORDER BY name, branch"
        return [BankRecord(**{**r, "active": bool(r["active"])}) for r in self.store.query(sql)]

    def get(self, bank_id: int) -> BankRecord:
        rows = self.store.query("SELECT * FROM banks WHERE id = ?", [bank_id])
        if not rows:
            raise NotFoundError("not_found", what="银行", ident=bank_id)
        return BankRecord(**{**rows[0], "active": bool(rows[0]["active"])})

    def save(self, bank: BankRecord, *, acting_user_id: int | None, expected_version: int | None = None) -> BankRecord:
        """Insert (``id == 0``) or update a bank, audited; an update needs ``expected_version``, the version the
        bank was read at (refused with ``stale_record`` when someone saved it since)."""
        bank = _check_bank(bank)
        values = {k: getattr(bank, k) for k in _BANK_COLUMNS}
        values["active"] = int(values["active"])
        with self.store.transaction() as db:
            if bank.id:
                before = asdict(self.get(bank.id))
                _check_version(self.store, "banks", bank.id, expected_version, Text("合作银行", "the partner bank"),
                               bank.display)
                db.execute(
                    f"UPDATE banks SET {', '.join(f'{k} = ?' for k in values)}, version = version + 1 WHERE id = ?",
                    [*values.values(), bank.id],
                )
                bank_id = bank.id
            else:
                before = None
                if self.store.scalar("SELECT 1 FROM banks WHERE name = ? AND branch = ?", [bank.name, bank.branch]):
                    raise ValidationError("bank.branch", "duplicate", value=bank.display)
                cur = db.execute(
                    f"INSERT INTO banks ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})", list(values.values())
                )
                bank_id = self.store.inserted_id(cur)
            self.store.audit(
                user_id=acting_user_id, entity="bank", entity_id=bank_id, action="update" if bank.id else "create",
                before=before, after=values,
            )
        return self.get(bank_id)


class ReferrerRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self, *, active_only: bool = False) -> list[ReferrerRecord]:
        sql = "SELECT * FROM referrers" + (" WHERE active = 1" if active_only else "") + " ORDER BY name"
        return [ReferrerRecord(**{**r, "active": bool(r["active"])}) for r in self.store.query(sql)]

    def get(self, referrer_id: int) -> ReferrerRecord:
        rows = self.store.query("SELECT * FROM referrers WHERE id = ?", [referrer_id])
        if not rows:
            raise NotFoundError("not_found", what="推荐机构", ident=referrer_id)
        return ReferrerRecord(**{**rows[0], "active": bool(rows[0]["active"])})

    def save(self, referrer: ReferrerRecord, *, acting_user_id: int | None, expected_version: int | None = None) -> ReferrerRecord:
        """Insert (``id == 0``) or update a referrer, audited; an update needs ``expected_version`` (as for banks)."""
        name = check_text(referrer.name, "referrer.name", max_len=80)
        values = {
            "name": name,
            "kind": check_text(referrer.kind, "kind", max_len=40, required=False),
            "contact_name": check_text(referrer.contact_name, "contact_name", max_len=40, required=False),
            "contact_phone": check_phone(referrer.contact_phone, "contact_phone"),
            "active": int(referrer.active),
        }
        with self.store.transaction() as db:
            if referrer.id:
                before = asdict(self.get(referrer.id))
                _check_version(self.store, "referrers", referrer.id, expected_version, Text("推荐机构", "the referrer"), name)
                db.execute(
                    f"UPDATE referrers SET {', '.join(f'{k} = ?' for k in values)}, version = version + 1 WHERE id = ?",
                    [*values.values(), referrer.id],
                )
                rid = referrer.id
            else:
                before = None
                if self.store.scalar("SELECT 1 FROM referrers WHERE name = ?", [name]):
                    raise ValidationError("referrer.name", "duplicate", value=name)
                cur = db.execute(
                    f"INSERT INTO referrers ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})", list(values.values())
                )
                rid = self.store.inserted_id(cur)
            self.store.audit(
                user_id=acting_user_id, entity="referrer", entity_id=rid, action="update" if referrer.id else "create",
                before=before, after=values,
            )
        return self.get(rid)
