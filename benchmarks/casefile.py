"""The case file's figures (issue 18): ``python -m benchmarks.casefile`` prints one JSON object.

* ``attach_20mb_pdf_s``: :func:`ipguard.casefile.attach` of a 20 MB PDF (pypdf
  writes it: 40 pages of text plus a 20 MB embedded file, i.e. incompressible
  bytes like a scan): name and type checks, SHA-256, text extraction,
  one write transaction with its seal and audit entry. Median of 3, each a new
  file (so the content is stored each time).
* ``casefile_panel_200_s``: with 200 attachments on the case, the 电子档案 tab's
  ``refresh`` (list query, table filled, first file previewed) plus one event
  loop pass, offscreen. Median of 5.

Goals (issue 18): ≤ 1 s and ≤ 0.2 s.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _pdf(text: str, pages: int = 40, payload: int = 0) -> bytes:
    from pypdf import PdfWriter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for n in range(pages):
        pdf.drawString(72, 720, f"{text} page {n + 1}")
        pdf.showPage()
    pdf.save()
    if not payload:
        return buf.getvalue()
    writer = PdfWriter(clone_from=io.BytesIO(buf.getvalue()))
    writer.add_attachment("scan.bin", os.urandom(payload))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def measure(repeat: int = 3) -> tuple[dict[str, float], dict[str, object]]:
    """(figures, info): attaching a 20 MB PDF, and refreshing the 电子档案 panel of a case with 200 files."""
    from ipguard import casefile, clock
    from ipguard.store import open_store
    from tests import workflow_helpers as wh

    with tempfile.TemporaryDirectory() as tmp, clock.frozen(clock.now()):
        store = open_store(Path(tmp) / "bench.db")
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        times = []
        sizes = []
        for n in range(repeat):
            data = _pdf(f"run {n}", payload=20 * 1024 * 1024)
            sizes.append(len(data))
            start = time.perf_counter()
            casefile.attach(store, case_id, cast.a, data=data, name=f"扫描件{n}.pdf", expected_version=store.repos.cases.get(case_id).version)
            times.append(time.perf_counter() - start)
        other = wh.open_case(store, cast, seed=2)
        small = [_pdf(f"file {i}", pages=2) for i in range(200)]
        for i, data in enumerate(small):
            casefile.attach(store, other, cast.a, data=data, name=f"材料{i:03d}.pdf", expected_version=store.repos.cases.get(other).version)

        from ui import app as uiapp
        from ui.session import Session
        from ui.workspace import CaseWorkspace

        qt = uiapp.ensure_application()
        ws = CaseWorkspace(Session(store, cast.a), other)
        ws.resize(1300, 740)
        ws.show()
        tab = ws.tab("CaseFileTab")
        ws.tab_widget.setCurrentWidget(tab)
        qt.processEvents()
        paint = []
        for _ in range(5):
            start = time.perf_counter()
            tab.refresh(ws.case)
            qt.processEvents()
            paint.append(time.perf_counter() - start)
        rows = tab.table.rowCount()
        ws.close()
        store.close()
    return ({"attach_20mb_pdf_s": statistics.median(times), "casefile_panel_200_s": statistics.median(paint)},
            {"attach_pdf_bytes": sizes[0], "casefile_panel_rows": rows})


def main() -> int:
    figures, info = measure()
    print(json.dumps({**{k: round(v, 3) for k, v in figures.items()}, **info, "cpu_count": os.cpu_count(),
                      "python": sys.version.split()[0]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
