"""A history nobody can rewrite unnoticed: anchors kept outside the file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ipguard import anchors
from ipguard.cli import main
from ipguard.errors import ValidationError
from ipguard.store import audit, open_store
from tests.workflow_helpers import cast, open_case


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.sqlite"
    with open_store(path) as store:
        c = cast(store)
        open_case(store, c)
    return path


def _head(path):
    with open_store(path, create=False) as store:
        return store.audit_head()


def _raw(path):
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    return conn


def test_an_intact_chain_extends_its_anchor(db, capsys):
    head = _head(db)
    assert main(["audit", "verify", "--db", str(db), "--against", f"{head.count}:{head.hash}"]) == 0
    assert "延续锚点" in capsys.readouterr().out


def test_a_tail_deletion_is_detected_against_an_anchor(db, capsys):
    head = _head(db)
    conn = _raw(db)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq > ?", [head.count - 3])
    conn.close()
    assert main(["audit", "verify", "--db", str(db)]) == 0  # the shortened chain is self-consistent
    assert main(["audit", "verify", "--db", str(db), "--against", f"{head.count}:{head.hash}"]) == 1
    assert "deleted" in capsys.readouterr().err


def test_a_fully_recomputed_chain_is_detected_against_an_anchor(db, capsys):
    head = _head(db)
    conn = _raw(db)
    conn.execute("DROP TRIGGER audit_log_no_update")
    rows = conn.execute("SELECT seq, at, user_id, case_id, entity, entity_id, action, before_json, after_json FROM audit_log ORDER BY seq").fetchall()
    prev = audit.GENESIS
    for row in rows:  # forge one past entry, then recompute every hash after it
        entry = dict(zip(audit._HASHED, row, strict=True))
        if entry["seq"] == 2:
            entry["user_id"] = 999
        digest = audit.entry_hash(entry, prev)
        conn.execute("UPDATE audit_log SET user_id = ?, prev_hash = ?, hash = ? WHERE seq = ?", [entry["user_id"], prev, digest, entry["seq"]])
        prev = digest
    conn.close()
    assert main(["audit", "verify", "--db", str(db)]) == 0  # recomputed: consistent on its own
    assert main(["audit", "verify", "--db", str(db), "--against", f"{head.count}:{head.hash}"]) == 1
    assert f"entry {head.count}" in capsys.readouterr().err


def test_a_forged_append_after_a_truncation_is_detected(db):
    head = _head(db)
    conn = _raw(db)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = ?", [head.count])
    conn.close()
    with open_store(db, create=False) as store:  # a forged entry appended in its place
        with store.transaction():
            store.audit(user_id=None, entity="case", entity_id=1, action="forged")
        assert store.audit_head().count == head.count and store.verify_audit().ok
        assert not store.check_anchor(head.count, head.hash).ok


def test_a_sidecar_and_an_issued_pdf_are_anchors(db, tmp_path):
    head = _head(db)
    side = tmp_path / "b.json"
    side.write_text(json.dumps({"audit": {"count": head.count, "head_hash": head.hash, "verified": True}}), encoding="utf-8")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Keywords (" + anchors.mark(head.count, head.hash).encode() + b") >> endobj\n%%EOF")
    for value in (str(side), str(pdf)):
        assert (anchors.parse(value).count, anchors.parse(value).hash) == (head.count, head.hash)
        assert main(["audit", "verify", "--db", str(db), "--against", value]) == 0


@pytest.mark.parametrize("bad", ["abc", "0" * 64, "{}", "not a file"])
def test_an_unreadable_anchor_is_refused_naming_the_field(tmp_path, bad):
    value = bad
    if bad == "{}":
        (tmp_path / "x.json").write_text("{}", encoding="utf-8")
        value = str(tmp_path / "x.json")
    with pytest.raises(ValidationError) as err:
        anchors.parse(value)
    assert (err.value.field, err.value.key) == ("anchor", "anchor_unreadable")


# -- the current state against the last state ipguard wrote --------------------------------


def test_a_direct_edit_from_another_program_is_refused(db):
    conn = _raw(db)
    with pytest.raises(sqlite3.OperationalError, match="ipguard_touch"):
        conn.execute("UPDATE cases SET requested_amount_fen = 1")
    conn.close()


def test_a_direct_sql_edit_of_a_case_amount_is_named(db, capsys):
    conn = _raw(db)
    conn.execute("DROP TRIGGER seal_cases_update")  # what an attacker must do first
    conn.execute("UPDATE cases SET requested_amount_fen = requested_amount_fen * 10 WHERE id = 1")
    conn.close()
    assert main(["audit", "verify", "--db", str(db)]) == 1
    assert "cases #1 was changed outside ipguard" in capsys.readouterr().err


def test_rows_deleted_or_added_outside_ipguard_are_named(db):
    conn = _raw(db)
    for t in ("delete", "insert"):
        conn.execute(f"DROP TRIGGER seal_checklist_items_{t}")
        conn.execute(f"DROP TRIGGER seal_user_roles_{t}")
    conn.execute("DELETE FROM checklist_items WHERE rowid = (SELECT MIN(rowid) FROM checklist_items)")
    conn.execute("INSERT INTO user_roles (user_id, role) VALUES (2, 'admin')")
    conn.close()
    with open_store(db, create=False) as store:
        problems = {(m.table, m.problem) for m in store.check_rows()}
    assert problems == {("checklist_items", "deleted"), ("user_roles", "unsealed")}


def test_every_change_made_through_ipguard_is_sealed(db):
    with open_store(db, create=False) as store:
        assert store.check_rows() == []
