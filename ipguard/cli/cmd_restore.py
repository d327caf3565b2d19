"""``ipguard restore --db PATH --from BACKUP``: verify a backup, keep the current file, restore."""

from __future__ import annotations

import argparse
import sys

from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.errors import StoreError


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "restore", "从备份恢复数据库（先备份当前文件）", "restore the database from a backup (the current file is backed up first)")
    parser.add_argument("--from", dest="source", required=True, help=t("备份文件", "backup file"))
    parser.add_argument("--backup-dir", help=t("当前文件的副本存放处（默认：设置中的备份文件夹）", "where the copy of the current file goes (default: the backup folder setting)"))
    parser.add_argument("--without-sidecar", action="store_true",
                        help=t("备份没有有效的 .json 说明文件时仍恢复（仅管理员；仍做完整性与审计链校验）",
                               "restore a backup without a valid .json sidecar (admins only; integrity and audit chain still verified)"))
    credentials.add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard import messages
    from ipguard.restore_service import restore_as
    from ipguard.store import open_store

    lang = getattr(args, "lang", None) or "zh"
    from ipguard.backup import verify_backup

    db = require_db(args)  # the target must be an ipguard database (read-only look)
    given = credentials.check_given(args)  # an admin's password, before anything is touched
    try:
        verify_backup(args.source, require_sidecar=not args.without_sidecar)  # a bad backup is refused before the sign-in is even recorded
    except StoreError as exc:
        untouched = messages.render("restore_untouched", {}, lang)
        print(f"ipguard: {exc.one_line(lang)}; {untouched}", file=sys.stderr)
        return 2
    store = open_store(db, create=False, credentials=given)
    try:
        result = restore_as(store, credentials.sign_in(store, args, given), args.source, backup_dir=args.backup_dir,
                            without_sidecar=args.without_sidecar)
    except StoreError as exc:
        if exc.key == "restore_failed":
            raise
        untouched = messages.render("restore_untouched", {}, lang)
        print(f"ipguard: {exc.one_line(lang)}; {untouched}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if result.pre_restore is not None:
        print(t(f"已先保存当前数据库：{result.pre_restore.path}", f"current database saved first: {result.pre_restore.path}"))
    print(t(
        f"已从 {result.restored_from} 恢复 {result.path}（审计链 {result.audit_head.count} 条，链头 {result.audit_head.hash}）",
        f"restored {result.path} from {result.restored_from} (audit chain {result.audit_head.count} entries, head {result.audit_head.hash})",
    ))
    return 0
