"""Who did what, provably: signed-in actors, role checks in the core, sign-in as banks do it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import pytest

from ipguard import auth, clock, intake
from ipguard.domain import Role
from ipguard.errors import ConflictError, IpguardError, PermissionDenied, ValidationError
from ipguard.store import open_store
from tests import factories
from tests.workflow_helpers import cast, open_case


def test_a_hand_made_actor_or_plain_record_cannot_act(store):
    c = cast(store)
    plain = store.repos.users.get(c.a.id)  # a UserRecord read from the database, not a sign-in
    forged = auth.Actor(c.a.id, "am", "Am", frozenset({Role.ACCOUNT_MANAGER}), token="guess")
    copied = dataclasses.replace(c.a, token="x" * 43)
    for who in (plain, forged, copied):
        with pytest.raises(PermissionDenied) as err:
            open_case(store, dataclasses.replace(c, a=who))
        assert err.value.key == "not_signed_in"


def test_a_disabled_user_cannot_act_with_an_open_sign_in(store):
    c = cast(store)
    store.repos.users.set_active(c.a.id, False, acting_user_id=c.admin.id)
    with pytest.raises(PermissionDenied) as err:
        open_case(store, c)
    assert err.value.key == "session_ended"


def test_roles_are_re_read_at_each_action(store):
    c = cast(store)
    store.repos.users.set_roles(c.a.id, {Role.OPERATIONS}, acting_user_id=c.admin.id)
    with pytest.raises(PermissionDenied) as err:
        open_case(store, c)
    assert err.value.key == "role_required"


def test_a_signed_out_actor_cannot_act(store):
    c = cast(store)
    auth.sign_out(c.a)
    with pytest.raises(PermissionDenied) as err:
        open_case(store, c)
    assert err.value.key == "not_signed_in"


def test_an_actor_of_another_database_is_refused(store, tmp_path):
    c = cast(store)
    with open_store(tmp_path / "other.sqlite") as other:
        other_admin = factories.user(other, "admin", Role.ADMIN)
        other_a = factories.user(other, "am", Role.ACCOUNT_MANAGER)
        del other_admin
        data = factories.applicant(1)
        data["bank_id"] = c.bank.id
        data["risk_manager_id"] = c.b.id
        with pytest.raises(PermissionDenied) as err:
            intake.open_case(store, intake.parse_intake(data), other_a)
        assert err.value.key == "wrong_store"


# -- sign-in ------------------------------------------------------------------------------


def test_unknown_wrong_and_disabled_answer_the_same(store):
    c = cast(store)
    store.repos.users.set_active(c.ops.id, False, acting_user_id=c.admin.id)
    keys = []
    for name, password in (("nobody", "whatever"), ("am", "wrong-pass"), ("ops", factories.PASSWORD)):
        with pytest.raises(IpguardError) as err:
            auth.sign_in(store, name, password)
        keys.append((err.value.key, err.value.message("en")))
    assert len(set(keys)) == 1 and keys[0][0] == "login_failed"


def test_unknown_users_cost_an_argon2_verify(store, monkeypatch):
    calls = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda h, p: calls.append(h) or real(h, p))
    with pytest.raises(IpguardError):
        auth.sign_in(store, "nobody", "x")
    assert calls == [auth.DUMMY_HASH]


def test_repeated_failures_lock_the_name_then_it_unlocks(store):
    cast(store)
    for _ in range(5):
        with pytest.raises(IpguardError) as err:
            auth.sign_in(store, "am", "wrong-pass")
        assert err.value.key == "login_failed"
    with pytest.raises(IpguardError) as err:  # locked: even the right password is refused
        auth.sign_in(store, "am", factories.PASSWORD)
    assert err.value.key == "login_locked"
    for _ in range(5):  # unknown names lock the same way (no enumeration)
        with pytest.raises(IpguardError):
            auth.sign_in(store, "ghost", "x")
    with pytest.raises(IpguardError) as err:
        auth.sign_in(store, "ghost", "x")
    assert err.value.key == "login_locked"
    with clock.frozen(clock.now() + dt.timedelta(minutes=16)):
        assert auth.sign_in(store, "am", factories.PASSWORD).username == "am"


def test_lockout_parameters_come_from_settings(store):
    c = cast(store)
    store.repos.settings.set_many({"signin.max_failures": 2}, acting_user_id=c.admin.id)
    for _ in range(2):
        with pytest.raises(IpguardError):
            auth.sign_in(store, "am", "bad")
    with pytest.raises(IpguardError) as err:
        auth.sign_in(store, "am", factories.PASSWORD)
    assert err.value.key == "login_locked"


def test_every_sign_in_and_failure_is_audited(store):
    cast(store)
    with pytest.raises(IpguardError):
        auth.sign_in(store, "am", "wrong")
    auth.sign_in(store, "am", factories.PASSWORD)
    rows = store.query("SELECT entity_id, action FROM audit_log WHERE entity = 'sign_in' ORDER BY seq")
    assert rows[-2:] == [{"entity_id": "am", "action": "failure"}, {"entity_id": "am", "action": "success"}]
    assert store.verify_audit().ok


@pytest.mark.parametrize("weak", ["password", "        ", "12345678", "am123456"])
def test_weak_passwords_are_refused_by_zxcvbn(store, weak):
    c = cast(store)
    with pytest.raises(ValidationError) as err:
        store.repos.users.set_password(c.a.id, weak, acting_user_id=c.admin.id, user_inputs=("am",))
    assert (err.value.field, err.value.key) == ("password", "password_weak")


def test_self_service_password_change(store):
    c = cast(store)
    with pytest.raises(ValidationError) as err:
        auth.change_own_password(store, c.a, "not-the-old-one", "Tangerine-Velvet-41")
    assert err.value.field == "old_password"
    auth.change_own_password(store, c.a, factories.PASSWORD, "Tangerine-Velvet-41")
    assert auth.sign_in(store, "am", "Tangerine-Velvet-41").id == c.a.id


def test_first_admin_setup_can_be_won_once(store):
    actor = auth.setup_first_admin(store, "boss", "老板", "Granite-Harbour-77")
    assert Role.ADMIN in actor.roles
    with pytest.raises(ConflictError) as err:
        auth.setup_first_admin(store, "boss2", "老板二", "Granite-Harbour-78")
    assert err.value.key == "first_admin_taken"


def test_exactly_one_of_several_concurrent_clients_becomes_first_admin(tmp_path):
    db = tmp_path / "new.sqlite"
    open_store(db).close()
    code = (
        "import sys; from ipguard import auth; from ipguard.store import open_store\n"
        "s = open_store(sys.argv[1], create=False)\n"
        "try:\n    auth.setup_first_admin(s, 'boss' + sys.argv[2], '老板', 'Granite-Harbour-77'); print('won')\n"
        "except Exception as e:\n    print(type(e).__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(os.getcwd()), os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db), str(i)], stdout=subprocess.PIPE, text=True, env=env)
             for i in range(4)]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outs.count("won") == 1, outs
    with open_store(db, create=False) as s:
        assert s.repos.users.count() == 1


# -- CLI ---------------------------------------------------------------------------------


def test_a_cli_command_without_credentials_is_refused(tmp_path, monkeypatch, capsys):
    from ipguard.cli import main

    monkeypatch.delenv("IPGUARD_PASSWORD", raising=False)
    db = tmp_path / "t.sqlite"
    with open_store(db) as s:
        c = cast(s)
        case_no = s.repos.cases.get(open_case(s, c)).case_no
        entries = s.audit_head().count
    out = tmp_path / "x.pdf"
    assert main(["letter", "report", case_no, "--db", str(db), "--out", str(out)]) == 2
    assert "--user" in capsys.readouterr().err
    assert main(["letter", "report", case_no, "--db", str(db), "--out", str(out), "--user", "admin"]) == 2
    assert "IPGUARD_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("IPGUARD_PASSWORD", "wrong-password")
    assert main(["letter", "report", case_no, "--db", str(db), "--out", str(out), "--user", "admin"]) == 2
    assert not out.exists()
    with open_store(db, create=False) as s:  # only the failed sign-in was recorded
        assert s.audit_head().count == entries + 1


def test_cli_reads_the_password_from_a_file_descriptor(tmp_path, monkeypatch):
    from ipguard.cli import credentials

    monkeypatch.delenv("IPGUARD_PASSWORD", raising=False)
    read, write = os.pipe()
    os.write(write, b"s3cret-from-fd\n")
    os.close(write)
    try:
        class Args:
            user = "admin"
            password_fd = read

        assert credentials.check_given(Args()) == ("admin", "s3cret-from-fd")
    finally:
        os.close(read)


def test_a_store_opened_again_is_the_same_database_and_accepts_the_sign_in(store, admin):
    from ipguard import auth

    with store.open_again() as worker:
        assert worker.location() == store.location()
        assert auth.current(admin, worker).id == admin.id
