"""``ipguard server import --from FILE.sqlite --db postgresql://…``: move a workstation's database onto an empty server."""

from __future__ import annotations

import argparse

from ipguard.cli.common import Subparsers, add_command, require_db, t


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "import", "把工作站的数据库文件导入空的服务器数据库（前后均校验审计链和附件哈希）",
                         "move a workstation's database file onto an empty server database (audit chain and file hashes checked before and after)")
    parser.add_argument("--from", dest="source", required=True, metavar="FILE.sqlite", help=t("要导入的数据库文件", "the database file to import"))
    parser.add_argument("--admin", required=True, metavar="USERNAME",
                        help=t("文件中的一位管理员：用他在文件中的密码登录服务器（其他用户由他在“用户与角色”中设置新密码）",
                               "an admin of the file: his password in the file becomes his server password (he then sets "
                               "the other users' new passwords in Users and roles)"))
    parser.add_argument("--password-fd", type=int, metavar="N",
                        help=t("从文件描述符 N 读取该管理员的密码（或设置环境变量 IPGUARD_PASSWORD）",
                               "read that admin's password from file descriptor N (or set IPGUARD_PASSWORD)"))
    parser.set_defaults(func=run)


def print_transfer(result: object) -> None:
    """Rows copied, documents and attachments, and the audit head on both sides."""
    from ipguard.store.server_transfer import TransferResult

    assert isinstance(result, TransferResult)
    print(t(f"来源：{result.source}", f"from: {result.source}"))
    print(t(f"目标：{result.target}", f"to: {result.target}"))
    print(t(f"已复制 {sum(result.rows.values())} 行（{len(result.rows)} 张表），文书 {result.documents} 份，附件 {result.attachments} 个（文件 {result.blobs} 个，哈希一致）",
            f"copied {sum(result.rows.values())} rows ({len(result.rows)} tables), {result.documents} documents, "
            f"{result.attachments} attachments ({result.blobs} files, hashes match)"))
    print(t(f"来源审计链头：{result.source_head.count} 条，{result.source_head.hash}",
            f"source audit head: {result.source_head.count} entries, {result.source_head.hash}"))
    print(t(f"目标审计链头：{result.target_head.count} 条，{result.target_head.hash}",
            f"target audit head: {result.target_head.count} entries, {result.target_head.hash}"))


def run(args: argparse.Namespace) -> int:
    from ipguard.cli import credentials
    from ipguard.store import server, server_transfer

    dsn = require_db(args)
    password = credentials.password(args)  # asked before anything is read or written
    logins: list[server.ImportedLogins] = []
    result = server_transfer.import_sqlite(
        args.source, dsn, after_copy=lambda conn: logins.append(server.enable_imported_logins(conn, dsn, args.admin, password)))
    print_transfer(result)
    done = logins[0]
    print(t(f"服务器登录：{done.admin} 可用文件中的密码登录；其他 {len(done.others)} 位用户（{'、'.join(done.others) or '无'}）"
            "需由管理员在“用户与角色”中设置新密码后才能登录",
            f"server sign-in: {done.admin} signs in with his password from the file; the other {len(done.others)} users "
            f"({', '.join(done.others) or 'none'}) sign in once an admin has set them a new password in Users and roles"))
    return 0
