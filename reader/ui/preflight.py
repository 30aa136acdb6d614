"""Before the window opens: are the system libraries and fonts Qt needs there?

Qt's xcb platform plugin fails with a long, cryptic message when a system
library is missing ("Could not load the Qt platform plugin xcb…"). This check
runs ``ldd`` on the plugin, maps each missing library to its Debian/Ubuntu
package, and prints the one ``apt-get`` line that fixes it. It also warns
when no installed font covers Chinese. Exit status 0 means "go ahead".
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Library file → Debian/Ubuntu package, for the libraries Qt's xcb plugin and
#: QtGui load. Anything not listed falls back to a guess from the file name.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def qt_plugin(name: str = "libqxcb.so") -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(list(spec.submodule_search_locations)[0])
    p = base / "Qt" / "plugins" / "platforms" / name
    return p if p.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries the plugin needs that the dynamic loader cannot find."""
    if not shutil.which("ldd"):
        return []
    env = dict(os.environ)
    qt_lib = plugin.parents[2] / "lib"
    env["LD_LIBRARY_PATH"] = f"{qt_lib}:{env.get('LD_LIBRARY_PATH', '')}"
    try:
        out = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, env=env, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({m.group(1) for m in re.finditer(r"^\s*(\S+) => not found", out, re.M)})


def package_for(lib: str) -> str:
    if lib in PACKAGES:
        return PACKAGES[lib]
    m = re.match(r"lib(.+?)\.so\.(\d+)", lib)
    if not m:
        return lib
    name, ver = m.group(1).lower(), m.group(2)
    return f"lib{name}-{ver}" if name[-1].isdigit() else f"lib{name}{ver}"


def has_cjk_font() -> bool | None:
    """True/False from fontconfig; None when fontconfig's tools are absent."""
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.strip())


def check(platform: str | None = None) -> tuple[list[str], list[str]]:
    """(problems that stop the app, warnings)."""
    problems: list[str] = []
    warnings: list[str] = []
    if importlib.util.find_spec("PySide6") is None:
        problems.append("PySide6 is not installed in this environment (run `make run`).")
        return problems, warnings
    platform = platform or os.environ.get("QT_QPA_PLATFORM", "")
    wants_x11 = not platform or platform.startswith("xcb")
    if wants_x11 and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            problems.append(
                "No display: DISPLAY is not set. Run Reader from a desktop session, "
                f"or under Xvfb ({apt_get()} install xvfb; xvfb-run make run)."
            )
        plugin = qt_plugin()
        if plugin is not None:
            libs = missing_libraries(plugin)
            if libs:
                pkgs = sorted({package_for(x) for x in libs})
                problems.append(
                    "Qt's X11 platform plugin cannot load; missing system libraries: "
                    + ", ".join(libs)
                    + f".\nInstall them with:\n    {apt_get()} install -y "
                    + " ".join(pkgs)
                )
    cjk = has_cjk_font()
    if cjk is False:
        warnings.append(
            "No installed font covers Chinese; text will show as boxes. Install one with:\n"
            f"    {apt_get()} install -y {CJK_FONT_PACKAGE}"
        )
    return problems, warnings


def apt_get() -> str:
    """``apt-get`` as this user runs it: root needs no sudo (and a root-only
    system such as a container may have none)."""
    return "apt-get" if os.geteuid() == 0 else "sudo apt-get"


def main() -> int:
    problems, warnings = check()
    for w in warnings:
        print(f"reader: warning: {w}", file=sys.stderr)
    for p in problems:
        print(f"reader: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
