"""Backups, restore, automatic daily backups and rotation, and their command lines."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from ipguard import workflow
from ipguard.backup import auto_backup, backup, list_backups, restore, rotate, verify_backup
from ipguard.cli import main
from ipguard.errors import StoreError
from ipguard.store import open_store
from tests.workflow_helpers import approve, cast, open_case, to_committee


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A database with a case past its intent letter (one archived PDF), built once."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    with open_store(path) as store:
        c = cast(store)
        case_id = open_case(store, c)
        to_committee(store, case_id, c)
        approve(store, case_id, c)
        workflow.issue_intent_letter(store, case_id, c.a, issue_date=dt.date(2026, 11, 11), expected_version=store.repos.cases.get(case_id).version)
    return path


@pytest.fixture
def db(template, tmp_path) -> Path:
    """This test's own copy of the template database."""
    path = tmp_path / "ipguard.sqlite"
    with sqlite3.connect(template) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return path


def _file_state(path: Path) -> tuple[str, bool]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.with_name(path.name + "-wal").exists()


def _document(path: Path) -> tuple[str, bytes]:
    with open_store(path, create=False) as store:
        row = store.query("SELECT doc_no, pdf FROM documents ORDER BY id LIMIT 1")[0]
    return row["doc_no"], row["pdf"]


def test_backup_is_verified_named_by_time_and_carries_documents_and_chain_head(db, tmp_path):
    result = backup(db, tmp_path / "bk", now=dt.datetime(2026, 11, 22, 19, 30, 0))
    assert result.path.name == "ipguard-20261122-193000-manual.sqlite"
    assert result.integrity_ok and result.audit_ok and result.documents == 1
    with open_store(db, create=False) as store:
        assert result.audit_head == store.audit_head()
    side = json.loads(result.sidecar.read_text(encoding="utf-8"))
    assert side["audit"] == {"count": result.audit_head.count, "head_hash": result.audit_head.hash, "verified": True}
    assert side["sha256"] == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert side["ipguard_version"] and side["integrity_check"] == "ok"
    # One self-contained file: the archived PDF is inside it, byte for byte.
    with sqlite3.connect(result.path) as copy:
        pdf = copy.execute("SELECT pdf FROM documents").fetchone()[0]
    copy.close()
    assert pdf == _document(db)[1] and pdf.startswith(b"%PDF")
    again = backup(db, tmp_path / "bk", now=dt.datetime(2026, 11, 22, 19, 30, 0))
    assert again.path.name == "ipguard-20261122-193000-manual_2.sqlite"


def test_backup_while_a_write_is_in_progress_takes_the_committed_state(db, tmp_path):
    with open_store(db, create=False) as store:
        before = store.audit_head()
        with store.transaction():
            store.audit(user_id=None, entity="test", entity_id=1, action="uncommitted")
            result = backup(db, tmp_path / "bk")  # another connection, while this one holds the write lock
        assert store.audit_head().count == before.count + 1
    assert result.audit_head == before


@pytest.mark.slow
def test_restore_brings_back_the_data_as_it_was_at_backup_time(db, tmp_path):
    doc_no, pdf = _document(db)
    taken = backup(db, tmp_path / "bk")
    with open_store(db, create=False) as store:
        c = cast_of(store)
        open_case(store, c, seed=7)
        store.db.execute("UPDATE documents SET pdf = ? WHERE doc_no = ?", [b"%PDF-changed", doc_no])
        store.db.conn.commit()
        changed_head = store.audit_head()
        with pytest.raises(StoreError) as err:  # refused at once while a client has the file open
            restore(db, taken.path, backup_dir=tmp_path / "pre")
        assert err.value.key == "restore_in_use"
    result = restore(db, taken.path, backup_dir=tmp_path / "pre", user_id=1)
    with open_store(db, create=False) as store:
        assert store.scalar("SELECT COUNT(*) FROM cases") == 1
        # the restored chain extends the backup's, plus the restore's own entry: who, which backup, both heads
        assert store.check_anchor(taken.audit_head.count, taken.audit_head.hash).ok
        entry = store.query("SELECT user_id, entity, action, before_json, after_json FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
        assert (entry["user_id"], entry["entity"], entry["action"]) == (1, "database", "restore")
        assert changed_head.hash in entry["before_json"] and taken.audit_head.hash in entry["after_json"]
        assert store.check_rows() == []
    assert result.audit_head.count == taken.audit_head.count + 1
    assert _document(db) == (doc_no, pdf)
    assert result.pre_restore is not None and result.pre_restore.path.name.endswith("-pre-restore.sqlite")
    assert result.pre_restore.audit_head == changed_head
    with open_store(db, create=False) as store:
        assert store.verify_audit().ok
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA integrity_check") == "ok"


def cast_of(store):
    """The users made by the template's cast, signed in again."""
    from tests.workflow_helpers import signed_in_cast

    return signed_in_cast(store)


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 16] = bytes(b ^ 0xFF for b in data[mid : mid + 16])
    path.write_bytes(bytes(data))


def _break_page_header(path: Path, page: int = 2) -> None:
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as fh:
        fh.seek((page - 1) * page_size)
        fh.write(b"\x77\x77\x77\x77")


@pytest.mark.parametrize(
    ("damage", "key"),
    [
        (_flip_middle, "backup_sidecar_mismatch"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "backup_sidecar_mismatch"),
    ],
    ids=["flipped-bytes", "truncated"],
)
def test_a_damaged_backup_is_refused_and_the_current_file_is_untouched(db, tmp_path, damage, key):
    taken = backup(db, tmp_path / "bk")
    damage(taken.path)
    state = _file_state(db)
    with pytest.raises(StoreError) as err:
        restore(db, taken.path, backup_dir=tmp_path / "pre")
    assert err.value.key == key
    assert _file_state(db) == state
    assert not (tmp_path / "pre").exists()  # not even the pre-restore copy was taken


@pytest.mark.parametrize(
    ("damage", "keys"),
    [
        (_break_page_header, {"backup_corrupt", "backup_unreadable"}),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), {"backup_corrupt", "backup_unreadable"}),
        (lambda p: p.write_bytes(b"not a database at all" * 100), {"backup_unreadable"}),
    ],
    ids=["broken-page", "truncated", "garbage"],
)
def test_damage_is_found_by_sqlite_itself_when_the_sidecar_is_lost(db, tmp_path, damage, keys):
    taken = backup(db, tmp_path / "bk")
    taken.sidecar.unlink()
    damage(taken.path)
    state = _file_state(db)
    with pytest.raises(StoreError) as err:
        restore(db, taken.path, backup_dir=tmp_path / "pre")
    assert err.value.key in keys
    assert _file_state(db) == state


def _edit_backup(path: Path, *statements: str) -> None:
    path.with_name(path.name + ".json").unlink()
    conn = sqlite3.connect(path)
    for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_backup_with_an_altered_document_or_audit_entry_is_refused(db, tmp_path):
    doc = backup(db, tmp_path / "bk", label="doc")
    _edit_backup(doc.path, "UPDATE documents SET pdf = x'255044462d00'")
    with pytest.raises(StoreError) as err:
        verify_backup(doc.path)
    assert err.value.key == "backup_document_altered"
    trail = backup(db, tmp_path / "bk", label="trail")
    _edit_backup(trail.path, "UPDATE audit_log SET action = 'nothing' WHERE seq = 5")
    with pytest.raises(StoreError) as err:
        restore(db, trail.path, backup_dir=tmp_path / "pre")
    assert err.value.key == "backup_audit_broken" and err.value.params["seq"] == 5


def test_a_plain_sqlite_file_or_a_newer_ipguard_backup_is_refused(db, tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError) as err:
        restore(db, other)
    assert err.value.key == "backup_not_ipguard"
    newer = backup(db, tmp_path / "bk")
    _edit_backup(newer.path, "PRAGMA user_version = 999")
    with pytest.raises(StoreError) as err:
        restore(db, newer.path)
    assert err.value.key == "backup_newer"
    with pytest.raises(StoreError) as err:
        restore(db, db)
    assert err.value.key == "restore_same_file"


def test_restore_over_a_file_sqlite_cannot_read(db, tmp_path):
    taken = backup(db, tmp_path / "bk")
    db.write_bytes(b"\x00garbage" * 1000)
    db.with_name(db.name + "-wal").write_bytes(b"stale wal of the damaged file")
    result = restore(db, taken.path, backup_dir=tmp_path / "pre")
    assert result.pre_restore is not None and "pre-restore-raw" in result.pre_restore.path.name
    assert result.pre_restore.path.read_bytes() == b"\x00garbage" * 1000
    assert not db.with_name(db.name + "-wal").exists()
    with open_store(db, create=False) as store:
        assert store.audit_head().count == taken.audit_head.count + 1 and store.verify_audit().ok
        assert store.check_anchor(taken.audit_head.count, taken.audit_head.hash).ok


# -- automatic backups and rotation ------------------------------------------------


def test_auto_backup_once_a_day_beside_the_database(db, monkeypatch):
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP", raising=False)
    first = auto_backup(db, today=dt.date(2026, 11, 22))
    assert first.made is not None and first.made.path.parent == db.parent / "backups"
    assert auto_backup(db, today=dt.date(2026, 11, 22)).made is None
    with open_store(db, create=False) as store:
        nxt = auto_backup(store, today=dt.date(2026, 11, 23))
    assert nxt.made is not None and nxt.made.path.name.startswith("ipguard-20261123-")
    assert [b.label for b in list_backups(db.parent / "backups")] == ["auto", "auto"]


def test_auto_backup_follows_the_settings_and_the_environment(db, tmp_path, monkeypatch):
    monkeypatch.setenv("IPGUARD_NO_AUTOBACKUP", "1")
    assert auto_backup(db, today=dt.date(2026, 11, 22)).made is None
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP")
    with open_store(db, create=False) as store:
        store.repos.settings.set_many({"backup.dir": str(tmp_path / "elsewhere")}, acting_user_id=None)
        made = auto_backup(store, today=dt.date(2026, 11, 22)).made
        assert made is not None and made.path.parent == tmp_path / "elsewhere"
        store.repos.settings.set_many({"backup.auto_daily": False}, acting_user_id=None)
        assert auto_backup(store, today=dt.date(2026, 11, 23)).made is None


def test_rotation_keeps_n_daily_and_the_newest_of_m_months(tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    day = dt.datetime(2026, 8, 1, 9, 0, 0)
    for i in range(100):  # 100 consecutive days, two automatic backups on each
        for hour in (9, 17):
            stamp = (day + dt.timedelta(days=i)).replace(hour=hour)
            (folder / f"ipguard-{stamp:%Y%m%d-%H%M%S}-auto.sqlite").write_bytes(b"x")
    (folder / "ipguard-20260801-120000-manual.sqlite").write_bytes(b"x")
    (folder / "ipguard-20260802-120000-pre-restore.sqlite").write_bytes(b"x")
    removed = rotate(folder, keep_daily=7, keep_monthly=3)
    kept = {(b.taken_at, b.label) for b in list_backups(folder)}
    last = day + dt.timedelta(days=99)  # 2026-11-08
    daily = {((last - dt.timedelta(days=i)).replace(hour=17), "auto") for i in range(7)}
    monthly = {(dt.datetime(2026, 10, 31, 17), "auto"), (dt.datetime(2026, 9, 30, 17), "auto")}  # Nov's newest is daily
    others = {(dt.datetime(2026, 8, 1, 12), "manual"), (dt.datetime(2026, 8, 2, 12), "pre-restore")}
    assert kept == daily | monthly | others
    assert len(removed) == 200 - 9


def test_auto_backup_rotates_with_the_settings(db, monkeypatch):
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP", raising=False)
    with open_store(db, create=False) as store:
        store.repos.settings.set_many({"backup.keep_daily": 2, "backup.keep_monthly": 1}, acting_user_id=None)
        for d in (dt.date(2026, 10, 30), dt.date(2026, 11, 1), dt.date(2026, 11, 2), dt.date(2026, 11, 3)):
            auto_backup(store, today=d)
    kept = [b.taken_at.date() for b in list_backups(db.parent / "backups")]
    assert kept == [dt.date(2026, 11, 3), dt.date(2026, 11, 2)]  # November's newest is already a daily one
    assert not list(db.parent.glob("backups/*.partial"))
    assert len(list(db.parent.glob("backups/*.json"))) == 2


# -- command lines ---------------------------------------------------------------------


def test_cli_backup_and_restore_exit_codes(db, tmp_path, capsys, monkeypatch):
    from tests import factories

    admin = ["--user", "admin"]
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    assert main(["--lang", "en", "backup", "--db", str(db), "--to", str(tmp_path / "bk")]) == 0
    out = capsys.readouterr().out
    path = Path(out.split("backup written: ")[1].split(" (")[0])
    assert path.is_file() and "integrity ok" in out
    assert main(["--lang", "en", "restore", "--db", str(db), "--from", str(path), "--backup-dir", str(tmp_path / "pre"), *admin]) == 0
    assert "restored" in capsys.readouterr().out
    monkeypatch.setenv("IPGUARD_PASSWORD", "not-his-password")  # a non-admin or a wrong password restores nothing
    state = _file_state(db)
    assert main(["restore", "--db", str(db), "--from", str(path), *admin]) == 2
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    assert main(["restore", "--db", str(db), "--from", str(path), "--user", "am"]) == 2
    capsys.readouterr()
    _flip_middle(path)
    state = _file_state(db)
    assert main(["restore", "--db", str(db), "--from", str(path), *admin]) == 2  # Chinese by default
    err = capsys.readouterr().err
    assert "SHA-256" in err and "当前数据库未作任何改动" in err and err.count("\n") == 1
    assert _file_state(db) == state
    assert main(["backup", "--to", str(tmp_path / "bk"), "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert "不存在" in capsys.readouterr().err
    assert main(["--lang", "en", "restore", "--db", str(db), "--from", str(tmp_path / "missing.sqlite"), *admin]) == 2
