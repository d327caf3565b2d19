"""Interface language: Qt's own buttons in Chinese, the English catalogue complete and its placeholders intact."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from scripts import build_translations
from ui import app as uiapp
from ui import i18n
from ui.i18n import translate

Button = QDialogButtonBox.StandardButton
PLACEHOLDER = re.compile(r"\{\w*\}|%\d+|%n")


@pytest.fixture(autouse=True)
def chinese_after():
    uiapp.ensure_application()
    yield
    i18n.install_translations("zh")


def button_texts() -> tuple[str, str]:
    box = QDialogButtonBox(Button.Ok | Button.Cancel)
    try:
        return box.button(Button.Ok).text(), box.button(Button.Cancel).text()
    finally:
        box.deleteLater()


def test_qt_standard_buttons_read_chinese_then_english(qtbot):
    i18n.install_translations("en")
    assert tuple(t.replace("&", "") for t in button_texts()) == ("OK", "Cancel")
    assert i18n.install_translations("zh") == "zh"
    ok, cancel = button_texts()
    assert ok.replace("&", "").startswith("确定") and cancel.replace("&", "").startswith("取消"), (ok, cancel)


def test_english_catalogue_translates_the_workspace_strings():
    i18n.install_translations("en")
    assert translate("Nav", "案件") == "Cases"
    assert translate("Workspace", "提交准入审查") == "Submit for screening"
    assert translate("Letter", "出具担保意向函") == "Issue intent letter"
    assert translate("Registration", "出具放款通知书") == "Issue disbursement notice"
    text = translate("Disbursement", "{amount} 元（{upper}），{start} 至 {maturity}，借款合同 {no}")
    assert text.format(amount="1", upper="壹元整", start="a", maturity="b", no="HT") == "1 yuan (壹元整), a to b, loan contract HT"


def _messages():
    root = ET.parse(build_translations.TS).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source") or "", message.find("translation")


def test_every_string_has_english_with_the_same_placeholders():
    assert build_translations.unfinished() == []
    for context, source, translation in _messages():
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        english = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(english)), (context, source, english)
        assert not re.search(r"[\u4e00-\u9fff]", english), (context, source, english)


def test_workspace_in_english_shows_stages_tabs_and_headers(qtbot, tmp_path):
    from ipguard.domain import Stage
    from ipguard.store import open_store
    from tests import workflow_helpers as wh
    from ui.session import Session
    from ui.workspace import CaseWorkspace

    i18n.install_translations("en")
    store = open_store(tmp_path / "en.sqlite")
    try:
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        ws = CaseWorkspace(Session(store, cast.a, lang="en"), case_id)
        qtbot.addWidget(ws)
        assert ws.fields["stage"].text() == Stage.INTAKE.label_en
        assert ws.tab_widget.tabText(0) == "Intake" and ws.tab_widget.tabText(2) == "Screening"
        assert ws.stage_bar.steps[Stage.COMMITTEE].text().endswith(Stage.COMMITTEE.label_en)
        screening = ws.tab("ScreeningTab").table
        assert [screening.horizontalHeaderItem(c).text() for c in range(2)] == ["Criterion", "Figure"]
    finally:
        store.close()


def test_english_workspace_names_the_checklist_materials_in_english(qtbot, tmp_path):
    from ipguard.products import load_product
    from ipguard.store import open_store
    from tests import workflow_helpers as wh
    from ui.session import Session
    from ui.workspace import CaseWorkspace

    cjk = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
    assert all(item.label_en and not cjk.search(item.label_en) for item in load_product("kuaiyidai").checklist)
    i18n.install_translations("en")
    store = open_store(tmp_path / "en.sqlite")
    try:
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        ws = CaseWorkspace(Session(store, cast.a, lang="en"), case_id)
        qtbot.addWidget(ws)
        table = ws.tab("IntakeTab").checklist
        cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
        assert table.rowCount() == len(load_product("kuaiyidai").checklist)
        assert "Guarantee application" in cells and not [t for t in cells if cjk.search(t)]
        targets = ws.tab("CaseFileTab").target
        assert not [targets.itemText(i) for i in range(targets.count()) if cjk.search(targets.itemText(i))]
    finally:
        store.close()
