"""The testing kit: the local task server as a pytest fixture, with scripted agents and faults.

`pip install '.[testing]'` in a checkout (`'xpander-tasks[testing]'` once published)
registers the pytest plugin (`xpander_tasks_testing.plugin`):
a test that takes the `xpander_server` fixture gets a local task server on a free loopback
port, a `Tasks` against it, and the `XPANDER_*` environment variables pointing at it.

```python
def test_summary(xpander_server):
    xpander_server.agent("summarizer", result="Short.")
    assert my_app.summarize("long text") == "Short."
    assert [c.prompt for c in xpander_server.tasks_created()] == ["Summarize: long text"]
```
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._kit import XpanderServer
else:
    # The plugin loads in every pytest run of an environment that has this package, so this
    # package must import without the server's dependencies: the kit loads on first use.
    def __getattr__(name: str) -> object:
        if name == "XpanderServer":
            from ._kit import XpanderServer  # noqa: PLC0415

            return XpanderServer
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["XpanderServer"]
