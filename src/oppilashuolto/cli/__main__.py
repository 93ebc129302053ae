"""``python -m oppilashuolto.cli``."""

import sys

from oppilashuolto.cli import main


sys.exit(main())
