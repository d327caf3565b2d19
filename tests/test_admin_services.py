"""Admin writes are core services: the role is checked in the core, whatever the caller."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import admin, auth
from ipguard.domain import Role
from ipguard.errors import ConflictError, PermissionDenied, ValidationError
from ipguard.store.records import BankRecord, ReferrerRecord
from tests import factories
from tests.workflow_helpers import cast


def test_a_non_admin_cannot_grant_himself_admin(store):
    c = cast(store)
    with pytest.raises(PermissionDenied) as err:
        admin.set_roles(store, c.a, c.a.id, {Role.ACCOUNT_MANAGER, Role.ADMIN}, read=c.a.roles)
    assert err.value.key == "role_required"
    assert Role.ADMIN not in store.repos.users.get(c.a.id).roles


@pytest.mark.parametrize(
    "call",
    [
        lambda s, who, c: admin.create_user(s, who, "eve", "Eve", "Granite-Harbour-77", {Role.ADMIN}),
        lambda s, who, c: admin.set_active(s, who, c.b.id, False),
        lambda s, who, c: admin.reset_password(s, who, c.admin.id, "Granite-Harbour-77"),
        lambda s, who, c: admin.save_bank(s, who, BankRecord(0, "某银行", "某支行"), expected_version=None),
        lambda s, who, c: admin.save_referrer(s, who, ReferrerRecord(0, "某协会"), expected_version=None),
        lambda s, who, c: admin.record_guarantor_figures(s, who, net_assets_fen=1, mainly_small_micro=False,
                                                         effective_date=dt.date(2020, 1, 1)),
        lambda s, who, c: admin.save_settings(s, who, {"letterhead.company_name": "假公司"}, read=s.repos.settings.all()),
        lambda s, who, c: admin.set_holiday_override(s, who, dt.date(2030, 1, 1), True),
    ],
)
def test_every_admin_write_is_refused_to_a_non_admin(store, call):
    c = cast(store)
    entries = store.audit_head().count
    for who in (c.a, c.ops, c.members[0]):
        with pytest.raises(PermissionDenied) as err:
            call(store, who, c)
        assert err.value.key == "role_required"
    assert store.audit_head().count == entries


def test_an_admin_write_by_a_plain_record_is_refused(store):
    c = cast(store)
    with pytest.raises(PermissionDenied) as err:
        admin.set_roles(store, store.repos.users.get(c.admin.id), c.a.id, {Role.ADMIN}, read=c.a.roles)
    assert err.value.key == "not_signed_in"


def test_admin_writes_are_audited_under_the_admin(store):
    c = cast(store)
    admin.save_settings(store, c.admin, {"letterhead.signatory": "李四"}, read=store.repos.settings.all())
    admin.set_active(store, c.admin, c.b.id, False)
    rows = store.query("SELECT user_id, entity, action FROM audit_log ORDER BY seq DESC LIMIT 2")
    assert rows == [{"user_id": c.admin.id, "entity": "user", "action": "set_active"},
                    {"user_id": c.admin.id, "entity": "setting", "action": "set"}]
    with pytest.raises(PermissionDenied):  # the disabled user's sign-in is dead at once
        auth.current(c.b)


def test_the_last_admin_keeps_the_role_and_cannot_disable_himself(store):
    c = cast(store)
    with pytest.raises(PermissionDenied) as err:
        admin.set_roles(store, c.admin, c.admin.id, {Role.OPERATIONS}, read=c.admin.roles)
    assert err.value.key == "last_admin"
    with pytest.raises(PermissionDenied) as err:
        admin.set_active(store, c.admin, c.admin.id, False)
    assert err.value.key == "not_own_account"


def test_unknown_settings_are_refused(store):
    c = cast(store)
    with pytest.raises(ValidationError) as err:
        admin.save_settings(store, c.admin, {"nonsense": 1}, read=store.repos.settings.all())
    assert err.value.key == "setting_unknown"


def test_an_admin_reset_password_must_be_strong(store):
    c = cast(store)
    with pytest.raises(ValidationError) as err:
        admin.reset_password(store, c.admin, c.a.id, "am123456")
    assert err.value.key == "password_weak"
    admin.reset_password(store, c.admin, c.a.id, "Granite-Harbour-77")
    assert auth.sign_in(store, "am", "Granite-Harbour-77").id == c.a.id



def test_a_member_holding_admin_and_committee_cannot_run_his_own_case(store):
    from ipguard import intake, workflow
    from ipguard.errors import WorkflowError
    from tests import factories
    from tests.workflow_helpers import to_committee

    c = cast(store)
    both = factories.user(store, "boss", Role.ADMIN, Role.COMMITTEE_MEMBER, Role.ACCOUNT_MANAGER)
    data = factories.applicant(3)
    data["bank_id"], data["risk_manager_id"], data["account_manager_id"] = c.bank.id, c.b.id, both.id
    case_id = intake.open_case(store, intake.parse_intake(data), both).id
    c_as_boss = type(c)(c.admin, both, c.b, c.members, c.ops, c.bank)
    to_committee(store, case_id, c_as_boss)
    for call in (lambda: workflow.record_attendance(store, case_id, [m.id for m in c.members], both, expected_version=store.repos.cases.get(case_id).version),
                 lambda: workflow.decide(store, case_id, both, expected_version=store.repos.cases.get(case_id).version)):
        with pytest.raises(WorkflowError) as err:
            call()
        assert err.value.key == "conflicted_member"


# -- issue 14 item 7: a save names the version it was read at ------------------------------------


def test_a_bank_saved_on_a_stale_version_is_refused_and_nothing_changes(store):
    import dataclasses

    from ipguard.errors import ConflictError

    c = cast(store)
    shown = store.repos.banks.get(c.bank.id)  # two admins open the same bank
    admin.save_bank(store, c.admin, dataclasses.replace(shown, contact_name="王经理"), expected_version=shown.version)
    entries = store.audit_head().count
    with pytest.raises(ConflictError) as err:
        admin.save_bank(store, c.admin, dataclasses.replace(shown, bank_share_bp=5000), expected_version=shown.version)
    assert err.value.key == "stale_record" and "上海银行浦东分行" in err.value.message("zh")
    assert "was changed by someone else" in err.value.message("en")
    now = store.repos.banks.get(c.bank.id)
    assert (now.contact_name, now.bank_share_bp, now.version) == ("王经理", 2000, shown.version + 1)
    assert store.audit_head().count == entries
    admin.save_bank(store, c.admin, dataclasses.replace(now, bank_share_bp=5000), expected_version=now.version)
    assert store.repos.banks.get(c.bank.id).bank_share_bp == 5000


def test_a_referrer_saved_on_a_stale_version_is_refused(store):
    import dataclasses

    from ipguard.errors import ConflictError

    c = cast(store)
    created = admin.save_referrer(store, c.admin, ReferrerRecord(0, "某协会"), expected_version=None)
    assert created.version == 1
    admin.save_referrer(store, c.admin, dataclasses.replace(created, kind="协会"), expected_version=1)
    with pytest.raises(ConflictError) as err:
        admin.save_referrer(store, c.admin, dataclasses.replace(created, contact_name="李四"), expected_version=1)
    assert err.value.key == "stale_record"
    assert store.repos.referrers.get(created.id).contact_name == ""


def test_an_update_without_the_version_it_was_read_at_is_a_programming_error(store):
    import dataclasses

    c = cast(store)
    with pytest.raises(TypeError):
        admin.save_bank(store, c.admin, dataclasses.replace(c.bank, contact_name="x"), expected_version=None)
    with pytest.raises(TypeError):
        admin.save_bank(store, c.admin, dataclasses.replace(c.bank, contact_name="x"))  # no default
    with pytest.raises(TypeError):
        store.repos.banks.save(dataclasses.replace(c.bank, contact_name="x"), acting_user_id=c.admin.id)


def test_case_actions_have_no_default_version():
    import inspect

    from ipguard import intake, workflow

    actions = [intake.set_checklist_item, intake.update_financials, intake.add_asset, intake.remove_asset,
               intake.correct_intake, workflow.amend_case,
               *(getattr(workflow, name) for name in workflow.__all__ if callable(getattr(workflow, name))
                 and "expected_version" in inspect.signature(getattr(workflow, name)).parameters)]  # fmt: skip
    assert len(actions) >= 30
    for fn in actions:
        parameter = inspect.signature(fn).parameters["expected_version"]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default is inspect.Parameter.empty, fn


def test_settings_saved_on_a_stale_read_never_overwrite_another_admins_change(store):
    c = cast(store)
    second = factories.user(store, "admin2", Role.ADMIN)
    mine = store.repos.settings.all()  # this admin opens the settings
    admin.save_settings(store, second, {"letterhead.signatory": "王五"}, read=store.repos.settings.all())
    audit = store.audit_head().count
    with pytest.raises(ConflictError) as err:
        admin.save_settings(store, c.admin, {"letterhead.signatory": "李四", "letterhead.telephone": "021-1"}, read=mine)
    assert err.value.key == "stale_settings" and "签发人" in err.value.message("zh") and "signatory" in err.value.message("en")
    assert store.repos.settings.get("letterhead.signatory") == "王五" and store.audit_head().count == audit
    # Fields the other admin did not touch, or saved to the same value, go through on the same stale read.
    admin.save_settings(store, c.admin, {"letterhead.signatory": "王五", "letterhead.telephone": "021-1"}, read=mine)
    assert store.repos.settings.get("letterhead.telephone") == "021-1"


def test_roles_saved_on_a_stale_read_never_undo_another_admins_change(store):
    c = cast(store)
    second = factories.user(store, "admin2", Role.ADMIN)
    shown = store.repos.users.get(c.b.id).roles  # this admin opens user b
    admin.set_roles(store, second, c.b.id, set(shown) | {Role.OPERATIONS}, read=shown)  # the other admin adds a role
    with pytest.raises(ConflictError) as err:
        admin.set_roles(store, c.admin, c.b.id, set(shown) | {Role.COMMITTEE_MEMBER}, read=shown)
    assert err.value.key == "stale_roles"
    assert Role.OPERATIONS in store.repos.users.get(c.b.id).roles and Role.COMMITTEE_MEMBER not in store.repos.users.get(c.b.id).roles
