"""The committee's vote count: quorum and majority from the product's committee parameters.

Pure arithmetic on the numbers present and voting; the workflow decides with
it and the committee resolution states it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ipguard.products import CommitteeParams


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

    def explain(self) -> str:
        return (f"出席 {self.present} 人（法定 {self.quorum} 人），同意 {self.approve}、有条件同意 {self.approve_with_conditions}、"
                f"不同意 {self.decline}；通过需 {self.majority.numerator}/{self.majority.denominator} 即至少 {self.required} 票")


def count_votes(present: int, counts: Mapping[str, int], committee: CommitteeParams) -> Tally:
    """The tally of ``counts`` (votes per choice) among ``present`` members under the product's rules."""
    majority = Fraction(committee.majority_numerator, committee.majority_denominator)
    required = -(-majority.numerator * present // majority.denominator)  # ceiling
    return Tally(present, sum(counts.values()), counts.get("approve", 0), counts.get("approve_with_conditions", 0),
                 counts.get("decline", 0), committee.quorum, max(required, 1), majority)
