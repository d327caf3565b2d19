"""``ipguard casefile export CASE_NO --out FILE.zip`` and ``ipguard casefile verify FILE.zip``.

``export`` writes the case file (every attachment and every issued document,
a folder per stage, a manifest with SHA-256s and the audit chain head); it
signs in (see :mod:`ipguard.cli.credentials`) because the export is audited.
``verify`` checks such a zip against its manifest without extracting
anything; it exits 1 listing each problem. See docs/casefile.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.errors import NotFoundError


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "casefile", "导出或校验案件电子档案", "export or verify a case file (电子档案)")
    actions = parser.add_subparsers(dest="casefile_action", metavar="ACTION", required=True)
    export = add_command(actions, "export", "把案件的全部附件和文书导出为 zip（按阶段分文件夹，附清单）",
                         "export every attachment and issued document of a case as a zip (a folder per stage, with a manifest)")
    export.add_argument("case_no", metavar="CASE_NO", help=t("案件编号，如 KYD-2026-0001", "case number, e.g. KYD-2026-0001"))
    export.add_argument("--out", required=True, metavar="FILE.zip", help=t("zip 写到哪里", "where to write the zip"))
    credentials.add_arguments(export)
    export.set_defaults(func=run_export)
    verify = add_command(actions, "verify", "按清单校验导出的档案 zip；有问题时以状态 1 退出并逐条列出",
                         "check an exported case-file zip against its manifest; exit 1 listing each problem")
    verify.add_argument("zip", metavar="FILE.zip", help=t("要校验的 zip", "the zip to check"))
    verify.set_defaults(func=run_verify)


def run_export(args: argparse.Namespace) -> int:
    from ipguard.casefile.export import export_case_file
    from ipguard.outputs import check_target
    from ipguard.store import open_store
    from ipguard.store.dialect import is_postgres_target

    db = require_db(args)
    on_server = is_postgres_target(db)
    if not on_server and not Path(db).expanduser().exists():
        raise NotFoundError("not_found", what="数据库文件", ident=db)
    out = check_target(args.out, protect=[] if on_server else [db])
    given = credentials.check_given(args)
    with open_store(db, create=False, credentials=given) as store:
        case = store.repos.cases.by_no(args.case_no)
        user = credentials.sign_in(store, args, given)
        result = export_case_file(store, case.id, user, out)
    print(t(f"已导出 {case.case_no} 的电子档案：{result.files} 个文件，{result.bytes} 字节，zip 的 SHA-256 {result.sha256} → {out}",
            f"exported the case file of {case.case_no}: {result.files} files, {result.bytes} bytes, zip SHA-256 {result.sha256} → {out}"))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from ipguard.casefile.export import verify_zip

    path = Path(args.zip).expanduser()
    if not path.is_file():
        raise NotFoundError("not_found", what="文件", ident=str(path))
    report = verify_zip(path)
    for problem in report.problems:
        print(t(f"不符：{problem}", f"problem: {problem}"), file=sys.stderr)
    if report.ok:
        head = report.audit_head
        print(t(f"档案完整：{report.case_no}，{report.checked} 个文件与清单一致；导出时审计链 {head.get('count')} 条，链头 {head.get('hash')}",
                f"case file intact: {report.case_no}, {report.checked} files match the manifest; audit chain at export: "
                f"{head.get('count')} entries, head {head.get('hash')}"))
        return 0
    if not report.problems:
        print(t("档案中没有文件", "the case file holds no files"), file=sys.stderr)
    return 1
