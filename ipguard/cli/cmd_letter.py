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
import os
import tempfile
from pathlib import Path

from ipguard import messages
from ipguard.errors import NotFoundError, ValidationError

KIND_ARGS = {
    "intent": "intent_letter",
    "notice": "disbursement_notice",
    "report": "investigation_report",
    "resolution": "committee_resolution",
}

messages.register(
    {
        "no_admin": ("数据库中没有可用的管理员账号，请用 --user 指定出具人", "no active admin in the database; name the issuer with --user"),
        "out_unwritable": ("无法写入“{path}”：{detail}", "cannot write “{path}”: {detail}"),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="issue or reprint a case's document as PDF (intent letter, notice, report, resolution)",
        description="出具或重印案件文书（担保意向函、放款通知书、调查报告、保审会决议）",
    )
    parser.add_argument("kind", choices=tuple(KIND_ARGS), help="which document")
    parser.add_argument("case_no", metavar="CASE_NO", help="case number, e.g. KYD-2026-0001")
    parser.add_argument("--db", required=True, help="database file")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--user", metavar="USERNAME", help="acting user when the document is issued now (default: the first admin)")
    parser.set_defaults(func=run)


def _acting_user(store, username: str | None):
    from ipguard.domain import Role

    if username:
        user = store.repos.users.by_username(username)
        if user is None or not user.active:
            raise NotFoundError("not_found", what="用户", ident=username)
        return user
    admins = [u for u in store.repos.users.with_role(Role.ADMIN) if u.active]
    if not admins:
        raise ValidationError("user", "no_admin")
    return min(admins, key=lambda u: u.id)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the whole new one."""
    path = path.expanduser().resolve()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ValidationError("out", "out_unwritable", path=str(path), detail=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ValidationError("out", "out_unwritable", path=str(path), detail=exc.strerror or str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from ipguard.documents.service import KINDS, issue_document
    from ipguard.store import open_store

    kind = KIND_ARGS[args.kind]
    if not Path(args.db).expanduser().exists():
        raise NotFoundError("not_found", what="数据库文件", ident=args.db)
    with open_store(args.db, create=False) as store:
        case = store.repos.cases.by_no(args.case_no)
        user = _acting_user(store, args.user)
        issued = issue_document(store, case.id, kind, user)
    out = Path(args.out)
    write_atomically(out, issued.pdf)
    verb = "重印" if issued.reprint else "已出具"
    print(f"{verb}{KINDS[kind]} {issued.doc_no}（{case.case_no}，{len(issued.pdf)} 字节，SHA-256 {issued.sha256[:16]}…）→ {out}")
    return 0
