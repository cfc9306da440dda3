"""``python -m helpers.classroom``: see :func:`helpers.classroom.cli.main`."""

import sys

from .cli import main

sys.exit(main())
