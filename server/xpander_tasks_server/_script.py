"""Scripted behaviour for tests: what each agent's tasks do, faults on the wire, what came in.

A `Script` is the control panel of one server. `agent()` says how the tasks of an agent (and
prompt) run: result, final status, step timings, events, tokens, duration. `fault()`,
`hang()`, `reset_connection()` and `drop_stream()` queue misbehaviour for the next requests.
`creates()` lists the create requests received. The server reads it from its own thread, so
every method takes a lock; a test may change it while the server runs.

The same script can be loaded from a YAML or JSON file (`Script.load`, `--script` on the
command line): `agents:` and `faults:` lists whose entries take the methods' keyword
arguments (a fault's `kind` is `answer`, `hang`, `reset` or `drop_stream`). A file is read
within bounds (size, nesting, YAML aliases expanded), so a hostile one is refused, not obeyed.

Prompt patterns are RE2 expressions (Python's `re` syntax without backreferences and
lookaround): RE2 matches in time linear in the prompt, so no pattern can backtrack for
minutes on one create and freeze the server, whatever a script holds.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import re2
import yaml

from xpander_tasks_server._faults import Fault, FaultKind, ReceivedCreate, StreamDrop
from xpander_tasks_server._spec import load_spec

FINAL_STATUSES = load_spec().final_statuses()
"""The statuses a scripted run can end in: the spec's `x-final-statuses`."""
Result = str | Callable[[str], str]
"""A scripted result: the text, or a function of the prompt that makes it."""
MAX_SECONDS = 365 * 24 * 3600.0
"""The longest scripted duration (a year): longer ones would run past the dates a task shows."""
MAX_SCRIPT_BYTES = 1_048_576
MAX_SCRIPT_DEPTH = 32
MAX_SCRIPT_VALUES = 100_000
"""The bounds of a script file: bytes, nesting, and values with YAML aliases expanded."""


class PromptPattern(Protocol):
    """A compiled RE2 expression, as `re2.compile` makes it (its type has no public name)."""

    @property
    def pattern(self) -> str: ...

    def search(self, text: str) -> object | None: ...


@dataclass(frozen=True)
class AgentBehaviour:
    """How the tasks of `agent_id` whose prompt matches `prompt` run (None matches any).

    A run is `pending` for `pending` seconds, `executing` for `executing` seconds (each None:
    the server's step delay), then ends in `status` (None: where a successful run ends, the
    spec's last `x-lifecycle` status) with `result` (None: the server's echo of the prompt
    for a successful run, no result otherwise). While it executes it streams
    `events` (each `{"type": ..., "data": ..., "identity": ...}`, spread evenly), or by
    default the result in three `chunk`s. `tokens`, `duration` and `used_tools` are set on
    the finished task when given.
    """

    agent_id: str | None = None
    prompt: PromptPattern | None = None
    result: Result | None = None
    status: str | None = None
    pending: float | None = None
    executing: float | None = None
    events: tuple[Mapping[str, Any], ...] | None = None
    tokens: Mapping[str, int] | None = None
    duration: float | None = None
    used_tools: tuple[str, ...] | None = None

    def matches(self, agent_id: str, prompt: str) -> bool:
        """Whether a create for `agent_id` with `prompt` runs this way."""
        if self.agent_id is not None and self.agent_id != agent_id:
            return False
        return self.prompt is None or self.prompt.search(prompt) is not None

    def plan(self, prompt: str) -> dict[str, Any]:
        """The run of one task, as stored with it (JSON): only what this behaviour sets."""
        result = self.result(prompt) if callable(self.result) else self.result
        plan: dict[str, Any] = {
            "status": self.status,
            "result": result,
            "pending": self.pending,
            "executing": self.executing,
            "events": None if self.events is None else [dict(event) for event in self.events],
            "tokens": None if self.tokens is None else dict(self.tokens),
            "duration": self.duration,
            "used_tools": None if self.used_tools is None else list(self.used_tools),
        }
        return {key: value for key, value in plan.items() if value is not None}


@dataclass
class _State:
    behaviours: list[AgentBehaviour] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    drops: list[StreamDrop] = field(default_factory=list)
    creates: list[ReceivedCreate] = field(default_factory=list)


class Script:
    """What a server's agents do and which faults it plays; see the module's docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = _State()

    # Agents.

    def agent(
        self,
        agent_id: str | None = None,
        *,
        prompt: str | re.Pattern[str] | None = None,
        result: Result | None = None,
        status: str | None = None,
        pending: float | None = None,
        executing: float | None = None,
        events: Iterable[Mapping[str, Any]] | None = None,
        tokens: Mapping[str, int] | None = None,
        duration: float | None = None,
        used_tools: Iterable[str] | None = None,
    ) -> AgentBehaviour:
        """Script the tasks of `agent_id` (any agent when None; it then exists on the server)
        whose prompt contains a match of the RE2 regular expression `prompt` (any when None).

        The behaviour added last that matches a create decides its run; see `AgentBehaviour`
        for the rest. Returns it.
        """
        behaviour = AgentBehaviour(
            agent_id=_optional_text("agent_id", agent_id),
            prompt=_pattern(prompt),
            result=_result(result),
            status=None if status is None else _choice("status", status, FINAL_STATUSES),
            pending=check_seconds("pending", pending),
            executing=check_seconds("executing", executing),
            events=None if events is None else _events(events),
            tokens=None if tokens is None else _tokens(tokens),
            duration=check_seconds("duration", duration),
            used_tools=None if used_tools is None else _strings("used_tools", used_tools),
        )
        with self._lock:
            self._state.behaviours.append(behaviour)
        return behaviour

    def agents(self) -> frozenset[str]:
        """The agent ids scripted by name: they exist on the server."""
        with self._lock:
            return frozenset(b.agent_id for b in self._state.behaviours if b.agent_id is not None)

    def plan_for(self, agent_id: str, body: Mapping[str, Any]) -> dict[str, Any] | None:
        """The scripted run of a task created with `body`, or None when nothing matches."""
        text = (body.get("input") or {}).get("text") or ""
        with self._lock:
            behaviours = list(reversed(self._state.behaviours))
        for behaviour in behaviours:
            if behaviour.matches(agent_id, text):
                return behaviour.plan(text)
        return None

    # Faults.

    def fault(
        self,
        status: int,
        *,
        body: str | bytes | Mapping[str, Any] | Sequence[Any] | None = None,
        headers: Mapping[str, str] | None = None,
        operation: str | None = None,
        times: int | None = 1,
        acted: bool = False,
        delay: float = 0.0,
    ) -> Fault:
        """Answer the next `times` requests (every one when None) to `operation` (an
        operationId such as "create_task"; any when None) with `status`.

        `body` is sent as JSON when a mapping or list, as text when a string (set the
        content type in `headers`, e.g. `text/html` for a gateway's page); by default the
        spec's `{"detail": "<reason>"}`. With `acted`, the server first does what was asked
        (the task is created) and then answers the fault instead; `delay` waits first.
        """
        answer = {"status": _status(status), "body": _body(body), "headers": _headers(headers)}
        return self._add_fault("answer", operation, times, acted, delay, **answer)

    def hang(
        self, *, operation: str | None = None, times: int | None = 1, acted: bool = False
    ) -> Fault:
        """Never answer the next `times` requests to `operation` (until the client gives up)."""
        return self._add_fault("hang", operation, times, acted, 0.0)

    def reset_connection(
        self, *, operation: str | None = None, times: int | None = 1, acted: bool = False
    ) -> Fault:
        """Reset the connection (TCP RST) of the next `times` requests to `operation` instead
        of answering; with `acted`, after doing what was asked."""
        return self._add_fault("reset", operation, times, acted, 0.0)

    def drop_stream(self, after: int, *, times: int | None = 1, reset: bool = False) -> StreamDrop:
        """End the next `times` event streams after `after` events: cleanly, or with a
        connection reset when `reset`. A client resumes with `Last-Event-ID`."""
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            raise ValueError(f"after: a number of events (0 or more), not {after!r}")
        drop = StreamDrop(after=after, times=_times(times), reset=bool(reset))
        with self._lock:
            self._state.drops.append(drop)
        return drop

    def take_fault(self, operation: str | None) -> Fault | None:
        """The first queued fault for a request to `operation`, used up once."""
        with self._lock:
            for fault in self._state.faults:
                if fault.applies_to(operation) and fault.use():
                    return fault
        return None

    def take_drop(self) -> StreamDrop | None:
        """The first queued stream drop, used up once."""
        with self._lock:
            return next((drop for drop in self._state.drops if drop.use()), None)

    # What came in.

    def record_create(self, create: ReceivedCreate) -> None:
        with self._lock:
            self._state.creates.append(create)

    def creates(self, agent_id: str | None = None) -> list[ReceivedCreate]:
        """The create requests received (for `agent_id`, or all), in order, whatever the
        answer: faults and refusals included."""
        with self._lock:
            creates = list(self._state.creates)
        return [c for c in creates if agent_id is None or c.agent_id == agent_id]

    def tasks_created(self, agent_id: str | None = None) -> list[ReceivedCreate]:
        """The create requests that made a task (even when a fault hid the answer)."""
        return [create for create in self.creates(agent_id) if create.task_id is not None]

    def clear(self) -> None:
        """Forget every behaviour, fault, stream drop and recorded create."""
        with self._lock:
            self._state = _State()

    # Files.

    @classmethod
    def load(cls, path: str | Path) -> Script:
        """A script from a YAML or JSON file; ValueError (one line) naming what is wrong."""
        try:
            with Path(path).open("rb") as file:
                raw = file.read(MAX_SCRIPT_BYTES + 1)
            if len(raw) > MAX_SCRIPT_BYTES:
                raise ValueError(f"larger than {MAX_SCRIPT_BYTES} bytes")
            text = raw.decode("utf-8")
            # Aliases are not expanded while loading (an alias is the same object again);
            # `_check_shape` counts them expanded before anything walks the data.
            data = yaml.safe_load(text) if Path(path).suffix != ".json" else json.loads(text)
            _check_shape(data)
        except RecursionError:
            raise ValueError(
                f"cannot read the script {path}: nested deeper than {MAX_SCRIPT_DEPTH} levels"
            ) from None
        except (OSError, ValueError, yaml.YAMLError) as exc:
            reason = " ".join(str(exc).split())
            raise ValueError(f"cannot read the script {path}: {reason}") from None
        return cls.from_mapping(data if data is not None else {}, source=str(path))

    @classmethod
    def from_mapping(cls, data: Any, *, source: str = "script") -> Script:
        """A script from its file form: `{"agents": [...], "faults": [...]}`."""
        if not isinstance(data, Mapping) or set(data) - {"agents", "faults"}:
            raise ValueError(f"{source}: a mapping with `agents` and `faults` lists")
        script = cls()
        for where, entry in _entries(data, "agents", source):
            _call(where, script.agent, entry)
        for where, entry in _entries(data, "faults", source):
            kind = entry.pop("kind", "answer")
            methods: dict[str, Callable[..., object]] = {
                "answer": script.fault,
                "hang": script.hang,
                "reset": script.reset_connection,
                "drop_stream": script.drop_stream,
            }
            if kind not in methods:
                raise ValueError(f"{where}: kind must be one of {', '.join(methods)}")
            _call(where, methods[kind], entry)
        return script

    def _add_fault(
        self,
        kind: FaultKind,
        operation: str | None,
        times: int | None,
        acted: bool,
        delay: float,
        **answer: Any,
    ) -> Fault:
        fault = Fault(
            kind=kind,
            operation=_optional_text("operation", operation),
            times=_times(times),
            acted=bool(acted),
            delay=check_seconds("delay", delay) or 0.0,
            **answer,
        )
        with self._lock:
            self._state.faults.append(fault)
        return fault


def _entries(
    data: Mapping[str, Any], key: str, source: str
) -> Iterable[tuple[str, dict[str, Any]]]:
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise ValueError(f"{source}: `{key}` must be a list")
    for index, entry in enumerate(entries):
        where = f"{source}: {key}[{index}]"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: a mapping of options")
        yield where, dict(entry)


def _call(where: str, method: Callable[..., object], options: dict[str, Any]) -> None:
    try:
        method(**options)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None


def _optional_text(name: str, value: str | None) -> str | None:
    if value is not None and (not isinstance(value, str) or not value):
        raise ValueError(f"{name}: a non-empty string, not {value!r}")
    return value


def _check_shape(data: Any) -> None:
    """ValueError when `data` nests too deeply or holds too many values, aliases expanded."""
    pending, values = [(data, 1)], 0
    while pending:
        item, depth = pending.pop()
        values += 1
        if values > MAX_SCRIPT_VALUES:
            raise ValueError(f"more than {MAX_SCRIPT_VALUES} values (YAML aliases expanded)")
        children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
        if isinstance(children, list):
            if depth > MAX_SCRIPT_DEPTH:
                raise ValueError(f"nested deeper than {MAX_SCRIPT_DEPTH} levels")
            pending += [(child, depth + 1) for child in children]


# Python's re flags that RE2 takes as inline flags; others have no RE2 meaning.
_INLINE_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}


def _pattern(prompt: str | re.Pattern[str] | None) -> PromptPattern | None:
    if prompt is None:
        return None
    if isinstance(prompt, re.Pattern):
        flags = prompt.flags & ~re.UNICODE
        if flags & ~sum(_INLINE_FLAGS):
            raise ValueError("prompt: flags other than IGNORECASE, MULTILINE and DOTALL")
        inline = "".join(letter for flag, letter in _INLINE_FLAGS.items() if flags & flag)
        prompt = f"(?{inline}){prompt.pattern}" if inline else prompt.pattern
    if not isinstance(prompt, str):
        raise ValueError(f"prompt: a regular expression, not {prompt!r}")
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own message on stderr besides ours
    try:
        return re2.compile(prompt, options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ValueError(
            f"prompt: not an RE2 regular expression (no backreferences or lookaround): {reason}"
        ) from None


def _result(result: Result | None) -> Result | None:
    if result is not None and not (isinstance(result, str) or callable(result)):
        raise ValueError(f"result: a string or a function of the prompt, not {result!r}")
    return result


def _choice(name: str, value: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name}: one of {', '.join(choices)}, not {value!r}")
    return value


def check_seconds(name: str, value: float | None) -> float | None:
    """`value` as seconds (None stays None); ValueError unless a number from 0 to a year."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name}: a number of seconds, not {value!r}")
    if not math.isfinite(value) or not 0 <= value <= MAX_SECONDS:
        raise ValueError(
            f"{name}: a finite number of seconds, from 0 to {MAX_SECONDS:.0f} (a year), "
            f"not {value!r}"
        )
    return float(value)


def _times(times: int | None) -> int | None:
    if times is not None and (not isinstance(times, int) or isinstance(times, bool) or times < 1):
        raise ValueError(f"times: a count of 1 or more (None: every time), not {times!r}")
    return times


def _status(status: int) -> int:
    if not isinstance(status, int) or isinstance(status, bool) or not 200 <= status <= 599:
        raise ValueError(f"status: an HTTP status from 200 to 599, not {status!r}")
    return status


def _body(body: Any) -> Any:
    if body is None or isinstance(body, str | bytes):
        return body
    try:
        json.dumps(body, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"body: text, bytes or JSON (a mapping or a list), not {body!r}") from exc
    return body


def _headers(headers: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    if headers is None:
        return ()
    if not isinstance(headers, Mapping):
        raise ValueError(f"headers: a mapping of names to values, not {headers!r}")
    pairs = []
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str | int | float):
            raise ValueError(f"headers: {name!r} must map a name to a text value")
        pairs.append((name.lower(), str(value)))
    return tuple(pairs)


def _events(events: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    if isinstance(events, str | bytes | Mapping):
        raise ValueError("events: a list of events, each {'type': ..., 'data': ...}")
    checked = []
    for index, event in enumerate(events):
        if not isinstance(event, Mapping) or not isinstance(event.get("type"), str):
            raise ValueError(f"events[{index}]: a mapping with a string `type`, not {event!r}")
        unknown = set(event) - {"type", "data", "identity"}
        if unknown:
            raise ValueError(f"events[{index}]: unknown keys {sorted(unknown)}")
        try:
            json.dumps(dict(event), allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"events[{index}]: not JSON: {exc}") from None
        checked.append(dict(event))
    return tuple(checked)


def _tokens(tokens: Mapping[str, int]) -> Mapping[str, int]:
    if not isinstance(tokens, Mapping) or not all(
        isinstance(count, int) and not isinstance(count, bool) and count >= 0
        for count in tokens.values()
    ):
        raise ValueError(f"tokens: a mapping of names to counts, not {tokens!r}")
    return dict(tokens)


def _strings(name: str, values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise ValueError(f"{name}: a list of strings, not a string")
    strings = tuple(values)
    if not all(isinstance(value, str) for value in strings):
        raise ValueError(f"{name}: a list of strings, not {strings!r}")
    return strings
