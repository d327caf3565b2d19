"""The five-class risk classification (正常/关注/次级/可疑/损失) and its rule.

The rule is a product parameter: the ``[risk_classification]`` table of the
product file (see resources/products/kuaiyidai.toml for what each key means).
It is read from the product text the report month was run under, so a past
month keeps its rule after the file changes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from ipguard import messages
from ipguard.errors import ValidationError

CLASSES = ("正常", "关注", "次级", "可疑", "损失")
NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS = CLASSES

messages.register(
    {
        "risk_rule_invalid": (
            "风险分类参数 {name} 无效：逾期天数下限应为递增的正整数，代偿最低类别应为五级之一",
            "risk classification parameter {name} is invalid: overdue-day floors must be increasing positive "
            "integers and the compensated minimum one of the five classes",
        ),
    }
)
messages.register_fields({"risk_classification": ("风险分类参数", "risk classification parameters")})


@dataclass(frozen=True)
class RiskRule:
    """Overdue-day floors of 关注, 次级, 可疑, 损失 and the least class of an open compensation."""

    special_mention_days: int = 1
    substandard_days: int = 91
    doubtful_days: int = 181
    loss_days: int = 361
    compensated_min_class: str = SUBSTANDARD

    def classify(self, overdue_days: int | None) -> str:
        """The class of a guarantee in force that is ``overdue_days`` overdue (None or ≤ 0: not overdue)."""
        days = overdue_days or 0
        if days >= self.loss_days:
            return LOSS
        if days >= self.doubtful_days:
            return DOUBTFUL
        if days >= self.substandard_days:
            return SUBSTANDARD
        if days >= self.special_mention_days:
            return SPECIAL_MENTION
        return NORMAL

    def classify_compensated(self, overdue_days: int, closed: bool, unrecovered: int) -> str:
        """The class of a compensated guarantee: 损失 when closed short, else at least the compensated minimum."""
        if closed:
            return LOSS if unrecovered > 0 else NORMAL
        by_days = self.classify(overdue_days)
        return max(by_days, self.compensated_min_class, key=CLASSES.index)


def parse_rule(product_text: str) -> RiskRule:
    """The ``[risk_classification]`` table of a product file's text; the defaults when the table is absent."""
    table = tomllib.loads(product_text).get("risk_classification")
    if table is None:
        return RiskRule()
    keys = ("special_mention_days", "substandard_days", "doubtful_days", "loss_days")
    floors: list[int] = []
    for key in keys:
        value = table.get(key, getattr(RiskRule, key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1 or (floors and value <= floors[-1]):
            raise ValidationError("risk_classification", "risk_rule_invalid", name=key)
        floors.append(value)
    least = table.get("compensated_min_class", SUBSTANDARD)
    if least not in CLASSES:
        raise ValidationError("risk_classification", "risk_rule_invalid", name="compensated_min_class")
    special_mention, substandard, doubtful, loss = floors
    return RiskRule(special_mention_days=special_mention, substandard_days=substandard, doubtful_days=doubtful,
                    loss_days=loss, compensated_min_class=str(least))  # fmt: skip
