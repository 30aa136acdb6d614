"""Ctrl+Z means "undo my last change" wherever the focus is.

A one-line field (the search box, a tag field, a filter) takes Ctrl+Z for
itself and undoes its own typing, so the user's last highlight or tag stayed
while the field's text changed under them. These fields hand the undo and
redo keys to the window's actions instead; the note editor, where typing is
the change, keeps its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
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
