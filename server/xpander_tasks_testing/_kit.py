"""`XpanderServer`: what a test holds of its local task server."""

from __future__ import annotations

from xpander_tasks import Tasks
from xpander_tasks_server import LocalTaskServer


class XpanderServer:
    """The local task server of one test: where it is, a client for it, and its script.

    `url`, `api_key`, `organization_id` and `events_root` say where it serves; `tasks` is a
    `Tasks` for it (the environment variables point at it too, for code that makes its own).
    Scripting (each reset between tests):

    - `agent(agent_id, prompt=..., result=..., status=..., pending=..., executing=...,
      events=..., tokens=..., duration=..., used_tools=...)`: how its tasks run;
    - `fault(status, body=..., headers=..., operation=..., times=..., acted=..., delay=...)`,
      `hang(...)`, `reset_connection(...)`, `drop_stream(after, ...)`: misbehaviour on the
      wire for the next requests;
    - `creates(agent_id=None)`, `tasks_created(agent_id=None)`: the create requests received,
      in order (body, headers without the key, status answered, task made).

    Every answer carries an `x-request-id` header.
    """

    def __init__(self, server: LocalTaskServer, tasks: Tasks) -> None:
        self.server = server
        self.tasks = tasks
        self.url = server.url
        self.api_key = server.api_key
        self.organization_id = server.organization_id
        self.events_root = server.events_root
        self.script = script = server.script
        # The script's own methods, so their signatures and documentation are the ones shown.
        self.agent = script.agent
        self.fault = script.fault
        self.hang = script.hang
        self.reset_connection = script.reset_connection
        self.drop_stream = script.drop_stream
        self.creates = script.creates
        self.tasks_created = script.tasks_created

    def __repr__(self) -> str:
        return f"<XpanderServer {self.url}>"
