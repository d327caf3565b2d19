"""Crash test: kill a writing process with SIGKILL many times; nothing committed may be lost.

    python scripts/crash_test.py --kills 50 [--seed 2026] [--db PATH] [--letters]

Each round starts ``scripts/crash_worker.py`` on the same database file, reads
its stdout until a random number of ``COMMIT`` lines arrived (plus, here, a
random short delay), kills it with SIGKILL, reads whatever it had still
reported, and then checks the file: ``PRAGMA integrity_check`` is "ok", the
audit hash chain verifies, and every commit the worker reported is present
(the case exists at that version or later, the audit trail has that entry for
that case, a received checklist item is received, an attached file is there
with its bytes, an issued letter is archived), and the case file has no blob
without an attachment, no attachment without its blob, no bytes that do not
match their SHA-256. Exit status 0 only with zero failures. The test suite runs a
bounded form (tests/test_crash_safety.py) that uses no sleeps.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "scripts" / "crash_worker.py"
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from ipguard.store import audit  # noqa: E402


@dataclass(frozen=True)
class Commit:
    case_no: str
    step: str
    version: int
    audit_count: int

    @classmethod
    def parse(cls, line: str) -> Commit:
        _, case_no, step, version, count = line.split()
        return cls(case_no, step, int(version), int(count))


@dataclass
class Tally:
    kills: int = 0
    commits: int = 0
    integrity_failures: list[str] = field(default_factory=list)
    audit_failures: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity_failures or self.audit_failures or self.lost)


def run_round(db: Path, rng: random.Random, *, max_commits: int, max_delay: float = 0.0, letters: bool = False) -> list[Commit]:
    """Start the worker, kill it after a random number of commits (and delay); return what it reported."""
    target = rng.randint(1, max_commits)
    cmd = [sys.executable, str(WORKER), str(db), "--seed", str(rng.randrange(1 << 31))]
    if letters:
        cmd.append("--letters")
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8")
        assert proc.stdout is not None
        lines: list[str] = []
        try:
            while sum(1 for x in lines if x.startswith("COMMIT")) < target:
                line = proc.stdout.readline()
                if not line:
                    errors.seek(0)
                    raise RuntimeError(f"worker ended early (exit {proc.wait()}): {errors.read().decode(errors='replace')[-2000:]}")
                lines.append(line)
            if max_delay:
                time.sleep(rng.uniform(0, max_delay))
        finally:
            proc.kill()  # SIGKILL on POSIX
            rest = proc.stdout.read()  # lines it printed (and so committed) before it died
            proc.wait()
            proc.stdout.close()
    lines += rest.splitlines(keepends=True)
    return [Commit.parse(x) for x in lines if x.startswith("COMMIT") and x.endswith("\n")]


def check(db: Path, commits: list[Commit], tally: Tally, round_no: int) -> None:
    """Integrity, audit chain, and every reported commit present; failures go into ``tally``."""
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            tally.integrity_failures.append(f"round {round_no}: {result[:3]}")
            return
        chain = audit.verify(Database(conn))
        if not chain.ok:
            tally.audit_failures.append(f"round {round_no}: {chain.problem}")
        for problem in _case_file_problems(conn):
            tally.integrity_failures.append(f"round {round_no}: {problem}")
        for c in commits:
            problem = _missing(conn, c)
            if problem:
                tally.lost.append(f"round {round_no}: {c.case_no} {c.step}: {problem}")
    finally:
        conn.close()


def _case_file_problems(conn: sqlite3.Connection) -> list[str]:
    """The case file after a kill: no blob without an attachment, no attachment without its blob, bytes as hashed."""
    import hashlib

    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blobs'").fetchone():
        return []
    out = [f"orphan blob #{r[0]}" for r in conn.execute(
        "SELECT id FROM blobs WHERE id NOT IN (SELECT blob_id FROM attachments)")]
    out += [f"attachment #{r[0]} without its blob" for r in conn.execute(
        "SELECT id FROM attachments WHERE blob_id NOT IN (SELECT id FROM blobs)")]
    out += [f"blob #{r[0]} bytes do not match its SHA-256" for r in conn.execute("SELECT id, sha256, content FROM blobs")
            if hashlib.sha256(r[2]).hexdigest() != r[1]]
    return out


def _missing(conn: sqlite3.Connection, c: Commit) -> str:
    row = conn.execute("SELECT id, version FROM cases WHERE case_no = ?", [c.case_no]).fetchone()
    if row is None:
        return "case missing"
    case_id, version = row
    if version < c.version:
        return f"case at version {version}, {c.version} was reported"
    entry = conn.execute("SELECT case_id FROM audit_log WHERE seq = ?", [c.audit_count]).fetchone()
    if entry is None or entry[0] != case_id:
        return f"audit entry {c.audit_count} missing or not this case's"
    if c.step.startswith("checklist:"):
        status = conn.execute("SELECT status FROM checklist_items WHERE case_id = ? AND code = ?", [case_id, c.step[10:]]).fetchone()
        if not status or status[0] != "received":
            return "checklist item not received"
    if c.step.startswith("attach:") and not conn.execute(
            "SELECT 1 FROM attachments a JOIN blobs b ON b.id = a.blob_id WHERE a.case_id = ? AND a.checklist_code = ?",
            [case_id, c.step[7:]]).fetchone():
        return "attached file missing"
    if c.step == "letter" and not conn.execute("SELECT 1 FROM documents WHERE case_id = ?", [case_id]).fetchone():
        return "archived letter missing"
    return ""


def crash_test(db: Path, kills: int, *, seed: int, max_commits: int = 25, max_delay: float = 0.0, letters: bool = False) -> Tally:
    """``kills`` rounds of start, kill, check on the same file."""
    rng = random.Random(seed)
    tally = Tally()
    for round_no in range(1, kills + 1):
        commits = run_round(db, rng, max_commits=max_commits, max_delay=max_delay, letters=letters)
        tally.kills += 1
        tally.commits += len(commits)
        check(db, commits, tally, round_no)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="SIGKILL a writing ipguard process repeatedly and check the file after each kill")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", type=Path, help="database file (default: a new temporary one)")
    parser.add_argument("--max-commits", type=int, default=40, help="kill after 1..N reported commits")
    parser.add_argument("--max-delay", type=float, default=0.03, help="then wait up to this many seconds before the kill")
    parser.add_argument("--letters", action="store_true", help="the worker also issues intent letters (archived PDFs)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "crash.sqlite"
        tally = crash_test(db, args.kills, seed=args.seed, max_commits=args.max_commits, max_delay=args.max_delay, letters=args.letters)
        conn = sqlite3.connect(db)
        cases, entries, documents = conn.execute(
            "SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM documents)"
        ).fetchone()
        conn.close()
    for problem in tally.integrity_failures + tally.audit_failures + tally.lost:
        print("FAIL", problem)
    print(
        f"kills: {tally.kills}, commits reported: {tally.commits}, integrity failures: {len(tally.integrity_failures)}, "
        f"audit chain failures: {len(tally.audit_failures)}, lost committed writes: {len(tally.lost)}; "
        f"file ends with {cases} cases, {entries} audit entries, {documents} archived PDFs ({time.perf_counter() - started:.0f} s)"
    )
    return 0 if tally.ok else 1


if __name__ == "__main__":
    sys.exit(main())
