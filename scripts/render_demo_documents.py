"""Issue (or reprint) the four documents of demo cases and write them as PDF and PNG.

    python scripts/render_demo_documents.py [OUT_DIR] [--db out/demo.db] [--dpi 80]

Builds the demo database when ``--db`` does not exist (``ipguard demo``), then
picks a case that reached each document — preferring a conditional approval
for the resolution — and writes ``<kind>-<case>.pdf`` and one PNG per page
(poppler's ``pdftoppm``) into OUT_DIR (default out/demo_docs/) so anyone can
look at what the service really issues from stored data.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ipguard.documents.service import issue_document
from ipguard.domain import Role
from ipguard.store import open_store

PICK = {
    "intent_letter": "SELECT case_id FROM documents WHERE kind = 'intent_letter' AND status = 'issued' ORDER BY id LIMIT 1",
    "disbursement_notice": "SELECT case_id FROM documents WHERE kind = 'disbursement_notice' AND status = 'issued' ORDER BY id LIMIT 1",
    "investigation_report": "SELECT case_id FROM documents WHERE kind = 'investigation_report' ORDER BY id LIMIT 1",
    "committee_resolution": "SELECT case_id FROM committee_decisions ORDER BY decision = 'approve_with_conditions' DESC, case_id LIMIT 1",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default="out/demo_docs")
    parser.add_argument("--db", default="out/demo.db")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    db, out = Path(args.db), Path(args.out_dir)
    if not db.exists():
        from ipguard.demo.build import build_demo

        db.parent.mkdir(parents=True, exist_ok=True)
        build_demo(str(db), 2026)
    out.mkdir(parents=True, exist_ok=True)
    with open_store(db, create=False) as store:
        from ipguard import auth
        from ipguard.demo.build import DEMO_PASSWORD

        first = min(store.repos.users.with_role(Role.ADMIN), key=lambda u: u.id)
        admin = auth.sign_in(store, first.username, DEMO_PASSWORD)
        for kind, sql in PICK.items():
            case_id = store.scalar(sql)
            if case_id is None:
                print(f"{kind}: no demo case has reached it")
                continue
            case_no = store.repos.cases.get(case_id).case_no
            issued = issue_document(store, case_id, kind, admin)
            pdf = out / f"{kind}-{case_no}.pdf"
            pdf.write_bytes(issued.pdf)
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
            print(f"{kind}: {issued.doc_no} ({case_no}, {'reprint' if issued.reprint else 'issued'}) -> {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
