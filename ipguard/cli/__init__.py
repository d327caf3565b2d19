"""The ``ipguard`` command line.

``ipguard`` alone starts the desktop client; subcommands do the headless jobs.
Each subcommand lives in its own module ``ipguard.cli.cmd_<name>`` exposing
``register(subparsers)``, which adds its parser and sets ``func(args) -> int``.
Expected errors (:class:`~ipguard.errors.IpguardError`) end the process with
exit status 2 and one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from ipguard import __version__
from ipguard.cli.common import LANGUAGES, Parser, language, peek_language, set_language, t
from ipguard.errors import IpguardError

COMMANDS = ("demo", "assess", "audit", "letter", "report", "backup", "restore", "casefile", "server")


def build_parser(lang: str = "zh") -> argparse.ArgumentParser:
    """The whole command line, with its help texts in ``lang``."""
    set_language(lang)
    parser = Parser(prog="ipguard", description=t("知识产权快易贷 担保业务管理", "IP-pledge quick-loan guarantees (知识产权快易贷)"))
    parser.add_argument("--version", action="version", version=f"ipguard {__version__}", help=t("显示版本并退出", "show the version and exit"))
    parser.add_argument("--db", metavar="FILE|postgresql://…", help=t(
        "数据库文件（默认：用户数据目录下的数据库），或团队服务器连接（postgresql://… 或 service=ipguard）",
        "database file (default: the one under the user's data directory), or a team server (postgresql://… or service=ipguard)"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("界面语言（zh 或 en）", "language (zh or en)"))
    parser.add_argument("--self-test", action="store_true", help=t("在临时数据库中走完一个案件后退出", "run a case end to end in a temporary database and exit"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, title=t("命令", "commands"))
    for name in COMMANDS:
        importlib.import_module(f"ipguard.cli.cmd_{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = peek_language(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    set_language(args.lang or lang)
    args.lang = language()
    try:
        if args.self_test:
            from ipguard.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _launch_gui(args)
        return int(args.func(args) or 0)
    except IpguardError as exc:
        print(f"ipguard: {exc.one_line(args.lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _launch_gui(args: argparse.Namespace) -> int:
    try:
        # Imported by name: the core package never depends on the UI package.
        run_app: Callable[..., int] = importlib.import_module("ui.app").run_app
    except ImportError as exc:  # Qt libraries missing on a bare machine
        print(t(f"ipguard：无法启动桌面程序（{exc}）；子命令仍可使用，见 --help",
                f"ipguard: cannot start the desktop client ({exc}); subcommands still work, see --help"), file=sys.stderr)
        return 2
    return run_app(db_path=args.db, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
