"""QApplication set-up: translations, theme, the store and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core import paths
from ..core.store import Store, StoreError
from . import theme as themes
from .main_window import MainWindow
from .safe_text import plain
from .settings import Settings

RESOURCES = paths.resources_dir()
TRANSLATIONS = RESOURCES / "translations"


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Reader")
    app.setOrganizationName("reader")
    app.setDesktopFileName("reader")
    return app


def install_translations(app: QApplication, language: str) -> QLocale:
    """Our strings and Qt's own (standard dialogs) for the chosen or system locale."""
    locale = QLocale.system() if language in ("", "system") else QLocale(language)
    for old in getattr(app, "_reader_translators", []):
        app.removeTranslator(old)
    installed = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    ours = QTranslator(app)
    if ours.load(locale, "reader", "_", str(TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    app._reader_translators = installed  # type: ignore[attr-defined]
    return locale


def open_window(
    library: str | None = None, store_path: str | None = None, settings: Settings | None = None
) -> MainWindow | None:
    """Create the main window (used by ``run`` and by the tests)."""
    app = create_app()
    settings = settings or Settings()
    install_translations(app, str(settings.get("language")))
    root = paths.resolve_library(library).absolute()  # the cache keys files by path
    path = Path(store_path) if store_path else paths.default_store_path()
    try:
        store = Store.open(path, instance=True)
    except StoreError as exc:
        QMessageBox.critical(None, app.tr("Reader"), plain(str(exc)))
        return None
    win = MainWindow(store, settings, root)
    if not root.is_dir():
        QTimer.singleShot(
            0,
            lambda: QMessageBox.warning(
                win,
                win.tr("Reader"),
                plain(
                    win.tr(
                        "The library folder {folder} does not exist. "
                        "Use File ▸ Open Library Folder…"
                    ).format(folder=root)
                ),
            ),
        )
    else:
        paths.remember_library(root)
        QTimer.singleShot(0, win.start_load)
    QTimer.singleShot(0, win.show_store_messages)
    QTimer.singleShot(0, lambda: cjk_notice(win, settings))
    return win


def cjk_notice(win: MainWindow, settings: Settings) -> None:
    """Once: say how to get a Chinese font if none is installed."""
    if themes.cjk_families() or settings.get("cjk_notice_shown"):
        return
    settings.set("cjk_notice_shown", True)
    QMessageBox.information(
        win,
        win.tr("No Chinese font"),
        win.tr(
            "No installed font covers Chinese, so Chinese text shows as boxes.\n\n"
            "On Debian/Ubuntu install one with:\n    sudo apt-get install fonts-noto-cjk\n"
            "On other systems install Noto Sans CJK SC or Source Han Sans."
        ),
    )


def run(
    library: str | None = None, store: str | None = None, targets: list[str] | None = None
) -> int:
    """The app; ``targets``: ``reader://`` links and files to open. When an app
    with the same store is running, they are handed to it and this one exits."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform not in ("offscreen", "minimal"):
        from .preflight import check

        problems, warnings = check(platform)
        for w in warnings:
            print(f"reader: warning: {w}", file=sys.stderr)
        if problems:
            for p in problems:
                print(f"reader: {p}", file=sys.stderr)
            return 1
    app = create_app(sys.argv[:1])
    from .links import LinkServer, hand_over, server_name

    name = server_name(Path(store) if store else paths.default_store_path())
    if targets and hand_over(name, targets):
        return 0  # the running window has them
    win = open_window(library, store)
    if win is None:
        return 1
    if not win.store.read_only:  # (a read-only second window does not listen)
        server = LinkServer(name, win)
        server.received.connect(win.links.take)
    for t in targets or []:
        win.links.take(t)
    win.show()
    return app.exec()
