"""保审会: attendance, the signed-in member's vote, the votes, the tally and the decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ipguard import clock
from ipguard.domain import Role, Stage
from ipguard.store.records import CaseRecord
from ipguard.workflow import decide, record_attendance, tally, vote
from ipguard.workflow.committee import VOTES, attendance, case_signers, change_vote, decision_of, my_vote, votes
from ui.i18n import translate, vote_label
from ui.tasks import off_ui_thread
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import info_label, section, when, workspace_headers

_VOTE_COLOURS = {"approve": "#1b7f3b", "approve_with_conditions": "#e65100", "decline": "#c62828"}


class CommitteeTab(WorkspaceTab):
    """The one-step committee: who is present, how each voted, and the final resolution."""

    title = "保审会"
    stages = (Stage.COMMITTEE,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        grid = QGridLayout(self)
        # attendance
        att = section(translate("Workspace", "出席委员（本案A角、B角回避）"))
        v = QVBoxLayout(att)
        self.members = QListWidget()
        v.addWidget(self.members)
        self.attendance_button = QPushButton(translate("Workspace", "登记出席"))
        self.bind_action(self.attendance_button, "attendance")
        self.attendance_button.clicked.connect(self.save_attendance)
        v.addWidget(self.attendance_button)
        grid.addWidget(att, 0, 0, 2, 1)
        # my vote
        mine = section(translate("Workspace", "我的表决"))
        v = QVBoxLayout(mine)
        self.me = info_label()
        v.addWidget(self.me)
        row = QHBoxLayout()
        self.choice = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for key in VOTES:
            radio = QRadioButton(vote_label(key))
            self.choice.addButton(radio)
            self.choices[key] = radio
            row.addWidget(radio)
        row.addStretch(1)
        v.addLayout(row)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(translate("Workspace", "意见（有条件同意时写明条件）"))
        v.addWidget(self.comment)
        self.vote_button = QPushButton(translate("Workspace", "投票"))
        self.bind_action(self.vote_button, "vote")
        self.vote_button.clicked.connect(self.cast_vote)
        # Not a bound action: enabled while the signed-in member's own vote may still change.
        self.change_button = QPushButton(translate("Workspace", "修改我的表决"))
        self.change_button.clicked.connect(self.change_my_vote)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.vote_button)
        v.addLayout(buttons)
        self._form_owner: tuple[int, int, str | None] | None = None  # (user, case, voted_at) the form shows
        grid.addWidget(mine, 0, 1)
        # votes and tally
        box = section(translate("Workspace", "表决情况"))
        v = QVBoxLayout(box)
        self.votes = read_only_table(workspace_headers("委员", "意见", "说明", "时间"), stretch=2)
        v.addWidget(self.votes)
        self.tally = info_label()
        v.addWidget(self.tally)
        grid.addWidget(box, 1, 1)
        # decision
        dec = section(translate("Workspace", "决议"))
        v = QVBoxLayout(dec)
        self.conditions = QPlainTextEdit()
        self.conditions.setPlaceholderText(translate("Workspace", "放款前须落实的条件，每行一条（可空；有条件同意的意见会自动带入）"))
        self.conditions.setMaximumHeight(70)
        v.addWidget(self.conditions)
        row = QHBoxLayout()
        self.decision = info_label()
        self.decision.setStyleSheet("font-weight: bold;")
        row.addWidget(self.decision, 1)
        self.decide_button = QPushButton(translate("Workspace", "形成决议"))
        self.bind_action(self.decide_button, "decide")
        self.decide_button.clicked.connect(self.make_decision)
        row.addWidget(self.decide_button)
        v.addLayout(row)
        grid.addWidget(dec, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)

    def refresh(self, case: CaseRecord) -> None:
        store = self.store
        excluded = case_signers(store, case)
        present = set(attendance(store, case.id))
        self.members.clear()
        may_edit = self.action_enabled("attendance")
        for member in store.repos.users.with_role(Role.COMMITTEE_MEMBER):
            if member.id in excluded or not member.active:
                continue
            item = QListWidgetItem(member.display_name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsUserCheckable if may_edit else Qt.ItemFlag.NoItemFlags)
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if member.id in present else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        cast = votes(store, case.id)
        fill_table(self.votes, [(v.member_name, vote_label(v.vote), v.comment, when(v.voted_at)) for v in cast],
                   [_VOTE_COLOURS.get(v.vote) for v in cast], colour_column=1)
        t = tally(store, case)
        explain = t.explain(self.lang)
        self.tally.setText(translate("Workspace", "{explain}；已投 {voted}/{present}。").format(
            explain=explain, voted=t.voted, present=t.present))
        mine = my_vote(store, case.id, self.user)
        self._load_my_vote(case, mine)
        may_change = mine is not None and case.stage is Stage.COMMITTEE
        if may_change:
            self.me.setText(translate("Workspace", "{name}：已投“{vote}”，决议形成前可以修改").format(
                name=self.user.display_name, vote=vote_label(mine.vote)))
        else:
            self.me.setText(translate("Workspace", "{name}：可以投票").format(name=self.user.display_name)
                            if self.action_enabled("vote") else self.action_reason("vote"))
        can_vote = self.action_enabled("vote") or may_change
        for radio in self.choices.values():
            radio.setEnabled(can_vote)
        self.comment.setEnabled(can_vote)
        self.change_button.setVisible(mine is not None)
        self.change_button.setEnabled(may_change)
        decided = decision_of(store, case.id)
        if decided:
            conditions = "；".join(decided.conditions)
            self.decision.setText(translate("Workspace", "{no}（{date}）：{decision}{conditions}").format(
                no=decided.resolution_no, date=decided.meeting_date.isoformat(), decision=vote_label(decided.decision),
                conditions=translate("Workspace", "。条件：{conditions}").format(conditions=conditions) if conditions else ""))
            self.conditions.setPlainText("\n".join(decided.conditions))
            self.conditions.setReadOnly(True)
        else:
            self.decision.setText(translate("Workspace", "尚未形成决议") if self.action_enabled("decide") else
                                  translate("Workspace", "尚未形成决议：{reason}").format(reason=self.action_reason("decide")))
            self.conditions.setReadOnly(not self.action_enabled("decide"))

    # -- actions ---------------------------------------------------------------------

    def checked_members(self) -> list[int]:
        return [self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
                if self.members.item(i).checkState() == Qt.CheckState.Checked]

    def _load_my_vote(self, case: CaseRecord, mine) -> None:
        """Show the signed-in member's own vote, or an empty form: never another member's entry.

        The form is reset whenever the user, the case or the stored vote
        changed; otherwise (a refresh after someone else's action) what the
        member is typing stays.
        """
        owner = (self.user.id, case.id, mine.voted_at if mine else None)
        if owner == self._form_owner:
            return
        self._form_owner = owner
        self.choice.setExclusive(False)
        for key, radio in self.choices.items():
            radio.setChecked(mine is not None and key == mine.vote)
        self.choice.setExclusive(True)
        self.comment.setText(mine.comment if mine else "")

    def selected_choice(self) -> str | None:
        return next((key for key, radio in self.choices.items() if radio.isChecked()), None)

    def save_attendance(self) -> None:
        self.run_action(record_attendance, self.store, self.case_id, self.checked_members(), self.user)

    def _chosen(self) -> str | None:
        choice = self.selected_choice()
        if choice is None:
            from ui.errors import inform

            inform(self, translate("Workspace", "请选择同意、有条件同意或不同意"))
        return choice

    def cast_vote(self) -> None:
        choice = self._chosen()
        if choice is None:
            return
        if not self.confirm_step(translate("Workspace", "投票"), translate(
                "Workspace", "{name}的表决“{vote}”将记入本次保审会（决议形成前可以修改）。").format(
                name=self.user.display_name, vote=vote_label(choice))):
            return
        self.run_action(vote, self.store, self.case_id, self.user, choice, self.comment.text())

    def change_my_vote(self) -> None:
        choice = self._chosen()
        if choice is None:
            return
        if not self.confirm_step(translate("Workspace", "修改我的表决"), translate(
                "Workspace", "{name}的表决将改为“{vote}”，原表决保留在审计记录中。").format(
                name=self.user.display_name, vote=vote_label(choice))):
            return
        self.run_action(change_vote, self.store, self.case_id, self.user, choice, self.comment.text())

    def make_decision(self) -> None:
        conditions = [line.strip() for line in self.conditions.toPlainText().splitlines() if line.strip()]
        if not self.confirm_step(translate("Workspace", "形成决议"), translate(
                "Workspace", "将按表决结果形成保审会决议并占用下一个决议编号；决议形成后表决不能再修改。")):
            return
        self.run_action(off_ui_thread(
            decide, translate("Workspace", "正在形成保审会决议…"), disable=[self.decide_button]), self.store, self.case_id, self.user, meeting_date=self.meeting_date(),
                        conditions=conditions)

    def meeting_date(self) -> dt.date:
        """The meeting date of the resolution (today; tests may replace this)."""
        return clock.today()
