"""``ipguard restore --db PATH --from BACKUP``: verify a backup, keep the current file, restore."""

from __future__ import annotations

import argparse
import sys

from ipguard.errors import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("restore", help="restore the database from a backup (the current file is backed up first)")
    parser.add_argument("--db", required=True, help="database file to restore into")
    parser.add_argument("--from", dest="source", required=True, help="backup file")
    parser.add_argument("--backup-dir", help="where the copy of the current file goes (default: the backup folder setting)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard import messages
    from ipguard.backup import restore

    lang = getattr(args, "lang", None) or "zh"
    try:
        result = restore(args.db, args.source, backup_dir=args.backup_dir)
    except StoreError as exc:
        if exc.key == "restore_failed":
            raise
        untouched = messages.render("restore_untouched", {}, lang)
        print(f"ipguard: {exc.one_line(lang)}; {untouched}", file=sys.stderr)
        return 2
    if result.pre_restore is not None:
        print(f"current database saved first: {result.pre_restore.path}")
    print(
        f"restored {result.path} from {result.restored_from} "
        f"(audit chain {result.audit_head.count} entries, head {result.audit_head.hash})"
    )
    return 0
