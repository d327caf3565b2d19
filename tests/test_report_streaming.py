"""Report rows streamed: a server-side cursor on the server (issue 20, Deliver 5), fetchmany on the file."""

from __future__ import annotations

import datetime as dt

from ipguard import clock
from tests.test_reports_db import TODAY, walk
from tests.workflow_helpers import cast

D = dt.date


def test_in_force_rows_come_batch_by_batch_through_a_server_side_cursor_on_the_server(store) -> None:
    with clock.frozen(dt.datetime.combine(TODAY, dt.time(10))):
        c = cast(store)
        ids = [walk(store, c, seed, applied=D(2026, 10, 8), decided=D(2026, 10, 20), start=D(2026, 10, 28),
                    maturity=D(2027, 10, 27)) for seed in (21, 22, 23)]
    with store.read_snapshot():
        rows = store.repos.reporting.in_force(D(2026, 11, 30), batch=1)
        first = next(rows)
        if store.is_server:  # the result stays on the server, held by a named cursor, while the report reads
            cursors = [r[0] for r in store.db.conn.raw.execute("SELECT name FROM pg_cursors").fetchall()]
            assert any(name.startswith("ipguard_stream_") for name in cursors)
        rest = list(rows)
        if store.is_server:  # and is closed once read
            assert store.db.conn.raw.execute("SELECT count(*) FROM pg_cursors").fetchone()[0] == 0
    assert sorted(r.case_id for r in [first, *rest]) == sorted(ids)
    # Outside a read snapshot too (a cursor WITH HOLD on the server).
    assert sorted(r.case_id for r in store.repos.reporting.in_force(D(2026, 11, 30), batch=2)) == sorted(ids)
