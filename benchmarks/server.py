"""The team server's figures (issue 20): action latency with 1, 8 and 20 workstations, and the case list at 1,000,000 cases.

Where the server comes from: ``IPGUARD_BENCH_PG`` (a libpq connection string of a role that may create
databases), else a throwaway cluster started with scripts/pg_cluster.sh when PostgreSQL is installed,
else the section is skipped ("skipped: no PostgreSQL").

Workload (one workstation = one process, spawned, its own store and its own signed-in user, as at a
desk): a loop of real core actions — open a case from the list (read the case and its checklist), save a
checklist item with the version just read, and every fifth step a new case at intake. Each workstation
works on its own cases, so the figures are the cost of the actions and of taking turns at the one
writer lock, not of conflicts. The same single-workstation loop runs on an SQLite file in the same run.

Two paces. At a desk, a workstation pauses between steps for a random time (exponential, mean
``DESK_PACE_S`` = 1 s: an underwriter reads the screen and types between two saves; a real one takes tens
of seconds, so one second is a harsh pace). Back to back, no pause at all: every workstation saves as fast
as the machine lets it, a stress figure that shows the one-writer queue at its longest. The goal
(p95 ≤ 100 ms at 20 workstations) is judged at the desk pace; both are printed.

The million cases are generated on the server by INSERT … SELECT FROM generate_series with the search
triggers switched off for the load and the search text written by one statement afterwards: this bypasses
the app (no audit entries, no checklist) and is only for measuring the case list. The list figures are
the store's calls behind the window's list on a server: the first keyset page of 200 rows, a filter (a
company-name fragment through the pg_trgm index, then its first page), and the total count.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks._util import median_time

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-1"
ACTIONS = ("open_case", "save_checklist", "intake")
GOAL_S = 0.100
DESK_PACE_S = 1.0  # mean pause between a workstation's steps at a desk (see the module docstring)


def p(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


@contextmanager
def server_dsn(work: Path) -> Iterator[tuple[str | None, str]]:
    """A connection string able to create databases, and where it came from (None: no server here)."""
    given = os.environ.get("IPGUARD_BENCH_PG")
    if given:
        yield given, "IPGUARD_BENCH_PG"
        return
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) or shutil.which("bash") is None:
        yield None, "no PostgreSQL"
        return
    cluster = Path(tempfile.mkdtemp(prefix="ipguard-bench-pg-"))
    cluster.chmod(0o755)  # the cluster runs as the unprivileged "postgres" user when this runs as root
    script = ROOT / "scripts" / "pg_cluster.sh"
    try:
        out = subprocess.run(["bash", str(script), "start", str(cluster / "c")], capture_output=True, text=True,
                             check=True).stdout
        dsn = next(line.split("=", 1)[1].strip().strip("'") for line in out.splitlines()
                   if line.startswith("export IPGUARD_TEST_PG="))
        yield dsn, "a throwaway cluster (scripts/pg_cluster.sh)"
    finally:
        subprocess.run(["bash", str(script), "stop", str(cluster / "c")], capture_output=True, check=False)
        shutil.rmtree(cluster, ignore_errors=True)


def _with_db(dsn: str, dbname: str) -> str:
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(dsn)
    params["dbname"] = dbname
    return psycopg.conninfo.make_conninfo(**params)


def new_database(admin_dsn: str, name: str) -> str:
    """A new database with the latest schema (dropped first, with its roles, if a previous run left it)."""
    import psycopg
    from psycopg import sql

    from ipguard.store import server, server_roles

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        server_roles.drop_database(conn, name)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    dsn = _with_db(admin_dsn, name)
    server.migrate(dsn)
    return dsn


def drop_database(admin_dsn: str, name: str) -> None:
    """The benchmark's database and its users' logins (they have a known password) dropped."""
    import psycopg

    from ipguard.store import server_roles

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        server_roles.drop_database(conn, name)


def _applicant(seed: int, bank_id: int, rm_id: int) -> dict[str, Any]:
    import random

    from ipguard.demo import names

    rng = random.Random(seed)
    return {
        "company": {
            "name": f"上海张江芯微{seed}号科技有限公司", "uscc": names.make_uscc(rng), "industry": "集成电路",
            "address": "上海市浦东新区张江路1号", "founded_on": "2015-06-01", "contact_name": "王芳",
            "contact_phone": "13800000000", "controller_name": "李强", "resident_id": names.make_resident_id(rng),
            "annual_sales": "5000000.00", "net_assets_last_year": "800000.00", "net_assets_current": "950000.00",
            "existing_bank_loans": "500000.00", "company_credit_good": True, "controller_credit_good": True,
            "counter_guarantee": True, "major_negative_info": False, "size_industry": "software", "employees": 50,
        },
        "ip_assets": [{"type": "invention_patent", "number": names.make_patent_number(rng, 2021, "1"),
                       "title": "一种低功耗神经网络加速芯片", "filing_date": "2021-03-01", "grant_date": "2023-05-10",
                       "expiry_date": "2041-03-01", "used_in_main_products": True, "revenue_supported": "2000000.00"}],
        "requested_amount": "1000000.00", "term_months": 12, "application_date": "2026-11-02",
        "bank_id": bank_id, "risk_manager_id": rm_id,
    }


def prepare(store: Any, workstations: int) -> dict[str, Any]:
    """Users w0..wN-1 (account managers), a risk manager, a bank, and one case per workstation."""
    from argon2 import PasswordHasher

    from ipguard import auth, intake
    from ipguard.domain import Role
    from ipguard.store.records import BankRecord

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)  # sign-in is not measured
    store.repos.users.create("admin", "Admin", PASSWORD, {Role.ADMIN}, password_hash=cheap)
    store.repos.users.create("rm", "Rm", PASSWORD, {Role.RISK_MANAGER}, password_hash=cheap)
    admin = auth.sign_in(store, "admin", PASSWORD)
    rm = auth.sign_in(store, "rm", PASSWORD)
    bank = store.repos.banks.save(BankRecord(0, "上海银行", "浦东分行", "", "", "", 2000, "", 3000), acting_user_id=admin.id)
    cases = []
    for i in range(workstations):
        store.repos.users.create(f"w{i}", f"W{i}", PASSWORD, {Role.ACCOUNT_MANAGER}, password_hash=cheap)
        user = auth.sign_in(store, f"w{i}", PASSWORD)
        cases.append(intake.open_case(store, intake.parse_intake(_applicant(900_000 + i, bank.id, rm.id)), user).id)
    return {"bank_id": bank.id, "rm_id": rm.id, "cases": cases}


def workstation(target: str, index: int, setup: dict[str, Any], steps: int, ready: Any, go: Any,
                pace_s: float = 0.0) -> dict[str, list[float]]:
    """One desk: sign in, then ``steps`` actions timed one by one, pausing ``pace_s`` on average between steps."""
    import random

    from ipguard import auth, intake
    from ipguard.store import open_store

    pauses = random.Random(index)
    times: dict[str, list[float]] = {name: [] for name in ACTIONS}
    with open_store(target, create=False) as store:
        user = auth.sign_in(store, f"w{index}", PASSWORD)
        case_id = setup["cases"][index]
        codes = [item.code for item in store.repos.cases.checklist(case_id)]
        if ready is not None:
            ready.release()
            go.wait()
        for n in range(steps):
            if pace_s:
                time.sleep(pauses.expovariate(1 / pace_s))  # the person between two steps (not timed)
            started = time.perf_counter()
            case = store.repos.cases.get(case_id)  # the case opened from the list
            store.repos.cases.checklist(case_id)
            times["open_case"].append(time.perf_counter() - started)
            started = time.perf_counter()
            intake.set_checklist_item(store, case_id, codes[n % len(codes)], ("received", "missing")[n % 2], user,
                                      note=f"w{index}-{n}", paper_original=True, expected_version=case.version)
            times["save_checklist"].append(time.perf_counter() - started)
            if n % 5 == 4:
                typed = _applicant(1_000 * index + n, setup["bank_id"], setup["rm_id"])  # what the user typed: not timed
                started = time.perf_counter()
                intake.open_case(store, intake.parse_intake(typed), user)
                times["intake"].append(time.perf_counter() - started)
    return times


def _summary(runs: list[dict[str, list[float]]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name in ACTIONS:
        values = [v for r in runs for v in r[name]]
        if values:
            out[name] = {"p50_ms": round(statistics.median(values) * 1000, 1), "p95_ms": round(p(values, 0.95) * 1000, 1),
                         "n": len(values)}
    return out


def concurrent(dsn: str, workstations: int, steps: int, pace_s: float) -> dict[str, dict[str, float]]:
    """``workstations`` spawned processes on the server doing the workload at once, at ``pace_s``."""
    from ipguard.store import open_store

    with open_store(dsn, create=False) as store:
        setup = prepare(store, workstations)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(workstations) as pool:
        ready, go = manager.Semaphore(0), manager.Event()
        futures = [pool.apply_async(workstation, (dsn, i, setup, steps, ready, go, pace_s)) for i in range(workstations)]
        for _ in range(workstations):
            ready.acquire()
        go.set()
        runs = [f.get() for f in futures]
    return _summary(runs)


def single_sqlite(path: Path, steps: int) -> dict[str, dict[str, float]]:
    from ipguard.store import open_store

    with open_store(path) as store:
        setup = prepare(store, 1)
    return _summary([workstation(str(path), 0, setup, steps, None, None)])


def generate_cases(dsn: str, count: int) -> float:
    """``count`` cases (and as many companies) written on the server in bulk, bypassing the app; seconds taken."""
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        user_id = conn.execute("SELECT min(id) FROM users").fetchone()[0]  # type: ignore[index]
        conn.execute("SET session_replication_role = replica")  # the per-row search triggers off for the load
        conn.execute(
            "INSERT INTO companies (name, uscc, created_at, updated_at)"
            " SELECT (ARRAY['上海张江','苏州工业园','杭州滨江','深圳南山','北京中关村'])[1 + mod(i, 5)] || '芯微' || i || '号科技有限公司',"
            " 'B' || lpad(i::text, 17, '0'), '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00'"
            " FROM generate_series(1, %s) AS i", [count])
        conn.execute(
            "INSERT INTO cases (case_no, company_id, product_code, params_version, requested_amount_fen, term_months,"
            " application_date, stage, account_manager_id, created_at, updated_at, stage_changed_at)"
            " SELECT 'BLK-' || lpad(co.id::text, 8, '0'), co.id, 'kuaiyidai', '1', 100000000 + mod(co.id, 997) * 100000, 12,"
            " to_char(date '2020-01-01' + mod(co.id, 2500)::int, 'YYYY-MM-DD'),"
            " (ARRAY['intake','screening','valuation','in_force','closed'])[1 + mod(co.id, 5)], %s,"
            " '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00'"
            " FROM companies co WHERE co.uscc LIKE 'B%%'", [user_id])
        conn.execute("INSERT INTO case_search (rowid, body) SELECT c.id, c.case_no || ' ' || co.name || ' ' || co.uscc"
                     " FROM cases c JOIN companies co ON co.id = c.company_id WHERE c.case_no LIKE 'BLK-%%'")
        conn.execute("SET session_replication_role = DEFAULT")
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def list_figures(dsn: str, repeat: int) -> tuple[dict[str, float], dict[str, Any]]:
    """The store calls behind the list on a server, medians in seconds; and what the planner chose."""
    from ipguard.domain import Stage
    from ipguard.store import open_store
    from ipguard.store.records import CaseFilter

    def median(fn: Callable[[], Any]) -> float:
        return median_time(fn, repeat)

    fragment = "芯微12345"
    with open_store(dsn, create=False) as store:
        cases = store.repos.cases
        everything, search = CaseFilter(), CaseFilter(text=fragment)
        stage = CaseFilter(stages=(Stage.SCREENING,), sort_key="application_date")
        figures = {
            "first_page_s": median(lambda: cases.keyset_page(everything, None, 200)),
            "next_page_s": median(lambda: cases.keyset_page(everything, cases.keyset_page(everything, None, 200)[1], 200)),
            "filter_text_s": median(lambda: (cases.count(search), cases.keyset_page(search, None, 200))),
            "filter_stage_first_page_s": median(lambda: cases.keyset_page(stage, None, 200)),
            "count_all_s": median(lambda: cases.count(everything)),
        }
        plan = store.db.conn.raw.execute(
            "EXPLAIN SELECT rowid FROM case_search WHERE body ILIKE %s", [f"%{fragment}%"]).fetchall()
        info = {"search_fragment": fragment, "matches": cases.count(search),
                "trigram_plan": " / ".join(str(r[0]).strip() for r in plan[:3])}
    return figures, info


def measure(work: Path, quick: bool, log: Callable[[str], None]) -> dict[str, Any]:
    """The server section of ``python -m benchmarks``: figures, goals met or missed, or why it was skipped."""
    work.mkdir(parents=True, exist_ok=True)
    big = 2_000 if quick else 1_000_000
    steps = 3 if quick else 40
    with server_dsn(work) as (admin_dsn, origin):
        if admin_dsn is None:
            log(f"server: skipped: {origin}")
            return {"skipped": origin}
        out: dict[str, Any] = {"server": origin}
        name = f"ipguard_bench_{os.getpid()}"
        latency: dict[str, Any] = {}
        log("server: the same single-workstation workload on SQLite")
        latency["sqlite_1"] = single_sqlite(work / "server-compare.sqlite", steps)
        pace = 0.01 if quick else DESK_PACE_S
        for label, pace_s in (("", pace), ("_back_to_back", 0.0)):
            for n in (1, 8, 20):
                log(f"server: {n} concurrent workstations, " + (f"pause {pace_s} s on average" if pace_s else "back to back"))
                dsn = new_database(admin_dsn, name)
                try:
                    latency[f"server_{n}{label}"] = concurrent(dsn, n, steps, pace_s)
                finally:
                    drop_database(admin_dsn, name)
        out["latency"] = latency
        out["desk_pace_s"] = pace
        log(f"server: {big:,} cases generated on the server")
        dsn = new_database(admin_dsn, name)
        try:
            out["generate_s"] = round(generate_cases(dsn, big), 1)
            figures, info = list_figures(dsn, 3 if quick else 5)
        finally:
            drop_database(admin_dsn, name)
        out["case_list"] = {"cases": big, **{k: round(v, 4) for k, v in figures.items()}, **info}
        worst = max(v["p95_ms"] for v in latency["server_20"].values())  # at the desk pace
        goals = {
            "p95_at_20_workstations_le_100ms": worst <= GOAL_S * 1000,
            "first_page_le_100ms": figures["first_page_s"] <= GOAL_S,
            "filter_le_100ms": figures["filter_text_s"] <= GOAL_S,
        }
        out["goals"] = {k: ("met" if v else "missed") for k, v in goals.items()}
        for key, verdict in out["goals"].items():
            log(f"server goal {key}: {verdict}")
        if quick:
            out["note"] = f"quick: {big:,} cases instead of 1,000,000; {steps} steps per workstation; pause {pace} s"
        return out


if __name__ == "__main__":  # python -m benchmarks.server: only this section
    import json

    def _log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="ipguard-bench-") as tmp:
        print(json.dumps(measure(Path(tmp), "--quick" in sys.argv, _log), ensure_ascii=False, indent=2))
