"""How a command signs in: no command acts as a user without his password.

The password comes, in this order, from
  * ``--password-fd N``: read one line from the open file descriptor N
    (scripts: ``ipguard letter … --user alice --password-fd 3 3<secret.txt``);
  * the environment variable ``IPGUARD_PASSWORD`` (scripts and CI);
  * a prompt on the terminal (getpass; never echoed) when stdin is a terminal.
Without any of them the command is refused before it touches the database.
On a team server (``--db postgresql://…``) the same user name and password are
what the command connects with: the server checks them before anything is read
(``open_store(db, credentials=…)``, :mod:`ipguard.store.server_roles`).

Commands that only read (``report monthly``, ``audit verify|head``) use
:func:`for_reading`: ``--user`` is optional. Given, the command reads as that user
(on a server it connects as his login role; his sign-in is audited, as in the
window). Without it, a file is read as it is (a file has no logins), and a server
as the connection string names: the server checks that role's password, so a
workstation's service file, which holds none, reads nothing, while the
administrator checks a backup restored anywhere as the database's owner.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ipguard import messages
from ipguard.cli.common import t
from ipguard.errors import ValidationError

if TYPE_CHECKING:
    from ipguard.auth import Actor
    from ipguard.store.core import Store

ENV_VAR = "IPGUARD_PASSWORD"

messages.register(
    {
        "user_required": ("请用 --user 指定登录的用户名", "name the user signing in with --user"),
        "password_required": (
            "需要密码：在终端输入，或用 --password-fd N / 环境变量 IPGUARD_PASSWORD 提供",
            "a password is needed: type it at a terminal, or give --password-fd N or IPGUARD_PASSWORD",
        ),
        "password_fd_bad": ("无法从文件描述符 {fd} 读取密码", "cannot read the password from file descriptor {fd}"),
    }
)
messages.register_fields({"user": ("--user", "--user"), "password_fd": ("--password-fd", "--password-fd")})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--user`` and ``--password-fd`` for a command that acts as a user."""
    parser.add_argument("--user", metavar="USERNAME", help=t("登录的用户名（需要该用户的密码）", "user name to sign in as (needs that user's password)"))
    parser.add_argument("--password-fd", type=int, metavar="N",
                        help=t(f"从文件描述符 N 读取密码（或设置环境变量 {ENV_VAR}）",
                               f"read the password from file descriptor N (or set {ENV_VAR})"))


def password(args: argparse.Namespace) -> str:
    """The password from --password-fd, IPGUARD_PASSWORD or a prompt; refused when none."""
    fd = getattr(args, "password_fd", None)
    if fd is not None:
        try:
            with os.fdopen(fd, "r", encoding="utf-8", closefd=False) as stream:
                return stream.readline().rstrip("\r\n")
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise ValidationError("password_fd", "password_fd_bad", fd=fd) from exc
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(t("密码：", "Password: "))
    raise ValidationError("password", "password_required")


def check_given(args: argparse.Namespace) -> tuple[str, str]:
    """User name and password, refused before the database is opened when either is missing."""
    username = (getattr(args, "user", None) or "").strip()
    if not username:
        raise ValidationError("user", "user_required")
    return username, password(args)


def for_reading(args: argparse.Namespace) -> tuple[str, str] | None:
    """The credentials a reading command opens its database with: ``--user`` and his password when
    ``--user`` is given (refused before opening without a password), else None (see the module docstring)."""
    if (getattr(args, "user", None) or "").strip():
        return check_given(args)
    return None


def sign_in(store: Store, args: argparse.Namespace, credentials: tuple[str, str] | None = None) -> Actor:
    """The Actor for the command's ``--user`` and password (see module docstring)."""
    from ipguard import auth

    username, secret = credentials or check_given(args)
    return auth.sign_in(store, username, secret)
