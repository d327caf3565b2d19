"""``ipguard server export``: (issue 20, being written)."""

from __future__ import annotations

from ipguard.cli.common import Subparsers


def register(subparsers: Subparsers) -> None:
    """Not yet offered."""
