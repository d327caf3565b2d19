"""Handing a case to another account manager (A角) or risk manager (B角): an administrator's act, audited.

A case changes hands when someone leaves, is away for long, or the load is evened out. The rules
that make A and B a control hold across the change: the new A holds the account-manager role and
the new B the risk-manager role, both active; A and B stay two different people (also against a
signature already on the investigation report); and nobody who sat on, or voted in, the case's
committee becomes its A or B, since a member who worked a case may not judge it.
"""

from __future__ import annotations

from ipguard import messages
from ipguard.auth import require_any_role, role_text
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.validators import check_int, check_text
from ipguard.workflow.common import record

messages.register(
    {
        "reassign_nothing": ("所选人员与现任相同，没有需要改派的内容", "the people chosen are the ones assigned; nothing to reassign"),
        "reassign_closed": ("案件已{stage}，不再改派", "the case is {stage}; it is no longer reassigned"),
        "reassign_role": ("{user}没有“{role}”角色，不能担任本案的{side}", "{user} does not hold the role “{role}” and cannot be the case's {side}"),
        "reassign_inactive": ("{user}的账户已停用", "{user}'s account is disabled"),
        "reassign_same_person": (
            "本案的A角和B角必须是两个不同的人（{user}已是本案的{other}）",
            "the case's A and B must be two different people ({user} is already its {other})",
        ),
        "reassign_committee_member": (
            "{user}已登记出席或参与表决本案的保审会，不能再担任本案的{side}",
            "{user} sat on or voted in the case's committee and cannot become its {side}",
        ),
    }
)

REASSIGN = Text("改派客户经理/风控经理", "reassign the account or risk manager")
_CLOSED = (Stage.RELEASED, Stage.CLOSED, Stage.DECLINED, Stage.WITHDRAWN)
_SIDES = {"A": Text("A角（客户经理）", "A (account manager)"), "B": Text("B角（风控经理）", "B (risk manager)")}


def reassign_case(
    store: Store, case_id: int, user: UserRecord, *, account_manager_id: object = None,
    risk_manager_id: object = None, reason: str, expected_version: int,
) -> CaseRecord:
    """Give the case a new A (``account_manager_id``) and/or B (``risk_manager_id``); admin only, with a reason.

    ``None`` keeps the current holder. Refused for a closed case, a user without the needed role or
    disabled, the same person as A and B, and a committee participant of this case. Signatures
    already on the investigation report stay as signed (they are who signed); the new A or B signs
    what is still unsigned.
    """
    require_any_role(user, (Role.ADMIN,), REASSIGN, store)
    reason = check_text(reason, "reason", max_len=1000)
    new_a = check_int(account_manager_id, "account_manager_id", low=1, high=2**53) if account_manager_id not in (None, "") else None
    new_b = check_int(risk_manager_id, "risk_manager_id", low=1, high=2**53) if risk_manager_id not in (None, "") else None
    with store.transaction():
        case = store.repos.cases.get(case_id)
        if case.stage in _CLOSED:
            raise WorkflowError("reassign_closed", stage=Text(case.stage.label, case.stage.label_en))
        a = new_a if new_a is not None else case.account_manager_id
        b = new_b if new_b is not None else case.risk_manager_id
        changes = {k: v for k, v in (("account_manager_id", a), ("risk_manager_id", b))
                   if v != getattr(case, k)}
        if not changes:
            raise ValidationError("reason", "reassign_nothing")
        signers = store.repos.underwriting.report_signers(case_id)
        participants = set(store.repos.committee.attendance(case_id)) | store.repos.committee.voted_members(case_id)
        for side, field, new_id, role in (("A", "account_manager_id", new_a, Role.ACCOUNT_MANAGER),
                                          ("B", "risk_manager_id", new_b, Role.RISK_MANAGER)):
            if field not in changes or new_id is None:
                continue
            person = store.repos.users.get(new_id)
            if role not in person.roles:
                raise ValidationError(field, "reassign_role", user=person.display_name, role=role_text((role,)), side=_SIDES[side])
            if not person.active:
                raise ValidationError(field, "reassign_inactive", user=person.display_name)
            other_side = "B" if side == "A" else "A"
            others = {b if side == "A" else a}
            if signers:
                others.add(signers.b_user_id if side == "A" else signers.a_user_id)
            if new_id in others:
                raise ValidationError(field, "reassign_same_person", user=person.display_name, other=_SIDES[other_side])
            if new_id in participants:
                raise WorkflowError("reassign_committee_member", user=person.display_name, side=_SIDES[side])
        store.repos.cases.update_fields(case_id, changes)
        store.bump_case_version(case_id, expected_version)
        names: dict[int | None, str] = {uid: store.repos.users.get(uid).display_name for uid in {case.account_manager_id, case.risk_manager_id, a, b} if uid}
        before = {k: getattr(case, k) for k in changes}
        record(store, case, user, "case", case.case_no, "reassign",
               before={**before, "names": [names.get(v, "") for v in before.values()]},
               after={**changes, "names": [names.get(v, "") for v in changes.values()], "reason": reason})
    return store.repos.cases.get(case_id)
