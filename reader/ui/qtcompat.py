"""Small bridges over Qt API changes between the PySide6 versions we support."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


@contextmanager
def filter_change(proxy: QSortFilterProxyModel) -> Iterator[None]:
    """Wrap a change of a proxy's filter state (Qt 6.10 replaced invalidateFilter)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        yield
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt < 6.10
        yield
        proxy.invalidateFilter()


def blank_cell(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: Any
) -> QStyleOptionViewItem:
    """Paint a cell's background, selection and focus (not its text); the option
    it was painted with, for the delegate to draw its own content."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return opt
