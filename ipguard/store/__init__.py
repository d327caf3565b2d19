"""The SQLite store. The only package that holds SQL.

Public API: :func:`open_store` returns a :class:`Store`; its ``repos``
attribute groups typed repositories (users, banks, referrers, companies,
assets, cases, settings) that the services, UI and CLI call.
"""

from ipguard.store.core import Store, open_store

__all__ = ["Store", "open_store"]
