"""The core must never import Qt: the CLI and tests run it without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "reader" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_source_never_imports_qt() -> None:
    files = list(CORE.rglob("*.py"))
    assert files, "reader/core has no modules?"
    bad = [
        f"{f.relative_to(CORE)}: {name}"
        for f in files
        for name in _imports(f)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert bad == []


def _loaded_by(imports: str, packages: tuple[str, ...]) -> list[str]:
    """Modules of ``packages`` loaded by ``import <imports>`` in a fresh process."""
    code = (
        f"import sys, {imports}; P = {packages!r};"
        "print(sorted(m for m in sys.modules if any(m == p or m.startswith(p + '.') for p in P)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return list(ast.literal_eval(out.stdout.strip()))


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    assert _loaded_by("reader.cli, reader.core.library, reader.core.cleaning", FORBIDDEN) == []


#: What a warm start never needs: the cleaner and its parsers, charset
#: detection, the process pool and the exporters load when first used
#: (together ~150 ms of every start when imported with the window).
DEFERRED = (
    "lxml",
    "bs4",
    "charset_normalizer",
    "multiprocessing",
    "reader.core.cleaning",
    "reader.core.export",
)


def test_opening_the_window_module_defers_what_a_warm_start_never_uses() -> None:
    assert _loaded_by("reader.ui.app", DEFERRED) == []
