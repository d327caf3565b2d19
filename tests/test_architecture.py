"""Architecture guard: SQL lives in ``ipguard/store/`` only.

The UI, the CLI and the services call the typed repositories
(``store.repos.*``); a SQL statement anywhere else fails this test with its
file and line. The scan reads string constants with ``ast`` (f-strings by their
leading text), so comments and identifiers never trip it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("ipguard", "ui")
STORE = Path("ipguard/store")

# Nothing outside the store is allowed SQL (backups live in ipguard/store/backup).
ALLOWED: tuple[Path, ...] = ()

# Upper-case keywords at the start of a string literal (case-sensitive, so prose
# such as "Select asset …" in a docstring does not match).
SQL_START = re.compile(
    r"^\s*(?:"
    r"SELECT\s"
    r"|INSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\s"
    r"|REPLACE\s+INTO\s"
    r"|UPDATE\s+\S+\s+SET\s"
    r"|DELETE\s+FROM\s"
    r"|CREATE\s+(?:TEMP\s+|TEMPORARY\s+|VIRTUAL\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s"
    r"|PRAGMA\s"
    r")"
)
RAW_CALLS = {"query", "scalar"}  # Store's raw SQL helpers, for repositories only
EXECUTE_CALLS = {"execute", "executemany", "executescript"}


def _leading_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _receiver_names(node: ast.AST) -> list[str]:
    """``a.b.c`` of a call ``a.b.c.method(...)`` as ["a", "b", "c"]."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names[::-1]


def sql_findings(source: str, label: str) -> list[str]:
    """``label:line: why`` for every SQL string or raw SQL call in ``source``."""
    found: list[str] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        text = _leading_text(node)
        if text is not None and SQL_START.match(text):
            found.append(f"{label}:{node.lineno}: SQL string {text.strip()[:60]!r}")
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = _receiver_names(node.func.value)
            method = node.func.attr
            if method in RAW_CALLS and receiver and receiver[-1] == "store":
                found.append(f"{label}:{node.lineno}: raw Store.{method}() outside ipguard/store/")
            elif method in EXECUTE_CALLS and receiver and receiver[-1] in ("db", "conn"):
                found.append(f"{label}:{node.lineno}: {'.'.join(receiver)}.{method}() outside ipguard/store/")
    # A JoinedStr's leading Constant is also walked on its own: report a line once.
    return sorted(set(found), key=lambda f: (f.split(":")[0], int(f.split(":")[1])))


def _files() -> list[Path]:
    files: list[Path] = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if rel.is_relative_to(STORE) or any(rel.is_relative_to(a) for a in ALLOWED):
                continue
            files.append(rel)
    return files


def test_no_sql_outside_the_store_package() -> None:
    files = _files()
    assert any(f.parts[0] == "ui" for f in files) and any(f.parts[0] == "ipguard" for f in files)
    findings = [hit for rel in files for hit in sql_findings((ROOT / rel).read_text(encoding="utf-8"), rel.as_posix())]
    assert not findings, "SQL belongs in ipguard/store/repos (a typed repository method):\n" + "\n".join(findings)


def test_the_scan_finds_sql_it_should() -> None:
    source = '''
def f(store, case_id, column):
    store.query("SELECT * FROM cases WHERE id = ?", [case_id])
    store.db.execute(f"UPDATE cases SET {column} = 1")
    x = "  INSERT OR IGNORE INTO t (a) VALUES (1)"
    y = """DELETE FROM t"""
    z = "PRAGMA journal_mode"
    store.repos.cases.scalar_thing()
    """Select asset ``index`` and focus it; update the SET of fields."""
'''
    hits = sql_findings(source, "sample.py")
    lines = [int(h.split(":")[1]) for h in hits]
    assert lines.count(3) == 2  # the SQL string and the raw store.query() call
    assert lines.count(4) == 2  # an f-string's leading text, and db.execute()
    assert {5, 6, 7} <= set(lines)
    assert 8 not in lines and 9 not in lines


# -- the clock ----------------------------------------------------------------------------------------

_CLOCK_READS = re.compile(r"\b(?:date\.today|datetime\.(?:now|today|utcnow)|QDate\.currentDate|QDateTime\.currentDateTime)\(")


def test_only_the_clock_module_reads_the_clock() -> None:
    """Today comes from ipguard.clock alone, so tests fix it and no date mixes real and fixed time."""
    offenders = []
    for top in ("ipguard", "ui", "benchmarks", "scripts"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path == ROOT / "ipguard" / "clock.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _CLOCK_READS.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "read today from ipguard.clock:\n" + "\n".join(offenders)


def test_the_clock_scan_finds_a_real_read() -> None:
    assert _CLOCK_READS.search("x = dt.date.today()") and _CLOCK_READS.search("QDate.currentDate()")
    assert not _CLOCK_READS.search("clock.today()")


def test_every_message_and_field_label_has_one_wording():
    """Importing every core module registers each message key and field label once, or with the same words.

    ``ipguard.messages`` refuses a second, different wording at import time; without that, the words
    shown would depend on which module happened to be imported last (it happened: 放款金额 / 贷款金额).
    """
    import importlib
    import pkgutil

    import ipguard

    for module in pkgutil.walk_packages(ipguard.__path__, "ipguard."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


# -- tests replace public seams only ------------------------------------------------------------------

_PATCHERS = {"setattr", "delattr", "object"}  # monkeypatch.setattr/delattr, mock.patch.object
_PATCH_BY_PATH = {"setattr", "delattr", "patch"}  # monkeypatch.setattr("pkg.mod.name", …), mock.patch("pkg.mod.name")


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def private_patches(source: str, label: str) -> list[str]:
    """``file:line: name`` for every monkeypatch/mock call in ``source`` that replaces a name starting with "_"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        names = []
        if called in _PATCHERS and len(node.args) >= 2:
            names.append(_string(node.args[1]))  # (target, "name", …)
        path = _string(node.args[0])
        if called in _PATCH_BY_PATH and path:
            names.append(path.rsplit(".", 1)[-1])  # ("pkg.module.name", …)
        found += [(node.lineno, name) for name in names if name and name.startswith("_")]
    return [f"{label}:{line}: {name}" for line, name in sorted(found)]


def test_no_test_patches_a_private_name() -> None:
    """A test replaces only a public, documented seam (a dialog hook, ``Store.commit_transaction``, …):
    patching a private name ties the test to an implementation detail and breaks silently when it is renamed."""
    files = sorted((ROOT / "tests").rglob("*.py"))
    assert len(files) > 50
    findings = [hit for path in files for hit in private_patches(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())]
    assert not findings, "give the code a public seam or test the public behaviour:\n" + "\n".join(findings)


def test_the_patch_scan_finds_private_patches() -> None:
    source = '''
monkeypatch.setattr(store, "_commit", fail)
monkeypatch.setattr("ui.icons._cache", {})
with mock.patch.object(page, "_start"):
    pass
mock.patch("ui.pages.reports._helper")
monkeypatch.delattr(icons, "_cache")
monkeypatch.setattr(store, "commit_transaction", fail)
monkeypatch.setattr(uierrors, "exec_dialog", run)
monkeypatch.setattr("ui.errors.ask", yes)
'''
    lines = [int(h.split(":")[1]) for h in private_patches(source, "sample.py")]
    assert lines == [2, 3, 4, 6, 7]
