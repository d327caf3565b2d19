"""The four printable documents: every field in the extracted text, A4, page numbers, fonts, byte-identical reprints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import re

import pytest
from pypdf import PdfReader

from ipguard.documents import (
    CommitteeResolution,
    DisbursementNotice,
    IntentLetter,
    InvestigationReport,
    Letterhead,
    PledgedAssetLine,
    VoteLine,
    fonts,
    render,
    samples,
)
from ipguard.domain import IpType
from ipguard.money import format_yuan, uppercase_rmb

LH = samples.LETTERHEAD
MUST_NOT_START = "，。；：！？、）》」』”’"
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(pdf: bytes) -> str:
    """All text with whitespace removed, so values wrapped over two lines are still found."""
    return re.sub(r"\s+", "", "".join(_pages(pdf)))


def _assert_all_in(text: str, values) -> None:
    missing = [v for v in values if re.sub(r"\s+", "", str(v)) not in text]
    assert not missing, f"missing from the PDF text: {missing}"


def _amounts(fen: int) -> list[str]:
    return [format_yuan(fen), uppercase_rmb(fen)]


def _letterhead_fields(lh: Letterhead) -> list[str]:
    return [lh.company_name, lh.address, lh.telephone, lh.signatory, lh.signatory_title, lh.seal_text]


ALL_SAMPLES = [samples.intent_letter, samples.disbursement_notice, samples.investigation_report, samples.committee_resolution]


def test_intent_letter_shows_every_field():
    doc = samples.intent_letter()
    text = _flat(render(doc, LH))
    _assert_all_in(
        text,
        [
            doc.letter_no, "担保意向函", "上海农村商业银行股份有限公司张江科技支行：", doc.borrower_name, doc.borrower_uscc,
            *_amounts(doc.loan_amount), *_amounts(doc.guarantee_amount), "期限12个月", doc.guarantee_form,
            doc.controller_name, "2026年11月23日前", "10个工作日", "至2026年12月9日止有效", doc.case_no,
            "2026年11月9日", doc.contact_name, doc.contact_phone, *_letterhead_fields(LH),
            *(a.number for a in doc.assets), *(a.title for a in doc.assets), *(a.ip_type.label for a in doc.assets),
        ],
    )  # fmt: skip
    assert "人民币叁佰万元整" in text


def test_disbursement_notice_shows_every_field():
    doc = samples.disbursement_notice()
    text = _flat(render(doc, LH))
    _assert_all_in(
        text,
        [
            doc.notice_no, "放款通知书", doc.bank_branch, doc.case_no, doc.borrower_name, doc.borrower_uscc,
            doc.loan_contract_no, doc.guarantee_contract_no, doc.counter_guarantee_contract_no,
            *_amounts(doc.loan_amount), *_amounts(doc.guarantee_amount), "12个月", "2026年11月30日", "2027年11月29日",
            "2026年11月27日", *doc.conditions_confirmed, *(a.number for a in doc.registrations),
            *(a.registration_no for a in doc.registrations), "国家知识产权局", "中国版权保护中心", "发放贷款",
            *_letterhead_fields(LH),
        ],
    )  # fmt: skip


def test_investigation_report_shows_every_field():
    doc = samples.investigation_report()
    pdf = render(doc, LH)
    text = _flat(pdf)
    _assert_all_in(
        text,
        [
            doc.report_no, doc.case_no, "2026年11月2日", doc.company_name, doc.uscc, doc.industry, doc.address,
            "2016年5月18日", doc.controller_name, doc.referrer, doc.recommendation_opinion, doc.main_business,
            format_yuan(doc.annual_sales), format_yuan(doc.net_assets_last_year), format_yuan(doc.net_assets_current),
            format_yuan(doc.existing_bank_loans), format_yuan(doc.requested_amount), "期限12个月",
            *(c.name for c in doc.criteria), *(c.value for c in doc.criteria), *(c.threshold for c in doc.criteria),
            "符合", "超标已说明", doc.justification,
            *(a.number for a in doc.assets), *(format_yuan(a.recognized_value) for a in doc.assets), "4,000,000.00",
            *(line.name for line in doc.amount_chain), *(format_yuan(line.amount) for line in doc.amount_chain), "★取值",
            *_amounts(doc.guarantee_amount), *_amounts(doc.fee), doc.fee_rate_text, *doc.target_tags,
            doc.a_user_name, doc.b_user_name, "2026年11月3日", doc.opinion,
        ],
    )  # fmt: skip
    pages = _pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page


def test_committee_resolution_shows_every_field():
    doc = samples.committee_resolution()
    text = _flat(render(doc, LH))
    _assert_all_in(
        text,
        [
            doc.resolution_no, "保审会决议", "2026年11月6日", doc.borrower_name, doc.bank_branch, doc.case_no,
            *doc.members_present, *(v.comment for v in doc.votes if v.comment), "同意2票", "有条件同意2票", "不同意1票",
            "三分之二", "不少于5人", "有条件同意为", *_amounts(doc.guarantee_amount), "期限12个月", *doc.conditions,
            doc.session_text, doc.meeting_place, doc.chair_name, doc.recorder_name, LH.company_name, LH.seal_text,
        ],
    )  # fmt: skip


def test_declined_resolution_lists_no_conditions():
    doc = dataclasses.replace(
        samples.committee_resolution(),
        votes=(VoteLine("周海涛", "decline", "销贷比过高"), VoteLine("吴静", "decline")),
        members_present=("周海涛", "吴静"),
        decision="decline",
        quorum=5,
    )
    text = _flat(render(doc, LH))
    assert "会议决议：不同意为" in text
    assert "未达到议事规则规定的人数要求" in text
    assert doc.conditions[0] not in text


@pytest.mark.parametrize("make", ALL_SAMPLES)
def test_same_input_gives_byte_identical_pdf(make):
    first = render(make(), LH)
    second = render(make(), LH)
    assert first == second
    assert first.startswith(b"%PDF-")


def test_different_input_gives_different_pdf():
    doc = samples.intent_letter()
    assert render(doc, LH) != render(dataclasses.replace(doc, letter_no="沪浦科担函〔2026〕第0013号"), LH)


@pytest.mark.parametrize("make", ALL_SAMPLES)
def test_pages_are_a4_and_no_line_starts_with_closing_punctuation(make):
    reader = PdfReader(io.BytesIO(render(make(), LH)))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.01)
        for line in page.extract_text().splitlines():
            stripped = line.strip()
            assert not stripped or stripped[0] not in MUST_NOT_START, line


def test_letters_number_every_page_in_official_form():
    """GB/T 9704: “— N —” on every page of a letter or notice, never “第 1 页 共 N 页”."""
    for doc in (samples.intent_letter(), samples.disbursement_notice()):
        pages = _pages(render(doc, LH))
        for n, page in enumerate(pages, 1):
            assert f"— {n} —" in page and "第 1 页" not in page


def test_signature_never_stands_alone_on_a_page():
    """When a letter breaks, its last page carries at least two body lines above the seal block."""
    long_letter = dataclasses.replace(samples.intent_letter(), assets=(samples.ASSETS * 2)[:8])
    for doc in (long_letter, samples.disbursement_notice()):
        pages = _pages(render(doc, LH))
        assert len(pages) >= 2
        sealed = next(page for page in pages if LH.seal_text in page)  # a long letter's asset list follows as 附件
        lines = [line.strip() for line in sealed.splitlines()]
        seal = next(i for i, line in enumerate(lines) if LH.seal_text in line)
        assert len([line for line in lines[:seal] if line]) >= 2, lines


@pytest.mark.parametrize("count", [1, 3, 4])
def test_intent_letter_with_up_to_four_assets_fits_two_pages(count):
    """In 3号 type (22 lines a page) a letter with up to four pledged assets is one sheet, printed on both sides."""
    doc = dataclasses.replace(samples.intent_letter(), assets=samples.ASSETS[:count])
    pages = _pages(render(doc, LH))
    assert len(pages) <= 2
    assert LH.seal_text in pages[-1] and "特此函告" in "".join(pages)


def test_investigation_report_numbers_never_wrap():
    """The header line keeps the report number, case number and date each on one line."""
    doc = dataclasses.replace(samples.investigation_report(), report_no="浦科担调〔2026〕1号", case_no="KYD-2026-0010")
    first = _pages(render(doc, LH))[0]
    lines = [re.sub(r"\s+", "", line) for line in first.splitlines()]
    for value in ("报告编号：浦科担调〔2026〕1号", "业务编号：KYD-2026-0010", "报告日期：2026年11月2日"):
        assert any(value in line for line in lines), (value, lines[:8])


def test_resolution_uses_the_workflow_vote_wording():
    """有条件同意, as the committee workflow says it — never 附条件同意."""
    from ipguard.documents.models import VOTE_LABELS
    from ipguard.workflow.committee import VOTES

    assert VOTE_LABELS == VOTES
    text = _flat(render(samples.committee_resolution(), LH))
    assert "有条件同意" in text and "附条件同意" not in text


def test_owner_column_only_when_an_owner_differs():
    doc = samples.intent_letter()
    assert "权利人" not in _flat(render(doc, LH))
    third_party = PledgedAssetLine(IpType.INVENTION_PATENT, "ZL202210987654.2", "一种天线阵列", "李明远")
    text = _flat(render(dataclasses.replace(doc, assets=(*doc.assets[:1], third_party)), LH))
    assert "权利人" in text and "借款人及相关权利人" in text and "ZL202210987654.2" in text


def test_markup_characters_in_data_are_printed_literally():
    doc = dataclasses.replace(samples.intent_letter(), borrower_name="A&B<科技>有限公司")
    assert "A&B<科技>有限公司" in _flat(render(doc, LH))


def test_minimal_documents_with_defaults_render():
    day = dt.date(2026, 3, 2)
    lh = Letterhead("某担保公司", "某地", "010-1", "张三", "总经理")
    docs = [
        IntentLetter("〔2026〕第0001号", day, "某银行", "某支行", "某公司", "91110000000000000X", 100, 6, 100, "连带责任保证",
                     (), "李四", day, 5, day, "C-1"),
        DisbursementNotice("〔2026〕第0001号", day, "某银行", "某支行", "C-1", "某公司", "9111", "L-1", "G-1", 100, 100, 6,
                           None, None, (), ()),
        InvestigationReport("R-1", "C-1", day, "某公司", "9111", "软件", "某地", None, "李四", "", "", 0, 0, 0, 0, 100, 6,
                            (), None, (), (), 100, 0, (), "甲", None, "乙", None, "同意"),
        CommitteeResolution("〔2026〕第0001号", "C-1", day, "某公司", "某支行", 100, 6, (), (), "approve", (), 3),
    ]  # fmt: skip
    for doc in docs:
        text = _flat(render(doc, lh))
        assert "2026年3月2日" in text
        assert "1.00" in text or isinstance(doc, InvestigationReport)


def test_render_refuses_other_objects():
    with pytest.raises(TypeError):
        render(object(), LH)  # type: ignore[arg-type]


# ---------------------------------------------------------------- fonts


@pytest.fixture
def fresh_fonts():
    fonts.clear_cache()
    yield
    fonts.clear_cache()


@pytest.mark.skipif(not __import__("os").path.isfile(WQY), reason="WenQuanYi Micro Hei not installed")
def test_system_truetype_font_is_embedded_and_logged(fresh_fonts, caplog):
    with caplog.at_level(logging.INFO, logger="ipguard.documents"):
        choice = fonts.resolve_font()
    assert choice.embedded and choice.path and choice.name.startswith("IPG-")
    assert any(choice.path in r.getMessage() for r in caplog.records if r.name == "ipguard.documents")
    assert fonts.resolve_font() is choice  # cached
    pdf = render(samples.intent_letter(), LH)
    reader = PdfReader(io.BytesIO(pdf))
    font_objects = reader.pages[0]["/Resources"]["/Font"]
    descendants = [f.get_object() for f in font_objects.values()]
    assert any("/DescendantFonts" in f or "/FontDescriptor" in f for f in descendants)
    assert b"/FontFile2" in pdf  # TrueType outlines embedded


@pytest.mark.skipif(not __import__("os").path.isfile(WQY), reason="WenQuanYi Micro Hei not installed")
def test_preferred_path_wins_and_takes_a_subfont_index(fresh_fonts):
    choice = fonts.choose_font(f"{WQY}#0", [])
    assert choice.path == WQY and choice.subfont_index == 0 and choice.embedded


def test_missing_preferred_font_falls_back_with_a_warning(fresh_fonts, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="ipguard.documents"):
        choice = fonts.choose_font(str(tmp_path / "nope.ttf"), [])
    assert choice.name == fonts.FALLBACK_CID_FONT and not choice.embedded and choice.path is None
    assert "nope.ttf" in caplog.text


def test_cff_and_broken_fonts_are_skipped(fresh_fonts, tmp_path):
    cff = tmp_path / "NotoSansCJK.otf"
    cff.write_bytes(b"OTTO" + b"\0" * 64)
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\0\1\0\0garbage")
    assert fonts.is_cff(cff)
    choice = fonts.choose_font(None, [(str(cff), 0), (str(broken), 0)])
    assert choice.name == fonts.FALLBACK_CID_FONT


def test_cid_fallback_still_produces_a_letter(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "system_candidates", lambda: [])
    monkeypatch.setattr(fonts, "bold_candidates", lambda: [])
    assert fonts.resolve_font().name == fonts.FALLBACK_CID_FONT
    pdf = render(samples.intent_letter(), LH)
    assert pdf.startswith(b"%PDF-") and b"STSong-Light" in pdf
    text = _flat(pdf)
    assert "人民币叁佰万元整" in text and samples.intent_letter().letter_no in text
    assert pdf == render(samples.intent_letter(), LH)
