"""The generated models' attrs fields and type hints, read on first use: attrs is not
imported with the package (a fifth of its import), as the generated classes make their
fields on first read."""

from __future__ import annotations

import functools
import typing
from typing import Any

from xpander_tasks_api import models


def model_fields(model: type) -> Any:
    """`attrs.fields(model)`: its `attrs.Attribute`s."""
    import attrs  # noqa: PLC0415

    return attrs.fields(model)


def is_model(value: object) -> bool:
    """`attrs.has(value)`: whether `value` is a generated model (or another attrs class)."""
    import attrs  # noqa: PLC0415

    return isinstance(value, type) and attrs.has(value)


@functools.cache
def model_hints(model: type) -> dict[str, Any]:
    """A generated model's type hints, resolved (they name models imported lazily)."""
    return typing.get_type_hints(model, localns=vars(models))
