"""The stage bar: where the case is on the main line and what it waits for.

Each main-line stage is a step marked done (✓), current (●) or pending (○),
by text and colour both; a case that left the main line (declined, withdrawn,
defaulted, in recovery, closed) shows a terminal marker after the step where
it left. Below the steps: "当前等待：…" from
:func:`ipguard.workflow.work.waiting_for`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ipguard.domain import MAIN_LINE, Stage
from ipguard.store.records import StageEventRecord
from ui.i18n import stage_label, translate

DONE, CURRENT, PENDING, SKIPPED = "done", "current", "pending", "skipped"
_MARK = {DONE: "✓", CURRENT: "●", PENDING: "○", SKIPPED: "–"}
_STYLE = {
    DONE: "color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;",
    CURRENT: "color: white; background: #1565c0; border: 1px solid #0d47a1; font-weight: bold;",
    PENDING: "color: #666; background: #f5f5f5; border: 1px solid #ddd;",
    SKIPPED: "color: #999; background: #fafafa; border: 1px dashed #ddd;",
}
# The steps' own names: the stage names, shortened in English so twelve steps fit a
# 1366-pixel window ("Bank approval" -> "Bank appr."); the tooltip has the full name.
STEP_NAMES = {
    Stage.INTAKE: QT_TRANSLATE_NOOP("StageBar", "受理"),
    Stage.SCREENING: QT_TRANSLATE_NOOP("StageBar", "准入"),
    Stage.VALUATION: QT_TRANSLATE_NOOP("StageBar", "价值认定"),
    Stage.INVESTIGATION: QT_TRANSLATE_NOOP("StageBar", "调查"),
    Stage.COMMITTEE: QT_TRANSLATE_NOOP("StageBar", "保审会"),
    Stage.INTENT_LETTER: QT_TRANSLATE_NOOP("StageBar", "意向函"),
    Stage.BANK_APPROVAL: QT_TRANSLATE_NOOP("StageBar", "银行审批"),
    Stage.CONTRACTS: QT_TRANSLATE_NOOP("StageBar", "签约"),
    Stage.PLEDGE_REGISTRATION: QT_TRANSLATE_NOOP("StageBar", "质押登记"),
    Stage.DISBURSEMENT: QT_TRANSLATE_NOOP("StageBar", "放款"),
    Stage.IN_FORCE: QT_TRANSLATE_NOOP("StageBar", "在保"),
    Stage.RELEASED: QT_TRANSLATE_NOOP("StageBar", "解保"),
}
_OFF_LINE = {Stage.DECLINED, Stage.WITHDRAWN, Stage.DEFAULTED, Stage.RECOVERY, Stage.CLOSED}
_TERMINAL_STYLE = {
    Stage.DECLINED: "color: white; background: #c62828;",
    Stage.WITHDRAWN: "color: white; background: #757575;",
    Stage.DEFAULTED: "color: white; background: #e65100;",
    Stage.RECOVERY: "color: white; background: #e65100;",
    Stage.CLOSED: "color: white; background: #455a64;",
}


def step_states(stage: Stage, events: list[StageEventRecord]) -> tuple[dict[Stage, str], Stage | None]:
    """Each main-line stage's state, and the main-line stage a terminal case left from (or None)."""
    if stage in MAIN_LINE:
        here = MAIN_LINE.index(stage)
        states = {s: DONE if i < here else CURRENT if i == here else PENDING for i, s in enumerate(MAIN_LINE)}
        if stage == Stage.RELEASED:
            states[stage] = DONE
        return states, None
    left_from = _left_from(stage, events)
    last = MAIN_LINE.index(left_from) if left_from in MAIN_LINE else -1
    states = {s: DONE if i <= last else SKIPPED for i, s in enumerate(MAIN_LINE)}
    return states, left_from


def _left_from(stage: Stage, events: list[StageEventRecord]) -> Stage | None:
    """The last main-line stage the case was in before going off the line."""
    for event in reversed(events):
        if event.from_stage is not None and event.from_stage in MAIN_LINE:
            return event.from_stage
    return Stage.INTAKE if events or stage in (Stage.DECLINED, Stage.WITHDRAWN) else None


class StageBar(QFrame):
    """Steps of the main line plus a terminal marker, and the "当前等待" line.

    A step is a link: clicking it emits :attr:`stage_clicked` (the workspace shows that stage's tab).
    """

    stage_clicked = Signal(object)  # Stage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.steps: dict[Stage, QLabel] = {}
        for stage in MAIN_LINE:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumWidth(10)
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.installEventFilter(self)
            self.steps[stage] = label
            row.addWidget(label, 1)
        self.terminal = QLabel()
        self.terminal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.terminal.setVisible(False)
        row.addWidget(self.terminal)
        outer.addLayout(row)
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingFor")
        self.waiting.setWordWrap(True)
        self.waiting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.waiting)
        self.states: dict[Stage, str] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            for stage, label in self.steps.items():
                if label is watched:
                    self.stage_clicked.emit(stage)
                    return True
        return super().eventFilter(watched, event)

    def set_case(self, stage: Stage, events: list[StageEventRecord], waiting: str) -> None:
        """Show ``stage`` (with its history ``events``) and what it waits for."""
        self.states, _left = step_states(stage, events)
        entered = {e.to_stage: e.on_date for e in events}
        for s, label in self.steps.items():
            state = self.states[s]
            label.setText(f"{_MARK[state]} {translate('StageBar', STEP_NAMES[s])}")
            label.setStyleSheet(f"QLabel {{ {_STYLE[state]} border-radius: 3px; padding: 3px 2px; }}")
            when = entered.get(s)
            tip = {DONE: "已完成", CURRENT: "当前阶段", PENDING: "未到", SKIPPED: "未经过"}[state]
            text = translate("StageBar", "{stage}：{state}").format(stage=stage_label(s), state=translate("Workspace", tip))
            if when:
                text += translate("StageBar", "（{date} 进入）").format(date=when)
            label.setToolTip(text)
            label.setAccessibleName(f"{stage_label(s)} {translate('Workspace', tip)}")
        off = stage in _OFF_LINE
        self.terminal.setVisible(off)
        if off:
            self.terminal.setText(f"■ {stage_label(stage)}")
            self.terminal.setStyleSheet(
                f"QLabel {{ {_TERMINAL_STYLE[stage]} border-radius: 3px; padding: 3px 10px; font-weight: bold; }}"
            )
        if waiting:
            self.waiting.setText(translate("Workspace", "当前等待：{what}").format(what=waiting))
        elif off or stage == Stage.RELEASED:
            self.waiting.setText(translate("Workspace", "案件已结束（{stage}）").format(stage=stage_label(stage)))
        else:
            self.waiting.setText("")
