"""``ipguard server …``: an administrator's commands for the team's PostgreSQL server (issue 20).

One module per subcommand, ``ipguard.cli.server_<name>``, each exposing
``register(subparsers)`` like the top-level commands; docs/team-server.md is the
administrator's guide.
"""

from __future__ import annotations

import importlib

from ipguard.cli.common import Parser, Subparsers, add_command, t

SUBCOMMANDS = ("init", "upgrade", "backup", "import", "export")


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "server", "团队服务器（PostgreSQL）的管理命令", "administer the team's PostgreSQL server")
    inner = parser.add_subparsers(dest="server_command", metavar="SUBCOMMAND", parser_class=Parser, title=t("子命令", "subcommands"),
                                  required=True)
    for name in SUBCOMMANDS:
        importlib.import_module(f"ipguard.cli.server_{name}").register(inner)
