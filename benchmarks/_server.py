"""The local task server in a child process of its own, so the client's process measures
only the client: prints its URL, then answers each line on stdin with its counters (JSON).

    python benchmarks/_server.py
"""

from __future__ import annotations

import json
import sys
from typing import Final

from _workload import API_KEY

from xpander_tasks_server import LocalTaskServer

# Tasks stay `pending`: a task that ran would spend the server's CPU while clients measure.
STEP_DELAY: Final = 3600.0


def main() -> None:
    with LocalTaskServer(api_key=API_KEY, step_delay=STEP_DELAY) as server:
        print(server.url, flush=True)
        for _ in sys.stdin:
            counters = server.counters
            answer = {"tasks_created": counters.tasks_created, "creates": counters.create_requests}
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
