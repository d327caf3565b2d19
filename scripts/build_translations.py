"""Update the English translation source and compile it.

    python scripts/build_translations.py           # lupdate ui/ -> .ts, then lrelease -> .qm
    python scripts/build_translations.py --check   # also fail when a string has no English yet

The interface's source strings are Chinese (see ``ui/i18n.py`` and
``docs/translations.md``). ``pyside6-lupdate`` collects them from ``ui/`` into
``resources/i18n/ipguard_en.ts`` (keeping existing translations); translators
fill in ``<translation>`` there (Qt Linguist or any editor); ``pyside6-lrelease``
compiles ``ipguard_en.qm``, which is committed so a clean clone runs in English
without a build step.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "ipguard_en.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    """``pyside6-<name>`` from PATH, else the binary inside the PySide6 package."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / "Qt" / "libexec" / name, base / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    sys.exit(f"pyside6-{name} not found: install PySide6 (with its tools)")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def unfinished(ts: Path = TS) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a string has no English translation")
    args = parser.parse_args(argv)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("lupdate"), *sources(), "-no-obsolete", "-target-language", "en", "-ts", str(TS)], cwd=ROOT, check=True)
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    missing = unfinished()
    for text in missing:
        print(f"untranslated: {text}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; wrote {QM.relative_to(ROOT)}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
