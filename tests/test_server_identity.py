"""Identity enforced by the team server (issue 20, Deliver 2 and 4; docs/security.md "On a team server").

Each ipguard user is a login role: a workstation's connection string without a
user's password lets nobody in; a user connected as himself cannot write an
audit entry as someone else, change history, another user's row, his own roles,
create roles, or manage users unless he is an admin. Run only against a server
(``IPGUARD_TEST_PG``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors as pg_errors
from psycopg import sql

from ipguard import admin, auth
from ipguard.cli import main
from ipguard.domain import Role
from ipguard.errors import ConflictError, IpguardError, PermissionDenied, StoreError, ValidationError
from ipguard.store import open_store, server, server_roles
from tests.factories import ALICE_PW, BOSS_PW

pytestmark = pytest.mark.server_only


def as_user(dsn: str, user: str | None, password: str | None = None) -> str:
    """The database's connection string for ``user`` with ``password`` (none: a workstation's bare config)."""
    params = psycopg.conninfo.conninfo_to_dict(dsn)
    params.pop("password", None)
    if user is not None:
        params["user"] = user
    if password is not None:
        params["password"] = password
    return psycopg.conninfo.make_conninfo(**params)


def connect_as(dsn: str, user: str, password: str) -> psycopg.Connection:
    return psycopg.connect(as_user(dsn, user, password), autocommit=True)



def refused(conn, sql: str, params: list | None = None) -> None:
    """The server refuses ``sql`` to this login (a privilege it does not have)."""
    with pytest.raises(pg_errors.InsufficientPrivilege):
        conn.execute(sql, params)


def test_init_then_the_first_admin_signs_in_acts_and_his_new_user_connects(team):
    with open_store(team, credentials=("alice", ALICE_PW)) as s:
        alice = auth.sign_in(s, "alice", ALICE_PW)
        assert alice.roles == frozenset({Role.ACCOUNT_MANAGER})
        assert s.verify_audit().ok
        entries = s.query("SELECT user_id, entity, action FROM audit_log ORDER BY seq")
    boss_id, alice_id = alice.id - 1, alice.id
    assert ("user", "create") in {(e["entity"], e["action"]) for e in entries}
    assert {e["user_id"] for e in entries} <= {None, boss_id, alice_id}  # None: the first admin, made by init


def test_a_workstation_config_without_the_password_lets_nobody_in(team):
    with pytest.raises(StoreError) as refused:
        open_store(as_user(team, "alice"))
    assert refused.value.key == "server_unreachable"
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(as_user(team, None), autocommit=True)  # the OS user has no role either
    with pytest.raises(IpguardError) as wrong:
        open_store(team, credentials=("alice", "Not-Her-Password-99"))
    assert wrong.value.key == "login_failed"
    assert "Not-Her-Password" not in wrong.value.one_line("en")
    with pytest.raises(IpguardError) as unknown:
        open_store(team, credentials=("mallory", ALICE_PW))
    assert unknown.value.key == "login_failed"


def test_a_user_signs_in_only_as_the_role_he_connected_as(team):
    with open_store(team, credentials=(" Alice", ALICE_PW)) as s:  # user names are case-insensitive, as on a file
        assert auth.sign_in(s, "ALICE", ALICE_PW).username == "alice"
    with open_store(team, credentials=("alice", ALICE_PW)) as s, pytest.raises(IpguardError) as refused:
        auth.sign_in(s, "boss", BOSS_PW)  # knowing boss's password is not enough on alice's connection
    assert refused.value.key == "login_failed"


def test_a_user_cannot_rewrite_history_or_claim_another_user(team):
    with connect_as(team, "alice", ALICE_PW) as conn:
        boss_id = conn.execute("SELECT id FROM users WHERE username = 'boss'").fetchone()[0]
        alice_id = conn.execute("SELECT id FROM users WHERE username = 'alice'").fetchone()[0]
        seq = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] + 1
        forged = ("INSERT INTO audit_log (seq, at, user_id, entity, entity_id, action, prev_hash, hash)"
                  " VALUES (%s, 'now', %s, 'case', '1', 'approve', 'x', 'y')")
        refused(conn, forged, [seq, boss_id])
        refused(conn, forged, [seq, None])
        refused(conn, "UPDATE audit_log SET action = 'x'")
        refused(conn, "DELETE FROM audit_log")
        refused(conn, "TRUNCATE audit_log")
        refused(conn, "ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY")
        conn.execute(forged, [seq, alice_id])  # as herself the server lets an entry in (the chain check sees its hash)


def test_a_user_cannot_change_other_users_his_roles_or_the_roles_of_the_server(team):
    with connect_as(team, "alice", ALICE_PW) as conn:
        assert conn.execute("UPDATE users SET password_hash = 'x' WHERE username = 'boss'").rowcount == 0
        refused(conn, "UPDATE users SET active = 0 WHERE username = 'boss'")
        refused(conn, "UPDATE users SET display_name = 'x' WHERE username = 'alice'")
        refused(conn, "INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE username = 'alice'")
        refused(conn, "SELECT password_hash FROM users")
        assert conn.execute("SELECT ipguard_password_hash('boss')").fetchone()[0] is None
        assert conn.execute("SELECT ipguard_password_hash('alice')").fetchone()[0].startswith("$argon2")
        refused(conn, "CREATE ROLE mallory LOGIN PASSWORD 'x'")
        refused(conn, "SELECT ipguard_user_sync('alice', NULL)")  # the admins' function
        refused(conn, "UPDATE banks SET name = 'x'")  # an admin's table


def test_an_admin_cannot_take_over_a_role_that_is_not_this_databases_user(team, server_admin_dsn):
    owner = psycopg.conninfo.conninfo_to_dict(server_admin_dsn)["user"]
    with open_store(team, credentials=("boss", BOSS_PW)) as s:
        boss = auth.sign_in(s, "boss", BOSS_PW)
        with pytest.raises(ConflictError) as refused:
            admin.create_user(s, boss, str(owner), "冒名", "Plum-Harbor-Kettle-5521", {Role.OPERATIONS})
        assert refused.value.key == "db_role_taken"
        assert s.repos.users.by_username(str(owner)) is None  # nothing saved


def test_a_deactivated_user_cannot_connect_and_role_changes_reach_the_server(team):
    with open_store(team, credentials=("boss", BOSS_PW)) as s:
        boss = auth.sign_in(s, "boss", BOSS_PW)
        alice = s.repos.users.by_username("alice")
        admin.set_roles(s, boss, alice.id, {Role.ADMIN}, read=alice.roles)
    with connect_as(team, "alice", ALICE_PW) as conn:
        conn.execute("UPDATE banks SET name = name")  # now an admin's table is hers to write
    still_open = connect_as(team, "alice", ALICE_PW)
    her_window = open_store(team, credentials=("alice", ALICE_PW))
    signed_in = auth.sign_in(her_window, "alice", ALICE_PW)
    with open_store(team, credentials=("boss", BOSS_PW)) as s:
        boss = auth.sign_in(s, "boss", BOSS_PW)
        admin.set_active(s, boss, alice.id, False)
    with pytest.raises(IpguardError) as refused:
        open_store(team, credentials=("alice", ALICE_PW))
    assert refused.value.key == "login_failed"
    with still_open, pytest.raises(pg_errors.InsufficientPrivilege):
        still_open.execute("SELECT count(*) FROM cases")  # a session left open loses its privileges at once
    with her_window, pytest.raises(PermissionDenied) as ended:
        auth.current(signed_in, her_window)  # her open window: the app's own message, sign in again
    assert ended.value.key == "session_ended"


def test_passwords_reset_by_an_admin_and_changed_by_the_user_reach_the_server(team):
    new, newer = "Granite-Pepper-Window-3310", "Saffron-Bridge-Comet-8842"
    with open_store(team, credentials=("boss", BOSS_PW)) as s:
        boss = auth.sign_in(s, "boss", BOSS_PW)
        admin.reset_password(s, boss, s.repos.users.by_username("alice").id, new)
    with pytest.raises(IpguardError):
        open_store(team, credentials=("alice", ALICE_PW))
    with open_store(team, credentials=("alice", new)) as s:
        alice = auth.sign_in(s, "alice", new)
        auth.change_own_password(s, alice, new, newer)
    with open_store(team, credentials=("alice", newer)) as s:
        auth.sign_in(s, "alice", newer)
    with pytest.raises(IpguardError):
        open_store(team, credentials=("alice", new))


def test_server_init_twice_is_refused(team):
    with pytest.raises(StoreError) as refused:
        server.init(team, "boss2", "老板二", BOSS_PW)
    assert refused.value.key == "server_already_initialized"


def test_server_init_command(empty_server_db, monkeypatch, capsys):
    monkeypatch.setenv("IPGUARD_PASSWORD", BOSS_PW)
    assert main(["server", "init", "--db", empty_server_db, "--admin", "boss", "--name", "老板", "--lang", "en"]) == 0
    assert "first admin boss created" in capsys.readouterr().out
    with open_store(empty_server_db, credentials=("boss", BOSS_PW)) as s:
        assert auth.sign_in(s, "boss", BOSS_PW).roles == frozenset({Role.ADMIN})
    assert main(["server", "init", "--db", empty_server_db, "--admin", "boss"]) == 2
    assert "server upgrade" in capsys.readouterr().err


def test_two_databases_on_one_cluster_share_no_roles(team, request, server_admin_dsn):
    from tests import pg_backend

    other = pg_backend.empty_database(request.node.nodeid + "-other")
    try:
        server.init(other, "boss_training", "培训管理员", BOSS_PW)
        name = lambda dsn: str(psycopg.conninfo.conninfo_to_dict(dsn)["dbname"])  # noqa: E731
        ours, theirs = server_roles.group_names(name(team)), server_roles.group_names(name(other))
        assert not set(ours.values()) & set(theirs.values())
        with psycopg.connect(server_admin_dsn, autocommit=True) as conn:
            members = conn.execute(sql.SQL(
                "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r"
                " ON r.oid = m.member WHERE g.rolname = {}").format(sql.Literal(theirs["user"]))).fetchall()
        assert [m[0] for m in members] == ["boss_training"]
        with pytest.raises(psycopg.OperationalError):
            connect_as(other, "alice", ALICE_PW)  # no CONNECT on the training database
    finally:
        pg_backend.drop_database(other)


def test_a_case_from_intake_to_in_force_each_step_on_the_actors_own_connection(store, c):
    """The GRANTs and policies let every user do his part of the workflow on a connection made with his own
    password (the rest of the suite signs everyone in on the owner's connection)."""
    import datetime as dt

    from ipguard import intake, workflow
    from ipguard.domain import Stage
    from ipguard.workflow.closing import STANDARD_CHECKS
    from tests import factories, workflow_helpers

    own: dict[str, object] = {}

    def act(user):  # the user's own store and his sign-in on it
        if user.username not in own:
            s = open_store(store.dsn, credentials=(user.username, factories.PASSWORD))
            own[user.username] = (s, auth.sign_in(s, user.username, factories.PASSWORD))
        return own[user.username]

    def v(s, case_id):
        return s.repos.cases.get(case_id).version

    try:
        s, a = act(c.a)
        data = factories.applicant(1)
        data["bank_id"], data["risk_manager_id"] = c.bank.id, c.b.id
        case_id = intake.open_case(s, intake.parse_intake(data), a).id
        for item in s.repos.cases.checklist(case_id):
            intake.set_checklist_item(s, case_id, item.code, "received", a, paper_original=True, expected_version=v(s, case_id))
        def day(offset: int) -> dt.date:
            return workflow_helpers.day(s, case_id, offset)

        workflow.submit_for_screening(s, case_id, a, on=day(1), expected_version=v(s, case_id))
        sb, b = act(c.b)
        workflow.pass_screening(sb, case_id, b, on=day(2), expected_version=v(sb, case_id))
        workflow.confirm_valuation(s, case_id, a, on=day(3), expected_version=v(s, case_id))
        workflow.sign_report(s, case_id, "A", a, opinion="同意", expected_version=v(s, case_id))
        workflow.sign_report(sb, case_id, "B", b, expected_version=v(sb, case_id))
        workflow.submit_to_committee(s, case_id, a, on=day(4), expected_version=v(s, case_id))
        s0, chair = act(c.members[0])
        workflow.record_attendance(s0, case_id, [m.id for m in c.members], chair, expected_version=v(s0, case_id))
        for member in c.members:
            sm, m = act(member)
            workflow.vote(sm, case_id, m, "approve", "同意", expected_version=v(sm, case_id))
        workflow.decide(s0, case_id, chair, meeting_date=day(8), expected_version=v(s0, case_id))
        workflow.issue_intent_letter(s, case_id, a, issue_date=day(9), expected_version=v(s, case_id))
        amount = str(s.repos.cases.guarantee_amount(case_id) // 100)
        workflow.record_bank_decision(s, case_id, a, approved=True, approved_amount=amount, interest_rate="3.45%",
                                      decided_on=day(14), expected_version=v(s, case_id))
        so, ops = act(c.ops)
        for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
            workflow.record_contract(so, case_id, ops, kind=kind, contract_no=f"HT-{kind}-1", signed_on=day(15),
                                     expected_version=v(so, case_id))
        workflow.complete_contracts(so, case_id, ops, on=day(15), expected_version=v(so, case_id))
        for asset in so.repos.cases.assets(case_id):
            workflow.record_registration(so, case_id, asset.id, ops, submitted_on="2026-11-17",
                                         registration_no=f"Y2026990{asset.id:05d}", registered_on="2026-11-19",
                                         certificate_received=True, expected_version=v(so, case_id))
        for code, _ in STANDARD_CHECKS:
            workflow.confirm_check(so, case_id, code, ops, expected_version=v(so, case_id))
        workflow.issue_disbursement_notice(s, case_id, a, issue_date=dt.date(2026, 11, 20), expected_version=v(s, case_id))
        workflow.record_disbursement(so, case_id, ops, loan_amount=amount, start_date="2026-11-20",
                                     maturity_date="2027-11-19", loan_contract_no="HT-loan-1", expected_version=v(so, case_id))
        assert s.repos.cases.get(case_id).stage is Stage.IN_FORCE
        assert s.verify_audit().ok
    finally:
        for s, _user in own.values():
            s.close()


def test_a_user_command_on_a_server_connects_with_the_users_password(team, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IPGUARD_PASSWORD", "Not-Her-Password-99")
    argv = ["casefile", "export", "KYD-2026-0001", "--out", str(tmp_path / "x.zip"), "--db", team, "--user", "alice",
            "--lang", "en"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "wrong user name or password" in err and "Not-Her-Password" not in err
    monkeypatch.setenv("IPGUARD_PASSWORD", ALICE_PW)
    assert main(argv) == 2  # signed in as alice on her own connection; there is no such case
    assert "KYD-2026-0001" in capsys.readouterr().err


@contextlib.contextmanager
def owned_by_a_plain_role(empty_server_db: str, server_admin_dsn: str, *, createrole: bool) -> Iterator[str]:
    """The test database handed to a new login role that is no superuser (with CREATEROLE or without);
    that role's connection string. Afterwards the database (with the roles it made) and the role are dropped."""
    from tests import pg_backend

    dbname = str(psycopg.conninfo.conninfo_to_dict(empty_server_db)["dbname"])
    owner, owner_pw = f"own_{dbname}", "Owner-Secret-Quartz-77"
    rights = sql.SQL("LOGIN CREATEROLE" if createrole else "LOGIN")
    with psycopg.connect(server_admin_dsn, autocommit=True) as su:
        su.execute(sql.SQL("CREATE ROLE {} {} PASSWORD {}").format(sql.Identifier(owner), rights, sql.Literal(owner_pw)))
        su.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(dbname), sql.Identifier(owner)))
    try:
        yield as_user(empty_server_db, owner, owner_pw)
    finally:
        pg_backend.drop_database(empty_server_db)
        with psycopg.connect(server_admin_dsn, autocommit=True) as su:
            su.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(owner)))


def test_init_by_a_database_owner_that_is_no_superuser(empty_server_db, server_admin_dsn):
    """The documented set-up: the database is owned by a role with CREATEROLE, not a superuser."""
    with owned_by_a_plain_role(empty_server_db, server_admin_dsn, createrole=True) as owner_dsn:
        with pytest.raises(ValidationError):
            server.init(owner_dsn, "boss", "老板", "password")  # the password policy of a new file: nothing created
        server.init(owner_dsn, "boss", "老板", BOSS_PW)
        with open_store(empty_server_db, credentials=("boss", BOSS_PW)) as s:
            boss = auth.sign_in(s, "boss", BOSS_PW)
            admin.create_user(s, boss, "alice", "爱丽丝", ALICE_PW, {Role.ACCOUNT_MANAGER})
        with open_store(empty_server_db, credentials=("alice", ALICE_PW)) as s:
            assert auth.sign_in(s, "alice", ALICE_PW).roles == frozenset({Role.ACCOUNT_MANAGER})
        with connect_as(empty_server_db, "alice", ALICE_PW) as conn:
            refused(conn, "DELETE FROM audit_log")


def test_init_without_createrole_is_refused_and_creates_nothing(empty_server_db, server_admin_dsn):
    with owned_by_a_plain_role(empty_server_db, server_admin_dsn, createrole=False) as owner_dsn:
        with pytest.raises(StoreError) as err:
            server.init(owner_dsn, "boss", "老板", BOSS_PW)
        assert err.value.key == "server_refused" and "permission denied" in err.value.one_line("en")
        with psycopg.connect(empty_server_db, autocommit=True) as conn:
            assert conn.execute("SELECT to_regclass('ipguard_migrations')").fetchone()[0] is None


def test_an_upgrade_extends_the_grants_to_new_tables(team):
    with psycopg.connect(team, autocommit=True) as owner:
        owner.execute("CREATE TABLE later_table (id BIGINT PRIMARY KEY)")  # as a later migration step would
    with connect_as(team, "alice", ALICE_PW) as conn, pytest.raises(pg_errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM later_table")
    assert server.migrate(team) == []  # up to date: no step, the grants applied again
    with connect_as(team, "alice", ALICE_PW) as conn:
        conn.execute("INSERT INTO later_table VALUES (1)")
        assert conn.execute("SELECT count(*) FROM later_table").fetchone()[0] == 1


def test_a_second_connection_for_a_worker_is_the_same_user(team):
    with open_store(team, credentials=("alice", ALICE_PW)) as s:
        alice = auth.sign_in(s, "alice", ALICE_PW)
        with s.open_again() as worker:
            assert worker.scalar("SELECT session_user") == "alice"
            assert auth.current(alice, worker).id == alice.id  # the window's sign-in holds on the worker's connection


def test_server_init_asks_a_typed_password_twice(empty_server_db, monkeypatch, capsys):
    import getpass
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("IPGUARD_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter([BOSS_PW, BOSS_PW + "x", BOSS_PW, BOSS_PW])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    argv = ["server", "init", "--db", empty_server_db, "--admin", "boss", "--lang", "en"]
    assert main(argv) == 2
    assert "the two passwords differ" in capsys.readouterr().err
    assert main(argv) == 0  # nothing was created the first time
    with open_store(empty_server_db, credentials=("boss", BOSS_PW)) as s:
        auth.sign_in(s, "boss", BOSS_PW)
