"""Schema migrations: a file created at schema version 1 upgrades with its data intact."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from ipguard.store import open_store
from ipguard.store.schema import MIGRATIONS, known_names, schema_version


def make_v1_database(path) -> None:
    """What ipguard 0.1 wrote: only migration 1 applied (kept as a script, not a binary fixture)."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before=known_names()[1])
    db.execute("PRAGMA user_version = 1")
    now = "2026-01-05T10:00:00+08:00"
    db.execute("INSERT INTO users (username, display_name, password_hash, created_at) VALUES ('old', '老用户', 'x', ?)", [now])
    db.execute(
        "INSERT INTO companies (name, uscc, created_at, updated_at) VALUES ('上海旧数据科技有限公司', '913101154569465079', ?, ?)",
        [now, now],
    )
    db.execute(
        "INSERT INTO cases (case_no, company_id, product_code, params_version, requested_amount_fen, term_months,"
        " application_date, stage, created_at, updated_at, stage_changed_at)"
        " VALUES ('KYD-2026-0001', 1, 'kuaiyidai', '2026.1', 100000000, 12, '2026-01-05', 'screening', ?, ?, ?)",
        [now, now, now],
    )
    conn.commit()
    conn.close()


def test_version_1_file_upgrades_with_data_intact(tmp_path):
    path = tmp_path / "v1.sqlite"
    make_v1_database(path)
    store = open_store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version() >= 2
    case = store.repos.cases.by_no("KYD-2026-0001")
    assert case.requested_amount == 100_000_000 and case.stage.value == "screening"
    assert store.repos.companies.get(case.company_id).name == "上海旧数据科技有限公司"
    # Tables of later migrations exist and are usable.
    assert store.scalar("SELECT COUNT(*) FROM loans") == 0
    assert store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case.id]) is None
    store.close()
    # The old file was backed up before the upgrade.
    backups = list(tmp_path.glob("v1.v1-*.bak.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite"
    make_v1_database(path)
    migration = MIGRATIONS._migrations[1]
    original = migration.fn

    def broken(db):
        original(db)
        raise RuntimeError("disk full in the middle of the upgrade")

    monkeypatch.setattr(migration, "fn", broken)
    import pytest

    with pytest.raises(Exception, match="disk full"):
        open_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "loans" not in tables
        assert conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1
