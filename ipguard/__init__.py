"""ipguard: case management for IP-pledge quick-loan guarantees.

This package is the Qt-free core: domain objects and validation, the SQLite
store, underwriting rules, workflow, documents and reports. The desktop client
in ``ui/`` and the command line in :mod:`ipguard.cli` only call it.
"""

__version__ = "0.1.0"
