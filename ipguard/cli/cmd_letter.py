"""``ipguard letter intent|notice|report|resolution CASE_NO --db PATH --out FILE.pdf``.

Writes the case's document: the archived bytes when it was issued already (a
byte-identical reprint), else issues it now if the case's stage allows it
(investigation report, committee resolution). Intent letters and disbursement
notices are issued by their workflow steps, so for those this only reprints.
A refusal exits 2 with one line naming the stage the case is in. The file is
written atomically (temporary file in the same folder, then renamed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.errors import NotFoundError
from ipguard.outputs import check_target, write_output

KIND_ARGS = {
    "intent": "intent_letter",
    "notice": "disbursement_notice",
    "report": "investigation_report",
    "resolution": "committee_resolution",
}

def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers,
        "letter",
        "出具或重印案件文书（担保意向函、放款通知书、调查报告、保审会决议）",
        "issue or reprint a case's document as PDF (intent letter, notice, report, resolution)",
    )
    parser.add_argument("kind", choices=tuple(KIND_ARGS), help=t("文书种类", "which document"))
    parser.add_argument("case_no", metavar="CASE_NO", help=t("案件编号，如 KYD-2026-0001", "case number, e.g. KYD-2026-0001"))
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=t("PDF 写到哪里", "where to write the PDF"))
    credentials.add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.documents.service import KINDS, IssuedDocument, issue_document
    from ipguard.store import open_store
    from ipguard.store.dialect import is_postgres_target
    from ipguard.store.retry import retrying

    kind = KIND_ARGS[args.kind]
    db = require_db(args)
    if not is_postgres_target(db) and not Path(db).expanduser().exists():  # a server is checked when connected
        raise NotFoundError("not_found", what="数据库文件", ident=db)
    out = check_target(args.out, protect=[db])  # refused before anything is issued or audited
    given = credentials.check_given(args)  # no password, no command
    with open_store(db, create=False, credentials=given) as store:
        case = store.repos.cases.by_no(args.case_no)
        user = credentials.sign_in(store, args, given)

        def issue() -> IssuedDocument:
            # One transaction: if the file cannot be written, no number is used and no
            # issue or reprint is audited.
            with store.transaction():
                issued = issue_document(store, case.id, kind, user)
                write_output(out, issued.pdf, protect=[store.path] if store.path else [])
            return issued

        issued = retrying(store, issue)  # again when a team server undid it in a lock conflict
    verb = t("重印" if issued.reprint else "已出具", "reprinted" if issued.reprint else "issued")
    print(t(f"{verb}{KINDS[kind]} {issued.doc_no}（{case.case_no}，{len(issued.pdf)} 字节，SHA-256 {issued.sha256[:16]}…）→ {out}",
            f"{verb} {kind} {issued.doc_no} ({case.case_no}, {len(issued.pdf)} bytes, SHA-256 {issued.sha256[:16]}…) → {out}"))
    return 0
