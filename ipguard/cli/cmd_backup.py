"""``ipguard backup --db PATH --to DIR``: a verified online backup."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="write a verified backup of the database (safe while it is in use)")
    parser.add_argument("--db", required=True, help="database file")
    parser.add_argument("--to", required=True, help="backup folder (created if missing)")
    parser.add_argument("--label", default="manual", help="word in the file name (default: manual)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.backup import backup

    result = backup(args.db, args.to, label=args.label)
    print(
        f"backup written: {result.path} ({result.size} bytes, integrity ok, {result.documents} archived documents, "
        f"audit chain {result.audit_head.count} entries, head {result.audit_head.hash})"
    )
    return 0
