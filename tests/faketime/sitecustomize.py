"""Loaded only in CI's moved-clock pass (PYTHONPATH=tests/faketime, see .ci/run).

libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 makes
clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) fail with EINVAL, and CPython's
time.sleep uses exactly that call (subprocess's wait loop too). Waiting on an
Event uses a condition variable instead, which libfaketime leaves alone.
Without DONT_FAKE_MONOTONIC, timed lock waits hang instead: this is the lesser
workaround. Nothing outside this pass imports this file.
"""

import threading
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    threading.Event().wait(seconds)


time.sleep = _sleep
