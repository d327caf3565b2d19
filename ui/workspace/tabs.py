"""The registry of case-workspace tabs, in display order.

``TAB_CLASSES`` holds ``"module:Class"`` paths (under ``ui.workspace``);
append yours. A module that is missing or fails to import is logged and
skipped, so one unfinished tab never breaks the workspace.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger("ipguard.ui")

TAB_CLASSES: list[str] = [
    "ui.workspace.tab_intake:IntakeTab",
    "ui.workspace.tab_assets:AssetsTab",
    "ui.workspace.tab_screening:ScreeningTab",
    "ui.workspace.tab_valuation:ValuationTab",
    "ui.workspace.tab_investigation:InvestigationTab",
    "ui.workspace.tab_committee:CommitteeTab",
    "ui.workspace.tab_letter:LetterTab",
    "ui.workspace.tab_contracts:ContractsTab",
    "ui.workspace.tab_registration:RegistrationTab",
    "ui.workspace.tab_disbursement:DisbursementTab",
    "ui.workspace.tab_postloan:PostLoanTab",
    "ui.workspace.tab_documents:DocumentsTab",
    "ui.workspace.tab_casefile:CaseFileTab",
    "ui.workspace.tab_timeline:TimelineTab",
]


def load_tab_classes() -> list[type]:
    """The tab classes that import cleanly, in registry order."""
    out: list[type] = []
    for path in TAB_CLASSES:
        module_name, _, class_name = path.partition(":")
        try:
            out.append(getattr(importlib.import_module(module_name), class_name))
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                log.exception("workspace tab %s failed to import", path)
            else:
                log.debug("workspace tab %s not present", path)
        except Exception:  # a broken tab must not break the workspace
            log.exception("workspace tab %s failed to import", path)
    return out
