"""Worker for the crash test: writes cases and workflow steps until it is killed.

    python scripts/crash_worker.py DB [--seed N] [--letters]

Opens DB through the public API and loops: open a case, receive its checklist,
walk it through screening, valuation, sign-off and the committee (and, with
``--letters``, issue the intent letter, which archives a PDF). After every
action returns (its transaction committed, synchronous=FULL) it prints one
line and flushes::

    COMMIT <case_no> <step> <case version> <audit entries>

The driver (scripts/crash_test.py) kills it with SIGKILL at random moments and
then checks that everything reported is in the file. ``setup_cast`` and
``applicant`` are shared with the concurrency worker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argon2 import PasswordHasher

from ipguard import auth, intake, workflow
from ipguard.domain import Role
from ipguard.store import Store, open_store
from ipguard.store.records import BankRecord, UserRecord

PASSWORD = "crash-test-pass"
MEMBERS = [f"member{i}" for i in range(5)]
STAFF = {"admin": Role.ADMIN, "am": Role.ACCOUNT_MANAGER, "rm": Role.RISK_MANAGER, "ops": Role.OPERATIONS}


def setup_cast(store: Store) -> dict[str, UserRecord | BankRecord]:
    """The users and the bank the workers act with; created once, found afterwards (idempotent)."""
    wanted = {**STAFF, **dict.fromkeys(MEMBERS, Role.COMMITTEE_MEMBER)}
    cast: dict[str, UserRecord | BankRecord] = {}
    password_hash = None
    for username, role in wanted.items():
        user = store.repos.users.by_username(username)
        if user is None:
            # Cheap argon2 parameters: the workers restart after every kill and sign everyone in.
            password_hash = password_hash or PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
            store.repos.users.create(username, username.title(), PASSWORD, {role}, password_hash=password_hash)
        cast[username] = auth.sign_in(store, username, PASSWORD)  # every change is made by a signed-in user
    banks = store.repos.banks.all()
    cast["bank"] = banks[0] if banks else store.repos.banks.save(
        BankRecord(0, "上海银行", "浦东分行", "李经理", "021-58880000", "", 2000, "市担保中心", 3000), acting_user_id=cast["admin"].id
    )
    return cast


def applicant(rng: random.Random, bank_id: int, risk_manager_id: int) -> dict[str, object]:
    """A company that passes the access criteria (the demo's generator), for this bank and risk manager."""
    from ipguard.demo.build import applicant_data

    data = applicant_data(rng, dt.date(2026, 11, 2))
    data["bank_id"] = bank_id
    data["risk_manager_id"] = risk_manager_id
    return data


def report(store: Store, case_id: int, case_no: str, step: str) -> None:
    version = store.scalar("SELECT version FROM cases WHERE id = ?", [case_id])
    print(f"COMMIT {case_no} {step} {version} {store.audit_head().count}", flush=True)


def walk_case(store: Store, cast: dict, rng: random.Random, *, letters: bool) -> None:
    """One case from intake to the committee's decision (and the intent letter)."""
    am, rm = cast["am"], cast["rm"]
    members = [cast[m] for m in MEMBERS]
    case = intake.open_case(store, intake.parse_intake(applicant(rng, cast["bank"].id, rm.id)), am)
    case_id, no = case.id, case.case_no
    report(store, case_id, no, "open")
    for n, item in enumerate(store.repos.cases.checklist(case_id)):
        if n < 2:  # the case file: a file (some 256 KB, incompressible like a scan) attached, then 已收 with it
            from ipguard import casefile

            data = b"%PDF-1.4\n%" + rng.randbytes(256 * 1024) + b"\n%%EOF\n"
            casefile.attach(store, case_id, am, data=data, name=f"{item.code}.pdf", checklist_code=item.code,
                            expected_version=store.repos.cases.get(case_id).version)
            report(store, case_id, no, f"attach:{item.code}")
            intake.set_checklist_item(store, case_id, item.code, "received", am, expected_version=store.repos.cases.get(case_id).version)
        else:
            intake.set_checklist_item(store, case_id, item.code, "received", am, paper_original=True,
                                      expected_version=store.repos.cases.get(case_id).version)
        report(store, case_id, no, f"checklist:{item.code}")
    steps = [
        ("screening", lambda: workflow.submit_for_screening(store, case_id, am, expected_version=store.repos.cases.get(case_id).version)),
        ("screened", lambda: workflow.pass_screening(store, case_id, rm, expected_version=store.repos.cases.get(case_id).version)),
        ("valuation", lambda: workflow.confirm_valuation(store, case_id, am, expected_version=store.repos.cases.get(case_id).version)),
        ("sign:A", lambda: workflow.sign_report(store, case_id, "A", am, opinion="同意", expected_version=store.repos.cases.get(case_id).version)),
        ("sign:B", lambda: workflow.sign_report(store, case_id, "B", rm, expected_version=store.repos.cases.get(case_id).version)),
        ("committee", lambda: workflow.submit_to_committee(store, case_id, am, expected_version=store.repos.cases.get(case_id).version)),
        ("attendance", lambda: workflow.record_attendance(store, case_id, [m.id for m in members], members[0], expected_version=store.repos.cases.get(case_id).version)),
    ]
    steps += [(f"vote:{m.username}", lambda m=m: workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)) for m in members]
    steps.append(("decide", lambda: workflow.decide(store, case_id, members[0], meeting_date=dt.date(2026, 11, 10), expected_version=store.repos.cases.get(case_id).version)))
    if letters:
        steps.append(("letter", lambda: workflow.issue_intent_letter(store, case_id, am, issue_date=dt.date(2026, 11, 11), expected_version=store.repos.cases.get(case_id).version)))
    for step, action in steps:
        action()
        report(store, case_id, no, step)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--letters", action="store_true", help="also issue intent letters (archives PDFs; slower)")
    parser.add_argument("--cases", type=int, default=0, help="stop after this many cases (0: until killed)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with open_store(args.db) as store:
        cast = setup_cast(store)
        print("READY", flush=True)
        done = 0
        while not args.cases or done < args.cases:
            walk_case(store, cast, rng, letters=args.letters)
            done += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
