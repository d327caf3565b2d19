"""The Help menu: the keyboard shortcuts (read from the window's own actions, so the list never drifts) and the version."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ipguard import __version__
from ui import errors as uierrors
from ui.i18n import translate


def shortcut_lines(window: QMainWindow) -> list[str]:
    """"Ctrl+N　新建案件" for every window action with a shortcut, in menu order."""
    lines = []
    for action in window.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys and action.text():
            lines.append(f"{' / '.join(keys)}　{action.text().replace('&', '')}")
    lines.append(translate("Help", "Esc　关闭案件，回到案件列表"))
    lines.append(translate("Help", "日期栏：直接输入 20261201、2026-12-01 或 2026/12/1，Tab 到下一栏"))
    lines.append(translate("Help", "金额栏：可输入元（3,000,000）或万元（300万）"))
    return lines


def show_shortcuts(window: QMainWindow) -> None:
    uierrors.message_box(window, QMessageBox.Icon.Information, translate("Help", "键盘快捷键"), "\n".join(shortcut_lines(window)))


def about_text() -> str:
    return translate("Help", "ipguard {version}\n知识产权质押融资担保业务系统\nPython {python} · PySide6 {qt}").format(
        version=__version__, python=platform.python_version(), qt=pyside_version)


def show_about(window: QMainWindow) -> None:
    uierrors.message_box(window, QMessageBox.Icon.Information, translate("Help", "关于 ipguard"), about_text())


def install_help_menu(window: QMainWindow) -> None:
    """Add 帮助 (F1: shortcuts) to ``window``'s menu bar; relabelled when the language changes."""
    menu = window.menuBar().addMenu("")
    shortcuts = QAction(window)
    shortcuts.setShortcut(QKeySequence("F1"))
    shortcuts.triggered.connect(lambda: show_shortcuts(window))
    about = QAction(window)
    about.triggered.connect(lambda: show_about(window))
    window.addAction(shortcuts)
    menu.addAction(shortcuts)
    menu.addAction(about)

    def relabel(_lang: str = "") -> None:
        menu.setTitle(translate("Help", "帮助(&H)"))
        shortcuts.setText(translate("Help", "键盘快捷键(&K)"))
        about.setText(translate("Help", "关于 ipguard(&A)"))

    relabel()
    window.session.signals.language_changed.connect(relabel)
    window.help_menu, window.shortcuts_action, window.about_action = menu, shortcuts, about
