"""Write a monthly workbook from made-up data, and measure the writer.

    python scripts/sample_monthly_report.py                 # 60 in-force rows -> sample_monthly_report.xlsx
    python scripts/sample_monthly_report.py --rows 10000 --out m.xlsx
    python scripts/sample_monthly_report.py --rows 100000 --out m.xlsx

Rows are generated lazily (a generator, never a list) so the peak memory
printed is the writer's, not the test data's. Prints elapsed seconds, rows
per second and the process's peak RSS (Linux/macOS ``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from ipguard.money import mul_ratio
from ipguard.reports import (
    CompensationRow,
    InForceRow,
    MonthlySummary,
    MovementRow,
    ReportMeta,
    TurnaroundRow,
    write_monthly,
)

BANKS = ["上海银行浦东分行", "浦发银行张江科技支行", "交通银行上海自贸区分行", "中国银行上海市浦东开发区支行",
         "招商银行上海分行", "农业银行上海张江支行", "北京银行上海分行"]  # fmt: skip
MANAGERS = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]
INDUSTRIES = ["集成电路", "生物医药", "人工智能", "高端装备", "新材料", "软件和信息服务", "新能源汽车", ""]
IP_TYPES = ["发明专利", "实用新型", "注册商标", "软件著作权", "发明专利、注册商标", "发明专利、软件著作权"]
MONTH = date(2026, 11, 1)
MONTH_END = date(2026, 11, 30)


def company(i: int) -> str:
    words = ["芯", "智", "康", "联", "科", "微", "源", "光", "数", "创"]
    return f"上海{words[i % 10]}{words[(i // 10) % 10]}{words[(i // 100) % 10]}科技有限公司（{i:05d}）"


def in_force_rows(n: int, rnd: random.Random) -> Iterator[InForceRow]:
    for i in range(n):
        amount = rnd.randrange(50, 1000) * 1_000_000  # 50万 – 1000万 yuan in fen
        start = MONTH_END - timedelta(days=rnd.randrange(0, 360))
        maturity = start + timedelta(days=365)
        bank_share = Decimal(rnd.choice(["0.10", "0.20", "0"]))
        re_share = Decimal(rnd.choice(["0.40", "0.50", "0"]))
        retained = mul_ratio(mul_ratio(amount, 1 - bank_share), 1 - re_share)
        weight = Decimal("0.75") if amount <= 500_000_000 else Decimal(1)
        yield InForceRow(
            case_no=f"KYD-2026-{i:06d}", company=company(i), uscc=f"91310115MA1K{i:06d}",
            bank=rnd.choice(BANKS), account_manager=rnd.choice(MANAGERS), industry=rnd.choice(INDUSTRIES),
            ip_types=rnd.choice(IP_TYPES), guarantee_amount=amount, loan_amount=amount, loan_start=start,
            maturity=maturity, fee=mul_ratio(amount, Decimal("0.008")), days_to_maturity=(maturity - MONTH_END).days,
            bank_share=bank_share, reguarantor_share=re_share, retained_balance=retained,
            weighted_liability=mul_ratio(retained, weight),
        )  # fmt: skip


def movements(n: int, rnd: random.Random, note: str) -> list[MovementRow]:
    return [
        MovementRow(f"KYD-2026-{9000 + i:06d}", company(9000 + i), rnd.choice(BANKS), rnd.choice(MANAGERS),
                    rnd.randrange(100, 800) * 1_000_000, MONTH + timedelta(days=rnd.randrange(0, 30)), note)
        for i in range(n)
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60, help="in-force rows (default 60)")
    parser.add_argument("--out", type=Path, default=Path("sample_monthly_report.xlsx"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    rnd = random.Random(args.seed)

    new = movements(12, rnd, "")
    released = movements(5, rnd, "到期正常还款")
    comps = [CompensationRow("KYD-2025-000311", company(311), BANKS[0], date(2026, 11, 18), 300_000_000,
                             30_000_000, 135_000_000, 135_000_000, 12_000_000, "追偿中")]  # fmt: skip
    turnaround = []
    for m in new:
        days = rnd.randrange(9, 32)
        turnaround.append(TurnaroundRow(m.case_no, m.company, m.date - timedelta(days=days), m.date, days,
                                        days * 5 // 7, days <= 21))  # fmt: skip
    meta = ReportMeta("上海浦东科技融资担保有限公司", (2026, 11), datetime(2026, 12, 1, 9, 30),
                      audit_head_hash="9f2c" * 16, audit_count=48_213)  # fmt: skip
    summary = MonthlySummary(applications=31, screened_out=6, approved=14, declined=3, letters_issued=13,
                             guarantor_net_assets=1_200_000_000_00 * (1 + args.rows // 1000), recovered_amount=5_000_000)  # fmt: skip

    started = time.perf_counter()
    write_monthly(args.out, meta, summary, in_force_rows(args.rows, rnd), new, released, comps, turnaround)
    elapsed = time.perf_counter() - started
    peak = _peak_rss_mb()
    print(f"{args.rows:,} in-force rows -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    print(f"elapsed {elapsed:.2f} s, {args.rows / elapsed:,.0f} rows/s, peak RSS {peak:.0f} MB")
    return 0


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


if __name__ == "__main__":
    sys.exit(main())
