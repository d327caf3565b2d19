"""``ipguard assess FILE.json``: JSON out, exit 0; invalid input: exit 2, one line naming the field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipguard.cli import main
from tests._assess_data import USCC, applicant, asset


def write(tmp_path: Path, data: object, name: str = "applicant.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["assess", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_eligible_applicant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(write(tmp_path, applicant())))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["eligible"] is True
    assert [r["id"] for r in data["rules"]] == [
        "annual_sales", "pledgeable_ip", "company_credit", "controller_credit",
        "counter_guarantee", "no_major_negative", "net_assets", "loan_to_sales",
    ]  # fmt: skip
    assert {"id", "outcome", "value", "threshold", "reason"} <= set(data["rules"][0])
    assert data["recognized_value"] == "2400000.00"
    assert data["guarantee_amount"] == "1000000.00"
    assert data["fee"] == "10000.00"
    assert all({"name", "amount", "explanation"} <= set(c) for c in data["amount_chain"])
    assert data["params_version"] == "2026.1"
    assert "上海某某科技有限公司" in out  # ensure_ascii=False
    assert out.startswith('{\n  "eligible"')  # indent 2


def test_issue_example_is_not_eligible_but_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The example of issue 3 verbatim: loans 0.5M + 1M on 3.5M sales = 42.86% → needs a justification.
    data = applicant(company={"existing_bank_loans": "500000.00"})
    del data["ip_assets"][0]["used_in_main_products"]
    del data["ip_assets"][0]["title"]
    del data["justification"]
    code, out, _ = run(capsys, str(write(tmp_path, data)))
    assert code == 0
    result = json.loads(out)
    assert result["eligible"] is False
    assert result["rules"][7]["outcome"] == "justify" and result["rules"][7]["value"] == "0.4286"
    assert result["guarantee_amount"] == "0.00"


def test_more_than_one_ip_type_and_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = applicant(assets=[asset(), asset(type="trademark", number="12345678", nice_class=9, expiry_date="2031-05-06")])
    code, out, _ = run(capsys, str(write(tmp_path, data)), "--net-assets", "9000000", "--in-force", "100000")
    assert code == 0
    result = json.loads(out)
    chain = {c["name"]: c for c in result["amount_chain"]}
    assert chain["single_client_limit"]["amount"] == "800000.00"
    assert result["guarantee_amount"] == "800000.00"
    assert len(result["asset_values"]) == 2


def _one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["company"].pop("annual_sales"), "年销售额"),
        (lambda d: d.pop("requested_amount"), "申请金额"),
        (lambda d: d.pop("company"), "企业信息"),
        (lambda d: d["company"].pop("company_credit_good"), "企业信用记录良好"),
        (lambda d: d.update(requested_amount="-1000.00"), "申请金额"),
        (lambda d: d["company"].update(existing_bank_loans="-5.00"), "现有银行贷款"),
        (lambda d: d["company"].update(uscc=USCC[:-1] + ("0" if USCC[-1] != "0" else "1")), "统一社会信用代码"),
        (lambda d: d["ip_assets"][0].update(number="ZL202110123456.8"), "第1项 专利/登记号"),
        (lambda d: d["ip_assets"][0].update(type="patent"), "第1项 知识产权类型"),
        (lambda d: d.update(term_months=0), "期限"),
        (lambda d: d.update(application_date="2026-02-30"), "申请日期"),
        (lambda d: d.update(ip_assets="none"), "知识产权清单"),
    ],
)
def test_invalid_input_exit_2_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], mutate, expected: str) -> None:
    data = applicant()
    mutate(data)
    line = _one_line_error(*run(capsys, str(write(tmp_path, data))))
    assert expected in line


def test_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, '{"company": {"name": "x",}')
    line = _one_line_error(*run(capsys, str(path)))
    assert "JSON" in line and "applicant.json" in line and "第1行" in line


def test_not_an_object_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "JSON 对象" in _one_line_error(*run(capsys, str(write(tmp_path, "[1, 2]"))))
    assert "无法读取" in _one_line_error(*run(capsys, str(tmp_path / "missing.json")))


def test_needs_a_file_or_xlsx_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _one_line_error(*run(capsys))
    _one_line_error(*run(capsys, "--xlsx", str(tmp_path / "in.xlsx")))


def test_edited_params_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ipguard.products import load_product

    params = tmp_path / "edited.toml"
    params.write_text(load_product().raw_text.replace('version = "2026.1"', 'version = "2026.9"'), encoding="utf-8")
    code, out, _ = run(capsys, str(write(tmp_path, applicant())), "--params", str(params))
    assert code == 0 and json.loads(out)["params_version"] == "2026.9"
    params.write_text(load_product().raw_text.replace('trademark = "0.40"', 'trademark = "-0.40"', 1), encoding="utf-8")
    line = _one_line_error(*run(capsys, str(write(tmp_path, applicant())), "--params", str(params)))
    assert "amount.pledge_rates.trademark" in line


def test_subprocess_no_traceback(tmp_path: Path) -> None:
    bad = applicant()
    bad["requested_amount"] = "-1"
    proc = subprocess.run(
        [sys.executable, "-m", "ipguard", "assess", str(write(tmp_path, bad))], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "申请金额" in proc.stderr
    good = subprocess.run(
        [sys.executable, "-m", "ipguard", "assess", str(write(tmp_path, applicant(), "ok.json"))],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert good.returncode == 0 and json.loads(good.stdout)["eligible"] is True
