"""Regenerate resources/templates/batch_screening_template.xlsx from ipguard.imports.batch.COLUMNS.

Run from the project root: ``python scripts/make_batch_template.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ipguard.imports.batch import write_template
from ipguard.products import RESOURCES_DIR


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else RESOURCES_DIR / "templates" / "batch_screening_template.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_template(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
