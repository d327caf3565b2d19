"""Entry point of the packaged program (PyInstaller): the same as the ``ipguard`` console script."""

import sys

from ipguard.cli import main

if __name__ == "__main__":
    sys.exit(main())
