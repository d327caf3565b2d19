"""Test set-up: Qt runs offscreen; every test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("IPGUARD_NO_AUTOBACKUP", "1")

import datetime as dt

import pytest

from ipguard import clock

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
def store(tmp_path):
    """A fresh database of the latest schema, closed after the test (a module may define its own)."""
    from ipguard.store import open_store

    s = open_store(tmp_path / "t.sqlite")
    yield s
    s.close()


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
