"""Render the four documents for a stress case and write them as PDF and PNG.

    python scripts/render_stress_documents.py [OUT_DIR] [--dpi 60]

A 46-character borrower name with CJK Extension A and B characters, a
controller named with an Extension B character, 15 pledged assets (one
co-owned, trademarks with classes), a 10,050,000.00 loan on a conditional
approval — the case issue 16 was checked with. Needs fonts covering the
extensions (``fonts-hanazono`` on Debian/Ubuntu); otherwise rendering is refused
naming the character.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ipguard.documents import PledgedAssetLine, render, samples
from ipguard.domain import IpType

NAME = "上海䶮㐀𠀀𪚥浦东新区张江高科技园区集成电路与射频微电子芯片设计研发及测试服务有限公司"
CONTROLLER = "王𪚥喆"
LOAN = 1_005_000_000  # fen: 10,050,000.00


def assets() -> tuple[PledgedAssetLine, ...]:
    lines = []
    for i in range(15):
        if i % 5 == 3:
            lines.append(PledgedAssetLine(IpType.TRADEMARK, f"4567891{i % 10}", f"芯驰{i}", NAME, f"ZC2026000{i:03d}",
                                          200_000_00, nice_class=9 + i % 3 * 33))  # fmt: skip
        else:
            owner, sole = (f"{NAME}、{CONTROLLER}", False) if i == 7 else (NAME, True)
            lines.append(PledgedAssetLine(IpType.INVENTION_PATENT, f"ZL20211012345{i % 10}.7",
                                          f"一种低功耗射频收发芯片的时钟校准方法及其电路（第{i + 1}项）", owner,
                                          f"Y2026310000{i:03d}", 600_000_00, sole_owner=sole))  # fmt: skip
    return tuple(lines)


def documents():
    a = assets()
    conditions = ("借款人须在贷款银行开立结算账户，并归集不低于贷款金额30%的销售回款",
                  f"实际控制人{CONTROLLER}及其配偶提供个人无限连带责任保证反担保", "放款前完成全部质押知识产权的质押登记")  # fmt: skip
    yield "intent_letter", dataclasses.replace(
        samples.intent_letter(), borrower_name=NAME, controller_name=CONTROLLER, loan_amount=LOAN, guarantee_amount=LOAN,
        assets=a, decision="approve_with_conditions", conditions=conditions, resolution_no="浦科担审〔2026〕31号",
        bank_share_bp=1500, guarantee_scope="借款合同项下的借款本金、利息、罚息、复利及实现债权的费用",
        guarantee_period="借款合同约定的债务履行期限届满之日起三年", cc=("上海市浦东新区知识产权融资促进会",),
        replaces_no="浦科担函〔2026〕11号")  # fmt: skip
    yield "disbursement_notice", dataclasses.replace(
        samples.disbursement_notice(), borrower_name=NAME, loan_amount=LOAN, guarantee_amount=LOAN, registrations=a,
        pledge_contract_no="ZY2026-0047", counter_guarantee_contract_no="FD2026-0047", controller_name=CONTROLLER,
        cc=("上海市浦东新区知识产权融资促进会",))  # fmt: skip
    yield "investigation_report", dataclasses.replace(
        samples.investigation_report(), company_name=NAME, controller_name=CONTROLLER, requested_amount=LOAN,
        guarantee_amount=LOAN, assets=a)  # fmt: skip
    yield "committee_resolution", dataclasses.replace(
        samples.committee_resolution(), borrower_name=NAME, loan_amount=LOAN, guarantee_amount=LOAN, conditions=conditions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default="out/stress_docs")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for kind, doc in documents():
        pdf = out / f"{kind}-stress.pdf"
        pdf.write_bytes(render(doc, samples.LETTERHEAD))
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
        print(f"{kind} -> {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
