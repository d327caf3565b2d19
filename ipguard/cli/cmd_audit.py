"""``ipguard audit verify|head --db PATH``: check the audit hash chain, print its head."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="verify the audit trail's hash chain or print its head")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True, parser_class=type(parser))
    verify = actions.add_parser("verify", help="recompute the whole chain; exit 1 naming the first broken entry")
    verify.add_argument("--db", required=True, help="database file")
    verify.set_defaults(func=run_verify)
    head = actions.add_parser("head", help="print the entry count and the head hash (keep them outside the database)")
    head.add_argument("--db", required=True, help="database file")
    head.set_defaults(func=run_head)


def run_verify(args: argparse.Namespace) -> int:
    from ipguard.store import open_store

    with open_store(args.db, create=False) as store:
        result = store.verify_audit()
        head = store.audit_head()
    if result.ok:
        print(f"audit chain intact: {result.checked} entries checked, head {head.hash}")
        return 0
    print(
        f"audit chain BROKEN at entry {result.first_broken_seq}: {result.problem} "
        f"({result.checked} entries before it verified)",
        file=sys.stderr,
    )
    return 1


def run_head(args: argparse.Namespace) -> int:
    from ipguard.store import open_store

    with open_store(args.db, create=False) as store:
        head = store.audit_head()
    print(f"audit entries: {head.count}")
    print(f"head hash: {head.hash}")
    return 0
