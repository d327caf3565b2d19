"""Issue 15 item 9: the tally, the pledge warnings, amounts in words, the product's name and the export's
subtitle are the core's data, worded per language (Chinese as before)."""

from __future__ import annotations

import datetime as dt
import re

from ipguard import catalog, workflow
from ipguard.audit_labels import value_text
from ipguard.domain import Stage
from ipguard.money import amount_in_words
from ipguard.products import load_product, parse_product
from ipguard.reports.export_subtitle import subtitle
from ipguard.workflow.committee import tally

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
OLD_TALLY = "出席 5 人（法定 5 人），同意 4、有条件同意 1、不同意 0；通过需 2/3 即至少 4 票"


def test_the_tally_reads_as_before_in_chinese_and_in_english_in_english(store, case_at):
    case_id = case_at(Stage.INTENT_LETTER)
    t = tally(store, store.repos.cases.get(case_id))
    assert t.explain("zh") == (f"出席 {t.present} 人（法定 {t.quorum} 人），同意 {t.approve}、有条件同意 {t.approve_with_conditions}、"
                               f"不同意 {t.decline}；通过需 {t.majority.numerator}/{t.majority.denominator} 即至少 {t.required} 票")
    assert t.explain("en").startswith(f"{t.present} present (quorum {t.quorum}); approve {t.approve}")
    # The decision's audit entry keeps the tally as data; an entry written before keeps its prose, read back.
    assert value_text("tally", t.explanation().to_json(), "en") == t.explain("en")
    assert value_text("tally", OLD_TALLY, "en") == ("5 present (quorum 5); approve 4, approve with conditions 1, decline 0;"
                                                     " passing needs 2/3, at least 4 votes")
    assert value_text("tally", OLD_TALLY, "zh") == OLD_TALLY


def test_pledge_warnings_are_data_in_both_languages(store, case_at):
    case_id = case_at(Stage.CONTRACTS)
    asset = store.repos.cases.assets(case_id)[0]
    company = store.repos.companies.get(store.repos.cases.get(case_id).company_id)
    store.db.execute("UPDATE ip_assets SET sole_owner = 0, in_dispute = 1, owners = '别家公司' WHERE id = ?", [asset.id])
    warnings = workflow.pledge_warnings(store, case_id)
    zh = [(n, w.render("zh")) for n, w in warnings]
    assert (asset.number, f"出质人“{company.name}”不是登记的权利人（别家公司）") in zh
    assert (asset.number, "该权利为共有，须取得全体共有人同意出质的书面文件") in zh
    assert (asset.number, "该权利存在权属或侵权纠纷") in zh
    assert zh[-1] == ("", "质押合同不得约定债务人不履行到期债务时质押财产归债权人所有（流质条款）")
    en = [w.render("en") for _n, w in warnings]
    assert f"the pledgor “{company.name}” is not the registered owner (别家公司)" in en  # names as given
    assert "the right is in an ownership or infringement dispute" in en
    assert not [w for w in en if CJK.search(w.replace(company.name, "").replace("别家公司", ""))]


def test_amounts_in_words_uppercase_in_chinese_words_in_english():
    assert amount_in_words(100_000_000) == "人民币壹佰万元整"
    assert amount_in_words(100_000_000, "en") == "RMB one million yuan"
    assert amount_in_words(123_456_789, "en") == "RMB one million two hundred thirty-four thousand five hundred sixty-seven yuan and 89 fen"
    assert amount_in_words(2_000_000_015, "en") == "RMB twenty million yuan and 15 fen"
    assert amount_in_words(0, "en") == "RMB zero yuan"


def test_the_product_has_an_english_name_also_for_a_version_stored_without_one():
    product = load_product()
    assert catalog.product_name(product, "zh") == "知识产权快易贷"
    assert catalog.product_name(product, "en") == "IP Quick Loan"
    older = parse_product(re.sub(r"(?m)^name_en = .*\n", "", product.raw_text), "database")
    assert older.name_en == "" and catalog.product_name(older, "en") == "IP Quick Loan"


def test_the_export_subtitle_is_worded_by_the_core():
    at = dt.datetime(2026, 11, 20, 10, 0)
    assert subtitle("", at) == "全部案件（导出时间 2026-11-20 10:00）"
    assert subtitle("阶段：在保", at, selected=1234) == "所选 1,234 件（阶段：在保）（导出时间 2026-11-20 10:00）"
    assert subtitle("", at, selected=6, lang="en") == "6 selected (all cases) (exported 2026-11-20 10:00)"
