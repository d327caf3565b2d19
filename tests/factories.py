"""Test data builders shared by the tests."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ipguard.demo import names
from ipguard.domain import Role
from ipguard.store import Store
from ipguard.store.records import BankRecord, ReferrerRecord, UserRecord

PASSWORD = "secret-pass"
# The passwords of the ``team`` fixture's users on a server (tests/conftest.py): strong ones, as server init wants.
BOSS_PW = "Lantern-Orchard-Tiger-4711"
ALICE_PW = "Copper-Meadow-Violin-2093"
_HASH_CACHE: dict[str, str] = {}


def user(store: Store, username: str, *roles: Role) -> UserRecord:
    """A new user with ``roles``, signed in: the Actor every core change needs."""
    from ipguard import auth

    if "h" not in _HASH_CACHE:
        # Cheap argon2 parameters keep the many test sign-ins fast; verify reads them from the hash.
        from argon2 import PasswordHasher

        _HASH_CACHE["h"] = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    store.repos.users.create(username, username.title(), PASSWORD, set(roles), password_hash=_HASH_CACHE["h"])
    return auth.sign_in(store, username, PASSWORD)


def bank(store: Store, admin_id: int | None = None, *, bank_bp: int = 2000, reg_bp: int = 3000) -> BankRecord:
    return store.repos.banks.save(
        BankRecord(0, "上海银行", "浦东分行", "李经理", "021-58880000", "", bank_bp, "市担保中心", reg_bp), acting_user_id=admin_id
    )


def referrer(store: Store, admin_id: int | None = None) -> ReferrerRecord:
    return store.repos.referrers.save(ReferrerRecord(0, "浦东新区知识产权融资促进会", "行业协会"), acting_user_id=admin_id)


def applicant(seed: int = 1, **overrides: object) -> dict[str, object]:
    rng = random.Random(seed)
    data: dict[str, object] = {
        "company": {
            "name": "上海张江芯微半导体科技有限公司",
            "uscc": names.make_uscc(rng),
            "industry": "集成电路",
            "address": "上海市浦东新区张江路1号",
            "founded_on": "2015-06-01",
            "contact_name": "王芳",
            "contact_phone": "13800000000",
            "controller_name": "李强",
            "resident_id": names.make_resident_id(rng),
            "annual_sales": "5000000.00",
            "net_assets_last_year": "800000.00",
            "net_assets_current": "950000.00",
            "existing_bank_loans": "500000.00",
            "company_credit_good": True,
            "controller_credit_good": True,
            "counter_guarantee": True,
            "major_negative_info": False,
            # A small firm by 工信部联企业〔2011〕300号 (software: 10+ staff, 0.5 M+ revenue, under 100 staff).
            "size_industry": "software",
            "employees": 50,
        },
        "requested_amount": "1000000.00",
        "term_months": 12,
        "application_date": "2026-11-02",
        "ip_assets": [
            {
                "type": "invention_patent",
                "number": names.make_patent_number(rng, 2021, "1"),
                "title": "一种低功耗神经网络加速芯片",
                "filing_date": "2021-03-01",
                "grant_date": "2023-05-10",
                "expiry_date": "2041-03-01",
                "used_in_main_products": True,
                "revenue_supported": "2000000.00",
            }
        ],
    }
    for key, value in overrides.items():
        if key.startswith("company."):
            data["company"][key.split(".", 1)[1]] = value  # type: ignore[index]
        else:
            data[key] = value
    return data


def date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def audit_count(db: Path) -> int:
    """The audit entries in a database file, read straight from the file (not through a Store)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])
    finally:
        conn.close()
