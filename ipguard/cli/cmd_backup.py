"""``ipguard backup --db PATH --to DIR``: a verified online backup."""

from __future__ import annotations

import argparse

from ipguard.cli.common import Subparsers, add_command, require_db, t


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "backup", "写一份经校验的数据库备份（使用中也可备份）", "write a verified backup of the database (safe while it is in use)")
    parser.add_argument("--to", required=True, help=t("备份文件夹（不存在时创建）", "backup folder (created if missing)"))
    parser.add_argument("--label", default="manual", help=t("文件名中的标签（默认 manual）", "word in the file name (default: manual)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.backup import backup

    result = backup(require_db(args), args.to, label=args.label)
    print(t(
        f"备份已写入：{result.path}（{result.size} 字节，完整性正常，{result.documents} 份存档文书，"
        f"审计链 {result.audit_head.count} 条，链头 {result.audit_head.hash}）",
        f"backup written: {result.path} ({result.size} bytes, integrity ok, {result.documents} archived documents, "
        f"audit chain {result.audit_head.count} entries, head {result.audit_head.hash})",
    ))
    return 0
