"""``ipguard assess``: screen one applicant (JSON) or a spreadsheet of them (xlsx).

``ipguard assess FILE.json`` prints the assessment as JSON (exit 0 whether or
not eligible; exit 2 with one line naming the field when the input is
invalid). ``ipguard assess --xlsx IN.xlsx --out OUT.xlsx`` screens every row
of the batch template and writes the results beside the input columns; rows
that cannot be read are marked with the reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ipguard import messages
from ipguard.cli.common import Subparsers, add_command, t
from ipguard.data_files import resource_path
from ipguard.errors import ValidationError
from ipguard.money import parse_yuan

if TYPE_CHECKING:
    from ipguard.products import ProductParams

messages.register(
    {
        "file_unreadable": ("无法读取文件“{path}”：{detail}", "cannot read “{path}”: {detail}"),
        "json_invalid": (
            "不是有效的 JSON（第{line}行第{col}列：{detail}）",
            "not valid JSON (line {line}, column {col}: {detail})",
        ),
        "assess_args": (
            "请给出一个 JSON 文件，或同时给出 --xlsx 与 --out",
            "give one JSON file, or both --xlsx and --out",
        ),
    }
)
messages.register_fields(
    {"client_in_force": ("该客户在保余额", "client in force")}
)


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers,
        "assess",
        "准入筛查、知识产权价值认定与担保额测算",
        "screen an applicant against the product's access criteria and value its IP",
    )
    parser.add_argument("file", nargs="?", help=t("申请人 JSON 文件（字段见 docs/assess-json.md 或 --example）；“-”读标准输入",
                                                  "applicant JSON file (fields: docs/assess-json.md or --example); '-' reads standard input"))
    parser.add_argument("--example", action="store_true", help=t("打印一个完整的申请人 JSON 示例", "print a complete sample applicant JSON"))
    parser.add_argument("--xlsx", metavar="IN.xlsx", help=t("筛查按批量模板填写的表格", "screen a spreadsheet made from the batch template"))
    parser.add_argument("--out", metavar="OUT.xlsx", help=t("筛查结果表格写到哪里", "where to write the screened spreadsheet"))
    parser.add_argument("--product", default="kuaiyidai", help=t("内置产品代码（默认 kuaiyidai）", "built-in product code (default: kuaiyidai)"))
    parser.add_argument("--params", metavar="FILE.toml", help=t("改用此产品参数文件", "use this product parameter file instead of the built-in one"))
    parser.add_argument("--net-assets", metavar="YUAN", help=t("担保公司净资产（元），用于单一客户限额", "the guarantor's net assets (yuan), for the single-client limit"))
    parser.add_argument("--in-force", metavar="YUAN", default="0", help=t("该客户（含关联方）已有担保余额（元）", "what the client (with related parties) already has guaranteed (yuan)"))
    parser.set_defaults(func=run)


def _product(args: argparse.Namespace) -> ProductParams:
    from ipguard.products import load_product, parse_product

    if args.params:
        path = Path(args.params)
        return parse_product(_read_text(path), source=str(path))
    return load_product(args.product)


def _read_text(path: Path) -> str:
    try:
        if str(path) == "-":
            return sys.stdin.read()
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            "file", "file_unreadable", path=str(path), detail=getattr(exc, "strerror", None) or str(exc)
        ) from None


def load_applicant_json(path: Path) -> object:
    """Parse an applicant JSON file; malformed JSON raises ValidationError with the position."""
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(str(path), "json_invalid", line=exc.lineno, col=exc.colno, detail=exc.msg) from None


def example_applicant_text() -> str:
    """The complete sample applicant shipped with ipguard (resources/examples/applicant.json)."""
    return resource_path("examples", "applicant.json").read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from ipguard.rules.assess import Applicant, assess

    if args.example:
        sys.stdout.write(example_applicant_text())
        return 0
    if bool(args.xlsx) != bool(args.out) or bool(args.xlsx) == bool(args.file):
        raise ValidationError("file", "assess_args")
    product = _product(args)
    net_assets = parse_yuan(args.net_assets, "guarantor_net_assets") if args.net_assets else None
    in_force = parse_yuan(args.in_force, "client_in_force")
    if args.xlsx:
        from ipguard.imports.batch import screen_workbook

        summary = screen_workbook(
            Path(args.xlsx), Path(args.out), product, guarantor_net_assets=net_assets, client_in_force=in_force
        )
        print(summary.one_line())
        return 0
    data = load_applicant_json(Path(args.file))
    applicant = Applicant.from_json(data)  # type: ignore[arg-type]
    result = assess(applicant, product, guarantor_net_assets=net_assets, client_in_force=in_force)
    json.dump(result.to_json(args.lang), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
