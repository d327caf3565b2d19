"""Which database the window works on: the first-run choice, File → 新建演示数据库…,
打开数据库…, 连接团队服务器… and 最近打开, and the path as the status bar shows it.

A database is a file (:class:`~pathlib.Path`) or a team server's connection
string (``str``: ``postgresql://host/ipguard`` or ``service=ipguard``; the
password is never part of it: the user types it at sign-in).

Every dialog that asks the user something is a module-level function, so tests
replace it instead of clicking a modal dialog. Building the demo runs on a
worker thread behind a busy indicator (it takes a few seconds).
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from ipguard.errors import IpguardError
from ipguard.store.dialect import is_postgres_target
from ipguard.store.probe import FileKind, probe
from ui import errors as uierrors
from ui import tasks
from ui.errors import error_text
from ui.i18n import translate

log = logging.getLogger("ipguard.ui")

RECENT_KEY = "files/recent"
RECENT_MAX = 8
DB_FILTER = "ipguard 数据库 (*.sqlite *.db);;*"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir("ipguard", "ipguard"))


def default_db_path() -> Path:
    """``<user data dir>/ipguard.sqlite`` (e.g. ``%LOCALAPPDATA%\\ipguard\\ipguard``)."""
    return data_dir() / "ipguard.sqlite"


def default_demo_path() -> Path:
    return data_dir() / "ipguard-demo.sqlite"


def display_path(path: Path) -> str:
    """The path as a person reads it: the home folder as ``~``."""
    path = Path(path)
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


# -- recent databases -----------------------------------------------------------------------


def recent_databases() -> list[Path | str]:
    """Recently opened databases, newest first: files that still exist, and team servers."""
    value = QSettings().value(RECENT_KEY) or []
    if isinstance(value, str):
        value = [value]
    found: list[Path | str] = []
    for item in value:
        if not item:
            continue
        if is_postgres_target(item):
            found.append(str(item))
        elif Path(item).is_file():
            found.append(Path(item))
    return found[:RECENT_MAX]


def _remembered_as(target: Path | str) -> str:
    return target if isinstance(target, str) else str(Path(target).resolve())


def remember(target: Path | str) -> None:
    key = _remembered_as(target)
    others = [_remembered_as(t) for t in recent_databases() if _remembered_as(t) != key]
    QSettings().setValue(RECENT_KEY, [key, *others][:RECENT_MAX])


def display_target(target: Path | str) -> str:
    """A file as :func:`display_path` shows it; a server as 团队服务器 host/database (never a password)."""
    if isinstance(target, Path):
        return display_path(target)
    from ipguard.store.server_connection import server_label  # psycopg only when a server is used

    return translate("Files", "团队服务器 {server}").format(server=server_label(target))


# -- questions (tests replace these) -------------------------------------------------------------

FIRST_RUN_DEMO, FIRST_RUN_EMPTY, FIRST_RUN_OPEN = "demo", "empty", "open"


def ask_first_run(parent: QWidget | None) -> str | None:
    """First start on this workstation: open the demo, create an empty database, or open a file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Files", "欢迎使用 ipguard"))
    box.setText(translate("Files", "这台电脑上还没有 ipguard 数据库。"))
    box.setInformativeText(
        translate(
            "Files",
            "演示数据库含 36 个处于各阶段的案件和各角色的用户（密码 ipguard-demo），适合试用；"
            "正式使用请新建空数据库，由第一位管理员设置账号。",
        )
    )
    demo = box.addButton(translate("Files", "打开演示数据库(&D)"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(translate("Files", "新建空数据库(&E)"), QMessageBox.ButtonRole.AcceptRole)
    existing = box.addButton(translate("Files", "打开已有数据库(&O)…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(demo)
    uierrors.exec_dialog(box)
    return {demo: FIRST_RUN_DEMO, empty: FIRST_RUN_EMPTY, existing: FIRST_RUN_OPEN}.get(box.clickedButton())


def ask_database_to_open(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Files", "打开数据库"), str(data_dir()), DB_FILTER)
    return Path(path) if path else None


def ask_server_to_open(parent: QWidget | None) -> str | None:
    """File → 连接团队服务器…: the server's connection string as the administrator gave it (docs/team-server.md)."""
    servers = [t for t in recent_databases() if isinstance(t, str)]
    text, ok = QInputDialog.getText(
        parent,
        translate("Files", "连接团队服务器"),
        translate(
            "Files",
            "服务器连接（系统管理员提供），例如 postgresql://db.example.cn/ipguard 或 service=ipguard。\n"
            "不要在这里填写密码：登录时输入。",
        ),
        text=servers[0] if servers else "postgresql://",
    )
    text = text.strip()
    if not ok or not text:
        return None
    if not is_postgres_target(text):
        show_error(parent, translate("Files", "连接团队服务器"),
                   translate("Files", "“{text}”不是服务器连接：请以 postgresql:// 开头，或写成 service=名称").format(text=text))
        return None
    from ipguard.store.server_connection import without_password

    return without_password(text)


def ask_demo_target(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("Files", "新建演示数据库"), str(default_demo_path()), DB_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,  # we ask ourselves, naming what would be replaced
    )
    return Path(path) if path else None


def confirm_replace_demo(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("Files", "替换演示数据库"),
        translate("Files", "“{path}”是一个演示数据库，将被新的演示数据整体替换，其中的改动都会丢失。继续吗？").format(
            path=display_path(path)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    uierrors.message_box(parent, QMessageBox.Icon.Critical, title, text)


# -- the demo --------------------------------------------------------------------------------


def make_demo(parent: QWidget | None, path: Path) -> bool:
    """Build the demo at ``path`` (asking before replacing an old demo); False if refused or failed.

    Anything that is not a demo database is never replaced: the core refuses it.
    """
    from ipguard.demo.build import check_replaceable

    kind = probe(path)
    try:
        check_replaceable(path, force=True)  # replacing an old demo is confirmed below
    except IpguardError as exc:
        show_error(parent, translate("Files", "无法新建演示数据库"), error_text(exc))
        return False
    if kind is FileKind.IPGUARD_DEMO and not confirm_replace_demo(parent, path):
        return False
    error = run_with_busy_indicator(parent, translate("Files", "正在生成演示数据库…"), lambda: _build(path))
    if error is not None:
        show_error(parent, translate("Files", "无法新建演示数据库"), error_text(error))
        return False
    return True


def _build(path: Path) -> None:
    from ipguard.demo.build import build_demo

    build_demo(path)


def run_with_busy_indicator(parent: QWidget | None, label: str, fn) -> BaseException | None:
    """Run ``fn`` on a worker thread while a busy dialog shows; the exception it raised, or None."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # building cannot be interrupted half-way; it is atomic anyway
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    try:
        tasks.run_blocking(fn, label)
    except Exception as exc:  # shown by the caller
        return exc
    finally:
        dialog.close()
        dialog.deleteLater()
    return None
