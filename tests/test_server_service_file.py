"""``--db service=ipguard``: libpq's service file names the server, its password file holds the owner's
password (issue 20, Deliver 1). Nothing of either is ipguard's own: libpq reads them."""

from __future__ import annotations

import psycopg
import pytest

from ipguard.cli import main
from ipguard.store import open_store
from tests.factories import ALICE_PW

pytestmark = pytest.mark.server_only


@pytest.fixture
def service(team, tmp_path, monkeypatch):
    """A service file naming the team database (no password in it) and a .pgpass with the owner's."""
    params = psycopg.conninfo.conninfo_to_dict(team)
    password = params.pop("password", "")
    host, port, dbname, user = params.get("host", ""), str(params.get("port", "5432")), params["dbname"], params["user"]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[ipguard]\nhost={host}\nport={port}\ndbname={dbname}\nuser={user}\n", encoding="utf-8")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:{dbname}:{user}:{password}\n", encoding="utf-8")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("IPGUARD_PASSWORD", raising=False)
    return "service=ipguard"


def test_the_owner_reads_through_the_service_and_password_files(service, capsys):
    assert main(["--lang", "en", "audit", "head", "--db", service]) == 0
    assert "head hash:" in capsys.readouterr().out


def test_a_user_signs_in_through_the_service_file_with_his_own_password(service, capsys, monkeypatch):
    monkeypatch.setenv("IPGUARD_PASSWORD", ALICE_PW)
    assert main(["--lang", "en", "audit", "head", "--db", service, "--user", "alice"]) == 0
    with open_store(service, credentials=("alice", ALICE_PW)) as store:  # what the window's sign-in does
        assert store.scalar("SELECT session_user") == "alice"
        assert "password" not in store.location().lower()


def test_without_the_password_file_the_owner_is_not_let_in(service, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    assert main(["--lang", "en", "audit", "head", "--db", service]) == 2
    assert "cannot connect to the database server" in capsys.readouterr().err
