"""The generated models' attrs fields, read on first use: attrs is not imported with the
package (a fifth of its import), as the generated classes make their fields on first read."""

from __future__ import annotations

from typing import Any


def model_fields(model: type) -> Any:
    """`attrs.fields(model)`: its `attrs.Attribute`s."""
    import attrs  # noqa: PLC0415

    return attrs.fields(model)


def is_model(value: object) -> bool:
    """`attrs.has(value)`: whether `value` is a generated model (or another attrs class)."""
    import attrs  # noqa: PLC0415

    return isinstance(value, type) and attrs.has(value)
