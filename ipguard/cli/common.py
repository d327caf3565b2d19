"""What every ``ipguard`` subcommand shares: the run's language, the global
options, the argument parser that speaks that language, and small checks.

One language per run: Chinese unless ``--lang en`` is given (before or after the
subcommand). Help texts are written in both languages with :func:`t`; the
parser's own words (usage, section titles, argparse's error messages) follow.
Global options (``--db``, ``--lang``) are accepted before or after the
subcommand: each subcommand parser inherits them with ``parents=[global_options()]``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any, TypeAlias

from ipguard import messages
from ipguard.errors import ValidationError

LANGUAGES = ("zh", "en")
_language = "zh"

messages.register(
    {
        "db_required": ("请用 --db 指定数据库文件", "name the database file with --db"),
    }
)


def set_language(lang: str | None) -> None:
    global _language
    _language = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _language


def t(zh: str, en: str) -> str:
    """The text in this run's language."""
    return en if _language == "en" else zh


def peek_language(argv: Sequence[str]) -> str:
    """``--lang`` from the raw arguments (before parsing, so help is built in that language)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in LANGUAGES else "zh"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else "zh"
    return "zh"


# argparse's own messages, in Chinese (its English texts are stable across 3.11–3.13).
_ERRORS_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^the following arguments are required: (.+)$"), r"缺少必需的参数：\1"),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"无法识别的参数：\1"),
    (re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"), r"参数 \1：无效的选项 \2（可选：\3）"),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"), r"参数 \1：无效的值 \3"),
    (re.compile(r"^argument (.+?): expected one argument$"), r"参数 \1：需要一个值"),
    (re.compile(r"^argument (.+?): not allowed with argument (.+)$"), r"参数 \1 不能与 \2 同时使用"),
    (re.compile(r"^one of the arguments (.+) is required$"), r"需要以下参数之一：\1"),
)


def _translate_error(message: str) -> str:
    if _language == "en":
        return message
    for pattern, replacement in _ERRORS_ZH:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


# What ``add_subparsers`` returns; argparse names the class only privately, so it is named once here
# (a string: the class is not subscriptable at run time).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Parser(argparse.ArgumentParser):
    """argparse in the run's language; bad arguments end with one line and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("显示本帮助并退出", "show this help and exit"))

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {t('错误', 'error')}: {_translate_error(message)}\n")

    def format_usage(self) -> str:
        return self._localize(super().format_usage())

    def format_help(self) -> str:
        return self._localize(super().format_help())

    @staticmethod
    def _localize(text: str) -> str:
        if _language == "en":
            return text
        text = re.sub(r"^usage: ", "用法：", text)
        text = re.sub(r"^positional arguments:$", "位置参数：", text, flags=re.MULTILINE)
        return re.sub(r"^options:$", "选项：", text, flags=re.MULTILINE)


def global_options() -> argparse.ArgumentParser:
    """The options every subcommand also accepts after its name (defaults left to the top level)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, metavar="FILE|postgresql://…",
                        help=t("数据库文件，或服务器连接（postgresql://… 或 service=…）", "database file, or a server connection (postgresql://… or service=…)"))
    parent.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("界面语言（zh 或 en）", "language (zh or en)"))
    return parent


def add_command(subparsers: Subparsers, name: str, zh: str, en: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand parser with the global options and a help text in the run's language."""
    text = t(zh, en)
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=text, description=text, parents=[global_options()], **kwargs)
    return parser


def require_db(args: argparse.Namespace, *, create: bool = False) -> str:
    """The ``--db`` the command needs, wherever it was given on the line.

    Unless the command creates the database (``create``: ``ipguard demo``,
    which then decides itself what it may replace), the file must be an
    ipguard database: a missing, zero-byte, non-SQLite or foreign file is
    refused here, read-only, before anything is opened for writing.
    """
    db = getattr(args, "db", None)
    if not db:
        raise ValidationError("db", "db_required")
    from ipguard.store.dialect import is_postgres_target

    if not create and not is_postgres_target(db):  # a server checks its schema when connected
        from pathlib import Path

        from ipguard.store.connection import check_existing

        check_existing(Path(db).expanduser())
    return str(db)
