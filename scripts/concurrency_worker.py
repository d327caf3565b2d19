"""Worker for the two-workstation test: checklist updates on shared cases, with version checks.

    python scripts/concurrency_worker.py DB --name P1 --user am --ops 150 --cases 1,2

Prints ``READY``, waits for a line on stdin (so two workers start together),
then does ``--ops`` checklist updates spread over the given cases, each based
on a fresh read of the case's version (``expected_version``) followed by a
short random pause (``--think-ms``, a user looking at the screen; without it
SQLite's busy handler lets one process take the lock over and over while the
other waits, which is fair enough for people but not a test of interleaving). A
:class:`ConflictError` (the other workstation saved first) means: read again
and retry; a ``db_locked`` StoreError is counted and retried too, but with the
10 s busy timeout it should not occur. Every update carries a distinct note
``<name>-<n>`` so the test can find each one in the audit trail. Ends with one
JSON line: ``{"name", "ops", "conflicts", "locked"}``. Any other exception
escapes and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipguard import intake
from ipguard.errors import ConflictError, StoreError
from ipguard.store import open_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--name", required=True)
    parser.add_argument("--user", required=True, help="username of the acting user")
    parser.add_argument("--ops", type=int, default=150)
    parser.add_argument("--cases", required=True, help="comma-separated case ids")
    parser.add_argument("--think-ms", type=float, default=3.0, help="up to this pause between reading and saving")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    case_ids = [int(x) for x in args.cases.split(",")]
    conflicts = locked = 0
    rng = random.Random(f"{args.seed}-{args.name}")
    with open_store(args.db, create=False) as store:
        from ipguard import auth

        user = auth.sign_in(store, args.user, os.environ["IPGUARD_PASSWORD"])
        codes = {cid: [item.code for item in store.repos.cases.checklist(cid)] for cid in case_ids}
        print("READY", flush=True)
        sys.stdin.readline()
        for n in range(args.ops):
            case_id = case_ids[n % len(case_ids)]
            code = codes[case_id][n % len(codes[case_id])]
            status = ("received", "missing")[n // len(case_ids) % 2]
            while True:
                version = store.repos.cases.get(case_id).version  # what the user's screen shows
                time.sleep(rng.uniform(0, args.think_ms) / 1000)
                try:
                    intake.set_checklist_item(store, case_id, code, status, user, note=f"{args.name}-{n}", expected_version=version,
                                              paper_original=True)
                    break
                except ConflictError:
                    conflicts += 1
                except StoreError as exc:
                    if exc.key != "db_locked":
                        raise
                    locked += 1
    print(json.dumps({"name": args.name, "ops": args.ops, "conflicts": conflicts, "locked": locked}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
