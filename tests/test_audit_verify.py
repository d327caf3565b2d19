"""``ipguard audit verify`` finds an altered or deleted audit entry and names it."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ipguard.cli import main
from ipguard.store import open_store
from tests.workflow_helpers import cast, open_case, receive_all


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "audit.sqlite"
    with open_store(path) as store:
        c = cast(store)
        receive_all(store, open_case(store, c), c)
    return path


def _tamper(path, *statements):
    """What someone with write access to the file could do: drop the guard triggers, then edit."""
    conn = sqlite3.connect(path)
    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")]
    assert triggers, "the audit table is guarded by triggers"
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _count(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def test_intact_chain_exits_0_with_the_count_and_head(db, capsys):
    n = _count(db)
    assert n > 10
    assert main(["--lang", "en", "audit", "verify", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    m = re.fullmatch(r"audit chain intact: (\d+) entries checked, head ([0-9a-f]{64})\n", out)
    assert m and int(m.group(1)) == n
    assert main(["--lang", "en", "audit", "head", "--db", str(db)]) == 0
    head = capsys.readouterr().out
    assert f"audit entries: {n}" in head and m.group(2) in head


def test_the_triggers_refuse_edits_through_the_store(db):
    with open_store(db, create=False) as store, pytest.raises(sqlite3.DatabaseError):
        store.db.execute("UPDATE audit_log SET action = 'x' WHERE seq = 1")


@pytest.mark.parametrize("column", ["action", "after_json", "at", "user_id"])
def test_an_altered_entry_exits_1_naming_it(db, capsys, column):
    value = "'2020-01-01T00:00:00+08:00'" if column == "at" else ("999" if column == "user_id" else "'{}'")
    _tamper(db, f"UPDATE audit_log SET {column} = {value} WHERE seq = 7")
    assert main(["--lang", "en", "audit", "verify", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "BROKEN at entry 7" in err and "altered" in err and "6 entries before it verified" in err


def test_a_deleted_entry_exits_1_naming_it(db, capsys):
    _tamper(db, "DELETE FROM audit_log WHERE seq = 4")
    assert main(["--lang", "en", "audit", "verify", "--db", str(db)]) == 1
    assert "BROKEN at entry 4" in capsys.readouterr().err


def test_a_recomputed_entry_still_breaks_the_link_to_the_next(db, capsys):
    from ipguard.store import audit

    conn = sqlite3.connect(db)
    cols = ("seq", "at", "user_id", "case_id", "entity", "entity_id", "action", "before_json", "after_json")
    row = conn.execute(f"SELECT {', '.join(cols)}, prev_hash FROM audit_log WHERE seq = 5").fetchone()
    conn.close()
    entry = dict(zip(cols, row[:9], strict=True)) | {"action": "forged"}
    forged = audit.entry_hash(entry, row[9])
    _tamper(db, f"UPDATE audit_log SET action = 'forged', hash = '{forged}' WHERE seq = 5")
    assert main(["--lang", "en", "audit", "verify", "--db", str(db)]) == 1
    assert "BROKEN at entry 6" in capsys.readouterr().err


def test_a_missing_database_is_a_one_line_error(tmp_path, capsys):
    assert main(["--lang", "en", "audit", "verify", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
