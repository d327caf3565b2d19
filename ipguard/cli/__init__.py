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
from collections.abc import Sequence

from ipguard import __version__
from ipguard.errors import IpguardError

COMMANDS = ("demo", "assess", "audit", "letter", "report", "backup", "restore", "bench", "users")


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments on one line with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ipguard", description="知识产权快易贷 担保业务管理 (ipguard)")
    parser.add_argument("--version", action="version", version=f"ipguard {__version__}")
    parser.add_argument("--db", help="database file (default: the one under the user's data directory)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language")
    parser.add_argument("--self-test", action="store_true", help="run a case end to end in a temporary database and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"ipguard.cli.cmd_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ipguard.cli.cmd_{name}":
                raise
            continue  # not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            from ipguard.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _launch_gui(args)
        return int(args.func(args) or 0)
    except IpguardError as exc:
        print(f"ipguard: {exc.one_line(args.lang or 'zh')}", file=sys.stderr)
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
        run_app = importlib.import_module("ui.app").run_app
    except ImportError as exc:  # Qt libraries missing on a bare machine
        print(f"ipguard: cannot start the desktop client ({exc}); subcommands still work, see --help", file=sys.stderr)
        return 2
    return run_app(db_path=args.db, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
