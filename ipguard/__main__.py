import sys

from ipguard.cli import main

sys.exit(main())
