"""The generated models' attrs fields and type hints."""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs

from xpander_tasks_api import models


def model_fields(model: type) -> Any:
    """`attrs.fields(model)`: its `attrs.Attribute`s."""
    return attrs.fields(model)


def is_model(value: object) -> bool:
    """`attrs.has(value)`: whether `value` is a generated model (or another attrs class)."""
    return isinstance(value, type) and attrs.has(value)


@functools.cache
def model_hints(model: type) -> dict[str, Any]:
    """A generated model's type hints, resolved (they name models imported lazily)."""
    return typing.get_type_hints(model, localns=vars(models))
