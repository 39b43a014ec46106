"""Write the README's Python examples into one module, for `mypy --strict` (nox -s typecheck).

Each ```python block becomes the body of its own `async def` (its imports stay at the top), so
a block may `await` as the README shows it, and no name leaks from one block into the next.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def module_of(readme: str) -> str:
    parts = ["# Generated from README.md by .ci/readme_examples.py: do not edit.", ""]
    for number, match in enumerate(_BLOCK.finditer(readme), start=1):
        body = match.group(1)
        imports = [line for line in body.splitlines() if line.startswith(("from ", "import "))]
        rest = "\n".join(
            line for line in body.splitlines() if not line.startswith(("from ", "import "))
        )
        parts += imports
        parts += [f"async def example_{number}() -> None:", textwrap.indent(rest, "    "), ""]
    return "\n".join(parts) + "\n"


def main(readme: Path, out: Path) -> int:
    text = readme.read_text(encoding="utf-8")
    source = module_of(text)
    if "async def example_1" not in source:
        print(f"no ```python examples in {readme}", file=sys.stderr)
        return 1
    out.write_text(source, encoding="utf-8")
    print(f"{source.count('async def example_')} examples of {readme} written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
