"""ipguard.store.retry: only a call the server undid in a lock conflict, with nothing of it committed, is
run again, and only so often."""

from __future__ import annotations

import pytest

from ipguard.domain import Role
from ipguard.errors import ConflictError, StoreError
from ipguard.store.retry import ATTEMPTS, SERVER_CONFLICT, retrying
from tests import factories


def _failing(times: int, error: Exception) -> tuple[list[int], object]:
    calls: list[int] = []

    def action(value: str, *, twice: bool) -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return value * (2 if twice else 1)

    return calls, action


def test_an_action_undone_by_the_server_runs_again_with_the_same_arguments(store) -> None:
    calls, action = _failing(ATTEMPTS - 1, StoreError(SERVER_CONFLICT, server="db/ipguard"))
    assert retrying(store, action, "ok", twice=True) == "okok"  # type: ignore[arg-type]
    assert len(calls) == ATTEMPTS


def test_the_user_sees_the_conflict_after_the_last_attempt(store) -> None:
    calls, action = _failing(ATTEMPTS, StoreError(SERVER_CONFLICT, server="db/ipguard"))
    with pytest.raises(StoreError) as err:
        retrying(store, action, "ok", twice=False)  # type: ignore[arg-type]
    assert err.value.key == SERVER_CONFLICT and len(calls) == ATTEMPTS


@pytest.mark.parametrize("error", [ConflictError("stale_version", current=3, yours=2), StoreError("server_lost", server="x"),
                                   StoreError("db_locked", seconds=10), ValueError("a bug")])
def test_nothing_else_is_ever_run_twice(store, error: Exception) -> None:
    calls, action = _failing(1, error)
    with pytest.raises(type(error)):
        retrying(store, action, "ok", twice=False)  # type: ignore[arg-type]
    assert len(calls) == 1


def test_a_call_that_committed_before_it_was_undone_is_not_run_again(store) -> None:
    """Its first transaction went through: running it again would do that twice."""
    calls: list[int] = []

    def two_steps() -> None:
        calls.append(1)
        factories.user(store, f"clerk{len(calls)}", Role.OPERATIONS)  # one committed transaction
        raise StoreError(SERVER_CONFLICT, server="db/ipguard")  # the second one, undone by the server

    with pytest.raises(StoreError):
        retrying(store, two_steps)
    assert len(calls) == 1
