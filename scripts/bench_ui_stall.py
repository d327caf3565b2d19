"""The longest UI-thread stall over a scripted walk of one case; prints one JSON line.

    QT_QPA_PLATFORM=offscreen python scripts/bench_ui_stall.py --work DIR [--sync] [--bare]

A 5 ms QTimer heartbeat runs on the UI thread; the stall is the longest gap
between two beats (minus the interval). The walk, each step started from
the event loop as a click would be: the case workspace is opened at the
investigation stage; A signs the report, B signs it (the UI's sign buttons'
code path), the committee votes (core), a member forms the resolution, A
issues the letter of intent, the investigation report is issued and then
reprinted from the 文书 tab, and every tab is shown once (a click each: a
tab is built when first shown). ``--sync`` runs the
same walk with :func:`ui.tasks.run_blocking` doing the work on the UI thread
(the client before issue 15), ``--bare`` only beats over an idle bare window
for the same number of steps (the timer's own jitter). Confirmations are
answered yes and message boxes recorded instead of shown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BEAT_MS = 5


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.worst = 0.0
        self.ran: str | None = None  # the step started since the last beat
        self.offstage: set[str] = set()  # scripted stand-ins for other workstations: not counted
        self.by_step: dict[str, float] = {}
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        gap = now - self.last - BEAT_MS / 1000
        name, self.ran = self.ran or "idle", None
        self.by_step[name] = round(max(self.by_step.get(name, 0.0), gap * 1000), 1)
        if name not in self.offstage:
            self.worst = max(self.worst, gap)
        self.last = now


def run_steps(app, steps, beat) -> None:
    """Run each step from the event loop, one after the other, then quit."""
    from PySide6.QtCore import QTimer

    pending = list(steps)

    def next_step() -> None:
        if not pending:
            app.quit()
            return
        step = pending.pop(0)
        beat.ran = getattr(step, "__name__", "step")
        if getattr(step, "offstage", False):
            beat.offstage.add(beat.ran)
        step()
        QTimer.singleShot(20, next_step)

    QTimer.singleShot(50, next_step)


def walk(work: Path, sync: bool):
    from ipguard import workflow
    from ipguard.store import open_store
    from tests import workflow_helpers as wh
    from ui import errors as uierrors
    from ui import tasks
    from ui.session import Session
    from ui.workspace import CaseWorkspace
    from ui.workspace.tab_committee import CommitteeTab
    from ui.workspace.tab_documents import DocumentsTab
    from ui.workspace.tab_investigation import InvestigationTab
    from ui.workspace.tab_letter import LetterTab
    from ui.workspace.tabs import TAB_CLASSES

    uierrors.confirm_irreversible = lambda parent, action, consequence: True
    uierrors.message_box = lambda parent, icon, title, text: print(f"box: {title}: {text}", file=sys.stderr)
    uierrors.ask = lambda parent, title, text: True
    if sync:  # the work on the UI thread, as before ui.tasks
        tasks.run_blocking = lambda fn, label="", disable=(), name="": fn()
    db = work / ("walk-sync.sqlite" if sync else "walk.sqlite")
    db.unlink(missing_ok=True)
    store = open_store(db)
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=wh.day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, on=wh.day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=wh.day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    session = Session(store, c.a)
    state: dict[str, object] = {}

    def tab(kind):
        ws = state["ws"]
        return ws.tab(kind.__name__)

    def as_user(user):
        session.user = user
        session.signals.user_changed.emit()
        state["ws"].reload()

    def open_ws():
        ws = CaseWorkspace(session, case_id)
        ws.resize(1366, 720)
        ws.show()
        state["ws"] = ws

    def sign_a():
        tab(InvestigationTab).opinion.setPlainText("同意推荐，风险可控。")
        tab(InvestigationTab).sign("A")

    def sign_b():
        as_user(c.b)
        tab(InvestigationTab).sign("B")

    def committee():
        workflow.submit_to_committee(store, case_id, c.a, on=wh.day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
        workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
        for m in c.members:
            workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
        as_user(c.members[0])

    committee.offstage = True  # other members' votes, on their own workstations

    def decide():
        tab(CommitteeTab).make_decision()

    def letter():
        as_user(c.a)
        tab(LetterTab).issue_letter()

    def report():
        tab(DocumentsTab).issue("investigation_report")

    def reprint():
        docs = tab(DocumentsTab)
        docs.select_kind("investigation_report")
        docs._copy()

    def show_tab(index):
        def every_tab():  # one click on one tab
            state["ws"].tab_widget.setCurrentIndex(index)

        return every_tab

    steps = [open_ws, sign_a, sign_b, committee, decide, letter, report, reprint,
             *(show_tab(i) for i in range(len(TAB_CLASSES)))]
    return steps, lambda: (state["ws"].close(), store.close())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])
    if args.bare:
        window = QMainWindow()
        window.resize(1366, 720)
        window.show()
        steps, done = [lambda: None] * 21, window.close
    else:
        from ui import app as uiapp

        uiapp.ensure_application()
        steps, done = walk(args.work, args.sync)
    beat = Heartbeat()
    started = time.perf_counter()
    run_steps(app, steps, beat)
    app.exec()
    elapsed = time.perf_counter() - started
    beat.timer.stop()
    done()
    from ui import tasks

    tasks.shutdown()
    print(json.dumps({"stall_ms": round(beat.worst * 1000, 1), "walk_s": round(elapsed, 2), "by_step_ms": beat.by_step}),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
