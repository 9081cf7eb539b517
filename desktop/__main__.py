"""``python -m desktop`` behaves like the ``marginalia`` command."""

import sys

from desktop.cli import main

sys.exit(main())
