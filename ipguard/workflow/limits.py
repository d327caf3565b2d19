"""The regulatory limits on what one client, its group and the whole book may be guaranteed.

融资担保公司监督管理条例 (2017) art. 16: one client's guarantee balance at
most 10% of the guarantor's net assets, one client with its related parties
at most 15%; art. 15: the whole book at most 10× net assets (15× for a
guarantor mainly serving small and micro firms). The ratios live in
``resources/regulation.toml``; the net assets and the small/micro flag are
recorded by effective date (``store.repos.guarantor``) and the limits use the
figures valid today. Everything approved and not yet released counts (not only loans
in force), and the limits are checked at assessment (as candidates of the
amount), again when the committee approves, and again at disbursement.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipguard import clock, messages
from ipguard.auth import require_any_role
from ipguard.domain import Role
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan, mul_ratio_down
from ipguard.products import load_regulation
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.validators import check_choice, check_text

messages.register(
    {
        "limit_exceeded": (
            "{limit}：担保后余额 {after}元 将超过上限 {cap}元（{detail}）",
            "{limit}: the balance after this guarantee ({after} yuan) would exceed the cap ({cap} yuan) ({detail})",
        ),
        "related_to_itself": ("企业不能与自身关联", "a company cannot be related to itself"),
    }
)
messages.register_fields({"relation": ("关联关系", "relation"), "related_company": ("关联企业", "related company")})

RELATIONS = {"same_controller": "同一实际控制人", "parent_subsidiary": "母子公司", "declared_group": "申报的集团成员"}


@dataclass(frozen=True)
class Exposure:
    """Guaranteed balances (fen) approved and not released, without the case at hand."""

    client: int
    group: int  # the client with its related parties
    book: int  # the guarantor's whole book


def record_related_party(store: Store, company_id: int, related_company_id: int, relation: str, user: UserRecord, *,
                         note: str = "") -> None:
    """Record that two companies are related (same controller, parent/subsidiary, declared group); audited."""
    require_any_role(user, (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN), Text("登记关联方", "record a related party"))
    relation = check_choice(relation, "relation", RELATIONS)
    note = check_text(note, "note", max_len=500, required=False)
    if company_id == related_company_id:
        raise ValidationError("related_company", "related_to_itself")
    store.repos.companies.get(company_id)
    store.repos.companies.get(related_company_id)
    with store.transaction():
        store.repos.companies.add_related_party(company_id, related_company_id, relation, note)
        store.audit(user_id=user.id, entity="related_party", entity_id=company_id, action="record",
                    after={"related_company_id": related_company_id, "relation": relation, "note": note})


def related_company_ids(store: Store, company_id: int) -> list[int]:
    """Every company linked to this one through recorded relations, also through others (A–B and B–C make A–C)."""
    seen = {company_id}
    todo = [company_id]
    while todo:
        for r in store.repos.companies.related_parties(todo.pop()):
            if r.company_id not in seen:
                seen.add(r.company_id)
                todo.append(r.company_id)
    return sorted(seen - {company_id})


def exposure(store: Store, case: CaseRecord) -> Exposure:
    repo = store.repos.underwriting
    group = [case.company_id, *related_company_ids(store, case.company_id)]
    return Exposure(repo.exposure([case.company_id], case.id), repo.exposure(group, case.id), repo.exposure(None, case.id))


def guarantor_net_assets(store: Store) -> int | None:
    """The guarantor's net assets (fen) valid today (recorded by effective date: admin.record_guarantor_figures)."""
    figures = store.repos.guarantor.at(clock.today())
    return figures.net_assets if figures else None


def mainly_small_micro(store: Store) -> bool:
    """Whether the guarantor mainly serves small and micro firms (15× leverage instead of 10×), valid today."""
    figures = store.repos.guarantor.at(clock.today())
    return bool(figures and figures.mainly_small_micro)


def limit_refusal(store: Store, case: CaseRecord, amount: int) -> WorkflowError | None:
    """Why guaranteeing ``amount`` (fen) more for this case breaks a limit (None when it does not)."""
    net_assets = guarantor_net_assets(store)
    if net_assets is None:
        return None
    regulation = load_regulation()
    e = exposure(store, case)
    multiple = regulation.total_liability_multiple_small_micro if mainly_small_micro(store) else regulation.total_liability_multiple
    single, related = regulation.single_client_ratio, regulation.single_client_ratio_related
    checks = (
        (Text("单一客户集中度", "single-client concentration"), e.client, mul_ratio_down(net_assets, single), single),
        (Text("单一客户及其关联方集中度", "concentration of the client with its related parties"), e.group,
         mul_ratio_down(net_assets, related), related),
        (Text("融资担保放大倍数", "guarantee leverage"), e.book, net_assets * multiple, multiple),
    )
    for name, current, cap, factor in checks:
        if current + amount > cap:
            existing, this_case = format_yuan(current), format_yuan(amount)
            detail = Text(f"{factor} × 净资产；已有 {existing}元，本案 {this_case}元",
                          f"{factor} × net assets; existing {existing} yuan, this case {this_case} yuan")
            return WorkflowError("limit_exceeded", limit=name, after=format_yuan(current + amount), cap=format_yuan(cap),
                                 detail=detail)
    return None
