"""The allowed stage changes of a case (the explicit state machine)."""

from __future__ import annotations

from ipguard.domain import OPEN_STAGES, Stage

_MAIN: dict[Stage, set[Stage]] = {
    Stage.INTAKE: {Stage.SCREENING},
    Stage.SCREENING: {Stage.VALUATION},
    Stage.VALUATION: {Stage.INVESTIGATION},
    Stage.INVESTIGATION: {Stage.COMMITTEE},
    Stage.COMMITTEE: {Stage.INTENT_LETTER, Stage.DECLINED},
    Stage.INTENT_LETTER: {Stage.BANK_APPROVAL},
    Stage.BANK_APPROVAL: {Stage.CONTRACTS, Stage.DECLINED},
    Stage.CONTRACTS: {Stage.PLEDGE_REGISTRATION},
    Stage.PLEDGE_REGISTRATION: {Stage.DISBURSEMENT},
    Stage.DISBURSEMENT: {Stage.IN_FORCE},
    Stage.IN_FORCE: {Stage.RELEASED, Stage.DEFAULTED},
    Stage.DEFAULTED: {Stage.RECOVERY},
    Stage.RECOVERY: {Stage.CLOSED},
}
# An amendment after the committee (ipguard.workflow.amend) sends the case back to the investigation,
# from any stage that rests on the committee's decision before a loan exists.
AMENDABLE: tuple[Stage, ...] = (Stage.COMMITTEE, Stage.INTENT_LETTER, Stage.BANK_APPROVAL, Stage.CONTRACTS,
                                Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT)
AMENDED_TO = Stage.INVESTIGATION
# Intake records (financials, assets, checklist) may change until the committee (ipguard.intake);
# after it only an amendment changes them.
EDITABLE_STAGES: tuple[Stage, ...] = (Stage.INTAKE, Stage.SCREENING, Stage.VALUATION, Stage.INVESTIGATION)
TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    stage: frozenset(_MAIN.get(stage, set()) | ({Stage.DECLINED, Stage.WITHDRAWN} if stage in OPEN_STAGES else set())
                     | ({AMENDED_TO} if stage in AMENDABLE else set()))
    for stage in Stage
}


# Undoing the last step (撤销上一步, ipguard.workflow.reversal) goes backwards, outside the forward machine above:
# the forward steps (from, to) that may be taken back while nothing rests on them, and the reopening of a case
# declined or withdrawn by mistake at the stage it left. Which of these applies now is the reversal's to decide.
REVERSIBLE_STEPS: frozenset[tuple[Stage, Stage]] = frozenset({
    (Stage.INTAKE, Stage.SCREENING), (Stage.SCREENING, Stage.VALUATION), (Stage.VALUATION, Stage.INVESTIGATION),
    (Stage.INVESTIGATION, Stage.COMMITTEE), (Stage.BANK_APPROVAL, Stage.CONTRACTS),
    (Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION),
})
REOPENABLE: tuple[Stage, ...] = (Stage.DECLINED, Stage.WITHDRAWN)
REVERSALS: dict[Stage, frozenset[Stage]] = {
    stage: frozenset({before for before, after in REVERSIBLE_STEPS if after is stage}
                     | (set(OPEN_STAGES) if stage in REOPENABLE else set()))
    for stage in Stage
}


def allowed(from_stage: Stage, to_stage: Stage, *, reversing: bool = False) -> bool:
    """Whether the machine knows the stage change: a forward step, or (``reversing``) a step taken back."""
    return to_stage in (REVERSALS if reversing else TRANSITIONS)[from_stage]
