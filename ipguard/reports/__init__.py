"""Reports: the monthly portfolio workbook and case-list exports (xlsx).

The content is plain data (:mod:`ipguard.reports.models`); the writers stream
it into XlsxWriter workbooks in constant-memory mode (:mod:`ipguard.reports.xlsx`).
The writers are loaded on first use: ``from ipguard.reports import write_monthly``
works, but importing this package alone imports no spreadsheet library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipguard.reports.models import (
    BoardFigures,
    CaseListRow,
    CompensationRow,
    Flows,
    InForceRow,
    MonthlySummary,
    MovementRow,
    RecoveryRow,
    ReportMeta,
    Stock,
    TurnaroundRow,
)

if TYPE_CHECKING:
    from ipguard.reports.case_list import export_case_list
    from ipguard.reports.monthly import write_monthly
    from ipguard.reports.xlsx import ReportCancelled

__all__ = [
    "BoardFigures",
    "CaseListRow",
    "CompensationRow",
    "Flows",
    "InForceRow",
    "MonthlySummary",
    "MovementRow",
    "RecoveryRow",
    "ReportCancelled",
    "ReportMeta",
    "Stock",
    "TurnaroundRow",
    "export_case_list",
    "write_monthly",
]

_LAZY = {
    "write_monthly": "ipguard.reports.monthly",
    "export_case_list": "ipguard.reports.case_list",
    "ReportCancelled": "ipguard.reports.xlsx",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ipguard.reports' has no attribute {name!r}")
