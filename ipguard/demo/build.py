"""Build the demo database: users for every role, banks, referrers, cases.

``build_demo(path, seed)`` is deterministic for a seed (apart from wall-clock
audit timestamps). Cases are opened through the same API the app uses and
walked through the workflow to their target stage, so their histories, records
and audit trails are those a real case would have.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass
from pathlib import Path

from ipguard import admin, auth, catalog, clock, intake, messages, passwords
from ipguard.demo import names
from ipguard.demo.walk import walk_to
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError
from ipguard.rules import add_months
from ipguard.store import Store, open_store
from ipguard.store.probe import DEMO_MARKER, FileKind, probe
from ipguard.store.records import BankRecord, ReferrerRecord, UserRecord

DEMO_PASSWORD = "ipguard-demo"

messages.register(
    {
        "demo_exists": (
            "文件“{path}”已存在，演示数据库不会覆盖它；换一个文件名，或确认它是演示数据库后加 --force",
            "“{path}” exists and the demo will not replace it; choose another name, or add --force if it is a demo database",
        ),
        "demo_not_demo": (
            "“{path}”不是 ipguard 演示数据库（{kind}），演示数据不会覆盖它",
            "“{path}” is not an ipguard demo database ({kind}); the demo never replaces it",
        ),
    }
)

_KIND_TEXT = {
    FileKind.IPGUARD: ("ipguard 业务数据库", "an ipguard business database"),
    FileKind.SQLITE: ("另一个 SQLite 数据库", "another SQLite database"),
    FileKind.DIRECTORY: ("文件夹", "a folder"),
    FileKind.EMPTY: ("空文件", "an empty file"),
    FileKind.OTHER: ("不是数据库的文件", "a file that is not a database"),
}


def check_replaceable(path: Path, force: bool) -> None:
    """Refuse to build over anything but nothing, or (with ``force``) an ipguard demo database."""
    kind = probe(path)
    if kind is FileKind.MISSING or (force and kind is FileKind.IPGUARD_DEMO):
        return
    if not force and kind is not FileKind.DIRECTORY:
        raise ValidationError("db", "demo_exists", path=str(path))
    zh, en = _KIND_TEXT[kind]
    raise ValidationError("db", "demo_not_demo", path=str(path), kind=messages.Text(zh, en))


_USERS = (
    ("admin", "系统管理员", {Role.ADMIN}),
    ("zhangwei", "张伟", {Role.ACCOUNT_MANAGER}),
    ("lina", "李娜", {Role.ACCOUNT_MANAGER}),
    ("wangqiang", "王强", {Role.RISK_MANAGER}),
    ("zhaomin", "赵敏", {Role.RISK_MANAGER}),
    ("chenjie", "陈杰", {Role.COMMITTEE_MEMBER}),
    ("liuyang", "刘洋", {Role.COMMITTEE_MEMBER}),
    ("huangli", "黄丽", {Role.COMMITTEE_MEMBER}),
    ("zhouhai", "周海", {Role.COMMITTEE_MEMBER}),
    ("wujun", "吴军", {Role.COMMITTEE_MEMBER}),
    ("xuting", "徐婷", {Role.COMMITTEE_MEMBER, Role.RISK_MANAGER}),
    ("sunli", "孙丽", {Role.OPERATIONS}),
)

_BANKS = (
    ("上海银行", "浦东分行", 2000, "上海市中小微企业政策性融资担保基金", 3000),
    ("招商银行", "上海张江支行", 1000, "上海市中小微企业政策性融资担保基金", 3000),
    ("交通银行", "上海浦东分行", 1500, "", 0),
    ("浦发银行", "上海科技支行", 2000, "上海市中小微企业政策性融资担保基金", 2500),
    ("中国银行", "上海临港支行", 1000, "", 0),
)

_REFERRERS = (
    ("浦东新区知识产权融资促进会", "行业协会"),
    ("张江科学城知识产权服务中心", "园区"),
    ("浦东新区知识产权局", "知识产权局"),
)

# Target stages, with how many demo cases end at each (36 in all, 17 stages).
DEMO_STAGES: tuple[tuple[Stage, int], ...] = (
    (Stage.INTAKE, 3),
    (Stage.SCREENING, 2),
    (Stage.VALUATION, 2),
    (Stage.INVESTIGATION, 2),
    (Stage.COMMITTEE, 2),
    (Stage.INTENT_LETTER, 2),
    (Stage.BANK_APPROVAL, 3),
    (Stage.CONTRACTS, 2),
    (Stage.PLEDGE_REGISTRATION, 2),
    (Stage.DISBURSEMENT, 2),
    (Stage.IN_FORCE, 6),
    (Stage.RELEASED, 3),
    (Stage.DEFAULTED, 1),
    (Stage.RECOVERY, 1),
    (Stage.CLOSED, 1),
    (Stage.DECLINED, 1),
    (Stage.WITHDRAWN, 1),
)


@dataclass
class DemoParties:
    users: dict[str, auth.Actor]  # signed in: the demo acts as its users
    banks: list[BankRecord]
    referrers: list[ReferrerRecord]

    def by_id(self, user_id: int) -> UserRecord:
        """The signed-in demo user with this id."""
        return next(u for u in self.users.values() if u.id == user_id)

    def with_role(self, role: Role) -> list[UserRecord]:
        return [u for u in self.users.values() if role in u.roles]


def create_parties(store: Store) -> DemoParties:
    # One hash for all demo users: hashing is deliberately slow.
    shared_hash = passwords.hash_password(DEMO_PASSWORD)
    users: dict[str, auth.Actor] = {}
    for username, display, roles in _USERS:
        store.repos.users.create(username, display, DEMO_PASSWORD, roles, password_hash=shared_hash)
        # The demo acts as its users, so it signs each in like anyone else.
        users[username] = auth.sign_in(store, username, DEMO_PASSWORD)
    admin = users["admin"].id
    banks = [
        store.repos.banks.save(
            BankRecord(0, name, branch, names.person_name(random.Random(i)) + "经理", f"021-6{i}88 {1000 + i * 7:04d}",
                       "", bank_bp, reg_name, reg_bp),
            acting_user_id=admin,
        )
        for i, (name, branch, bank_bp, reg_name, reg_bp) in enumerate(_BANKS)
    ]
    referrers = [
        store.repos.referrers.save(ReferrerRecord(0, name, kind, "", ""), acting_user_id=admin) for name, kind in _REFERRERS
    ]
    return DemoParties(users, banks, referrers)


def applicant_data(rng: random.Random, application_date: dt.date, *, eligible: bool = True) -> dict[str, object]:
    """One plausible applicant as raw intake values (strings, as a form gives them)."""
    name, industry = names.company(rng)
    sales = rng.randrange(300, 6000) * 10_000
    existing = rng.randrange(0, max(1, sales // 10_000 // 6)) * 10_000
    requested = min(rng.choice((100, 200, 300, 500, 800, 1000)) * 10_000, int(sales * 0.4) - existing)
    requested = max(requested // 100_000 * 100_000, 500_000)
    if not eligible:
        sales = 1_800_000
    year = rng.randrange(2016, 2024)
    assets: list[dict[str, object]] = []
    titles: set[str] = set()  # one company's assets never share a title
    for n in range(rng.choice((1, 1, 2, 3))):
        # The first asset is the core patent or mark; utility models are recent (10-year term).
        kind = rng.choice(("1", "1", "tm")) if n == 0 else rng.choice(("1", "2", "tm", "sw"))
        filing_year = max(year, 2020) if kind == "2" else year
        filing = dt.date(filing_year, rng.randrange(1, 13), rng.randrange(1, 28))
        if kind == "1":
            grant = filing + dt.timedelta(days=rng.randrange(500, 1100))
            assets.append({"type": "invention_patent", "number": names.make_patent_number(rng, filing.year, "1"),
                           "title": names.invention_title(rng, titles), "filing_date": filing.isoformat(), "grant_date": grant.isoformat(),
                           "expiry_date": filing.replace(year=filing.year + 20).isoformat(), "used_in_main_products": True,
                           "revenue_supported": str(sales // 3)})
        elif kind == "2":
            grant = filing + dt.timedelta(days=rng.randrange(150, 400))
            assets.append({"type": "utility_model", "number": names.make_patent_number(rng, filing.year, "2"),
                           "title": names.utility_title(rng, titles), "filing_date": filing.isoformat(), "grant_date": grant.isoformat(),
                           "expiry_date": filing.replace(year=filing.year + 10).isoformat(), "used_in_main_products": rng.random() < 0.6})
        elif kind == "tm":
            grant = filing + dt.timedelta(days=rng.randrange(300, 600))
            assets.append({"type": "trademark", "number": str(rng.randrange(10_000_000, 60_000_000)), "title": name[2:6],
                           "nice_class": rng.choice((9, 10, 42, 5, 1)), "filing_date": filing.isoformat(),
                           "grant_date": grant.isoformat(), "expiry_date": _trademark_expiry(grant, application_date).isoformat(),
                           "used_in_main_products": True})
        else:
            grant = filing + dt.timedelta(days=rng.randrange(30, 120))
            assets.append({"type": "software_copyright", "number": f"{grant.year}SR{rng.randrange(10**6, 10**7):07d}",
                           "title": names.software_title(rng, name[4:6], titles), "grant_date": grant.isoformat(),
                           "expiry_date": dt.date(grant.year + 50, 12, 31).isoformat(), "used_in_main_products": True})
    for a in assets:
        a["owners"] = name
    controller_born = dt.date(1968, 1, 1) + dt.timedelta(days=rng.randrange(365 * 20))
    return {
        "company": {
            "name": name,
            "uscc": names.make_uscc(rng),
            "industry": industry,
            "address": f"上海市浦东新区{rng.choice(('张江', '金桥', '临港', '外高桥'))}路{rng.randrange(1, 999)}号",
            "founded_on": dt.date(rng.randrange(2008, 2020), rng.randrange(1, 13), 1).isoformat(),
            "contact_name": names.person_name(rng),
            "contact_phone": names.phone(rng),
            "controller_name": names.person_name(rng),
            "resident_id": names.make_resident_id(rng, controller_born),
            "annual_sales": f"{sales}.00",
            "net_assets_last_year": f"{rng.randrange(50, 3000) * 10_000}.00",
            "net_assets_current": f"{rng.randrange(60, 3200) * 10_000}.00",
            "existing_bank_loans": f"{existing}.00",
            "company_credit_good": True,
            "controller_credit_good": True,
            "counter_guarantee": True,
            "major_negative_info": False,
            # Sized per 工信部联企业〔2011〕300号 (工业: small from 20 staff and 3 M revenue); derived, not drawn, so the
            # random sequence of the demo stays as it was.
            "size_industry": "industry",
            "employees": 20 + (sales // 100_000) % 260,
        },
        "requested_amount": f"{requested}.00",
        "term_months": rng.choice((12, 12, 12, 24, 36)),
        "application_date": application_date.isoformat(),
        "ip_assets": assets,
    }


def _trademark_expiry(grant: dt.date, application_date: dt.date) -> dt.date:
    """Registrations run ten years and are renewed: the current term's end, at least four years ahead."""
    expiry = add_months(grant, 120)
    while expiry < add_months(application_date, 48):
        expiry = add_months(expiry, 120)
    return expiry


def build_demo(path: str | Path, seed: int = 2026, *, today: dt.date | None = None) -> Path:
    """Write a fresh demo database at ``path``, replacing any file there in one rename.

    The database is built beside the target under a temporary name, so a failure
    (or a kill) part-way leaves the old file as it was. Whether a file may be
    replaced at all is the caller's decision (``ipguard demo`` refuses a real database).
    """
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.building")
    _remove_database_files(building)
    try:
        _build(building, seed, today or clock.today())
        _remove_database_files(path)
        os.replace(building, path)
    finally:
        _remove_database_files(building)
    return path


def _remove_database_files(path: Path) -> None:
    # Never leave an old -wal beside a new file: SQLite would replay it into the wrong database.
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _build(path: Path, seed: int, today: dt.date) -> None:
    rng = random.Random(seed)
    store = open_store(path)
    try:
        parties = create_parties(store)
        store.repos.settings.set_many({DEMO_MARKER: seed}, acting_user_id=parties.users["admin"].id)
        record_guarantor_figures(store, parties.users["admin"], min(today, clock.today()))
        product_tags = [t.code for t in catalog.current_product(store).target_tags]
        plan = [stage for stage, count in DEMO_STAGES for _ in range(count)]
        for index, target in enumerate(plan):
            # Older cases further along: spread applications over the last year.
            days_back = _days_back(target, rng)
            application = today - dt.timedelta(days=days_back)
            data = applicant_data(rng, application, eligible=target is not Stage.DECLINED or rng.random() < 0.5)
            if target in (Stage.RELEASED, Stage.DEFAULTED, Stage.RECOVERY, Stage.CLOSED):
                data["term_months"] = 12
            data["bank_id"] = rng.choice(parties.banks).id
            data["referrer_id"] = rng.choice(parties.referrers).id
            data["recommendation_opinion"] = "该企业技术实力较强，知识产权权属清晰，经营情况良好，推荐申请知识产权快易贷。"
            data["target_tags"] = rng.sample(product_tags, rng.randrange(2, 6))
            manager = parties.with_role(Role.ACCOUNT_MANAGER)[index % 2]
            risk = parties.with_role(Role.RISK_MANAGER)[index % 2]
            data["risk_manager_id"] = risk.id
            case = intake.open_case(store, intake.parse_intake(data), manager)
            walk_to(store, case.id, target, parties, rng, today)
    finally:
        store.close()


def record_guarantor_figures(store: Store, admin_user: UserRecord, today: dt.date) -> None:
    """The guarantor's net assets as an admin records them (through the admin service, by effective date):
    last year's audited figure for the months before this year, this year's from 1 January."""
    this_year = dt.date(today.year, 1, 1)
    admin.record_guarantor_figures(store, admin_user, net_assets_fen=1_380_000_000_00, mainly_small_micro=False,
                                   effective_date=dt.date(today.year - 2, 1, 1), note=f"{today.year - 3}年度审计报告")
    admin.record_guarantor_figures(store, admin_user, net_assets_fen=1_500_000_000_00, mainly_small_micro=False,
                                   effective_date=this_year, note=f"{today.year - 1}年度审计报告")


def _days_back(target: Stage, rng: random.Random) -> int:
    if target in (Stage.INTAKE, Stage.SCREENING, Stage.VALUATION, Stage.INVESTIGATION, Stage.COMMITTEE):
        return rng.randrange(1, 10)
    if target in (Stage.INTENT_LETTER, Stage.BANK_APPROVAL, Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT):
        return rng.randrange(8, 20)
    if target in (Stage.DECLINED, Stage.WITHDRAWN):
        return rng.randrange(10, 60)
    if target is Stage.IN_FORCE:
        # Some disbursed this month, so the month's figures and report have activity.
        return rng.choice((rng.randrange(17, 24), rng.randrange(30, 300), rng.randrange(30, 300)))
    # Released, defaulted and compensated cases matured in the past.
    return rng.randrange(420, 640)
