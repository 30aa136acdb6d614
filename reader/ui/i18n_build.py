"""Build a Qt ``.qm`` translation from its ``.ts`` source (``make translations``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def lrelease() -> str:
    here = Path(sys.executable).parent
    for cand in (
        here / "pyside6-lrelease",
        shutil.which("pyside6-lrelease"),
        shutil.which("lrelease"),
    ):
        if cand and Path(cand).exists():
            return str(cand)
    raise SystemExit("pyside6-lrelease not found: install PySide6 (make does this)")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m reader.ui.i18n_build SOURCE.ts TARGET.qm", file=sys.stderr)
        return 2
    src, dst = argv
    return subprocess.run([lrelease(), "-silent", src, "-qm", dst], check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
