"""Running an action once more when the server undid it to break a lock conflict.

On a team server, PostgreSQL may end a transaction that waits in a deadlock, or that a serializable
snapshot cannot order, and undo it in full (``StoreError("server_conflict")``, see :mod:`ipguard.store.pg`
for why only a session outside ipguard can cause one). Nothing of the action was saved and nothing of
it was shown, so running the same call again is safe; after ``ATTEMPTS`` tries the user sees the message
and decides. Every other error, a stale version above all, is never retried: it needs the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from ipguard import messages
from ipguard.errors import StoreError

if TYPE_CHECKING:
    from ipguard.store.core import Store

P = ParamSpec("P")
T = TypeVar("T")

ATTEMPTS = 3
SERVER_CONFLICT = "server_conflict"
RETRIED_KEYS = frozenset({SERVER_CONFLICT})

messages.register(
    {
        SERVER_CONFLICT: (
            "数据库服务器“{server}”为解开与其他会话的锁冲突撤销了本次修改，没有保存任何内容。请重试",
            "the database server “{server}” undid this change to resolve a lock conflict with another session; "
            "nothing was saved. Try again",
        ),
    }
)


def retrying(store: Store, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)``, called again (at most ``ATTEMPTS`` times in all) while the server undoes it.

    Only while nothing of the call was committed on ``store``: a call whose first transaction went through
    and whose second was undone is not run again (that would do the first twice); the user sees why.
    """
    for attempt in range(1, ATTEMPTS + 1):
        committed = store.commits
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            if exc.key not in RETRIED_KEYS or attempt == ATTEMPTS or store.commits != committed:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises
