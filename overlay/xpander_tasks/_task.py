"""`Task`: the generated model bound to the client that fetched it, so it can follow and
change itself (reload, save, stop, events, wait), as stripe's models do through their
requestor. The calls on one task that `Tasks` shares live here too."""

from __future__ import annotations

import copy
import typing
from collections.abc import AsyncIterator, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.spec_extensions import OPERATIONS
from xpander_tasks_api.types import UNSET, Unset

from ._base_client import BaseClient
from ._bound import BoundModel, bound_model
from ._config import Configuration
from ._exceptions import InvalidArgumentError
from ._fields import model_fields, model_hints
from ._params import (
    CallOptions,
    GetTaskCall,
    ReportTaskCall,
    answer_id,
    call_options,
    check_id,
    with_parameter_hints,
)

# BEGIN generated imports (.ci/signatures.py)
from ._spec_params import REPORT_BODY, UPDATE_BODY, AgentExecutionStatus, Tokens, get_task_call

# END generated imports

if TYPE_CHECKING:
    from xpander_tasks_api.models import AgentActivityThread, UpdateTaskRequest

    from ._events import TaskUpdateEvent

# The calls on one task, for `Tasks` and `Task` alike: the client is any `BaseClient`.


# `about`: the task a call acts on, when the caller holds it; its secrets stay out of errors.


def get_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return client.request(
        OPERATIONS["get_task"], call.options, GeneratedTask, about=about, task_id=call.task_id
    )


async def aget_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return await client.arequest(
        OPERATIONS["get_task"], call.options, GeneratedTask, about=about, task_id=call.task_id
    )


def stop_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return client.request(
        OPERATIONS["stop_task"],
        call.options,
        GeneratedTask,
        about=about,
        agent_or_task_id=call.task_id,
    )


async def astop_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return await client.arequest(
        OPERATIONS["stop_task"],
        call.options,
        GeneratedTask,
        about=about,
        agent_or_task_id=call.task_id,
    )


def update_one(
    client: BaseClient, task_id: str, body: GeneratedTask | UpdateTaskRequest, options: CallOptions
) -> GeneratedTask:
    return client.request(
        OPERATIONS["update_task"],
        options,
        GeneratedTask,
        task_id=task_id,
        body=body,
    )


async def aupdate_one(
    client: BaseClient, task_id: str, body: GeneratedTask | UpdateTaskRequest, options: CallOptions
) -> GeneratedTask:
    return await client.arequest(
        OPERATIONS["update_task"],
        options,
        GeneratedTask,
        task_id=task_id,
        body=body,
    )


def client_for(configuration: object, client: object = None) -> BaseClient:
    """The client the published SDK's classmethods send with (`Task.load`,
    `Task.report_external_task`): `client` or `configuration` when it is one; else the
    client of `configuration` (a `Configuration`) or of the environment (XPANDER_API_KEY,
    ...): one per settings and process, as openai-python's module-level client, so its pools
    are reused rather than opened for each call and left open."""
    if client is not None and configuration is not None:
        raise InvalidArgumentError("client", "give a client or a configuration, not both")
    chosen = configuration if client is None else client
    if isinstance(chosen, BaseClient):
        return chosen
    if chosen is not None and not isinstance(chosen, Configuration):
        parameter = "configuration" if client is None else "client"
        raise InvalidArgumentError(
            parameter, f"must be a Configuration or a Tasks client, not {type(chosen).__name__}"
        )
    client = BaseClient(chosen)
    config = client.config
    key = (config.api_key, config.base_url, config.organization_id)
    return _ENVIRONMENT_CLIENTS.setdefault(key, client)


_ENVIRONMENT_CLIENTS: dict[tuple[str, str, str | None], BaseClient] = {}


@bound_model
class Task(BoundModel[BaseClient], GeneratedTask):
    """A task as the API returned it: every field typed, unknown fields kept.

    `task["new_field"]` reads a field this client does not know yet. The repr shows only
    identifying fields, never the secrets a task echoes back (tokens, MCP credentials).
    """

    _model = GeneratedTask

    @classmethod
    def parse(cls, data: Mapping[str, Any], client: BaseClient | None) -> Self:
        """A task from its JSON form (an event's data), bound to `client`.

        Args:
            data: The task's JSON object, as the API sends it.
            client: The client the task acts through; None leaves it unbound.
        """
        task = cls.from_dict(data)
        task._client = client
        return task

    def update_from(self, event: TaskUpdateEvent) -> bool:
        """Take the task an event carries if it is a newer view of this one; an event about
        another task (a sub-task, or a confused server) leaves this one as it is.

        Args:
            event: An event of this task's stream (`events()`); True when it was taken.
        """
        if isinstance(event.data, GeneratedTask) and event.data.id == self.id:
            self.replace_fields(event.data)
            return True
        return False

    @property
    def configuration(self) -> Configuration | None:
        """The settings of the client this task is bound to (the published SDK's field;
        its key in no repr), or None when it is bound to none."""
        return None if self._client is None else self._client.configuration

    # BEGIN generated Task methods: .ci/signatures.py from openapi.yaml; run `nox -s generate`
    @classmethod
    @with_parameter_hints
    def load(
        cls,
        task_id: str,
        configuration: Configuration | BaseClient | None = None,
        *,
        client: BaseClient | None = None,
    ) -> Self:
        """Read a task by its id (sync); see `aload`.

        Args:
            task_id: The task's id.
            configuration: The published SDK's `Configuration`, or a `Tasks`, to read with.
            client: The client to read with, instead of `configuration`.
        """
        return cls._load(configuration, client, get_task_call(task_id=task_id))

    @classmethod
    @with_parameter_hints
    async def aload(
        cls,
        task_id: str,
        configuration: Configuration | BaseClient | None = None,
        *,
        client: BaseClient | None = None,
    ) -> Self:
        """Read a task by its id, as the published SDK's classmethod: with `configuration` or
        `client`; without either, with the environment's settings.

        Args:
            task_id: The task's id.
            configuration: The published SDK's `Configuration`, or a `Tasks`, to read with.
            client: The client to read with, instead of `configuration`.
        """
        return await cls._aload(configuration, client, get_task_call(task_id=task_id))

    @classmethod
    @with_parameter_hints
    def report_external_task(  # noqa: PLR0917 - the published SDK's parameters
        cls,
        configuration: Configuration | BaseClient | None = None,
        agent_id: str | None = None,
        id: str | None = None,
        input: str | None = None,
        llm_response: Any = None,
        tokens: Tokens | Mapping[str, Any] | None = None,
        is_success: bool = True,
        result: str | None = None,
        duration: float = 0,
        used_tools: Sequence[str] | None = None,
        *,
        client: BaseClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Report a task that ran outside xpander (sync); see `areport_external_task`.

        Args:
            configuration: The SDK's `Configuration`, or a `Tasks`, to send the report with.
            agent_id: The agent the task ran for.
            id: The id to store the task under; a new one when null.
            input: The task's input text.
            llm_response: The model's raw answer, any JSON.
            tokens: Token usage of a task. The SDK computes `total_tokens` as prompt plus
                completion tokens and always sends it.
            is_success: False stores the task as `failed`.
            result: The task's result text.
            duration: Seconds the task ran.
            used_tools: The names of the tools the task used.
            client: The client to send the report with.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return cls._report(
            ReportTaskCall(
                configuration=configuration,
                client=client,
                agent_id=check_id("agent_id", agent_id),
                body=REPORT_BODY(
                    {
                        "id": id,
                        "input": input,
                        "llm_response": llm_response,
                        "tokens": tokens,
                        "is_success": is_success,
                        "result": result,
                        "duration": duration,
                        "used_tools": used_tools,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    @classmethod
    @with_parameter_hints
    async def areport_external_task(  # noqa: PLR0917 - the published SDK's parameters
        cls,
        configuration: Configuration | BaseClient | None = None,
        agent_id: str | None = None,
        id: str | None = None,
        input: str | None = None,
        llm_response: Any = None,
        tokens: Tokens | Mapping[str, Any] | None = None,
        is_success: bool = True,
        result: str | None = None,
        duration: float = 0,
        used_tools: Sequence[str] | None = None,
        *,
        client: BaseClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Report a task that ran outside xpander: stored `completed`, or `failed` when
        `is_success` is false. Not sent twice on a lost answer: the error says it may have been
        stored.

        Args:
            configuration: The SDK's `Configuration`, or a `Tasks`, to send the report with.
            agent_id: The agent the task ran for.
            id: The id to store the task under; a new one when null.
            input: The task's input text.
            llm_response: The model's raw answer, any JSON.
            tokens: Token usage of a task. The SDK computes `total_tokens` as prompt plus
                completion tokens and always sends it.
            is_success: False stores the task as `failed`.
            result: The task's result text.
            duration: Seconds the task ran.
            used_tools: The names of the tools the task used.
            client: The client to send the report with.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return await cls._areport(
            ReportTaskCall(
                configuration=configuration,
                client=client,
                agent_id=check_id("agent_id", agent_id),
                body=REPORT_BODY(
                    {
                        "id": id,
                        "input": input,
                        "llm_response": llm_response,
                        "tokens": tokens,
                        "is_success": is_success,
                        "result": result,
                        "duration": duration,
                        "used_tools": used_tools,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    @with_parameter_hints
    def reload(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Self:
        """Refresh this task in place from the status endpoint (sync).

        Args:
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._reload(
            call_options(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    async def areload(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Self:
        """Refresh this task in place from the status endpoint.

        Args:
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._areload(
            call_options(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    def save(
        self,
        with_deep_plan_update: bool = False,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Send this whole task (sync), as the published SDK's `save`; see `asave`.

        Args:
            with_deep_plan_update: Send the task's deep plan too; without it, the plan is left
                out (the published SDK's).
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return self._save(
            with_deep_plan_update,
            call_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
            ),
        )

    @with_parameter_hints
    async def asave(
        self,
        with_deep_plan_update: bool = False,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Send this whole task, its changed fields with it, and take the task the server stored in
        place. A status set here overrides the task's own progress; a deep plan or additional
        context the answer lost is kept.

        Args:
            with_deep_plan_update: Send the task's deep plan too; without it, the plan is left
                out (the published SDK's).
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return await self._asave(
            with_deep_plan_update,
            call_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
            ),
        )

    @with_parameter_hints
    def set_status(
        self,
        status: AgentExecutionStatus | str,
        result: str | None = None,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Set the status and the result (even to None), then `save` (sync).

        Args:
            status: The task's new status; it overrides the task's own progress.
            result: The task's result text.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return self._set_status(
            status,
            result,
            call_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
            ),
        )

    @with_parameter_hints
    async def aset_status(
        self,
        status: AgentExecutionStatus | str,
        result: str | None = None,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Self:
        """Set the status and the result (even to None), then `asave`, as the SDK does.

        Args:
            status: The task's new status; it overrides the task's own progress.
            result: The task's result text.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return await self._aset_status(
            status,
            result,
            call_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body
            ),
        )

    @with_parameter_hints
    def stop(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Self:
        """Stop this task (sync); it becomes `stopped`, in place.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._stop(call_options(extra_headers=extra_headers, extra_query=extra_query))

    @with_parameter_hints
    async def astop(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Self:
        """Stop this task; it becomes `stopped` (`is_manually_stopped`), in place.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._astop(call_options(extra_headers=extra_headers, extra_query=extra_query))

    @with_parameter_hints
    def get_activity_log(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> AgentActivityThread:
        """This task's activity thread (sync); see `aget_activity_log`.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._get_activity_log(
            call_options(extra_headers=extra_headers, extra_query=extra_query)
        )

    @with_parameter_hints
    async def aget_activity_log(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> AgentActivityThread:
        """This task's activity thread: its messages, entry kinds this client does not know kept as
        they came.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._aget_activity_log(
            call_options(extra_headers=extra_headers, extra_query=extra_query)
        )

    # END generated Task methods

    # What the generated methods send.

    @classmethod
    def _load(
        cls,
        configuration: Configuration | BaseClient | None,
        client: BaseClient | None,
        call: GetTaskCall,
    ) -> Self:
        sender = client_for(configuration, client)
        return cls.adopt(get_one(sender, call), sender)

    @classmethod
    async def _aload(
        cls,
        configuration: Configuration | BaseClient | None,
        client: BaseClient | None,
        call: GetTaskCall,
    ) -> Self:
        sender = client_for(configuration, client)
        return cls.adopt(await aget_one(sender, call), sender)

    @classmethod
    def _report(cls, call: ReportTaskCall) -> Self:
        client = client_for(call.configuration, call.client)
        task = client.request(
            OPERATIONS["report_external_task"], call.options, GeneratedTask,
            agent_id=call.agent_id, body=call.body,
        )  # fmt: skip
        return cls.adopt(task, client)

    @classmethod
    async def _areport(cls, call: ReportTaskCall) -> Self:
        client = client_for(call.configuration, call.client)
        task = await client.arequest(
            OPERATIONS["report_external_task"], call.options, GeneratedTask,
            agent_id=call.agent_id, body=call.body,
        )  # fmt: skip
        return cls.adopt(task, client)

    def _reload(self, options: CallOptions) -> Self:
        self.replace_fields(get_one(self._bound_client(), self._call(options), self))
        return self

    async def _areload(self, options: CallOptions) -> Self:
        self.replace_fields(await aget_one(self._bound_client(), self._call(options), self))
        return self

    def _save(self, with_deep_plan_update: bool, options: CallOptions) -> Self:
        task_id, body, kept = self._save_body(with_deep_plan_update)
        self.replace_fields(update_one(self._bound_client(), task_id, body, options))
        self._keep(*kept)
        return self

    async def _asave(self, with_deep_plan_update: bool, options: CallOptions) -> Self:
        task_id, body, kept = self._save_body(with_deep_plan_update)
        self.replace_fields(await aupdate_one(self._bound_client(), task_id, body, options))
        self._keep(*kept)
        return self

    def _save_body(self, with_deep_plan_update: bool) -> tuple[str, Self, tuple[Any, Any]]:
        """The id, the body (this task, its deep plan left out unless asked for), and the
        plan and context to keep should the answer lose them."""
        task_id = check_id("task.id", self.id)
        body = _whole(self)
        body.input_ = _whole(self.input_)
        if not with_deep_plan_update:
            body.deep_planning = UNSET
        plan = self.deep_planning if _plan_tasks(self.deep_planning) else None
        return task_id, body, (copy.deepcopy(plan), self.additional_context)

    def _keep(self, plan: Any, context: Any) -> None:
        if plan is not None and not _plan_tasks(self.deep_planning):
            self.deep_planning = plan
        if context and not isinstance(context, Unset) and not self.additional_context:
            self.additional_context = context

    def _set_status(
        self, status: AgentExecutionStatus | str, result: str | None, options: CallOptions
    ) -> Self:
        self.status, self.result = _status_and_result(status, result)
        return self._save(False, options)

    async def _aset_status(
        self, status: AgentExecutionStatus | str, result: str | None, options: CallOptions
    ) -> Self:
        self.status, self.result = _status_and_result(status, result)
        return await self._asave(False, options)

    def _stop(self, options: CallOptions) -> Self:
        self.replace_fields(stop_one(self._bound_client(), self._call(options), self))
        return self

    async def _astop(self, options: CallOptions) -> Self:
        self.replace_fields(await astop_one(self._bound_client(), self._call(options), self))
        return self

    def _get_activity_log(self, options: CallOptions) -> AgentActivityThread:
        # The activity models load on first use: most programs never read a log.
        from xpander_tasks_api.models import AgentActivityThread  # noqa: PLC0415

        agent_id, task_id = self._activity_path()
        return self._bound_client().request(
            OPERATIONS["get_task_activity_log"], options, AgentActivityThread,
            about=self, agent_id=agent_id, task_id=task_id,
        )  # fmt: skip

    async def _aget_activity_log(self, options: CallOptions) -> AgentActivityThread:
        from xpander_tasks_api.models import AgentActivityThread  # noqa: PLC0415

        agent_id, task_id = self._activity_path()
        return await self._bound_client().arequest(
            OPERATIONS["get_task_activity_log"], options, AgentActivityThread,
            about=self, agent_id=agent_id, task_id=task_id,
        )  # fmt: skip

    def _call(self, options: CallOptions) -> GetTaskCall:
        """A call on this task by its id, which an answer gave: checked before it goes into
        a path."""
        return GetTaskCall(answer_id("task.id", self.id), options)

    def _activity_path(self) -> tuple[str, str]:
        return answer_id("task.agent_id", self.agent_id), answer_id("task.id", self.id)

    def events(
        self, *, read_timeout: float | None = None
    ) -> Generator[TaskUpdateEvent, None, None]:
        """This task's events until `task_finished` (sync); needs `events_streaming=True`.

        Args:
            read_timeout: Seconds to wait for the next event; the client's read timeout when
                None.
        """
        from . import _events  # noqa: PLC0415  (streaming loads on first use)

        return _events.iterate_events(self._bound_client(), self, read_timeout)

    def aevents(self, *, read_timeout: float | None = None) -> AsyncIterator[TaskUpdateEvent]:
        """This task's events until `task_finished`; needs `events_streaming=True`.

        A dropped connection is resumed (with `Last-Event-ID`) up to three times.

        Args:
            read_timeout: Seconds to wait for the next event; the client's read timeout when
                None.
        """
        from . import _events  # noqa: PLC0415  (streaming loads on first use)

        return _events.aiterate_events(self._bound_client(), self, read_timeout)

    def wait(self, timeout: float = 600.0, poll_interval: float | None = None) -> Self:
        """Block until the task reaches a final status (the spec's `x-final-statuses`); sync.

        Args:
            timeout: Seconds to wait in all; then `TaskTimeoutError`, naming the last status.
            poll_interval: Seconds between reads of a task that does not stream; None: the
                client's (`Tasks(poll_interval=...)`, else 1 s).
        """
        from . import _wait  # noqa: PLC0415  (waiting loads on first use)

        _wait.wait(self, self._bound_client(), timeout, poll_interval)
        return self

    async def await_completion(
        self, timeout: float = 600.0, poll_interval: float | None = None
    ) -> Self:
        """Wait until the task reaches a final status (the spec's `x-final-statuses`) and return it.

        Follows the task's events when it streams, else polls.

        Args:
            timeout: Seconds to wait in all; then `TaskTimeoutError`, naming the last status.
            poll_interval: Seconds between reads of a task that does not stream; None: the
                client's (`Tasks(poll_interval=...)`, else 1 s).
        """
        from . import _wait  # noqa: PLC0415  (waiting loads on first use)

        await _wait.await_completion(self, self._bound_client(), timeout, poll_interval)
        return self

    # The published SDK's view of the input for a model, data only (nothing is fetched).

    def to_message(self, retry_count: int = 0, with_timestamp: bool = True) -> str:
        """The input's text and its files' URLs as one message, as the published SDK words it.

        Args:
            retry_count: Taken for the SDK's signature; its deep-planning retry prompt is not
                made here.
            with_timestamp: Add the minute the task was sent (UTC).
        """
        from . import _message  # noqa: PLC0415  (loaded on first use)

        return _message.to_message(self.input_, self.created_at, with_timestamp)

    def get_files(self) -> list[str]:
        """The URLs of the input's PDFs, as the published SDK gives them without agno."""
        from . import _message  # noqa: PLC0415  (loaded on first use)

        return _message.attached(self.input_, "pdf", self.disable_attachment_injection is True)

    def get_images(self) -> list[str]:
        """The URLs of the input's images, as the published SDK gives them without agno."""
        from . import _message  # noqa: PLC0415  (loaded on first use)

        return _message.attached(self.input_, "image", self.disable_attachment_injection is True)

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"Task(id={self.id!r}, agent_id={self.agent_id!r}, status={status!r})"


ModelT = TypeVar("ModelT")


def _whole(model: ModelT) -> ModelT:
    """A copy of `model` holding every field, as the published SDK's models send it: a
    field not held is sent at the spec's default, else an empty list for a list, else null."""
    whole = copy.copy(model)
    generated: type = getattr(model, "_model", type(model))
    hints = model_hints(generated)
    for field in model_fields(generated):
        if getattr(whole, field.name, None) is not UNSET:
            continue
        if field.default is not UNSET:  # the spec's default
            setattr(whole, field.name, field.default)
        elif any(
            typing.get_origin(option) is list for option in typing.get_args(hints[field.name])
        ):
            setattr(whole, field.name, [])
        else:
            setattr(whole, field.name, None)
    return whole


def _plan_tasks(plan: object) -> bool:
    """Whether a deep plan (a JSON object) has tasks."""
    return isinstance(plan, dict) and bool(plan.get("tasks"))


def _status_and_result(
    status: AgentExecutionStatus | str, result: str | None
) -> tuple[AgentExecutionStatus, str | None]:
    body = UPDATE_BODY.given({"status": status, "result": result}, "set_status")  # an update's
    checked = body.status
    assert isinstance(checked, AgentExecutionStatus)  # given, and not None
    return checked, result if result is None else str(body.result)
