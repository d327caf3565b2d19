"""Restore under use: exclusive, audited, and no acknowledged commit lost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from ipguard.backup import backup, restore
from ipguard.errors import StoreError
from ipguard.store import open_store

WRITER = """
import sys
from ipguard.store import open_store
db, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    s = open_store(db, create=False)      # a client that connects for each save
    try:
        with s.transaction():
            s.audit(user_id=None, entity="probe", entity_id=i, action="write")
    finally:
        s.close()
    print(i, flush=True)                   # acknowledged: the client was told it was saved
"""


def _probes(path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {int(r[0]) for r in conn.execute("SELECT entity_id FROM audit_log WHERE entity = 'probe'")}
    finally:
        conn.close()


def test_restore_while_a_second_process_writes_loses_nothing(tmp_path):
    db = tmp_path / "live.sqlite"
    open_store(db).close()
    taken = backup(db, tmp_path / "bk")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.getcwd(), os.environ.get("PYTHONPATH", "")])}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "300"], stdout=subprocess.PIPE, text=True, env=env)
    acked: list[int] = []
    for line in writer.stdout:  # let it get going
        acked.append(int(line))
        if len(acked) >= 20:
            break
    result, refusals = None, 0
    while result is None:
        try:
            result = restore(db, taken.path, backup_dir=tmp_path / "pre")
        except StoreError as exc:
            assert exc.key == "restore_in_use"  # refused with a clear message, never a half-restore
            refusals += 1
            assert refusals < 200
    rest, _ = writer.communicate(timeout=300)
    acked += [int(x) for x in rest.split()]
    assert writer.returncode == 0 and acked == list(range(300))
    assert result.pre_restore is not None
    kept = _probes(db) | _probes(result.pre_restore.path)
    assert set(acked) <= kept, sorted(set(acked) - kept)
    side = json.loads(result.pre_restore.sidecar.read_text(encoding="utf-8"))
    assert side["audit"]["verified"] is True
    with open_store(db, create=False) as store:
        assert store.verify_audit().ok
        assert store.query("SELECT action FROM audit_log WHERE entity = 'database'") == [{"action": "restore"}]


def test_only_a_signed_in_admin_restores_and_a_refusal_keeps_the_callers_connection(tmp_path):
    import pytest

    from ipguard.errors import PermissionDenied
    from ipguard.restore_service import restore_as
    from tests.workflow_helpers import cast

    db = tmp_path / "live.sqlite"
    with open_store(db) as store:
        c = cast(store)
        taken = backup(store, tmp_path / "bk")
        with pytest.raises(PermissionDenied):
            restore_as(store, c.a, taken.path)
        assert store.repos.users.count() == 9  # still usable
        result = restore_as(store, c.admin, taken.path, backup_dir=tmp_path / "pre")
    assert result.audit_head.count == taken.audit_head.count + 1
    with open_store(db, create=False) as store:
        last = store.query("SELECT user_id, action FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
        assert last == {"user_id": c.admin.id, "action": "restore"}


def test_a_backup_without_a_valid_sidecar_needs_an_admins_override(tmp_path):
    import pytest

    db = tmp_path / "live.sqlite"
    open_store(db).close()
    taken = backup(db, tmp_path / "bk")
    side = json.loads(taken.sidecar.read_text(encoding="utf-8"))
    side["audit"]["head_hash"] = "f" * 64  # a garbled (or recomputed for another chain) sidecar
    taken.sidecar.write_text(json.dumps(side), encoding="utf-8")
    with pytest.raises(StoreError) as err:
        restore(db, taken.path, backup_dir=tmp_path / "pre")
    assert err.value.key == "backup_sidecar_mismatch"
    taken.sidecar.unlink()
    with pytest.raises(StoreError) as err:
        restore(db, taken.path, backup_dir=tmp_path / "pre")
    assert err.value.key == "backup_sidecar_missing"
    assert restore(db, taken.path, backup_dir=tmp_path / "pre", without_sidecar=True).audit_head.count == 1


def test_interrupted_backup_files_are_cleaned_at_the_next_backup(tmp_path):
    import datetime as dt

    from ipguard import clock

    db = tmp_path / "live.sqlite"
    open_store(db).close()
    folder = tmp_path / "bk"
    folder.mkdir()
    old = folder / "ipguard-20261101-100000-auto.sqlite.partial"
    old.write_bytes(b"x" * 1000)
    fresh = folder / "ipguard-20261120-095959-manual.sqlite.partial"  # perhaps another client's, still writing
    fresh.write_bytes(b"y")
    stamp = (clock.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(old, (stamp, stamp))
    now = clock.now().timestamp()
    os.utime(fresh, (now, now))
    backup(db, folder)
    assert not old.exists() and fresh.exists()


def test_a_zero_byte_file_is_refused_unless_creating(tmp_path, capsys):
    from ipguard.cli import main

    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["audit", "verify", "--db", str(empty)]) == 2
    assert "不是 ipguard 数据库" in capsys.readouterr().err
    assert empty.read_bytes() == b""
