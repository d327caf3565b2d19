"""工作台 (dashboard): my cases by stage, deadlines, and the month's figures.

* the month at a glance (:func:`ipguard.dashboard.month_figures`);
* "my" cases by stage as clickable tiles (account or risk manager is me;
  admins and users without an A/B role see all), the cases of the chosen
  stage listed below;
* deadlines from :func:`ipguard.workflow.queries.reminders` — bank approvals,
  pledge registrations pending, maturities within the reminder window; an
  overdue one is marked by an icon **and** the word 逾期, not by colour alone.

Clicking a case or a reminder emits ``case_opened(case_id)``; the shell opens
it in the case workspace (see :class:`ui.main_window.MainWindow`).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipguard import clock
from ipguard.dashboard import MonthFigures, month_figures, my_cases, my_stage_counts, scope_user_id
from ipguard.domain import MAIN_LINE, Stage
from ipguard.money import wan_text
from ipguard.workflow.queries import Reminder, reminders
from ui.i18n import current_language, stage_label, translate
from ui.icons import icon
from ui.session import Session
from ui.widgets.tables import read_only_table

log = logging.getLogger("ipguard.ui.dashboard")

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
MAX_COLUMN_CHARS = 20  # the widest a column grows (in Chinese characters) before its text is elided
# Stages shown as tiles: the main line up to in force, then the problem stages.
TILE_STAGES: tuple[Stage, ...] = tuple(s for s in MAIN_LINE if s is not Stage.RELEASED) + (Stage.DEFAULTED, Stage.RECOVERY)
KIND_LABELS = {"bank_approval": QT_TRANSLATE_NOOP("Dashboard", "银行审批"), "registration": QT_TRANSLATE_NOOP("Dashboard", "质押登记"),
               "maturity": QT_TRANSLATE_NOOP("Dashboard", "贷款到期"), "annual_fee": QT_TRANSLATE_NOOP("Dashboard", "专利年费"),
               "trademark_renewal": QT_TRANSLATE_NOOP("Dashboard", "商标续展"),
               "default_uncompensated": QT_TRANSLATE_NOOP("Dashboard", "逾期未代偿")}
TILE_STYLE = (
    "QPushButton { text-align: left; padding: 6px 10px; border: 1px solid #c5cae9; border-radius: 4px; background: #fafbff; }"
    "QPushButton:checked { background: #1565c0; color: white; border-color: #0d47a1; }"
    "QPushButton:hover:!checked { background: #e8eaf6; }"
)


def _icon(name: str, color: str) -> QIcon:
    return icon(name, color)  # pre-rendered; an empty icon when unknown (the word says it too)


def due_text(reminder: Reminder, today: dt.date) -> str:
    """'逾期 3 天' / '今天到期' / '剩 5 天'."""
    days = (reminder.due - today).days
    if reminder.overdue:
        return translate("Dashboard", "逾期 {n} 天").format(n=-days)
    if days == 0:
        return translate("Dashboard", "今天到期")
    return translate("Dashboard", "剩 {n} 天").format(n=days)


def reminder_text(reminder: Reminder) -> str:
    """The reminder's line in the interface language (the core's ``Reminder.text`` is Chinese)."""
    due = reminder.due.isoformat()
    if reminder.kind == "bank_approval":
        text = translate("Dashboard", "银行审批期限 {due}").format(due=due)
        return text + translate("Dashboard", "，已逾期") if reminder.overdue else text
    if reminder.kind == "registration":
        return translate("Dashboard", "质押登记待办，跟进日 {due}").format(due=due)
    if reminder.kind == "maturity":
        text = translate("Dashboard", "贷款到期日 {due}").format(due=due)
        return text + translate("Dashboard", "，已到期") if reminder.overdue else text
    return reminder.text


class FigureTile(QFrame):
    """A caption above a large figure."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureTile")
        self.setStyleSheet("QFrame#figureTile { border: 1px solid #ddd; border-radius: 4px; background: white; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555; border: none;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 18px; font-weight: bold; border: none;")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


class DashboardPage(QWidget):
    """The signed-in user's day: cases by stage, deadlines, the month."""

    case_opened = Signal(int)
    work_requested = Signal()  # "查看待办": show the 待办 page

    def __init__(self, session: Session, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self._stale = False
        self.selected_stage: Stage | None = None
        self.figures: MonthFigures | None = None
        self.reminder_rows: list[Reminder] = []
        self._build()
        self.refresh()
        session.signals.case_changed.connect(self._on_case_changed)

    def today(self) -> dt.date:
        return self._today or clock.today()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)
        head = QHBoxLayout()
        title = QLabel(translate("Dashboard", "工作台"))
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        head.addWidget(title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        head.addWidget(self.subtitle, 1)
        self.refresh_button = QPushButton(translate("Dashboard", "刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        layout.addLayout(head)

        self.month_box = QGroupBox()
        month_row = QGridLayout(self.month_box)  # two rows of four: eight English captions in one row need ~1150 px
        month_row.setSpacing(8)
        self.tiles: dict[str, FigureTile] = {}
        for i, (key, caption) in enumerate((("applications", "新增申请"), ("approved", "保审会批准"), ("declined", "否决"),
                             ("disbursed", "放款笔数"), ("disbursed_amount", "放款金额"), ("released", "解保笔数"),
                             ("in_force", "月末在保"), ("in_force_balance", "在保余额"))):  # fmt: skip
            tile = FigureTile(translate("Dashboard", caption))
            self.tiles[key] = tile
            month_row.addWidget(tile, i // 4, i % 4)
        for col in range(4):
            month_row.setColumnStretch(col, 1)
        layout.addWidget(self.month_box)

        # My work (待办): counts by kind from ui.pages.my_work.WorkLoader (set_work), one click to the list.
        self.work_box = QGroupBox()
        work_row = QHBoxLayout(self.work_box)
        self.work_label = QLabel()
        self.work_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        work_row.addWidget(self.work_label, 1)
        self.work_button = QPushButton(translate("Dashboard", "查看待办 →"))
        self.work_button.clicked.connect(self.work_requested)
        work_row.addWidget(self.work_button)
        self.work_box.setVisible(False)
        self._work = None
        layout.addWidget(self.work_box)

        body = QHBoxLayout()
        body.setSpacing(12)
        self.cases_box = QGroupBox()
        cases_layout = QVBoxLayout(self.cases_box)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.stage_buttons: dict[Stage, QPushButton] = {}
        for i, stage in enumerate(TILE_STAGES):
            button = QPushButton()
            button.setCheckable(True)
            button.setStyleSheet(TILE_STYLE)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, s=stage: self.select_stage(s))
            self.stage_buttons[stage] = button
            grid.addWidget(button, i // 4, i % 4)
        cases_layout.addLayout(grid)
        self.cases_caption = QLabel()
        self.cases_caption.setStyleSheet("color: #555;")
        cases_layout.addWidget(self.cases_caption)
        self.cases_table = self._table([translate("Dashboard", h) for h in ("案件编号", "企业", "阶段", "担保额/申请额", "阶段变更")])
        self.cases_table.cellClicked.connect(lambda row, _col: self._open_row(self.cases_table, row))
        self.cases_table.cellActivated.connect(lambda row, _col: self._open_row(self.cases_table, row))
        cases_layout.addWidget(self.cases_table, 1)
        body.addWidget(self.cases_box, 11)

        self.reminders_box = QGroupBox()
        rem_layout = QVBoxLayout(self.reminders_box)
        self.reminders_table = self._table([translate("Dashboard", h) for h in ("状态", "事项", "案件", "企业", "期限")])
        self.reminders_table.cellClicked.connect(lambda row, _col: self._open_row(self.reminders_table, row))
        self.reminders_table.cellActivated.connect(lambda row, _col: self._open_row(self.reminders_table, row))
        rem_layout.addWidget(self.reminders_table, 1)
        self.reminders_empty = QLabel(translate("Dashboard", "没有待办的期限事项。"))
        self.reminders_empty.setStyleSheet("color: #555;")
        rem_layout.addWidget(self.reminders_empty)
        body.addWidget(self.reminders_box, 10)
        layout.addLayout(body, 1)

    def _table(self, headers: list[str]) -> QTableWidget:
        # Every column fits its content, as in the case list (a stretched company column was squeezed to
        # "mpa…" by the longer English captions); a very long name stops at MAX_COLUMN_CHARS, elided, whole
        # in its tooltip; the table scrolls sideways rather than cut a column.
        table = read_only_table(headers)
        table.setWordWrap(False)  # one line per case
        table.horizontalHeader().setMaximumSectionSize(table.fontMetrics().horizontalAdvance("中") * MAX_COLUMN_CHARS)
        table.setToolTip(translate("Dashboard", "单击打开案件"))
        table.setCursor(Qt.CursorShape.PointingHandCursor)
        return table

    # -- filling ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload counts, cases, reminders and the month's figures from the store."""
        self._stale = False
        store, user = self.session.store, self.session.user
        mine = scope_user_id(user) is not None
        scope = translate("Dashboard", "我负责的案件（A角或B角）") if mine else translate("Dashboard", "全部案件")
        self.subtitle.setText(translate("Dashboard", "{name} · 今天 {today} · 显示：{scope}").format(
            name=user.display_name, today=self.today().isoformat(), scope=scope))
        self.cases_box.setTitle(translate("Dashboard", "我的案件（按阶段）") if mine else translate("Dashboard", "全部案件（按阶段）"))
        self._fill_figures(month_figures(store, self.today()))
        counts = my_stage_counts(store, user)
        for stage, button in self.stage_buttons.items():
            n = counts.get(stage, 0)
            button.setText(translate("Dashboard", "{stage}　{n}").format(stage=stage_label(stage), n=n))
            button.setAccessibleName(translate("Dashboard", "{stage}：{n} 件").format(stage=stage_label(stage), n=n))
            button.setChecked(stage is self.selected_stage)
        self._fill_cases()
        self._fill_reminders(reminders(store, self.today(), user_id=scope_user_id(user)))

    def _fill_figures(self, f: MonthFigures) -> None:
        self.figures = f
        self.month_box.setTitle(translate("Dashboard", "本月业务（{month}）").format(
            month=translate("Dashboard", "{year}年{month}月").format(year=f.month.year, month=f.month.month)))
        # English needs the singular for one ("1 case", not "1 cases"); Chinese has one form.
        def unit(n: int) -> str:
            return translate("Dashboard", "1 件") if n == 1 else translate("Dashboard", "{n} 件").format(n=n)

        def loans(n: int) -> str:
            return translate("Dashboard", "1 笔") if n == 1 else translate("Dashboard", "{n} 笔").format(n=n)

        self.tiles["applications"].set_value(unit(f.applications))
        self.tiles["approved"].set_value(unit(f.approved))
        self.tiles["declined"].set_value(unit(f.declined))
        self.tiles["disbursed"].set_value(loans(f.disbursed))
        self.tiles["disbursed_amount"].set_value(wan_text(f.disbursed_amount, current_language()))
        self.tiles["released"].set_value(loans(f.released))
        self.tiles["in_force"].set_value(loans(f.in_force_count))
        self.tiles["in_force_balance"].set_value(wan_text(f.in_force_balance, current_language()))

    def select_stage(self, stage: Stage | None) -> None:
        """Show the cases of ``stage`` below the tiles (click the chosen tile again for all open cases)."""
        self.selected_stage = None if stage is self.selected_stage else stage
        for s, button in self.stage_buttons.items():
            button.setChecked(s is self.selected_stage)
        self._fill_cases()

    def _fill_cases(self) -> None:
        if self.selected_stage is None:
            stages: tuple[Stage, ...] = tuple(s for s in TILE_STAGES if s is not Stage.IN_FORCE)
            self.cases_caption.setText(translate("Dashboard", "办理中的案件（点上面的阶段筛选，单击案件打开）："))
        else:
            stages = (self.selected_stage,)
            self.cases_caption.setText(translate("Dashboard", "“{stage}”阶段的案件（单击打开）：").format(stage=stage_label(self.selected_stage)))
        rows = my_cases(self.session.store, self.session.user, stages)
        table = self.cases_table
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            amount = r.guarantee_amount if r.guarantee_amount else r.requested_amount
            values = (r.case_no, r.company, stage_label(r.stage), wan_text(amount, current_language()), r.stage_changed_at[:10])
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, r.id)
                item.setToolTip(text if col == 1 else "")  # the whole name, when the column elides it
                table.setItem(i, col, item)

    def _fill_reminders(self, items: list[Reminder]) -> None:
        self.reminder_rows = items
        overdue = sum(r.overdue for r in items)
        self.reminders_box.setTitle(translate("Dashboard", "期限提醒（{n} 项，其中逾期 {m} 项）").format(n=len(items), m=overdue))
        table = self.reminders_table
        table.setRowCount(len(items))
        today = self.today()
        for i, r in enumerate(items):
            if r.overdue:
                status = QTableWidgetItem(_icon("mdi6.alert-circle", "#c62828"), translate("Dashboard", "逾期"))
                status.setForeground(QColor("#b71c1c"))
                font = status.font()
                font.setBold(True)
                status.setFont(font)
            else:
                status = QTableWidgetItem(_icon("mdi6.clock-outline", "#1565c0"), translate("Dashboard", "待办"))
            status.setData(CASE_ID_ROLE, r.case_id)
            tooltip = reminder_text(r)
            status.setToolTip(tooltip)
            table.setItem(i, 0, status)
            values = (translate("Dashboard", KIND_LABELS.get(r.kind, r.kind)), r.case_no, r.company,
                      translate("Dashboard", "{date}（{left}）").format(date=r.due.isoformat(), left=due_text(r, today)))  # fmt: skip
            for col, text in enumerate(values, start=1):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, r.case_id)
                item.setToolTip(translate("Dashboard", "{case_no} {company}：{text}").format(
                    case_no=r.case_no, company=r.company, text=tooltip))
                table.setItem(i, col, item)
        self.reminders_empty.setVisible(not items)

    def set_work(self, loader) -> None:
        """Show the counts of ``loader`` (a :class:`ui.pages.my_work.WorkLoader`) and follow its changes."""
        self._work = loader
        loader.changed.connect(self._fill_work)
        self._fill_work()

    def _fill_work(self) -> None:
        from ui.pages.my_work import kind_label

        loader = self._work
        if loader is None:
            return
        self.work_box.setVisible(True)
        counts = loader.counts()
        total = len(loader.items)
        self.work_box.setTitle(translate("Dashboard", "我的待办（{n} 项，其中逾期 {m} 项）").format(n=total, m=counts["overdue"]))
        parts = [f"{kind_label(kind)} {n}" for kind, n in counts.items() if kind != "overdue" and n]
        if not loader.loaded:
            self.work_label.setText(translate("Dashboard", "正在读取待办…"))
        else:
            self.work_label.setText("　".join(parts) if parts else translate("Dashboard", "没有等待您处理的事项。"))

    # -- opening and refreshing ------------------------------------------------------------------

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(CASE_ID_ROLE) is not None:
            self.case_opened.emit(int(item.data(CASE_ID_ROLE)))

    def _on_case_changed(self, _case_id: int) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def on_user_changed(self) -> None:
        self.selected_stage = None
        self.refresh()
