"""``ipguard audit verify|head --db PATH``: check the audit hash chain, print its head.

With ``--user`` both read as that user (on a team server they connect as his login role); without it,
as the file is or as the connection string names (:func:`ipguard.cli.credentials.for_reading`). A sign-in
is itself an audit entry, so the chain then counts it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t

if TYPE_CHECKING:
    from ipguard.store.core import Store


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "audit", "校验审计链或显示链头", "verify the audit trail's hash chain or print its head")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True, parser_class=type(parser))
    verify = add_command(actions, "verify", "重算整条审计链；如有断点，以状态 1 退出并指出第一条", "recompute the whole chain; exit 1 naming the first broken entry")
    verify.add_argument("--against", metavar="ANCHOR", action="append", default=[],
                        help=t("核对锚点：“条数:哈希”、备份的 .json 说明文件或本系统出具的 PDF（可重复）",
                               "check an anchor: COUNT:HASH, a backup's .json sidecar or a PDF ipguard issued (repeatable)"))
    credentials.add_arguments(verify)
    verify.set_defaults(func=run_verify)
    head = add_command(actions, "head", "显示条数与链头哈希（请保存在数据库之外）", "print the entry count and the head hash (keep them outside the database)")
    credentials.add_arguments(head)
    head.set_defaults(func=run_head)


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Store]:
    """The database, opened as ``--user`` when given (refused before connecting without his password; a
    wrong password is refused before anything is read)."""
    from ipguard.store import open_store

    db = require_db(args)
    given = credentials.for_reading(args)
    with open_store(db, create=False, credentials=given) as store:
        if given is not None:
            credentials.sign_in(store, args, given)
        yield store


def run_verify(args: argparse.Namespace) -> int:
    from ipguard import anchors

    wanted = [anchors.parse(a) for a in getattr(args, "against", [])]  # refused before the database is opened
    with _opened(args) as store:
        result = store.verify_audit()
        head = store.audit_head()
        checked = [(a, store.check_anchor(a.count, a.hash)) for a in wanted]
        edited = store.check_rows()
    for m in edited:
        print(t(f"数据被绕过 ipguard 直接修改：{m.describe()}", f"edited outside ipguard: {m.describe()}"), file=sys.stderr)
    broken = [(a, r) for a, r in checked if not r.ok]
    for a, r in broken:
        print(t(f"与锚点不符（{a.source}，{a.count} 条，{a.hash[:16]}…）：{r.problem}",
                f"does NOT extend the anchor ({a.source}, {a.count} entries, {a.hash[:16]}…): {r.problem}"), file=sys.stderr)
    for a, _r in checked:
        if _r.ok:
            print(t(f"延续锚点：{a.source}（{a.count} 条）", f"extends the anchor {a.source} ({a.count} entries)"))
    if result.ok and (broken or edited):
        return 1
    if result.ok:
        print(t(f"审计链完整：已校验 {result.checked} 条，链头 {head.hash}", f"audit chain intact: {result.checked} entries checked, head {head.hash}"))
        return 0
    print(
        t(f"审计链在第 {result.first_broken_seq} 条断开：{result.problem}（此前 {result.checked} 条校验无误）",
          f"audit chain BROKEN at entry {result.first_broken_seq}: {result.problem} ({result.checked} entries before it verified)"),
        file=sys.stderr,
    )
    return 1


def run_head(args: argparse.Namespace) -> int:
    with _opened(args) as store:
        head = store.audit_head()
    print(t(f"审计条数：{head.count}", f"audit entries: {head.count}"))
    print(t(f"链头哈希：{head.hash}", f"head hash: {head.hash}"))
    return 0
