"""A workstation whose connection the server closed (a restart, a network that came back, a stalled save
cut off) carries on as the same user at its next read or save, and a transaction the loss interrupted
stays undone in full: nothing after the loss is written on the new connection (issue 20, Deliver 3)."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from ipguard.domain import Role
from ipguard.errors import StoreError
from ipguard.store import Store
from ipguard.store.records import BankRecord
from tests import factories

pytestmark = pytest.mark.server_only


def _server_closes(store: Store, admin_dsn: str) -> int:
    """The server ends this workstation's connection (what a restart does); the old backend's pid."""
    pid = store.db.conn.raw.info.backend_pid
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


def _bank(name: str) -> BankRecord:
    return BankRecord(0, name, "支行", "", "", "", 2000, "", 3000)


def test_after_a_restart_the_next_read_and_save_go_through_on_a_new_connection(store, server_admin_dsn) -> None:
    admin = factories.user(store, "admin", Role.ADMIN)
    banks = store.count("SELECT COUNT(*) FROM banks")
    old_pid = _server_closes(store, server_admin_dsn)
    assert store.count("SELECT COUNT(*) FROM banks") == banks  # no error reaches the user
    assert store.db.conn.raw.info.backend_pid != old_pid
    assert store.scalar("SHOW lock_timeout") == "10s"  # the workstation's limits again
    _server_closes(store, server_admin_dsn)
    with store.transaction():
        store.repos.banks.save(_bank("重连后银行"), acting_user_id=admin.id)
    assert store.count("SELECT COUNT(*) FROM banks") == banks + 1
    assert store.verify_audit().ok


def test_a_transaction_the_loss_interrupted_is_never_finished_on_the_new_connection(store, server_admin_dsn) -> None:
    admin = factories.user(store, "admin", Role.ADMIN)
    banks, audit = store.count("SELECT COUNT(*) FROM banks"), store.audit_head().count
    with pytest.raises(StoreError) as err, store.transaction():
        store.repos.banks.save(_bank("断线前银行"), acting_user_id=admin.id)
        _server_closes(store, server_admin_dsn)
        with store.transaction():  # a nested step must not open a new transaction on a new connection
            store.repos.banks.save(_bank("断线后银行"), acting_user_id=admin.id)
    assert err.value.key == "server_lost"
    assert store.count("SELECT COUNT(*) FROM banks") == banks  # neither bank: nothing half-written
    assert store.audit_head().count == audit
    with store.transaction():  # the next action works
        store.repos.banks.save(_bank("重试银行"), acting_user_id=admin.id)
    assert store.count("SELECT COUNT(*) FROM banks") == banks + 1


def test_a_server_still_down_says_so_and_the_workstation_recovers_when_it_is_back(store, server_admin_dsn) -> None:
    name = store.db.conn.raw.info.dbname
    with psycopg.connect(server_admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(sql.Identifier(name)))
        try:
            _server_closes(store, server_admin_dsn)
            for _ in range(2):  # the user tries again: the same clear message, no crash
                with pytest.raises(StoreError) as err:
                    store.count("SELECT COUNT(*) FROM banks")
                assert err.value.key == "server_unreachable"
        finally:
            conn.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(sql.Identifier(name)))
    assert store.count("SELECT COUNT(*) FROM cases") == 0


def _answer_lost(store: Store, admin_dsn: str, *, after_commit: bool):
    """A COMMIT whose answer never reaches the workstation: the connection dies just after the server
    committed (``after_commit``) or just before the COMMIT reached it."""
    conn = store.db.conn

    def commit() -> None:
        if after_commit:
            conn.raw.execute("COMMIT")
        _server_closes(store, admin_dsn)
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    return commit


def test_a_save_whose_commit_answer_was_lost_is_known_saved(store, server_admin_dsn, monkeypatch) -> None:
    admin = factories.user(store, "admin", Role.ADMIN)
    banks = store.count("SELECT COUNT(*) FROM banks")
    monkeypatch.setattr(store, "commit_transaction", _answer_lost(store, server_admin_dsn, after_commit=True))
    with store.transaction():  # no error: the server says it committed, so the user is not told "not saved"
        store.repos.banks.save(_bank("提交后断线银行"), acting_user_id=admin.id)
    monkeypatch.undo()
    assert store.count("SELECT COUNT(*) FROM banks") == banks + 1
    assert store.verify_audit().ok


def test_a_save_lost_before_its_commit_reached_the_server_is_reported_not_saved(store, server_admin_dsn, monkeypatch) -> None:
    admin = factories.user(store, "admin", Role.ADMIN)
    banks = store.count("SELECT COUNT(*) FROM banks")
    monkeypatch.setattr(store, "commit_transaction", _answer_lost(store, server_admin_dsn, after_commit=False))
    with pytest.raises(StoreError) as err, store.transaction():
        store.repos.banks.save(_bank("提交前断线银行"), acting_user_id=admin.id)
    monkeypatch.undo()
    assert err.value.key == "server_lost"
    assert store.count("SELECT COUNT(*) FROM banks") == banks


def test_a_report_s_snapshot_that_loses_the_server_says_so_and_the_next_read_works(store, server_admin_dsn) -> None:
    with pytest.raises(StoreError) as err, store.read_snapshot():
        store.count("SELECT COUNT(*) FROM cases")
        _server_closes(store, server_admin_dsn)
        store.count("SELECT COUNT(*) FROM banks")  # inside the snapshot: never on a new connection
    assert err.value.key == "server_lost"
    assert store.count("SELECT COUNT(*) FROM cases") == 0


def test_after_changing_her_own_password_a_user_reconnects_and_works_with_the_new_one(team, server_admin_dsn) -> None:
    from ipguard import auth
    from ipguard.store import open_store
    from tests.factories import ALICE_PW

    new_password = "Amber-Harbor-Falcon-5820"
    with open_store(team, credentials=("alice", ALICE_PW)) as store:
        alice = auth.sign_in(store, "alice", ALICE_PW)
        auth.change_own_password(store, alice, ALICE_PW, new_password)
        _server_closes(store, server_admin_dsn)  # e.g. a server restart later that day
        assert store.scalar("SELECT session_user") == "alice"  # reconnected, as her, with the new password
        worker = store.open_again()  # a report's worker thread signs in the same way
        try:
            assert worker.scalar("SELECT session_user") == "alice"
        finally:
            worker.close()


def test_a_user_whose_password_an_admin_reset_is_told_to_sign_in_again(team, server_admin_dsn) -> None:
    from ipguard import admin, auth
    from ipguard.store import open_store
    from tests.factories import ALICE_PW, BOSS_PW

    with open_store(team, credentials=("alice", ALICE_PW)) as store, \
            open_store(team, credentials=("boss", BOSS_PW)) as boss_store:
        auth.sign_in(store, "alice", ALICE_PW)
        boss = auth.sign_in(boss_store, "boss", BOSS_PW)
        alice_id = boss_store.repos.users.by_username("alice").id
        admin.reset_password(boss_store, boss, alice_id, "Granite-Willow-Otter-7315")
        _server_closes(store, server_admin_dsn)
        with pytest.raises(StoreError) as err:
            store.count("SELECT COUNT(*) FROM cases")
        assert err.value.key == "server_signed_out"  # not "wrong user name or password": she typed nothing
        assert "重新登录" in err.value.message("zh") and "Sign in again" in err.value.message("en")
        assert boss_store.scalar("SELECT session_user") == "boss"  # the admin's own session is untouched
