"""Ctrl+Z means "undo my last change" wherever the focus is.

A one-line field (the search box, a tag field, a filter) takes Ctrl+Z for
itself and undoes its own typing, so the user's last highlight or tag stayed
while the field's text changed under them. These fields hand the undo and
redo keys to the window's actions instead; the note editor, where typing is
the change, keeps its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _HandUndoOn(QObject):
    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and any(event.matches(k) for k in _KEYS)
        ):
            event.ignore()  # not the field's: the window's Undo/Redo action takes it
            return True
        return False


_FILTER: _HandUndoOn | None = None


def hand_undo_to_window(*fields: QWidget) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = _HandUndoOn()
    for f in fields:
        f.installEventFilter(_FILTER)


def undo_labels(history: Any) -> tuple[str, str]:
    """The Undo and Redo menu texts, naming the step in the user's language
    (an operation's label is the core's English, marked for translation)."""

    def name(op: Any) -> str:
        return QCoreApplication.translate("Core", op.label)

    done, undone = history.done, history.undone
    undo = (
        QCoreApplication.translate("MainWindow", "&Undo {what}").format(what=name(done[-1]))
        if done
        else QCoreApplication.translate("MainWindow", "&Undo")
    )
    redo = (
        QCoreApplication.translate("MainWindow", "&Redo {what}").format(what=name(undone[-1]))
        if undone
        else QCoreApplication.translate("MainWindow", "&Redo")
    )
    return undo, redo
