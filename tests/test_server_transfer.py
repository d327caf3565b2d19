"""Moving a workstation's database onto the team server and back (issue 20, Deliver 7)."""

from __future__ import annotations

import sqlite3

import pytest

from ipguard import auth, casefile
from ipguard.cli import main
from ipguard.errors import IpguardError, StoreError
from ipguard.store import open_store, server_backup, server_transfer
from ipguard.store.pg import connect_raw
from tests import factories, server_data
from tests.test_casefile import make_pdf
from tests.workflow_helpers import cast, signed_in_cast

pytestmark = [pytest.mark.server_only, pytest.mark.slow]


@pytest.fixture
def workstation(tmp_path):
    """A workstation's SQLite file with cases at several stages, documents, attachments and audit entries."""
    path = tmp_path / "workstation.sqlite"
    with open_store(path) as s:
        server_data.fill(s, cast(s))
    return path


def _file_tables(path) -> dict[str, list[tuple]]:
    """Every table's rows (row seals and the extracted-text index included), sorted."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE 'sqlite_%'"
                                            " AND name NOT LIKE 'case_search_%' AND name NOT LIKE 'blob_text_%'")]
        return {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def _empty(dsn: str) -> bool:
    raw = connect_raw(dsn)
    try:
        return raw.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()").fetchone()[0] == 0
    finally:
        raw.close()


def test_round_trip_keeps_the_chain_the_rows_and_the_bytes(workstation, empty_server_db, tmp_path, capsys, monkeypatch) -> None:
    with open_store(workstation, create=False) as s:
        head, hashes = s.audit_head(), server_data.blob_hashes(s)
        source_rows = {t: server_data.rows(s, t) for t in ("cases", "users", "stage_events", "committee_votes", "committee_attendance", "audit_log", "attachments")}
    assert head.count > 50 and len(hashes["documents"]) >= 2 and len(hashes["attachments"]) == 3

    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)  # the file's admin's password
    assert main(["server", "import", "--from", str(workstation), "--db", empty_server_db, "--admin", "admin", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "admin signs in with his password from the file; the other 8 users" in out
    assert f"source audit head: {head.count} entries, {head.hash}" in out
    assert f"target audit head: {head.count} entries, {head.hash}" in out

    with open_store(empty_server_db) as server:
        assert server.verify_audit().ok and server.audit_head() == head
        assert server_data.blob_hashes(server) == hashes
        for table, expected in source_rows.items():
            assert server_data.rows(server, table) == expected, table
        # The server carries on: new keys after the copied ones, the case search filled by its triggers.
        c = signed_in_cast(server)  # the users came along, passwords and all
        case_id = server_data.open_case(server, c, 4)
        assert case_id > max(r["id"] for r in source_rows["cases"])
        casefile.attach(server, case_id, c.a, data=make_pdf("after the move"), name="new.pdf",
                        expected_version=server.repos.cases.get(case_id).version)
        assert server.verify_audit().ok

    # On the server the named admin signs in as himself with his password from the file; the others have a
    # login without a password until the admin sets one (their file passwords do not move: argon2 only).
    with open_store(empty_server_db, credentials=("admin", factories.PASSWORD)) as as_admin:
        assert auth.sign_in(as_admin, "admin", factories.PASSWORD).username == "admin"
        assert as_admin.scalar("SELECT session_user") == "admin"
    with pytest.raises(IpguardError) as refused:
        open_store(empty_server_db, credentials=("am", factories.PASSWORD))
    assert refused.value.key == "login_failed"

    back = tmp_path / "back.sqlite"
    result = server_transfer.export_sqlite(empty_server_db, back)
    assert result.source_head == result.target_head and result.target_head.count > head.count
    with open_store(back, create=False) as copy:
        assert copy.verify_audit().ok and copy.check_rows() == []
        assert copy.audit_head() == result.source_head
    assert main(["audit", "verify", "--db", str(back)]) == 0
    assert not list(tmp_path.glob(".back.sqlite*"))


def test_sqlite_to_server_to_sqlite_is_the_same_file_content(workstation, empty_server_db, tmp_path) -> None:
    server_transfer.import_sqlite(workstation, empty_server_db)
    back = tmp_path / "back.sqlite"
    assert main(["server", "export", "--db", empty_server_db, "--to", str(back)]) == 0
    before, after = _file_tables(workstation), _file_tables(back)
    assert set(before) == set(after)
    for table in set(before) - {"_sqlite_migrations", "row_seals"}:
        assert after[table] == before[table], table
    # The same seals; a table without an integer key (sequences, settings) may get its rows' rowids
    # in another order (the server has no rowid), so seals are compared by table and digest.
    assert sorted((t, d) for t, _r, d in after["row_seals"]) == sorted((t, d) for t, _r, d in before["row_seals"])
    # When each migration ran differs; the steps are the same.
    assert sorted(r[1] for r in after["_sqlite_migrations"]) == sorted(r[1] for r in before["_sqlite_migrations"])


def test_import_refuses_a_target_that_is_not_empty(workstation, store) -> None:
    head = store.audit_head()
    with pytest.raises(StoreError) as caught:
        server_transfer.import_sqlite(workstation, store.dsn)
    assert caught.value.key == "transfer_target_not_empty"
    assert store.audit_head() == head


def test_import_refuses_a_wrong_admin_password_or_a_non_admin_writing_nothing(workstation, empty_server_db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("IPGUARD_PASSWORD", "Not-The-Password-42")
    assert main(["server", "import", "--from", str(workstation), "--db", empty_server_db, "--admin", "admin", "--lang", "en"]) == 2
    assert "wrong user name or password" in capsys.readouterr().err
    assert _empty(empty_server_db)
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    assert main(["server", "import", "--from", str(workstation), "--db", empty_server_db, "--admin", "am", "--lang", "en"]) == 2
    assert _empty(empty_server_db)


def test_import_refuses_a_tampered_source_writing_nothing(workstation, empty_server_db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    conn = sqlite3.connect(workstation)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'nothing_to_see' WHERE seq = 3")
    conn.commit()
    conn.close()
    assert main(["server", "import", "--from", str(workstation), "--db", empty_server_db, "--admin", "admin", "--lang", "en"]) == 2
    assert "entry 3 was altered" in capsys.readouterr().err
    assert _empty(empty_server_db)


def test_a_row_the_server_refuses_half_way_leaves_the_target_empty(workstation, empty_server_db) -> None:
    # SQLite keeps a NUL character in a text; PostgreSQL refuses it, after many tables were copied.
    with open_store(workstation, create=False) as s, s.transaction() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('zz_note', 'a' || char(0) || 'b')")
    with pytest.raises(StoreError) as caught:
        server_transfer.import_sqlite(workstation, empty_server_db)
    assert caught.value.key == "transfer_failed"
    assert _empty(empty_server_db)


def test_a_file_whose_attachment_bytes_were_changed_is_refused(workstation, empty_server_db) -> None:
    conn = sqlite3.connect(workstation)
    conn.execute("DROP TRIGGER seal_blobs_update")
    conn.execute("UPDATE blobs SET content = X'00' WHERE id = (SELECT MIN(id) FROM blobs)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        server_transfer.import_sqlite(workstation, empty_server_db)
    assert caught.value.key == "transfer_source_broken"
    assert _empty(empty_server_db)


def test_export_refuses_an_existing_destination(store, tmp_path) -> None:
    dest = tmp_path / "taken.sqlite"
    dest.write_bytes(b"someone's file")
    with pytest.raises(StoreError) as caught:
        server_transfer.export_sqlite(store.dsn, dest)
    assert caught.value.key == "transfer_dest_exists"
    assert dest.read_bytes() == b"someone's file"


def test_the_imported_database_backs_up_and_restores(workstation, empty_server_db, tmp_path, server_admin_dsn) -> None:
    result = server_transfer.import_sqlite(workstation, empty_server_db)
    backup = server_backup.dump(empty_server_db, tmp_path)
    assert backup.head == result.source_head and backup.attachments == 3
