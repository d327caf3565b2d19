"""Issue 15 item 9: the core's words on a case in force read in the window's language, not as stored Chinese.

The timeline's notes, the committee's tally, the pledge warnings and the amounts in words (valuation,
bank decision) are data the core words per language: English in the English window, and in the Chinese
window the very sentences earlier versions showed. The case is entered with English data, so any Chinese
in the English window is the program's (document numbers, names of the company's numbering scheme, are
the one exception).
"""

from __future__ import annotations

import re

import pytest

from ipguard.domain import Stage
from tests.ui.test_english_case_tabs import _ascii_applicant
from ui import i18n
from ui.session import Session
from ui.workspace import CaseWorkspace

CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
DOC_NO = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")
NOTE_COLUMN = 4


@pytest.fixture
def in_force_workspace(qtbot, qt_env, store, cast, case_at):
    case_id = case_at(Stage.IN_FORCE, **_ascii_applicant())

    def open_in(lang: str) -> CaseWorkspace:
        i18n.install_translations(lang)
        ws = CaseWorkspace(Session(store, cast.ops, lang=lang), case_id)
        qtbot.addWidget(ws)
        ws.resize(1366, 740)
        ws.show()
        return ws

    yield open_in
    i18n.install_translations("zh")


def _notes(ws: CaseWorkspace) -> list[str]:
    table = ws.tab("TimelineTab").events
    return [table.item(r, NOTE_COLUMN).text() for r in range(table.rowCount())]


def test_the_english_window_words_the_cores_sentences_in_english(in_force_workspace):
    ws = in_force_workspace("en")
    notes = _notes(ws)
    assert notes[0] == "received" and "approved by the bank" in notes
    assert any(n.startswith("guarantee amount ") for n in notes)
    assert any(n.startswith("loan of 1,000,000.00 yuan disbursed; guarantee fee ") for n in notes)
    assert any(n.startswith("disbursement notice ") for n in notes)
    tally = ws.tab("CommitteeTab").tally.text()
    assert re.match(r"\d+ present \(quorum \d+\); approve \d+", tally), tally
    warnings = ws.tab("RegistrationTab").warnings.text()
    assert "no forfeiture clause" in warnings
    assets = ws.tab("AssetsTab").warnings
    assert assets.item(assets.rowCount() - 1, 0).text() == "All"
    headline = ws.tab("ValuationTab").headline.text()
    assert "(RMB " in headline and " yuan)" in headline, headline
    decision = ws.tab("LetterTab").decision_text.text()
    assert "(RMB " in decision, decision
    audit = ws.tab("TimelineTab").audit
    changes = [audit.item(r, 5).text() for r in range(audit.rowCount())]
    assert any("note: approved by the bank" in c for c in changes)
    assert any("tally: " in c and " present (quorum " in c for c in changes)
    for text in [*notes, tally, warnings, headline, decision, *changes]:
        shown = DOC_NO.sub("", text).replace("comment: 同意", "")  # a vote comment typed by the test helpers
        assert not CJK.search(shown), text


def test_the_chinese_window_reads_as_before(in_force_workspace):
    ws = in_force_workspace("zh")
    notes = _notes(ws)
    assert notes[0] == "受理" and "银行审批通过" in notes
    assert any(re.fullmatch(r"担保额 [\d,]+\.\d\d 元", n) for n in notes)
    assert any(re.fullmatch(r"放款 1,000,000\.00 元，担保费 [\d,]+\.\d\d 元", n) for n in notes)
    assert any(re.fullmatch(DOC_NO.pattern + r" (有条件)?同意", n) for n in notes)
    tally = ws.tab("CommitteeTab").tally.text()
    assert re.match(r"出席 \d+ 人（法定 \d+ 人），同意 \d+、有条件同意 \d+、不同意 \d+；通过需 \d+/\d+ 即至少 \d+ 票；已投", tally)
    assert "质押合同不得约定债务人不履行到期债务时质押财产归债权人所有（流质条款）" in ws.tab("RegistrationTab").warnings.text()
    assert "（人民币" in ws.tab("ValuationTab").headline.text() and "元整）" in ws.tab("ValuationTab").headline.text()
    assert "（人民币壹佰万元整）" in ws.tab("LetterTab").decision_text.text()
