"""``ipguard server backup --db postgresql://… --to DIR``: a verified pg_dump of the team server."""

from __future__ import annotations

import argparse
from pathlib import Path

from ipguard.cli.common import Subparsers, add_command, require_db, t


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "backup", "用 pg_dump 备份服务器数据库（自定义格式，已校验）",
                         "back the server database up with pg_dump (custom format, verified)")
    parser.add_argument("--to", required=True, metavar="DIR", help=t("存放备份文件的文件夹", "folder for the backup file"))
    parser.set_defaults(func=run)


def print_backup(backup: object) -> None:
    """The backup's file, size, contents and audit head (keep the head outside the server)."""
    from ipguard.store.server_backup import ServerBackup

    assert isinstance(backup, ServerBackup)
    print(t(f"备份文件：{backup.path}（{backup.size} 字节，{backup.tables} 张表，pg_restore --list 校验通过）",
            f"backup: {backup.path} ({backup.size} bytes, {backup.tables} tables, read back by pg_restore --list)"))
    print(t(f"文书 {backup.documents} 份，附件 {backup.attachments} 个（文件 {backup.blobs} 个）",
            f"documents: {backup.documents}, attachments: {backup.attachments} (files: {backup.blobs})"))
    print(t(f"审计链头：{backup.head.count} 条，{backup.head.hash}（请保存在服务器之外）",
            f"audit head: {backup.head.count} entries, {backup.head.hash} (keep it outside the server)"))


def run(args: argparse.Namespace) -> int:
    from ipguard.store import server_backup

    print_backup(server_backup.dump(require_db(args), Path(args.to)))
    return 0
