"""The 电子档案 tab: attach by dialog and by drop, preview a PDF (pages, zoom) and an image, replace, remove, save, open, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog

from ipguard.domain import Stage
from tests import workflow_helpers as wh
from tests.test_casefile import make_pdf, make_png
from ui.session import Session
from ui.workspace import CaseWorkspace


@pytest.fixture
def tab(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    ws = CaseWorkspace(Session(store, cast.a), case_id)
    qtbot.addWidget(ws)
    ws.resize(1300, 740)
    ws.show()
    page = ws.tab("CaseFileTab")
    ws.tab_widget.setCurrentWidget(page)
    return page


def test_attach_preview_replace_save_open_and_export(tab, store, qt_env, tmp_path, monkeypatch) -> None:
    pdf = tmp_path / "营业执照.pdf"
    pdf.write_bytes(make_pdf("licence", pages=3))
    item = store.repos.cases.checklist(tab.case_id)[2]
    tab.target.setCurrentIndex(tab.target.findData(item.code))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(pdf)], "")))
    assert tab.attach_with_dialog() == 1 and not qt_env
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "营业执照.pdf"
    assert tab.table.item(0, 1).text() == item.label
    rows = store.repos.attachments.of_case(tab.case_id, checklist_code=item.code)
    assert len(rows) == 1 and rows[0].attached_by == tab.user.id

    # PDF preview inside the app: three pages, navigation and zoom.
    preview = tab.preview
    assert preview.kind == "pdf" and preview.page_count() == 3 and preview.current_page() == 0
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page.value() == 2
    preview.page.setValue(3)
    assert preview.current_page() == 2 and not preview.next_button.isEnabled()
    fitted = preview.zoom  # a PDF opens fitted to the view's width, never enlarged
    assert 0.1 <= fitted <= 1.0
    preview.zoom_in.click()
    assert preview.zoom == pytest.approx(fitted * 1.25) and preview.pdf_view.zoomFactor() == pytest.approx(fitted * 1.25)

    # Drop an image on the panel: attached to the same item; image preview with zoom.
    png = tmp_path / "现场照片.png"
    png.write_bytes(make_png(40, 30))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(drop)
    assert tab.table.rowCount() == 2 and tab.table.item(0, 0).text() == "现场照片.png"
    assert preview.kind == "image"
    preview.zoom_in.click()
    assert preview.image_label.pixmap().width() == 50

    # Replace the PDF with a new version and a reason.
    tab.table.selectRow(1)
    new = tmp_path / "营业执照-清晰.pdf"
    new.write_bytes(make_pdf("licence v2"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(new), "")))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("原件模糊", True)))
    assert tab.replace_selected() and not qt_env
    statuses = [tab.table.item(r, 6).text() for r in range(tab.table.rowCount())]
    assert any("原件模糊" in s for s in statuses) and any("已被替换" in s for s in statuses)

    # Save a copy; open with the system viewer.
    tab.table.selectRow(0)
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert tab.save_selected() == target and target.read_bytes() == new.read_bytes()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    path = tab.open_selected()
    assert opened and opened[0].toLocalFile() == str(path) and path.name == "营业执照-清晰.pdf"

    # Export the case file.
    out = tmp_path / "档案.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    assert tab.export_zip() == out and "3" in qt_env[-1][2]
    from ipguard.casefile.export import verify_zip

    assert verify_zip(out).ok


def test_a_hostile_or_oversize_file_is_refused_naming_it(tab, store, cast, qt_env, tmp_path, monkeypatch) -> None:
    store.repos.settings.set_many({"casefile.max_file_mb": 1}, acting_user_id=cast.admin.id)
    big = tmp_path / "全套扫描.pdf"
    big.write_bytes(make_pdf() + b"\0" * (2 * 1024 * 1024))
    exe = tmp_path / "setup.pdf"
    exe.write_bytes(b"MZ\x90\x00" + b"\0" * 300)
    assert tab.attach_paths([str(big)]) == 0
    assert "全套扫描.pdf" in qt_env[-1][2] and "1 MB" in qt_env[-1][2]
    assert tab.attach_paths([str(exe)]) == 0 and "setup.pdf" in qt_env[-1][2]
    assert tab.table.rowCount() == 0 and store.repos.attachments.of_case(tab.case_id) == []


def test_remove_before_the_committee(tab, store, qt_env, tmp_path) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(make_pdf())
    tab.target.setCurrentIndex(tab.target.findData(""))
    assert tab.attach_paths([str(f)]) == 1
    tab.table.selectRow(0)
    assert tab.remove_selected() and tab.table.rowCount() == 0 and not qt_env


def test_a_scan_hangs_on_a_stage_record_chosen_in_the_list(qtbot, qt_env, store, cast, tmp_path, monkeypatch) -> None:
    """Contracts, registrations, the bank's approval and the loan are targets too (issue 18 item 1)."""
    case_id = wh.open_case(store, cast)
    wh.to_in_force(store, case_id, cast)
    ws = CaseWorkspace(Session(store, cast.ops), case_id)
    qtbot.addWidget(ws)
    ws.show()
    page = ws.tab("CaseFileTab")
    ws.tab_widget.setCurrentWidget(page)
    labels = [page.target.itemText(i) for i in range(page.target.count())]
    assert any(label.startswith("记录：") and "质押合同" in label for label in labels)
    assert any("银行审批" in label for label in labels) and any("质押登记" in label for label in labels)
    contract = next(i for i in range(page.target.count()) if "质押合同" in page.target.itemText(i))
    page.target.setCurrentIndex(contract)
    scan = tmp_path / "质押合同签字页.pdf"
    scan.write_bytes(make_pdf("signed pledge contract"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(scan)], "")))
    assert page.attach_with_dialog() == 1 and not qt_env
    row = store.repos.attachments.of_case(case_id)[-1]
    assert row.record_kind == "contract" and row.stage is Stage.CONTRACTS
    assert page.table.rowCount() == 1 and "质押合同" in page.table.item(0, 1).text()
    page.target.setCurrentIndex(page.target.findData(""))  # the case itself: the contract's scan is not there
    assert page.table.rowCount() == 0
