"""``ipguard server export --db postgresql://… --to FILE.sqlite``: a standalone SQLite copy of the server database."""

from __future__ import annotations

import argparse

from ipguard.cli.common import Subparsers, add_command, require_db, t


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "export", "把服务器数据库导出为独立的数据库文件（不覆盖已有文件）",
                         "export the server database to a standalone database file (never overwrites a file)")
    parser.add_argument("--to", dest="dest", required=True, metavar="FILE.sqlite", help=t("新数据库文件的路径", "path of the new database file"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.cli.server_import import print_transfer
    from ipguard.store import server_transfer

    print_transfer(server_transfer.export_sqlite(require_db(args), args.dest))
    return 0
