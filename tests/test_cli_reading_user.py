"""The commands that only read (``report monthly``, ``audit verify|head``) and who reads (issue 20).

``--user`` is optional. Given, they read as that user: on a team server they connect as his login role,
so the server checks his password; on a file his password is checked too; a wrong one is refused with
nothing written. Without it a server is read as the connection string names, and the server checks that:
a workstation's connection (no password) reads nothing, the database owner's does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from ipguard.cli import main
from tests.factories import ALICE_PW, audit_count

UNREACHABLE = "postgresql:///ipguard_nowhere?host=/nonexistent-ipguard-socket&connect_timeout=1"
REFUSED_WITHOUT_USER = "请用 --user 指定登录的用户名"
LOGIN_FAILED = "用户名或密码不正确"


@pytest.fixture(autouse=True)
def no_password_in_the_environment(monkeypatch):
    """Each test gives the password itself (or none)."""
    monkeypatch.delenv("IPGUARD_PASSWORD", raising=False)


@pytest.fixture
def password_fd() -> Iterator[object]:
    """``password_fd(secret)``: the number of a pipe's read end holding ``secret`` (one line), for --password-fd."""
    opened: list[int] = []

    def make(secret: str) -> str:
        read, write = os.pipe()
        opened.append(read)
        os.write(write, f"{secret}\n".encode())
        os.close(write)
        return str(read)

    yield make
    for fd in opened:
        os.close(fd)


def _workstation(dsn: str, username: str) -> str:
    """A workstation's address for the team database: the user's login role named, no password kept."""
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(dsn)
    params.pop("password", None)
    params["user"] = username
    return psycopg.conninfo.make_conninfo(**params)


@pytest.mark.server_only
def test_the_owner_checks_a_database_without_an_ipguard_user(team, capsys):
    """The administrator's path (docs/team-server.md, restoring a backup): the owner's connection, no --user."""
    assert main(["--lang", "en", "audit", "verify", "--db", team]) == 0
    assert "audit chain intact" in capsys.readouterr().out


def _monthly(db: object, out: Path, *extra: str) -> int:
    return main(["report", "monthly", "--db", str(db), "--month", "2026-10", "--out", str(out), *extra])


# -- a server target without --user: read as the connection string says, which the server checks -------------


@pytest.mark.parametrize("argv", [["audit", "verify"], ["audit", "head"], ["report", "monthly", "--month", "2026-10"]])
def test_a_server_target_without_user_connects_as_its_connection_string_says(tmp_path, capsys, argv):
    out = tmp_path / "m.xlsx"
    extra = ["--out", str(out)] if argv[0] == "report" else []
    assert main([*argv, *extra, "--db", UNREACHABLE]) == 2
    err = capsys.readouterr().err
    assert "无法连接数据库服务器" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_bad_out_path_is_refused_before_the_user_is_asked_for(tmp_path, capsys):
    assert _monthly(UNREACHABLE, tmp_path / "m.csv") == 2
    err = capsys.readouterr().err
    assert ".xlsx" in err and REFUSED_WITHOUT_USER not in err
    assert list(tmp_path.iterdir()) == []


def test_the_commands_offer_user_and_password_fd(capsys):
    for argv in (["report", "monthly"], ["audit", "verify"], ["audit", "head"]):
        with pytest.raises(SystemExit):
            main(["--lang", "en", *argv, "--help"])
        text = capsys.readouterr().out
        assert "--user USERNAME" in text and "--password-fd N" in text


# -- a local file: --user optional; when given, his password is checked -----------------------------------------


def test_on_a_file_the_commands_read_without_user(demo_db, tmp_path, capsys):
    entries = audit_count(demo_db)
    assert _monthly(demo_db, tmp_path / "m.xlsx") == 0
    assert main(["audit", "verify", "--db", str(demo_db)]) == 0
    assert main(["audit", "head", "--db", str(demo_db)]) == 0
    assert f"审计条数：{entries}" in capsys.readouterr().out
    assert (tmp_path / "m.xlsx").exists() and audit_count(demo_db) == entries  # reading wrote nothing


def test_on_a_file_a_user_with_his_password_reads_and_his_sign_in_is_audited(demo_db, tmp_path, capsys, password_fd):
    from ipguard.demo.build import DEMO_PASSWORD

    entries = audit_count(demo_db)
    out = tmp_path / "m.xlsx"
    assert _monthly(demo_db, out, "--user", "admin", "--password-fd", password_fd(DEMO_PASSWORD)) == 0
    assert openpyxl.load_workbook(out).sheetnames
    assert main(["audit", "head", "--db", str(demo_db), "--user", "admin", "--password-fd", password_fd(DEMO_PASSWORD)]) == 0
    assert f"审计条数：{entries + 2}" in capsys.readouterr().out  # the two sign-ins, each an audit entry


@pytest.mark.parametrize("argv", [["audit", "verify"], ["audit", "head"], ["report", "monthly", "--month", "2026-10"]])
def test_on_a_file_a_wrong_password_is_refused_and_nothing_is_written(demo_db, tmp_path, capsys, monkeypatch, argv):
    monkeypatch.setenv("IPGUARD_PASSWORD", "Not-The-Admins-Password-1")
    out = tmp_path / "m.xlsx"
    extra = ["--out", str(out)] if argv[0] == "report" else []
    assert main([*argv, *extra, "--db", str(demo_db), "--user", "admin"]) == 2
    captured = capsys.readouterr()
    assert LOGIN_FAILED in captured.err and captured.out == ""
    assert list(tmp_path.iterdir()) == []


def test_on_a_file_a_user_without_a_password_is_refused(demo_db, tmp_path, capsys):
    assert _monthly(demo_db, tmp_path / "m.xlsx", "--user", "admin") == 2  # stdin is no terminal under pytest
    assert "IPGUARD_PASSWORD" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# -- on a team server ---------------------------------------------------------------------------------------


@pytest.mark.server_only
def test_report_on_a_server_needs_the_user_and_his_password(team, tmp_path, capsys, monkeypatch, password_fd):
    out = tmp_path / "m.xlsx"
    assert _monthly(_workstation(team, "alice"), out) == 2  # alice's workstation address, no password: nothing read
    assert "无法连接数据库服务器" in capsys.readouterr().err and not out.exists()

    assert _monthly(team, out, "--user", "alice", "--password-fd", password_fd("Not-Her-Password-99")) == 2
    err = capsys.readouterr().err
    assert LOGIN_FAILED in err and "Not-Her-Password" not in err and not out.exists()

    assert _monthly(team, out, "--user", "alice", "--password-fd", password_fd(ALICE_PW)) == 0
    assert str(out) in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames

    out.unlink()
    monkeypatch.setenv("IPGUARD_PASSWORD", ALICE_PW)
    assert _monthly(team, out, "--user", "alice") == 0
    assert out.exists()


@pytest.mark.server_only
def test_report_on_a_server_reads_as_the_user_it_names(team, tmp_path, capsys, monkeypatch):
    """Alice's password does not let the command read as boss: the server checks the pair."""
    monkeypatch.setenv("IPGUARD_PASSWORD", ALICE_PW)
    assert _monthly(team, tmp_path / "m.xlsx", "--user", "boss") == 2
    assert LOGIN_FAILED in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.server_only
@pytest.mark.parametrize("action", ["verify", "head"])
def test_audit_on_a_server_reads_as_the_user_and_the_server_checks_who(team, capsys, monkeypatch, action):
    assert main(["--lang", "en", "audit", action, "--db", _workstation(team, "alice")]) == 2
    assert "cannot connect to the database server" in capsys.readouterr().err  # the server wants her password

    monkeypatch.setenv("IPGUARD_PASSWORD", "Not-Her-Password-99")
    assert main(["--lang", "en", "audit", action, "--db", team, "--user", "alice"]) == 2
    assert "wrong user name or password" in capsys.readouterr().err

    monkeypatch.setenv("IPGUARD_PASSWORD", ALICE_PW)
    assert main(["--lang", "en", "audit", action, "--db", team, "--user", "alice"]) == 0
    out = capsys.readouterr().out
    assert ("audit chain intact" in out) if action == "verify" else ("head hash:" in out)
