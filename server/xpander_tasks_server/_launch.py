"""The `xpander-tasks-server` command: says which extra to install when the server's
dependencies are missing, then runs the command line of `_cli`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

INSTALL = "pip install 'xpander-tasks[server]'"


def main(argv: Sequence[str] | None = None) -> None:
    """Run `xpander-tasks-server`; without the `[server]` extra, one line and exit status 1."""
    try:
        # Imported here, not above: this import is what fails without the extra.
        from xpander_tasks_server import _cli  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.partition(".")[0] == __name__.partition(".")[0]:
            raise  # a module of this package missing is a broken install, not the extra
        sys.exit(
            f"xpander-tasks-server needs the [server] extra ({exc.name} is not installed): "
            f"{INSTALL}"
        )
    _cli.main(argv)
