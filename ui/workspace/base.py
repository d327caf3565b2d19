"""The base of every case-workspace tab.

A tab is a widget that shows one aspect of the case the workspace holds and
offers the actions of that aspect. The contract:

* ``title`` — the tab's label (Chinese source text);
* ``stages`` — the stages this tab is the main work of: the workspace opens
  a case on the first tab listing its stage;
* ``refresh(case)`` — redraw from the store for this (freshly loaded) case;
  the workspace calls it on every tab after any change;
* ``bind_action(button, key)`` — the workspace enables or disables ``button``
  from :func:`ipguard.workflow.queries.available_actions` for the signed-in
  user and puts the reason in its tooltip (never hidden, always explained);
* ``run_action(fn, *args, **kwargs)`` — call a core function with
  ``expected_version`` of the case the user is looking at; an expected error
  is shown naming the field (a stale version offers to reload); on success
  ``session.signals.case_changed`` is emitted and the whole workspace reloads.

Example::

    class MyTab(WorkspaceTab):
        title = "示例"

        def __init__(self, workspace):
            super().__init__(workspace)
            self.go = QPushButton("通过准入")
            self.bind_action(self.go, "pass_screening")
            self.go.clicked.connect(lambda: self.run_action(
                pass_screening, self.store, self.case_id, self.user))

        def refresh(self, case):
            ...
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QAbstractButton, QFrame, QScrollArea, QTabWidget, QWidget

from ipguard.domain import Stage
from ipguard.errors import ConflictError, IpguardError
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.store.retry import retrying
from ui import errors as uierrors
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.session import Session
    from ui.workspace import CaseWorkspace

log = logging.getLogger("ipguard.ui")

T = TypeVar("T")

# run_action's result when the action failed (distinct from a core function returning None)
FAILED: Any = object()


class WorkspaceTab(QWidget):
    """One tab of the case workspace (see the module docstring for the contract)."""

    title: str = ""
    stages: tuple[Stage, ...] = ()

    def __init__(self, workspace: CaseWorkspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._bound: list[tuple[QAbstractButton, str]] = []

    # -- shortcuts to the workspace's state ----------------------------------------

    @property
    def session(self) -> Session:
        return self.workspace.session

    @property
    def store(self) -> Store:
        return self.workspace.session.store

    @property
    def user(self) -> UserRecord:
        return self.workspace.session.user

    @property
    def case(self) -> CaseRecord:
        return self.workspace.case

    @property
    def case_id(self) -> int:
        return self.workspace.case_id

    @property
    def lang(self) -> str:
        return self.workspace.session.lang

    # -- the contract ----------------------------------------------------------------

    def refresh(self, case: CaseRecord) -> None:  # pragma: no cover - overridden
        """Redraw from the store for ``case`` (the workspace's freshly loaded record)."""

    def bind_action(self, button: QAbstractButton, key: str) -> None:
        """Let the workspace enable ``button`` for action ``key`` and explain it in the tooltip."""
        self._bound.append((button, key))

    def bound_actions(self) -> list[tuple[QAbstractButton, str]]:
        return list(self._bound)

    def action_enabled(self, key: str) -> bool:
        """Whether the signed-in user may do ``key`` now (from the workspace's last refresh)."""
        state = self.workspace.actions.get(key)
        return bool(state and state.enabled)

    def action_reason(self, key: str) -> str:
        state = self.workspace.actions.get(key)
        return state.reason if state else ""

    def confirm_step(self, action: str, consequence: str) -> bool:
        """Ask before an irreversible step, naming its consequence (see :func:`ui.errors.confirm_irreversible`)."""
        return uierrors.confirm_irreversible(self, action, consequence)

    def run_action(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call core ``fn(*args, expected_version=<shown version>, **kwargs)``.

        Returns what ``fn`` returned, or :data:`FAILED` when it raised (the
        error has then been shown). On success the case-changed signal is
        emitted and the whole workspace reloads.
        """
        return run_action(self, self.workspace, fn, *args, **kwargs)


class ScrollingTabWidget(QTabWidget):
    """A QTabWidget whose pages scroll: each page is added inside a resizable QScrollArea.

    A plain QTabWidget is as tall as its tallest page, which pushed the window
    past a 1366×768 screen; here a tall page scrolls instead. The Python-side
    page API (``widget``, ``currentWidget``, ``indexOf``, ``setCurrentWidget``)
    speaks of the pages themselves, not of their scroll areas.
    """

    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        area = QScrollArea()
        area.setObjectName(f"scroll_{type(page).__name__}")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return super().addTab(area, label)

    def set_page(self, index: int, page: QWidget) -> None:
        """Put ``page`` in place of the page at ``index`` (the one it replaces is deleted)."""
        area = super().widget(index)
        if isinstance(area, QScrollArea):
            area.setObjectName(f"scroll_{type(page).__name__}")
            area.setWidget(page)  # QScrollArea deletes the widget it held

    @staticmethod
    def _page(area: QWidget | None) -> QWidget | None:
        return area.widget() if isinstance(area, QScrollArea) else area

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self._page(super().currentWidget())

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        for i in range(self.count()):
            if self.widget(i) is page:
                return i
        return super().indexOf(page)

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)


def run_action(parent: QWidget, workspace: CaseWorkspace, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call core ``fn`` with the workspace's ``expected_version``; errors are shown over ``parent``."""
    lang = workspace.session.lang
    kwargs.setdefault("expected_version", workspace.case.version)
    try:
        result = retrying(workspace.session.store, fn, *args, **kwargs)  # again, unseen, when the server undid it in a lock conflict
    except ConflictError as exc:
        if exc.key != "stale_version":
            uierrors.show_error(parent, exc, lang)
            return FAILED
        if uierrors.ask(
            parent,
            translate("Workspace", "案件已被修改"),
            uierrors.error_text(exc, lang) + "\n\n" + translate("Workspace", "现在重新载入案件吗？"),
        ):
            workspace.reload()
        return FAILED
    except IpguardError as exc:
        # A sign-in that has ended (user disabled meanwhile) is shown, then the window asks for a sign-in again.
        uierrors.show_error(parent, exc, lang)
        return FAILED
    except Exception as exc:  # a bug: report it; the core's transaction rolled back
        log.exception("action %s failed", getattr(fn, "__name__", fn))
        uierrors.show_error(parent, exc, lang)
        return FAILED
    workspace.reload()
    workspace.session.signals.case_changed.emit(workspace.case_id)
    return result
