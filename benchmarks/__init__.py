"""The project's benchmarks: ``python -m benchmarks`` (``--quick`` for a smoke run).

Builds the portfolios it needs in a temporary folder, runs each measurement
several times after a warm-up, and prints one JSON object: the median of each
figure (:data:`FIGURES`), the sizes used, the machine, and notes on how each
figure was obtained. See docs/performance.md for the latest figures and the
targets. Nothing here is part of the normal test suite (only
``tests/test_benchmarks_smoke.py`` runs ``--quick`` and checks the figure names).
"""

from __future__ import annotations

FIGURES: tuple[str, ...] = (
    "startup_s",
    "bare_window_s",
    "startup_ratio",
    "ui_stall_ms",
    "ui_stall_sync_ms",
    "ui_stall_bare_ms",
    "case_list_first_page_s",
    "case_filter_s",
    "intent_letter_s",
    "monthly_report_10k_s",
    "bare_writeonly_10k_s",
    "monthly_report_100k_peak_mb",
    "assess_per_s",
    "attach_20mb_pdf_s",
    "casefile_panel_200_s",
)
