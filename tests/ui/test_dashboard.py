"""The dashboard: my cases by stage, deadlines with overdue spelled out, the month's figures, click-through."""

from __future__ import annotations

import datetime as dt

from ipguard import workflow
from ipguard.dashboard import month_figures, my_cases, my_stage_counts
from ipguard.domain import Role, Stage
from tests import factories
from tests import workflow_helpers as wh
from ui.pages.dashboard import DashboardPage
from ui.session import Session


def _page(qtbot, store, user, today) -> DashboardPage:
    page = DashboardPage(Session(store, user), today=today)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _bank_approval_case(store, c) -> int:
    case_id = wh.open_case(store, c)
    wh.to_committee(store, case_id, c)
    wh.approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=dt.date(2026, 11, 10), expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_overdue_bank_approval_is_labelled_and_opens_the_case(qtbot, qt_env, store, cast):
    case_id = _bank_approval_case(store, cast)
    deadline = workflow.intent_letter(store, case_id).approval_deadline
    page = _page(qtbot, store, cast.a, deadline + dt.timedelta(days=3))
    table = page.reminders_table
    assert table.rowCount() == 1
    status = table.item(0, 0)
    assert status.text() == "逾期" and not status.icon().isNull()  # the word and an icon, not colour alone
    assert table.item(0, 1).text() == "银行审批"
    assert "逾期 3 天" in table.item(0, 4).text()
    assert "其中逾期 1 项" in page.reminders_box.title()
    with qtbot.waitSignal(page.case_opened) as blocker:
        table.cellClicked.emit(0, 2)
    assert blocker.args == [case_id]


def test_reminder_before_the_deadline_is_not_overdue(qtbot, qt_env, store, cast):
    case_id = _bank_approval_case(store, cast)
    deadline = workflow.intent_letter(store, case_id).approval_deadline
    page = _page(qtbot, store, cast.a, deadline - dt.timedelta(days=1))
    assert page.reminders_table.item(0, 0).text() == "待办"
    assert "剩 1 天" in page.reminders_table.item(0, 4).text()


def test_my_cases_by_stage_and_click_through(qtbot, qt_env, store, cast):
    first = _bank_approval_case(store, cast)
    other_am = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    data = factories.applicant(2)
    data.update(bank_id=cast.bank.id, risk_manager_id=cast.b.id)
    from ipguard import intake

    intake.open_case(store, intake.parse_intake(data), other_am)  # B is risk manager of both; A of one
    assert my_stage_counts(store, cast.a) == {Stage.BANK_APPROVAL: 1}
    assert my_stage_counts(store, cast.b) == {Stage.BANK_APPROVAL: 1, Stage.INTAKE: 1}
    assert sum(my_stage_counts(store, cast.admin).values()) == 2  # admins see all
    assert [c.id for c in my_cases(store, cast.a, (Stage.BANK_APPROVAL,))] == [first]

    page = _page(qtbot, store, cast.a, dt.date(2026, 11, 20))
    assert page.stage_buttons[Stage.BANK_APPROVAL].text().endswith("1")
    assert page.stage_buttons[Stage.INTAKE].text().endswith("0")
    assert page.cases_table.rowCount() == 1
    page.stage_buttons[Stage.INTAKE].click()
    assert page.selected_stage is Stage.INTAKE and page.cases_table.rowCount() == 0
    page.stage_buttons[Stage.BANK_APPROVAL].click()
    assert page.cases_table.rowCount() == 1 and page.cases_table.item(0, 0).text().startswith(store.repos.cases.get(first).case_no)
    with qtbot.waitSignal(page.case_opened) as blocker:
        page.cases_table.cellClicked.emit(0, 1)
    assert blocker.args == [first]


def test_month_figures_and_maturity_reminder(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    wh.to_in_force(store, case_id, cast)
    figures = month_figures(store, dt.date(2026, 11, 20))
    guarantee = store.repos.cases.guarantee_amount(case_id)
    assert (figures.applications, figures.approved, figures.disbursed) == (1, 1, 1)
    assert figures.disbursed_amount == figures.in_force_balance == guarantee // 100 * 100
    assert month_figures(store, dt.date(2026, 10, 1)).disbursed == 0
    page = _page(qtbot, store, cast.ops, dt.date(2026, 11, 25))
    assert page.tiles["disbursed"].value.text() == "1 笔"
    assert "2026年11月" in page.month_box.title()
    assert page.reminders_table.rowCount() == 0
    # Near maturity (2027-11-22) the loan shows up; after it, as overdue.
    page._today = dt.date(2027, 11, 23)
    page.refresh()
    assert page.reminders_table.item(0, 1).text() == "贷款到期"
    assert page.reminders_table.item(0, 0).text() == "逾期"


def test_dashboard_in_english_names_stages_amounts_and_reminders_in_english(qtbot, qt_env, store, cast):
    from ui import i18n

    case_id = _bank_approval_case(store, cast)
    deadline = workflow.intent_letter(store, case_id).approval_deadline
    i18n.install_translations("en")
    try:
        page = _page(qtbot, store, cast.a, deadline + dt.timedelta(days=3))
        assert page.stage_buttons[Stage.BANK_APPROVAL].text() == f"{Stage.BANK_APPROVAL.label_en}  1"
        assert page.tiles["in_force_balance"].value.text().endswith(" yuan")
        page.select_stage(Stage.BANK_APPROVAL)
        assert page.cases_table.item(0, 2).text() == Stage.BANK_APPROVAL.label_en
        assert page.cases_table.item(0, 3).text().endswith(" yuan")
        assert page.reminders_table.item(0, 0).toolTip() == f"Bank approval due {deadline.isoformat()}, overdue"
        assert page.reminders_table.item(0, 4).text().startswith(f"{deadline.isoformat()} (")
        texts = [page.month_box.title(), page.cases_caption.text(), page.stage_buttons[Stage.INTAKE].text()]
        texts += [page.reminders_table.item(0, c).text() for c in (0, 1, 4)]  # column 3 is the company's name
        assert not any("\u4e00" <= ch <= "\u9fff" for text in texts for ch in text), texts
    finally:
        i18n.install_translations("zh")
