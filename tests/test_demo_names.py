"""Demo names: one company's pledged assets never share a title."""

from __future__ import annotations

import datetime as dt
import random

from ipguard.demo import names
from ipguard.demo.build import applicant_data


def test_titles_from_one_used_set_are_distinct_until_the_pool_runs_out():
    rng, used = random.Random(14), set()
    titles = [names.software_title(rng, "思海", used) for _ in range(5)]
    assert len(set(titles)) == 5 and all(t.startswith("思海") for t in titles)
    assert used == set(titles)
    titles = [names.invention_title(rng, used) for _ in range(12)]
    assert len(set(titles)) == 12


def test_without_a_used_set_the_draw_is_unchanged():
    assert names.software_title(random.Random(3), "思海") == names.software_title(random.Random(3), "思海", set())


def test_applicants_never_pledge_two_assets_with_one_title():
    for seed in range(400):
        data = applicant_data(random.Random(seed), dt.date(2026, 3, 2))
        titles = [a["title"] for a in data["ip_assets"] if a["type"] != "trademark"]
        assert len(titles) == len(set(titles)), (seed, titles)
