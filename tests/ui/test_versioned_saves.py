"""Issue 14, item 7 in the window: a bank or referrer dialog saves against the version it was opened on."""

from __future__ import annotations

import dataclasses

import pytest

from ipguard import admin, auth
from ipguard.domain import Role
from ipguard.store import open_store
from tests import factories
from ui import app as uiapp
from ui.main_window import MainWindow
from ui.pages.settings_parties import BankDialog, ReferrerDialog
from ui.session import Session


@pytest.fixture
def setup(qtbot, tmp_path):
    uiapp.ensure_application()
    store = open_store(tmp_path / "v.sqlite")
    me = factories.user(store, "admin", Role.ADMIN)
    factories.user(store, "admin2", Role.ADMIN)
    other = auth.sign_in(store, "admin2", factories.PASSWORD)  # a second admin at another workstation
    bank = factories.bank(store, me.id)
    window = MainWindow(Session(store=store, user=me))
    qtbot.addWidget(window)
    yield store, window, other, bank
    store.close()


def test_a_bank_dialog_does_not_overwrite_a_change_saved_meanwhile(setup, boxes):
    store, window, other, bank = setup
    panel = window.show_page("settings").show_section("banks")
    dialog = BankDialog(panel, store.repos.banks.get(bank.id))
    admin.save_bank(store, other, dataclasses.replace(bank, contact_name="王经理"), expected_version=bank.version)
    dialog.bank_share.setText("50")
    dialog.accept()
    assert boxes and "已被其他人修改" in boxes[-1][2] and dialog.result() != dialog.DialogCode.Accepted
    now = store.repos.banks.get(bank.id)
    assert (now.contact_name, now.bank_share_bp) == ("王经理", 2000)
    fresh = BankDialog(panel, now)  # reopened on the current version: saved
    fresh.bank_share.setText("50")
    fresh.accept()
    assert store.repos.banks.get(bank.id).bank_share_bp == 5000 and store.repos.banks.get(bank.id).contact_name == "王经理"


def test_a_new_referrer_and_an_edit_of_it(setup, boxes):
    store, window, other, _bank = setup
    panel = window.show_page("settings").show_section("referrers")
    dialog = ReferrerDialog(panel)
    dialog.name.setText("浦东新区知识产权局")
    dialog.accept()
    [created] = store.repos.referrers.all()
    edit = ReferrerDialog(panel, created)
    admin.save_referrer(store, other, dataclasses.replace(created, kind="知识产权局"), expected_version=created.version)
    edit.contact_name.setText("李四")
    edit.accept()
    assert "已被其他人修改" in boxes[-1][2]
    assert store.repos.referrers.get(created.id) == dataclasses.replace(created, kind="知识产权局", version=2)
