"""The case workspace: one case, its header, stage bar and a tab per aspect.

:class:`CaseWorkspace` ``(session, case_id)`` loads the case and shows a tab
for each class listed in :mod:`ui.workspace.tabs` (each a
:class:`~ui.workspace.base.WorkspaceTab`). A tab is built when first shown
(or asked for with :meth:`~CaseWorkspace.tab`), so opening a case builds
one tab, not thirteen. After any change the workspace reloads the case and
refreshes every tab built so far and every bound action button (enabled or
disabled with the reason from :func:`ipguard.workflow.queries.available_actions`
as the tooltip). It follows ``session.signals.case_changed`` for its case and
``user_changed``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard.errors import IpguardError
from ipguard.money import wan_text
from ipguard.store.records import CaseRecord
from ipguard.workflow import amend_case, decline, reversal_plan, reverse_last_step, withdraw
from ipguard.workflow.queries import ActionState, available_actions
from ipguard.workflow.work import waiting_for
from ui import errors as uierrors
from ui.i18n import current_language, stage_label, translate
from ui.session import Session
from ui.workspace.base import FAILED, ScrollingTabWidget, WorkspaceTab, run_action
from ui.workspace.reversal_dialog import ReversalDialog
from ui.workspace.stage_bar import StageBar
from ui.workspace.tabs import load_tab_classes

log = logging.getLogger("ipguard.ui")

__all__ = ["CaseWorkspace", "WorkspaceTab"]


class CaseWorkspace(QWidget):
    """Everything about one case, for the signed-in user of ``session``."""

    reloaded = Signal()

    def __init__(self, session: Session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.lang_built = session.lang  # the language its labels were made in (rebuilt on a switch)
        self.case: CaseRecord = session.store.repos.cases.get(case_id)
        self.actions: dict[str, ActionState] = {}
        self._tooltips: dict[int, str] = {}
        self._build()
        self._classes: list[type[WorkspaceTab]] = load_tab_classes()
        self._built: list[WorkspaceTab | None] = [None] * len(self._classes)  # by index; None until first shown
        for cls in self._classes:
            holder = QWidget()  # stands in for the tab until it is first shown
            holder.setObjectName(f"pending_{cls.__name__}")
            self.tab_widget.addTab(holder, translate("Workspace", cls.title))
        self.bind(self.decline_button, "decline")
        self.bind(self.withdraw_button, "withdraw")
        self.bind(self.amend_button, "amend")
        self.bind(self.undo_button, "reverse_last_step")
        self.reload()
        self.select_stage_tab()
        self._ensure_tab(self.tab_widget.currentIndex())
        self.tab_widget.currentChanged.connect(self._ensure_tab)
        session.signals.case_changed.connect(self._on_case_changed)
        session.signals.user_changed.connect(self.reload)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("caseTitle")
        self.title_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title_label, 1)
        self.refresh_button = QPushButton(translate("Workspace", "刷新 (F5)"))
        self.refresh_button.setToolTip(translate("Workspace", "从数据库重新载入本案件"))
        self.refresh_button.clicked.connect(self.reload)
        self.decline_button = QPushButton(translate("Workspace", "否决…"))
        self.decline_button.clicked.connect(self.decline_case)
        self.withdraw_button = QPushButton(translate("Workspace", "撤回…"))
        self.withdraw_button.clicked.connect(self.withdraw_case)
        self.amend_button = QPushButton(translate("Workspace", "变更重新上会…"))
        self.amend_button.clicked.connect(self.amend)
        self.undo_button = QPushButton(translate("Workspace", "撤销上一步…"))
        self.undo_button.setToolTip(translate("Workspace", "误操作时撤销本案的上一个阶段步骤（须填写原因）"))
        self.undo_button.clicked.connect(self.undo_last_step)
        for button in (self.refresh_button, self.undo_button, self.amend_button, self.withdraw_button, self.decline_button):
            head.addWidget(button)
        layout.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.fields: dict[str, QLabel] = {}
        names = [("stage", "阶段"), ("requested", "申请金额"), ("guarantee", "担保额"),
                 ("manager", "客户经理(A角)"), ("risk", "风控经理(B角)"), ("bank", "贷款银行")]
        for i, (key, caption) in enumerate(names):
            row, col = divmod(i, 3)
            cap = QLabel(translate("Workspace", caption) + "：")
            cap.setStyleSheet("color: #555;")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            grid.addWidget(cap, row, col * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, col * 2 + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        layout.addLayout(grid)
        self.stage_bar = StageBar()
        self.stage_bar.stage_clicked.connect(self.show_stage_tab)
        layout.addWidget(self.stage_bar)
        self.tab_widget = ScrollingTabWidget()  # tall tabs scroll: the window fits 1366×768
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setUsesScrollButtons(True)
        layout.addWidget(self.tab_widget, 1)

    # -- actions ------------------------------------------------------------------------

    def bind(self, button: QPushButton, key: str) -> None:
        """Bind a workspace-level button to action ``key`` (like ``WorkspaceTab.bind_action``)."""
        self._own_bound = [*getattr(self, "_own_bound", []), (button, key)]

    def all_bound(self):
        yield from getattr(self, "_own_bound", [])
        for tab in self.built_tabs():
            yield from tab.bound_actions()

    def _apply_actions(self, bound=None) -> None:
        for button, key in self.all_bound() if bound is None else bound:
            state = self.actions.get(key)
            base = self._tooltips.setdefault(id(button), button.toolTip())
            if state is None:
                button.setEnabled(False)
                button.setToolTip(translate("Workspace", "未知操作：{key}").format(key=key))
            elif state.enabled:
                button.setEnabled(True)
                button.setToolTip(base)
            else:
                button.setEnabled(False)
                button.setToolTip(state.reason or translate("Workspace", "当前不能{action}").format(action=state.label))

    # -- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the case again and refresh the header, stage bar, tabs and action buttons."""
        store = self.session.store
        self.case = store.repos.cases.get(self.case_id)
        self.actions = available_actions(store, self.case_id, self.session.user, self.session.lang)
        self._fill_header()
        self.stage_bar.set_case(self.case.stage, store.repos.cases.events(self.case_id), waiting_for(store, self.case_id, self.session.lang))
        failures: list[Exception] = []
        for tab in self.built_tabs():  # a tab not built yet is refreshed when it is built
            try:
                tab.refresh(self.case)
            except Exception as exc:  # one broken tab must not blank the others
                log.exception("tab %s failed to refresh", type(tab).__name__)
                failures.append(exc)
        self._apply_actions()
        self.reloaded.emit()
        if failures:
            raise failures[0]

    def _fill_header(self) -> None:
        repos = self.session.store.repos
        case = self.case
        company = repos.companies.get(case.company_id)
        self.title_label.setText(f"{case.case_no}　{company.name}")
        self.fields["stage"].setText(stage_label(case.stage))
        self.fields["requested"].setText(translate("Workspace", "{amount}（{months}个月）").format(
            amount=wan_text(case.requested_amount, current_language()), months=case.term_months))
        amount = repos.cases.guarantee_amount(case.id)
        self.fields["guarantee"].setText(wan_text(amount, current_language()) if amount else "—")
        self.fields["manager"].setText(self._user_name(case.account_manager_id))
        self.fields["risk"].setText(self._user_name(case.risk_manager_id))
        if case.bank_id is None:
            self.fields["bank"].setText("—")
        else:
            bank = repos.banks.get(case.bank_id)
            self.fields["bank"].setText(f"{bank.name}{bank.branch}")

    def _user_name(self, user_id: int | None) -> str:
        if user_id is None:
            return "—"
        try:
            return self.session.store.repos.users.get(user_id).display_name
        except IpguardError:
            return f"#{user_id}"

    def _on_case_changed(self, case_id: int) -> None:
        if case_id != self.case_id:
            return
        try:
            current = self.session.store.repos.cases.get(case_id).version
        except IpguardError:
            return
        if current != self.case.version:
            self.reload()

    # -- tabs, built when first shown --------------------------------------------------

    @property
    def tabs(self) -> list[WorkspaceTab]:
        """Every tab, in order (building those not built yet: prefer :meth:`tab` or :meth:`built_tabs`)."""
        return [tab for i in range(len(self._classes)) if (tab := self._ensure_tab(i)) is not None]

    def built_tabs(self) -> list[WorkspaceTab]:
        """The tabs built so far, in order."""
        return [tab for tab in self._built if tab is not None]

    def _ensure_tab(self, index: int) -> WorkspaceTab | None:
        """The tab at ``index``, built (and refreshed for the loaded case) if it was not yet."""
        if not 0 <= index < len(self._classes):
            return None
        tab = self._built[index]
        if tab is None:
            tab = self._classes[index](self)
            self._built[index] = tab
            self.tab_widget.set_page(index, tab)
            try:
                tab.refresh(self.case)
            except Exception:  # one broken tab must not break the workspace
                log.exception("tab %s failed to refresh", type(tab).__name__)
            self._apply_actions(tab.bound_actions())
        return tab

    def _index_of(self, cls_name: str) -> int:
        return next((i for i, cls in enumerate(self._classes) if cls.__name__ == cls_name), -1)

    def current_tab_name(self) -> str:
        """The class name of the tab shown (to show it again after a rebuild)."""
        index = self.tab_widget.currentIndex()
        return self._classes[index].__name__ if 0 <= index < len(self._classes) else ""

    def select_stage_tab(self) -> None:
        """Show the tab whose work the case's stage is (the first listing it)."""
        for i, cls in enumerate(self._classes):
            if self.case.stage in cls.stages:
                self.tab_widget.setCurrentIndex(i)
                return

    def show_stage_tab(self, stage) -> WorkspaceTab | None:
        """Show the tab where ``stage``'s work is done (a click on the stage bar)."""
        index = next((i for i, cls in enumerate(self._classes) if stage in cls.stages), -1)
        if index < 0:
            return None
        self.tab_widget.setCurrentIndex(index)
        return self._ensure_tab(index)

    def tab(self, cls_name: str) -> WorkspaceTab | None:
        """The tab of class ``cls_name``, built now if it was not yet (for tests and deep links)."""
        return self._ensure_tab(self._index_of(cls_name))

    def show_tab(self, cls_name: str) -> WorkspaceTab | None:
        index = self._index_of(cls_name)
        if index < 0:
            return None
        self.tab_widget.setCurrentIndex(index)
        return self._ensure_tab(index)

    # -- decline / withdraw -----------------------------------------------------------

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """Ask for a reason (multi-line); None when cancelled. Tests replace this."""
        text, ok = QInputDialog.getMultiLineText(self, title, prompt)
        return text.strip() if ok else None

    def run_action(self, fn, *args, **kwargs):
        """Run a core action for this case (see :meth:`WorkspaceTab.run_action`)."""
        return run_action(self, self, fn, *args, **kwargs)

    def _exit(self, fn, title: str, prompt: str) -> bool:
        reason = self.ask_reason(title, prompt)
        if not reason:
            return False
        return self.run_action(fn, self.session.store, self.case_id, self.session.user, reason) is not FAILED

    def decline_case(self) -> bool:
        return self._exit(decline, translate("Workspace", "否决案件"),
                          translate("Workspace", "请填写否决理由（将记入案件和审计记录）："))

    def amend(self) -> bool:
        """After the committee: send the case back to the investigation (the core sets the decision aside)."""
        if not uierrors.confirm_irreversible(self, translate("Workspace", "变更重新上会"), translate(
                "Workspace", "案件 {no} 的保审会决议及其后的意向函、银行审批、合同和登记将作废（保留在历史中），"
                "案件退回调查阶段，须重新评估、签字并上会。").format(no=self.case.case_no)):
            return False
        return self._exit(amend_case, translate("Workspace", "变更重新上会"),
                          translate("Workspace", "请填写变更原因（如：企业申请调整金额或期限）："))

    def withdraw_case(self) -> bool:
        return self._exit(withdraw, translate("Workspace", "撤回案件"),
                          translate("Workspace", "请填写撤回原因（如企业主动撤回申请）："))

    def undo_last_step(self) -> bool:
        """撤销上一步: show what the core would undo and void, ask the reason, then undo through the core."""
        try:
            plan = reversal_plan(self.session.store, self.case_id, self.session.user)
        except IpguardError as exc:  # the case changed since the button was enabled
            uierrors.show_error(self, exc, self.session.lang)
            self.reload()
            return False
        dialog = ReversalDialog(plan, self.case.case_no, self.session.lang, self)
        try:
            if not uierrors.exec_dialog(dialog):
                return False
            reason = dialog.reason_text()
        finally:
            dialog.deleteLater()
        return self.run_action(reverse_last_step, self.session.store, self.case_id, self.session.user,
                               reason=reason) is not FAILED
