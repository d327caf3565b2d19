"""Rule figures for a reader: money in 万元, ratios as percentages, counts, flags in words."""

from __future__ import annotations

import pytest

from ipguard.rules.criteria import RuleResult, format_money_figure, format_ratio_figure, format_rule_figures
from ipguard.rules.explain import legacy

NO_WHY = legacy("")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (RuleResult("annual_sales", "pass", "41310000.00", "2000000.00", NO_WHY), ("4,131.00万元", "> 200.00万元")),
        (RuleResult("net_assets", "pass", "11480000.00", "0.00", NO_WHY), ("1,148.00万元", "≥ 0.00元")),
        (RuleResult("net_assets", "fail", "-1234.50", "0.00", NO_WHY), ("-1,234.50元", "≥ 0.00元")),
        (RuleResult("loan_to_sales", "pass", "0.1165", "0.40", NO_WHY), ("11.65%", "原则上 ≤ 40.00%")),
        (RuleResult("loan_to_sales", "justify", None, "0.7", NO_WHY), ("无法计算（销售额为0）", "原则上 ≤ 70.00%")),
        (RuleResult("pledgeable_ip", "pass", 3, 1, NO_WHY), ("3项", "≥ 1项")),
        (RuleResult("company_credit", "fail", False, True, NO_WHY), ("不良", "良好")),
        (RuleResult("counter_guarantee", "pass", True, True, NO_WHY), ("愿意", "愿意")),
        (RuleResult("no_major_negative", "fail", True, False, NO_WHY), ("有", "无")),
        (RuleResult("some_future_rule", "pass", True, None, NO_WHY), ("是", "—")),
    ],
)
def test_format_rule_figures(rule: RuleResult, expected: tuple[str, str]) -> None:
    assert format_rule_figures(rule) == expected
    assert (rule.display_value(), rule.display_threshold()) == expected


def test_stored_json_round_trip_formats_the_same() -> None:
    rule = RuleResult("annual_sales", "pass", "41310000.00", "2000000.00", NO_WHY)
    assert RuleResult.from_json(rule.to_json()).display_value() == "4,131.00万元"


def test_unparseable_figures_are_shown_as_they_are() -> None:
    assert format_money_figure("n/a") == "n/a"
    assert format_ratio_figure("x") == "x"
    assert format_money_figure("9999.99") == "9,999.99元"
    assert format_money_figure("10000") == "1.00万元"
