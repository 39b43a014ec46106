"""The local task server in a child process of its own, so the client's process measures
only the client: prints its URL, then answers each line on stdin with its counters (JSON).

    python benchmarks/_server.py

Served as the server's CLI serves it (uvicorn on a socket bound up front), with room for the
bursts: a listen backlog for thousands of connections at once, and idle connections kept
while the other side of a comparison runs (uvicorn closes them after 5 s by default, and a
client reusing one as it closes sees a reset: a race of the benchmark, not of a client).
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Final

import uvicorn
from _workload import API_KEY

from xpander_tasks_server import counters_of, create_app
from xpander_tasks_server._serve import bind, url_of

# Tasks stay `pending`: a task that ran would spend the server's CPU while clients measure.
STEP_DELAY: Final = 3600.0
BACKLOG: Final = 16_384
KEEP_ALIVE_SECONDS: Final = 600


def main() -> None:
    step_delay = float(sys.argv[1]) if len(sys.argv) > 1 else STEP_DELAY
    app = create_app(api_keys=[API_KEY], step_delay=step_delay)
    counters = counters_of(app)
    sock = bind("127.0.0.1", 0)
    sock.listen(BACKLOG)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, timeout_keep_alive=KEEP_ALIVE_SECONDS
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, args=([sock],), daemon=True)
    thread.start()
    print(url_of(sock), flush=True)
    for _ in sys.stdin:
        answer = {"tasks_created": counters.tasks_created, "creates": counters.create_requests}
        print(json.dumps(answer), flush=True)
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main()
