"""Render the four printable documents from sample data to PDF and PNG.

    python scripts/render_documents.py [OUT_DIR] [--font PATH] [--dpi 80]

Writes intent_letter.pdf, disbursement_notice.pdf, investigation_report.pdf
and committee_resolution.pdf into OUT_DIR (default out/documents/) and, when
poppler's ``pdftoppm`` is on the PATH, one PNG per page (``<name>-1.png`` …)
so anyone can look at them.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ipguard.documents import render, samples

DOCUMENTS = {
    "intent_letter": samples.intent_letter,
    "disbursement_notice": samples.disbursement_notice,
    "investigation_report": samples.investigation_report,
    "committee_resolution": samples.committee_resolution,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default="out/documents", help="folder for the PDFs and PNGs")
    parser.add_argument("--font", default=None, help="TrueType font path (path.ttc#index for a collection)")
    parser.add_argument("--dpi", type=int, default=80, help="PNG resolution (default 80)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        print("pdftoppm not found: writing PDFs only", file=sys.stderr)
    for name, make in DOCUMENTS.items():
        started = time.perf_counter()
        pdf = render(make(), samples.LETTERHEAD, font_path=args.font)
        elapsed = (time.perf_counter() - started) * 1000
        target = out / f"{name}.pdf"
        target.write_bytes(pdf)
        for old in out.glob(f"{name}-*.png"):
            old.unlink()
        if pdftoppm:
            subprocess.run([pdftoppm, "-r", str(args.dpi), "-png", str(target), str(out / name)], check=True)
        pages = sorted(p.name for p in out.glob(f"{name}-*.png"))
        print(f"{target}  {len(pdf):,} bytes  {elapsed:.0f} ms  {' '.join(pages)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
