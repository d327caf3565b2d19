"""Issue 14, item 7: every command refuses a zero-byte or non-ipguard file as its database, unless it was asked
to create one; the file is left byte for byte as it was (no WAL switch, no -wal or -shm beside it)."""

from __future__ import annotations

import sqlite3

import pytest

from ipguard.cli import main

# Every command that opens an existing database, with the arguments it needs besides --db.
COMMANDS = {
    "audit verify": ["audit", "verify"],
    "audit head": ["audit", "head"],
    "backup": ["backup", "--to", "{tmp}/backups"],
    "letter": ["letter", "intent", "KYD-2026-0001", "--out", "{tmp}/letter.pdf", "--user", "admin"],
    "report monthly": ["report", "monthly", "--month", "2026-10", "--out", "{tmp}/m.xlsx"],
    "restore": ["restore", "--from", "{tmp}/backup.sqlite", "--user", "admin"],
}


def zero_byte(path):
    path.write_bytes(b"")


def text_file(path):
    path.write_text("不是数据库，是一封信。\n" * 20, encoding="utf-8")


def pdf_file(path):
    path.write_bytes(b"%PDF-1.7\n" + b"0" * 2000 + b"\n%%EOF\n")


def foreign_sqlite(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('别人的数据')")
    conn.close()


def blank_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # writes the header: a valid, empty SQLite file
    conn.commit()
    conn.close()


FILES = {"zero-byte": (zero_byte, "空文件"), "text": (text_file, "不是 SQLite"), "pdf": (pdf_file, "不是 SQLite"),
         "foreign sqlite": (foreign_sqlite, "另一个程序"), "blank sqlite": (blank_sqlite, "空的 SQLite")}


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("IPGUARD_PASSWORD", "whatever-it-is")


@pytest.mark.parametrize("kind", FILES)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_file_that_is_not_an_ipguard_database(tmp_path, capsys, command, kind):
    make, words = FILES[kind]
    db = tmp_path / "target.sqlite"
    make(db)
    before = db.read_bytes()
    argv = [a.format(tmp=tmp_path) for a in COMMANDS[command]] + ["--db", str(db)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(db) in err and "不是 ipguard 数据库" in err and words in err, err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target.sqlite"]  # no -wal, -shm, backup folder or output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_missing_database_without_creating_it(tmp_path, capsys, command):
    db = tmp_path / "nowhere.sqlite"
    argv = [a.format(tmp=tmp_path) for a in COMMANDS[command]] + ["--db", str(db), "--lang", "en"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(db) in err
    assert list(tmp_path.iterdir()) == []


def test_the_refusal_reads_in_english_too(tmp_path, capsys):
    db = tmp_path / "empty.sqlite"
    db.write_bytes(b"")
    assert main(["audit", "verify", "--db", str(db), "--lang", "en"]) == 2
    assert "is not an ipguard database (an empty file, 0 bytes); it was left untouched" in capsys.readouterr().err


@pytest.mark.slow
def test_demo_creates_a_new_file_but_never_fills_an_existing_empty_one(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["demo", "--db", str(empty)]) == 2  # it exists: the demo never writes over a file
    assert main(["demo", "--db", str(empty), "--force"]) == 2  # and --force replaces only a demo database
    assert empty.read_bytes() == b""
    capsys.readouterr()
    fresh = tmp_path / "new.sqlite"
    assert main(["demo", "--db", str(fresh)]) == 0  # asked to create one: created
    assert main(["audit", "verify", "--db", str(fresh)]) == 0
