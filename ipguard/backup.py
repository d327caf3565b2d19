"""Backups and restore: the public API, implemented in :mod:`ipguard.store.backup`.

Backups work on the SQLite file itself (online backup API, integrity checks),
so the code lives in the store package; this module is the stable name the
CLI, the UI and scripts import from.
"""

from ipguard.store import backup as _impl
from ipguard.store.backup import *  # noqa: F403 - re-exported as this module's API

__all__ = _impl.__all__
