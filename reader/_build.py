"""Packaging steps of our own (used by ``pyproject.toml``, never at run time).

The design keeps icons, translations and the desktop file in ``resources/``
and the example articles in ``seeds/``, at the top of the project, outside
the ``reader`` package. A wheel must carry them: ``build_py`` copies them
into ``reader/resources`` and ``reader/seeds`` of the build, where ``reader``
looks first (``core.paths``: in a checkout it finds the top-level folders),
and ``sdist`` adds them to the source archive, from which a wheel is built.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py  # type: ignore[import-untyped]
from setuptools.command.sdist import sdist  # type: ignore[import-untyped]

#: (folder, files): what the app reads at run time
SHIPPED = {
    "resources": ("reader.desktop", "icons/*", "translations/*.qm"),
    "seeds": ("*",),  # the example library a first start opens
}


def _files(root: Path) -> list[Path]:
    return sorted(
        f
        for folder, patterns in SHIPPED.items()
        for pattern in patterns
        for f in (root / folder).glob(pattern)
        if f.is_file()
    )


class BuildWithResources(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        root = Path.cwd()  # (the project, or an unpacked sdist)
        for f in _files(root):
            dst = Path(self.build_lib) / "reader" / f.relative_to(root)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)


class SdistWithResources(sdist):  # type: ignore[misc]
    def add_defaults(self) -> None:
        super().add_defaults()
        root = Path.cwd()
        self.filelist.extend(str(f.relative_to(root)) for f in _files(root))
        self.filelist.append("resources/translations/reader_zh_CN.ts")
