"""The command line as a user meets it: global options anywhere, one language
per run, a demo that never replaces a real database, outputs that never land on
a database, and an audit trail that records only what took place."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from ipguard.cli import main
from ipguard.rules.assess import Applicant
from tests.factories import audit_count


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


# -- global options and language ----------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--db", "{db}", "audit", "head"], ["audit", "head", "--db", "{db}"]])
def test_global_db_works_before_or_after_the_subcommand(demo_db, capsys, argv):
    assert main([a.format(db=demo_db) for a in argv]) == 0
    assert "审计条数" in capsys.readouterr().out


def test_help_speaks_chinese_by_default_and_english_with_lang_en(capsys):
    with pytest.raises(SystemExit) as done:
        main(["demo", "--help"])
    assert done.value.code == 0
    zh = capsys.readouterr().out
    assert zh.startswith("用法：") and "随机种子" in zh and "random seed" not in zh
    with pytest.raises(SystemExit):
        main(["demo", "--help", "--lang", "en"])
    en = capsys.readouterr().out
    assert en.startswith("usage:") and "random seed" in en and "随机种子" not in en


def test_errors_follow_the_language(capsys):
    assert main(["demo", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "ipguard: database file: name the database file with --db"
    assert main(["demo"]) == 2
    assert capsys.readouterr().err.strip() == "ipguard: 数据库文件：请用 --db 指定数据库文件"
    with pytest.raises(SystemExit):
        main(["report", "monthly"])
    err = capsys.readouterr().err
    assert "缺少必需的参数" in err and err.count("\n") == 1


def test_assess_example_is_a_complete_applicant(capsys):
    assert main(["assess", "--example"]) == 0
    data = json.loads(capsys.readouterr().out)
    applicant = Applicant.from_json(data)
    assert applicant.assets and applicant.target_tags
    documented = Path(__file__).resolve().parents[1] / "docs" / "assess-json.md"
    text = documented.read_text(encoding="utf-8")
    for key in list(data) + list(data["company"]) + [k for a in data["ip_assets"] for k in a]:
        assert f"`{key}`" in text, f"docs/assess-json.md does not document {key}"


# -- the demo never replaces a real database ----------------------------------------------------------------


def test_demo_refuses_an_existing_file_and_leaves_it_byte_identical(demo_db, capsys):
    before = _bytes(demo_db)
    assert main(["demo", "--db", str(demo_db)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert _bytes(demo_db) == before


def test_demo_force_refuses_anything_but_a_demo_database(tmp_path, capsys):
    from ipguard.store import open_store

    real = tmp_path / "real.sqlite"
    open_store(real).close()
    before = _bytes(real)
    assert main(["demo", "--db", str(real), "--force"]) == 2
    assert "不是 ipguard 演示数据库" in capsys.readouterr().err
    assert _bytes(real) == before
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    assert main(["demo", "--db", str(notes), "--force"]) == 2
    assert notes.read_text(encoding="utf-8") == "keep me"


@pytest.mark.slow
def test_demo_force_replaces_a_demo_database(tmp_path, capsys):
    from ipguard.store.probe import FileKind, probe

    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--seed", "3"]) == 0
    assert probe(path) is FileKind.IPGUARD_DEMO
    assert main(["demo", "--db", str(path), "--seed", "3", "--force"]) == 0
    assert probe(path) is FileKind.IPGUARD_DEMO
    assert not list(tmp_path.glob(".*building*"))


# -- outputs never destroy data; the audit trail records only what happened ------------------------------------


def _letter_case(db: Path) -> str:
    from ipguard.store import open_store

    with open_store(db, create=False) as store:
        case_id = store.repos.documents.first_case_with_issued("intent_letter")
        return store.repos.cases.get(case_id).case_no


@pytest.fixture
def demo_admin(monkeypatch):
    """The CLI signs in as the demo admin, the password given as scripts do."""
    from ipguard.demo.build import DEMO_PASSWORD

    monkeypatch.setenv("IPGUARD_PASSWORD", DEMO_PASSWORD)
    return ["--user", "admin"]


def test_letter_out_on_the_database_is_refused_with_nothing_changed(demo_db, demo_admin, capsys):
    case_no = _letter_case(demo_db)
    entries = audit_count(demo_db)
    before = _bytes(demo_db)
    assert main(["letter", "intent", case_no, "--db", str(demo_db), "--out", str(demo_db), *demo_admin]) == 2
    assert "正在使用的数据库" in capsys.readouterr().err
    assert _bytes(demo_db) == before and audit_count(demo_db) == entries


def test_letter_out_on_another_database_or_a_folder_is_refused(demo_db, demo_admin, tmp_path, capsys):
    case_no = _letter_case(demo_db)
    other = tmp_path / "backup-copy.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    kept = _bytes(other)
    entries = audit_count(demo_db)
    assert main(["letter", "intent", case_no, "--db", str(demo_db), "--out", str(other), *demo_admin]) == 2
    assert "数据库文件" in capsys.readouterr().err and _bytes(other) == kept
    assert main(["letter", "intent", case_no, "--db", str(demo_db), "--out", str(tmp_path), *demo_admin]) == 2
    assert "文件夹" in capsys.readouterr().err
    assert audit_count(demo_db) == entries  # a failed reprint is not audited


def test_a_reprint_that_was_written_is_audited_once(demo_db, demo_admin, tmp_path):
    case_no = _letter_case(demo_db)
    entries = audit_count(demo_db)
    out = tmp_path / "letter.pdf"
    assert main(["letter", "intent", case_no, "--db", str(demo_db), "--out", str(out), *demo_admin]) == 0
    # the sign-in and the reprint, each audited once
    assert out.read_bytes().startswith(b"%PDF") and audit_count(demo_db) == entries + 2


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_users_umask(tmp_path, umask, mode):
    from ipguard.outputs import write_output

    old = os.umask(umask)
    try:
        path = write_output(tmp_path / "x.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == mode


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    import errno

    from ipguard.outputs import OutputError, output_file

    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as failed, output_file(target) as tmp:
        tmp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert failed.value.key == "output_disk_full" and str(target) in failed.value.message("en")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]
