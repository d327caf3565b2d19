"""ipguard.store.retry: only a transaction the server undid in a lock conflict is run again, and only so often."""

from __future__ import annotations

import pytest

from ipguard.errors import ConflictError, StoreError
from ipguard.store.retry import ATTEMPTS, retrying


def _failing(times: int, error: Exception) -> tuple[list[int], object]:
    calls: list[int] = []

    def action(value: str, *, twice: bool) -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return value * (2 if twice else 1)

    return calls, action


def test_an_action_undone_by_the_server_runs_again_with_the_same_arguments() -> None:
    calls, action = _failing(ATTEMPTS - 1, StoreError("server_conflict", server="db/ipguard"))
    assert retrying(action, "ok", twice=True) == "okok"  # type: ignore[arg-type]
    assert len(calls) == ATTEMPTS


def test_the_user_sees_the_conflict_after_the_last_attempt() -> None:
    calls, action = _failing(ATTEMPTS, StoreError("server_conflict", server="db/ipguard"))
    with pytest.raises(StoreError) as err:
        retrying(action, "ok", twice=False)  # type: ignore[arg-type]
    assert err.value.key == "server_conflict" and len(calls) == ATTEMPTS


@pytest.mark.parametrize("error", [ConflictError("stale_version", current=3, yours=2), StoreError("server_lost", server="x"),
                                   StoreError("db_locked", seconds=10), ValueError("a bug")])
def test_nothing_else_is_ever_run_twice(error: Exception) -> None:
    calls, action = _failing(1, error)
    with pytest.raises(type(error)):
        retrying(action, "ok", twice=False)  # type: ignore[arg-type]
    assert len(calls) == 1
