"""The generated models are what the generator's own templates make: attrs classes built by
`attrs.define` through attrs' public API, which every attrs that pyproject allows has."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs

from xpander_tasks import ClientConfig, Task
from xpander_tasks_api import models
from xpander_tasks_api.types import UNSET

ROOT = Path(__file__).resolve().parents[2]


def test_no_code_calls_attrs_private_attribute_constructor() -> None:
    # `attrs.Attribute(...)` and its `alias_is_default=` exist as such only since attrs 26.1.
    sources = [*ROOT.glob("generated/**/*.py"), *ROOT.glob("overlay/**/*.py")]
    sources += [*ROOT.glob("generator-templates/**/*.jinja")]
    offending = [
        str(path.relative_to(ROOT))
        for path in sources
        if "alias_is_default" in (text := path.read_text()) or "Attribute(" in text
    ]
    assert offending == []


def test_models_are_attrs_classes_with_secret_and_alias_fields() -> None:
    fields = attrs.fields(models.MCPServerDetails)
    assert isinstance(fields.api_key, attrs.Attribute)
    assert not fields.api_key.repr and fields.api_key.metadata["secret"] is True
    assert fields.type_.alias == "type" and not fields.additional_properties.repr
    server = models.MCPServerDetails(type=models.MCPServerType.LOCAL, api_key="k-1")
    assert server.type == server.type_ == "local" and "k-1" not in repr(server)
    assert attrs.evolve(server, name="docs").to_dict()["name"] == "docs"


def test_unset_survives_pickle_and_reads_unset() -> None:
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET and repr(UNSET) == "UNSET"


def test_bound_models_and_config_are_attrs_classes() -> None:
    assert attrs.fields(Task)[-1].name == "_client" and attrs.fields(Task)[-1].alias == "client"
    assert not attrs.fields(ClientConfig).api_key.repr
