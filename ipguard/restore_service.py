"""Restore as a signed-in admin: the role checked in the core, the caller's own
connection let go so the restore can hold the file alone, and the restore
audited under his id (see :func:`ipguard.backup.restore`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipguard import auth
from ipguard.domain import Role
from ipguard.messages import Text

if TYPE_CHECKING:
    from ipguard.store.backup.restoring import RestoreResult
    from ipguard.store.core import Store
    from ipguard.store.records import UserRecord


def restore_as(
    store: Store,
    actor: UserRecord,
    from_backup: str | Path,
    *,
    run: Callable[[Callable[[], Any]], Any] | None = None,
    **options: Any,
) -> RestoreResult:
    """Restore ``store``'s file from ``from_backup`` as ``actor`` (an admin).

    ``store`` is closed first (a restore needs the file to itself). When the
    restore is refused, ``store`` is opened again as it was; after a restore
    the caller opens the file afresh and signs in again (the restored users
    and roles apply).

    ``run(work)`` runs the file work — checking the backup, then the restore —
    and returns what ``work()`` returns; by default it is called right here.
    The desktop passes one that runs it on a worker thread while the window
    stays responsive: the work opens its own connections from the paths, and
    ``store`` is closed and reopened only on the calling thread (it owns it).
    """
    from ipguard.backup import restore, verify_backup

    run = run or _here
    me = auth.require_role(actor, Role.ADMIN, Text("从备份恢复数据库", "restore the database from a backup"), store)
    assert store.path is not None
    # A bad backup is refused with the caller's connection untouched.
    run(lambda: verify_backup(Path(from_backup), require_sidecar=not options.get("without_sidecar", False)))
    path = store.path
    store.close()
    try:
        result: RestoreResult = run(lambda: restore(path, from_backup, user_id=me.id, **options))
        return result
    except BaseException:
        store.reconnect()
        raise


def _here(work: Callable[[], Any]) -> Any:
    return work()
