"""`python -m xpander_tasks`: the `xpander-tasks` command line."""

import sys

from ._cli import main

sys.exit(main())
