"""Issue 18 #10: a distribution of our own name whose wheel carries the
translations, icons and desktop file; and the desktop entry it can install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    # (the license as an SPDX string: no setuptools deprecation warnings)
    assert "SetuptoolsDeprecationWarning" not in res.stderr + res.stdout
    (whl,) = out.glob("*.whl")
    return whl


def test_the_wheel_has_its_own_name_and_carries_the_resources(wheel: Path) -> None:
    assert wheel.name.startswith("reader_annotator-")  # "reader" on PyPI is another project
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(meta_name).decode())
        entry = z.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
        qm = z.read("reader/resources/translations/reader_zh_CN.qm")
    assert meta["Name"] == "reader-annotator" and meta["License-Expression"] == "MIT"
    assert {
        "reader/resources/reader.desktop",
        "reader/resources/icons/reader.svg",
        "reader/resources/translations/reader_zh_CN.qm",
        "reader/cli.py",
        "reader/ui/app.py",
    } <= names
    assert sum(n.startswith("reader/seeds/") for n in names) == 5  # a first start opens them
    assert "reader = reader.cli:entry" in entry and "reader-gui = reader.cli:gui_main" in entry
    assert qm == (ROOT / "resources/translations/reader_zh_CN.qm").read_bytes()


def test_the_shipped_translation_is_built_from_its_source(tmp_path: Path) -> None:
    """The .qm in resources/ (what a wheel carries) is the .ts compiled now."""
    built = tmp_path / "zh.qm"
    src = ROOT / "resources/translations/reader_zh_CN.ts"
    code = subprocess.run(
        [sys.executable, "-m", "reader.ui.i18n_build", str(src), str(built)], check=False
    ).returncode
    assert code == 0
    shipped = ROOT / "resources/translations/reader_zh_CN.qm"
    assert built.read_bytes() == shipped.read_bytes(), "run `make translations` and commit the .qm"


def test_install_desktop_names_this_reader_gui(tmp_path: Path) -> None:
    from reader.core import desktop

    written = desktop.install(tmp_path, gui="/opt/my reader/bin/reader-gui")
    entry = (tmp_path / "applications" / "reader.desktop").read_text("utf-8")
    assert "Exec='/opt/my reader/bin/reader-gui' %U" in entry
    assert "TryExec='/opt/my reader/bin/reader-gui'" in entry
    assert "x-scheme-handler/reader" in entry and "Name[zh_CN]=" in entry
    assert (tmp_path / "icons/hicolor/scalable/apps/reader.svg").read_bytes().startswith(b"<")
    assert len(written) == 2
    assert desktop.uninstall(tmp_path) == written
    assert not (tmp_path / "applications" / "reader.desktop").exists()


def test_the_first_run_messages_need_no_sudo_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18 #9: a root Debian system (a container, CI) has no sudo."""
    from reader.ui import preflight

    monkeypatch.setattr(preflight, "has_cjk_font", lambda: False)
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 0)
    _, warnings = preflight.check(platform="offscreen")
    assert "    apt-get install -y fonts-noto-cjk" in warnings[0]
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 1000)
    _, warnings = preflight.check(platform="offscreen")
    assert "sudo apt-get install -y fonts-noto-cjk" in warnings[0]
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme[: readme.index("## What it does")]
    assert "sudo apt-get" not in setup  # the commands as written work as root
