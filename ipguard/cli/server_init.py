"""``ipguard server init``: a new team database — the schema, its roles and GRANTs, the first admin.

Run once per database by its owner role (a role with CREATEROLE that owns the
empty database; docs/team-server.md). The first admin becomes an ipguard user
and a PostgreSQL login role of his own; his password comes as every command's
(``--password-fd N``, ``IPGUARD_PASSWORD`` or a prompt) and meets the same
policy as on a new SQLite file. A database that has ipguard's schema already
is refused: ``ipguard server upgrade`` migrates one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ipguard import messages
from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.errors import ValidationError

messages.register(
    {
        "server_db_required": ("请用 --db 指定服务器数据库（postgresql://… 或 service=…）",
                               "name the server database with --db (postgresql://… or service=…)"),
        "passwords_differ": ("两次输入的密码不一致，没有做任何修改", "the two passwords differ; nothing was changed"),
    }
)


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "init", "初始化团队服务器数据库：数据结构、数据库角色和首位管理员",
                         "initialise a team server database: schema, database roles and the first admin")
    parser.add_argument("--admin", required=True, metavar="USERNAME",
                        help=t("首位管理员的用户名（同时成为数据库登录角色）", "the first admin's user name (also his database login role)"))
    parser.add_argument("--name", metavar="姓名", help=t("首位管理员的姓名（默认同用户名）", "the first admin's name (default: the user name)"))
    parser.add_argument("--password-fd", type=int, metavar="N",
                        help=t(f"从文件描述符 N 读取首位管理员的密码（或设置环境变量 {credentials.ENV_VAR}）",
                               f"read the first admin's password from file descriptor N (or set {credentials.ENV_VAR})"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.store.dialect import is_postgres_target

    dsn = require_db(args)
    if not is_postgres_target(dsn):
        raise ValidationError("db", "server_db_required")
    username = args.admin.strip()
    secret = credentials.password(args)  # before anything is created
    if _typed(args) and getpass.getpass(t("再次输入密码：", "Password again: ")) != secret:
        raise ValidationError("password", "passwords_differ")  # a typing slip would lock the first admin out
    from ipguard.store import server  # psycopg only for a server command

    done = server.init(dsn, username, (args.name or username).strip(), secret)
    print(t(f"已初始化 {done.database}：数据结构 {len(done.steps)} 步，新建数据库角色 {len(done.groups)} 个"
            f"（{', '.join(done.groups)}），权限和行级安全已设置；首位管理员 {done.admin} 已创建（用户和数据库登录角色）",
            f"initialised {done.database}: {len(done.steps)} schema steps, {len(done.groups)} database roles created "
            f"({', '.join(done.groups)}), privileges and row-level security set; first admin {done.admin} created "
            "(user and database login role)"))
    return 0


def _typed(args: argparse.Namespace) -> bool:
    """Whether the password was typed at the terminal (then it is asked twice)."""
    return (getattr(args, "password_fd", None) is None and not os.environ.get(credentials.ENV_VAR)
            and sys.stdin is not None and sys.stdin.isatty())
