"""``ipguard server upgrade --db postgresql://… --backup-to DIR``: back up, then migrate the server's schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from ipguard.cli.common import Subparsers, add_command, require_db, t


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "upgrade", "先备份，再把服务器数据库升级到本程序的结构版本",
                         "back the server database up, then upgrade its schema to this program's")
    parser.add_argument("--backup-to", required=True, metavar="DIR",
                        help=t("升级前的备份存放的文件夹（备份失败则不升级）", "folder for the backup taken first (no upgrade if it fails)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.cli.server_backup import print_backup
    from ipguard.store import server_backup

    result = server_backup.upgrade(require_db(args), Path(args.backup_to))
    if result.backup is None:
        print(t("数据库结构已是最新，无需升级", "the schema is already current: nothing to upgrade"))
        return 0
    print_backup(result.backup)
    for name in result.applied:
        print(t(f"已升级：{name}", f"applied: {name}"))
    return 0
