"""``python -m helpers.classroom``: see :func:`helpers.classroom.core.main`."""

import sys

from .core import main

sys.exit(main())
