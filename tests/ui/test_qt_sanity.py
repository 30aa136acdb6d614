"""The Qt binding itself must be sound: PySide6 6.12.0 was not (see pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    carrying = Signal(object)


def test_emitting_signals_keeps_reference_counts() -> None:
    e = _Emitter()
    e.plain.connect(lambda: None)
    e.carrying.connect(lambda _x: None)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(300):  # well below the count that crashed 6.12.0, enough to see the leak
        e.plain.emit()
        e.carrying.emit(None)
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
