"""Regenerate resources/templates/ip_assets_template.xlsx (the IP asset import template).

Run from the project root: ``python scripts/make_asset_template.py [OUT.xlsx]``.
The columns come from ``ipguard.imports.assets_xlsx.TEMPLATE_COLUMNS``, the
same headers :func:`ipguard.imports.assets_xlsx.read_assets_xlsx` reads.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ipguard.imports.assets_xlsx import write_template
from ipguard.products import RESOURCES_DIR


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else RESOURCES_DIR / "templates" / "ip_assets_template.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_template(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
