"""The window's file choosers: a library folder, pages to add, a file to import."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.article import Article
from ..core.library import copy_into, same_text
from .safe_text import plain


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


def add_pages(parent: QWidget, root: Path, files: list[Path], known: Mapping[str, Article]) -> bool:
    """Copy ``files`` into the library folder ``root`` (never overwriting a
    file there); a page the library already has (``known``, by text) is not
    copied again, and that is said. True if anything was copied."""
    have = same_text(files, known)
    if have:
        names = "\n".join(f"{p.name} → {a.title[:80]}" for p, a in have.items())
        QMessageBox.information(
            parent,
            QCoreApplication.translate("FileDialogs", "Add Files"),
            plain(
                QCoreApplication.translate(
                    "FileDialogs", "Already in the library, not added again:\n{names}"
                ).format(names=names)
            ),
        )
    outcomes = copy_into(root, [f for f in files if f not in have])
    for src, error in outcomes:
        if error is not None:
            msg = QCoreApplication.translate(
                "FileDialogs", "Could not copy {name}: {error}"
            ).format(name=src.name, error=error)
            QMessageBox.warning(
                parent, QCoreApplication.translate("FileDialogs", "Add Files"), plain(msg)
            )
    return any(error is None for _src, error in outcomes)
