"""Import sqlite_utils without numpy in the desktop client (imported first by ``ui.app``).

sqlite_utils 4 imports numpy (and pandas) at module import when they are
installed, only to add numpy scalar types to ``COLUMN_TYPE_MAPPING``
(``try: np = importlib.import_module("numpy") except ImportError: np = None``
in ``sqlite_utils/db.py``). That costs 0.2–0.45 s of the client's start-up,
and ipguard never hands numpy values to sqlite_utils (money is integer fen,
dates are ISO text). :func:`import_sqlite_utils_without_numpy` therefore
imports sqlite_utils with numpy and pandas made unimportable **for that one
import only**: afterwards both import normally again for anyone who needs
them.

Trade-off: in the GUI process sqlite_utils cannot infer a column type from a
numpy scalar (``table.insert({"x": np.int64(1)})`` on a new column would not
map to INTEGER). Nothing in ipguard does that. The CLI, the benchmarks and the
tests (which import ``ipguard.store`` before ``ui``) keep the normal
behaviour. Should a future sqlite_utils need numpy at import, the guarded
import fails with ImportError, the half-imported modules are dropped and
sqlite_utils is imported the ordinary way (slower start, same behaviour).
"""

from __future__ import annotations

import importlib
import sys

#: Optional libraries sqlite_utils imports only to extend its type mapping.
OPTIONAL = ("numpy", "pandas")


def import_sqlite_utils_without_numpy() -> bool:
    """Import ``sqlite_utils`` with numpy/pandas hidden; True if done, False if it was not needed or not possible."""
    if "sqlite_utils" in sys.modules or any(name in sys.modules for name in OPTIONAL):
        return False
    for name in OPTIONAL:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
    try:
        importlib.import_module("sqlite_utils")
        return True
    except ImportError:
        for name in [m for m in sys.modules if m == "sqlite_utils" or m.startswith("sqlite_utils.")]:
            del sys.modules[name]
        return False
    finally:
        for name in OPTIONAL:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


import_sqlite_utils_without_numpy()
