"""Small building blocks shared by the workspace tabs: sections, labels, dates, outcome marks, the column tab.

Tables come from :mod:`ui.widgets.tables`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import QDateEdit, QGroupBox, QLabel, QVBoxLayout

from ipguard import clock
from ipguard.errors import IpguardError
from ui import errors as uierrors
from ui.i18n import translate
from ui.workspace.base import FAILED, WorkspaceTab

if TYPE_CHECKING:
    from ui.workspace import CaseWorkspace

log = logging.getLogger("ipguard.ui")

WARN_STYLE = "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 6px; color: #4e342e; }"
ALERT_STYLE = "color: #b71c1c; font-weight: bold;"
MUTED_STYLE = "color: #555;"

# outcome -> (mark, text, colour); never colour alone
OUTCOMES = {
    "pass": ("✓", QT_TRANSLATE_NOOP("Workspace", "通过"), "#1b7f3b"),
    "fail": ("✗", QT_TRANSLATE_NOOP("Workspace", "不通过"), "#c62828"),
    "justify": ("!", QT_TRANSLATE_NOOP("Workspace", "需说明"), "#e65100"),
}


def outcome_text(outcome: str) -> str:
    mark, text, _ = OUTCOMES.get(outcome, ("?", outcome, "#000"))
    return f"{mark} {translate('Workspace', text)}"


def outcome_colour(outcome: str) -> str:
    return OUTCOMES.get(outcome, ("", "", "#000000"))[2]


def workspace_headers(*headers: str) -> list[str]:
    """Column titles of the ``Workspace`` context (their sources are listed in ui/i18n_sources.py)."""
    return [translate("Workspace", h) for h in headers]


def section(title: str) -> QGroupBox:
    box = QGroupBox(title)
    box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox QLabel, QGroupBox QTableWidget { font-weight: normal; }")
    return box


def info_label(text: str = "", style: str = "") -> QLabel:
    """A wrapped, selectable label; ``style`` one of the styles above."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def when(stamp: str | None) -> str:
    """An ISO time stamp shortened for display ("2026-11-20 14:03")."""
    if not stamp:
        return "—"
    return stamp.replace("T", " ")[:16]


def yes_no(value: object) -> str:
    return translate("Workspace", "是") if value else translate("Workspace", "否")


def date_edit(value: dt.date | None = None) -> QDateEdit:
    """A calendar-popup date edit (yyyy-MM-dd), today by default."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or clock.today()))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()  # type: ignore[return-value]


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value or clock.today()))


class ScrollTab(WorkspaceTab):
    """A workspace tab laid out as one column (``self.body``).

    It scrolls through the workspace's :class:`~ui.workspace.base.ScrollingTabWidget`,
    which puts every tab in a scroll area: no scroll area of its own (a tall
    form survives a 1366×768 window either way).
    """

    def __init__(self, workspace: CaseWorkspace) -> None:
        super().__init__(workspace)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.body.setSpacing(10)


def call_core(tab: WorkspaceTab, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a core function that takes no ``expected_version`` (documents); errors shown, workspace reloaded."""
    try:
        result = fn(*args, **kwargs)
    except IpguardError as exc:
        uierrors.show_error(tab, exc, tab.lang)
        return FAILED
    except Exception as exc:  # a bug: report it; the core's transaction rolled back
        log.exception("%s failed", getattr(fn, "__name__", fn))
        uierrors.show_error(tab, exc, tab.lang)
        return FAILED
    tab.workspace.reload()
    tab.session.signals.case_changed.emit(tab.case_id)
    return result
