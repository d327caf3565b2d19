"""Backups of the team server with pg_dump, restored and verified; upgrades back up first (issue 20, Deliver 2 and 6)."""

from __future__ import annotations

import os
import stat

import pytest

from ipguard.cli import main
from ipguard.errors import StoreError
from ipguard.store import open_store, schema, schema_pg, server_backup
from ipguard.store.pg import PgConnection, connect_raw
from tests import server_data
from tests.factories import PASSWORD

pytestmark = [pytest.mark.server_only, pytest.mark.slow]


def test_a_dump_restores_into_a_scratch_database_with_the_same_chain_and_bytes(store, c, tmp_path, empty_server_db, capsys,
                                                                               monkeypatch) -> None:
    server_data.fill(store, c)
    head, hashes = store.audit_head(), server_data.blob_hashes(store)
    assert hashes["documents"] and len(hashes["attachments"]) == 3

    backup = server_backup.dump(store.dsn, tmp_path)

    assert backup.path.parent == tmp_path and backup.path.suffix == ".dump" and backup.size == backup.path.stat().st_size
    assert backup.head == head
    assert (backup.documents, backup.attachments) == (len(hashes["documents"]), 3)
    assert [p.name for p in tmp_path.iterdir()] == [backup.path.name]  # no partial file left beside it
    tables = server_backup.list_tables(backup.path)
    assert {"cases", "audit_log", "documents", "attachments", "blobs", "ipguard_migrations"} <= set(tables)

    server_backup.restore_into(backup.path, empty_server_db)
    with open_store(empty_server_db) as restored:
        assert restored.verify_audit().ok
        assert restored.audit_head() == head
        assert server_data.blob_hashes(restored) == hashes
    capsys.readouterr()
    # The administrator checks the restored copy as its owner (no ipguard user: nothing added to it) ...
    assert main(["audit", "verify", "--db", empty_server_db, "--against", f"{head.count}:{head.hash}", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"extends the anchor text ({head.count} entries)" in out and f"audit chain intact: {head.count} entries checked" in out
    # ... or as an ipguard admin of the backup (the restored users' logins reach a copy on the same server).
    monkeypatch.setenv("IPGUARD_PASSWORD", PASSWORD)
    assert main(["audit", "verify", "--db", empty_server_db, "--user", "admin", "--against", f"{head.count}:{head.hash}", "--lang", "en"]) == 0
    assert f"audit chain intact: {head.count + 1} entries checked" in capsys.readouterr().out  # his sign-in: one entry more


def test_restore_refuses_a_database_that_already_has_the_schema(store, tmp_path) -> None:
    backup = server_backup.dump(store.dsn, tmp_path)
    with pytest.raises(StoreError) as caught:
        server_backup.restore_into(backup.path, store.dsn)
    assert caught.value.key == "server_restore_target_not_empty"


def test_the_cli_backup_prints_the_file_and_the_head(store, c, tmp_path, capsys) -> None:
    server_data.fill(store, c)
    assert main(["server", "backup", "--db", store.dsn, "--to", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    (dump,) = tmp_path.glob("*.dump")
    assert str(dump) in out and store.audit_head().hash in out and "attachments: 3" in out


def test_the_password_is_not_on_the_command_line() -> None:
    target, env = server_backup.tool_environment("host=/tmp user=u password=s3cret dbname=d")
    assert "s3cret" not in target and env["PGPASSWORD"] == "s3cret"


def _failing_pg_dump(folder, monkeypatch) -> None:
    """A pg_dump that starts writing, then fails as on a full disk."""
    folder.mkdir()
    script = folder / "pg_dump"
    script.write_text("#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 99.0'; exit 0; fi\n"
                      "for a; do case $prev in --file) echo half > \"$a\";; esac; prev=$a; done\n"
                      "echo 'pg_dump: error: could not write to output file: No space left on device' >&2; exit 1\n")
    script.chmod(0o755)
    monkeypatch.setenv("IPGUARD_PG_BIN", str(folder))


def test_a_failing_pg_dump_leaves_no_backup_and_names_the_folder(store, tmp_path, monkeypatch) -> None:
    _failing_pg_dump(tmp_path / "bin", monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(StoreError) as caught:
        server_backup.dump(store.dsn, out)
    assert caught.value.key == "backup_failed" and str(out) in caught.value.message("en")
    assert "No space left" in caught.value.message("en")
    assert list(out.iterdir()) == []


def test_a_missing_tool_is_named(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IPGUARD_PG_BIN", str(tmp_path))
    with pytest.raises(StoreError) as caught:
        server_backup.dump(store.dsn, tmp_path)
    assert caught.value.key == "pg_tool_missing" and "pg_dump" in caught.value.message("en")


def test_a_tool_older_than_the_server_is_refused(store, tmp_path, monkeypatch) -> None:
    script = tmp_path / "pg_dump"
    script.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    script.chmod(0o755)
    monkeypatch.setenv("IPGUARD_PG_BIN", str(tmp_path))
    with pytest.raises(StoreError) as caught:
        server_backup.dump(store.dsn, tmp_path)
    assert caught.value.key == "pg_tool_too_old"


def _older_schema(dsn: str, steps: int) -> list[str]:
    raw = connect_raw(dsn)
    try:
        conn = PgConnection(raw)
        conn.begin_write()
        ran = schema_pg.apply(conn, schema.known_names()[:steps], at="2026-11-01T09:00:00+08:00")
        conn.commit()
        return ran
    finally:
        raw.close()


def test_upgrade_backs_up_then_migrates_an_older_schema(empty_server_db, tmp_path, capsys) -> None:
    _older_schema(empty_server_db, 9)
    missing = schema.known_names()[9:]
    assert server_backup.pending_steps(empty_server_db) == missing
    assert main(["server", "upgrade", "--db", empty_server_db, "--backup-to", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert all(f"applied: {name}" in out for name in missing)
    assert len(list(tmp_path.glob("*.dump"))) == 1
    assert server_backup.pending_steps(empty_server_db) == []
    open_store(empty_server_db).close()  # a workstation may open it now
    assert main(["server", "upgrade", "--db", empty_server_db, "--backup-to", str(tmp_path), "--lang", "en"]) == 0
    assert "already current" in capsys.readouterr().out
    assert len(list(tmp_path.glob("*.dump"))) == 1  # nothing to do: no second backup


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_failed_backup_leaves_the_database_untouched(empty_server_db, tmp_path) -> None:
    _older_schema(empty_server_db, 9)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StoreError) as caught:
            server_backup.upgrade(empty_server_db, locked)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert caught.value.key == "backup_failed" and str(locked) in caught.value.message("zh")
    assert server_backup.pending_steps(empty_server_db) == schema.known_names()[9:]
    assert list(locked.iterdir()) == []


def test_a_backup_that_fails_as_on_a_full_disk_stops_the_upgrade(empty_server_db, tmp_path, monkeypatch) -> None:
    _older_schema(empty_server_db, 9)
    _failing_pg_dump(tmp_path / "bin", monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["server", "upgrade", "--db", empty_server_db, "--backup-to", str(out)]) == 2
    assert server_backup.pending_steps(empty_server_db) == schema.known_names()[9:]
    assert list(out.iterdir()) == []


def test_a_backup_folder_that_is_a_file_is_refused(empty_server_db, tmp_path) -> None:
    _older_schema(empty_server_db, 9)
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("x")
    with pytest.raises(StoreError) as caught:
        server_backup.upgrade(empty_server_db, not_a_folder)
    assert caught.value.key == "backup_failed"
    assert server_backup.pending_steps(empty_server_db) == schema.known_names()[9:]


def test_a_newer_schema_is_refused(empty_server_db, tmp_path) -> None:
    _older_schema(empty_server_db, len(schema.known_names()))
    raw = connect_raw(empty_server_db)
    raw.execute("INSERT INTO ipguard_migrations (name, applied_at) VALUES ('m999_future', 'x')")
    raw.close()
    with pytest.raises(StoreError) as caught:
        server_backup.upgrade(empty_server_db, tmp_path)
    assert caught.value.key == "db_newer"
    assert list(tmp_path.iterdir()) == []


def test_an_uninitialised_database_is_not_backed_up(empty_server_db, tmp_path) -> None:
    with pytest.raises(StoreError) as caught:
        server_backup.dump(empty_server_db, tmp_path)
    assert caught.value.key == "server_not_initialized"
    assert list(tmp_path.iterdir()) == []


def test_an_older_schema_is_backed_up_too(empty_server_db, tmp_path) -> None:
    _older_schema(empty_server_db, 9)
    assert server_backup.dump(empty_server_db, tmp_path).head.count == 0


def test_an_unreachable_server_is_named(tmp_path) -> None:
    with pytest.raises(StoreError) as caught:
        server_backup.dump(f"host={tmp_path} dbname=nowhere user=nobody", tmp_path)
    assert caught.value.key == "server_unreachable"


def test_two_backups_in_the_same_second_are_both_kept(store, tmp_path) -> None:
    first = server_backup.dump(store.dsn, tmp_path)
    second = server_backup.dump(store.dsn, tmp_path)  # the tests' clock stands still
    assert first.path != second.path and first.path.exists() and second.path.exists()
