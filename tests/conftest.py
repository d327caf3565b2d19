"""Test set-up: Qt runs offscreen; every test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("IPGUARD_NO_AUTOBACKUP", "1")
