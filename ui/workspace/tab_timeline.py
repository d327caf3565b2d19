"""时间线与审计: stage events with dates and users, turnaround against the promise, the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from ipguard import catalog
from ipguard.audit_labels import present
from ipguard.store.audit import entries_for_case
from ipguard.store.records import CaseRecord
from ipguard.workflow.closing import STANDARD_CHECKS, check_label
from ipguard.workflow.queries import turnaround
from ui.i18n import stage_label, translate
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import section, when, workspace_headers


class TimelineTab(WorkspaceTab):
    title = "时间线与审计"
    stages = ()

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        layout = QVBoxLayout(self)
        self.turnaround = QLabel()
        self.turnaround.setWordWrap(True)
        layout.addWidget(self.turnaround)
        splitter = QSplitter(Qt.Orientation.Vertical)
        box = section(translate("Workspace", "阶段时间线"))
        v = QVBoxLayout(box)
        self.events = read_only_table(workspace_headers("日期", "从", "到", "经办人", "备注", "记录时间"), stretch=4)
        v.addWidget(self.events)
        splitter.addWidget(box)
        box = section(translate("Workspace", "审计记录"))
        v = QVBoxLayout(box)
        self.audit = read_only_table(workspace_headers("序号", "时间", "用户", "对象", "操作", "变更"), stretch=5)
        v.addWidget(self.audit)
        splitter.addWidget(box)
        layout.addWidget(splitter, 1)

    def refresh(self, case: CaseRecord) -> None:
        events = self.store.repos.cases.events(case.id)
        fill_table(self.events, [(e.on_date.isoformat(), stage_label(e.from_stage) if e.from_stage else "—", stage_label(e.to_stage),
                                  e.user_name or "—", e.note_text(self.lang), when(e.at)) for e in events])
        t = turnaround(self.store, case.id)
        if t.disbursed_on is None:
            self.turnaround.setText(translate("Workspace", "申请日 {start}，尚未放款；承诺 {lo}–{hi} 天内放款。").format(
                start=t.application_date, lo=t.promise_min_days, hi=t.promise_max_days))
        else:
            verdict = translate("Workspace", "✓ 在承诺期内") if t.met_promise else translate("Workspace", "✗ 超出承诺期")
            self.turnaround.setText(translate(
                "Workspace", "申请日 {start} → 放款 {end}：{days} 天（{wd} 个工作日），承诺 {lo}–{hi} 天，{verdict}").format(
                start=t.application_date, end=t.disbursed_on, days=t.calendar_days, wd=t.working_days,
                lo=t.promise_min_days, hi=t.promise_max_days, verdict=verdict))
        checklist = catalog.checklist_names(self.store, self.lang)
        names = {("checklist_item", item.code): checklist.get(item.code, item.label)
                 for item in self.store.repos.cases.checklist(case.id)}  # fmt: skip
        names.update({("disbursement_check", code): check_label(code, label, self.lang) for code, label in STANDARD_CHECKS})
        lines = [present(e, self.lang, names) for e in reversed(entries_for_case(self.store.db, case.id))]
        rows = [(line.seq, line.at, line.user, line.subject, line.action, line.change) for line in lines]
        fill_table(self.audit, rows, fit_rows=False)
