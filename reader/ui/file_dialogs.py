"""The window's file choosers: a library folder, pages to add, a file to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_library(parent: QWidget, start: Path) -> Path | None:
    d = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("FileDialogs", "Open Library Folder"), str(start)
    )
    return Path(d) if d else None


def choose_pages(parent: QWidget) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("FileDialogs", "Add Files to the Library"),
        str(Path.home()),
        QCoreApplication.translate(
            "FileDialogs",
            "Saved pages (*.html *.htm *.mhtml *.mht *.txt *.md *.markdown);;All files (*)",
        ),
    )
    return [Path(f) for f in files]


def choose_import(parent: QWidget) -> Path | None:
    f, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Import Annotations"),
        str(Path.home()),
        QCoreApplication.translate(
            "FileDialogs",
            "Annotations (*.json *.jsonld *.qdpx *.csv);;W3C annotations (*.json *.jsonld);;"
            "REFI-QDA projects (*.qdpx);;Readwise CSV (*.csv);;All files (*)",
        ),
    )
    return Path(f) if f else None
