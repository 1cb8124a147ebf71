"""Grading by the annex: every threshold at its boundary on both sides (注：“以上”均包括本数),
site-kind rules (D10), the max-of-items rule and manual grades (D11).

The expected numbers here are typed from regulation.md §2, not read from the rule pack,
so a wrong number in the pack fails a test."""

from __future__ import annotations

from typing import Any

import pytest

from core.grading import grade, reportable
from tests.conftest import minimal

# (impact patch builder, threshold, expected grade, annex item)
Patch = Any


def flat(key: str):
    return lambda v: {key: v}


def portal(site: str):
    return lambda v: {"portal_outage": {"site": site, "minutes": v}}


def deface(site: str, key: str):
    return lambda v: {"defacement": {"site": site, key: v}}


THRESHOLDS = [
    # 附件 一 (especially_major)
    (portal("provincial_gov_portal"), 24 * 60, "especially_major", "附件 一 通常情况 第1项"),
    (portal("central_news_site"), 24 * 60, "especially_major", "附件 一 通常情况 第1项"),
    (flat("cii_full_outage_minutes"), 6 * 60, "especially_major", "附件 一 通常情况 第2项"),
    (flat("cii_main_function_outage_minutes"), 24 * 60, "especially_major", "附件 一 通常情况 第2项"),
    (flat("province_population_percent"), 50, "especially_major", "附件 一 通常情况 第3项"),
    (flat("people_affected"), 10_000_000, "especially_major", "附件 一 通常情况 第3项"),
    (flat("personal_info_leaked"), 100_000_000, "especially_major", "附件 一 通常情况 第5项"),
    (deface("super_large_platform", "homepage_minutes"), 6 * 60, "especially_major", "附件 一 通常情况 第6项"),
    (deface("provincial_gov_portal", "other_page_minutes"), 24 * 60, "especially_major", "附件 一 通常情况 第6项"),
    (deface("central_news_site", "reposts"), 100_000, "especially_major", "附件 一 通常情况 第6项"),
    (deface("super_large_platform", "views"), 1_000_000, "especially_major", "附件 一 通常情况 第6项"),
    (flat("direct_loss_yuan"), 100_000_000, "especially_major", "附件 一 通常情况 第7项"),
    # 附件 二 (major)
    (portal("prefecture_gov_portal"), 6 * 60, "major", "附件 二 通常情况 第1项"),
    (portal("enterprise_portal"), 6 * 60, "major", "附件 二 通常情况 第1项"),
    (portal("provincial_news_site"), 6 * 60, "major", "附件 二 通常情况 第1项"),
    (flat("cii_full_outage_minutes"), 60, "major", "附件 二 通常情况 第2项"),
    (flat("cii_main_function_outage_minutes"), 3 * 60, "major", "附件 二 通常情况 第2项"),
    (flat("prefecture_population_percent"), 50, "major", "附件 二 通常情况 第3项"),
    (flat("people_affected"), 1_000_000, "major", "附件 二 通常情况 第3项"),
    (flat("personal_info_leaked"), 10_000_000, "major", "附件 二 通常情况 第5项"),
    (deface("large_platform", "homepage_minutes"), 2 * 60, "major", "附件 二 通常情况 第6项"),
    (deface("enterprise_portal", "other_page_minutes"), 12 * 60, "major", "附件 二 通常情况 第6项"),
    (deface("prefecture_gov_portal", "reposts"), 10_000, "major", "附件 二 通常情况 第6项"),
    (deface("provincial_news_site", "views"), 100_000, "major", "附件 二 通常情况 第6项"),
    (flat("direct_loss_yuan"), 20_000_000, "major", "附件 二 通常情况 第7项"),
    # 附件 三 (relatively_major)
    (portal("enterprise_portal"), 2 * 60, "relatively_major", "附件 三 通常情况 第1项"),
    (portal("prefecture_gov_portal"), 2 * 60, "relatively_major", "附件 三 通常情况 第1项"),
    (flat("cii_full_outage_minutes"), 10, "relatively_major", "附件 三 通常情况 第2项"),
    (flat("cii_main_function_outage_minutes"), 30, "relatively_major", "附件 三 通常情况 第2项"),
    (flat("prefecture_population_percent"), 30, "relatively_major", "附件 三 通常情况 第3项"),
    (flat("people_affected"), 100_000, "relatively_major", "附件 三 通常情况 第3项"),
    (flat("personal_info_leaked"), 1_000_000, "relatively_major", "附件 三 通常情况 第5项"),
    (deface("other_gov_portal", "homepage_minutes"), 30, "relatively_major", "附件 三 通常情况 第6项"),
    (deface("platform", "other_page_minutes"), 2 * 60, "relatively_major", "附件 三 通常情况 第6项"),
    (deface("other_news_site", "reposts"), 1_000, "relatively_major", "附件 三 通常情况 第6项"),
    (deface("enterprise_portal", "views"), 10_000, "relatively_major", "附件 三 通常情况 第6项"),
    (flat("direct_loss_yuan"), 5_000_000, "relatively_major", "附件 三 通常情况 第7项"),
]

RANK = {"undetermined": -1, "general": 0, "relatively_major": 1, "major": 2, "especially_major": 3}


def graded(pack, impact: dict[str, Any], **extra: Any):
    return grade(minimal(impact=impact, **extra), pack)


@pytest.mark.parametrize(("patch", "threshold", "expected", "item"), THRESHOLDS)
def test_threshold_is_inclusive_and_one_below_is_not(pack, patch, threshold, expected, item):
    at = graded(pack, patch(threshold))
    assert at.grade == expected
    assert any(t.item == item and t.grade == expected and t.value == threshold for t in at.triggered)
    below = graded(pack, patch(threshold - 1))
    assert RANK[below.grade] < RANK[expected]
    assert not any(t.item == item and t.grade == expected for t in below.triggered)


def test_cii_full_outage_of_exactly_10_minutes_is_relatively_major(pack):
    result = graded(pack, {"cii_full_outage_minutes": 10})
    assert result.grade == "relatively_major"
    assert result.triggered[0].text == "关键信息基础设施整体中断运行10分钟以上"


def test_fractional_values_just_below_a_threshold_do_not_reach_it(pack):
    assert graded(pack, {"cii_full_outage_minutes": 9.99}).grade == "general"
    assert graded(pack, {"direct_loss_yuan": 4_999_999.99}).grade == "general"


def test_county_government_portal_outage_is_not_an_annex_item(pack):
    # 附件 item 1 covers 地市级以上党政机关: a county (other_gov_portal) portal does not count.
    result = graded(pack, {"portal_outage": {"site": "other_gov_portal", "minutes": 24 * 60}})
    assert result.grade == "general"
    assert any(w.code == "site_not_listed" for w in result.warnings)


def test_county_government_portal_defacement_counts_at_relatively_major_only(pack):
    # 较大 item 6 has no level qualifier (党政机关); 重大 item 6 needs 地市级以上.
    result = graded(pack, {"defacement": {"site": "other_gov_portal", "homepage_minutes": 10 * 60}})
    assert result.grade == "relatively_major"


def test_any_enterprise_portal_counts_for_outage_d10(pack):
    assert graded(pack, {"portal_outage": {"site": "enterprise_portal", "minutes": 120}}).grade == "relatively_major"


def test_enterprise_portal_never_reaches_especially_major_by_outage(pack):
    assert graded(pack, {"portal_outage": {"site": "enterprise_portal", "minutes": 100 * 60}}).grade == "major"


@pytest.mark.parametrize("site", ["super_large_platform", "large_platform", "platform"])
def test_platforms_count_only_in_the_defacement_items(pack, site):
    assert graded(pack, {"portal_outage": {"site": site, "minutes": 48 * 60}}).grade == "general"
    assert graded(pack, {"defacement": {"site": site, "homepage_minutes": 30}}).grade == "relatively_major"


def test_large_platform_defacement_caps_at_major(pack):
    result = graded(pack, {"defacement": {"site": "large_platform", "homepage_minutes": 48 * 60, "views": 10**8}})
    assert result.grade == "major"


def test_prefecture_portal_defacement_caps_at_major_and_provincial_reaches_top(pack):
    assert graded(pack, {"defacement": {"site": "prefecture_gov_portal", "reposts": 10**6}}).grade == "major"
    assert graded(pack, {"defacement": {"site": "provincial_gov_portal", "reposts": 10**5}}).grade == "especially_major"


def test_other_site_is_not_listed_and_says_so(pack):
    result = graded(pack, {"defacement": {"site": "other_site", "homepage_minutes": 600}})
    assert result.grade == "general"
    assert [w.code for w in result.warnings] == ["site_not_listed"]


def test_defacement_without_site_is_not_counted_and_warns(pack):
    result = graded(pack, {"defacement": {"homepage_minutes": 600}})
    assert result.grade == "general"
    assert result.warnings[0].code == "site_unknown"


@pytest.mark.parametrize(("scope", "expected"), [("especially_large", "especially_major"), ("large", "major"), ("relatively_large", "relatively_major")])
def test_authority_determination_of_spread(pack, scope, expected):
    result = graded(pack, {"defacement": {"site": "provincial_gov_portal", "authority_scope": scope}})
    assert result.grade == expected


@pytest.mark.parametrize(
    ("threat", "expected", "item"),
    [
        ("especially_serious", "especially_major", "附件 一 通常情况 第4项"),
        ("serious", "major", "附件 二 通常情况 第4项"),
        ("relatively_serious", "relatively_major", "附件 三 通常情况 第4项"),
    ],
)
def test_data_threat_levels(pack, threat, expected, item):
    result = graded(pack, {"data_threat": threat})
    assert result.grade == expected and result.triggered[0].item == item


def test_province_population_below_30_percent_implies_no_prefecture_item(pack):
    assert graded(pack, {"province_population_percent": 29.9}).grade == "general"


def test_highest_item_wins_and_every_item_is_listed(pack):
    result = graded(pack, {"people_affected": 150_000, "direct_loss_yuan": 25_000_000, "cii_full_outage_minutes": 5})
    assert result.grade == "major"
    assert [(t.grade, t.item) for t in result.triggered] == [("major", "附件 二 通常情况 第7项"), ("relatively_major", "附件 三 通常情况 第3项")]
    assert result.triggered[0].text == "造成2000万元以上的直接经济损失"
    assert result.triggered[0].value == 25_000_000


def test_no_impact_facts_is_undetermined(pack):
    result = grade(minimal(), pack)
    assert result.grade == "undetermined" and result.basis == "computed"
    assert reportable(result.grade, pack) == "undetermined"
    assert grade(minimal(impact={"people_affected": None}), pack).grade == "undetermined"


def test_known_small_facts_are_general_and_not_reportable(pack):
    result = graded(pack, {"people_affected": 0})
    assert result.grade == "general"
    assert reportable(result.grade, pack) == "no"


def test_qualitative_judgement_counts_like_an_item(pack):
    result = graded(pack, {"people_affected": 10, "qualitative": {"grade": "major", "reason": "涉及重要数据"}})
    assert result.grade == "major" and result.basis == "computed"
    assert result.triggered[0].item.startswith("附件 二")
    assert "涉及重要数据" in result.triggered[0].text


def test_manual_grade_can_raise(pack):
    doc = minimal(impact={"people_affected": 10}, grade_override={"grade": "major", "reason": "上级要求按重大处置"})
    result = grade(doc, pack)
    assert (result.grade, result.computed_grade, result.basis) == ("major", "general", "manual")
    assert not any(w.code == "manual_lower" for w in result.warnings)


def test_manual_grade_can_lower_and_is_flagged(pack):
    doc = minimal(impact={"direct_loss_yuan": 30_000_000}, grade_override={"grade": "relatively_major", "reason": "损失核减"})
    result = grade(doc, pack)
    assert (result.grade, result.computed_grade, result.basis) == ("relatively_major", "major", "manual")
    assert result.lowered
    assert any(w.code == "manual_lower" and "损失核减" in w.message() for w in result.warnings)


def test_manual_grade_decides_even_when_nothing_is_known(pack):
    result = grade(minimal(grade_override={"grade": "general", "reason": "影响很小"}), pack)
    assert (result.grade, result.computed_grade) == ("general", "undetermined")
