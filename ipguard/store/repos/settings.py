"""Admin settings: key/value settings, holiday overrides, product versions."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ipguard import messages
from ipguard.errors import ConflictError
from ipguard.store.records import ProductVersionRecord, required_date

messages.register(
    {
        "stale_settings": (
            "系统设置已被其他人修改（{names}），您的修改没有保存；请点“放弃修改”重新载入后再改",
            "the settings were changed by someone else ({names}); your change was not saved: "
            "press Discard changes to reload them and try again",
        ),
    }
)

if TYPE_CHECKING:
    from ipguard.store.core import Store

# Defaults an admin changes in settings; the letterhead prints on documents.
# (The guarantor's net assets and "mainly small and micro" flag are versioned by
# effective date in their own table: store.repos.guarantor, admin.record_guarantor_figures.)
DEFAULTS: dict[str, Any] = {
    "letterhead.company_name": "上海浦江科技融资担保有限公司",
    "letterhead.address": "上海市浦东新区张江路88号科创大厦12楼",
    "letterhead.telephone": "021-5888 0000",
    "letterhead.signatory": "王建国",
    "letterhead.signatory_title": "总经理",
    "documents.font_path": "",
    # 发文字号 issuer codes (GB/T 9704: 代字〔年份〕序号号), one per document kind.
    "documents.code.intent_letter": "浦科担函",
    "documents.code.disbursement_notice": "浦科担放",
    "documents.code.investigation_report": "浦科担调",
    "documents.code.committee_resolution": "浦科担审",
    # The handling desk's telephone printed with the handling officer (经办人) on letters and notices.
    "documents.handling_phone": "",
    # The guarantee's scope and period as the intent letter states them (per the cooperation agreement).
    "documents.guarantee_scope": "借款合同项下的借款本金、利息、罚息、复利及实现债权的费用",
    "documents.guarantee_period": "借款合同约定的债务履行期限届满之日起三年",
    # 抄送 (copies to) printed on letters and notices, besides the referring body.
    "documents.cc": "",
    "backup.dir": "",
    "backup.keep_daily": 7,
    "backup.keep_monthly": 12,
    "backup.auto_daily": True,
    "ui.language": "zh",
    # The case file (电子档案): the largest file one may attach, in MB.
    "casefile.max_file_mb": 50,
}


# Former settings that now have an effective date (migration m006): never written as settings.
VERSIONED_KEYS = frozenset({"guarantor.net_assets_fen", "guarantor.mainly_small_micro"})


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        value = self.store.scalar("SELECT value FROM settings WHERE key = ?", [key])
        if value is None:
            return DEFAULTS.get(key, default)
        return json.loads(value)

    def all(self) -> dict[str, Any]:
        values = dict(DEFAULTS)
        values.update({r["key"]: json.loads(r["value"]) for r in self.store.query("SELECT key, value FROM settings")})
        return values

    def set_many(self, values: dict[str, Any], *, acting_user_id: int | None, read: Mapping[str, Any] | None = None) -> None:
        """Save ``values``; with ``read`` (the values the form showed, from :meth:`all`) a value someone else
        changed since is never overwritten: ConflictError("stale_settings") naming it, nothing saved."""
        versioned = sorted(set(values) & VERSIONED_KEYS)
        if versioned:
            raise ValueError(f"{', '.join(versioned)}: recorded with an effective date (store.repos.guarantor), not a setting")
        with self.store.transaction() as db:
            if read is not None:
                stale = [key for key, value in values.items()
                         if (now := self.get(key)) != value and now != read.get(key, DEFAULTS.get(key))]
                if stale:
                    raise ConflictError("stale_settings", names=messages.Text(
                        "、".join(messages.field_label(k, "zh") for k in stale),
                        ", ".join(messages.field_label(k, "en") for k in stale)))
            for key, value in values.items():
                before = self.get(key)
                if before == value:
                    continue
                db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value, ensure_ascii=False)],
                )
                self.store.audit(user_id=acting_user_id, entity="setting", entity_id=key, action="set", before=before, after=value)

    # -- holiday overrides -----------------------------------------------------

    def holiday_overrides(self) -> dict[dt.date, bool]:
        return {required_date(r["day"]): bool(r["is_workday"]) for r in self.store.query("SELECT day, is_workday FROM holiday_overrides")}

    def holiday_override_rows(self) -> list[tuple[dt.date, bool, str]]:
        rows = self.store.query("SELECT day, is_workday, note FROM holiday_overrides ORDER BY day")
        return [(required_date(r["day"]), bool(r["is_workday"]), r["note"]) for r in rows]

    def set_holiday_override(self, day: dt.date, is_workday: bool | None, note: str = "", *, acting_user_id: int | None) -> None:
        """Mark a day as working (True), off (False), or remove the override (None)."""
        with self.store.transaction() as db:
            if is_workday is None:
                db.execute("DELETE FROM holiday_overrides WHERE day = ?", [day.isoformat()])
            else:
                db.execute(
                    "INSERT INTO holiday_overrides (day, is_workday, note) VALUES (?, ?, ?)"
                    " ON CONFLICT(day) DO UPDATE SET is_workday = excluded.is_workday, note = excluded.note",
                    [day.isoformat(), int(is_workday), note],
                )
            self.store.audit(
                user_id=acting_user_id, entity="holiday_override", entity_id=day.isoformat(), action="set", after=is_workday
            )

    # -- product versions --------------------------------------------------------

    def product_version_text(self, code: str, version: str) -> str | None:
        return self.store.scalar_str("SELECT toml_text FROM product_versions WHERE code = ? AND version = ?", [code, version])

    def product_versions(self, code: str) -> list[ProductVersionRecord]:
        """The saved versions of a product, by effective date."""
        return [ProductVersionRecord(r["code"], r["version"], required_date(r["effective_date"]), r["created_at"], r["created_by"])
                for r in self.store.query(
                    "SELECT code, version, effective_date, created_at, created_by FROM product_versions WHERE code = ?"
                    " ORDER BY effective_date, created_at", [code])]  # fmt: skip

    def latest_product_text(self, code: str, on: dt.date | None = None) -> str | None:
        """The newest stored version effective on ``on`` (default: any)."""
        sql = "SELECT toml_text FROM product_versions WHERE code = ?"
        params: list[Any] = [code]
        if on:
            sql += " AND effective_date <= ?"
            params.append(on.isoformat())
        return self.store.scalar_str(sql + " ORDER BY effective_date DESC, created_at DESC LIMIT 1", params)

    def save_product_version(
        self, code: str, version: str, effective_date: dt.date, text: str, *, acting_user_id: int | None
    ) -> bool:
        """Store a version's exact text once; returns False when it was already stored."""
        with self.store.transaction() as db:
            existing = self.product_version_text(code, version)
            if existing is not None:
                return False
            db.execute(
                "INSERT INTO product_versions (code, version, effective_date, toml_text, created_at, created_by) VALUES (?,?,?,?,?,?)",
                [code, version, effective_date.isoformat(), text, self.store.now(), acting_user_id],
            )
            self.store.audit(
                user_id=acting_user_id, entity="product_version", entity_id=f"{code}@{version}", action="create",
                after={"effective_date": effective_date.isoformat()},
            )
        return True
