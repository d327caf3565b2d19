"""时间线与审计: stage events with dates and users, turnaround against the promise, the audit trail."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from ipguard.store.audit import entries_for_case
from ipguard.store.records import CaseRecord
from ipguard.workflow.queries import turnaround
from ui.i18n import translate
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import fill_table, read_only_table, section, when

ACTIONS = {"create": "新建", "update": "修改", "set": "设定", "set_status": "登记状态", "pledge": "加入质押",
           "unpledge": "移出质押", "assess": "评估", "move": "阶段变更", "vote": "投票", "decide": "形成决议",
           "attendance": "登记出席", "sign_a": "A角签字", "sign_b": "B角签字"}


def readable(value: object) -> str:
    """A before/after value as short readable text."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "；".join(f"{k}={readable(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(readable(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "…"


def change(before: object, after: object) -> str:
    """Only what changed when both sides are dicts; else before → after."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if before.get(k) != after.get(k)]
        if keys:
            return "；".join(f"{k}: {readable(before.get(k))} → {readable(after.get(k))}" for k in keys)
    if before is None:
        return readable(after)
    return f"{readable(before)} → {readable(after)}"


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
        self.events = read_only_table(["日期", "从", "到", "经办人", "备注", "记录时间"], stretch=4)
        v.addWidget(self.events)
        splitter.addWidget(box)
        box = section(translate("Workspace", "审计记录"))
        v = QVBoxLayout(box)
        self.audit = read_only_table(["序号", "时间", "用户", "对象", "操作", "变更"], stretch=5)
        v.addWidget(self.audit)
        splitter.addWidget(box)
        layout.addWidget(splitter, 1)

    def refresh(self, case: CaseRecord) -> None:
        events = self.store.repos.cases.events(case.id)
        fill_table(self.events, [(e.on_date.isoformat(), e.from_stage.label if e.from_stage else "—", e.to_stage.label,
                                  e.user_name or "—", e.note, when(e.at)) for e in events])
        t = turnaround(self.store, case.id)
        if t.disbursed_on is None:
            self.turnaround.setText(translate("Workspace", "申请日 {start}，尚未放款；承诺 {lo}–{hi} 天内放款。").format(
                start=t.application_date, lo=t.promise_min_days, hi=t.promise_max_days))
        else:
            verdict = "✓ 在承诺期内" if t.met_promise else "✗ 超出承诺期"
            self.turnaround.setText(translate(
                "Workspace", "申请日 {start} → 放款 {end}：{days} 天（{wd} 个工作日），承诺 {lo}–{hi} 天，{verdict}").format(
                start=t.application_date, end=t.disbursed_on, days=t.calendar_days, wd=t.working_days,
                lo=t.promise_min_days, hi=t.promise_max_days, verdict=verdict))
        rows = [(e["seq"], when(e["at"]), e.get("user_name") or "—", f"{e['entity']} {e['entity_id'] or ''}".strip(),
                 ACTIONS.get(e["action"], e["action"]), change(e["before"], e["after"]))
                for e in reversed(entries_for_case(self.store.db, case.id))]
        fill_table(self.audit, rows, fit_rows=False)
