"""Issue 16: every character printed or refused, the right contracts, layout for any length, complete letters,
GB/T 9704 form, tidy PDFs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from ipguard import anchors, workflow
from ipguard.documents import PledgedAssetLine, fonts, render, samples
from ipguard.documents.page import MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH
from ipguard.documents.service import issue_document, reissue
from ipguard.domain import IpType
from ipguard.errors import ValidationError, WorkflowError
from ipguard.store import open_store
from tests import workflow_helpers as w

LH = samples.LETTERHEAD
RARE_NAME = "上海䶮㐀𠀀𪚥科技有限公司"
RARE_PERSON = "王𠀀喆"
ALL = (samples.intent_letter, samples.disbursement_notice, samples.investigation_report, samples.committee_resolution)
NAME_FIELD = {"IntentLetter": "borrower_name", "DisbursementNotice": "borrower_name",
              "InvestigationReport": "company_name", "CommitteeResolution": "borrower_name"}  # fmt: skip


def _pdftotext(pdf: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def _with_names(doc, name: str, person: str = RARE_PERSON):
    changes = {NAME_FIELD[type(doc).__name__]: name}
    if hasattr(doc, "controller_name"):
        changes["controller_name"] = person
    return dataclasses.replace(doc, **changes)


@pytest.fixture
def fresh_fonts():
    fonts.clear_cache()
    yield
    fonts.clear_cache()


# ---------------------------------------------------------------- 1. every character printed, or refused


def _covered(text: str) -> bool:
    return not fonts.resolve_font().missing(text)


@pytest.mark.parametrize("make", ALL)
def test_extension_a_and_b_names_round_trip_through_pdftotext(make):
    if not _covered(RARE_NAME + RARE_PERSON):
        pytest.skip("no installed font covers CJK Extension A and B (install fonts-hanazono)")
    doc = _with_names(make(), RARE_NAME)
    text = _pdftotext(render(doc, LH))
    assert RARE_NAME in text
    if hasattr(doc, "controller_name") and not isinstance(doc, type(samples.disbursement_notice())):
        assert RARE_PERSON in text


def test_uncovered_character_is_refused_naming_it_and_the_field(fresh_fonts, monkeypatch):
    """With only a font lacking Extension B, issuing is refused; nothing prints a blank or another character."""
    wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    monkeypatch.setattr(fonts, "system_candidates", lambda: [(wqy, 0)])
    for name in ("serif_candidates", "bold_candidates", "extension_candidates"):
        monkeypatch.setattr(fonts, name, lambda: [])
    doc = _with_names(samples.intent_letter(), "上海𠀀科技有限公司", "李明")
    with pytest.raises(ValidationError) as caught:
        render(doc, LH)
    assert caught.value.field == "borrower_name" and caught.value.key == "glyph_missing"
    assert "𠀀" in caught.value.message("zh") and "借款人名称" in caught.value.message("zh")
    assert "U+20000" in caught.value.message("en")


def test_the_builtin_fallback_refuses_what_it_would_print_as_another_character(fresh_fonts, monkeypatch):
    for name in ("system_candidates", "serif_candidates", "bold_candidates", "extension_candidates"):
        monkeypatch.setattr(fonts, name, lambda: [])
    assert fonts.resolve_font().name == fonts.FALLBACK_CID_FONT
    with pytest.raises(ValidationError) as caught:
        render(_with_names(samples.committee_resolution(), "上海𪚥科技有限公司"), LH)
    assert caught.value.field == "borrower_name" and "𪚥" in str(caught.value)


def test_coverage_report_lists_faces_and_blocks():
    report = fonts.coverage_report()
    assert report.faces and {row.block.split()[0] for row in report.blocks} >= {"基本汉字", "扩展A", "扩展B"}
    basic = report.blocks[0]
    assert basic.covered > 20_000 or not report.embedded


# ---------------------------------------------------------------- 3. layout holds for any length


def _glyph_boxes(pdf: bytes):
    pytest.importorskip("pdfminer")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from walk(child)

    for page in extract_pages(io.BytesIO(pdf)):
        yield from ((page.pageid, ch) for ch in walk(page))


def _assert_inside_text_area(pdf: bytes) -> None:
    left, right = MARGIN_LEFT - 0.6, PAGE_WIDTH - MARGIN_RIGHT + 0.6
    bad = [(p, ch.get_text(), round(ch.x0, 1), round(ch.x1, 1)) for p, ch in _glyph_boxes(pdf)
           if ch.x0 < left or ch.x1 > right or ch.y0 < 0 or ch.y1 > PAGE_HEIGHT]  # fmt: skip
    assert not bad, bad[:10]


LONGEST = ("上海" + "浦东新区张江高科技园区集成电路设计与射频芯片研发" * 5)[:96] + "有限公司"


def _asset(i: int, owner: str) -> PledgedAssetLine:
    return PledgedAssetLine(IpType.INVENTION_PATENT, f"ZL20211012345{i % 10}.{i % 10}",
                            "一种基于多级流水线结构的高速低功耗模数转换器及其数字校准电路和方法" + str(i), owner,
                            f"Y2026310000{i:03d}", 100_000 * (i + 1))  # fmt: skip


@pytest.mark.parametrize("count", [1, 15, 30])
@pytest.mark.parametrize("make", ALL)
def test_longest_name_and_many_assets_stay_inside_the_text_area(make, count):
    assert len(LONGEST) == 100
    doc = _with_names(make(), LONGEST, "欧阳" * 10)
    assets = tuple(_asset(i, LONGEST if i % 3 else "李明远、" + LONGEST) for i in range(count))
    for field in ("assets", "registrations"):
        if hasattr(doc, field):
            doc = dataclasses.replace(doc, **{field: assets})
    _assert_inside_text_area(render(doc, LH))


# ---------------------------------------------------------------- 2, 4, 5, 6 on the samples


def test_notice_cites_the_pledge_contract_and_the_personal_guarantee_by_their_own_type():
    doc = dataclasses.replace(samples.disbursement_notice(), pledge_contract_no="ZY2026-0047",
                              counter_guarantee_contract_no="FD2026-0047", controller_name="李明远")  # fmt: skip
    text = _pdftotext(render(doc, LH))
    assert "《知识产权质押反担保合同》（编号：ZY2026-0047）" in text
    assert "实际控制人李明远与我公司签订的《保证反担保合同》（编号：FD2026-0047）" in text
    assert "《质押反担保合同》（编号：FD" not in text


def test_conditional_letter_lists_conditions_share_scope_period_classes_contact_attachment_and_cc():
    doc = dataclasses.replace(
        samples.intent_letter(), decision="approve_with_conditions", resolution_no="浦科担审〔2026〕31号",
        conditions=("借款人须在贷款银行归集不低于贷款金额30%的销售回款", "实际控制人配偶共同提供保证反担保"),
        bank_share_bp=1500, guarantee_scope="借款本金及利息", guarantee_period="主债务履行期限届满之日起三年",
        cc=("上海市浦东新区知识产权融资促进会",), assets=samples.ASSETS * 2,
    )  # fmt: skip
    text = _pdftotext(render(doc, LH))
    for value in ("有条件同意", "（一）借款人须在贷款银行归集不低于贷款金额30%的销售回款；", "（二）实际控制人配偶共同提供保证反担保。",
                  "浦科担审〔2026〕31号", "贵行承担本笔贷款风险损失的15%", "我公司承担85%", "保证范围为借款本金及利息",
                  "保证期间为主债务履行期限届满之日起三年", "芯驰（第9类）", "经办人：张晓", "联系电话：021-58886012",
                  "附件：质押知识产权清单（共10项）", "抄送：上海市浦东新区知识产权融资促进会。", "2026年11月9日印发"):
        assert value in text, value


def test_trademark_class_is_printed_from_the_asset():
    asset = PledgedAssetLine(IpType.TRADEMARK, "45678913", "芯驰图形", samples.BORROWER, nice_class=42)
    assert asset.name_text == "芯驰图形（第42类）"
    assert samples.ASSETS[3].name_text == "芯驰（第9类）"  # already in the title: not twice


def test_reissued_letter_names_the_number_it_replaces():
    doc = dataclasses.replace(samples.intent_letter(), letter_no="浦科担函〔2026〕13号", replaces_no="浦科担函〔2026〕12号")
    assert "本函替代我公司原出具的浦科担函〔2026〕12号《担保意向函》，原函作废。" in _pdftotext(render(doc, LH))


def test_pdf_is_tidy_embedded_fonts_language_metadata_and_date(tmp_path):
    for make in ALL:
        doc = make()
        pdf = render(doc, LH, audit_mark=anchors.mark(42, "a" * 64))
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
        meta = reader.metadata
        assert meta.title and meta.subject and meta.subject != meta.title
        day = getattr(doc, "issue_date", None) or getattr(doc, "report_date", None) or doc.meeting_date
        assert meta["/CreationDate"].startswith(f"D:{day:%Y%m%d}")
        assert meta["/Keywords"] == f"ipguard-audit:42:{'a' * 64}"
        assert b"Helvetica" not in pdf
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]
        text = _pdftotext(pdf)
        assert "审计链：42条" in text
        assert render(doc, LH, audit_mark=anchors.mark(42, "a" * 64)) == pdf
        if shutil.which("qpdf"):
            path = tmp_path / "doc.pdf"
            path.write_bytes(pdf)
            check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True)
            assert check.returncode == 0, check.stdout + check.stderr


# ---------------------------------------------------------------- through the store


@pytest.fixture
def env(tmp_path):
    store = open_store(tmp_path / "docs.db")
    c = w.cast(store)
    case_id = w.open_case(store, c, 1)
    yield store, c, case_id
    store.close()


def test_numbers_in_gbt_9704_form_and_the_audit_head_anchors(env, tmp_path):
    store, c, case_id = env
    w.to_in_force(store, case_id, c)
    for kind, code in (("intent_letter", "浦科担函"), ("disbursement_notice", "浦科担放")):
        issued = issue_document(store, case_id, kind, c.a)
        assert re.fullmatch(rf"{code}〔2026〕[1-9]\d*号", issued.doc_no), issued.doc_no
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(issued.pdf)
        anchor = anchors.parse(str(path))
        assert 0 < anchor.count <= store.audit_head().count
    text = _pdftotext(issue_document(store, case_id, "disbursement_notice", c.a).pdf)
    assert "《知识产权质押反担保合同》（编号：HT-pledge-1）" in text and "《保证反担保合同》（编号：HT-counter_guarantee-1）" in text


def test_issuer_code_comes_from_the_settings(env):
    store, c, case_id = env
    store.repos.settings.set_many({"documents.code.intent_letter": "沪科担函"}, acting_user_id=c.admin.id)
    w.to_committee(store, case_id, c)
    w.approve(store, case_id, c)
    letter = workflow.issue_intent_letter(store, case_id, c.a, issue_date=w.day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    assert letter.letter_no == "沪科担函〔2026〕1号"


def test_reissue_only_while_the_stage_allows_and_the_new_letter_names_the_old(env):
    store, c, case_id = env
    w.to_committee(store, case_id, c)
    w.approve(store, case_id, c)
    old = workflow.issue_intent_letter(store, case_id, c.a, issue_date=w.day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    new = reissue(store, case_id, "intent_letter", c.a, "支行名称有误")
    assert f"本函替代我公司原出具的{old.letter_no}《担保意向函》" in _pdftotext(new.pdf)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  interest_rate="3.45%", decided_on=dt.date(2026, 11, 20), expected_version=store.repos.cases.get(case_id).version)  # fmt: skip
    with pytest.raises(WorkflowError) as caught:
        reissue(store, case_id, "intent_letter", c.a, "再次更正")
    assert caught.value.key == "document_reissue_stage" and "银行审批" in str(caught.value)


def test_owner_text_agrees_with_the_sole_owner_flag(env):
    from ipguard.documents.builders import owner_text

    assert owner_text("", "某公司") == ("某公司", True)
    assert owner_text("某公司、李四", "某公司") == ("某公司、李四", False)
    assert owner_text("某公司；李四\n王五", "某公司") == ("某公司、李四、王五", False)
    line = dataclasses.replace(samples.ASSETS[0], owner="某公司、李四", sole_owner=False)
    assert line.ownership_text == "共有"
    doc = dataclasses.replace(samples.investigation_report(), assets=(line, *samples.ASSETS[1:]))
    text = _pdftotext(render(doc, LH))
    assert "共有" in text and "以上知识产权的权利人均为申请企业" not in text
