"""Test set-up: Qt runs offscreen; every test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("IPGUARD_NO_AUTOBACKUP", "1")

import datetime as dt

import pytest

from ipguard import clock
from tests import pg_backend

# Every test runs on this date whatever the real one is (CI also runs the suite
# with the system clock moved 400+ days ahead to prove it).
TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 0)


@pytest.fixture(autouse=True)
def fixed_clock():
    """The clock every test sees: :data:`NOW`, unless the test fixes another."""
    with clock.frozen(NOW):
        yield clock


@pytest.fixture
def store(tmp_path, request):
    """A fresh database of the latest schema, closed after the test (a module may define its own).

    An SQLite file, or with ``IPGUARD_TEST_PG`` set (``scripts/test.sh`` does, against a throwaway
    cluster) a fresh PostgreSQL database cloned from a migrated template (tests/pg_backend.py).
    """
    from ipguard.store import open_store

    if pg_backend.ACTIVE:
        s = open_store(pg_backend.fresh_database(request.node.nodeid))
        yield s
        s.close()
        pg_backend.drop_database(s.dsn)
        return
    s = open_store(tmp_path / "t.sqlite")
    yield s
    s.close()


@pytest.fixture
def empty_server_db(request):
    """Connection string of a new, empty PostgreSQL database (no schema), dropped after the test;
    for ``@pytest.mark.server_only`` tests (``ipguard server init``, import, restore)."""
    dsn = pg_backend.empty_database(request.node.nodeid)
    yield dsn
    pg_backend.drop_database(dsn)


@pytest.fixture
def team(empty_server_db):
    """A server database after ``server init`` (first admin "boss") where boss added "alice", an account
    manager; their passwords are ``tests.factories.BOSS_PW`` and ``ALICE_PW``. Returns its connection string."""
    from ipguard import admin, auth
    from ipguard.domain import Role
    from ipguard.store import open_store, server
    from tests.factories import ALICE_PW, BOSS_PW

    server.init(empty_server_db, "boss", "老板", BOSS_PW)
    with open_store(empty_server_db, credentials=("boss", BOSS_PW)) as s:
        boss = auth.sign_in(s, "boss", BOSS_PW)
        admin.create_user(s, boss, "alice", "爱丽丝", ALICE_PW, {Role.ACCOUNT_MANAGER})
    return empty_server_db


@pytest.fixture
def server_admin_dsn():
    """The test cluster's superuser connection string (``IPGUARD_TEST_PG``), for ``server_only`` tests."""
    return pg_backend.DSN


def pytest_collection_modifyitems(config, items):
    """On the PostgreSQL run, only the tests of the store's behaviour: those on the ``store`` fixture
    that do not test the SQLite file itself (``@pytest.mark.sqlite_only``)."""
    pg_backend.select(config, items)


def pytest_sessionfinish(session, exitstatus):
    """The run's template database dropped: a cluster that outlives the run keeps nothing of it."""
    pg_backend.drop_template()


def pytest_report_header(config):
    return f"ipguard backend: {pg_backend.label()}"


@pytest.fixture
def admin(store):
    """The administrator 管理员甲 (password ``tests.factories.PASSWORD``), signed in on ``store``."""
    from ipguard import auth
    from ipguard.domain import Role
    from tests.factories import PASSWORD

    store.repos.users.create("admin", "管理员甲", PASSWORD, {Role.ADMIN})
    return auth.sign_in(store, "admin", PASSWORD)  # a window acts as a signed-in user


@pytest.fixture
def c(store):
    """The cast of users (A, B, committee members, operations, admin), signed in on ``store``."""
    from tests.workflow_helpers import cast

    return cast(store)


@pytest.fixture
def case_at(store, c):
    """A factory: ``case_at(stage, seed=1, **applicant overrides)`` opens a case (the applicant of
    ``tests.factories``) and walks it along the main line to ``stage``; returns its id."""
    from tests.workflow_helpers import open_case, to_stage

    def make(stage, seed: int = 1, **overrides: object) -> int:
        case_id = open_case(store, c, seed, **overrides)
        to_stage(store, case_id, c, stage)
        return case_id

    return make


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo database file (seed 7, built at the fixed clock), shared by a test module's read-only tests."""
    from ipguard import clock
    from ipguard.demo.build import build_demo

    with clock.frozen(NOW):
        return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", seed=7)
