"""The committee's vote count: quorum and majority from the product's committee parameters.

Pure arithmetic on the numbers present and voting; the workflow decides with
it and the committee resolution states it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ipguard.products import CommitteeParams
from ipguard.rules.explain import INT, Explanation, declare, explain

TALLY = "committee.tally"
declare({
    TALLY: (
        "出席 {present} 人（法定 {quorum} 人），同意 {approve}、有条件同意 {conditional}、不同意 {decline}；"
        "通过需 {num}/{den} 即至少 {required} 票",
        "{present} present (quorum {quorum}); approve {approve}, approve with conditions {conditional}, decline {decline};"
        " passing needs {num}/{den}, at least {required} votes",
        {name: INT for name in ("present", "quorum", "approve", "conditional", "decline", "num", "den", "required")},
    ),
})


@dataclass(frozen=True)
class Tally:
    present: int
    voted: int
    approve: int
    approve_with_conditions: int
    decline: int
    quorum: int
    required: int  # approvals needed
    majority: Fraction

    @property
    def approvals(self) -> int:
        return self.approve + self.approve_with_conditions

    @property
    def approved(self) -> bool:
        return self.present >= self.quorum and self.approvals >= self.required

    def explanation(self) -> Explanation:
        """The count as data (presence, votes, what passing needs), worded in the reader's language."""
        return explain(TALLY, present=self.present, quorum=self.quorum, approve=self.approve,
                       conditional=self.approve_with_conditions, decline=self.decline, num=self.majority.numerator,
                       den=self.majority.denominator, required=self.required)

    def explain(self, lang: str = "zh") -> str:
        return self.explanation().render(lang)


def count_votes(present: int, counts: Mapping[str, int], committee: CommitteeParams) -> Tally:
    """The tally of ``counts`` (votes per choice) among ``present`` members under the product's rules."""
    majority = Fraction(committee.majority_numerator, committee.majority_denominator)
    required = -(-majority.numerator * present // majority.denominator)  # ceiling
    return Tally(present, sum(counts.values()), counts.get("approve", 0), counts.get("approve_with_conditions", 0),
                 counts.get("decline", 0), committee.quorum, max(required, 1), majority)
